/**
 * The money unit of a budget table: in the title row, on a unit line between title and header, in a header
 * cell (单位：万元 / 金额（万元）), else the unit most tables of the workbook state (else 万元).
 */
import { MoneyUnit, parseUnitLine, unitInText } from '../model/numbers';
import { Grid } from './grid';
import { TitleRow } from './titles';
import { BudgetTable, TableColumn } from './types';

/** The unit read so far and where it was read; `assumed` until a unit is found. */
export interface UnitReading {
  unit: MoneyUnit | null;
  from: BudgetTable['unitFrom'];
}

/** The unit stated on the title row: in the title cell itself only in brackets, in the other cells as a unit line. */
export function unitOfTitleRow(grid: Grid, title: TitleRow, reading: UnitReading): void {
  for (const c of grid.rowCells(title.row)) {
    const u = c.col === title.col ? unitInText(c.text) : (parseUnitLine(c.text) ?? unitInText(c.text));
    if (u) [reading.unit, reading.from] = [u, 'title'];
  }
}

/** Unit lines (单位：万元) on a row: the last one on the row wins. */
export function unitOfLine(grid: Grid, row: number, reading: UnitReading): void {
  for (const c of grid.rowCells(row)) {
    const u = parseUnitLine(c.text);
    if (u) [reading.unit, reading.from] = [u, 'line'];
  }
}

/** A unit line inside the header rows, when none was found above them (the first one wins). */
export function unitOfHeaderRows(grid: Grid, headerRows: number[], reading: UnitReading): void {
  for (const h of headerRows)
    for (const c of grid.rowCells(h)) {
      const u = parseUnitLine(c.text);
      if (u && reading.from === 'assumed') [reading.unit, reading.from] = [u, 'header'];
    }
}

/** A unit in a column header (金额（万元）), when none was found elsewhere. */
export function unitOfColumns(columns: TableColumn[], reading: UnitReading): void {
  if (reading.from !== 'assumed') return;
  for (const c of columns)
    for (const n of c.nodes ?? []) {
      const u = unitInText(n.text);
      if (u) [reading.unit, reading.from] = [u, 'header'];
    }
}

/** Tables without a unit line take the unit most tables of the workbook state (else 万元). */
export function assumeUnits(tables: BudgetTable[]): void {
  const count = new Map<MoneyUnit, number>();
  for (const t of tables) if (t.unitFrom !== 'assumed') count.set(t.unit, (count.get(t.unit) ?? 0) + 1);
  let best: MoneyUnit = '万元';
  let n = 0;
  for (const [u, k] of count) if (k > n) [best, n] = [u, k];
  for (const t of tables) if (t.unitFrom === 'assumed') t.unit = best;
}
