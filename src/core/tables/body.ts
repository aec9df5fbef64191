/**
 * The body of a budget table: its data rows up to the notes, the note rows (注：… / 本表无数据), and the rows
 * skipped because they repeat the header (and the title and unit lines above it) after a page break.
 */
import { Grid } from './grid';
import { isColumnNumberRow } from './header';
import { HeaderSpan } from './span';
import { compact, isEmptyStatement, isNoteText } from './text';
import { TitleRow } from './titles';

export interface TableBody {
  dataRows: number[];
  noteRows: number[];
  /** 栏次 rows and repeated header rows. */
  skippedRows: number[];
  /** The table's own statement that it is empty (本表无数据…), if any. */
  emptyStatement?: string;
  /** The last row that belongs to the table. */
  bottom: number;
}

/** Read the rows under the header span down to `end`. */
export function readBody(grid: Grid, title: TitleRow, span: HeaderSpan, end: number): TableBody {
  const { left, right } = span;
  const headerSigs = repeatedHeaderSignatures(grid, title, span);
  const body: TableBody = {
    dataRows: [],
    noteRows: [],
    skippedRows: [...span.numberRows],
    bottom: span.bottom,
  };
  for (let row = span.bottom + 1; row <= end; row++) {
    const cells = grid.rowCells(row);
    if (cells.length === 0) continue;
    let hasNumber = false;
    for (let i = 0; i < cells.length && !hasNumber; i++) {
      const c = cells[i];
      if (c.col >= left && c.col <= right && typeof c.cell.value === 'number') hasNumber = true;
    }
    // a row with a code or an amount cannot be a repeated header; only text rows are compared
    const codeLike = hasNumber || /^\d{3,9}$/.test(compact(cells[0].text));
    if (isColumnNumberRow(grid, row) || (!codeLike && headerSigs.has(signature(grid, row, left, right)))) {
      body.skippedRows.push(row);
      body.bottom = row;
      continue;
    }
    const first = cells[0].text;
    if (!hasNumber && (isNoteText(first) || isEmptyStatement(first) || body.noteRows.length > 0)) {
      body.noteRows.push(row);
      if (isEmptyStatement(first) && !body.emptyStatement) body.emptyStatement = first;
      body.bottom = row;
      continue;
    }
    if (body.noteRows.length > 0) break;
    body.dataRows.push(row);
    body.bottom = row;
  }
  return body;
}

/** Rows repeated after a page break: the header rows, and the title and unit lines above them. */
function repeatedHeaderSignatures(grid: Grid, title: TitleRow, span: HeaderSpan): Set<string> {
  const sigs = new Set(span.rows.map((h) => signature(grid, h, span.left, span.right)));
  for (let h = title.row; h < span.top; h++)
    if (!grid.isBlankRow(h)) sigs.add(signature(grid, h, span.left, span.right));
  return sigs;
}

/** A row's texts inside the table's columns, compacted and joined. */
function signature(grid: Grid, row: number, left: number, right: number): string {
  return grid
    .rowCells(row)
    .filter((c) => c.col >= left && c.col <= right)
    .map((c) => compact(c.text))
    .join('|');
}
