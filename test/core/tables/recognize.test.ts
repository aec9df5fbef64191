/** Budget-table recognition on small hand-made sheets, one layout feature per test. */
import { parseRange } from '../../../src/core/model/address';
import { CellValue, Sheet, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { recognizeBudgetTables } from '../../../src/core/tables/recognize';
import { BudgetTable } from '../../../src/core/tables/types';

const wb = (...sheets: Sheet[]): Workbook => ({ sheets });
const sheet = (name: string, values: CellValue[][], merges: string[] = []): Sheet =>
  sheetFromValues(name, values, merges.map(parseRange));
const only = (w: Workbook): BudgetTable => {
  const { tables } = recognizeBudgetTables(w);
  expect(tables).toHaveLength(1);
  return tables[0];
};
const byCode = (t: BudgetTable, code: string) => t.rows.find((r) => r.code === code);
const idx = (t: BudgetTable, code: string) => t.rows.findIndex((r) => r.code === code);

describe('title, unit, header', () => {
  const values: CellValue[][] = [
    ['2026年一般公共预算支出表', null, null, null, null],
    ['编制单位：某局', null, null, null, '单位：万元'],
    ['科目编码', '科目名称', '一般公共预算支出', null, null],
    [null, null, '合计', '基本支出', '项目支出'],
    ['合计', null, '1,807.70', '807.70', '1,000'],
    ['201', '一般公共服务支出', 1807.7, 807.7, 1000],
    ['20101', '人大事务', 1807.7, 807.7, 1000],
    ['2010101', '行政运行', 807.7, 807.7, null],
    ['2010199', '其他人大事务支出', '１０００', null, '1000.00'],
  ];
  const t = only(wb(sheet('任意名称', values, ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3'])));

  test('kind from the title, not the sheet name; unit from the unit line', () => {
    expect(t.kind).toBe('general-budget');
    expect(t.unit).toBe('万元');
    expect(t.unitFrom).toBe('line');
    expect(t.year).toBe(2026);
    expect(t.headerRows).toEqual({ top: 2, bottom: 3 });
  });

  test('each column has its header path and role; merged group cells repeat', () => {
    const path = (c: number) => t.columns.find((x) => x.col === c)?.path;
    expect(path(2)).toEqual(['一般公共预算支出', '合计']);
    expect(path(3)).toEqual(['一般公共预算支出', '基本支出']);
    expect(path(0)).toEqual(['科目编码']);
    expect(t.columns.map((c) => c.role)).toEqual(['code', 'name', 'amount', 'amount', 'amount']);
    expect(t.columns.find((c) => c.col === 3)?.measure).toBe('basic');
    expect(t.columns.find((c) => c.col === 4)?.measure).toBe('project');
  });

  test('codes, levels, parents by prefix; text numbers, full-width digits and blanks read', () => {
    expect(t.rows.map((r) => r.level)).toEqual(['total', 'lei', 'kuan', 'xiang', 'xiang']);
    expect(byCode(t, '20101')?.parent).toBe(idx(t, '201'));
    expect(byCode(t, '2010199')?.parent).toBe(idx(t, '20101'));
    expect(t.rows[0].values.get(2)).toEqual({ value: 1807.7, decimals: 2, percent: false });
    expect(byCode(t, '2010199')?.values.get(2)?.value).toBe(1000);
    expect(byCode(t, '2010199')?.values.has(3)).toBe(false); // blank stays absent (= 0 in sums)
    expect(t.decimals).toBe(2);
    expect(t.empty).toBe(false);
  });
});

test('split 类|款|项 columns where the 款/项 cells hold only their digits (烟台 layout), 栏次 row, 合计 on top', () => {
  const t = only(
    wb(
      sheet('s', [
        ['公开表3 支出总体情况表'],
        ['单位：万元'],
        ['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
        ['类', '款', '项'],
        ['栏次', null, null, null, '1', '2', '3'],
        [null, null, null, '合计', 10, 6, 4],
        ['201', null, null, '一般公共服务支出', 10, 6, 4],
        [null, '40', null, '信访事务', 10, 6, 4],
        [null, null, '01', '行政运行', 6, 6, null],
        [null, null, '02', '一般行政管理事务', 4, null, 4],
      ]),
    ),
  );
  expect(t.kind).toBe('expenditure');
  expect(t.skippedRows).toEqual([4]);
  expect(t.rows.map((r) => r.code)).toEqual([undefined, '201', '20140', '2014001', '2014002']);
  expect(byCode(t, '2014002')?.codeCols).toEqual([2]);
  expect(byCode(t, '2014001')?.parent).toBe(idx(t, '20140'));
  expect(t.rows[0].role).toBe('grand');
});

test('codes inside the name cell ([2014001]行政运行, 广州 layout)', () => {
  const t = only(
    wb(
      sheet('s', [
        ['表5 一般公共预算支出情况表（按功能分类科目）'],
        ['单位：万元'],
        ['功能科目名称', '合计'],
        ['合计', 5],
        ['[201]一般公共服务支出', 5],
        ['[20140]信访事务', 5],
        ['[2014001]行政运行', 5],
      ]),
    ),
  );
  expect(t.rows.map((r) => [r.code, r.name, r.level])).toEqual([
    [undefined, '合计', 'total'],
    ['201', '一般公共服务支出', 'lei'],
    ['20140', '信访事务', 'kuan'],
    ['2014001', '行政运行', 'xiang'],
  ]);
});

test('names-only table (杭州): 类 by name, 款/项 inferred from the amounts, rounding tolerated', () => {
  const t = only(
    wb(
      sheet('s', [
        ['表3：2026年市级部门支出预算总表'],
        ['部门名称：某局   单位:万元'],
        ['功能分类科目名称', '总计', '基本支出', '项目支出'],
        ['合计', 424.67, 396.67, 28],
        ['科学技术支出', 28, null, 28],
        ['技术研究与开发', 28, null, 28],
        ['科技成果转化与扩散', 28, null, 28],
        ['社会保障和就业支出', 396.67, 396.67, null],
        ['行政事业单位养老支出', 396.67, 396.67, null],
        ['行政单位离退休', 193.25, 193.25, null],
        ['机关事业单位基本养老保险缴费支出', 135.62, 135.62, null],
        ['机关事业单位职业年金缴费支出', 67.81, 67.81, null],
      ]),
    ),
  );
  const level = (name: string) => t.rows.find((r) => r.name === name);
  expect(t.rows.map((r) => r.level)).toEqual([
    'total',
    'lei',
    'kuan',
    'xiang',
    'lei',
    'kuan',
    'xiang',
    'xiang',
    'xiang',
  ]);
  expect(level('科技成果转化与扩散')?.parent).toBe(t.rows.indexOf(level('技术研究与开发')!));
  // 193.25 + 135.62 + 67.81 = 396.68: a 0.01 尾差 does not break the inferred tree
  expect(level('机关事业单位职业年金缴费支出')?.parent).toBe(t.rows.indexOf(level('行政事业单位养老支出')!));
  expect(level('科学技术支出')?.levelFrom).toBe('name');
  expect(level('技术研究与开发')?.levelFrom).toBe('amounts');
});

test('several tables on one sheet, each with its own unit; notes end a table', () => {
  const { tables } = recognizeBudgetTables(
    wb(
      sheet('s', [
        ['2026年一般公共预算基本支出表'],
        ['单位：元'],
        ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
        ['合计', null, 7315, null, 7315],
        ['302', '商品和服务支出', 7315, null, 7315],
        ['30217', '公务接待费', 7315, null, 7315],
        ['注：本表反映基本支出。'],
        [],
        ['2026年“三公”经费预算表'],
        ['单位：万元'],
        ['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费'],
        [0.73, 0, 0.73, 0],
      ]),
    ),
  );
  expect(tables.map((t) => [t.kind, t.unit, t.range.top, t.range.bottom])).toEqual([
    ['general-budget-basic', '元', 0, 6],
    ['three-public', '万元', 8, 11],
  ]);
  expect(tables[0].noteRows).toEqual([6]);
  expect(tables[1].rows).toHaveLength(1);
  expect(tables[1].columns.map((c) => c.measure)).toEqual(['total', 'abroad', 'reception', 'car']);
});

test('an empty table stated as 空表 and one with no numbers at all', () => {
  const { tables } = recognizeBudgetTables(
    wb(
      sheet('a', [
        ['2026年政府性基金预算支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['无'],
        ['合计'],
        ['注：本单位无政府性基金预算安排的支出，故本表为空表。'],
      ]),
      sheet('b', [['国有资本经营预算支出表'], ['单位：万元'], ['项目', '金额'], ['合计']]),
    ),
  );
  expect(tables.map((t) => [t.kind, t.empty, !!t.emptyStatement])).toEqual([
    ['gov-fund', true, true],
    ['state-capital', true, false],
  ]);
});

test('a header repeated after a page break (title, unit line and header) is skipped, the table goes on', () => {
  const t = only(
    wb(
      sheet('s', [
        ['一般公共预算支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计'],
        ['201', '一般公共服务支出', 3],
        ['20101', '人大事务', 3],
        ['一般公共预算支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计'],
        ['2010101', '行政运行', 1],
        ['2010102', '一般行政管理事务', 2],
      ]),
    ),
  );
  expect(t.skippedRows).toEqual([5, 6, 7]);
  expect(t.rows.map((r) => r.code)).toEqual(['201', '20101', '2010101', '2010102']);
  expect(byCode(t, '2010102')?.parent).toBe(idx(t, '20101'));
});

test('two-sided 收支总表: sides, ordinal items, 本年收入合计, carry-overs, 收入总计', () => {
  const t = only(
    wb(
      sheet(
        's',
        [
          ['收支总表'],
          ['单位：万元'],
          ['收入', null, '支出', null],
          ['项目', '预算数', '项目', '预算数'],
          ['一、财政拨款收入', 100, '一、一般公共服务支出', 90],
          ['1、一般公共预算', 100, '二、住房保障支出', 15],
          ['2、政府性基金预算', null, null, null],
          ['二、事业收入', 5, null, null],
          ['本年收入合计', 105, '本年支出合计', 105],
          ['上年结转', 0, '结转下年', 0],
          ['收入总计', 105, '支出总计', 105],
        ],
        ['A3:B3', 'C3:D3'],
      ),
    ),
  );
  expect(t.kind).toBe('revenue-expenditure');
  expect(t.sections?.map((s) => [s.side, s.labelCol, s.amountCols])).toEqual([
    ['income', 0, [1]],
    ['expense', 2, [3]],
  ]);
  const inc = t.rows.filter((r) => r.side === 'income');
  const at = (name: string) => t.rows.findIndex((r) => r.name === name);
  expect(inc.map((r) => [r.name, r.role ?? '', r.parent === undefined ? '' : t.rows[r.parent].name])).toEqual(
    [
      ['一、财政拨款收入', '', '本年收入合计'],
      ['1、一般公共预算', '', '一、财政拨款收入'],
      ['2、政府性基金预算', '', '一、财政拨款收入'],
      ['二、事业收入', '', '本年收入合计'],
      ['本年收入合计', 'year', ''],
      ['上年结转', 'carry', ''],
      ['收入总计', 'grand', ''],
    ],
  );
  expect(t.rows[at('1、一般公共预算')].measure).toBe('gpb');
  expect(t.rows[at('一、一般公共服务支出')].level).toBe('lei');
});

test('决算 tables: variant final, 预算数 columns marked as the budget figure', () => {
  const t = only(
    wb(
      sheet(
        's',
        [
          ['2025年度一般公共预算财政拨款支出决算表'],
          ['单位：万元'],
          ['科目编码', '科目名称', '年初预算数', '决算数'],
          ['201', '一般公共服务支出', 10, 9],
        ],
        [],
      ),
    ),
  );
  expect(t.variant).toBe('final');
  expect(t.columns.filter((c) => c.role === 'amount').map((c) => c.period)).toEqual(['budget', 'current']);
});

test('sheets without a budget table are left alone; a budget title with no readable table is skipped with a reason', () => {
  const { tables, skipped } = recognizeBudgetTables(
    wb(
      sheet('预算说明', [['一、收支预算总体情况'], ['2026年收入预算1,807.70万元，比上年增加10%。']]),
      sheet('绩效', [['项目支出绩效目标表'], ['项目名称', '某项目'], ['年度预算资金总额', 12]]),
      sheet('坏表', [['2026年部门收支总表'], ['单位：万元'], ['说明文字一'], ['说明文字二']]),
    ),
  );
  expect(tables).toEqual([]);
  expect(skipped.map((s) => s.sheet)).toEqual(['坏表']);
  expect(skipped[0].reason.zh).toContain('2026年部门收支总表');
  expect(skipped[0].reason.en).toContain('amount column');
});

test('strange cells never crash recognition (errors, booleans, huge merges, formulas without values)', () => {
  const s = sheet(
    's',
    [
      ['一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出'],
      ['201', true, { error: '#REF!' }, 1],
      ['20101', null, null, 1],
    ],
    ['A10:Z100000'],
  );
  s.rows[4][2] = { value: null, formula: 'SUM(D5)', noCachedValue: true };
  const t = only(wb(s));
  expect(byCode(t, '201')?.unknown).toEqual([2]);
  expect(byCode(t, '20101')?.unknown).toEqual([2]);
});
