/**
 * Read the open workbook into the core model with a fixed number of `context.sync()` calls, whatever the
 * number of sheets:
 *
 *   1. the worksheet list (name, id, visibility, protection) [+ Gouji's record part]
 *   2. every sheet's used-range extent and merged areas [+ the record's XML, every note/comment, every
 *      sheet's conditional formats — what a highlight pass needs to replace its previous highlights]
 *   3. every sheet's values, formulas, number formats and value types [+ where each note/comment sits]
 *
 * Step 3 is split into further syncs only when its estimated response would pass ~4 MB (Excel on the web
 * refuses responses over 5 MB); a sheet too big for one response is read in blocks of rows.
 */
import { Cell, CellValue, Sheet, Workbook, setCell } from '../core/model/workbook';
import { CellRange } from '../core/model/address';
import { Features, features as detectFeatures, splitAddress } from './office';
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

/** Split every used range into blocks of at most `maxCells`, then pack blocks into syncs under the budget. */
export function planBlocks(sheets: SheetHandle[], maxCells: number): Block[][] {
  const blocks: Block[] = [];
  sheets.forEach((s, i) => {
    if (!s.used) return;
    const { row, col, rows, cols } = s.used;
    const step = Math.max(1, Math.floor(maxCells / cols));
    for (let r = 0; r < rows; r += step)
      blocks.push({ sheet: i, row: row + r, col, rows: Math.min(step, rows - r), cols });
  });
  const groups: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const b of blocks) {
    const n = b.rows * b.cols;
    if (current.length && cells + n > maxCells) {
      groups.push(current);
      current = [];
      cells = 0;
    }
    current.push(b);
    cells += n;
  }
  if (current.length) groups.push(current);
  return groups;
}

const CF_LOAD = 'items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color';

export async function readSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<Snapshot> {
  const f = options.features ?? detectFeatures();
  const wantData = options.data !== false;
  const forHighlights = Boolean(options.forHighlights);
  const maxCells = Math.max(
    1,
    Math.floor(
      (options.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD) / (options.bytesPerCell ?? DEFAULT_BYTES_PER_CELL),
    ),
  );

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
        s.proxy
          .getRange()
          .getMergedAreasOrNullObject()
          .load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount'),
      )
    : [];
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
      .map((s) => ({ sheetId: s.id, list: s.proxy.getRange().conditionalFormats.load(CF_LOAD) }));
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
    return sheet;
  });

  const candidates: CandidateFormat[] = [];
  for (const { sheetId, list } of cfLists)
    for (const cf of list.items) {
      if (cf.type !== 'Custom') continue;
      const custom = cf.customOrNullObject;
      if (!custom || custom.isNullObject) continue;
      const formula = String(custom.rule.formula ?? '')
        .replace(/\s+/g, '')
        .toUpperCase();
      if (formula !== '=TRUE') continue;
      candidates.push({ sheetId, fill: custom.format.fill.color, proxy: cf });
    }

  // ── sync 3…: cell data [+ where each note/comment sits] ──────────────────────────────
  const noteLocations: { sheetId: string; note: Excel.Note; loc: Excel.Range }[] = [];
  noteLists.forEach((list, i) => {
    for (const note of list.items)
      noteLocations.push({
        sheetId: sheets[i].id,
        note,
        loc: note.getLocation().load('rowIndex,columnIndex'),
      });
  });
  const commentLocations = comments
    ? comments.items.map((c) => ({ comment: c, loc: c.getLocation().load('address') }))
    : [];

  const groups = wantData ? planBlocks(sheets, maxCells) : [];
  if (groups.length === 0 && (noteLocations.length || commentLocations.length)) groups.push([]);
  let done = 0;
  for (const group of groups) {
    const loaded = group.map((b) => ({
      b,
      range: sheets[b.sheet].proxy
        .getRangeByIndexes(b.row, b.col, b.rows, b.cols)
        .load('values,formulas,numberFormat,valueTypes'),
    }));
    await context.sync();
    for (const { b, range } of loaded) fillBlock(model[b.sheet], b, range);
    done++;
    options.progress?.(done / groups.length);
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

function fillBlock(sheet: Sheet, b: Block, range: Excel.Range): void {
  const values = range.values;
  const formulas = range.formulas;
  const formats = range.numberFormat;
  const types = range.valueTypes as string[][] | undefined;
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
}
