/**
 * Budget rules on 部门决算 tables: the generated 某市审计局 2025 决算 (scripts/fixtures/final-accounts.ts) is clean, its
 * defects copy reports exactly the planted defects, every sum stays within one period (预算数 with 预算数, 决算数 with
 * 决算数), and budget/carry-over checks 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 on hand-made tables.
 * Numbers in the comments were added up by hand from the fixture's data model.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseA1, parseRange } from '../../../src/core/model/address';
import { Finding } from '../../../src/core/model/findings';
import { CellValue, Sheet, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../helpers/review';
import { rules } from '../../../src/core/rules/budget';
import type { CheckRecord } from '../../../src/core/context';
import { BudgetTable } from '../../../src/core/tables/types';
import { readXlsx } from '../../../src/xlsx/read';
import { fixtures, FINAL_ACCOUNTS_SHEETS as S } from '../../../scripts/fixtures/final-accounts';

jest.setTimeout(30_000);

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const load = (file: string): Workbook => readXlsx(new Uint8Array(readFileSync(join(FIXTURES, file))), file);

interface Run {
  findings: Finding[];
  tables: BudgetTable[];
  checks: CheckRecord[];
}

function run(wb: Workbook): Run {
  const checks: CheckRecord[] = [];
  const res = review(wb, {}, rules, { observer: { onCheck: (c) => checks.push(c) } });
  return { findings: res.findings, tables: res.context.tables, checks };
}

const brief = (fs: Finding[]) =>
  fs.map((f) => `${f.level} ${f.rule} ${f.locations[0].sheet}!${f.locations[0].cell}`).sort();

describe('the fixtures are up to date with scripts/fixtures/final-accounts.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-final-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  test.each(fixtures.map((s) => [s.file, s]))('%s', async (file, spec) => {
    const out = join(dir, file as string);
    await (spec as (typeof fixtures)[number]).write(out);
    expect(Buffer.compare(readFileSync(out), readFileSync(join(FIXTURES, file as string)))).toBe(0);
  });
});

describe('final-accounts-2025.xlsx (clean)', () => {
  const clean = run(load('final-accounts-2025.xlsx'));

  test('no finding at all from the budget rules, and no error from any rule', () => {
    expect(clean.findings).toEqual([]);
    expect(review(load('final-accounts-2025.xlsx')).findings.filter((f) => f.level === 'error')).toEqual([]);
  });

  test('every identity is evaluated and holds exactly', () => {
    const count = new Map<string, number>();
    for (const c of clean.checks) {
      expect({ rule: c.rule, at: c.locations[0], verdict: c.verdict }).toEqual({
        rule: c.rule,
        at: c.locations[0],
        verdict: 'equal',
      });
      count.set(c.rule, (count.get(c.rule) ?? 0) + 1);
    }
    expect(Object.fromEntries(count)).toEqual({
      'budget/column-sum': 82,
      'budget/hierarchy': 71,
      'budget/balance': 15,
      'budget/carry-over': 3,
      'budget/fiscal-grant-links': 2,
      'budget/summary-links': 8,
      'budget/three-public-economic': 2,
    });
  });

  test('年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 in each period, from the printed cells', () => {
    const carry = clean.checks.filter((c) => c.rule === 'budget/carry-over');
    expect(carry.map((c) => [c.locations.map((l) => `${l.sheet}!${l.cell}`), c.expected, c.actual])).toEqual([
      // 收入支出决算总表 年初预算数: 3,745.30 + 0 + 0 = 3,745.30 + 0 + 年末 (blank): 年末 = 0
      [[`${S.t1}!G35`, `${S.t1}!C33`, `${S.t1}!C34`, `${S.t1}!C35`, `${S.t1}!G33`, `${S.t1}!G34`], 0, 0],
      // 决算数: 3,878.02 + 0 + 41.50 = 3,919.52 = 3,871.57 + 0 + 47.95
      [
        [`${S.t1}!H35`, `${S.t1}!D33`, `${S.t1}!D34`, `${S.t1}!D35`, `${S.t1}!H33`, `${S.t1}!H34`],
        47.95,
        47.95,
      ],
      // 财政拨款收入支出决算总表: 3,859.42 + 35.20 = 3,894.62 = 3,856.47 + 38.15
      [[`${S.t4}!F34`, `${S.t4}!C33`, `${S.t4}!C34`, `${S.t4}!F33`], 38.15, 38.15],
    ]);
  });

  test('cross-table links of the 决算: 财政拨款收入 = the fund rows, 支出 by 类, fund table totals', () => {
    const links = clean.checks
      .filter((c) => /links|economic/.test(c.rule))
      .map(
        (c) =>
          `${c.rule} ${c.locations.map((l) => `${l.sheet.slice(0, 5)}!${l.cell}`).join(' ')} ${c.actual}`,
      );
    expect(links).toEqual([
      // 一般公共预算财政拨款支出决算表 合计 = 财政拨款收入支出决算总表 一般公共预算财政拨款 本年支出合计 (3,856.47)
      'budget/fiscal-grant-links 公开05表!F8 公开04表!G33 3856.47',
      'budget/fiscal-grant-links 公开04表!F33 公开05表!F8 3856.47',
      // 支出决算表 合计 and 类 rows = 收入支出决算总表 决算数
      'budget/summary-links 公开03表!E8 公开01表!H33 3871.57',
      'budget/summary-links 公开03表!E9 公开01表!H7 3087.79',
      'budget/summary-links 公开03表!E15 公开01表!H14 443.79',
      'budget/summary-links 公开03表!E20 公开01表!H15 152.54',
      'budget/summary-links 公开03表!E24 公开01表!H25 187.45',
      // 收入决算表 合计, 财政拨款收入 (= 一般公共预算财政拨款收入, the only fund printed), 其他收入
      'budget/summary-links 公开02表!E8 公开01表!D33 3878.02',
      'budget/summary-links 公开02表!F8 公开01表!D7 3859.42',
      'budget/summary-links 公开02表!K8 公开01表!D14 18.6',
      // 三公 决算数 接待 2.14 ≥ 30217 公务接待费 1.26, 运行 10.86 ≥ 30231 公务用车运行维护费 10.86 (合计 column)
      'budget/three-public-economic 公开07表!L8 公开06表!C29 2.14',
      'budget/three-public-economic 公开07表!K8 公开06表!C32 10.86',
    ]);
  });

  test('预算数 is never summed with 决算数: every cell of a within-table identity has one period', () => {
    const periodAt = (sheet: string, a1: string): string => {
      const t = clean.tables.find((x) => x.sheet === sheet) as BudgetTable;
      const c = t.columns.find((x) => x.col === parseA1(a1).col);
      return c?.period ?? 'current';
    };
    const seen = new Set<string>();
    for (const c of clean.checks) {
      if (/links|economic/.test(c.rule)) continue;
      const periods = new Set(c.locations.map((l) => periodAt(l.sheet, l.cell)));
      expect({ rule: c.rule, at: c.locations[0], periods: [...periods] }).toEqual({
        rule: c.rule,
        at: c.locations[0],
        periods: [[...periods][0]],
      });
      seen.add([...periods][0]);
    }
    // both periods were checked (年初预算数 / 预算数 columns of 收入支出决算总表, 一般公共预算 and 三公)
    expect([...seen].sort()).toEqual(['budget', 'current']);
    // and cross-table links read 决算数 only
    for (const c of clean.checks.filter((x) => /links|economic/.test(x.rule)))
      for (const l of c.locations)
        expect({ at: l, period: periodAt(l.sheet, l.cell) }).toMatchObject({ period: 'current' });
  });
});

describe('final-accounts-2025-defects.xlsx', () => {
  const defects = run(load('final-accounts-2025-defects.xlsx'));
  const find = (rule: string, cell: string) =>
    defects.findings.find(
      (f) => f.rule === rule && `${f.locations[0].sheet}!${f.locations[0].cell}` === cell,
    );

  test('exactly the planted defects: five errors and the 尾差 as info', () => {
    expect(brief(defects.findings)).toEqual(
      [
        // 1. 年初结转和结余 41.50 + 本年收入合计 3,878.02 = 3,919.52 ≠ 本年支出合计 3,871.57 + 年末结转和结余 49.75
        `error budget/carry-over ${S.t1}!H35`,
        // 3. 2010801 行政运行 本年支出合计 2,165.38 ≠ 基本支出 2,156.38 (the same cell breaks 20108 = Σ 项)
        `error budget/column-sum ${S.t3}!E11`,
        `error budget/hierarchy ${S.t3}!E10`,
        // 2. 类 208 443.79 ≠ 款 20805 434.79 (决算数)
        `error budget/hierarchy ${S.t5}!F15`,
        // 4. 三公 决算数 合计 13.60 ≠ 0.00 + 10.86 + 2.14
        `error budget/column-sum ${S.t7}!G8`,
        // 5. 三公 预算数 合计 15.52 vs 0.00 + 11.86 + 3.65 = 15.51
        `info budget/column-sum-rounding ${S.t7}!A8`,
      ].sort(),
    );
  });

  test('each finding carries the printed and the expected amount and names its cells', () => {
    expect(find('budget/carry-over', `${S.t1}!H35`)).toMatchObject({ expected: 47.95, actual: 49.75 });
    expect(find('budget/column-sum', `${S.t3}!E11`)).toMatchObject({ expected: 2156.38, actual: 2165.38 });
    expect(find('budget/hierarchy', `${S.t3}!E10`)).toMatchObject({ expected: 3096.79, actual: 3087.79 });
    expect(find('budget/hierarchy', `${S.t5}!F15`)).toMatchObject({ expected: 434.79, actual: 443.79 });
    expect(find('budget/column-sum', `${S.t7}!G8`)).toMatchObject({ expected: 13, actual: 13.6 });
    expect(find('budget/column-sum-rounding', `${S.t7}!A8`)).toMatchObject({
      expected: 15.51,
      actual: 15.52,
    });

    const carry = find('budget/carry-over', `${S.t1}!H35`) as Finding;
    expect(carry.locations.map((l) => l.cell)).toEqual(['H35', 'D33', 'D34', 'D35', 'H33', 'H34']);
    expect(carry.message.zh).toContain('年初结转和结余 41.50');
    expect(carry.message.zh).toContain('= 3,919.52');
    expect(carry.message.zh).toContain('= 3,921.32');
    expect(carry.message.zh).toContain('年末结转和结余应为 47.95');
    expect(carry.message.en).toContain('does not hold');
    // the 三公 findings say which period's columns they add up, and name only that period's cells
    const t7 = find('budget/column-sum', `${S.t7}!G8`) as Finding;
    expect(t7.message.zh).toContain(
      '决算数 合计 = 因公出国（境）费 + 公务用车购置及运行费/小计 + 公务接待费',
    );
    expect(t7.locations.map((l) => l.cell)).toEqual(['G8', 'H8', 'I8', 'L8']);
    const tail = find('budget/column-sum-rounding', `${S.t7}!A8`) as Finding;
    expect(tail.message.zh).toContain('预算数 合计');
    expect(tail.message.zh).toContain('尾差');
    expect(tail.locations.map((l) => l.cell)).toEqual(['A8', 'B8', 'C8', 'F8']);
  });

  test('预算数 differing from 决算数 is not a finding (every other cell of the workbook is as in the clean file)', () => {
    const t5 = defects.tables.find((t) => t.sheet === S.t5) as BudgetTable;
    const r = t5.rows.find((x) => x.code === '2010801');
    // 行政运行: 年初预算数 2,086.40, 决算数 2,156.38
    expect([r?.values.get(4)?.value, r?.values.get(5)?.value]).toEqual([2086.4, 2156.38]);
    expect(
      defects.findings.filter((f) => f.locations.some((l) => l.sheet === S.t5 && l.cell === 'F11')),
    ).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------ hand-made

const sheet = (name: string, values: CellValue[][], merges: string[] = []): Sheet => {
  const s = sheetFromValues(name, values, merges.map(parseRange));
  for (const row of s.rows)
    for (const cell of row ?? []) if (cell && typeof cell.value === 'number') cell.numFmt = '#,##0.00';
  return s;
};
const budgetFindings = (...sheets: Sheet[]): Finding[] => review({ sheets } as Workbook, {}, rules).findings;
const briefOne = (fs: Finding[]) =>
  fs.map((f) => `${f.level} ${f.rule} ${f.locations[0].sheet}!${f.locations[0].cell}`);

describe('budget/column-sum in a 决算 table with a flat header', () => {
  test('本年支出合计 = 基本 + 项目; the 年初预算数 beside them is never one of the parts', () => {
    const t = sheet('表3', [
      ['支出决算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '年初预算数', '本年支出合计', '基本支出', '项目支出'],
      ['2010801', '行政运行', 80, 100, 100, null],
      ['2010804', '审计业务', 50, 40, null, 40],
    ]);
    const checks: CheckRecord[] = [];
    const fs = review({ sheets: [t] } as Workbook, {}, rules, {
      observer: { onCheck: (c) => checks.push(c) },
    }).findings;
    // summed with the 年初预算数 the rows would read 100 ≠ 80 + 100 and 40 ≠ 50 + 40
    expect(fs).toEqual([]);
    const sums = checks.filter((c) => c.rule === 'budget/column-sum');
    expect(sums.map((c) => c.locations.map((l) => l.cell))).toEqual([
      ['D4', 'E4', 'F4'],
      ['D5', 'E5', 'F5'],
    ]);
  });
});

describe('budget/carry-over', () => {
  /** 收入支出决算总表 with one 决算数 column per side. */
  const t1 = (title: string, rows: CellValue[][]): Sheet =>
    sheet(
      '表1',
      [
        [title],
        ['单位：万元'],
        ['收入', null, '支出', null],
        ['项目', '决算数', '项目', '决算数'],
        ['一、财政拨款收入', 100, '一、一般公共服务支出', 90],
        ['二、其他收入', 10, '二、住房保障支出', 15],
        ['本年收入合计', 110, '本年支出合计', 105],
        ...rows,
      ],
      ['A3:B3', 'C3:D3'],
    );

  test('110 + 20 = 105 + 25: nothing', () => {
    const fs = budgetFindings(
      t1('收入支出决算总表', [
        ['年初结转和结余', 20, '年末结转和结余', 25],
        ['总计', 130, '总计', 130],
      ]),
    );
    expect(fs).toEqual([]);
  });

  test('年末 27 with 总计 132 (each side adds up): one error at 年末, expected 25', () => {
    const fs = budgetFindings(
      t1('收入支出决算总表', [
        ['年初结转和结余', 20, '年末结转和结余', 27],
        ['总计', 130, '总计', 132],
      ]),
    );
    expect(briefOne(fs)).toEqual(['error budget/carry-over 表1!D8']);
    expect(fs[0]).toMatchObject({ expected: 25, actual: 27 });
    expect(fs[0].locations.map((l) => l.cell)).toEqual(['D8', 'B7', 'B8', 'D7']);
    expect(fs[0].message.zh).toContain('本年收入合计 + 年初结转和结余 = 本年支出合计 + 年末结转和结余不成立');
  });

  test('a 0.01 尾差 is info', () => {
    const fs = budgetFindings(
      t1('收入支出决算总表', [
        ['年初结转和结余', 20, '年末结转和结余', 25.01],
        ['总计', 130, '总计', 130.01],
      ]),
    );
    expect(briefOne(fs)).toEqual(['info budget/carry-over-rounding 表1!D8']);
    expect(fs[0].message.zh).toContain('尾差');
  });

  test('a 支出 总计 that does not add up is reported once, by budget/balance', () => {
    const fs = budgetFindings(
      t1('收入支出决算总表', [
        ['年初结转和结余', 20, '年末结转和结余', 25],
        ['总计', 130, '总计', 132],
      ]),
    );
    expect(briefOne(fs)).toEqual(['error budget/balance 表1!D9']);
    expect(fs[0]).toMatchObject({ expected: 130, actual: 132 });
  });

  test('without 总计 rows the identity is still checked', () => {
    const fs = budgetFindings(t1('收入支出决算总表', [['年初结转和结余', 20, '年末结转和结余', 26]]));
    expect(briefOne(fs)).toEqual(['error budget/carry-over 表1!D8']);
  });

  test('a 预算 收支总表 is left to budget/balance as before (收入总计 = 支出总计)', () => {
    const fs = budgetFindings(
      t1('收支总表', [
        ['上年结转', 20, '结转下年', 27],
        ['总计', 130, '总计', 132],
      ]),
    );
    expect(briefOne(fs)).toEqual(['error budget/balance 表1!D9']);
    expect(fs[0].message.zh).toContain('总计 = 总计');
  });

  test('one-sided: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 on every row', () => {
    const fund = (last: number) =>
      sheet(
        '表8',
        [
          ['政府性基金预算财政拨款收入支出决算表'],
          ['单位：万元'],
          ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
          [null, null, null, null, '小计', '基本支出', '项目支出', null],
          ['2120801', '征地和拆迁补偿支出', 5, 100, 95, null, 95, last],
        ],
        ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'],
      );
    expect(budgetFindings(fund(10))).toEqual([]);
    const fs = budgetFindings(fund(12));
    // 5 + 100 = 105 ≠ 95 + 12 = 107
    expect(briefOne(fs)).toEqual(['error budget/carry-over 表8!H5']);
    expect(fs[0]).toMatchObject({ expected: 10, actual: 12 });
    expect(fs[0].locations.map((l) => l.cell)).toEqual(['H5', 'C5', 'D5', 'E5']);
    expect(fs[0].message.zh).toContain('年初结转和结余 5.00 + 本年收入 100.00');
  });
});
