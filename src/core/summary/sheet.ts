/** Render the summary model as the 审核汇总 sheet (cells, Excel tables, a chart, links to every finding). */
import { CellRange } from '../model/address';
import { PrintSetup, SheetSpec, SpecCell } from '../model/edits';
import { gradeName, indicatorKindName, unitName } from '../labels';
import { Lang, LEVELS } from '../model/findings';
import { ClassRow, SummaryModel } from './model';

export const SUMMARY_SHEET_NAME: Record<Lang, string> = { zh: '审核汇总', en: 'Review summary' };

const MONEY = '#,##0.00';
const PERCENT = '0.00%';
const HEADER_FILL = 'FFDDEBF7';

const T = {
  zh: {
    title: '审核汇总',
    note: (unit: string) => `由 Gouji 勾稽生成，重新生成时整表替换；金额单位：${unit}`,
    overview: '一、概况',
    unitName: '预算单位',
    year: '年度',
    moneyUnit: '金额单位',
    unknown: '未识别',
    totals: '二、收支总额',
    item: '项目',
    amount: '金额',
    source: '来源',
    functional: '三、支出功能分类（按类）',
    economic: '四、支出经济分类（按类）',
    code: '科目编码',
    name: '科目名称',
    share: '占比',
    projects: '五、项目绩效',
    project: '项目名称',
    kind: '表别',
    targets: '绩效目标表',
    selfEval: '绩效自评表',
    projectShare: '占项目支出',
    indicators: '指标数',
    missing: '缺少的指标类型',
    rate: '执行率',
    total: '总分',
    grade: '等次',
    findings: '六、审核发现',
    level: '级别',
    count: '数量',
    sheet: '工作表',
    cell: '单元格',
    rule: '规则',
    message: '说明',
    expected: '应为',
    actual: '实为',
    none: '（未识别到）',
    noFindings: '未发现问题',
    levels: { error: '错误', warning: '警告', info: '提示' },
    chart: '支出功能分类（按类）',
    kinds: ['数量', '质量', '时效', '成本', '社会效益', '满意度'],
    sum: '合计',
  },
  en: {
    title: 'Review summary',
    note: (unit: string) => `Made by Gouji; rebuilding replaces this whole sheet. Amounts in ${unit}.`,
    overview: '1. Overview',
    unitName: 'Budget unit',
    year: 'Year',
    moneyUnit: 'Money unit',
    unknown: 'not found',
    totals: '2. Totals',
    item: 'Item',
    amount: 'Amount',
    source: 'Source',
    functional: '3. Spending by functional class',
    economic: '4. Spending by economic class',
    code: 'Code',
    name: 'Name',
    share: 'Share',
    projects: '5. Projects',
    project: 'Project',
    kind: 'Form',
    targets: 'Targets form',
    selfEval: 'Self-evaluation',
    projectShare: 'Share of projects',
    indicators: 'Indicators',
    missing: 'Missing kinds',
    rate: 'Execution rate',
    total: 'Score',
    grade: 'Grade',
    findings: '6. Findings',
    level: 'Level',
    count: 'Count',
    sheet: 'Sheet',
    cell: 'Cell',
    rule: 'Rule',
    message: 'Message',
    expected: 'Expected',
    actual: 'Actual',
    none: '(none recognised)',
    noFindings: 'No problems found',
    levels: { error: 'Error', warning: 'Warning', info: 'Info' },
    chart: 'Spending by functional class',
    kinds: ['数量', '质量', '时效', '成本', '社会效益', '满意度'],
    sum: 'Total',
  },
};

/** Widest a column grows to fit its text; longer text wraps. Column A holds project names and messages. */
const MAX_WIDTH = [68, 20, 22, 12, 22, 14, 24];
const MAX_WIDTH_OTHER = 14;
const MIN_WIDTH = 6;

/** Printed width of a text in Excel's character units: CJK and full-width characters count two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** What a cell shows, for sizing columns: numbers as their format prints them. */
function shownText(c: SpecCell): string {
  const v = c.value;
  if (typeof v !== 'number') return v === null ? '' : String(v);
  if (!c.numFmt) return String(v);
  if (c.numFmt === PERCENT) return `${(v * 100).toFixed(2)}%`;
  const decimals = c.numFmt === MONEY || c.numFmt === '0.00' ? 2 : 0;
  return v.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: c.numFmt === MONEY,
  });
}

class Writer {
  cells: SpecCell[] = [];
  merges: CellRange[] = [];
  tables: NonNullable<SheetSpec['tables']> = [];
  charts: NonNullable<SheetSpec['charts']> = [];
  /** Cells whose text may run on over the empty cells to their right (titles, headings, notes). */
  free = new Set<SpecCell>();
  row = 0;

  put(col: number, value: SpecCell['value'], extra: Partial<SpecCell> = {}): SpecCell | undefined {
    if (value === null || value === undefined || value === '') return undefined;
    const cell = { ...extra, row: this.row, col, value };
    this.cells.push(cell);
    return cell;
  }

  /** A text that runs on to the right, sized by nothing. */
  line(text: string, extra: Partial<SpecCell> = {}): void {
    const cell = this.put(0, text, extra);
    if (cell) this.free.add(cell);
    this.row++;
  }

  heading(text: string): void {
    this.line(text, { bold: true });
  }

  /** A header row plus data rows as an Excel table; returns the data range (rows) for charts. */
  table(name: string, headers: string[], rows: Partial<SpecCell>[][]): CellRange | undefined {
    const top = this.row;
    headers.forEach((h, c) => this.put(c, h, { bold: true, fill: HEADER_FILL, wrap: true }));
    this.row++;
    for (const r of rows) {
      r.forEach((cell, c) => {
        const { value, ...style } = cell;
        this.put(c, value ?? null, style);
      });
      this.row++;
    }
    const range = { top, left: 0, bottom: this.row - 1, right: headers.length - 1 };
    if (rows.length) this.tables.push({ name, range, style: 'TableStyleMedium2' });
    this.row++;
    return rows.length ? { ...range, top: top + 1 } : undefined;
  }

  /** Column widths sized to the table cells (headers may wrap onto two lines); long text wraps. */
  widths(): number[] {
    const want: number[] = [];
    const headerRows = new Set(this.tables.map((t) => t.range.top));
    for (const c of this.cells) {
      if (this.free.has(c)) continue;
      const text = shownText(c);
      const longest = Math.max(0, ...text.split('\n').map(textWidth));
      // a header may take two lines: it asks for half its width, but no less than its longest word
      const need = headerRows.has(c.row)
        ? Math.max(Math.ceil(longest / 2), ...text.split(/[\s（(]/).map((w) => Math.min(textWidth(w), 10)))
        : longest;
      want[c.col] = Math.max(want[c.col] ?? MIN_WIDTH, need + 2);
    }
    const widths = Array.from({ length: want.length }, (_, col) =>
      Math.min(want[col] ?? MIN_WIDTH, MAX_WIDTH[col] ?? MAX_WIDTH_OTHER),
    );
    for (const c of this.cells)
      if (!this.free.has(c) && typeof c.value === 'string' && textWidth(c.value) + 1 > widths[c.col])
        c.wrap = true;
    return widths;
  }
}

const link = (ref: { sheet: string; cell: string }) => ({
  value: `${ref.sheet}!${ref.cell}`,
  link: { sheet: ref.sheet, cell: ref.cell },
});

/** A4 landscape, one page wide, the title and the unit line on every page. */
export const SUMMARY_PRINT: PrintSetup = {
  paper: 'A4',
  orientation: 'landscape',
  fitToWidth: true,
  titleRows: { top: 0, bottom: 1 },
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  pageNumbers: true,
};

/** Rows a bar chart needs: room for each bar, never less than a readable chart. */
const chartRows = (bars: number) => Math.max(10, Math.min(24, 4 + Math.ceil(bars * 1.5)));

export function summarySheet(model: SummaryModel, lang: Lang, name = SUMMARY_SHEET_NAME[lang]): SheetSpec {
  const t = T[lang];
  const w = new Writer();
  const unit = unitName(model.moneyUnit, lang);
  const amountHeader = lang === 'zh' ? `${t.amount}（${unit}）` : `${t.amount} (${unit})`;
  const titleText = [
    model.unitName,
    model.year ? (lang === 'zh' ? `${model.year}年` : String(model.year)) : '',
    t.title,
  ]
    .filter(Boolean)
    .join(lang === 'zh' ? '' : ' — ');
  w.line(titleText, { bold: true });
  w.line(t.note(unit));
  w.row++;

  w.heading(t.overview);
  for (const [k, v] of [
    [t.unitName, model.unitName ?? t.unknown],
    [t.year, model.year ? String(model.year) : t.unknown],
    [t.moneyUnit, unit],
  ] as const) {
    w.put(0, k, { bold: true });
    const value = w.put(1, v);
    if (value) w.free.add(value);
    w.row++;
  }
  w.row++;

  w.heading(t.totals);
  w.table(
    'GoujiTotals',
    [t.item, amountHeader, t.source],
    model.totals.map((s) => [
      { value: s.label[lang] },
      { value: s.value ?? t.unknown, numFmt: MONEY },
      s.source ? link(s.source) : { value: t.unknown },
    ]),
  );

  const classTable = (title: string, tableName: string, rows: ClassRow[]) => {
    w.heading(title);
    if (!rows.length) {
      w.line(t.none);
      w.row++;
      return undefined;
    }
    return w.table(
      tableName,
      [t.code, t.name, amountHeader, t.share, t.source],
      rows.map((r) => [
        { value: r.code },
        { value: r.name },
        { value: r.amount, numFmt: MONEY },
        { value: r.share, numFmt: PERCENT },
        link(r.source),
      ]),
    );
  };
  const chartTop = w.row;
  const fnRange = classTable(t.functional, 'GoujiFunctional', model.functional);
  classTable(t.economic, 'GoujiEconomic', model.economic);
  if (fnRange) {
    // beside the two class tables (columns F on), as tall as they are or as its bars need
    const bottom = Math.max(w.row - 2, chartTop + chartRows(fnRange.bottom - fnRange.top + 1) - 1);
    w.charts.push({
      title: t.chart,
      kind: 'bar',
      categories: { top: fnRange.top, bottom: fnRange.bottom, left: 1, right: 1 },
      values: { top: fnRange.top, bottom: fnRange.bottom, left: 2, right: 2 },
      seriesName: amountHeader,
      anchor: { top: chartTop, left: 5, bottom, right: 11 },
    });
    w.row = Math.max(w.row, bottom + 2);
  }

  w.heading(t.projects);
  if (!model.projects.length) {
    w.line(t.none);
    w.row++;
  } else {
    w.table(
      'GoujiProjects',
      [
        t.project,
        t.kind,
        amountHeader,
        t.projectShare,
        t.indicators,
        ...t.kinds.map((k) => indicatorKindName(k, lang)),
        t.missing,
        t.rate,
        t.total,
        t.grade,
        t.source,
      ],
      model.projects.map((p) => [
        { value: p.name },
        { value: p.kind === 'targets' ? t.targets : t.selfEval },
        { value: p.amount ?? null, numFmt: MONEY },
        { value: p.share ?? null, numFmt: PERCENT },
        { value: p.indicatorCount },
        ...t.kinds.map((k) => ({ value: p.indicatorsBy[k] ?? 0 })),
        { value: p.missing.map((k) => indicatorKindName(k, lang)).join(lang === 'zh' ? '、' : ', ') },
        { value: p.executionRate ?? null, numFmt: PERCENT },
        { value: p.total ?? null, numFmt: '0.00' },
        { value: p.grade ? gradeName(p.grade, lang) : null },
        link(p.source),
      ]),
    );
  }

  w.heading(t.findings);
  w.table(
    'GoujiFindingCounts',
    [t.sheet, ...LEVELS.map((l) => t.levels[l])],
    [
      ...model.bySheet.map((s) => [{ value: s.sheet }, ...LEVELS.map((l) => ({ value: s.counts[l] }))]),
      [{ value: t.sum, bold: true }, ...LEVELS.map((l) => ({ value: model.counts[l], bold: true }))],
    ],
  );
  if (!model.findings.length) {
    w.line(t.noFindings);
  } else {
    w.table(
      'GoujiFindings',
      [t.message, t.level, t.sheet, t.cell, t.expected, t.actual, t.rule],
      model.findings.map((f) => {
        const loc = f.locations[0];
        return [
          { value: f.message[lang], wrap: true },
          { value: t.levels[f.level] },
          { value: loc?.sheet ?? '' },
          loc ? { value: loc.cell, link: { sheet: loc.sheet, cell: loc.cell } } : { value: '' },
          { value: f.expected ?? null },
          { value: f.actual ?? null },
          { value: f.rule },
        ];
      }),
    );
  }

  const colWidths = w.widths();
  // the title and the unit line stay whole over the printed width
  w.merges.push({ top: 0, left: 0, bottom: 0, right: Math.max(7, colWidths.length - 1) });
  return {
    name,
    owner: 'gouji',
    cells: w.cells,
    merges: w.merges,
    tables: w.tables,
    charts: w.charts,
    colWidths,
    freezeRows: 0,
    print: SUMMARY_PRINT,
  };
}
