/**
 * A sheet's prose as one text: rows joined by line breaks, the cells of a row by tabs (so an item table under
 * "其中：" stays readable), cells inside recognised budget tables left out. Statements are read once per review
 * and mapped back to the cell each number sits in.
 */
import { CellRange, rangeContains, toA1 } from '../model/address';
import { CellRef } from '../model/findings';
import { formatDecimals, parseNumber } from '../model/numbers';
import { Cell, isCellError, Workbook } from '../model/workbook';
import { memo, ReviewContext } from '../context';
import { Grammar, parseFacts } from './grammar';
import { ExtractResult, extractStatements } from './statements';
import { NarrativeCell, Span } from './types';

export interface DocumentPiece {
  row: number;
  col: number;
  /** Offsets of the cell's text inside the document text. */
  start: number;
  end: number;
}

export interface NarrativeDocument {
  sheet: string;
  text: string;
  pieces: DocumentPiece[];
  result: ExtractResult;
  /** The same text read by the statement grammar (grammar.ts). */
  grammar: Grammar;
}

/** Text of a cell as printed: numbers with the decimals their format shows. */
export function printedText(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || isCellError(v)) return '';
  const d = formatDecimals(cell.numFmt);
  if (cell.numFmt && cell.numFmt.includes('%')) return `${(v * 100).toFixed(Math.max(0, (d ?? 2) - 2))}%`;
  return d === null ? String(v) : v.toFixed(d);
}

/**
 * Build one document per sheet that holds narrative cells. `exclude` lists ranges (recognised budget tables) whose
 * cells are left out.
 */
export function buildDocuments(
  workbook: Workbook,
  narratives: NarrativeCell[],
  exclude: { sheet: string; range: CellRange }[] = [],
): NarrativeDocument[] {
  const out: NarrativeDocument[] = [];
  for (const sheet of workbook.sheets) {
    const skip = exclude.filter((e) => e.sheet === sheet.name).map((e) => e.range);
    const inTable = (r: number, c: number) => skip.some((x) => rangeContains(x, r, c));
    if (!narratives.some((n) => n.sheet === sheet.name && !inTable(n.row, n.col))) continue;
    let minCol = Infinity;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!inTable(r, c) && printedText(cell).trim() !== '') minCol = Math.min(minCol, c);
      }),
    );
    const pieces: DocumentPiece[] = [];
    const lines: string[] = [];
    let pos = 0;
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      const cells: { col: number; text: string }[] = [];
      row.forEach((cell, c) => {
        const text = printedText(cell).replace(/\t/g, ' ');
        if (!inTable(r, c) && text.trim() !== '') cells.push({ col: c, text });
      });
      if (cells.length === 0) return;
      if (isLabelAndText(cells)) {
        // "五、项目实施内容 | (一)…650万元": a heading beside its paragraph reads as two lines
        for (const cell of cells) {
          pieces.push({ row: r, col: cell.col, start: pos, end: pos + cell.text.length });
          lines.push(cell.text);
          pos += cell.text.length + 1;
        }
        return;
      }
      let line = '';
      let prev = minCol;
      for (const cell of cells) {
        // one tab per column step keeps the cells of an item table aligned under their header
        line += '\t'.repeat(Math.max(0, cell.col - prev));
        pieces.push({
          row: r,
          col: cell.col,
          start: pos + line.length,
          end: pos + line.length + cell.text.length,
        });
        line += cell.text;
        prev = cell.col;
      }
      lines.push(line);
      pos += line.length + 1;
    });
    const text = lines.join('\n');
    out.push({ sheet: sheet.name, text, pieces, result: extractStatements(text), grammar: parseFacts(text) });
  }
  return out;
}

/** Two text cells: a short label (项目名称, 五、项目实施内容) and the text it heads — not a table row. */
function isLabelAndText(cells: { col: number; text: string }[]): boolean {
  if (cells.length !== 2) return false;
  const [label, text] = cells.map((c) => c.text.trim());
  if (label.length > 16 || /[，,。；;]/.test(label) || parseNumber(label) !== null) return false;
  return parseNumber(text) === null && !/^[\d.,\s]+(万元|元|%)?$/.test(text);
}

/** The cell a text offset falls in (the nearest cell before it when the offset is a separator). */
export function cellAt(doc: NarrativeDocument, offset: number): CellRef {
  let lo = 0;
  let hi = doc.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.pieces[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = doc.pieces[lo];
  return { sheet: doc.sheet, cell: p ? toA1(p.row, p.col) : 'A1' };
}

export function spanCell(doc: NarrativeDocument, span: Span): CellRef {
  return cellAt(doc, span.start);
}

/** The narrative documents of a review, built once and shared by the narrative rules. */
export function narrativeDocuments(ctx: ReviewContext): NarrativeDocument[] {
  return memo(ctx, 'narrative/documents', () =>
    buildDocuments(
      ctx.workbook,
      ctx.narratives,
      ctx.tables.map((t) => ({ sheet: t.sheet, range: t.range })),
    ),
  );
}
