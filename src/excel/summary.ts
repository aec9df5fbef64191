/**
 * Write the summary sheet (a core SheetSpec) into the open workbook, under `spec.name` (the core's summary
 * plan picks it). A sheet Gouji made carries a hidden sheet-scoped defined name (`_gouji_owner` = "gouji",
 * the mark the .xlsx writer uses too, so the add-in and the CLI recognise each other's sheets). A later run
 * rewrites that sheet in place (cleared first; the mark stays). A user's sheet of the same name is never
 * touched: the writer falls back to the next free name ('审核汇总 (2)', …). Tables and the chart are added
 * where the host has the APIs; table names are made unique in the workbook.
 */
import { CellRange } from '../core/model/address';
import { PrintSetup, SheetSpec, SpecCell } from '../core/model/edits';
import { argbToHex, excelApi, GoujiExcelError, OWNER_NAME, quoteSheet } from './office';

export { OWNER_NAME };

const CHART_TYPE: Record<'bar' | 'column' | 'pie', string> = {
  bar: 'BarClustered',
  column: 'ColumnClustered',
  pie: 'Pie',
};

/** Column width in characters → points, as Excel converts (7 px per character + 5 px padding, 0.75 pt/px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function numberedName(base: string, n: number): string {
  return n === 1 ? base : `${base} (${n})`;
}

function rangeOf(sheet: Excel.Worksheet, r: CellRange): Excel.Range {
  return sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

function inputValue(c: SpecCell): string | number | boolean {
  if (c.value === null) return '';
  if (typeof c.value === 'string' && /^[=+\-@]/.test(c.value)) return `'${c.value}`;
  return c.value;
}

/**
 * Page setup (ExcelApi 1.9): paper, orientation, fit to one page wide, margins, rows repeated on every page,
 * page numbers. A host that refuses part of it still keeps the summary: printing is the only thing lost.
 */
export async function applyPrintSetup(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  print: PrintSetup,
): Promise<boolean> {
  try {
    const layout = sheet.pageLayout;
    layout.paperSize = 'A4';
    layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    const inch = 72;
    layout.leftMargin = print.margins.left * inch;
    layout.rightMargin = print.margins.right * inch;
    layout.topMargin = print.margins.top * inch;
    layout.bottomMargin = print.margins.bottom * inch;
    layout.headerMargin = print.margins.header * inch;
    layout.footerMargin = print.margins.footer * inch;
    layout.centerHorizontally = true;
    if (print.titleRows)
      layout.setPrintTitleRows(`$${print.titleRows.top + 1}:$${print.titleRows.bottom + 1}`);
    if (print.pageNumbers) layout.headersFooters.defaultForAllPages.centerFooter = '&P / &N';
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

export async function writeSummarySheet(
  context: Excel.RequestContext,
  spec: SheetSpec,
): Promise<{ sheet: string; replaced: boolean }> {
  const api14 = excelApi('1.4');
  const api17 = excelApi('1.7');

  // sync 1: which sheets and tables exist
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const tables = context.workbook.tables.load('items/name');
  await context.sync();

  const existing = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
  const same = worksheets.items.find((w) => w.name.toLowerCase() === spec.name.toLowerCase());

  // sync 2: did Gouji make the sheet of that name, and what is on it
  const probe = same && {
    mark: api14 ? same.names.getItemOrNullObject(OWNER_NAME) : undefined,
    tables: same.tables.load('items/name'),
    charts: same.charts.load('items/name'),
  };
  if (probe) await context.sync();

  let sheet: Excel.Worksheet;
  let name: string;
  const owned = Boolean(same && probe?.mark && !probe.mark.isNullObject);
  const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
  if (same && probe && owned) {
    if (same.protection.protected)
      throw new GoujiExcelError(
        `勾稽汇总表“${same.name}”受保护，无法更新；请先取消保护。`,
        `The Gouji summary sheet "${same.name}" is protected and cannot be updated; unprotect it first.`,
      );
    sheet = same;
    name = same.name;
    for (const c of probe.charts.items) c.delete();
    for (const t of probe.tables.items) {
      tableNames.delete(t.name.toLowerCase());
      t.delete();
    }
    const all = sheet.getRange();
    all.unmerge();
    all.clear('All');
    if (api17) sheet.freezePanes.unfreeze();
  } else {
    // a user's sheet of that name is never touched (the core plan avoids this; this is the safety net)
    let n = 1;
    while (existing.has(numberedName(spec.name, n).toLowerCase())) n++;
    name = numberedName(spec.name, n);
    sheet = worksheets.add(name);
    if (api14) {
      const mark = sheet.names.add(OWNER_NAME, '="gouji"', 'Made by Gouji (勾稽); rewritten on every run.');
      mark.visible = false;
    }
  }

  // cells: one values/numberFormat write over the bounding box, then per-cell formats
  if (spec.cells.length) {
    const maxRow = Math.max(...spec.cells.map((c) => c.row));
    const maxCol = Math.max(...spec.cells.map((c) => c.col));
    const values: (string | number | boolean)[][] = [];
    const formats: string[][] = [];
    for (let r = 0; r <= maxRow; r++) {
      values.push(new Array(maxCol + 1).fill(''));
      formats.push(new Array(maxCol + 1).fill('General'));
    }
    for (const c of spec.cells) {
      values[c.row][c.col] = inputValue(c);
      // text stays text ('001', '2021-01') unless the spec gives a format
      formats[c.row][c.col] = c.numFmt ?? (typeof c.value === 'string' ? '@' : 'General');
    }
    const box = sheet.getRangeByIndexes(0, 0, maxRow + 1, maxCol + 1);
    box.numberFormat = formats;
    box.values = values;
    for (const c of spec.cells) {
      if (!c.bold && !c.fill && !c.wrap && !c.link) continue;
      const cell = sheet.getRangeByIndexes(c.row, c.col, 1, 1);
      if (c.bold) cell.format.font.bold = true;
      if (c.fill) cell.format.fill.color = argbToHex(c.fill);
      if (c.wrap) cell.format.wrapText = true;
      if (c.link && api17)
        cell.hyperlink = {
          documentReference: `${quoteSheet(c.link.sheet)}!${c.link.cell}`,
          textToDisplay: String(c.value ?? ''),
        };
    }
  }
  for (const m of spec.merges) rangeOf(sheet, m).merge(false);
  spec.colWidths?.forEach((w, i) => {
    if (w > 0) sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = charsToPoints(w);
  });
  for (const t of spec.tables ?? []) {
    let tname = t.name;
    for (let n = 2; tableNames.has(tname.toLowerCase()); n++) tname = `${t.name}_${n}`;
    tableNames.add(tname.toLowerCase());
    const table = sheet.tables.add(rangeOf(sheet, t.range), true);
    table.name = tname;
    if (t.style) table.style = t.style;
  }
  for (const ch of spec.charts ?? []) {
    const chart = sheet.charts.add(
      CHART_TYPE[ch.kind] as Excel.ChartType,
      rangeOf(sheet, ch.values),
      'Columns',
    );
    chart.title.text = ch.title;
    const series = chart.series.getItemAt(0);
    series.name = ch.seriesName;
    if (api17) series.setXAxisValues(rangeOf(sheet, ch.categories));
    chart.setPosition(
      sheet.getRangeByIndexes(ch.anchor.top, ch.anchor.left, 1, 1),
      sheet.getRangeByIndexes(ch.anchor.bottom, ch.anchor.right, 1, 1),
    );
  }
  if (spec.freezeRows && api17) sheet.freezePanes.freezeRows(spec.freezeRows);
  // the view goes to the summary's top-left
  sheet.activate();
  sheet.getRange('A1').select();
  await context.sync();
  if (spec.print && excelApi('1.9')) await applyPrintSetup(context, sheet, spec.print);
  return { sheet: name, replaced: owned };
}
