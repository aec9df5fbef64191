/**
 * The workbook model every reader produces (the .xlsx reader, the Office.js adapter, test builders).
 * Plain data: no Office.js, no Node I/O.
 */
import { CellRange, toA1 } from './address';

export interface CellError {
  error: string; // '#REF!', '#DIV/0!', …
}

/** number | text | boolean | error | empty (null). */
export type CellValue = number | string | boolean | CellError | null;

export interface Cell {
  value: CellValue;
  /** Formula text without the leading '='. */
  formula?: string;
  /** The file stores a formula but no cached result: the value is unknown, not empty. */
  noCachedValue?: boolean;
  /** Number format code as stored ('#,##0.00', '0.00%', 'General'). */
  numFmt?: string;
  bold?: boolean;
}

export interface Sheet {
  name: string;
  hidden?: boolean;
  protected?: boolean;
  /** Set for sheets that hold no cells Gouji reads (chart / dialog / macro sheets); absent for worksheets. */
  kind?: 'chartsheet' | 'dialogsheet' | 'macrosheet';
  /** Set on sheets Gouji itself wrote (the summary); the review ignores them. */
  generatedBy?: 'gouji';
  /** Set by a reader when the sheet's content could not be read (its XML is damaged): why, in zh and en. The
   *  sheet is then empty and the review lists it as skipped with this reason. */
  unreadable?: { zh: string; en: string };
  /** rows[r][c], 0-based; holes are empty cells. */
  rows: (Cell | undefined)[][];
  merges: CellRange[];
}

export interface Workbook {
  /** File name or document title, for reports. */
  name?: string;
  sheets: Sheet[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function getCell(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col];
}

/** Number of rows and columns in use (1 past the last non-empty cell). */
export function sheetExtent(sheet: Sheet): { rows: number; cols: number } {
  let cols = 0;
  for (const r of sheet.rows) if (r && r.length > cols) cols = r.length;
  for (const m of sheet.merges) if (m.right + 1 > cols) cols = m.right + 1;
  let rows = sheet.rows.length;
  for (const m of sheet.merges) if (m.bottom + 1 > rows) rows = m.bottom + 1;
  return { rows, cols };
}

/** Display text of a cell value ('' for empty); numbers in plain JS form. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.error;
}

/** The merged range that covers (row, col), if any. */
export function mergeAt(sheet: Sheet, row: number, col: number): CellRange | undefined {
  for (const m of sheet.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}

/**
 * Text as a reader sees it on screen: a cell inside a merged range shows the merge's top-left value.
 * Build once per sheet with `mergedLookup` when calling it for many cells.
 */
export function mergedLookup(sheet: Sheet): (row: number, col: number) => Cell | undefined {
  const owner = new Map<number, { row: number; col: number }>();
  const key = (r: number, c: number) => r * 16384 + c;
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) owner.set(key(r, c), { row: m.top, col: m.left });
  }
  return (row, col) => {
    const o = owner.get(key(row, col));
    return o ? getCell(sheet, o.row, o.col) : getCell(sheet, row, col);
  };
}

/** Small builder for tests and adapters: set a value at an A1-free position. */
export function setCell(sheet: Sheet, row: number, col: number, cell: Cell): void {
  let r = sheet.rows[row];
  if (!r) {
    r = [];
    sheet.rows[row] = r;
  }
  r[col] = cell;
}

export function cellAddress(sheet: Sheet, row: number, col: number): { sheet: string; cell: string } {
  return { sheet: sheet.name, cell: toA1(row, col) };
}

/** Build a sheet from a 2-D array of values (tests, fakes). Strings starting with '=' stay text. */
export function sheetFromValues(name: string, values: CellValue[][], merges: CellRange[] = []): Sheet {
  const sheet: Sheet = { name, rows: [], merges };
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') setCell(sheet, r, c, { value: v });
    }),
  );
  return sheet;
}
