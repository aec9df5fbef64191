/**
 * Read the open workbook into the core model with a fixed number of `context.sync()` calls, whatever the
 * number of sheets:
 *
 *   1. the worksheet list (name, id, visibility, protection) [+ Gouji's record part]
 *   2. every sheet's used-range extent and merged areas [+ the record's XML, every note/comment, the type
 *      of every conditional format — what a highlight pass needs to replace its previous highlights]
 *   3. every sheet's values, formulas, number formats and value types [+ where each note/comment sits,
 *      the formula and fill of every custom rule]
 *
 * Step 3 is split into further syncs only when its estimated response would pass ~4 MB (Excel on the web
 * refuses responses over 5 MB); a sheet too big for one response is read in blocks of rows. The estimate
 * starts at 64 bytes a cell, grows with what the blocks really weigh, and a refused response is asked
 * again in blocks a quarter the size.
 */
import { Cell, CellValue, Sheet, Workbook, setCell } from '../core/model/workbook';
import { CellRange } from '../core/model/address';
import { Features, features as detectFeatures, OWNER_NAME, splitAddress } from './office';
import { GoujiRecord, mergeRecords, RECORD_NAMESPACE, recordFromXml } from './record';

export interface ReadOptions {
  /** Budget for one sync's response, in bytes (default 4,000,000). */
  maxPayloadBytes?: number;
  /** Estimated response bytes per cell for values + formulas + numberFormat + valueTypes (default 64). */
  bytesPerCell?: number;
  /** Called with 0…1 while the sheets' data arrives. */
  progress?: (fraction: number) => void;
  /** Also look up what a highlight pass needs: the record, notes/comments, conditional formats. */
  forHighlights?: boolean;
  /** Read cell data (default true); Clear only needs the highlight lookups. */
  data?: boolean;
  /** Override feature detection (tests). */
  features?: Features;
}

export const DEFAULT_MAX_PAYLOAD = 4_000_000;
export const DEFAULT_BYTES_PER_CELL = 64;

export interface SheetHandle {
  id: string;
  name: string;
  hidden: boolean;
  protected: boolean;
  proxy: Excel.Worksheet;
  /** Used range (values only), 0-based; undefined for an empty sheet. */
  used?: { row: number; col: number; rows: number; cols: number };
}

/** A note or threaded comment already in the workbook. */
export interface ExistingAnnotation {
  kind: 'note' | 'comment';
  sheetId: string;
  row: number;
  col: number;
  content: string;
  proxy: Excel.Note | Excel.Comment;
}

/** A conditional format that looks like Gouji's (custom, formula =TRUE, a level fill). */
export interface CandidateFormat {
  sheetId: string;
  fill: string;
  proxy: Excel.ConditionalFormat;
}

export interface Snapshot {
  workbook: Workbook;
  sheets: SheetHandle[];
  features: Features;
  /** Gouji's previous record (null when there is none). */
  record: GoujiRecord | null;
  recordParts: Excel.CustomXmlPart[];
  /** Every note (or comment, on hosts without notes) in the workbook; filled when forHighlights. */
  annotations: ExistingAnnotation[];
  /** Conditional formats shaped like Gouji's on unprotected sheets; filled when forHighlights. */
  candidates: CandidateFormat[];
}

/** The whole workbook as the core model. */
export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<Workbook> {
  return (await readSnapshot(context, { ...options, forHighlights: false })).workbook;
}

interface Block {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Where reading a sheet has got to. */
interface Cursor {
  sheet: number;
  next: number;
  end: number;
  col: number;
  cols: number;
}

/**
 * The next blocks to read in one sync: whole sheets while they fit `maxCells`, a sheet too big for the
 * budget in blocks of rows (at least one row). Cursors do not move; the caller advances them on success.
 */
export function nextGroup(cursors: Cursor[], maxCells: number): Block[] {
  const group: Block[] = [];
  let cells = 0;
  for (const c of cursors) {
    if (c.next >= c.end) continue;
    let rows = Math.min(c.end - c.next, Math.floor((maxCells - cells) / c.cols));
    if (rows < 1) {
      if (group.length) break;
      rows = 1;
    }
    group.push({ sheet: c.sheet, row: c.next, col: c.col, rows, cols: c.cols });
    cells += rows * c.cols;
    if (cells >= maxCells) break;
  }
  return group;
}

function isTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return /PayloadSizeLimitExceeded/i.test(code);
}

export async function readSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<Snapshot> {
  const f = options.features ?? detectFeatures();
  const wantData = options.data !== false;
  const forHighlights = Boolean(options.forHighlights);
  const budget = options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD;

  // ── sync 1: the sheets ────────────────────────────────────────────────────────────────
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name,items/visibility,items/protection/protected');
  let parts: Excel.CustomXmlPartScopedCollection | undefined;
  if (forHighlights && f.customXml) {
    parts = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
    parts.load('items/id');
  }
  await context.sync();

  const sheets: SheetHandle[] = worksheets.items.map((w) => ({
    id: w.id,
    name: w.name,
    hidden: w.visibility !== 'Visible',
    protected: Boolean(w.protection.protected),
    proxy: w,
  }));

  // ── sync 2: extents, merges [+ record, annotations, conditional formats] ──────────────
  const used = wantData
    ? sheets.map((s) =>
        s.proxy.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
      )
    : [];
  const merged = f.mergedAreas
    ? sheets.map((s) =>
        // the used range with formats (merges count; a blank sheet gives A1, never a null object)
        s.proxy
          .getUsedRange(false)
          .getMergedAreasOrNullObject()
          .load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount'),
      )
    : [];
  const marks = f.names ? sheets.map((s) => s.proxy.names.getItemOrNullObject(OWNER_NAME)) : [];
  const recordParts = parts ? parts.items : [];
  const xml = recordParts.map((p) => p.getXml());
  let noteLists: Excel.NoteCollection[] = [];
  let comments: Excel.CommentCollection | undefined;
  let cfLists: { sheetId: string; list: Excel.ConditionalFormatCollection }[] = [];
  if (forHighlights) {
    if (f.notes) noteLists = sheets.map((s) => s.proxy.notes.load('items/content'));
    else if (f.comments) comments = context.workbook.comments.load('items/id,items/content');
    cfLists = sheets
      .filter((s) => !s.protected)
      .map((s) => ({ sheetId: s.id, list: s.proxy.getRange().conditionalFormats.load('items/type') }));
  }
  await context.sync();

  const record = mergeRecords(
    xml.map((x) => recordFromXml(x.value)).filter((r): r is GoujiRecord => r !== null),
  );
  sheets.forEach((s, i) => {
    const u = used[i];
    if (!u || u.isNullObject || u.rowCount === 0 || u.columnCount === 0) return;
    s.used = { row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
  });
  const model: Sheet[] = sheets.map((s, i) => {
    const merges: CellRange[] = [];
    const m = merged[i];
    if (m && !m.isNullObject)
      for (const a of m.areas.items)
        merges.push({
          top: a.rowIndex,
          left: a.columnIndex,
          bottom: a.rowIndex + a.rowCount - 1,
          right: a.columnIndex + a.columnCount - 1,
        });
    const sheet: Sheet = { name: s.name, rows: [], merges };
    if (s.hidden) sheet.hidden = true;
    if (s.protected) sheet.protected = true;
    // Gouji made this sheet (it carries the owner mark): the review skips it, the summary replaces it
    if (marks[i] && !marks[i].isNullObject) sheet.generatedBy = 'gouji';
    return sheet;
  });

  // Only rules of type Custom may be asked for their custom properties (asking others fails the batch),
  // so their formula and fill are loaded with the next sync.
  const customRules: { sheetId: string; cf: Excel.ConditionalFormat }[] = [];
  for (const { sheetId, list } of cfLists)
    for (const cf of list.items) if (cf.type === 'Custom') customRules.push({ sheetId, cf });

  // ── sync 3…: cell data [+ where each note/comment sits] ──────────────────────────────
  let noteLocations: { sheetId: string; note: Excel.Note; loc: Excel.Range }[] = [];
  let commentLocations: { comment: Excel.Comment; loc: Excel.Range }[] = [];
  const queueLookups = () => {
    for (const { cf } of customRules) {
      cf.custom.rule.load('formula');
      cf.custom.format.fill.load('color');
    }
    noteLocations = [];
    noteLists.forEach((list, i) => {
      for (const note of list.items)
        noteLocations.push({
          sheetId: sheets[i].id,
          note,
          loc: note.getLocation().load('rowIndex,columnIndex'),
        });
    });
    commentLocations = comments
      ? comments.items.map((c) => ({ comment: c, loc: c.getLocation().load('address') }))
      : [];
  };

  // Read under the budget; learn the real bytes per cell as blocks come back, and if Excel still refuses a
  // response as too large, halve the blocks and ask again.
  let estimate = Math.max(1, options.bytesPerCell ?? DEFAULT_BYTES_PER_CELL);
  const cursors: Cursor[] = [];
  if (wantData)
    sheets.forEach((s, i) => {
      if (s.used)
        cursors.push({
          sheet: i,
          next: s.used.row,
          end: s.used.row + s.used.rows,
          col: s.used.col,
          cols: s.used.cols,
        });
    });
  const totalCells = cursors.reduce((n, c) => n + (c.end - c.next) * c.cols, 0);
  let doneCells = 0;
  let lookups = noteLists.length > 0 || comments !== undefined || customRules.length > 0;
  while (lookups || cursors.some((c) => c.next < c.end)) {
    if (lookups) queueLookups();
    const group = nextGroup(cursors, Math.max(1, Math.floor(budget / estimate)));
    const loaded = group.map((b) => ({
      b,
      range: sheets[b.sheet].proxy
        .getRangeByIndexes(b.row, b.col, b.rows, b.cols)
        .load('values,formulas,numberFormat,valueTypes'),
    }));
    try {
      await context.sync();
    } catch (e) {
      if (!isTooLarge(e) || (group.length === 1 && group[0].rows === 1)) throw e;
      estimate *= 4;
      continue;
    }
    lookups = false;
    let bytes = 0;
    let cells = 0;
    for (const { b, range } of loaded) {
      bytes += fillBlock(model[b.sheet], b, range);
      cells += b.rows * b.cols;
      const c = cursors.find((x) => x.sheet === b.sheet) as Cursor;
      c.next = b.row + b.rows;
    }
    if (cells > 0) {
      estimate = Math.max(estimate, (bytes / cells) * 1.25);
      doneCells += cells;
      options.progress?.(doneCells / totalCells);
    }
  }

  const candidates: CandidateFormat[] = [];
  for (const { sheetId, cf } of customRules) {
    const formula = String(cf.custom.rule.formula ?? '')
      .replace(/\s+/g, '')
      .toUpperCase();
    if (formula === '=TRUE') candidates.push({ sheetId, fill: cf.custom.format.fill.color, proxy: cf });
  }

  const annotations: ExistingAnnotation[] = [];
  for (const { sheetId, note, loc } of noteLocations)
    annotations.push({
      kind: 'note',
      sheetId,
      row: loc.rowIndex,
      col: loc.columnIndex,
      content: note.content,
      proxy: note,
    });
  const byName = new Map(sheets.map((s) => [s.name, s]));
  for (const { comment, loc } of commentLocations) {
    const { sheet, range } = splitAddress(loc.address);
    const s = sheet !== undefined ? byName.get(sheet) : undefined;
    if (!s) continue;
    annotations.push({
      kind: 'comment',
      sheetId: s.id,
      row: range.top,
      col: range.left,
      content: comment.content,
      proxy: comment,
    });
  }

  return {
    workbook: { sheets: model },
    sheets,
    features: f,
    record,
    recordParts,
    annotations,
    candidates,
  };
}

const ERROR_TEXT = /^#[A-Z0-9/!?_]+[!?A]$/;

function toValue(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return type === undefined && ERROR_TEXT.test(v) ? { error: v } : v;
  return String(v);
}

/** UTF-8 size of a value's JSON (CJK text weighs three bytes a character). */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x800) n += c >= 0xd800 && c < 0xe000 ? 1 : 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

/** Put a block's cells into the model; returns the size of the response it came in (JSON bytes). */
function fillBlock(sheet: Sheet, b: Block, range: Excel.Range): number {
  const values = range.values;
  const formulas = range.formulas;
  const formats = range.numberFormat;
  const types = range.valueTypes as string[][] | undefined;
  const bytes = jsonBytes(values) + jsonBytes(formulas) + jsonBytes(formats) + jsonBytes(types ?? null);
  for (let r = 0; r < b.rows; r++) {
    const vr = values[r];
    if (!vr) continue;
    for (let c = 0; c < b.cols; c++) {
      const raw = vr[c];
      const type = types?.[r]?.[c];
      const f = formulas?.[r]?.[c];
      // a text constant that starts with '=' comes back identical in values and formulas: not a formula
      const formula = typeof f === 'string' && f.startsWith('=') && f !== raw ? f.slice(1) : undefined;
      if (formula === undefined && (type === 'Empty' || raw === '' || raw === null || raw === undefined))
        continue;
      const cell: Cell = { value: type === 'Empty' ? null : toValue(raw, type) };
      if (formula !== undefined) cell.formula = formula;
      const fmt = formats?.[r]?.[c];
      if (typeof fmt === 'string' && fmt !== '') cell.numFmt = fmt;
      setCell(sheet, b.row + r, b.col + c, cell);
    }
  }
  return bytes;
}
