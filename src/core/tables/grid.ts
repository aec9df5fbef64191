/** Read-only view of a sheet for the recognizer: own cells, merged ranges, texts. Built once per sheet. */
import { CellRange } from '../model/address';
import { Cell, cellText, getCell, mergeAt, Sheet, sheetExtent } from '../model/workbook';
import { tidy } from './text';

/** A non-empty cell of a row: its column, the cell and its tidied display text. */
export interface RowCell {
  readonly col: number;
  readonly cell: Cell;
  readonly text: string;
}

/** A number cell: its text (String(value), never blank) made only when asked for; most never are. */
class NumberCell implements RowCell {
  private shown?: string;
  constructor(
    readonly col: number,
    readonly cell: Cell,
  ) {}
  get text(): string {
    return (this.shown ??= String(this.cell.value));
  }
}

export class Grid {
  readonly rows: number;
  readonly cols: number;
  /** rowCells per row, read once (recognition asks for the same rows many times). */
  private readonly rowCache: (RowCell[] | undefined)[] = [];

  constructor(readonly sheet: Sheet) {
    const ext = sheetExtent(sheet);
    this.rows = ext.rows;
    this.cols = Math.min(ext.cols, 16384);
  }

  /** The cell itself (a merged range's other cells are empty). */
  cell(row: number, col: number): Cell | undefined {
    return getCell(this.sheet, row, col);
  }

  /** The merged range that covers (row, col), if any. */
  merge(row: number, col: number): CellRange | undefined {
    // merges are indexed once per sheet (model/workbook.ts), never expanded cell by cell
    return mergeAt(this.sheet, row, col);
  }

  /** The range a cell belongs to: its merge, or the single cell. */
  rangeAt(row: number, col: number): CellRange {
    return this.merge(row, col) ?? { top: row, left: col, bottom: row, right: col };
  }

  /** The cell a reader sees at (row, col): a merged range shows its top-left cell. */
  shown(row: number, col: number): Cell | undefined {
    const m = this.merge(row, col);
    return m ? getCell(this.sheet, m.top, m.left) : getCell(this.sheet, row, col);
  }

  /** Display text of the cell itself ('' when empty or a non-master merged cell). */
  ownText(row: number, col: number): string {
    if (col < 0 || col >= this.cols) return tidy(cellText(this.cell(row, col)));
    // the row's cells are read once: their texts are this row's texts (found by halving: rows can be wide)
    const cells = this.rowCells(row);
    let lo = 0;
    let hi = cells.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = cells[mid].col;
      if (c === col) return cells[mid].text;
      if (c < col) lo = mid + 1;
      else hi = mid - 1;
    }
    return '';
  }

  /** Display text as shown (merged ranges repeated). */
  shownText(row: number, col: number): string {
    return tidy(cellText(this.shown(row, col)));
  }

  /** Own non-empty cells of a row, left to right. Read once per row; callers must not change the list. */
  rowCells(row: number): readonly RowCell[] {
    const cached = this.rowCache[row];
    if (cached) return cached;
    const r = this.sheet.rows[row];
    const end = r ? Math.min(r.length, this.cols) : 0;
    // sized to the row, up to 64 (an empty list grows to 16 slots at its first push; a sheet has many short rows)
    const out: RowCell[] = new Array(Math.min(end, 64));
    let n = 0;
    for (let c = 0; c < end; c++) {
      const cell = (r as (Cell | undefined)[])[c];
      if (!cell || cell.value === null || cell.value === undefined) continue;
      if (typeof cell.value === 'number') {
        out[n++] = new NumberCell(c, cell);
        continue;
      }
      const v = cell.value;
      const text = tidy(typeof v === 'string' ? v : cellText(cell));
      if (text === '') continue;
      out[n++] = { col: c, cell, text };
    }
    out.length = n;
    if (row >= 0) this.rowCache[row] = out;
    return out;
  }

  isBlankRow(row: number): boolean {
    return this.rowCells(row).length === 0;
  }
}
