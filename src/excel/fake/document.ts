/**
 * The document behind the Office.js fake: a workbook held in memory with what Excel keeps beside cell
 * values (fills, conditional formats, notes, comments, tables, charts, defined names, custom XML parts,
 * add-in settings). Built from a core Workbook; the preview page renders it, tests inspect it.
 */
import { CellRange, rangeContains } from '../../core/model/address';
import { CellValue, Workbook, Sheet } from '../../core/model/workbook';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface FakeCell {
  value: CellValue;
  /** Formula without '='. */
  formula?: string;
  numFmt?: string;
  /** '#RRGGBB'; undefined = No Fill. */
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface FakeConditionalFormat {
  id: string;
  range: CellRange;
  type:
    | 'Custom'
    | 'CellValue'
    | 'ColorScale'
    | 'DataBar'
    | 'IconSet'
    | 'TopBottom'
    | 'PresetCriteria'
    | 'ContainsText';
  formula: string;
  fill: string | null;
  fontColor: string | null;
  stopIfTrue: boolean;
}

export interface FakeNote {
  row: number;
  col: number;
  content: string;
  author: string;
}

export interface FakeComment {
  id: string;
  sheetId: string;
  row: number;
  col: number;
  content: string;
  author: string;
}

export interface FakeTable {
  id: string;
  name: string;
  range: CellRange;
  style: string;
  showHeaders: boolean;
}

export interface FakeChart {
  id: string;
  name: string;
  chartType: string;
  title: string;
  values: CellRange;
  categories?: CellRange;
  seriesName: string;
  position?: { from: CellRange; to: CellRange };
}

export interface FakeNamedItem {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** The owner mark of sheets Gouji made (as the adapter and the .xlsx writer set it). */
const GOUJI_MARK: FakeNamedItem = { name: '_gouji_owner', formula: '="gouji"', visible: false, comment: '' };

let idCounter = 0;
export function newId(prefix: string): string {
  idCounter++;
  return `${prefix}{${idCounter.toString(16).padStart(8, '0')}-0000-4000-8000-${Date.now().toString(16).padStart(12, '0').slice(-12)}}`;
}

const key = (row: number, col: number) => row * MAX_COLS + col;

export class FakeSheet {
  readonly id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  readonly cells = new Map<number, FakeCell>();
  merges: CellRange[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  notes: FakeNote[] = [];
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  names: FakeNamedItem[] = [];
  /** Column widths in points (default 48 pt = 8.43 characters). */
  columnWidths = new Map<number, number>();
  freezeRows = 0;
  /** Page setup written through Worksheet.pageLayout (ExcelApi 1.9): property → value, 'printTitleRows' too. */
  pageLayout: Record<string, unknown> = {};

  constructor(name: string, id = newId('sheet')) {
    this.name = name;
    this.id = id;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created empty if missing. */
  touch(row: number, col: number): FakeCell {
    let c = this.cells.get(key(row, col));
    if (!c) {
      c = { value: null };
      this.cells.set(key(row, col), c);
    }
    return c;
  }

  /** Drop a cell entry that holds nothing any more. */
  tidy(row: number, col: number): void {
    const c = this.cells.get(key(row, col));
    if (
      c &&
      c.value === null &&
      c.formula === undefined &&
      !c.numFmt &&
      !c.fill &&
      !c.bold &&
      !c.wrap &&
      !c.hyperlink
    )
      this.cells.delete(key(row, col));
  }

  forEachCell(fn: (row: number, col: number, cell: FakeCell) => void, within?: CellRange): void {
    for (const [k, c] of this.cells) {
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      if (!within || rangeContains(within, row, col)) fn(row, col, c);
    }
  }

  hasValue(c: FakeCell | undefined): boolean {
    return !!c && ((c.value !== null && c.value !== '') || c.formula !== undefined);
  }

  /** Bounding box of cells with values (valuesOnly) or with anything at all. */
  usedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: CellRange) => {
      top = Math.min(top, r.top);
      left = Math.min(left, r.left);
      bottom = Math.max(bottom, r.bottom);
      right = Math.max(right, r.right);
    };
    this.forEachCell((row, col, c) => {
      if (valuesOnly ? this.hasValue(c) : true) take({ top: row, left: col, bottom: row, right: col });
    });
    if (!valuesOnly) for (const m of this.merges) take(m);
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export interface FakeDocumentOptions {
  /** Highest ExcelApi requirement set the fake host claims (default '1.20'). */
  apiVersion?: string;
  /** Responses over this many bytes fail like Excel on the web (default 5 MB). */
  maxResponseBytes?: number;
}

export interface SyncRecord {
  /** Bytes of JSON the sync returned (loaded properties). */
  responseBytes: number;
  /** Actions queued into it. */
  actions: number;
  /** The sync was rejected (an action failed or the response was too large). */
  failed?: boolean;
}

export class FakeDocument {
  sheets: FakeSheet[] = [];
  comments: FakeComment[] = [];
  xmlParts: FakeXmlPart[] = [];
  /** Add-in settings (shared by Office.context.document.settings and workbook.settings). */
  settings = new Map<string, unknown>();
  name?: string;
  apiVersion: string;
  maxResponseBytes: number;
  activeSheetId?: string;
  selection?: { sheetId: string; range: CellRange };
  /** Every sync so far, in order. */
  readonly syncs: SyncRecord[] = [];
  /** Every Excel.run so far: its options and how many syncs it made. */
  readonly runs: { options: Record<string, unknown>; syncs: number }[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(options: FakeDocumentOptions = {}) {
    this.apiVersion = options.apiVersion ?? '1.20';
    this.maxResponseBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
  }

  static fromWorkbook(wb: Workbook, options: FakeDocumentOptions = {}): FakeDocument {
    const doc = new FakeDocument(options);
    doc.name = wb.name;
    for (const s of wb.sheets) {
      if (s.kind) continue; // chart / dialog sheets are not worksheets in Office.js
      const sheet = new FakeSheet(s.name);
      if (s.hidden) sheet.visibility = 'Hidden';
      if (s.protected) sheet.protected = true;
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (!c) return;
          const fc: FakeCell = { value: c.value };
          if (c.formula !== undefined) fc.formula = c.formula;
          if (c.numFmt && c.numFmt !== 'General') fc.numFmt = c.numFmt;
          if (c.bold) fc.bold = true;
          sheet.cells.set(key(r, col), fc);
        }),
      );
      sheet.merges = s.merges.map((m) => ({ ...m }));
      if (s.generatedBy === 'gouji') sheet.names.push({ ...GOUJI_MARK });
      doc.sheets.push(sheet);
    }
    doc.activeSheetId = doc.sheets.find((s) => s.visibility === 'Visible')?.id;
    return doc;
  }

  /** The document as the core model (what a reader would see now). */
  toWorkbook(): Workbook {
    return {
      name: this.name,
      sheets: this.sheets.map((fs) => {
        const s: Sheet = { name: fs.name, rows: [], merges: fs.merges.map((m) => ({ ...m })) };
        if (fs.visibility !== 'Visible') s.hidden = true;
        if (fs.protected) s.protected = true;
        if (fs.names.some((n) => n.name === GOUJI_MARK.name)) s.generatedBy = 'gouji';
        fs.forEachCell((row, col, c) => {
          if (!fs.hasValue(c)) return;
          const r = (s.rows[row] ??= []);
          r[col] = {
            value: c.value,
            ...(c.formula !== undefined ? { formula: c.formula } : {}),
            ...(c.numFmt ? { numFmt: c.numFmt } : {}),
            ...(c.bold ? { bold: true } : {}),
          };
        });
        return s;
      }),
    };
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  /** Fill shown on screen: the first true Gouji-style rule (formula =TRUE) over the cell, else the cell's fill. */
  displayFill(sheet: FakeSheet, row: number, col: number): string | undefined {
    for (const cf of sheet.conditionalFormats)
      if (
        rangeContains(cf.range, row, col) &&
        cf.type === 'Custom' &&
        /^=\s*TRUE\s*$/i.test(cf.formula) &&
        cf.fill
      )
        return cf.fill;
    return sheet.cell(row, col)?.fill;
  }

  /** Called after every sync that changed something (the preview re-renders). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }
}
