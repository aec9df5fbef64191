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

/**
 * Number of rows and columns in use (1 past the last non-empty cell, or merge). A merge reaching far past the
 * last cell (a whole-column or whole-sheet merge) counts only MERGE_OVERHANG rows (MERGE_OVERHANG_COLS columns) beyond it: the rows
 * below would only repeat the merge's own text, and walking a million of them is work without a finding.
 */
export function sheetExtent(sheet: Sheet): { rows: number; cols: number } {
  let cols = 0;
  // forEach skips the holes of a sparse sheet (one cell at row 1,000,000 is one row, not a million)
  sheet.rows.forEach((r) => {
    if (r && r.length > cols) cols = r.length;
  });
  const ownCols = cols;
  const ownRows = sheet.rows.length;
  let rows = ownRows;
  for (const m of sheet.merges) {
    if (m.right + 1 > cols) cols = Math.min(m.right + 1, Math.max(ownCols, m.left + 1) + MERGE_OVERHANG_COLS);
    if (m.bottom + 1 > rows) rows = Math.min(m.bottom + 1, Math.max(ownRows, m.top + 1) + MERGE_OVERHANG);
  }
  return { rows, cols };
}

const MERGE_OVERHANG = 256;
const MERGE_OVERHANG_COLS = 64;

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

/**
 * Merged ranges indexed once per sheet, never expanded beyond a bound: small merges (≤ 64 cells) by cell, merges
 * up to 256 rows high by row, taller ones (a whole-column or whole-sheet merge) in a short list. `mergeAt` and
 * `mergesInRow` are then O(1) for ordinary forms, whatever the size of the merges.
 */
interface MergeIndex {
  merges: CellRange[];
  count: number;
  byCell: Map<number, CellRange>;
  byRow: Map<number, CellRange[]>;
  tall: CellRange[];
}

const SMALL_MERGE = 64;
const ROW_MERGE = 256;
const indexes = new WeakMap<Sheet, MergeIndex>();
const cellKey = (r: number, c: number) => r * 16384 + c;

function mergeIndex(sheet: Sheet): MergeIndex {
  const cached = indexes.get(sheet);
  // a reader or a fake may replace or extend `merges`: the index follows the array and its length
  if (cached && cached.merges === sheet.merges && cached.count === sheet.merges.length) return cached;
  const idx: MergeIndex = {
    merges: sheet.merges,
    count: sheet.merges.length,
    byCell: new Map(),
    byRow: new Map(),
    tall: [],
  };
  for (const m of sheet.merges) {
    const h = m.bottom - m.top + 1;
    const w = m.right - m.left + 1;
    if (h * w <= SMALL_MERGE)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          const k = cellKey(r, c);
          if (!idx.byCell.has(k)) idx.byCell.set(k, m); // the first of overlapping merges wins, as before
        }
    if (h > ROW_MERGE) {
      idx.tall.push(m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++) {
      const list = idx.byRow.get(r);
      if (list) list.push(m);
      else idx.byRow.set(r, [m]);
    }
  }
  indexes.set(sheet, idx);
  return idx;
}

const covers = (m: CellRange, row: number, col: number) =>
  row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;

/** The merged range that covers (row, col), if any. */
export function mergeAt(sheet: Sheet, row: number, col: number): CellRange | undefined {
  if (sheet.merges.length === 0) return undefined;
  const idx = mergeIndex(sheet);
  const small = idx.byCell.get(cellKey(row, col));
  if (small) return small;
  // index loops, no list made for a row without merges: mergeAt runs for most cells a rule reads
  const list = idx.byRow.get(row);
  if (list) for (let i = 0; i < list.length; i++) if (covers(list[i], row, col)) return list[i];
  const tall = idx.tall;
  for (let i = 0; i < tall.length; i++) if (covers(tall[i], row, col)) return tall[i];
  return undefined;
}

/** Every merged range that covers some cell of `row`. */
export function mergesInRow(sheet: Sheet, row: number): CellRange[] {
  if (sheet.merges.length === 0) return [];
  const idx = mergeIndex(sheet);
  const list = idx.byRow.get(row) ?? [];
  if (idx.tall.length === 0) return list;
  return [...list, ...idx.tall.filter((m) => row >= m.top && row <= m.bottom)];
}

const NO_COLUMNS: readonly number[] = Object.freeze([]);

/**
 * The columns of `row` where something can show, ascending: its own cells and the first column of each merge
 * that covers the row. Walking these instead of 0…cols keeps a sheet with one cell at XFD1000000 cheap.
 */
export function rowColumns(sheet: Sheet, row: number): readonly number[] {
  const r = sheet.rows[row];
  if (!r && sheet.merges.length === 0) return NO_COLUMNS;
  const merges = mergesInRow(sheet, row);
  const out: number[] = [];
  if (r) r.forEach((cell, c) => cell && out.push(c)); // forEach skips the holes of a sparse row
  if (merges.length === 0) return out;
  for (const m of merges) out.push(m.left);
  out.sort((a, b) => a - b);
  return out.filter((c, i) => i === 0 || c !== out[i - 1]);
}

/**
 * Text as a reader sees it on screen: a cell inside a merged range shows the merge's top-left value.
 */
export function mergedLookup(sheet: Sheet): (row: number, col: number) => Cell | undefined {
  return (row, col) => {
    const m = mergeAt(sheet, row, col);
    return m ? getCell(sheet, m.top, m.left) : getCell(sheet, row, col);
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
