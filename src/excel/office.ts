/**
 * Small Office.js helpers shared by the adapter: feature detection, the Excel.run wrapper, colours,
 * A1 addresses as Excel prints them.
 */
import { CellRange, parseRange, rangeToA1 } from '../core/model/address';

/**
 * The sheet-scoped defined name that marks a sheet Gouji made (the summary): the same mark the .xlsx writer
 * uses (src/xlsx/write.ts), so the add-in and the CLI recognise each other's sheets.
 */
export const OWNER_NAME = '_gouji_owner';

/** `Office.context.requirements.isSetSupported`, false outside Office (tests, Node). */
export function supports(set: string, version: string): boolean {
  try {
    if (typeof Office === 'undefined') return false;
    return Boolean(Office.context?.requirements?.isSetSupported(set, version));
  } catch {
    return false;
  }
}

export const excelApi = (version: string) => supports('ExcelApi', version);

/** The requirement sets the adapter looks for, read once per call (the host may differ between runs in tests). */
export interface Features {
  /** Worksheet/Workbook notes (ExcelApi 1.18). */
  notes: boolean;
  /** Threaded comments (ExcelApi 1.10), used for explanations when notes are missing. */
  comments: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  mergedAreas: boolean;
  /** Custom XML parts for the ownership record (ExcelApi 1.5). */
  customXml: boolean;
  /** Sheet-scoped names, the summary sheet's owner mark (ExcelApi 1.4). */
  names: boolean;
  /** Excel.run({ mergeUndoGroup }) (ExcelApi 1.20). */
  mergeUndoGroup: boolean;
  /** Excel.run({ delayForCellEdit }) (ExcelApi 1.11). */
  delayForCellEdit: boolean;
  /** Range.hyperlink, freeze panes, chart series axis values (ExcelApi 1.7). */
  api17: boolean;
}

export function features(): Features {
  return {
    notes: excelApi('1.18'),
    comments: excelApi('1.10'),
    mergedAreas: excelApi('1.13'),
    customXml: excelApi('1.5'),
    names: excelApi('1.4'),
    mergeUndoGroup: excelApi('1.20'),
    delayForCellEdit: excelApi('1.11'),
    api17: excelApi('1.7'),
  };
}

/**
 * Run a batch with every sync merged into one undo step where the host can (ExcelApi 1.20), and waiting
 * for the user to leave cell-edit mode instead of failing (ExcelApi 1.11).
 */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const f = features();
  const options: Excel.RunOptions = {};
  if (f.mergeUndoGroup) options.mergeUndoGroup = true;
  if (f.delayForCellEdit) options.delayForCellEdit = true;
  return Object.keys(options).length ? Excel.run(options, batch) : Excel.run(batch);
}

/** 'FFFFC7CE' (ARGB, as in LEVEL_FILL) → '#FFC7CE' (what Office.js takes and returns). */
export function argbToHex(argb: string): string {
  const s = argb.replace(/^#/, '');
  return `#${(s.length === 8 ? s.slice(2) : s).toUpperCase()}`;
}

export function sameColor(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.replace(/^#/, '').toUpperCase() === b.replace(/^#/, '').toUpperCase();
}

/** A sheet name as it appears in a formula or address: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** 'Sheet 1'!B2:C3 */
export function qualified(sheet: string, range: CellRange): string {
  return `${quoteSheet(sheet)}!${rangeToA1(range)}`;
}

/** Split an address Excel returns ("'My sheet'!$B$2:$C$3", "Sheet1!A1") into sheet and range. */
export function splitAddress(address: string): { sheet?: string; range: CellRange } {
  const bang = address.lastIndexOf('!');
  let sheet: string | undefined;
  let ref = address;
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    ref = address.slice(bang + 1);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, range: parseRange(ref) };
}

/** An error with both languages; `message` is in the language chosen with `inLang`. */
export class GoujiExcelError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    lang: 'zh' | 'en' = 'en',
  ) {
    super(lang === 'zh' ? zh : en);
    this.name = 'GoujiExcelError';
  }

  inLang(lang: 'zh' | 'en'): GoujiExcelError {
    return new (this.constructor as typeof GoujiExcelError)(this.zh, this.en, lang);
  }
}
