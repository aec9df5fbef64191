/**
 * Where budget tables start: titles (one to six text cells naming a kind and ending in 表), an untitled table
 * found from its header words, and a sheet that looks tabular but could not be read (listed in skipped).
 */
import { classifyTitle, TitleKind } from './classify';
import { Grid, RowCell } from './grid';
import { isPreHeaderRow } from './header';
import { compact } from './text';

export interface TitleRow {
  row: number;
  col: number;
  text: string;
  kind: TitleKind;
  /** A table printed without a recognisable title: found from its header row (this row). */
  headerTop?: number;
}

export function findTitles(grid: Grid): TitleRow[] {
  const out: TitleRow[] = [];
  // every row of every sheet: index loops, no closure or list made for a row that holds no title
  for (let r = 0; r < grid.rows; r++) {
    const cells = grid.rowCells(r);
    if (cells.length === 0 || cells.length > 6 || hasNumber(cells)) continue;
    let best: TitleRow | undefined;
    let table = false;
    // a title spread over cells (2026年 | XX局 | 一般公共预算 | 支出表 | 单位：万元) is read joined
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      // classifyTitle wants a 表: a row without one holds no title
      if (!c.text.includes('表')) continue;
      table = true;
      if (cells.length > 3) break;
      const k = classifyTitle(c.text);
      if (k && (!best || c.text.length > best.text.length))
        best = { row: r, col: c.col, text: c.text, kind: k };
    }
    if (!best && table && cells.length > 1) {
      const joined = cells.map((c) => c.text).join(' ');
      const k = classifyTitle(joined);
      if (k) best = { row: r, col: cells[0].col, text: joined, kind: k };
    }
    if (best) out.push(best);
  }
  return out;
}

function hasNumber(cells: readonly RowCell[]): boolean {
  for (let i = 0; i < cells.length; i++) if (typeof cells[i].cell.value === 'number') return true;
  return false;
}

function anyMatches(cells: readonly RowCell[], re: RegExp): boolean {
  for (let i = 0; i < cells.length; i++) if (re.test(compact(cells[i].text))) return true;
  return false;
}

/** Words of a budget-table header: the label columns and the amount columns. */
const LABEL_HEADER = /(科目|功能|经济|分类).*(编码|代码|名称)|^科目$|^(项目|单位)名称$|^(类|款|项)$/;
const AMOUNT_HEADER =
  /^(合计|总计|基本支出|项目支出|人员经费|公用经费|本年预算|预算数|金额|一般公共预算|财政拨款|政府性基金)/;

/**
 * A table without a recognisable title above `before`: the first row whose cells name a label column (科目编码 /
 * 科目名称 / 经济分类科目…) and an amount column (合计 / 基本支出 / 项目支出…), with numbers in the rows under it.
 */
export function findUntitled(grid: Grid, before: number): TitleRow | undefined {
  for (let r = 0; r < before; r++) {
    const cells = grid.rowCells(r);
    if (cells.length < 2 || hasNumber(cells)) continue;
    if (!anyMatches(cells, LABEL_HEADER) || !anyMatches(cells, AMOUNT_HEADER)) continue;
    let numbers = 0;
    for (let d = r + 1; d < Math.min(before, r + 12); d++) if (hasNumber(grid.rowCells(d))) numbers++;
    if (numbers === 0) return undefined;
    // the unit line just above the header, if any, opens the table
    let top = r;
    while (top > 0 && r - top < 2 && !grid.isBlankRow(top - 1) && isPreHeaderRow(grid, top - 1)) top--;
    return {
      row: top,
      col: -1,
      text: '',
      kind: { kind: 'unknown-budget', variant: 'budget' },
      headerTop: r,
    };
  }
  return undefined;
}

/** A block of header words over three or more rows of numbers (not a performance form). */
export function looksTabular(grid: Grid): boolean {
  let numberRows = 0;
  let words = false;
  for (let r = 0; r < grid.rows; r++) {
    const cells = grid.rowCells(r);
    if (cells.some((c) => /绩效|目标|自评|指标|评分/.test(c.text))) return false;
    if (cells.filter((c) => typeof c.cell.value === 'number').length >= 2) numberRows++;
    else if (cells.some((c) => /编码|科目|合计|金额|支出|收入/.test(compact(c.text)))) words = true;
  }
  return words && numberRows >= 3;
}
