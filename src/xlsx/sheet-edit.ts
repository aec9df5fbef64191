/**
 * Surgical edits to an existing worksheet part: only the touched <c> elements (and the <row> that holds them)
 * change; everything else in the XML is kept as written.
 */
import { toA1 } from '../core/model/address';
import * as X from './xml';
import {
  encodeXEscapes,
  escapeText,
  getTagAttr,
  NsScope,
  qualifiedTag,
  removeTagAttr,
  scopeAt,
  scopeInside,
  tagName,
  setTagAttr,
  TagKind,
  TagScanner,
} from './xml';

const tok = X.tok;
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const scanTag = X.scanTag;
const tokIs = X.tokIs;
const tokAttrRaw = X.tokAttrRaw;

/** What to do to one cell. */
export interface CellPatch {
  row: number;
  col: number;
  /** New style index, given the cell's current (or inherited) style index. */
  style?: (current: number) => number;
  /** Value for an empty cell. */
  value?: number | string;
}

/** Raised when an edit would overwrite data; message is one line, Chinese then English. */
export class XlsxWriteError extends Error {
  override name = 'XlsxWriteError';
}

interface CellInfo {
  col: number;
  start: number;
  end: number;
  openTag: string;
  hasFormula: boolean;
  hasValue: boolean;
}

interface RowInfo {
  row: number;
  start: number;
  end: number;
  openTag: string;
  /** Index where the row's content ends (its close tag), or -1 if self-closed. */
  closeStart: number;
  cells: CellInfo[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Worksheet element order (CT_Worksheet), used to place new top-level children. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
]; // prettier-ignore

/** Namespace prefix (with ':') of the worksheet root, '' for the default namespace. */
export function rootPrefix(xml: string, root: string): string {
  return new RegExp(`<(\\w+:)?${root}\\b`).exec(xml)?.[1] ?? '';
}

/** Apply cell patches to a worksheet's XML. Throws XlsxWriteError before changing anything if a write is unsafe. */
export function patchCells(xml: string, sheetName: string, patches: CellPatch[]): string {
  if (patches.length === 0) return xml;
  const wanted = new Set(patches.map((q) => q.row));
  const { rows, dataStart, dataEnd, dataSelfClosed, colStyles } = indexSheetData(xml, wanted);
  const rowByNum = new Map(rows.filter((r) => wanted.has(r.row)).map((r) => [r.row, r]));
  const merges = readMerges(xml);
  // Namespace bindings where each new element goes: when nothing inside <sheetData> declares a namespace (the
  // usual case) they are those inside <sheetData> everywhere; otherwise they are worked out per position.
  scanTag(xml, dataStart, xml.length);
  const dataOpen = xml.slice(dataStart, tok.end);
  const dataScope = scopeInside(scopeAt(xml, dataStart), dataOpen);
  const declaresInside = xml.slice(dataStart + dataOpen.length, dataEnd).indexOf('xmlns') >= 0;
  const scopeFor = (pos: number): NsScope => (declaresInside ? scopeAt(xml, pos) : dataScope);

  const edits: Edit[] = [];
  // rows that do not exist yet: row → its cells in column order
  const newRows = new Map<number, { ref: string; style: number; value?: number | string }[]>();
  let maxRow = -1;
  let maxCol = -1;
  const sorted = [...patches].sort((a, b) => a.row - b.row || a.col - b.col);
  const byRowInsert = new Map<number, Map<number, string[]>>(); // row → insert position → cells

  for (const q of sorted) {
    const ref = toA1(q.row, q.col);
    const row = rowByNum.get(q.row);
    const cell = row?.cells.find((c) => c.col === q.col);
    if (q.value !== undefined) {
      if (cell?.hasFormula)
        throw new XlsxWriteError(
          `单元格 ${sheetName}!${ref} 含公式，不能写入 (Cell ${sheetName}!${ref} holds a formula; it will not be overwritten.)`,
        );
      if (cell?.hasValue)
        throw new XlsxWriteError(
          `单元格 ${sheetName}!${ref} 已有内容，不能写入 (Cell ${sheetName}!${ref} is not empty; it will not be overwritten.)`,
        );
      const m = merges.find(
        (r) => q.row >= r.top && q.row <= r.bottom && q.col >= r.left && q.col <= r.right,
      );
      if (m && (m.top !== q.row || m.left !== q.col))
        throw new XlsxWriteError(
          `单元格 ${sheetName}!${ref} 位于合并区域内部，不能写入 (Cell ${sheetName}!${ref} lies inside a merged range; write to its top-left cell.)`,
        );
      if (typeof q.value === 'number' && !Number.isFinite(q.value))
        throw new XlsxWriteError(
          `不能写入非有限数值 ${q.value} (Cannot write the non-finite number ${q.value} to ${sheetName}!${ref}.)`,
        );
    }
    maxRow = Math.max(maxRow, q.row);
    maxCol = Math.max(maxCol, q.col);
    if (cell) {
      const current = Number(getTagAttr(cell.openTag, 's') ?? 0) || 0;
      const style = q.style ? q.style(current) : current;
      if (q.value !== undefined) {
        edits.push({
          start: cell.start,
          end: cell.end,
          text: cellXml(scopeFor(cell.start), ref, style, q.value),
        });
      } else if (style !== current) {
        edits.push({
          start: cell.start,
          end: cell.start + cell.openTag.length,
          text: setTagAttr(cell.openTag, 's', String(style)),
        });
      }
      continue;
    }
    const inherited = row ? (rowStyle(row.openTag) ?? colStyles(q.col)) : colStyles(q.col);
    const style = q.style ? q.style(inherited) : inherited;
    if (row) {
      const next = row.cells.find((c) => c.col > q.col);
      const at = next ? next.start : row.closeStart >= 0 ? row.closeStart : row.end;
      // a self-closed row becomes an open/close pair: its cells go inside it
      const scope = row.closeStart >= 0 ? scopeFor(at) : scopeInside(scopeFor(row.start), row.openTag);
      const text = cellXml(scope, ref, style, q.value);
      let m = byRowInsert.get(q.row);
      if (!m) byRowInsert.set(q.row, (m = new Map()));
      const list = m.get(at) ?? [];
      list.push(text);
      m.set(at, list);
    } else {
      const list = newRows.get(q.row) ?? [];
      list.push({ ref, style, value: q.value });
      newRows.set(q.row, list);
    }
  }

  // Inserts into existing rows; a self-closed row becomes an open/close pair.
  for (const [rowNum, inserts] of byRowInsert) {
    const row = rowByNum.get(rowNum) as RowInfo;
    const maxNewCol = Math.max(...sorted.filter((q) => q.row === rowNum).map((q) => q.col));
    let openTag = row.openTag;
    const spans = getTagAttr(openTag, 'spans');
    if (spans && Number(spans.split(':')[1]) < maxNewCol + 1) openTag = removeTagAttr(openTag, 'spans');
    if (row.closeStart < 0) {
      const open = openTag.replace(/\s*\/>$/, '>');
      const tagName = /^<([^\s/>]+)/.exec(open)?.[1] as string;
      const cells = [...inserts.values()].flat().join('');
      edits.push({ start: row.start, end: row.end, text: `${open}${cells}</${tagName}>` });
      continue;
    }
    if (openTag !== row.openTag)
      edits.push({ start: row.start, end: row.start + row.openTag.length, text: openTag });
    for (const [at, cells] of inserts) edits.push({ start: at, end: at, text: cells.join('') });
  }

  // New rows, placed before the first existing row with a greater number.
  const rowInserts = new Map<number, string[]>();
  for (const [rowNum, cells] of [...newRows].sort((a, b) => a[0] - b[0])) {
    const next = rows.find((r) => r.row > rowNum);
    const at = next ? next.start : dataEnd;
    const list = rowInserts.get(at) ?? [];
    const rowTag = qualifiedTag(dataSelfClosed ? dataScope : scopeFor(at), MAIN_NS, 'row', [
      ['r', String(rowNum + 1)],
    ]);
    const cellsXml = cells.map((c) => cellXml(rowTag.scope, c.ref, c.style, c.value)).join('');
    list.push(`${rowTag.tag}${cellsXml}</${rowTag.p}row>`);
    rowInserts.set(at, list);
  }
  if (dataSelfClosed && rowInserts.size > 0) {
    const open = xml.slice(dataStart, dataEnd).replace(/\s*\/>$/, '>');
    edits.push({
      start: dataStart,
      end: dataEnd,
      text: `${open}${[...rowInserts.values()].flat().join('')}</${tagName(dataOpen)}>`,
    });
  } else for (const [at, rs] of rowInserts) edits.push({ start: at, end: at, text: rs.join('') });

  let out = applyEdits(xml, edits);
  out = widenDimension(out, maxRow, maxCol);
  return out;
}

/** A <c> element qualified from the bindings `scope` in force where it goes. */
function cellXml(scope: NsScope, ref: string, style: number, value: number | string | undefined): string {
  const attrs: [string, string][] = [['r', ref]];
  if (style) attrs.push(['s', String(style)]);
  if (typeof value === 'string') attrs.push(['t', 'inlineStr']);
  const c = qualifiedTag(scope, MAIN_NS, 'c', attrs, value === undefined);
  const p = c.p;
  if (value === undefined) return c.tag;
  if (typeof value === 'number') return `${c.tag}<${p}v>${String(value)}</${p}v></${p}c>`;
  return `${c.tag}<${p}is><${p}t xml:space="preserve">${escapeText(encodeXEscapes(value))}</${p}t></${p}is></${p}c>`;
}

function rowStyle(openTag: string): number | undefined {
  const cf = getTagAttr(openTag, 'customFormat');
  if (cf !== '1' && cf !== 'true') return undefined;
  const s = Number(getTagAttr(openTag, 's'));
  return Number.isFinite(s) ? s : undefined;
}

/** Apply non-overlapping edits; inserts (start = end) at a position go before a replacement starting there. */
export function applyEdits(xml: string, edits: Edit[]): string {
  if (edits.length === 0) return xml;
  const order = edits.map((e, i) => ({ e, i }));
  order.sort((a, b) => a.e.start - b.e.start || a.e.end - a.e.start - (b.e.end - b.e.start) || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const { e } of order) {
    out += xml.slice(pos, e.start) + e.text;
    pos = Math.max(pos, e.end);
  }
  return out + xml.slice(pos);
}

/** One pass over <sheetData>: every row's position, and the cells of the rows we want. */
function indexSheetData(xml: string, wanted: Set<number>) {
  const rows: RowInfo[] = [];
  let dataStart = -1;
  let dataEnd = -1;
  let dataSelfClosed = false;
  const n = xml.length;
  let pos = 0;
  // Find <sheetData>.
  while (scanTag(xml, pos, n)) {
    pos = tok.end;
    if (tokIs(xml, 'sheetData') && tok.kind !== TagKind.Close) {
      dataStart = tok.start;
      dataEnd = tok.end;
      dataSelfClosed = tok.kind === TagKind.SelfClose;
      break;
    }
  }
  if (dataStart < 0) {
    // No sheetData at all: make an empty one after <worksheet ...> children that precede it.
    throw new XlsxWriteError('工作表缺少 sheetData (The worksheet has no sheetData element.)');
  }
  const colStyles = readColStyles(xml);
  if (dataSelfClosed) return { rows, dataStart, dataEnd, dataSelfClosed, colStyles };
  let row = -1;
  let col = -1;
  let cur: RowInfo | undefined;
  let cell: CellInfo | undefined;
  while (scanTag(xml, pos, n)) {
    pos = tok.end;
    const kind = tok.kind;
    if (cell) {
      if (tokIs(xml, 'c') && kind === TagKind.Close) {
        cell.end = tok.end;
        cur?.cells.push(cell);
        cell = undefined;
      } else if (tokIs(xml, 'f')) cell.hasFormula = true;
      else if (tokIs(xml, 'v') && kind === TagKind.Open) {
        const lt = xml.indexOf('<', tok.end);
        if (lt > tok.end && xml.slice(tok.end, lt).trim() !== '') cell.hasValue = true;
      } else if (tokIs(xml, 'is')) cell.hasValue = true;
      continue;
    }
    if (tokIs(xml, 'c')) {
      if (kind === TagKind.Close) continue;
      const ref = tokAttrRaw(xml, 'r');
      const rc = ref ? parseRef(ref) : undefined;
      if (rc) {
        row = rc.row;
        col = rc.col;
      } else col++;
      if (!cur) continue;
      const info: CellInfo = {
        col,
        start: tok.start,
        end: tok.end,
        openTag: xml.slice(tok.start, tok.end),
        hasFormula: false,
        hasValue: false,
      };
      if (kind === TagKind.SelfClose) cur.cells.push(info);
      else cell = info;
    } else if (tokIs(xml, 'row')) {
      if (kind === TagKind.Close) {
        if (cur) {
          cur.closeStart = tok.start;
          cur.end = tok.end;
          cur = undefined;
        }
        continue;
      }
      const r = tokAttrRaw(xml, 'r');
      const num = r === undefined ? NaN : parseInt(r, 10);
      row = Number.isFinite(num) && num >= 1 ? num - 1 : row + 1;
      col = -1;
      const info: RowInfo = {
        row,
        start: tok.start,
        end: tok.end,
        openTag: xml.slice(tok.start, tok.end),
        closeStart: -1,
        cells: [],
      };
      rows.push(info);
      if (kind === TagKind.Open && wanted.has(row)) cur = info;
      else if (kind === TagKind.Open) {
        // Skip an unwanted row quickly.
        ROW_CLOSE.lastIndex = tok.end;
        const m = ROW_CLOSE.exec(xml);
        if (m) {
          info.closeStart = m.index;
          info.end = m.index + m[0].length;
          pos = info.end;
        }
      }
    } else if (tokIs(xml, 'sheetData') && kind === TagKind.Close) {
      dataEnd = tok.start;
      break;
    }
  }
  return { rows, dataStart, dataEnd, dataSelfClosed, colStyles };
}

const ROW_CLOSE = /<\/(?:\w+:)?row\s*>/g;

function parseRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: parseInt(m[2], 10) - 1, col: col - 1 };
}

/** Column default styles from <cols>. */
function readColStyles(xml: string): (col: number) => number {
  const ranges: { min: number; max: number; style: number }[] = [];
  const sc = new TagScanner(xml);
  for (let t = sc.next(); t; t = sc.next()) {
    if (t.name === 'sheetData') break;
    if (t.name !== 'col' || t.kind === TagKind.Close) continue;
    const tag = xml.slice(t.start, t.end);
    const style = Number(getTagAttr(tag, 'style'));
    if (Number.isFinite(style) && style > 0)
      ranges.push({ min: Number(getTagAttr(tag, 'min')), max: Number(getTagAttr(tag, 'max')), style });
  }
  return (col) => ranges.find((r) => col + 1 >= r.min && col + 1 <= r.max)?.style ?? 0;
}

function readMerges(xml: string): { top: number; left: number; bottom: number; right: number }[] {
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  const re = /<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g;
  let m: RegExpExecArray | null;
  re.lastIndex = afterSheetData(xml);
  while ((m = re.exec(xml))) {
    const [a, b] = m[1].split(':');
    const p = parseRef(a);
    const q = b ? parseRef(b) : p;
    if (p && q)
      out.push({
        top: Math.min(p.row, q.row),
        left: Math.min(p.col, q.col),
        bottom: Math.max(p.row, q.row),
        right: Math.max(p.col, q.col),
      });
  }
  return out;
}

/** A position at or before the end of <sheetData> (its last mention), so searches for later elements skip the cells. */
export function afterSheetData(xml: string): number {
  const i = xml.lastIndexOf('sheetData');
  return i < 0 ? 0 : xml.lastIndexOf('<', i);
}

/** Grow <dimension ref> to include (row, col). */
function widenDimension(xml: string, row: number, col: number): string {
  if (row < 0) return xml;
  const m = /<(?:\w+:)?dimension\b[^>]*>/.exec(xml);
  if (!m) return xml;
  const ref = getTagAttr(m[0], 'ref');
  if (!ref) return xml;
  const [a, b] = ref.split(':');
  const p = parseRef(a);
  const q = b ? parseRef(b) : p;
  if (!p || !q) return xml;
  const top = Math.min(p.row, row);
  const left = Math.min(p.col, col);
  const bottom = Math.max(q.row, row);
  const right = Math.max(q.col, col);
  const next = `${toA1(top, left)}:${toA1(bottom, right)}`;
  if (next === ref || (top === bottom && left === right && toA1(top, left) === ref)) return xml;
  return xml.slice(0, m.index) + setTagAttr(m[0], 'ref', next) + xml.slice(m.index + m[0].length);
}

/**
 * Insert a top-level worksheet child (e.g. <legacyDrawing>) at its schema position: before the first existing
 * child that must follow it, else before </worksheet>.
 */
export function insertWorksheetChild(
  xml: string,
  name: string,
  el: string | ((scope: NsScope) => string),
): string {
  const at = worksheetChildPosition(xml, name);
  if (at < 0) return xml;
  const text = typeof el === 'string' ? el : el(scopeAt(xml, at));
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Where a new top-level worksheet child `name` goes (see insertWorksheetChild), or -1 without a root. */
export function worksheetChildPosition(xml: string, name: string): number {
  const later = new Set(WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1));
  const sc = new TagScanner(xml);
  let depth = 0;
  for (let t = sc.next(); t; t = sc.next()) {
    if (depth === 1 && t.kind !== TagKind.Close && later.has(t.name)) return t.start;
    if (t.kind === TagKind.Open) {
      if (depth === 1 && t.name === 'sheetData') {
        const close = xml.indexOf('>', afterSheetData(xml));
        sc.pos = close < 0 ? xml.length : close + 1;
        continue;
      }
      depth++;
    } else if (t.kind === TagKind.Close) {
      if (depth === 1 && t.name === 'worksheet') return t.start;
      depth--;
    }
  }
  return -1;
}
