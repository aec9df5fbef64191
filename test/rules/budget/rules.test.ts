/** Each budget rule on small hand-made tables: exact → nothing, 尾差 → info, beyond → error at the printed total. */
import { parseRange } from '../../../src/core/model/address';
import { Finding } from '../../../src/core/model/findings';
import { CellValue, Sheet, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../helpers/review';
import { rules } from '../../../src/core/rules/budget';
import { Settings } from '../../../src/core/settings';

/** A sheet whose numbers print with two decimals, as published tables do ('#,##0.00'). */
const sheet = (name: string, values: CellValue[][], merges: string[] = []): Sheet => {
  const s = sheetFromValues(name, values, merges.map(parseRange));
  for (const row of s.rows)
    for (const cell of row ?? []) if (cell && typeof cell.value === 'number') cell.numFmt = '#,##0.00';
  return s;
};
const run = (sheets: Sheet[], settings: Partial<Settings> = {}): Finding[] =>
  review({ sheets } as Workbook, settings, rules).findings;
const brief = (fs: Finding[]) =>
  fs.map((f) => `${f.level} ${f.rule} ${f.locations[0].sheet}!${f.locations[0].cell}`);

/** T5-style table: 合计 = 基本支出 + 项目支出 on every row, 类 = Σ 款 = Σ 项. */
function generalBudget(rows: CellValue[][], name = '表5'): Sheet {
  return sheet(name, [
    ['一般公共预算支出表'],
    ['单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ...rows,
  ]);
}

describe('budget/column-sum', () => {
  test('exact rows give nothing; a 0.01 尾差 gives info; a real gap gives an error at the 合计 cell', () => {
    const fs = run([
      generalBudget([
        ['201', '一般公共服务支出', 10.01, 4, 6],
        ['20101', '人大事务', 10.01, 4, 6],
        ['2010101', '行政运行', 4, 4, null],
        ['2010102', '一般行政管理事务', 6.01, null, 6],
      ]),
    ]);
    // row 4 and 5: 4 + 6 = 10 vs 10.01 (two terms: ½ + ½ + ½ → 1 unit allowed) → info; row 7: 6 vs 6.01 → info
    expect(brief(fs)).toEqual([
      'info budget/column-sum-rounding 表5!C4',
      'info budget/column-sum-rounding 表5!C5',
      'info budget/column-sum-rounding 表5!C7',
    ]);
    expect(fs[0].message.zh).toContain('尾差');
    expect(fs[0].locations.map((l) => l.cell)).toEqual(['C4', 'D4', 'E4']);

    const bad = run([generalBudget([['2010101', '行政运行', 14, 4, 6]])]);
    expect(brief(bad)).toEqual(['error budget/column-sum 表5!C4']);
    expect(bad[0]).toMatchObject({ expected: 10, actual: 14 });
    expect(bad[0].message.zh).toContain('合计 = 基本支出 + 项目支出');
    expect(bad[0].message.en).toContain('does not hold');
  });

  test('a blank 合计 with printed parts is an error (blank = 0)', () => {
    const fs = run([generalBudget([['2010101', '行政运行', null, 4, 6]])]);
    expect(brief(fs)).toEqual(['error budget/column-sum 表5!C4']);
    expect(fs[0].message.zh).toContain('空白');
  });

  test('其中 columns are not parts; a 三公 合计 adds 出国 + 用车 + 接待 only; 用车 小计 = 购置 + 运行', () => {
    const t7 = sheet(
      '三公',
      [
        ['“三公”经费支出表'],
        ['单位：万元'],
        ['“三公”经费合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费', '会议费'],
        [null, null, '小计', '公务用车购置费', '公务用车运行维护费'],
        [12, 1, 9, 4, 5, 2, 100],
      ],
      ['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'G3:G4'],
    );
    expect(run([t7])).toEqual([]);
    t7.rows[4][3] = { value: 5, numFmt: '#,##0.00' };
    expect(brief(run([t7]))).toEqual(['error budget/column-sum 三公!C5']);
    const t2 = sheet('表2', [
      ['收入总表'],
      ['单位：万元'],
      ['单位名称', '合计', '本级财政拨款', '其中：经费拨款', '事业收入'],
      ['某局', 10, 8, 7, 2],
    ]);
    expect(run([t2])).toEqual([]);
  });

  test('crossed headers (三公 items × fund) match parts under the same fund', () => {
    const t = sheet(
      '三公',
      [
        ['财政拨款“三公”经费支出表'],
        ['单位：万元'],
        ['年度', '总计', null, '因公出国(境)费', null, '公务接待费', null, '公务用车购置及运行维护费', null],
        [null, null, null, null, null, null, null, '小计', null],
        [
          null,
          '一般公共预算',
          '政府性基金预算',
          '一般公共预算',
          '政府性基金预算',
          '一般公共预算',
          '政府性基金预算',
          '一般公共预算',
          '政府性基金预算',
        ],
        ['2026年', 35.1, 1, 28, 0, 3.5, 0, 3.6, 1],
      ],
      ['A3:A5', 'B3:C4', 'D3:E4', 'F3:G4', 'H3:I3', 'H4:I4'],
    );
    expect(run([t])).toEqual([]);
    t.rows[5][2] = { value: 2, numFmt: '#,##0.00' };
    expect(brief(run([t]))).toEqual(['error budget/column-sum 三公!C6']);
  });
});

describe('budget/hierarchy', () => {
  test('合计 = Σ 类, 类 = Σ 款 by code prefix; a 类 without printed 款 is not checked', () => {
    const rows: CellValue[][] = [
      ['合计', null, 16, 10, 6],
      ['201', '一般公共服务支出', 10, 4, 6],
      ['20101', '人大事务', 10, 4, 6],
      ['208', '社会保障和就业支出', 6, 6, null],
    ];
    expect(run([generalBudget(rows)])).toEqual([]);
    rows[2][2] = 11; // 20101 合计: also breaks its own row (11 ≠ 4 + 6)
    const fs = run([generalBudget(rows)]);
    expect(brief(fs)).toEqual(['error budget/hierarchy 表5!C5', 'error budget/column-sum 表5!C6']);
    expect(fs[0].locations.map((l) => l.cell)).toEqual(['C5', 'C6']);
    expect(fs[0]).toMatchObject({ expected: 11, actual: 10 });
  });

  test('合计 against Σ 类 reports at the 合计 cell, naming every 类 cell', () => {
    const fs = run([
      generalBudget([
        ['合计', null, 17, 11, 6],
        ['201', '一般公共服务支出', 10, 4, 6],
        ['208', '社会保障和就业支出', 6, 6, null],
      ]),
    ]);
    expect(brief(fs)).toEqual(['error budget/hierarchy 表5!C4', 'error budget/hierarchy 表5!D4']);
    expect(fs[0].locations.map((l) => l.cell)).toEqual(['C4', 'C5', 'C6']);
  });
});

describe('budget/balance', () => {
  const t1 = (income: number | null) =>
    sheet('表1', [
      ['收支总表'],
      ['单位：万元'],
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、财政拨款收入', 100, '一、一般公共服务支出', 100],
      ['收入总计', income, '支出总计', 100],
    ]);
  test('收入总计 = Σ items and 收入总计 = 支出总计 (at the 支出总计 cell); a blank total is an error', () => {
    expect(run([t1(100)])).toEqual([]);
    expect(brief(run([t1(null)]))).toEqual(['error budget/balance 表1!B6', 'error budget/balance 表1!D6']);
  });
});

describe('cross-table rules (units converted)', () => {
  const t6 = (amount: number, unit = '元') =>
    sheet('表6', [
      ['一般公共预算基本支出表'],
      [`单位：${unit}`],
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['合计', null, amount, null, amount],
      ['302', '商品和服务支出', amount, null, amount],
      ['30217', '公务接待费', amount, null, amount],
    ]);
  const t7 = (reception: number) =>
    sheet('表7', [
      ['一般公共预算“三公”经费支出表'],
      ['单位：万元'],
      ['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费'],
      [reception, 0, reception, 0],
    ]);

  test('budget/three-public-economic: 三公 接待 (万元) may exceed 30217 (元) but not fall short', () => {
    expect(run([t6(7315), t7(0.73)])).toEqual([]); // 0.7315 万元 prints as 0.73
    expect(run([t6(7315), t7(0.9)])).toEqual([]);
    const fs = run([t6(7315), t7(0.7)]);
    expect(brief(fs)).toEqual(['error budget/three-public-economic 表7!C4']);
    expect(fs[0].locations).toEqual([
      { sheet: '表7', cell: 'C4' },
      { sheet: '表6', cell: 'C6' },
    ]);
    expect(fs[0].message.zh).toContain('折算为万元');
  });

  test('budget/basic-links: 基本支出表 合计 = 一般公共预算支出表 基本支出, reported at the 基本支出表', () => {
    const t5 = (basic: number) =>
      generalBudget([
        ['合计', null, basic + 10, basic, 10],
        ['201', '一般公共服务支出', basic + 10, basic, 10],
      ]);
    expect(run([t5(7315), t6(7315, '万元')])).toEqual([]);
    const fs = run([t5(7415), t6(7315, '万元')]);
    expect(brief(fs)).toEqual(['error budget/basic-links 表6!C4']);
    expect(fs[0]).toMatchObject({ expected: 7415, actual: 7315 });
    expect(brief(run([t5(7315.01), t6(7315, '万元')]))).toEqual(['info budget/basic-links-rounding 表6!C4']);
    // the same amounts in 元 against 万元 are 10,000 times apart
    expect(brief(run([t5(7315), t6(7315)]))).toEqual(['error budget/basic-links 表6!C4']);
  });

  test('budget/fiscal-grant-links and budget/summary-links', () => {
    const t4 = (gpb: number) =>
      sheet('表4', [
        ['财政拨款收支总表'],
        ['单位：万元'],
        ['收入', null, '支出', null],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算', gpb, '一、一般公共服务支出', gpb],
        ['收入总计', gpb, '支出总计', gpb],
      ]);
    const t5 = generalBudget([
      ['合计', null, 10, 4, 6],
      ['201', '一般公共服务支出', 10, 4, 6],
    ]);
    expect(run([t4(10), t5])).toEqual([]);
    expect(brief(run([t4(12), t5]))).toEqual([
      'error budget/fiscal-grant-links 表4!D6',
      'error budget/fiscal-grant-links 表5!C4',
    ]);

    const t1 = sheet('表1', [
      ['收支总表'],
      ['单位：万元'],
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、财政拨款收入', 10, '一、一般公共服务支出', 12],
      ['收入总计', 10, '支出总计', 12],
    ]);
    const t3 = sheet('表3', [
      ['支出总表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', null, 10, 4, 6],
      ['201', '一般公共服务支出', 10, 4, 6],
    ]);
    const fs = run([t1, t3]).filter((f) => f.rule.startsWith('budget/summary-links'));
    expect(brief(fs)).toEqual(['error budget/summary-links 表3!C4', 'error budget/summary-links 表3!C5']);
  });
});

describe('warnings', () => {
  test('budget/personnel-codes: a 302 amount under 人员经费', () => {
    const fs = run([
      sheet('表6', [
        ['一般公共预算基本支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
        ['合计', null, 10, 3, 7],
        ['302', '商品和服务支出', 10, 3, 7],
        ['30239', '其他交通费用', 3, 3, null],
        ['30201', '办公费', 7, null, 7],
      ]),
    ]);
    expect(brief(fs)).toEqual(['warning budget/personnel-codes 表6!D6']);
    expect(fs[0].message.zh).toContain('人员经费 = 301 + 303');
  });

  test('budget/empty-table: only when the table does not say it is empty', () => {
    const table = (note: string | null) =>
      sheet('表8', [
        ['政府性基金预算支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计'],
        ['合计'],
        [note],
      ]);
    expect(brief(run([table('注：本单位没有政府性基金预算安排的支出，故本表为空表。')]))).toEqual([]);
    expect(brief(run([table(null)]))).toEqual(['warning budget/empty-table 表8!A1']);
  });
});

describe('settings', () => {
  const t = () => generalBudget([['2010101', '行政运行', 10.02, 4, 6]]);
  test('extraTolerance widens the rounding allowance; reportRounding off drops 尾差 infos', () => {
    expect(brief(run([t()]))).toEqual(['error budget/column-sum 表5!C4']);
    expect(brief(run([t()], { extraTolerance: 1 }))).toEqual(['info budget/column-sum-rounding 表5!C4']);
    expect(run([t()], { extraTolerance: 1, reportRounding: false })).toEqual([]);
  });

  test('per-finding levels (rules setting): a level replaces the declared one, off drops the finding', () => {
    expect(brief(run([t()], { rules: { 'budget/column-sum': 'warning' } }))).toEqual([
      'warning budget/column-sum 表5!C4',
    ]);
    expect(run([t()], { rules: { 'budget/column-sum': 'off' } })).toEqual([]);
    // the rounding finding has its own id: turning off the error leaves the 尾差 info
    expect(
      brief(
        run([t()], {
          extraTolerance: 1,
          rules: { 'budget/column-sum': 'off', 'budget/column-sum-rounding': 'warning' },
        }),
      ),
    ).toEqual(['warning budget/column-sum-rounding 表5!C4']);
  });
});
