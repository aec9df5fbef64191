/**
 * The cross-unit review report of a batch: one row per file, every finding (a filterable Excel table), errors
 * by rule with a chart — as sheets for a new workbook (`--report out.xlsx`) — and the findings as CSV
 * (`--report out.csv`, UTF-8 with BOM so Excel shows Chinese).
 */
import { CellRange } from '../../core/model/address';
import { SheetSpec, SpecCell } from '../../core/model/edits';
import { Lang, Level, LEVELS } from '../../core/model/findings';
import { FindingRow, Outcome, TOTAL_KEYS, TotalKey } from './outcome';

const MAX_ROWS = 1_048_575; // Excel's last row, less the header

const T = {
  zh: {
    units: '单位汇总',
    findings: '问题清单',
    byRule: '按规则统计',
    file: '文件',
    unitName: '单位名称',
    year: '年度',
    tables: '识别表数',
    projects: '项目数',
    status: '状态',
    ok: '已审核',
    sheet: '工作表',
    cell: '单元格',
    rule: '规则',
    level: '级别',
    message: '说明',
    expected: '应为',
    actual: '实为',
    files: '涉及文件数',
    totals: {
      income: '收入总计（万元）',
      expense: '支出总计（万元）',
      basic: '基本支出（万元）',
      project: '项目支出（万元）',
      threePublic: '"三公"经费（万元）',
    } as Record<TotalKey, string>,
    levels: { error: '错误', warning: '警告', info: '提示' } as Record<Level, string>,
    chart: '各规则错误数',
    unreadable: '无法读取',
    cut: (n: number) => `问题过多，只列出前 ${n} 项`,
  },
  en: {
    units: 'Units',
    findings: 'Findings',
    byRule: 'Errors by rule',
    file: 'File',
    unitName: 'Unit',
    year: 'Year',
    tables: 'Tables found',
    projects: 'Projects',
    status: 'Status',
    ok: 'reviewed',
    sheet: 'Sheet',
    cell: 'Cell',
    rule: 'Rule',
    level: 'Level',
    message: 'Message',
    expected: 'Expected',
    actual: 'Actual',
    files: 'Files',
    totals: {
      income: 'Total revenue (10k yuan)',
      expense: 'Total expenditure (10k yuan)',
      basic: 'Basic expenditure (10k yuan)',
      project: 'Project expenditure (10k yuan)',
      threePublic: '"Three public" (10k yuan)',
    } as Record<TotalKey, string>,
    levels: { error: 'error', warning: 'warning', info: 'info' } as Record<Level, string>,
    chart: 'Errors by rule',
    unreadable: 'unreadable',
    cut: (n: number) => `Too many findings: only the first ${n} are listed`,
  },
};

/** The rule id an unreadable file is listed under, so filters and totals by rule see it too. */
export const UNREADABLE_RULE = 'file/unreadable';

/** Every finding of the batch, file by file in input order; an unreadable file is one error row. */
export function findingRows(outcomes: Outcome[]): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const o of outcomes) {
    if (!o.ok) {
      rows.push({
        file: o.file,
        unit: '',
        sheet: '',
        cell: '',
        rule: UNREADABLE_RULE,
        level: 'error',
        message: o.error,
      });
      continue;
    }
    for (const r of o.rows ?? []) rows.push(r);
  }
  return rows;
}

const MONEY = '#,##0.00';
const HEADER_FILL = 'FFDDEBF7';
const LEVEL_FILL: Record<Level, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

class Grid {
  readonly cells: SpecCell[] = [];
  row = 0;
  put(row: number, col: number, value: SpecCell['value'] | undefined, extra: Partial<SpecCell> = {}): void {
    if (value === undefined || value === null || value === '') return;
    this.cells.push({ row, col, value, ...extra });
  }
  header(row: number, names: string[]): void {
    names.forEach((n, c) => this.cells.push({ row, col: c, value: n, bold: true, fill: HEADER_FILL }));
  }
}

const range = (top: number, left: number, bottom: number, right: number): CellRange => ({
  top,
  left,
  bottom,
  right,
});

/** The three sheets of the review workbook. */
export function reviewSheets(outcomes: Outcome[], lang: Lang): SheetSpec[] {
  const t = T[lang];

  // ---- one row per file
  const units = new Grid();
  const unitCols = [
    t.file,
    t.unitName,
    t.year,
    t.tables,
    t.levels.error,
    t.levels.warning,
    t.levels.info,
    ...TOTAL_KEYS.map((k) => t.totals[k]),
    t.projects,
    t.status,
  ];
  units.header(0, unitCols);
  outcomes.forEach((o, i) => {
    const r = i + 1;
    units.put(r, 0, o.file);
    if (!o.ok) {
      units.put(r, unitCols.length - 1, `${t.unreadable}: ${o.error}`, { fill: LEVEL_FILL.error });
      return;
    }
    const u = o.unit;
    units.put(r, 1, u.unitName);
    units.put(r, 2, u.year);
    units.put(r, 3, u.tables);
    LEVELS.forEach((l, k) =>
      units.put(r, 4 + k, u.counts[l], u.counts[l] > 0 && l !== 'info' ? { fill: LEVEL_FILL[l] } : {}),
    );
    TOTAL_KEYS.forEach((key, k) => units.put(r, 7 + k, u.totals[key], { numFmt: MONEY }));
    units.put(r, 12, u.projects);
    units.put(r, 13, t.ok);
  });
  const unitSheet: SheetSpec = {
    name: t.units,
    cells: units.cells,
    merges: [],
    colWidths: [40, 28, 8, 10, 8, 8, 8, 18, 18, 18, 18, 18, 8, 40],
    tables: [{ name: 'Units', range: range(0, 0, Math.max(1, outcomes.length), unitCols.length - 1) }],
    freezeRows: 1,
    owner: 'gouji',
  };

  // ---- every finding
  const all = findingRows(outcomes);
  const rows = all.slice(0, MAX_ROWS - 1);
  const f = new Grid();
  const findingCols = [t.file, t.unitName, t.sheet, t.cell, t.rule, t.level, t.message, t.expected, t.actual];
  f.header(0, findingCols);
  rows.forEach((x, i) => {
    const r = i + 1;
    f.put(r, 0, x.file);
    f.put(r, 1, x.unit);
    f.put(r, 2, x.sheet);
    f.put(r, 3, x.cell);
    f.put(r, 4, x.rule);
    f.put(r, 5, t.levels[x.level], { fill: LEVEL_FILL[x.level] });
    f.put(r, 6, x.message);
    f.put(r, 7, x.expected, typeof x.expected === 'number' ? { numFmt: MONEY } : {});
    f.put(r, 8, x.actual, typeof x.actual === 'number' ? { numFmt: MONEY } : {});
  });
  if (rows.length < all.length) f.put(rows.length + 2, 0, t.cut(rows.length));
  const findingSheet: SheetSpec = {
    name: t.findings,
    cells: f.cells,
    merges: [],
    colWidths: [40, 24, 24, 8, 32, 8, 80, 16, 16],
    tables: [{ name: 'Findings', range: range(0, 0, Math.max(1, rows.length), findingCols.length - 1) }],
    freezeRows: 1,
    owner: 'gouji',
  };

  // ---- by rule, errors first, with a chart of errors by rule
  const byRule = new Map<string, { counts: Record<Level, number>; files: Set<string> }>();
  for (const x of all) {
    const e = byRule.get(x.rule) ?? { counts: { error: 0, warning: 0, info: 0 }, files: new Set() };
    e.counts[x.level]++;
    e.files.add(x.file);
    byRule.set(x.rule, e);
  }
  const ruleRows = [...byRule].sort(
    (a, b) =>
      b[1].counts.error - a[1].counts.error ||
      b[1].counts.warning - a[1].counts.warning ||
      b[1].counts.info - a[1].counts.info ||
      (a[0] < b[0] ? -1 : 1),
  );
  const g = new Grid();
  const ruleCols = [t.rule, t.levels.error, t.levels.warning, t.levels.info, t.files];
  g.header(0, ruleCols);
  ruleRows.forEach(([rule, e], i) => {
    g.put(i + 1, 0, rule);
    LEVELS.forEach((l, k) => g.cells.push({ row: i + 1, col: 1 + k, value: e.counts[l] }));
    g.put(i + 1, 4, e.files.size);
  });
  const withErrors = ruleRows.filter(([, e]) => e.counts.error > 0).length;
  const shown = Math.min(withErrors, 30);
  const ruleSheet: SheetSpec = {
    name: t.byRule,
    cells: g.cells,
    merges: [],
    colWidths: [36, 8, 8, 8, 12],
    tables: [{ name: 'ByRule', range: range(0, 0, Math.max(1, ruleRows.length), ruleCols.length - 1) }],
    charts: shown
      ? [
          {
            title: t.chart,
            kind: 'bar',
            categories: range(1, 0, shown, 0),
            values: range(1, 1, shown, 1),
            seriesName: t.levels.error,
            anchor: range(1, 6, 1 + Math.max(15, Math.ceil(shown * 1.4)), 16),
          },
        ]
      : [],
    freezeRows: 1,
    owner: 'gouji',
  };
  return [unitSheet, findingSheet, ruleSheet];
}

function csvField(v: string | number | undefined): string {
  if (v === undefined) return '';
  let s = String(v);
  // text that Excel would run as a formula (=, +, -, @) is kept as text
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The findings as CSV: UTF-8 with BOM, CRLF, a header row; the same columns as the 问题清单 sheet. */
export function findingsCsv(outcomes: Outcome[], lang: Lang): Uint8Array {
  const t = T[lang];
  const lines: (string | number | undefined)[][] = [
    [t.file, t.unitName, t.sheet, t.cell, t.rule, t.level, t.message, t.expected, t.actual],
  ];
  for (const x of findingRows(outcomes))
    lines.push([x.file, x.unit, x.sheet, x.cell, x.rule, t.levels[x.level], x.message, x.expected, x.actual]);
  const text = '\ufeff' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
  return new TextEncoder().encode(text);
}
