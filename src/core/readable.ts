/**
 * Numbers and cell lists as a reviewer reads them, for every report (pane, notes, CLI, summary): thousands
 * separators and the decimals a money table prints; long lists of related cells summarised as ranges.
 */
import { CellRef, Lang } from './model/findings';
import { parseA1, toA1 } from './model/address';
import { groupThousands } from './model/numbers';

/**
 * A number with thousands separators. `decimals` when the caller knows the table's precision; otherwise
 * money-like values (a fraction, or 1,000 and more) get two decimals and small whole numbers (counts) none.
 */
export function readableNumber(v: number, decimals?: number): string {
  if (!Number.isFinite(v)) return String(v);
  const own = decimals ?? (Number.isInteger(v) && Math.abs(v) < 1000 ? 0 : Math.max(2, ownDecimals(v)));
  const plain = grouped(v, own);
  if (plain !== undefined) return plain;
  // a formatter is costly to make: one per number of decimals
  let f = FORMATTERS.get(own);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: own,
      maximumFractionDigits: own,
      useGrouping: true,
    });
    FORMATTERS.set(own, f);
  }
  return f.format(v);
}

const FORMATTERS = new Map<number, Intl.NumberFormat>();

/**
 * What Intl.NumberFormat('en-US') prints for `v` at `digits` decimals, without ICU (a message builds several per
 * finding): the shortest decimal form of `v` (as ICU reads a double) rounded half away from zero, thousands
 * grouped. Undefined for an exponent form (|v| ≥ 1e21 or < 1e-6) or more than 20 decimals, left to Intl.
 */
function grouped(v: number, digits: number): string | undefined {
  const s = String(Math.abs(v));
  if (s.includes('e') || !Number.isInteger(digits) || digits < 0 || digits > 20) return undefined;
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (frac.length > digits) {
    const up = frac.charCodeAt(digits) >= 53; // the first digit dropped is 5 or more
    frac = frac.slice(0, digits);
    if (up) {
      // add one unit of the last kept digit, carrying through the fraction into the integer
      const all = (int + frac).split('');
      let i = all.length - 1;
      while (i >= 0 && all[i] === '9') all[i--] = '0';
      if (i >= 0) all[i] = String.fromCharCode(all[i].charCodeAt(0) + 1);
      else all.unshift('1');
      int = all.slice(0, all.length - frac.length).join('');
      frac = all.slice(all.length - frac.length).join('');
    }
  } else frac = frac.padEnd(digits, '0');
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  return `${sign}${groupThousands(int)}${digits > 0 ? `.${frac}` : ''}`;
}

/** Decimals a value has as written (at most 6, floating noise removed). */
function ownDecimals(v: number): number {
  const text = String(Number(v.toFixed(6)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** An expected/actual value for a report: numbers readable, text quoted (it is the workbook's own text). */
export function readableValue(v: number | string, lang: Lang): string {
  if (typeof v === 'number') return readableNumber(v);
  if (/^[-+]?[\d,.]+%?$/.test(v.trim())) return v;
  return lang === 'zh' ? `“${v}”` : `"${v}"`;
}

/** Past this many cells, a list of related cells is summarised with its count. */
export const CELL_LIST_MAX = 4;

/**
 * Related cells as a short text: runs of cells down a column or along a row become ranges (`C5:C20`), cells
 * on another sheet than `sheet` are prefixed with it, and past a few the count follows (`C5:C20 (16 cells)`).
 */
export function summariseCells(cells: CellRef[], sheet: string | undefined, lang: Lang): string {
  const unique = [...new Map(cells.map((c) => [`${c.sheet}\u0000${c.cell}`, c])).values()];
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const c of unique) {
    let at: { row: number; col: number };
    try {
      at = parseA1(c.cell);
    } catch {
      continue;
    }
    bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), at]);
  }
  const few = unique.length <= CELL_LIST_MAX;
  const parts: string[] = [];
  for (const [name, list] of bySheet) {
    const prefix = name === sheet ? '' : `${name}!`;
    for (const run of few ? list.map((c) => toA1(c.row, c.col)) : runs(list)) parts.push(prefix + run);
  }
  const shown = parts.length > 6 ? [...parts.slice(0, 6), '…'] : parts;
  const text = shown.join(', ');
  if (few) return text;
  return lang === 'zh' ? `${text}（共 ${unique.length} 个单元格）` : `${text} (${unique.length} cells)`;
}

/** Consecutive cells down a column, then along a row, as A1 ranges (in first-seen order of their start). */
function runs(cells: { row: number; col: number }[]): string[] {
  const key = (r: number, c: number) => `${r},${c}`;
  const left = new Set(cells.map((c) => key(c.row, c.col)));
  const out: string[] = [];
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  for (const c of sorted) {
    if (!left.has(key(c.row, c.col))) continue;
    let bottom = c.row;
    while (left.has(key(bottom + 1, c.col))) bottom++;
    let right = c.col;
    if (bottom === c.row) while (left.has(key(c.row, right + 1))) right++;
    for (let r = c.row; r <= bottom; r++) for (let k = c.col; k <= right; k++) left.delete(key(r, k));
    out.push(
      bottom === c.row && right === c.col
        ? toA1(c.row, c.col)
        : `${toA1(c.row, c.col)}:${toA1(bottom, right)}`,
    );
  }
  return out;
}
