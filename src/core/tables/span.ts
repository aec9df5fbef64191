/**
 * The header span of a budget table: the rows from the title (past unit and issuer lines) to the first data
 * row, its 栏次 rows, and the columns its header cells cover (merged ranges included).
 */
import { parseUnitLine } from '../model/numbers';
import { Grid } from './grid';
import { isColumnNumberRow, isDataStart, isPreHeaderRow } from './header';
import { TitleRow } from './titles';
import { UnitReading, unitOfHeaderRows, unitOfLine, unitOfTitleRow } from './units';

/** Why a table could not be read, in both languages (completes “… but <reason>; not read”). */
export interface Unreadable {
  zh: string;
  en: string;
}

export interface HeaderSpan {
  top: number;
  bottom: number;
  /** Header rows with text (栏次 rows and blank rows left out). */
  rows: number[];
  /** 栏次 rows inside the header (skipped, never data). */
  numberRows: number[];
  left: number;
  right: number;
}

/** Find the header of the table under `title` (ending at row `end`), reading the unit on the way. */
export function findHeaderSpan(
  grid: Grid,
  title: TitleRow,
  end: number,
  unit: UnitReading,
): HeaderSpan | Unreadable {
  const top = headerStart(grid, title, end, unit);
  if (top > end) return { zh: '标题下没有表头', en: 'there is no header under the title' };
  const bottom = headerEnd(grid, top, end);
  if (bottom < top) return { zh: '标题下没有表头行', en: 'there is no header row under the title' };
  const all: number[] = [];
  for (let h = top; h <= bottom; h++) all.push(h);
  const numberRows = all.filter((h) => isColumnNumberRow(grid, h));
  const rows = all.filter((h) => !numberRows.includes(h) && !grid.isBlankRow(h));
  if (rows.length === 0) return { zh: '找不到表头文字', en: 'no header text was found' };
  unitOfHeaderRows(grid, rows, unit);
  const cols = columnSpan(grid, rows);
  if (!cols) return { zh: '找不到表头文字', en: 'no header text was found' };
  return { top, bottom, rows, numberRows, ...cols };
}

/** The first header row: after the title and the unit / issuer lines under it (their units read). */
function headerStart(grid: Grid, title: TitleRow, end: number, unit: UnitReading): number {
  if (title.headerTop !== undefined) {
    // an untitled table: its unit line (if any) sits in the rows found above the header
    for (let h = title.row; h < title.headerTop; h++) unitOfLine(grid, h, unit);
    return title.headerTop;
  }
  unitOfTitleRow(grid, title, unit);
  let row = title.row + 1;
  while (row <= end && row - title.row <= 4 && isPreHeaderRow(grid, row) && !isDataStart(grid, row)) {
    unitOfLine(grid, row, unit);
    row++;
  }
  return row;
}

/** The last header row: before the first data row (at most 8 rows), blank rows at its end left out. */
function headerEnd(grid: Grid, top: number, end: number): number {
  const firstCol = grid.rowCells(top)[0]?.col ?? 0;
  let row = top;
  while (row <= end && !isDataStart(grid, row, firstCol) && row - top < 8) row++;
  let bottom = row - 1;
  while (bottom > top && grid.isBlankRow(bottom)) bottom--;
  return bottom;
}

/** Leftmost and rightmost column the header's cells cover (unit lines in the header not counted). */
function columnSpan(grid: Grid, rows: number[]): { left: number; right: number } | undefined {
  let left = Infinity;
  let right = -1;
  for (const h of rows)
    for (const c of grid.rowCells(h)) {
      if (parseUnitLine(c.text)) continue;
      const m = grid.rangeAt(h, c.col);
      left = Math.min(left, m.left);
      right = Math.max(right, m.right);
    }
  return right < 0 ? undefined : { left, right };
}
