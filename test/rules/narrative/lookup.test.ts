/**
 * Subject → table figure on hand-built tables: a 类 found only on the 财政拨款收支总表's 支出 side, 一般公共预算收入 on its
 * 收入 side, 元 prose against a 万元 table, and subjects that name nothing Gouji can check.
 */
import { loadCatalog } from '../../../src/core/catalog';
import { CellValue, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { parseNumber } from '../../../src/core/model/numbers';
import { findNarrativeCells } from '../../../src/core/narrative/extract';
import { ReviewContext } from '../../../src/core/context';
import { runRule } from '../../../src/core/review';
import { narrativeAmount } from '../../../src/core/rules/narrative/amount';
import { classify } from '../../../src/core/narrative/lookup';
import { withSettings } from '../../../src/core/settings';
import { BudgetTable, TableRow } from '../../../src/core/tables/types';

const T4: CellValue[][] = [
  ['2021年财政拨款收支总表'],
  ['单位：万元'],
  ['收入', null, '支出', null, null],
  ['项目', '金额', '项目', '合计', '一般公共预算'],
  ['一般公共预算拨款收入', 500, '一、公共安全支出', 400, 400],
  ['政府性基金预算拨款收入', null, '二、住房保障支出', 100, 100],
  ['收入总计', 500, '支出总计', 500, 500],
];

function fiscalGrant(): BudgetTable {
  return {
    kind: 'fiscal-grant',
    sheet: '财政拨款',
    title: '2021年财政拨款收支总表',
    range: { top: 0, left: 0, bottom: 6, right: 4 },
    unit: '万元',
    variant: 'budget',
    headerRows: { top: 2, bottom: 3 },
    columns: [
      { col: 0, path: ['收入', '项目'], role: 'name' },
      { col: 1, path: ['收入', '金额'], role: 'amount' },
      { col: 2, path: ['支出', '项目'], role: 'name' },
      { col: 3, path: ['支出', '合计'], role: 'amount', measure: 'total' },
      { col: 4, path: ['支出', '一般公共预算'], role: 'amount', measure: 'gpb' },
    ],
    rows: [],
    decimals: 0,
    empty: false,
  };
}

const row = (r: number, name: string, level: TableRow['level'], values: [number, string][]): TableRow => ({
  row: r,
  codeCols: [],
  name,
  nameCol: 0,
  level,
  values: new Map(values.map(([c, v]) => [c, parseNumber(v)!])),
});

/** 一般公共预算支出表 in 万元, two decimals: 合计 1807.65 = 基本 1507.65 + 项目 300.00. */
function generalBudget(): BudgetTable {
  return {
    kind: 'general-budget',
    sheet: '一般公共预算',
    title: '一般公共预算支出表',
    range: { top: 0, left: 0, bottom: 3, right: 3 },
    unit: '万元',
    variant: 'budget',
    headerRows: { top: 2, bottom: 2 },
    columns: [
      { col: 0, path: ['科目名称'], role: 'name' },
      { col: 1, path: ['合计'], role: 'amount', measure: 'total' },
      { col: 2, path: ['基本支出'], role: 'amount', measure: 'basic' },
      { col: 3, path: ['项目支出'], role: 'amount', measure: 'project' },
    ],
    rows: [
      row(3, '合计', 'total', [
        [1, '1807.65'],
        [2, '1507.65'],
        [3, '300.00'],
      ]),
    ],
    decimals: 2,
    empty: false,
  };
}

function context(paragraphs: string[]): ReviewContext {
  const workbook: Workbook = {
    sheets: [
      sheetFromValues(
        '说明',
        paragraphs.map((p) => [p]),
      ),
      sheetFromValues('财政拨款', T4),
      sheetFromValues('一般公共预算', [
        ['一般公共预算支出表'],
        ['单位：万元'],
        ['科目名称', '合计', '基本支出', '项目支出'],
        ['合计', 1807.65, 1507.65, 300],
      ]),
    ],
  };
  return {
    workbook,
    settings: withSettings(),
    catalog: loadCatalog(),
    tables: [fiscalGrant(), generalBudget()],
    targetForms: [],
    selfEvaluations: [],
    narratives: findNarrativeCells(workbook),
  };
}

const brief = (ctx: ReviewContext) =>
  runRule(narrativeAmount, ctx).map(
    (f) => `${f.level} ${f.rule} ${f.locations.map((l) => `${l.sheet}!${l.cell}`).join(' ')}`,
  );

describe('narrative/amount on hand-built tables', () => {
  test('a 类 named in full is read from the 财政拨款收支总表 支出 side when no function table lists it', () => {
    const ok = context([
      '2021 年一般公共预算支出主要用于：公共安全（类）支出 400 万元；住房保障（类）支出 100 万元。',
    ]);
    expect(brief(ok)).toEqual([]);
    const wrong = context([
      '2021 年一般公共预算支出主要用于：公共安全（类）支出 400 万元；住房保障（类）支出 110 万元。',
    ]);
    expect(brief(wrong)).toEqual(['error narrative/amount 说明!A1 财政拨款!D6']);
  });

  test('一般公共预算收入 is the 收入 side label (its amount column, not the 支出 side beside it)', () => {
    expect(brief(context(['2021 年一般公共预算收入 500 万元。']))).toEqual([]);
    expect(brief(context(['2021 年一般公共预算收入 501 万元。']))).toEqual([
      'error narrative/amount 说明!A1 财政拨款!B5',
    ]);
  });

  test('元 prose against a 万元 table is compared at the table precision (hundreds of 元)', () => {
    // 1807.65 万元 = 18,076,500 元; 18,076,543 元 rounds to it at 0.01 万元
    expect(
      brief(
        context(['2021 年一般公共预算支出 18076543 元，其中：基本支出 15076543 元，项目支出 3000000 元。']),
      ),
    ).toEqual([]);
    expect(brief(context(['2021 年一般公共预算支出 18079543 元。']))).toEqual([
      'error narrative/amount 说明!A1 一般公共预算!B4',
    ]);
  });

  test('亿元 prose: 0.180765 亿元 = 1807.65 万元', () => {
    expect(brief(context(['2021 年一般公共预算支出 0.180765 亿元。']))).toEqual([]);
  });

  test('prose that rounds a 2-decimal table to 1 decimal is exact; rounding the other way is info', () => {
    // paragraph precision 1: 1807.65 → 1807.7 half-up (exact), 1807.6 cut (尾差)
    expect(brief(context(['2021 年一般公共预算支出 1807.7 万元。']))).toEqual([]);
    expect(brief(context(['2021 年一般公共预算支出 1807.6 万元。']))).toEqual([
      'info narrative/amount-rounding 说明!A1 一般公共预算!B4',
    ]);
  });

  test('last year and other years are not compared', () => {
    expect(
      brief(
        context([
          '上年一般公共预算支出 1900 万元。2020 年一般公共预算支出 1950 万元。2021 年一般公共预算支出 1807.65 万元。',
        ]),
      ),
    ).toEqual([]);
  });
});

describe('classify', () => {
  test.each([
    ['济源市公安局交通管理支队2021年收入总计', 'all', { kind: 'income-total', year: false }],
    ['本年收入合计', 'all', { kind: 'income-total', year: true }],
    ['支出总计', 'all', { kind: 'expense-total', year: false }],
    ['一般公共预算收入', 'all', { kind: 'gpb-income' }],
    ['2021年一般公共预算支出年初预算为', 'all', { kind: 'gpb-total' }],
    ['一般公共预算基本支出', 'all', { kind: 'measure', measure: 'basic', scope: 'general' }],
    ['项目支出', 'all', { kind: 'measure', measure: 'project', scope: 'all' }],
    ['2021年“三公”经费预算为', 'all', { kind: 'three-public', measure: 'three-public' }],
    ['公务用车购置及运行维护费', 'all', { kind: 'three-public', measure: 'car' }],
    ['其中：公务用车运行维护费', 'all', { kind: 'three-public', measure: 'car-running' }],
    ['公务用车购置费', 'all', { kind: 'three-public', measure: 'car-purchase' }],
    ['2021年政府性基金预算支出', 'all', { kind: 'fund-total' }],
    ['部门结转', 'all', { kind: 'carry', label: '部门结转' }],
    ['特别业务（类）支出', 'general', { kind: 'class', scope: 'general' }],
  ] as const)('%s → %j', (subject, scope, expected) => {
    expect(classify(subject, scope)).toEqual(expected);
  });

  test.each(['2021年政府采购预算安排', '单价', '确保人均实发工资不低于', '机关运行经费'])(
    '%s names nothing',
    (s) => {
      expect(classify(s, 'all')).toBeUndefined();
    },
  );
});
