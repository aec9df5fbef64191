/**
 * The Excel object model of the fake — only what Gouji uses, with Office.js's rules: every read needs
 * load + sync, every write is queued, missing items fail at sync, *OrNullObject gives null objects,
 * protected sheets refuse changes, APIs newer than the fake host's ExcelApi version fail with ApiNotFound.
 */
import { CellRange, parseA1, parseRange, rangeToA1, toA1 } from '../../core/model/address';
import { CellValue, isCellError } from '../../core/model/workbook';
import { quoteSheet } from '../office';
import {
  FakeCell,
  FakeChart,
  FakeComment,
  FakeConditionalFormat,
  FakeDocument,
  FakeNamedItem,
  FakeNote,
  FakeSheet,
  FakeTable,
  FakeXmlPart,
  MAX_COLS,
  MAX_ROWS,
  newId,
} from './document';
import {
  errors,
  FakeClientResult,
  FakeOfficeError,
  FakeProxy,
  FakeRequestContext,
  parseLoad,
  Resolver,
} from './runtime';
import { scalarProxy } from './scalar-proxy';

// ── helpers ─────────────────────────────────────────────────────────────────────────────

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function hostSupports(doc: FakeDocument, version: string): boolean {
  return versionAtLeast(doc.apiVersion, version);
}

function requireApi(doc: FakeDocument, version: string, what: string): void {
  if (!hostSupports(doc, version))
    throw new FakeOfficeError(
      'ApiNotFound',
      `The API you are trying to use could not be found (${what}, ExcelApi ${version}).`,
    );
}

function writable(sheet: FakeSheet, what: string): void {
  if (sheet.protected) throw errors.accessDenied(`sheet '${sheet.name}' is protected: ${what}`);
}

const NAMED_COLORS: Record<string, string> = {
  yellow: '#FFFF00',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  white: '#FFFFFF',
  black: '#000000',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  lightgreen: '#90EE90',
};

export function normalizeColor(c: string): string {
  const named = NAMED_COLORS[c.trim().toLowerCase()];
  if (named) return named;
  let s = c.trim().replace(/^#/, '');
  if (s.length === 3) s = s.replace(/(.)/g, '$1$1');
  if (!/^[0-9a-fA-F]{6}$/.test(s)) throw errors.invalidArgument(`colour '${c}'`);
  return `#${s.toUpperCase()}`;
}

function parseAddress(address: string): { sheet?: string; range: CellRange } {
  const bang = address.lastIndexOf('!');
  let sheet: string | undefined;
  let ref = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    ref = address.slice(bang + 1);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  ref = ref.replace(/\$/g, '').trim();
  // whole rows / columns
  const rows = /^(\d+):(\d+)$/.exec(ref);
  if (rows)
    return { sheet, range: { top: +rows[1] - 1, bottom: +rows[2] - 1, left: 0, right: MAX_COLS - 1 } };
  const cols = /^([A-Za-z]+):([A-Za-z]+)$/.exec(ref);
  if (cols)
    return {
      sheet,
      range: {
        top: 0,
        bottom: MAX_ROWS - 1,
        left: parseA1(`${cols[1]}1`).col,
        right: parseA1(`${cols[2]}1`).col,
      },
    };
  try {
    return { sheet, range: parseRange(ref) };
  } catch {
    throw errors.invalidArgument(`address '${address}'`);
  }
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function within(inner: CellRange, outer: CellRange): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Refuse to materialise grids no Excel response could carry. */
const MAX_GRID_CELLS = 4_000_000;

function grid<V>(r: CellRange, fn: (row: number, col: number) => V): V[][] {
  if (cellCount(r) > MAX_GRID_CELLS) throw errors.tooLarge(cellCount(r) * 8);
  const out: V[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: V[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(fn(row, col));
    out.push(line);
  }
  return out;
}

function valueOut(c: FakeCell | undefined): unknown {
  if (!c || c.value === null) return '';
  return isCellError(c.value) ? c.value.error : c.value;
}

function valueType(c: FakeCell | undefined): string {
  if (!c || c.value === null || c.value === '') return c?.formula !== undefined ? 'String' : 'Empty';
  if (isCellError(c.value)) return 'Error';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#SPILL!',
  '#CALC!',
]);

/** Excel's reading of a typed-in value. */
function writeValue(cell: FakeCell, v: unknown, asFormula: boolean): void {
  if (v === null || v === undefined) return; // null = leave the cell as it is
  delete cell.formula;
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (s === '') {
    cell.value = null;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    return;
  }
  if (cell.numFmt === '@') {
    cell.value = s;
    return;
  }
  if (s.startsWith('=') && (asFormula || s.length > 1)) {
    cell.formula = s.slice(1);
    cell.value = null; // the fake does not calculate
    return;
  }
  if (ERROR_VALUES.has(s.toUpperCase())) {
    cell.value = { error: s.toUpperCase() };
    return;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s.trim())) {
    cell.value = Number(s);
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.value = s.toLowerCase() === 'true';
    return;
  }
  cell.value = s;
}

function broadcast<V>(input: V | V[][], r: CellRange, what: string): (row: number, col: number) => V {
  if (!Array.isArray(input)) return () => input;
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1 && rows * cols > 1) {
    const only = input[0][0];
    return () => only;
  }
  if (input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== cols))
    throw errors.invalidArgument(`${what}: the array does not match the range's ${rows}×${cols} size`);
  return (row, col) => input[row - r.top][col - r.left];
}

// ── collections ─────────────────────────────────────────────────────────────────────────

/** A collection proxy: `items` after load('items/…'). */
abstract class FakeCollection<T, M, P extends FakeProxy<M>> extends FakeProxy<T> {
  private loadedItems: P[] | undefined;

  protected abstract list(target: T): M[];
  protected abstract item(model: M): P;

  protected scalars(): string[] {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }

  get items(): P[] {
    if (!this.loadedItems) throw errors.notLoaded('items');
    return this.loadedItems;
  }

  override loadNow(paths: string[][]): number {
    const t = this.tryResolve();
    if (t === null) return 0;
    const itemPaths = paths.length === 0 ? [] : paths.filter((p) => p[0] === 'items').map((p) => p.slice(1));
    const other = paths.filter((p) => p[0] !== 'items');
    if (other.length)
      throw errors.invalidArgument(`unknown property '${other[0].join('/')}' on ${this.constructor.name}`);
    const proxies = this.list(t).map((m) => this.item(m));
    let bytes = 2;
    const rest = itemPaths.filter((p) => p.length > 0);
    for (const p of proxies) bytes += p.loadNow(rest);
    this.ctx.onSynced(() => (this.loadedItems = proxies));
    return bytes;
  }

  getCount(): FakeClientResult<number> {
    return new FakeClientResult(this.ctx, () => this.list(this.target()).length);
  }
}

// ── workbook ────────────────────────────────────────────────────────────────────────────

export class FakeWorkbook extends FakeProxy<FakeDocument> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.doc);
  }
  protected scalars(): string[] {
    return ['name'];
  }
  protected readScalar(d: FakeDocument, prop: string): unknown {
    return prop === 'name' ? (d.name ?? '') : undefined;
  }
  get name(): string {
    return this.get('name');
  }
  get worksheets(): FakeWorksheetCollection {
    return this.memo('worksheets', () => new FakeWorksheetCollection(this.ctx));
  }
  get tables(): FakeTableCollection {
    return this.memo('tables', () => new FakeTableCollection(this.ctx, () => ({ doc: this.ctx.doc })));
  }
  get comments(): FakeCommentCollection {
    return this.memo('comments', () => new FakeCommentCollection(this.ctx, undefined));
  }
  get customXmlParts(): FakeXmlPartCollection {
    return this.memo(
      'customXmlParts',
      () => new FakeXmlPartCollection(this.ctx, () => this.ctx.doc.xmlParts),
    );
  }
  get settings(): FakeSettingCollection {
    return this.memo('settings', () => new FakeSettingCollection(this.ctx));
  }
  getSelectedRange(): FakeRange {
    const doc = this.ctx.doc;
    return new FakeRange(this.ctx, () => {
      const sheet =
        (doc.selection && doc.sheetById(doc.selection.sheetId)) || doc.sheetById(doc.activeSheetId ?? '');
      if (!sheet) throw errors.notFound('selection');
      const range =
        doc.selection && doc.selection.sheetId === sheet.id
          ? doc.selection.range
          : { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, range };
    });
  }
}

// ── worksheets ──────────────────────────────────────────────────────────────────────────

export class FakeWorksheetCollection extends FakeCollection<FakeDocument, FakeSheet, FakeWorksheet> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => ctx.doc);
  }
  protected list(d: FakeDocument): FakeSheet[] {
    return d.sheets;
  }
  protected item(s: FakeSheet): FakeWorksheet {
    return FakeWorksheet.byRef(this.ctx, s);
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.doc.sheetByName(key) ?? this.ctx.doc.sheetById(key);
      if (!s) throw errors.notFound(`worksheet '${key}'`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      () => this.ctx.doc.sheetByName(key) ?? this.ctx.doc.sheetById(key) ?? null,
      true,
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const d = this.ctx.doc;
      const s = d.sheetById(d.activeSheetId ?? '') ?? d.sheets[0];
      if (!s) throw errors.notFound('active worksheet');
      return s;
    });
  }
  getFirst(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.doc.sheets[0];
      if (!s) throw errors.notFound('first worksheet');
      return s;
    });
  }
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.ctx.enqueue(() => {
      const d = this.ctx.doc;
      let n = name;
      if (!n) {
        let i = d.sheets.length + 1;
        while (d.sheetByName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (d.sheetByName(n)) throw errors.exists(`worksheet '${n}'`);
      if (n.length > 31 || /[\\/?*[\]:]/.test(n)) throw errors.invalidArgument(`sheet name '${n}'`);
      created = new FakeSheet(n);
      d.sheets.push(created);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw errors.notFound('added worksheet');
      return created;
    });
  }
}

export class FakeWorksheet extends scalarProxy<
  FakeSheet,
  { id: string; name: string; position: number; visibility: string }
>('FakeWorksheet', {
  id: { read: (s) => s.id },
  name: {
    read: (s) => s.name,
    write: (s, v, ctx) => {
      const other = ctx.doc.sheetByName(v);
      if (other && other !== s) throw errors.exists(`worksheet '${v}'`);
      s.name = v;
    },
    local: true,
  },
  position: { read: (s, ctx) => ctx.doc.sheets.indexOf(s) },
  visibility: {
    read: (s) => s.visibility,
    write: (s, v) => (s.visibility = v as FakeSheet['visibility']),
    local: true,
  },
}) {
  static byRef(ctx: FakeRequestContext, s: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(ctx, () => {
      if (!ctx.doc.sheets.includes(s)) throw errors.notFound(`worksheet '${s.name}'`);
      return s;
    });
  }
  constructor(ctx: FakeRequestContext, resolver: Resolver<FakeSheet>, nullable = false) {
    super(ctx, resolver, nullable);
  }
  protected override navs() {
    return {
      protection: () => this.protection,
      freezePanes: () => this.freezePanes,
    };
  }
  get protection(): FakeWorksheetProtection {
    return this.memo('protection', () => new FakeWorksheetProtection(this.ctx, () => this.tryResolve()));
  }
  get freezePanes(): FakeFreezePanes {
    return this.memo(
      'freezePanes',
      () =>
        new FakeFreezePanes(this.ctx, () => {
          const s = this.tryResolve();
          if (s) requireApi(this.ctx.doc, '1.7', 'freezePanes');
          return s;
        }),
    );
  }
  get notes(): FakeNoteCollection {
    return this.memo(
      'notes',
      () =>
        new FakeNoteCollection(this.ctx, () => {
          const s = this.tryResolve();
          if (s) requireApi(this.ctx.doc, '1.18', 'Worksheet.notes');
          return s;
        }),
    );
  }
  get comments(): FakeCommentCollection {
    return this.memo('comments', () => new FakeCommentCollection(this.ctx, () => this.tryResolve()));
  }
  get names(): FakeNamedItemCollection {
    return this.memo(
      'names',
      () =>
        new FakeNamedItemCollection(this.ctx, () => {
          const s = this.tryResolve();
          if (s) requireApi(this.ctx.doc, '1.4', 'Worksheet.names');
          return s;
        }),
    );
  }
  get tables(): FakeTableCollection {
    return this.memo(
      'tables',
      () =>
        new FakeTableCollection(this.ctx, () => {
          const s = this.tryResolve();
          return s ? { doc: this.ctx.doc, sheet: s } : null;
        }),
    );
  }
  get charts(): FakeChartCollection {
    return this.memo('charts', () => new FakeChartCollection(this.ctx, () => this.tryResolve()));
  }
  get pageLayout(): FakePageLayout {
    return this.memo(
      'pageLayout',
      () =>
        new FakePageLayout(this.ctx, () => {
          const s = this.tryResolve();
          if (s) requireApi(this.ctx.doc, '1.9', 'Worksheet.pageLayout');
          return s;
        }),
    );
  }

  private rangeAt(fn: (s: FakeSheet) => CellRange | null, nullable = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.tryResolve();
        if (!s) return null;
        const range = fn(s);
        return range ? { sheet: s, range } : null;
      },
      nullable,
    );
  }
  getRange(address?: string): FakeRange {
    return this.rangeAt((s) => {
      if (!address) return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const p = parseAddress(address);
      if (p.sheet !== undefined && p.sheet.toLowerCase() !== s.name.toLowerCase())
        throw errors.invalidArgument(`address '${address}' is on another sheet`);
      return p.range;
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.rangeAt(() => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1)
        throw errors.invalidArgument('getRangeByIndexes');
      return {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.rangeAt((s) => s.usedRange(Boolean(valuesOnly)) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.rangeAt((s) => s.usedRange(Boolean(valuesOnly)), true);
  }
  activate(): void {
    this.mutate((s) => {
      if (s.visibility !== 'Visible') throw errors.invalidOperation(`sheet '${s.name}' is hidden`);
      this.ctx.doc.activeSheetId = s.id;
    });
  }
  delete(): void {
    this.mutate((s) => {
      const d = this.ctx.doc;
      if (d.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0)
        throw errors.invalidOperation('a workbook must keep one visible sheet');
      d.sheets = d.sheets.filter((x) => x !== s);
      d.comments = d.comments.filter((c) => c.sheetId !== s.id);
      if (d.activeSheetId === s.id) d.activeSheetId = d.sheets.find((x) => x.visibility === 'Visible')?.id;
    });
  }
}

export class FakeWorksheetProtection extends scalarProxy<FakeSheet, { protected: boolean }>(
  'FakeWorksheetProtection',
  { protected: { read: (s) => s.protected } },
) {
  protect(): void {
    this.mutate((s) => (s.protected = true));
  }
  unprotect(): void {
    this.mutate((s) => (s.protected = false));
  }
}

/** Worksheet.pageLayout: the settings a sheet prints with, recorded on the fake sheet. */
export class FakePageLayout extends FakeProxy<FakeSheet> {
  protected scalars(): string[] {
    return Object.keys(PAGE_LAYOUT_PROPS);
  }
  protected readScalar(s: FakeSheet, prop: string): unknown {
    return s.pageLayout[prop] ?? PAGE_LAYOUT_PROPS[prop];
  }
  private put(prop: string, v: unknown): void {
    this.setLocal(prop, v);
    this.mutate((s) => (s.pageLayout[prop] = v));
  }
  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(v: string) {
    this.put('orientation', v);
  }
  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(v: string) {
    this.put('paperSize', v);
  }
  get zoom(): unknown {
    return this.get('zoom');
  }
  set zoom(v: unknown) {
    this.put('zoom', v);
  }
  get centerHorizontally(): boolean {
    return this.get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.put('centerHorizontally', v);
  }
  set leftMargin(v: number) {
    this.put('leftMargin', v);
  }
  set rightMargin(v: number) {
    this.put('rightMargin', v);
  }
  set topMargin(v: number) {
    this.put('topMargin', v);
  }
  set bottomMargin(v: number) {
    this.put('bottomMargin', v);
  }
  set headerMargin(v: number) {
    this.put('headerMargin', v);
  }
  set footerMargin(v: number) {
    this.put('footerMargin', v);
  }
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const put = (v: string) => this.put('centerFooter', v);
    return {
      defaultForAllPages: {
        get centerFooter(): string {
          return '';
        },
        set centerFooter(v: string) {
          put(v);
        },
      },
    };
  }
  setPrintTitleRows(rows: string): void {
    this.mutate((s) => (s.pageLayout.printTitleRows = rows));
  }
}

const PAGE_LAYOUT_PROPS: Record<string, unknown> = {
  orientation: 'Portrait',
  paperSize: 'Letter',
  zoom: { scale: 100 },
  centerHorizontally: false,
};

export class FakeFreezePanes extends scalarProxy<FakeSheet, object>('FakeFreezePanes', {}) {
  freezeRows(count = 1): void {
    this.mutate((s) => (s.freezeRows = count));
  }
  unfreeze(): void {
    this.mutate((s) => (s.freezeRows = 0));
  }
}

// ── ranges ──────────────────────────────────────────────────────────────────────────────

export interface RangeTarget {
  sheet: FakeSheet;
  range: CellRange;
}

export class FakeRange extends scalarProxy<
  RangeTarget,
  {
    address: string;
    values: unknown[][];
    formulas: unknown[][];
    numberFormat: string[][];
    valueTypes: string[][];
    text: string[][];
    rowIndex: number;
    columnIndex: number;
    rowCount: number;
    columnCount: number;
    cellCount: number;
  }
>('FakeRange', {
  address: { read: ({ sheet, range }) => `${quoteSheet(sheet.name)}!${rangeToA1(range)}` },
  values: {
    read: ({ sheet, range }) => grid(range, (r, c) => valueOut(sheet.cell(r, c))),
    write: ({ sheet, range }, v) => {
      writable(sheet, 'set values');
      const at = broadcast(v, range, 'values');
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) {
          writeValue(sheet.touch(r, c), at(r, c), false);
          sheet.tidy(r, c);
        }
    },
  },
  formulas: {
    read: ({ sheet, range }) =>
      grid(range, (r, c) => {
        const cell = sheet.cell(r, c);
        return cell?.formula !== undefined ? `=${cell.formula}` : valueOut(cell);
      }),
    write: ({ sheet, range }, v) => {
      writable(sheet, 'set formulas');
      const at = broadcast(v, range, 'formulas');
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) {
          writeValue(sheet.touch(r, c), at(r, c), true);
          sheet.tidy(r, c);
        }
    },
  },
  numberFormat: {
    read: ({ sheet, range }) => grid(range, (r, c) => sheet.cell(r, c)?.numFmt ?? 'General'),
    write: ({ sheet, range }, v) => {
      writable(sheet, 'set numberFormat');
      const at = broadcast(v, range, 'numberFormat');
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) {
          const f = at(r, c);
          if (f === null || f === undefined) continue;
          const cell = sheet.touch(r, c);
          if (f === 'General') delete cell.numFmt;
          else cell.numFmt = String(f);
          sheet.tidy(r, c);
        }
    },
  },
  valueTypes: { read: ({ sheet, range }) => grid(range, (r, c) => valueType(sheet.cell(r, c))) },
  text: { read: ({ sheet, range }) => grid(range, (r, c) => String(valueOut(sheet.cell(r, c)))) },
  rowIndex: { read: ({ range }) => range.top },
  columnIndex: { read: ({ range }) => range.left },
  rowCount: { read: ({ range }) => range.bottom - range.top + 1 },
  columnCount: { read: ({ range }) => range.right - range.left + 1 },
  cellCount: { read: ({ range }) => cellCount(range) },
}) {
  protected override navs() {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.mutate(({ sheet, range }) => {
      writable(sheet, 'set hyperlink');
      requireApi(this.ctx.doc, '1.7', 'Range.hyperlink');
      const cell = sheet.touch(range.top, range.left);
      cell.hyperlink = { ...link };
      if (link.textToDisplay !== undefined && (cell.value === null || cell.value === ''))
        cell.value = link.textToDisplay;
    });
  }
  get format(): FakeRangeFormat {
    return this.memo('format', () => new FakeRangeFormat(this.ctx, () => this.tryResolve()));
  }
  get worksheet(): FakeWorksheet {
    return this.memo('worksheet', () => new FakeWorksheet(this.ctx, () => this.tryResolve()?.sheet ?? null));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.memo(
      'conditionalFormats',
      () => new FakeConditionalFormatCollection(this.ctx, () => this.tryResolve()),
    );
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.tryResolve();
      if (!t) return null;
      const top = t.range.top + row;
      const left = t.range.left + column;
      return { sheet: t.sheet, range: { top, left, bottom: top, right: left } };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const t = this.tryResolve();
        if (!t) return null;
        requireApi(this.ctx.doc, '1.13', 'Range.getMergedAreasOrNullObject');
        const areas = t.sheet.merges.filter((m) => intersects(m, t.range));
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
      true,
    );
  }
  merge(across = false): void {
    this.mutate(({ sheet, range }) => {
      writable(sheet, 'merge');
      if (sheet.merges.some((m) => intersects(m, range)))
        throw errors.invalidOperation('cells are already merged');
      if (across)
        for (let r = range.top; r <= range.bottom; r++) sheet.merges.push({ ...range, top: r, bottom: r });
      else sheet.merges.push({ ...range });
    });
  }
  unmerge(): void {
    this.mutate(({ sheet, range }) => {
      writable(sheet, 'unmerge');
      sheet.merges = sheet.merges.filter((m) => !intersects(m, range));
    });
  }
  clear(applyTo: string = 'All'): void {
    this.mutate(({ sheet, range }) => {
      writable(sheet, 'clear');
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      const keys: [number, number][] = [];
      sheet.forEachCell((r, c) => keys.push([r, c]), range);
      for (const [r, c] of keys) {
        const cell = sheet.touch(r, c);
        if (contents) {
          cell.value = null;
          delete cell.formula;
        }
        if (formats) {
          delete cell.numFmt;
          delete cell.fill;
          delete cell.bold;
          delete cell.wrap;
        }
        if (applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks')
          delete cell.hyperlink;
        sheet.tidy(r, c);
      }
      if (formats) {
        sheet.merges = sheet.merges.filter((m) => !within(m, range));
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !within(cf.range, range));
      }
    });
  }
  select(): void {
    this.mutate(({ sheet, range }) => {
      if (sheet.visibility !== 'Visible') throw errors.invalidOperation(`sheet '${sheet.name}' is hidden`);
      this.ctx.doc.activeSheetId = sheet.id;
      this.ctx.doc.selection = { sheetId: sheet.id, range };
    });
  }
}

export class FakeRangeAreas extends FakeProxy<{ sheet: FakeSheet; areas: CellRange[] }> {
  protected scalars(): string[] {
    return ['address', 'areaCount', 'cellCount'];
  }
  protected override navs() {
    return { areas: () => this.areas };
  }
  protected readScalar(t: { sheet: FakeSheet; areas: CellRange[] }, prop: string): unknown {
    if (prop === 'address')
      return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeToA1(a)}`).join(',');
    if (prop === 'areaCount') return t.areas.length;
    return t.areas.reduce((n, a) => n + cellCount(a), 0);
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get areas(): FakeRangeCollection {
    return this.memo(
      'areas',
      () =>
        new FakeRangeCollection(this.ctx, () => {
          const t = this.tryResolve();
          return t ? t.areas.map((range) => ({ sheet: t.sheet, range })) : null;
        }),
    );
  }
}

export class FakeRangeCollection extends FakeCollection<RangeTarget[], RangeTarget, FakeRange> {
  protected list(t: RangeTarget[]): RangeTarget[] {
    return t;
  }
  protected item(m: RangeTarget): FakeRange {
    return new FakeRange(this.ctx, () => m);
  }
}

export const FakeRangeFormat = scalarProxy<
  RangeTarget,
  { columnWidth: number; wrapText: boolean },
  { fill: FakeRangeFill; font: FakeRangeFont }
>(
  'FakeRangeFormat',
  {
    columnWidth: {
      read: ({ sheet, range }) => {
        const widths = new Set<number>();
        for (let c = range.left; c <= Math.min(range.right, range.left + 1000); c++)
          widths.add(sheet.columnWidths.get(c) ?? 48);
        return (widths.size === 1 ? [...widths][0] : null) as number;
      },
      write: ({ sheet, range }, w) => {
        writable(sheet, 'set columnWidth');
        for (let c = range.left; c <= range.right; c++) sheet.columnWidths.set(c, w);
      },
    },
    wrapText: {
      read: ({ sheet, range }) => {
        const vals = new Set<boolean>();
        grid(range.bottom - range.top > 10000 ? { ...range, bottom: range.top } : range, (r, c) =>
          vals.add(Boolean(sheet.cell(r, c)?.wrap)),
        );
        return (vals.size === 1 ? [...vals][0] : null) as boolean;
      },
      write: ({ sheet, range }, v) => {
        writable(sheet, 'set wrapText');
        forCells(sheet, range, (cell) => (cell.wrap = v || undefined));
      },
    },
  },
  { fill: () => FakeRangeFill, font: () => FakeRangeFont },
);
export type FakeRangeFormat = InstanceType<typeof FakeRangeFormat>;

/** Apply to every cell of a range (only existing cells for huge ranges). */
function forCells(
  sheet: FakeSheet,
  range: CellRange,
  fn: (cell: FakeCell, r: number, c: number) => void,
): void {
  if (cellCount(range) > 1_000_000) {
    const keys: [number, number][] = [];
    sheet.forEachCell((r, c) => keys.push([r, c]), range);
    for (const [r, c] of keys) {
      fn(sheet.touch(r, c), r, c);
      sheet.tidy(r, c);
    }
    return;
  }
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) {
      fn(sheet.touch(r, c), r, c);
      sheet.tidy(r, c);
    }
}

function uniform<V>(range: CellRange, fn: (r: number, c: number) => V): V | null {
  let first: V | undefined;
  let same = true;
  const r2 =
    cellCount(range) > 1_000_000
      ? { ...range, bottom: range.top, right: Math.min(range.right, range.left + 100) }
      : range;
  grid(r2, (r, c) => {
    const v = fn(r, c);
    if (first === undefined) first = v;
    else if (v !== first) same = false;
  });
  return same ? (first as V) : null;
}

export class FakeRangeFill extends scalarProxy<RangeTarget, { color: string }>('FakeRangeFill', {
  color: {
    // "No Fill" reads back as white, as in Excel
    read: ({ sheet, range }) => uniform(range, (r, c) => sheet.cell(r, c)?.fill ?? '#FFFFFF') as string,
    write: ({ sheet, range }, v) => {
      writable(sheet, 'set fill');
      const hex = normalizeColor(v);
      forCells(sheet, range, (cell) => (cell.fill = hex));
    },
    local: true,
  },
}) {
  clear(): void {
    this.mutate(({ sheet, range }) => {
      writable(sheet, 'clear fill');
      forCells(sheet, range, (cell) => delete cell.fill);
    });
  }
}

export const FakeRangeFont = scalarProxy<RangeTarget, { bold: boolean }>('FakeRangeFont', {
  bold: {
    read: ({ sheet, range }) => uniform(range, (r, c) => Boolean(sheet.cell(r, c)?.bold)) as boolean,
    write: ({ sheet, range }, v) => {
      writable(sheet, 'set bold');
      forCells(sheet, range, (cell) => (cell.bold = v || undefined));
    },
  },
});
export type FakeRangeFont = InstanceType<typeof FakeRangeFont>;

// ── conditional formats ─────────────────────────────────────────────────────────────────

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

export class FakeConditionalFormatCollection extends FakeCollection<
  RangeTarget,
  CfTarget,
  FakeConditionalFormat_
> {
  protected list({ sheet, range }: RangeTarget): CfTarget[] {
    return sheet.conditionalFormats.filter((cf) => intersects(cf.range, range)).map((cf) => ({ sheet, cf }));
  }
  protected item(m: CfTarget): FakeConditionalFormat_ {
    return FakeConditionalFormat_.byRef(this.ctx, m);
  }
  add(type: string): FakeConditionalFormat_ {
    let created: CfTarget | undefined;
    this.mutate(({ sheet, range }) => {
      writable(sheet, 'add conditional format');
      const cf: FakeConditionalFormat = {
        id: newId('cf'),
        range: { ...range },
        type: type as FakeConditionalFormat['type'],
        formula: '',
        fill: null,
        fontColor: null,
        stopIfTrue: false,
      };
      sheet.conditionalFormats.unshift(cf); // a new rule goes on top (priority 0)
      created = { sheet, cf };
    });
    return new FakeConditionalFormat_(this.ctx, () => {
      if (!created) throw errors.notFound('added conditional format');
      return created;
    });
  }
  getItem(id: string): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(this.ctx, () => {
      const t = this.target();
      const cf = t.sheet.conditionalFormats.find((x) => x.id === id && intersects(x.range, t.range));
      if (!cf) throw errors.notFound(`conditional format '${id}'`);
      return { sheet: t.sheet, cf };
    });
  }
  getItemAt(index: number): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(this.ctx, () => {
      const m = this.list(this.target())[index];
      if (!m) throw errors.notFound(`conditional format #${index}`);
      return m;
    });
  }
  clearAll(): void {
    this.mutate(({ sheet, range }) => {
      writable(sheet, 'clear conditional formats');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.range, range));
    });
  }
}

/** Excel.ConditionalFormat (the trailing _ keeps it apart from the document's record type). */
export class FakeConditionalFormat_ extends scalarProxy<
  CfTarget,
  { id: string; priority: number; stopIfTrue: boolean; type: string }
>('FakeConditionalFormat_', {
  id: { read: ({ cf }) => cf.id },
  priority: { read: ({ sheet, cf }) => sheet.conditionalFormats.indexOf(cf) },
  stopIfTrue: { read: ({ cf }) => cf.stopIfTrue, write: ({ cf }, v) => (cf.stopIfTrue = v) },
  type: { read: ({ cf }) => cf.type },
}) {
  static byRef(ctx: FakeRequestContext, m: CfTarget): FakeConditionalFormat_ {
    return new FakeConditionalFormat_(ctx, () => {
      if (!m.sheet.conditionalFormats.includes(m.cf)) throw errors.notFound('conditional format');
      return m;
    });
  }
  protected override navs() {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  /** Like Excel: using `custom` on a rule of another type fails the whole batch. */
  get custom(): FakeCustomConditionalFormat {
    return this.memo(
      'custom',
      () =>
        new FakeCustomConditionalFormat(this.ctx, () => {
          const t = this.tryResolve();
          if (t && t.cf.type !== 'Custom')
            throw errors.invalidOperation('the conditional format is not of type Custom');
          return t;
        }),
    );
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.memo(
      'customOrNullObject',
      () =>
        new FakeCustomConditionalFormat(
          this.ctx,
          () => {
            const t = this.tryResolve();
            return t && t.cf.type === 'Custom' ? t : null;
          },
          true,
        ),
    );
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const t = this.target();
      return { sheet: t.sheet, range: t.cf.range };
    });
  }
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.tryResolve();
        return t ? { sheet: t.sheet, range: t.cf.range } : null;
      },
      true,
    );
  }
  delete(): void {
    this.mutate(({ sheet, cf }) => {
      writable(sheet, 'delete conditional format');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

export const FakeCustomConditionalFormat = scalarProxy<
  CfTarget,
  object,
  { rule: FakeConditionalFormatRule; format: FakeConditionalRangeFormat }
>(
  'FakeCustomConditionalFormat',
  {},
  { rule: () => FakeConditionalFormatRule, format: () => FakeConditionalRangeFormat },
);
export type FakeCustomConditionalFormat = InstanceType<typeof FakeCustomConditionalFormat>;

/** A custom conditional format's rule: its formula (stored with a leading '='). */
export const FakeConditionalFormatRule = scalarProxy<CfTarget, { formula: string }>(
  'FakeConditionalFormatRule',
  {
    formula: {
      read: ({ cf }) => cf.formula,
      write: ({ sheet, cf }, v) => {
        writable(sheet, 'set rule');
        cf.formula = v.startsWith('=') ? v : `=${v}`;
      },
    },
  },
);
export type FakeConditionalFormatRule = InstanceType<typeof FakeConditionalFormatRule>;

export const FakeConditionalRangeFormat = scalarProxy<
  CfTarget,
  object,
  { fill: FakeConditionalFill; font: FakeConditionalFont }
>('FakeConditionalRangeFormat', {}, { fill: () => FakeConditionalFill, font: () => FakeConditionalFont });
export type FakeConditionalRangeFormat = InstanceType<typeof FakeConditionalRangeFormat>;

/** A conditional format's fill colour. */
export const FakeConditionalFill = scalarProxy<CfTarget, { color: string }>('FakeConditionalFill', {
  color: {
    read: ({ cf }) => cf.fill as string,
    write: ({ sheet, cf }, v) => {
      writable(sheet, 'set rule fill');
      cf.fill = normalizeColor(v);
    },
  },
});
export type FakeConditionalFill = InstanceType<typeof FakeConditionalFill>;

/** A conditional format's font colour. */
export const FakeConditionalFont = scalarProxy<CfTarget, { color: string }>('FakeConditionalFont', {
  color: {
    read: ({ cf }) => cf.fontColor as string,
    write: ({ cf }, v) => {
      cf.fontColor = normalizeColor(v);
    },
  },
});
export type FakeConditionalFont = InstanceType<typeof FakeConditionalFont>;

// ── notes and comments ──────────────────────────────────────────────────────────────────

function singleCell(
  ctx: FakeRequestContext,
  cellAddress: FakeRange | string,
  sheetHint: FakeSheet | undefined,
): { sheet: FakeSheet; row: number; col: number } {
  let sheet: FakeSheet | undefined;
  let range: CellRange;
  if (typeof cellAddress === 'string') {
    const p = parseAddress(cellAddress);
    sheet = p.sheet !== undefined ? ctx.doc.sheetByName(p.sheet) : sheetHint;
    range = p.range;
  } else {
    const t = cellAddress.target();
    sheet = t.sheet;
    range = t.range;
  }
  if (!sheet) throw errors.invalidArgument(`cell address '${String(cellAddress)}' names no sheet`);
  if (sheetHint && sheet !== sheetHint) throw errors.invalidArgument('the cell is on another sheet');
  if (range.top !== range.bottom || range.left !== range.right)
    throw errors.invalidArgument('more than one cell');
  return { sheet, row: range.top, col: range.left };
}

interface NoteTarget {
  sheet: FakeSheet;
  note: FakeNote;
}

export class FakeNoteCollection extends FakeCollection<FakeSheet, NoteTarget, FakeNote_> {
  protected list(sheet: FakeSheet): NoteTarget[] {
    return sheet.notes.map((note) => ({ sheet, note }));
  }
  protected item(m: NoteTarget): FakeNote_ {
    return FakeNote_.byRef(this.ctx, m);
  }
  add(cellAddress: FakeRange | string, content: string): FakeNote_ {
    let created: NoteTarget | undefined;
    this.mutate((hint) => {
      const { sheet, row, col } = singleCell(this.ctx, cellAddress, hint);
      writable(sheet, 'add note');
      if (sheet.notes.some((n) => n.row === row && n.col === col))
        throw errors.invalidArgument(`cell ${toA1(row, col)} already has a note`);
      const note: FakeNote = { row, col, content: String(content), author: 'Gouji' };
      sheet.notes.push(note);
      created = { sheet, note };
    });
    return new FakeNote_(this.ctx, () => {
      if (!created) throw errors.notFound('added note');
      return created;
    });
  }
  private find(sheet: FakeSheet, key: string): NoteTarget | null {
    const { range } = parseAddress(key);
    const note = sheet.notes.find((n) => n.row === range.top && n.col === range.left);
    return note ? { sheet, note } : null;
  }
  getItem(key: string): FakeNote_ {
    return new FakeNote_(this.ctx, () => {
      const t = this.find(this.target(), key);
      if (!t) throw errors.notFound(`note at ${key}`);
      return t;
    });
  }
  getItemOrNullObject(key: string): FakeNote_ {
    return new FakeNote_(
      this.ctx,
      () => {
        const s = this.tryResolve();
        return s ? this.find(s, key) : null;
      },
      true,
    );
  }
}

export class FakeNote_ extends scalarProxy<NoteTarget, { content: string; authorName: string }>('FakeNote_', {
  content: {
    read: ({ note }) => note.content,
    write: ({ sheet, note }, v) => {
      writable(sheet, 'edit note');
      note.content = v;
    },
  },
  authorName: { read: ({ note }) => note.author },
}) {
  static byRef(ctx: FakeRequestContext, m: NoteTarget): FakeNote_ {
    return new FakeNote_(ctx, () => {
      if (!m.sheet.notes.includes(m.note)) throw errors.notFound('note');
      return m;
    });
  }
  delete(): void {
    this.mutate(({ sheet, note }) => {
      writable(sheet, 'delete note');
      sheet.notes = sheet.notes.filter((n) => n !== note);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, note } = this.target();
      return { sheet, range: { top: note.row, left: note.col, bottom: note.row, right: note.col } };
    });
  }
}

export class FakeCommentCollection extends FakeCollection<FakeDocument, FakeComment, FakeComment_> {
  private readonly sheetResolver?: Resolver<FakeSheet>;
  constructor(ctx: FakeRequestContext, sheet: Resolver<FakeSheet> | undefined) {
    super(ctx, () => {
      requireApi(ctx.doc, '1.10', 'comments');
      return ctx.doc;
    });
    this.sheetResolver = sheet;
  }
  protected list(d: FakeDocument): FakeComment[] {
    const s = this.sheetResolver?.();
    return s ? d.comments.filter((c) => c.sheetId === s.id) : d.comments;
  }
  protected item(m: FakeComment): FakeComment_ {
    return FakeComment_.byRef(this.ctx, m);
  }
  add(cellAddress: FakeRange | string, content: string): FakeComment_ {
    let created: FakeComment | undefined;
    this.mutate((d) => {
      const { sheet, row, col } = singleCell(this.ctx, cellAddress, this.sheetResolver?.() ?? undefined);
      writable(sheet, 'add comment');
      if (d.comments.some((c) => c.sheetId === sheet.id && c.row === row && c.col === col))
        throw errors.invalidArgument(`cell ${toA1(row, col)} already has a comment`);
      created = {
        id: newId('comment'),
        sheetId: sheet.id,
        row,
        col,
        content: String(content),
        author: 'Gouji',
      };
      d.comments.push(created);
    });
    return new FakeComment_(this.ctx, () => {
      if (!created) throw errors.notFound('added comment');
      return created;
    });
  }
  getItem(id: string): FakeComment_ {
    return new FakeComment_(this.ctx, () => {
      const c = this.target().comments.find((x) => x.id === id);
      if (!c) throw errors.notFound(`comment ${id}`);
      return c;
    });
  }
  getItemOrNullObject(id: string): FakeComment_ {
    return new FakeComment_(
      this.ctx,
      () => this.tryResolve()?.comments.find((x) => x.id === id) ?? null,
      true,
    );
  }
  getItemByCell(cellAddress: FakeRange | string): FakeComment_ {
    return new FakeComment_(this.ctx, () => {
      const { sheet, row, col } = singleCell(this.ctx, cellAddress, undefined);
      const c = this.target().comments.find((x) => x.sheetId === sheet.id && x.row === row && x.col === col);
      if (!c) throw errors.notFound('comment at cell');
      return c;
    });
  }
}

export class FakeComment_ extends scalarProxy<
  FakeComment,
  { id: string; content: string; authorName: string }
>('FakeComment_', {
  id: { read: (c) => c.id },
  content: { read: (c) => c.content },
  authorName: { read: (c) => c.author },
}) {
  static byRef(ctx: FakeRequestContext, m: FakeComment): FakeComment_ {
    return new FakeComment_(ctx, () => {
      if (!ctx.doc.comments.includes(m)) throw errors.notFound('comment');
      return m;
    });
  }
  delete(): void {
    this.mutate((c) => {
      const sheet = this.ctx.doc.sheetById(c.sheetId);
      if (sheet) writable(sheet, 'delete comment');
      this.ctx.doc.comments = this.ctx.doc.comments.filter((x) => x !== c);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const c = this.target();
      const sheet = this.ctx.doc.sheetById(c.sheetId);
      if (!sheet) throw errors.notFound('comment sheet');
      return { sheet, range: { top: c.row, left: c.col, bottom: c.row, right: c.col } };
    });
  }
}

// ── custom XML parts ────────────────────────────────────────────────────────────────────

function rootNamespace(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*(\s[^>]*)?>/.exec(xml.replace(/<\?[\s\S]*?\?>/g, ''));
  const ns = root?.[2] && /\sxmlns="([^"]*)"/.exec(root[2]);
  return ns ? ns[1] : '';
}

export class FakeXmlPartCollection extends FakeCollection<FakeXmlPart[], FakeXmlPart, FakeXmlPart_> {
  constructor(ctx: FakeRequestContext, parts: Resolver<FakeXmlPart[]>) {
    super(ctx, () => {
      requireApi(ctx.doc, '1.5', 'customXmlParts');
      return parts();
    });
  }
  protected list(t: FakeXmlPart[]): FakeXmlPart[] {
    return t;
  }
  protected item(m: FakeXmlPart): FakeXmlPart_ {
    return FakeXmlPart_.byRef(this.ctx, m);
  }
  add(xml: string): FakeXmlPart_ {
    let created: FakeXmlPart | undefined;
    this.ctx.enqueue(() => {
      requireApi(this.ctx.doc, '1.5', 'customXmlParts.add');
      if (!/^\s*(<\?xml[^>]*\?>)?\s*<[A-Za-z_]/.test(xml)) throw errors.invalidArgument('not XML');
      created = { id: newId('xml'), namespaceUri: rootNamespace(xml), xml };
      this.ctx.doc.xmlParts.push(created);
    });
    return new FakeXmlPart_(this.ctx, () => {
      if (!created) throw errors.notFound('added part');
      return created;
    });
  }
  getByNamespace(ns: string): FakeXmlPartCollection {
    return new FakeXmlPartCollection(this.ctx, () => this.target().filter((p) => p.namespaceUri === ns));
  }
  getItem(id: string): FakeXmlPart_ {
    return new FakeXmlPart_(this.ctx, () => {
      const p = this.target().find((x) => x.id === id);
      if (!p) throw errors.notFound(`custom XML part ${id}`);
      return p;
    });
  }
  getItemOrNullObject(id: string): FakeXmlPart_ {
    return new FakeXmlPart_(this.ctx, () => this.tryResolve()?.find((x) => x.id === id) ?? null, true);
  }
  getOnlyItemOrNullObject(): FakeXmlPart_ {
    return new FakeXmlPart_(
      this.ctx,
      () => {
        const t = this.tryResolve();
        if (!t || t.length === 0) return null;
        if (t.length > 1) throw errors.invalidOperation('more than one part');
        return t[0];
      },
      true,
    );
  }
}

export class FakeXmlPart_ extends scalarProxy<FakeXmlPart, { id: string; namespaceUri: string }>(
  'FakeXmlPart_',
  { id: { read: (p) => p.id }, namespaceUri: { read: (p) => p.namespaceUri } },
) {
  static byRef(ctx: FakeRequestContext, m: FakeXmlPart): FakeXmlPart_ {
    return new FakeXmlPart_(ctx, () => {
      if (!ctx.doc.xmlParts.includes(m)) throw errors.notFound('custom XML part');
      return m;
    });
  }
  getXml(): FakeClientResult<string> {
    return new FakeClientResult(this.ctx, () => this.target().xml);
  }
  setXml(xml: string): void {
    this.mutate((p) => {
      p.xml = xml;
      p.namespaceUri = rootNamespace(xml);
    });
  }
  delete(): void {
    this.mutate((p) => (this.ctx.doc.xmlParts = this.ctx.doc.xmlParts.filter((x) => x !== p)));
  }
}

// ── tables, charts, names, settings ─────────────────────────────────────────────────────

interface TableScope {
  doc: FakeDocument;
  sheet?: FakeSheet;
}
interface TableTarget {
  sheet: FakeSheet;
  table: FakeTable;
}

function allTables(doc: FakeDocument): TableTarget[] {
  return doc.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

export class FakeTableCollection extends FakeCollection<TableScope, TableTarget, FakeTable_> {
  protected list(t: TableScope): TableTarget[] {
    return t.sheet
      ? t.sheet.tables.map((table) => ({ sheet: t.sheet as FakeSheet, table }))
      : allTables(t.doc);
  }
  protected item(m: TableTarget): FakeTable_ {
    return FakeTable_.byRef(this.ctx, m);
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable_ {
    let created: TableTarget | undefined;
    this.mutate((scope) => {
      let sheet: FakeSheet | undefined;
      let range: CellRange;
      if (typeof address === 'string') {
        const p = parseAddress(address);
        sheet = p.sheet !== undefined ? scope.doc.sheetByName(p.sheet) : scope.sheet;
        range = p.range;
      } else ({ sheet, range } = address.target());
      if (!sheet) throw errors.invalidArgument('table address names no sheet');
      writable(sheet, 'add table');
      if (sheet.merges.some((m) => intersects(m, range)))
        throw errors.invalidOperation('a table cannot overlap merged cells');
      if (allTables(scope.doc).some((t) => t.sheet === sheet && intersects(t.table.range, range)))
        throw errors.invalidOperation('tables cannot overlap');
      let n = allTables(scope.doc).length + 1;
      while (allTables(scope.doc).some((t) => t.table.name.toLowerCase() === `table${n}`)) n++;
      const table: FakeTable = {
        id: newId('table'),
        name: `Table${n}`,
        range: { ...range },
        style: 'TableStyleMedium2',
        showHeaders: hasHeaders,
      };
      sheet.tables.push(table);
      created = { sheet, table };
    });
    return new FakeTable_(this.ctx, () => {
      if (!created) throw errors.notFound('added table');
      return created;
    });
  }
  getItem(name: string): FakeTable_ {
    return new FakeTable_(this.ctx, () => {
      const t = this.list(this.target()).find((x) => x.table.name.toLowerCase() === name.toLowerCase());
      if (!t) throw errors.notFound(`table '${name}'`);
      return t;
    });
  }
}

export class FakeTable_ extends scalarProxy<
  TableTarget,
  { id: string; name: string; style: string; showHeaders: boolean }
>('FakeTable_', {
  id: { read: ({ table }) => table.id },
  name: {
    read: ({ table }) => table.name,
    write: ({ table }, v, ctx) => {
      if (allTables(ctx.doc).some((t) => t.table !== table && t.table.name.toLowerCase() === v.toLowerCase()))
        throw errors.exists(`table '${v}'`);
      if (!/^[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*$/.test(v))
        throw errors.invalidArgument(`table name '${v}'`);
      table.name = v;
    },
  },
  style: { read: ({ table }) => table.style, write: ({ table }, v) => (table.style = v) },
  showHeaders: { read: ({ table }) => table.showHeaders, hidden: true },
}) {
  static byRef(ctx: FakeRequestContext, m: TableTarget): FakeTable_ {
    return new FakeTable_(ctx, () => {
      if (!m.sheet.tables.includes(m.table)) throw errors.notFound('table');
      return m;
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, table } = this.target();
      return { sheet, range: table.range };
    });
  }
  delete(): void {
    this.mutate(({ sheet, table }) => {
      writable(sheet, 'delete table');
      sheet.tables = sheet.tables.filter((t) => t !== table);
      sheet.forEachCell((r, c) => {
        const cell = sheet.touch(r, c);
        cell.value = null;
        delete cell.formula;
        sheet.tidy(r, c);
      }, table.range);
    });
  }
}

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

export class FakeChartCollection extends FakeCollection<FakeSheet, ChartTarget, FakeChart_> {
  protected list(sheet: FakeSheet): ChartTarget[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }
  protected item(m: ChartTarget): FakeChart_ {
    return FakeChart_.byRef(this.ctx, m);
  }
  add(type: string, sourceData: FakeRange, _seriesBy?: string): FakeChart_ {
    let created: ChartTarget | undefined;
    this.mutate((sheet) => {
      writable(sheet, 'add chart');
      const src = sourceData.target();
      const chart: FakeChart = {
        id: newId('chart'),
        name: `Chart ${sheet.charts.length + 1}`,
        chartType: type,
        title: '',
        values: { ...src.range },
        seriesName: '',
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return new FakeChart_(this.ctx, () => {
      if (!created) throw errors.notFound('added chart');
      return created;
    });
  }
}

export class FakeChart_ extends scalarProxy<ChartTarget, { id: string; name: string; chartType: string }>(
  'FakeChart_',
  {
    id: { read: ({ chart }) => chart.id, hidden: true },
    name: { read: ({ chart }) => chart.name },
    chartType: { read: ({ chart }) => chart.chartType, hidden: true },
  },
) {
  // title and series are not loadable through the chart (no navs), as before the description
  get title(): FakeChartTitle {
    return this.memo('title', () => new FakeChartTitle(this.ctx, () => this.tryResolve()));
  }
  get series(): FakeChartSeriesCollection {
    return this.memo('series', () => new FakeChartSeriesCollection(this.ctx, () => this.tryResolve()));
  }
  static byRef(ctx: FakeRequestContext, m: ChartTarget): FakeChart_ {
    return new FakeChart_(ctx, () => {
      if (!m.sheet.charts.includes(m.chart)) throw errors.notFound('chart');
      return m;
    });
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.mutate(({ sheet, chart }) => {
      const at = (c: FakeRange | string) =>
        typeof c === 'string' ? parseAddress(c).range : c.target().range;
      const from = at(startCell);
      writable(sheet, 'move chart');
      chart.position = { from, to: endCell ? at(endCell) : from };
    });
  }
  delete(): void {
    this.mutate(({ sheet, chart }) => {
      writable(sheet, 'delete chart');
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

export const FakeChartTitle = scalarProxy<ChartTarget, { text: string }>('FakeChartTitle', {
  text: {
    read: ({ chart }) => chart.title as string,
    write: (t, v) => (t.chart.title = v),
  },
});
export type FakeChartTitle = InstanceType<typeof FakeChartTitle>;

export class FakeChartSeriesCollection extends FakeCollection<ChartTarget, ChartTarget, FakeChartSeries> {
  protected list(t: ChartTarget): ChartTarget[] {
    return [t];
  }
  protected item(m: ChartTarget): FakeChartSeries {
    return new FakeChartSeries(this.ctx, () => m);
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.ctx, () => {
      const t = this.target();
      if (index !== 0) throw errors.notFound(`series #${index}`);
      return t;
    });
  }
}

export class FakeChartSeries extends scalarProxy<ChartTarget, { name: string }>('FakeChartSeries', {
  name: {
    read: ({ chart }) => chart.seriesName as string,
    write: (t, v) => (t.chart.seriesName = v),
  },
}) {
  setXAxisValues(range: FakeRange): void {
    this.mutate(({ chart }) => {
      requireApi(this.ctx.doc, '1.7', 'ChartSeries.setXAxisValues');
      chart.categories = { ...range.target().range };
    });
  }
  setValues(range: FakeRange): void {
    this.mutate(({ chart }) => (chart.values = { ...range.target().range }));
  }
}

interface NameTarget {
  sheet: FakeSheet;
  item: FakeNamedItem;
}

export class FakeNamedItemCollection extends FakeCollection<FakeSheet, NameTarget, FakeNamedItem_> {
  protected list(sheet: FakeSheet): NameTarget[] {
    return sheet.names.map((item) => ({ sheet, item }));
  }
  protected item(m: NameTarget): FakeNamedItem_ {
    return FakeNamedItem_.byRef(this.ctx, m);
  }
  add(name: string, reference: FakeRange | string, comment = ''): FakeNamedItem_ {
    let created: NameTarget | undefined;
    this.mutate((sheet) => {
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw errors.exists(`name '${name}'`);
      const formula =
        typeof reference === 'string'
          ? reference
          : (() => {
              const t = reference.target();
              return `=${quoteSheet(t.sheet.name)}!${rangeToA1(t.range)}`;
            })();
      const item: FakeNamedItem = { name, formula, visible: true, comment };
      sheet.names.push(item);
      created = { sheet, item };
    });
    return new FakeNamedItem_(this.ctx, () => {
      if (!created) throw errors.notFound('added name');
      return created;
    });
  }
  getItem(name: string): FakeNamedItem_ {
    return new FakeNamedItem_(this.ctx, () => {
      const t = this.list(this.target()).find((x) => x.item.name.toLowerCase() === name.toLowerCase());
      if (!t) throw errors.notFound(`name '${name}'`);
      return t;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem_ {
    return new FakeNamedItem_(
      this.ctx,
      () => {
        const s = this.tryResolve();
        return s
          ? (this.list(s).find((x) => x.item.name.toLowerCase() === name.toLowerCase()) ?? null)
          : null;
      },
      true,
    );
  }
}

export class FakeNamedItem_ extends scalarProxy<
  NameTarget,
  { name: string; formula: string; visible: boolean; comment: string }
>('FakeNamedItem_', {
  name: { read: ({ item }) => item.name },
  formula: { read: ({ item }) => item.formula },
  visible: { read: ({ item }) => item.visible, write: ({ item }, v) => (item.visible = v) },
  comment: { read: ({ item }) => item.comment, hidden: true },
}) {
  static byRef(ctx: FakeRequestContext, m: NameTarget): FakeNamedItem_ {
    return new FakeNamedItem_(ctx, () => {
      if (!m.sheet.names.includes(m.item)) throw errors.notFound('name');
      return m;
    });
  }
  delete(): void {
    this.mutate(({ sheet, item }) => (sheet.names = sheet.names.filter((n) => n !== item)));
  }
}

interface SettingTarget {
  key: string;
}

export class FakeSettingCollection extends FakeCollection<FakeDocument, SettingTarget, FakeSetting> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, () => {
      requireApi(ctx.doc, '1.4', 'workbook.settings');
      return ctx.doc;
    });
  }
  protected list(d: FakeDocument): SettingTarget[] {
    return [...d.settings.keys()].map((key) => ({ key }));
  }
  protected item(m: SettingTarget): FakeSetting {
    return new FakeSetting(this.ctx, () => (this.ctx.doc.settings.has(m.key) ? m : null));
  }
  add(key: string, value: unknown): FakeSetting {
    this.mutate((d) => d.settings.set(key, JSON.parse(JSON.stringify(value))));
    return new FakeSetting(this.ctx, () => ({ key }));
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, () => {
      if (!this.ctx.doc.settings.has(key)) throw errors.notFound(`setting '${key}'`);
      return { key };
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, () => (this.ctx.doc.settings.has(key) ? { key } : null), true);
  }
}

export class FakeSetting extends scalarProxy<SettingTarget, { key: string; value: unknown }>('FakeSetting', {
  key: { read: ({ key }) => key },
  value: {
    read: ({ key }, ctx) => ctx.doc.settings.get(key),
    write: ({ key }, v, ctx) => ctx.doc.settings.set(key, v),
  },
}) {
  delete(): void {
    this.mutate(({ key }) => this.ctx.doc.settings.delete(key));
  }
}

/** A request context with `workbook` wired up. */
export function createContext(doc: FakeDocument): FakeRequestContext {
  const ctx = new FakeRequestContext(doc);
  ctx.workbook = new FakeWorkbook(ctx);
  return ctx;
}

// keep parseLoad reachable for tests that build paths
export { parseLoad };
export type { CellValue };
