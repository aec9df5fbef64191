/** The amounts of a table row: the values of its amount cells, the cells whose value cannot be known, vectors. */
import { cellNumber, ParsedNumber } from '../model/numbers';
import { Grid } from './grid';
import { TableColumn, TableRow } from './types';

/**
 * A row's amounts by column, read-only: the columns and numbers in one list, left to right (col, number, col,
 * number…). A row has a handful; a Map per row was a third of the table reader's allocation, all kept to the end.
 */
export class RowValues implements ReadonlyMap<number, ParsedNumber> {
  constructor(private readonly pairs: (number | ParsedNumber)[]) {}

  get size(): number {
    return this.pairs.length >> 1;
  }

  get(col: number): ParsedNumber | undefined {
    const p = this.pairs;
    for (let i = 0; i < p.length; i += 2) if (p[i] === col) return p[i + 1] as ParsedNumber;
    return undefined;
  }

  has(col: number): boolean {
    return this.get(col) !== undefined;
  }

  forEach(fn: (value: ParsedNumber, col: number, map: ReadonlyMap<number, ParsedNumber>) => void): void {
    const p = this.pairs;
    for (let i = 0; i < p.length; i += 2) fn(p[i + 1] as ParsedNumber, p[i] as number, this);
  }

  entries(): MapIterator<[number, ParsedNumber]> {
    const p = this.pairs;
    const out: [number, ParsedNumber][] = [];
    for (let i = 0; i < p.length; i += 2) out.push([p[i] as number, p[i + 1] as ParsedNumber]);
    return out.values();
  }

  /** The columns, left to right (an array's iterator: generators are slow on the code path). */
  keys(): MapIterator<number> {
    const p = this.pairs;
    const out: number[] = [];
    for (let i = 0; i < p.length; i += 2) out.push(p[i] as number);
    return out.values();
  }

  values(): MapIterator<ParsedNumber> {
    const p = this.pairs;
    const out: ParsedNumber[] = [];
    for (let i = 1; i < p.length; i += 2) out.push(p[i] as ParsedNumber);
    return out.values();
  }

  [Symbol.iterator](): MapIterator<[number, ParsedNumber]> {
    return this.entries();
  }
}

const NO_VALUES = new RowValues([]);

/** The amounts of a row by column (blank and percent cells left out). */
export function amountValues(grid: Grid, row: number, cols: TableColumn[]): TableRow['values'] {
  let pairs: (number | ParsedNumber)[] | undefined;
  // the row's cells once (grid.cell per cell is two calls more for every amount)
  const cells = grid.sheet.rows[row];
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    const n = cellNumber(cells?.[c.col]);
    if (n && !n.percent) (pairs ??= []).push(c.col, n);
  }
  return pairs ? new RowValues(pairs) : NO_VALUES;
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
