/** Render the summary model as the 审核汇总 sheet (cells, Excel tables, a chart, links to every finding). */
import { CellRange } from '../model/address';
import { SheetSpec, SpecCell } from '../model/edits';
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
  },
  en: {
    title: 'Review summary',
    note: (unit: string) => `Made by Gouji; rebuilding replaces this whole sheet. Amounts in ${unit}`,
    overview: '1. Overview',
    unitName: 'Budget unit',
    year: 'Year',
    moneyUnit: 'Money unit',
    unknown: 'not found',
    totals: '2. Totals',
    item: 'Item',
    amount: 'Amount',
    source: 'Source',
    functional: '3. Spending by functional class (类)',
    economic: '4. Spending by economic class (类)',
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
  },
};

class Writer {
  cells: SpecCell[] = [];
  merges: CellRange[] = [];
  tables: NonNullable<SheetSpec['tables']> = [];
  charts: NonNullable<SheetSpec['charts']> = [];
  row = 0;

  put(col: number, value: SpecCell['value'], extra: Partial<SpecCell> = {}): void {
    if (value === null || value === undefined || value === '') return;
    this.cells.push({ ...extra, row: this.row, col, value });
  }

  heading(text: string): void {
    this.put(0, text, { bold: true });
    this.row++;
  }

  /** A header row plus data rows as an Excel table; returns the data range (rows) for charts. */
  table(name: string, headers: string[], rows: Partial<SpecCell>[][]): CellRange | undefined {
    const top = this.row;
    headers.forEach((h, c) => this.put(c, h, { bold: true, fill: HEADER_FILL }));
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
}

const link = (ref: { sheet: string; cell: string }) => ({
  value: `${ref.sheet}!${ref.cell}`,
  link: { sheet: ref.sheet, cell: ref.cell },
});

export function summarySheet(model: SummaryModel, lang: Lang, name = SUMMARY_SHEET_NAME[lang]): SheetSpec {
  const t = T[lang];
  const w = new Writer();
  const titleText = [
    model.unitName,
    model.year ? (lang === 'zh' ? `${model.year}年` : String(model.year)) : '',
    t.title,
  ]
    .filter(Boolean)
    .join(lang === 'zh' ? '' : ' — ');
  w.put(0, titleText, { bold: true });
  w.merges.push({ top: 0, left: 0, bottom: 0, right: 7 });
  w.row++;
  w.put(0, t.note(model.moneyUnit));
  w.row += 2;

  w.heading(t.overview);
  for (const [k, v] of [
    [t.unitName, model.unitName ?? t.unknown],
    [t.year, model.year ? String(model.year) : t.unknown],
    [t.moneyUnit, model.moneyUnit],
  ] as const) {
    w.put(0, k, { bold: true });
    w.put(1, v);
    w.row++;
  }
  w.row++;

  w.heading(t.totals);
  w.table(
    'GoujiTotals',
    [t.item, `${t.amount}（${model.moneyUnit}）`, t.source],
    model.totals.map((s) => [
      { value: s.label[lang] },
      { value: s.value ?? t.unknown, numFmt: MONEY },
      s.source ? link(s.source) : { value: t.unknown },
    ]),
  );

  const classTable = (title: string, tableName: string, rows: ClassRow[]) => {
    w.heading(title);
    if (!rows.length) {
      w.put(0, t.none);
      w.row += 2;
      return undefined;
    }
    return w.table(
      tableName,
      [t.code, t.name, `${t.amount}（${model.moneyUnit}）`, t.share, t.source],
      rows.map((r) => [
        { value: r.code },
        { value: r.name },
        { value: r.amount, numFmt: MONEY },
        { value: r.share, numFmt: PERCENT },
        link(r.source),
      ]),
    );
  };
  const fnRange = classTable(t.functional, 'GoujiFunctional', model.functional);
  if (fnRange) {
    const chartTop = fnRange.top - 2;
    w.charts.push({
      title: t.chart,
      kind: 'bar',
      categories: { top: fnRange.top, bottom: fnRange.bottom, left: 1, right: 1 },
      values: { top: fnRange.top, bottom: fnRange.bottom, left: 2, right: 2 },
      seriesName: `${t.amount}（${model.moneyUnit}）`,
      anchor: { top: chartTop, left: 6, bottom: chartTop + 15, right: 11 },
    });
    // keep the next section clear of the chart
    w.row = Math.max(w.row, chartTop + 17);
  }
  classTable(t.economic, 'GoujiEconomic', model.economic);

  w.heading(t.projects);
  if (!model.projects.length) {
    w.put(0, t.none);
    w.row += 2;
  } else {
    w.table(
      'GoujiProjects',
      [
        t.project,
        t.kind,
        `${t.amount}（${model.moneyUnit}）`,
        t.projectShare,
        t.indicators,
        ...t.kinds,
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
        { value: p.missing.join('、') },
        { value: p.executionRate ?? null, numFmt: PERCENT },
        { value: p.total ?? null, numFmt: '0.00' },
        { value: p.grade ?? null },
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
      [
        { value: lang === 'zh' ? '合计' : 'Total', bold: true },
        ...LEVELS.map((l) => ({ value: model.counts[l], bold: true })),
      ],
    ],
  );
  if (!model.findings.length) {
    w.put(0, t.noFindings);
    w.row++;
  } else {
    w.table(
      'GoujiFindings',
      [t.message, t.level, t.sheet, t.cell, t.rule, t.expected, t.actual],
      model.findings.map((f) => {
        const loc = f.locations[0];
        return [
          { value: f.message[lang], wrap: true },
          { value: t.levels[f.level] },
          { value: loc?.sheet ?? '' },
          loc ? { value: loc.cell, link: { sheet: loc.sheet, cell: loc.cell } } : { value: '' },
          { value: f.rule },
          { value: f.expected ?? null },
          { value: f.actual ?? null },
        ];
      }),
    );
  }

  return {
    name,
    owner: 'gouji',
    cells: w.cells,
    merges: w.merges,
    tables: w.tables,
    charts: w.charts,
    colWidths: [44, 16, 16, 12, 22, 10, 10, 10, 10, 10, 10, 22, 12, 10, 10, 22],
    freezeRows: 0,
  };
}
