/** Reading helpers shared by the 绩效目标表 and 自评表 recognisers: merged cells, labels, values. */
import { Cell, getCell, mergeAt, mergedLookup, rowColumns, Sheet, sheetExtent } from '../model/workbook';
import { cellNumber, MoneyUnit, parseUnitLine, unitInText } from '../model/numbers';
import { CellPos } from './types';

export class SheetReader {
  readonly rows: number;
  readonly cols: number;
  private readonly lookup: (row: number, col: number) => Cell | undefined;

  constructor(readonly sheet: Sheet) {
    const ext = sheetExtent(sheet);
    this.rows = ext.rows;
    this.cols = ext.cols;
    this.lookup = mergedLookup(sheet);
  }

  /** The cell as shown: inside a merge, the merge's top-left cell. */
  shown(row: number, col: number): Cell | undefined {
    return this.lookup(row, col);
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
    const m = mergeAt(this.sheet, row, col);
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
    const m = mergeAt(this.sheet, row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** Last column of the merge covering a cell, or the cell's column. */
  mergeRight(row: number, col: number): number {
    return mergeAt(this.sheet, row, col)?.right ?? col;
  }

  mergeBottom(row: number, col: number): number {
    return mergeAt(this.sheet, row, col)?.bottom ?? row;
  }

  // Rows are walked by the cells and merges they hold (rowColumns), never by the sheet's width.
  rowIsBlank(row: number): boolean {
    for (const c of rowColumns(this.sheet, row)) if (this.text(row, c).trim() !== '') return false;
    return true;
  }

  /** Non-empty cells of a row (merged ranges once), left to right. */
  rowCells(row: number): { col: number; text: string }[] {
    const out: { col: number; text: string }[] = [];
    let done = -1;
    for (const c of rowColumns(this.sheet, row)) {
      if (c <= done) continue;
      const t = this.text(row, c).trim();
      if (t === '') continue;
      out.push({ col: c, text: t });
      done = this.mergeRight(row, c);
    }
    return out;
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
    const from = this.mergeRight(row, col) + 1;
    for (const c of rowColumns(this.sheet, row)) {
      if (c < from) continue;
      const t = this.text(row, c).trim();
      if (t === '') continue;
      if (isLabel && isLabel(compact(t))) return undefined;
      return { pos: this.anchor(row, c), text: t };
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
