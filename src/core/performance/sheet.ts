/** Reading helpers shared by the 绩效目标表 and 自评表 recognisers: merged cells, labels, values. */
import { CellRange } from '../model/address';
import { Cell, getCell, Sheet, sheetExtent } from '../model/workbook';
import { cellNumber, MoneyUnit, parseUnitLine, unitInText } from '../model/numbers';
import { GridRole, roleOfKey } from './headers';
import { CellPos } from './types';

const ascending = (a: number, b: number) => a - b;

/** A non-empty cell of a row as the performance recognisers read it (a merged range once, at its left). */
export interface ReaderCell {
  col: number;
  /** Shown text, trimmed. */
  text: string;
  /** The text without whitespace (header matching). */
  key: string;
  /** The grid-header role the text plays, if any. */
  role: GridRole | undefined;
}

/**
 * One reader per sheet, shared by the 绩效目标表 and the 自评表 recognisers: merges indexed once by row, and
 * each row's cells (with their header roles) read once, from the cells that exist.
 */
export class SheetReader {
  readonly rows: number;
  readonly cols: number;
  /** The merges that cross each row, in the sheet's order. */
  private readonly rowMerges: (CellRange[] | undefined)[] = [];
  private readonly rowCache: (ReaderCell[] | undefined)[] = [];
  /** Per row: the nearest row at or above it with a 元/万元 unit (-1: none), filled top-down on demand. */
  private readonly unitRowAbove: number[] = [];
  private readonly rowUnits: ('元' | '万元' | undefined)[] = [];

  constructor(readonly sheet: Sheet) {
    const ext = sheetExtent(sheet);
    this.rows = ext.rows;
    this.cols = ext.cols;
    for (const m of sheet.merges) {
      for (let r = Math.max(0, m.top); r <= m.bottom && r < this.rows; r++) {
        const list = this.rowMerges[r];
        if (list) list.push(m);
        else this.rowMerges[r] = [m];
      }
    }
  }

  /** The first merge (in the sheet's order) covering a cell. */
  private mergeAt(row: number, col: number): CellRange | undefined {
    const list = this.rowMerges[row];
    if (!list) return undefined;
    for (let i = 0; i < list.length; i++) if (col >= list[i].left && col <= list[i].right) return list[i];
    return undefined;
  }

  /** The cell as shown: inside a merge, the merge's top-left cell. */
  shown(row: number, col: number): Cell | undefined {
    const list = this.rowMerges[row];
    if (list) {
      // overlapping merges (never written by Excel): the last one shows, as the earlier lookup table did
      for (let i = list.length - 1; i >= 0; i--) {
        const m = list[i];
        if (col >= m.left && col <= m.right) return getCell(this.sheet, m.top, m.left);
      }
    }
    return getCell(this.sheet, row, col);
  }

  /** Display text (merged cells repeat their value); formulas without a cached value show '=formula'. */
  text(row: number, col: number): string {
    return valueText(this.shown(row, col));
  }

  /** Header-style text: whitespace and line breaks removed. */
  key(row: number, col: number): string {
    return compact(this.text(row, col));
  }

  /** The text only if the cell itself (or the top-left of its merge) sits in this row/col. */
  ownText(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    if (m && (m.top !== row || m.left !== col)) return '';
    return valueText(getCell(this.sheet, row, col));
  }

  number(row: number, col: number): number | undefined {
    const c = this.shown(row, col);
    if (c?.formula && c.noCachedValue) return undefined;
    const n = cellNumber(c);
    return n ? n.value : undefined;
  }

  /** Top-left of the merge covering a cell (where a value is written), or the cell itself. */
  anchor(row: number, col: number): CellPos {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** Last column of the merge covering a cell, or the cell's column. */
  mergeRight(row: number, col: number): number {
    return this.mergeAt(row, col)?.right ?? col;
  }

  mergeBottom(row: number, col: number): number {
    return this.mergeAt(row, col)?.bottom ?? row;
  }

  rowIsBlank(row: number): boolean {
    return this.rowCells(row).length === 0;
  }

  /** Non-empty cells of a row (merged ranges once), left to right. Read once; callers must not change it. */
  rowCells(row: number): readonly ReaderCell[] {
    const cached = this.rowCache[row];
    if (cached) return cached;
    const out = this.readRow(row);
    if (row >= 0 && row < this.rows) this.rowCache[row] = out;
    return out;
  }

  private readRow(row: number): ReaderCell[] {
    const out: ReaderCell[] = [];
    const own = this.sheet.rows[row];
    const merges = this.rowMerges[row];
    if (!merges) {
      // no merge crosses the row: its own cells, as they are
      if (own)
        for (let c = 0; c < own.length && c < this.cols; c++) {
          const cell = own[c];
          if (cell) this.add(out, c, valueText(cell));
        }
      return out;
    }
    // a cell shows text only where the row has a cell or a merge starts: visit those columns only
    const cols: number[] = [];
    if (own) for (let c = 0; c < own.length && c < this.cols; c++) if (own[c]) cols.push(c);
    // merged ranges show their top-left text from their left column on (a column met twice is read once)
    for (let i = 0; i < merges.length; i++)
      if (merges[i].left >= 0 && merges[i].left < this.cols) cols.push(merges[i].left);
    cols.sort(ascending);
    let covered = -1;
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i];
      if (c <= covered) continue;
      // one pass over the row's merges: the first covering one ends the cell (mergeRight), the last one shows
      let first: CellRange | undefined;
      let last: CellRange | undefined;
      for (let k = 0; k < merges.length; k++) {
        const m = merges[k];
        if (c >= m.left && c <= m.right) {
          first ??= m;
          last = m;
        }
      }
      const cell = last ? getCell(this.sheet, last.top, last.left) : getCell(this.sheet, row, c);
      if (this.add(out, c, valueText(cell))) covered = first ? first.right : c;
    }
    return out;
  }

  /** Add a cell of shown text `shown` (trimmed; nothing when blank); whether it was added. */
  private add(out: ReaderCell[], col: number, shown: string): boolean {
    const text = shown.trim();
    if (text === '') return false;
    const key = compact(text);
    out.push({ col, text, key, role: roleOfKey(key) });
    return true;
  }

  /** The first 元 or 万元 unit stated on a row (unit line or bracketed unit), left to right. */
  rowUnit(row: number): '元' | '万元' | undefined {
    const cells = this.rowCells(row);
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i].text;
      // every unit names 元 (元 / 万元 / 千元 / 亿元): most cells need no parsing
      if (!text.includes('元')) continue;
      const u = unitOf(text);
      if (u === '元' || u === '万元') return u;
    }
    return undefined;
  }

  /** The unit of the nearest row in [fromRow, toRow] (searching upwards) that states 元 or 万元. */
  unitAbove(fromRow: number, toRow: number): '元' | '万元' | undefined {
    const last = Math.min(toRow, this.rows - 1);
    if (last < fromRow || last < 0) return undefined;
    // every form asks for the unit above it: remember, per row, the nearest row with a unit
    for (let row = this.unitRowAbove.length; row <= last; row++) {
      const u = this.rowUnit(row);
      this.rowUnits[row] = u;
      this.unitRowAbove[row] = u ? row : row > 0 ? this.unitRowAbove[row - 1] : -1;
    }
    const at = this.unitRowAbove[last];
    return at >= fromRow ? this.rowUnits[at] : undefined;
  }

  /**
   * The value right of a label: the first non-empty cell after the label's merge, in the same row.
   * Returns its position (the anchor) and text; `stopAt` ends the search at a cell that is itself a label.
   */
  valueRightOf(
    row: number,
    col: number,
    isLabel?: (text: string) => boolean,
  ): { pos: CellPos; text: string } | undefined {
    const after = this.mergeRight(row, col);
    const cells = this.rowCells(row);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c.col <= after) continue;
      if (isLabel && isLabel(c.key)) return undefined;
      return { pos: this.anchor(row, c.col), text: c.text };
    }
    return undefined;
  }

  /** The first cell right of a label's merge (empty or not) — where a missing value belongs. */
  slotRightOf(row: number, col: number): CellPos | undefined {
    const c = this.mergeRight(row, col) + 1;
    return c < this.cols ? this.anchor(row, c) : undefined;
  }

  /** Is a cell writable: nothing typed, no formula (a space or a formula counts as filled). */
  isEmpty(pos: CellPos): boolean {
    const c = getCell(this.sheet, pos.row, pos.col);
    if (!c) return true;
    if (c.formula) return false;
    return c.value === null || c.value === '';
  }

  hasFormula(pos: CellPos): boolean {
    return !!getCell(this.sheet, pos.row, pos.col)?.formula;
  }
}

/** Text of a cell for values: numbers as JS prints them, '=formula' when no cached value exists. */
export function valueText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.formula && (cell.noCachedValue || cell.value === null)) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (cell.numFmt && cell.numFmt.includes('%')) {
      const pct = Math.round(v * 100 * 1e6) / 1e6;
      return `${pct}%`;
    }
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.error;
}

export function compact(s: string): string {
  if (!/[\s\u3000]/.test(s)) return s;
  return s.replace(/[\s\u3000]+/g, '');
}

/** A points figure stated in brackets: '产出指标(50分)', '分值权重（90分）', '执行率分值（10分）'. */
export function statedPoints(text: string): number | undefined {
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Remove a stated-points bracket from a level name: '产出指标(50分)' → '产出指标'. */
export function stripPoints(text: string): string {
  return text.replace(/[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]/g, '').trim();
}

/** A money unit from a unit line or a header like '项目资金（万元）'. */
export function unitOf(text: string): MoneyUnit | null {
  return parseUnitLine(text) ?? unitInText(text);
}
