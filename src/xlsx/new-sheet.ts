/**
 * Parts for a sheet Gouji writes as a whole (SheetSpec): the worksheet, its Excel tables, and a drawing with
 * charts. Cached values for charts come from the spec's own cells.
 */
import { CellRange, colToLetters, rangeToA1, toA1 } from '../core/model/address';
import { SheetSpec, SpecCell } from '../core/model/edits';
import { CT, PackageWriter } from './pkg-writer';
import { StylesEditor } from './styles-edit';
import { XlsxWriteError } from './sheet-edit';
import { encodeXEscapes, escapeAttr, escapeText } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

export interface NewSheetContext {
  w: PackageWriter;
  styles: StylesEditor;
  /** Lower-case names already used by tables and defined names in the workbook. */
  usedNames: Set<string>;
  /** Next free table id (workbook-wide). */
  nextTableId: number;
}

/** Sheet names Excel accepts: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function checkSheetName(name: string): void {
  if (
    !name ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    /^history$/i.test(name)
  )
    throw new XlsxWriteError(`工作表名称无效：${name} (Invalid sheet name: "${name}".)`);
}

/** 'Sheet name'!$A$1:$B$2 — always quoted, apostrophes doubled. */
export function sheetRef(sheet: string, range: CellRange): string {
  const abs = (r: number, c: number) => `$${colToLetters(c)}$${r + 1}`;
  const a = abs(range.top, range.left);
  const ref =
    range.top === range.bottom && range.left === range.right ? a : `${a}:${abs(range.bottom, range.right)}`;
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** Build and add all parts of a new sheet. `sheetPart` is its free part name (e.g. xl/worksheets/sheet12.xml). */
export function writeNewSheet(ctx: NewSheetContext, spec: SheetSpec, sheetPart: string): void {
  const { w, styles } = ctx;
  const cells = new Map<string, SpecCell>();
  for (const c of spec.cells ?? []) {
    if (
      !Number.isInteger(c.row) ||
      !Number.isInteger(c.col) ||
      c.row < 0 ||
      c.col < 0 ||
      c.row >= 1048576 ||
      c.col >= 16384
    )
      throw new XlsxWriteError(
        `单元格位置无效 (Invalid cell position row ${c.row}, col ${c.col} in sheet "${spec.name}".)`,
      );
    cells.set(`${c.row},${c.col}`, c);
  }

  // Tables: header cells must be unique text equal to the column names.
  const tables = (spec.tables ?? []).map((t) => {
    const headers: string[] = [];
    const seen = new Set<string>();
    for (let col = t.range.left; col <= t.range.right; col++) {
      const key = `${t.range.top},${col}`;
      const cell = cells.get(key);
      let name =
        cell && cell.value !== null && cell.value !== ''
          ? String(cell.value).replace(/\r?\n/g, ' ').trim()
          : '';
      if (!name) name = `列${col - t.range.left + 1}`;
      let unique = name;
      for (let k = 2; seen.has(unique.toLowerCase()); k++) unique = `${name}${k}`;
      seen.add(unique.toLowerCase());
      headers.push(unique);
      if (!cell || cell.value !== unique)
        cells.set(key, { ...(cell ?? { row: t.range.top, col }), value: unique });
    }
    // A table needs at least one data row.
    const range = { ...t.range, bottom: Math.max(t.range.bottom, t.range.top + 1) };
    return { ...t, range, headers, name: uniqueTableName(t.name, ctx.usedNames), id: ctx.nextTableId++ };
  });

  // Styles.
  const xfCache = new Map<string, number>();
  const baseFont = styles.fontOf(0);
  const styleOf = (c: SpecCell): number => {
    const link = !!c.link;
    const key = `${c.numFmt ?? ''}|${c.bold ? 1 : 0}|${c.fill ?? ''}|${c.wrap ? 1 : 0}|${link ? 1 : 0}`;
    if (key === '|0||0|0') return 0;
    let xf = xfCache.get(key);
    if (xf === undefined) {
      xf = styles.deriveXf(0, {
        numFmtId: c.numFmt ? styles.numFmtId(c.numFmt) : undefined,
        fillId: c.fill ? styles.fillId(c.fill) : undefined,
        fontId: c.bold || link ? styles.fontId(baseFont, { bold: c.bold, link }) : undefined,
        wrap: c.wrap,
      });
      xfCache.set(key, xf);
    }
    return xf;
  };

  // sheetData.
  const byRow = new Map<number, SpecCell[]>();
  let maxRow = 0;
  let maxCol = 0;
  for (const c of cells.values()) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  for (const m of spec.merges ?? []) {
    maxRow = Math.max(maxRow, m.bottom);
    maxCol = Math.max(maxCol, m.right);
  }
  let sheetData = '';
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const list = (byRow.get(r) as SpecCell[]).sort((a, b) => a.col - b.col);
    const lines = Math.max(1, ...list.filter((c) => c.wrap).map((c) => wrappedLines(c, spec)));
    sheetData +=
      lines > 1
        ? `<row r="${r + 1}" ht="${Math.min(409, lines * 15)}" customHeight="1">`
        : `<row r="${r + 1}">`;
    for (const c of list) sheetData += cellXml(c, styleOf(c));
    sheetData += '</row>';
  }

  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  if (spec.print?.fitToWidth) xml += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  xml += `<dimension ref="${rangeToA1({ top: 0, left: 0, bottom: maxRow, right: maxCol })}"/>`;
  const freeze = spec.freezeRows && spec.freezeRows > 0 ? Math.floor(spec.freezeRows) : 0;
  xml += freeze
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/></sheetView></sheetViews>`
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  xml += '<sheetFormatPr defaultRowHeight="15"/>';
  const widths = (spec.colWidths ?? [])
    .map((width, col) => ({ width, col }))
    .filter((c) => typeof c.width === 'number' && Number.isFinite(c.width) && c.width > 0);
  if (widths.length)
    xml += `<cols>${widths.map((c) => `<col min="${c.col + 1}" max="${c.col + 1}" width="${Math.min(255, c.width)}" customWidth="1"/>`).join('')}</cols>`;
  xml += sheetData ? `<sheetData>${sheetData}</sheetData>` : '<sheetData/>';
  if (spec.merges?.length)
    xml += `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeToA1(m)}"/>`).join('')}</mergeCells>`;
  const links = [...cells.values()].filter((c) => c.link);
  if (links.length)
    xml += `<hyperlinks>${links
      .map((c) => {
        const location = `'${(c.link as { sheet: string }).sheet.replace(/'/g, "''")}'!${(c.link as { cell: string }).cell}`;
        const display = c.value === null ? '' : ` display="${escapeAttr(String(c.value))}"`;
        return `<hyperlink ref="${toA1(c.row, c.col)}" location="${escapeAttr(location)}"${display}/>`;
      })
      .join('')}</hyperlinks>`;
  xml += pageSetupXml(spec);

  // Charts: one drawing part holding every chart of the sheet.
  const charts = spec.charts ?? [];
  if (charts.length) {
    const drawingPart = w.freePartName((n) => `xl/drawings/drawing${n}.xml`);
    w.addPart(drawingPart, '', CT.drawing); // reserve the name before choosing chart names
    let anchors = '';
    charts.forEach((chart, i) => {
      const chartPart = w.freePartName((n) => `xl/charts/chart${n}.xml`);
      w.addPart(chartPart, chartXml(spec.name, chart, cells), CT.chart);
      const rId = w.addRel(drawingPart, 'chart', chartPart);
      anchors += anchorXml(chart.anchor, i + 2, chart.title, rId);
    });
    w.setText(
      drawingPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors}</xdr:wsDr>`,
    );
    const rId = w.addRel(sheetPart, 'drawing', drawingPart);
    xml += `<drawing r:id="${rId}"/>`;
  }

  if (tables.length) {
    const ids: string[] = [];
    for (const t of tables) {
      const tablePart = w.freePartName((n) => `xl/tables/table${n}.xml`);
      const ref = rangeToA1(t.range);
      const cols = t.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(h)}"/>`).join('');
      w.addPart(
        tablePart,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${t.id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${ref}" totalsRowShown="0">` +
          `<autoFilter ref="${ref}"/><tableColumns count="${t.headers.length}">${cols}</tableColumns>` +
          `<tableStyleInfo name="${escapeAttr(t.style ?? 'TableStyleMedium2')}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
        CT.table,
      );
      ids.push(w.addRel(sheetPart, 'table', tablePart));
    }
    xml += `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`;
  }
  xml += '</worksheet>';
  w.addPart(sheetPart, xml, CT.worksheet);
}

/** <printOptions>, <pageMargins>, <pageSetup> and <headerFooter>, in the order the schema wants them. */
export function pageSetupXml(spec: SheetSpec): string {
  const p = spec.print;
  if (!p) return '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  const m = p.margins;
  const paperSize = { A4: 9 }[p.paper];
  const fit = p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
  return (
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${paperSize}" orientation="${p.orientation}"${fit}/>` +
    (p.pageNumbers ? '<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>' : '')
  );
}

/** The reference of the `_xlnm.Print_Titles` defined name for rows repeated on every printed page, if any. */
export function printTitlesRef(spec: SheetSpec): string | undefined {
  const rows = spec.print?.titleRows;
  if (!rows) return undefined;
  return `'${spec.name.replace(/'/g, "''")}'!$${rows.top + 1}:$${rows.bottom + 1}`;
}

/** Lines a wrapped cell needs: explicit line breaks, and long lines folded at the column width (CJK counts 2). */
function wrappedLines(c: SpecCell, spec: SheetSpec): number {
  if (typeof c.value !== 'string') return 1;
  const merge = spec.merges?.find((m) => m.top === c.row && m.left === c.col);
  let width = 0;
  for (let col = c.col; col <= (merge?.right ?? c.col); col++) width += spec.colWidths?.[col] ?? 8.43;
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return c.value.split(/\r?\n/).reduce((n, line) => {
    let w = 0;
    for (const ch of line) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
    return n + Math.max(1, Math.ceil(w / perLine));
  }, 0);
}

function cellXml(c: SpecCell, style: number): string {
  const r = toA1(c.row, c.col);
  const s = style ? ` s="${style}"` : '';
  const v = c.value;
  if (v === null || v === undefined) return `<c r="${r}"${s}/>`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `<c r="${r}"${s} t="e"><v>#NUM!</v></c>`;
    return `<c r="${r}"${s}><v>${String(v)}</v></c>`;
  }
  if (typeof v === 'boolean') return `<c r="${r}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(encodeXEscapes(String(v)))}</t></is></c>`;
}

function uniqueTableName(wanted: string, used: Set<string>): string {
  let base = (wanted || 'Gouji').replace(/[^\p{L}\p{N}_.\\]/gu, '_');
  if (!/^[\p{L}_\\]/u.test(base)) base = `_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]\d*$/.test(base) || /^[Rr]\d+[Cc]\d+$/.test(base))
    base = `T_${base}`;
  base = base.slice(0, 240);
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  used.add(name.toLowerCase());
  return name;
}

type ChartSpec = NonNullable<SheetSpec['charts']>[number];

function rangeValues(range: CellRange, cells: Map<string, SpecCell>): (SpecCell['value'] | undefined)[] {
  const out: (SpecCell['value'] | undefined)[] = [];
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) out.push(cells.get(`${r},${c}`)?.value);
  return out;
}

function chartXml(sheet: string, chart: ChartSpec, cells: Map<string, SpecCell>): string {
  const cats = rangeValues(chart.categories, cells);
  const vals = rangeValues(chart.values, cells);
  const strCache =
    `<c:strCache><c:ptCount val="${cats.length}"/>` +
    cats
      .map((v, i) =>
        v === null || v === undefined ? '' : `<c:pt idx="${i}"><c:v>${escapeText(String(v))}</c:v></c:pt>`,
      )
      .join('') +
    '</c:strCache>';
  const numCache =
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${vals.length}"/>` +
    vals
      .map((v, i) =>
        typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '',
      )
      .join('') +
    '</c:numCache>';
  const cat = `<c:cat><c:strRef><c:f>${escapeText(sheetRef(sheet, chart.categories))}</c:f>${strCache}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${escapeText(sheetRef(sheet, chart.values))}</c:f>${numCache}</c:numRef></c:val>`;
  const tx = `<c:tx><c:v>${escapeText(chart.seriesName)}</c:v></c:tx>`;
  const pie = chart.kind === 'pie';
  const labels = `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="${pie ? 0 : 1}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${pie ? 1 : 0}"/><c:showBubbleSize val="0"/>${pie ? '<c:showLeaderLines val="1"/>' : ''}</c:dLbls>`;
  let plot: string;
  if (pie) {
    plot = `<c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/>${tx}${labels}${cat}${val}</c:ser><c:firstSliceAng val="0"/></c:pieChart>`;
  } else {
    const bar = chart.kind === 'bar';
    plot =
      `<c:barChart><c:barDir val="${bar ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="0"/><c:order val="0"/>${tx}<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>${labels}${cat}${val}</c:ser>` +
      '<c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>' +
      `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="${bar ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? 'l' : 'b'}"/>` +
      '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
      `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${bar ? 'b' : 'l'}"/><c:majorGridlines/>` +
      '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>';
  }
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>';
  const legend = pie ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr></c:chartSpace>'
  );
}

function anchorXml(anchor: CellRange, id: number, title: string, rId: string): string {
  const pos = (col: number, row: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(anchor.left, anchor.top)}</xdr:from><xdr:to>${pos(anchor.right + 1, anchor.bottom + 1)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeAttr(title || `Chart ${id - 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="${C_NS}" xmlns:r="${REL_NS}" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}
