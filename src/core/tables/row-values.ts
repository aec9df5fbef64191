/** The amounts of a table row: the values of its amount cells, the cells whose value cannot be known, vectors. */
import { cellNumber, ParsedNumber } from '../model/numbers';
import { Grid } from './grid';
import { TableColumn, TableRow } from './types';

/** The amounts of a row by column (blank and percent cells left out). */
export function amountValues(grid: Grid, row: number, cols: TableColumn[]): TableRow['values'] {
  const values = new Map<number, ParsedNumber>();
  // the row's cells once (grid.cell per cell is two calls more for every amount)
  const cells = grid.sheet.rows[row];
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    const n = cellNumber(cells?.[c.col]);
    if (n && !n.percent) values.set(c.col, n);
  }
  return values;
}

/** Amount cells whose value cannot be known: a formula without a cached result, an error value (#REF!). */
export function unknownCells(grid: Grid, row: number, cols: TableColumn[]): readonly number[] {
  let out: number[] | undefined;
  const cells = grid.sheet.rows[row];
  if (!cells) return NONE;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    const cell = cells[c.col];
    if (!cell) continue;
    if (cell.noCachedValue || (typeof cell.value === 'object' && cell.value !== null))
      (out ??= []).push(c.col);
  }
  // most rows have none: one shared empty list (callers keep a list only when it has cells)
  return out ?? NONE;
}

const NONE: readonly number[] = Object.freeze([]);

/** A row's amounts in `cols` as integers at `decimals` (0 for a blank cell). */
export function vector(row: TableRow, cols: number[], decimals: number): number[] {
  return cols.map((c) => {
    const v = row.values.get(c);
    return v ? Math.round(v.value * 10 ** decimals) : 0;
  });
}

/** The most decimals printed in the rows (at most 6). */
export function decimalsOf(rows: TableRow[]): number {
  let d = 0;
  const amount = (v: ParsedNumber) => {
    d = Math.max(d, Math.min(v.decimals, 6));
  };
  for (let i = 0; i < rows.length; i++) rows[i].values.forEach(amount);
  return d;
}
