import { readFileSync } from 'fs';
import { join } from 'path';
import { parseA1 } from '../../../src/core/model/address';
import { cellNumber, convertMoney } from '../../../src/core/model/numbers';
import { getCell, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../helpers/review';
import { planSummary, SUMMARY_SHEET_NAME, unitNameFrom } from '../../../src/core/summary';
import { readXlsx } from '../../../src/xlsx';
import { REAL_BUDGETS } from '../../helpers/data';

const REAL = REAL_BUDGETS;
const load = (name: string): Workbook => readXlsx(new Uint8Array(readFileSync(join(REAL, name))), name);

describe('summary model', () => {
  const yantai = load('烟台-信访局-2026-预算.xlsx');
  const result = review(yantai);
  const plan = planSummary(result, 'zh', yantai);

  test('totals are read from the tables, each with the cell it came from', () => {
    const byKey = Object.fromEntries(plan.model.totals.map((t) => [t.key, t]));
    // 表1 收支总表 of the published PDF: 收入总计 = 支出总计 = 1,717.85 万元; 表3: 基本 1,192.85 + 项目 525.00
    expect(byKey.income.value).toBeCloseTo(1717.85, 2);
    expect(byKey.expense.value).toBeCloseTo(1717.85, 2);
    expect(byKey.basic.value).toBeCloseTo(1192.85, 2);
    expect(byKey.project.value).toBeCloseTo(525.0, 2);
    for (const t of plan.model.totals) {
      if (!t.source || t.value === undefined) continue;
      const sheet = yantai.sheets.find((s) => s.name === t.source!.sheet)!;
      const { row, col } = parseA1(t.source.cell);
      expect(cellNumber(getCell(sheet, row, col))?.value ?? 0).toBeCloseTo(t.value, 6);
    }
  });

  test('功能分类 类 shares add up to 100% and amounts match their source cells', () => {
    const fn = plan.model.functional;
    expect(fn.map((r) => r.code)).toEqual(['201', '205', '208', '210', '221']);
    expect(fn.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
    for (const r of fn) {
      const sheet = yantai.sheets.find((s) => s.name === r.source.sheet)!;
      const { row, col } = parseA1(r.source.cell);
      expect(cellNumber(getCell(sheet, row, col))!.value).toBeCloseTo(r.amount, 6);
    }
  });

  test('every finding is listed with a link to its cell', () => {
    const links = plan.sheet.cells.filter((c) => c.link).map((c) => `${c.link!.sheet}!${c.link!.cell}`);
    for (const f of result.findings) {
      const loc = f.locations[0];
      if (loc) expect(links).toContain(`${loc.sheet}!${loc.cell}`);
    }
    const total = plan.sheet.cells.filter((c) => c.bold && typeof c.value === 'number');
    expect(total.map((c) => c.value)).toEqual([
      result.counts.error,
      result.counts.warning,
      result.counts.info,
    ]);
  });

  test('the sheet has Excel tables with unique names and a chart over the 类 amounts', () => {
    const names = plan.sheet.tables!.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['GoujiTotals', 'GoujiFunctional', 'GoujiFindings']));
    expect(plan.sheet.charts).toHaveLength(1);
    const fnTable = plan.sheet.tables!.find((t) => t.name === 'GoujiFunctional')!;
    expect(plan.sheet.charts![0].values.bottom).toBe(fnTable.range.bottom);
  });

  test('a 元 table and a 万元 table are summed in one unit', () => {
    expect(convertMoney(12345678, '元', '万元')).toBeCloseTo(1234.5678, 9);
    const sh = load('上海普陀-司法局-2026-预算.xlsx');
    const m = planSummary(review(sh), 'zh', sh).model;
    expect(m.moneyUnit).toBe('元');
    const income = m.totals.find((t) => t.key === 'income')!;
    const expense = m.totals.find((t) => t.key === 'expense')!;
    expect(income.value).toBeDefined();
    expect(income.value).toBeCloseTo(expense.value!, 2);
  });
});

describe('summary placement', () => {
  const wb: Workbook = {
    sheets: [sheetFromValues('审核汇总', [['我的笔记']]), sheetFromValues('Sheet2', [['x']])],
  };
  const result = review(wb);
  const gouji = (name: string) => ({ ...sheetFromValues(name, [['old']]), generatedBy: 'gouji' as const });

  test("a user's own 审核汇总 sheet is never reused: the summary takes another name and says so", () => {
    const plan = planSummary(result, 'zh', wb);
    expect(plan.sheet.name).toBe('审核汇总 (2)');
    expect(plan.finding?.rule).toBe('summary/name-taken');
  });

  test('a sheet Gouji made before is replaced under the same name', () => {
    const plan = planSummary(result, 'zh', { sheets: [gouji('审核汇总'), wb.sheets[1]] });
    expect(plan.sheet.name).toBe('审核汇总');
    expect(plan.finding).toBeUndefined();
  });

  test('English names the sheet Review summary', () => {
    expect(planSummary(result, 'en', { sheets: [wb.sheets[1]] }).sheet.name).toBe(SUMMARY_SHEET_NAME.en);
  });
});

describe('budget unit name', () => {
  test('read from a 单位/编制单位 line, never from the money unit line', () => {
    expect(unitNameFrom(['单位：万元', '单位：济源市公安局交通管理支队'], [])).toBe(
      '济源市公安局交通管理支队',
    );
    expect(unitNameFrom(['编制单位：上海市普陀区司法局', '单位：元'], [])).toBe('上海市普陀区司法局');
  });
  test('else taken from the titles before the year', () => {
    expect(
      unitNameFrom(['单位：万元'], ['烟台市信访局2026年部门收支总表', '烟台市信访局2026年部门收入总表']),
    ).toBe('烟台市信访局');
    expect(unitNameFrom(['单位：万元'], ['2026年收支总表'])).toBeUndefined();
  });
});

describe('summary of the bundled sample (项 rows only)', () => {
  const file = join(__dirname, '..', '..', '..', 'assets', 'sample', '济源交管支队-2021-预算与绩效.xlsx');
  const wb = readXlsx(new Uint8Array(readFileSync(file)), 'sample.xlsx');
  const result = review(wb);
  const plan = planSummary(result, 'zh', wb);

  test('功能分类 类 are summed from the 项 rows by prefix and add up to 支出总计', () => {
    const fn = plan.model.functional;
    // seed 003 支出总体情况表: 204 = 1529.6 + 2110.4, 208 = 76.9 + 115.0, 211 = 137.4, 221 = 86.2
    expect(fn.map((r) => [r.code, r.name])).toEqual([
      ['204', '公共安全支出'],
      ['208', '社会保障和就业支出'],
      ['211', '节能环保支出'],
      ['221', '住房保障支出'],
    ]);
    expect(fn.map((r) => Math.round(r.amount * 10))).toEqual([36400, 1919, 1374, 862]);
    const expense = plan.model.totals.find((t) => t.key === 'expense')!.value!;
    expect(Math.round(fn.reduce((s, r) => s + r.amount, 0) * 10)).toBe(Math.round(expense * 10));
    expect(plan.sheet.charts).toHaveLength(1);
  });

  test('totals equal the tables and every project form is listed', () => {
    const byKey = Object.fromEntries(plan.model.totals.map((t) => [t.key, t.value]));
    expect(byKey).toEqual({
      income: 4055.5,
      expense: 4055.5,
      basic: 1807.7,
      project: 2247.8,
      threePublic: 60,
    });
    expect(plan.model.projects.filter((p) => p.kind === 'targets')).toHaveLength(16);
    expect(plan.model.projects.filter((p) => p.kind === 'self-evaluation')).toHaveLength(1);
    expect(plan.model.unitName).toBe('济源市公安局交通管理支队');
  });

  test('the sheet prints A4 landscape, one page wide, with the title rows on every page', () => {
    expect(plan.sheet.print).toEqual(
      expect.objectContaining({ paper: 'A4', orientation: 'landscape', fitToWidth: true }),
    );
    expect(plan.sheet.print?.titleRows).toEqual({ top: 0, bottom: 1 });
  });

  test('the chart sits beside the class tables and leaves no empty rows under them', () => {
    const [chart] = plan.sheet.charts!;
    const tables = plan.sheet.tables!;
    const fn = tables.find((t) => t.name === 'GoujiFunctional')!;
    const econ = tables.find((t) => t.name === 'GoujiEconomic')!;
    const projects = tables.find((t) => t.name === 'GoujiProjects')!;
    // right of the widest class table, from the 三、 heading down
    expect(chart.anchor.left).toBeGreaterThan(Math.max(fn.range.right, econ.range.right));
    expect(chart.anchor.top).toBe(fn.range.top - 1);
    // 四、 follows 三、 directly: one blank row and its heading
    expect(econ.range.top).toBe(fn.range.bottom + 3);
    // the projects' heading follows the chart or the tables, whichever ends lower, after one blank row
    const above = Math.max(econ.range.bottom, chart.anchor.bottom);
    expect(projects.range.top).toBe(above + 3);
  });

  test('columns are sized to their text: no table text is cut, long text wraps', () => {
    const widths = plan.sheet.colWidths!;
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
    const inTable = (r: number, c: number) =>
      plan.sheet.tables!.some(
        (t) => r >= t.range.top && r <= t.range.bottom && c >= t.range.left && c <= t.range.right,
      );
    for (const cell of plan.sheet.cells)
      if (typeof cell.value === 'string' && inTable(cell.row, cell.col) && !cell.wrap)
        expect(width(cell.value)).toBeLessThan(widths[cell.col]);
    // the longest project name fits column A whole
    const longest = Math.max(...plan.model.projects.map((p) => width(p.name)));
    expect(widths[0]).toBeGreaterThan(longest);
  });

  test('the English sheet has no Chinese of its own: only names quoted from the workbook', () => {
    const en = planSummary(result, 'en', wb).sheet;
    const quoted = new Set<string>([
      ...wb.sheets.map((s) => s.name),
      ...plan.model.projects.map((p) => p.name),
      ...plan.model.functional.map((r) => r.name),
      ...plan.model.economic.map((r) => r.name),
      ...plan.model.totals.map((t) => t.label.en),
      ...plan.model.findings.flatMap((f) => [f.expected, f.actual].map(String)),
      plan.model.unitName!,
    ]);
    const own = en.cells
      .map((c) => String(c.value ?? ''))
      .filter((v) => /[\u4e00-\u9fff]/.test(v))
      .filter((v) => ![...quoted].some((q) => v === q || v.startsWith(`${q}!`)))
      .filter((v) => !plan.model.findings.some((f) => f.message.en === v) && v !== en.cells[0].value);
    expect(own).toEqual([]);
  });
});
