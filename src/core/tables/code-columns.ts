/**
 * Code columns of a budget table: joined (2040201), split over 类 | 款 | 项 (marked from their labels or their
 * content), or a 单位代码 column; the code of a row and the level it gives.
 */
import { Grid } from './grid';
import { compact } from './text';
import { RowLevel, TableColumn } from './types';

const SPLIT_LEVELS = ['lei', 'kuan', 'xiang'] as const;

/**
 * Mark 类 | 款 | 项 code columns: by their 类/款/项 header labels, or — when one merged 科目编码 header spans
 * several columns without such labels — by their content: a column of 3-digit codes followed by columns of
 * 1–2-digit parts ('03', '01') under the same header cell.
 */
export function markSplitCodes(grid: Grid, columns: TableColumn[], dataRows: number[]): void {
  for (const c of columns) {
    if (c.role !== 'code') continue;
    const deepest = compact(c.nodes?.[c.nodes.length - 1]?.text ?? '');
    const k = ['类', '款', '项'].indexOf(deepest);
    if (k >= 0) c.split = SPLIT_LEVELS[k];
  }
  // the column prints some all-digit texts, and every one of them is `ok` (stops at the first that is not)
  const digitsAll = (col: number, ok: (t: string) => boolean): boolean => {
    let any = false;
    for (const r of dataRows) {
      const t = compact(grid.ownText(r, col));
      if (!/^\d+$/.test(t)) continue;
      if (!ok(t)) return false;
      any = true;
    }
    return any;
  };
  for (let i = 0; i < columns.length; i++) {
    const first = columns[i];
    if (first.split || first.role !== 'code') continue;
    if (!digitsAll(first.col, (t) => t.length === 3)) continue;
    const top = first.nodes?.[0]?.range;
    const run = [first];
    for (let j = i + 1; j < columns.length && run.length < 3; j++) {
      const c = columns[j];
      if (c.col !== run[run.length - 1].col + 1 || c.split || c.role === 'name') break;
      const r = c.nodes?.[0]?.range;
      const sameHeader =
        (c.nodes ?? []).length === 0 ||
        (!!top && !!r && r.top === top.top && r.left === top.left && r.bottom === top.bottom);
      if (!sameHeader) break;
      if (!digitsAll(c.col, (t) => t.length <= 2)) break;
      run.push(c);
    }
    if (run.length < 2) continue;
    run.forEach((c, k) => {
      c.split = SPLIT_LEVELS[k];
      c.role = 'code';
      delete c.measure;
      delete c.period;
    });
    i += run.length - 1;
  }
}

/** 类/款/项 split columns, a 单位代码 column, or a joined classification code column. */
export function codeKind(c: TableColumn): 'split' | 'unit' | 'joined' {
  if (c.split) return 'split';
  const texts = (c.nodes ?? []).map((n) => compact(n.text));
  const deepest = texts[texts.length - 1] ?? '';
  if (/^(类|款|项)$/.test(deepest)) return 'split';
  if (texts.some((t) => /(单位|部门)(代码|编码|编号)/.test(t))) return 'unit';
  return 'joined';
}

/** Runs of code columns: adjacent 类|款|项 columns form one run; any other code column is a run of its own. */
export function codeRuns(columns: TableColumn[]): TableColumn[][] {
  const runs: TableColumn[][] = [];
  let cur: TableColumn[] = [];
  const flush = () => {
    if (cur.length) runs.push(cur);
    cur = [];
  };
  for (const c of columns) {
    if (c.role !== 'code') {
      flush();
      continue;
    }
    if (codeKind(c) === 'split') {
      cur.push(c);
      continue;
    }
    flush();
    runs.push([c]);
  }
  flush();
  return runs;
}

/**
 * Read the code of a row from a run of code columns, carrying 类/款 down for split layouts: `carried` holds the
 * parts read on the rows above (one per column of the run) and is updated.
 */
export function readCode(
  grid: Grid,
  row: number,
  run: TableColumn[],
  carried: (string | undefined)[],
): string | undefined {
  if (run.length === 1) {
    const t = compact(grid.ownText(row, run[0].col));
    return /^\d{3,9}$/.test(t) ? t : undefined;
  }
  const parts: (string | undefined)[] = [];
  let deepest = -1;
  for (let i = 0; i < run.length; i++) {
    const t = compact(grid.ownText(row, run[i].col));
    const part = /^\d{1,9}$/.test(t) ? t : undefined;
    parts.push(part);
    if (part !== undefined) deepest = i;
  }
  if (deepest < 0) return undefined;
  // a 款/项 cell that holds the whole code ('20406') stands alone
  const whole = parts[deepest] as string;
  if (deepest > 0 && whole.length > 2) {
    for (let i = 0; i < carried.length; i++) carried[i] = undefined;
    carried[0] = whole.slice(0, 3);
    return whole;
  }
  for (let i = 0; i <= deepest; i++) if (parts[i] !== undefined) carried[i] = parts[i];
  for (let i = deepest + 1; i < carried.length; i++) carried[i] = undefined;
  let code = '';
  for (let i = 0; i <= deepest; i++) {
    const piece = carried[i];
    if (piece === undefined) return undefined;
    code += piece;
  }
  return code;
}

export function levelOfCode(code: string, unitCodes: boolean): RowLevel {
  if (unitCodes) return 'item';
  if (!/^[235]/.test(code)) return 'other';
  if (code.length === 3) return 'lei';
  if (code.length === 5) return 'kuan';
  if (code.length === 7) return 'xiang';
  return 'other';
}
