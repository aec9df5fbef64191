/**
 * 部门决算 tables (DOMAIN.md §1): the 财政部 决算公开 titles, layout (form number line, 行次 columns, 栏次 rows) and
 * periods (年初预算数 / 预算数 → 'budget', 决算数 and columns without a period word → 'current'), on the generated
 * 某市审计局 2025 决算 (test/fixtures/final-accounts-2025.xlsx) and on small hand-made sheets.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseRange } from '../../../src/core/model/address';
import { CellValue, sheetFromValues } from '../../../src/core/model/workbook';
import { classifyTitle } from '../../../src/core/tables/classify';
import { recognizeBudgetTables } from '../../../src/core/tables/recognize';
import { periodOf } from '../../../src/core/tables/text';
import { BudgetTable, TableColumn } from '../../../src/core/tables/types';
import { readXlsx } from '../../../src/xlsx/read';
import { FINAL_ACCOUNTS_SHEETS as S } from '../../../scripts/fixtures/final-accounts';

const FILE = join(__dirname, '..', '..', 'fixtures', 'final-accounts-2025.xlsx');
const { tables, skipped } = recognizeBudgetTables(readXlsx(new Uint8Array(readFileSync(FILE)), FILE));
const table = (sheet: string): BudgetTable => {
  const found = tables.filter((t) => t.sheet === sheet);
  expect(found).toHaveLength(1);
  return found[0];
};
const col = (t: BudgetTable, c: number): TableColumn => t.columns.find((x) => x.col === c) as TableColumn;
/** 'role measure period' of every column, in order. */
const columns = (t: BudgetTable) =>
  t.columns.map((c) => [c.role ?? '-', c.measure ?? '-', c.period ?? '-'].join(' '));

describe('决算公开 titles', () => {
  test.each([
    ['收入支出决算总表', 'revenue-expenditure'],
    ['收入决算表', 'revenue'],
    ['2025年度部门收入决算表', 'revenue'],
    ['支出决算表', 'expenditure'],
    ['财政拨款收入支出决算总表', 'fiscal-grant'],
    ['一般公共预算财政拨款支出决算表', 'general-budget'],
    ['一般公共预算财政拨款基本支出决算表', 'general-budget-basic'],
    ['一般公共预算财政拨款“三公”经费支出决算表', 'three-public'],
    ['政府性基金预算财政拨款收入支出决算表', 'gov-fund'],
    ['国有资本经营预算财政拨款支出决算表', 'state-capital'],
    ['公开05表 一般公共预算财政拨款支出决算表', 'general-budget'],
  ])('%s → %s, final', (title, kind) => {
    expect(classifyTitle(title)).toEqual({ kind, variant: 'final' });
  });

  test('预算 titles keep their kinds (苏州 all-fund pair, 福州 一般公共预算拨款)', () => {
    expect(classifyTitle('公开05表 财政拨款支出表（功能科目）')?.kind).toBe('fiscal-grant-expenditure');
    expect(classifyTitle('公开06表 财政拨款基本支出表（经济科目）')?.kind).toBe('fiscal-grant-basic');
    expect(classifyTitle('2026年度一般公共预算拨款支出预算表')).toEqual({
      kind: 'general-budget',
      variant: 'budget',
    });
    expect(classifyTitle('公开04表 财政拨款收支总表')).toEqual({ kind: 'fiscal-grant', variant: 'budget' });
  });
});

describe('periods of header words', () => {
  test('预算数 columns of a 决算 are budget, 决算数 current; a fund name is not a 预算数', () => {
    expect(periodOf('年初预算数', undefined, true)).toBe('budget');
    expect(periodOf('预算数', undefined, true)).toBe('budget');
    expect(periodOf('调整预算数', undefined, true)).toBe('budget');
    expect(periodOf('决算数', undefined, true)).toBe('current');
    expect(periodOf('2025年预算数', 2025, true)).toBe('budget');
    expect(periodOf('2025年决算数', 2025, true)).toBe('current');
    expect(periodOf('一般公共预算财政拨款', undefined, true)).toBeUndefined();
    expect(periodOf('政府性基金预算财政拨款', undefined, true)).toBeUndefined();
    expect(periodOf('2025年一般公共预算财政拨款', 2025, true)).toBe('current');
    // in a 预算 table nothing changes
    expect(periodOf('年初预算数', undefined, false)).toBeUndefined();
  });
});

describe('某市审计局 2025 决算 (final-accounts-2025.xlsx)', () => {
  test('every sheet holds one table of the right kind, variant final, 万元 from the 金额单位 line', () => {
    expect(skipped).toEqual([]);
    const kinds = Object.values(S).map((sheet) => [sheet, table(sheet).kind]);
    expect(kinds).toEqual([
      [S.t1, 'revenue-expenditure'],
      [S.t2, 'revenue'],
      [S.t3, 'expenditure'],
      [S.t4, 'fiscal-grant'],
      [S.t5, 'general-budget'],
      [S.t6, 'general-budget-basic'],
      [S.t7, 'three-public'],
      [S.t8, 'gov-fund'],
    ]);
    for (const t of tables) {
      expect({ sheet: t.sheet, variant: t.variant, unit: t.unit, from: t.unitFrom }).toEqual({
        sheet: t.sheet,
        variant: 'final',
        unit: '万元',
        from: 'line',
      });
      // the 公开NN表 line and the 部门 line are not header rows: the header starts on row 4
      expect({ sheet: t.sheet, top: t.headerRows.top }).toEqual({ sheet: t.sheet, top: 3 });
      expect(t.decimals).toBe(2);
    }
  });

  test('收入支出决算总表: two sides, 行次 columns neither label nor amount, 年初预算数 budget / 决算数 current', () => {
    const t = table(S.t1);
    expect(columns(t)).toEqual([
      'name - -',
      '- - -',
      'amount - budget',
      'amount - current',
      'name - -',
      '- - -',
      'amount - budget',
      'amount - current',
    ]);
    expect(t.sections?.map((s) => [s.side, s.labelCol, s.amountCols])).toEqual([
      ['income', 0, [2, 3]],
      ['expense', 4, [6, 7]],
    ]);
    expect(t.skippedRows).toEqual([5]); // the 栏次 row
    const at = (row: number, side: string) => t.rows.find((r) => r.row === row - 1 && r.side === side);
    expect(at(33, 'income')).toMatchObject({ name: '本年收入合计', role: 'year' });
    expect(at(34, 'income')).toMatchObject({ name: '使用非财政拨款结余', role: 'carry' });
    expect(at(35, 'income')).toMatchObject({ name: '年初结转和结余', role: 'carry', measure: 'carry' });
    expect(at(36, 'income')).toMatchObject({ name: '总计', role: 'grand' });
    expect(at(35, 'expense')).toMatchObject({ name: '年末结转和结余', role: 'carry' });
    expect(at(35, 'expense')?.measure).toBeUndefined();
    expect(at(36, 'expense')).toMatchObject({ name: '总计', role: 'grand' });
    // the 类 items are children of 本年支出合计
    const year = t.rows.findIndex((r) => r.side === 'expense' && r.role === 'year');
    expect(at(7, 'expense')).toMatchObject({ name: '一、一般公共服务支出', level: 'lei', parent: year });
    expect(at(7, 'income')).toMatchObject({ measure: 'gpb' });
    expect(at(14, 'income')).toMatchObject({ measure: 'other' });
  });

  test('财政拨款收入支出决算总表: fund columns are current; the fund rows under 年初结转和结余 are its parts', () => {
    const t = table(S.t4);
    expect(columns(t)).toEqual([
      'name - -',
      '- - -',
      'amount - current',
      'name - -',
      '- - -',
      'amount total current',
      'amount gpb current',
      'amount fund current',
      'amount soe current',
    ]);
    const carry = t.rows.findIndex((r) => r.side === 'income' && r.name === '年初财政拨款结转和结余');
    expect(t.rows[carry]).toMatchObject({ role: 'carry', measure: 'carry' });
    expect(t.rows[carry + 1]).toMatchObject({ name: '一般公共预算财政拨款', parent: carry, measure: 'gpb' });
  });

  test('收入决算表 / 支出决算表: split codes, sources and spending kinds, all 决算数', () => {
    expect(columns(table(S.t2)).slice(4)).toEqual([
      'amount total current',
      'amount fiscal current',
      'amount superior current',
      'amount business current',
      'amount operating current',
      'amount affiliated current',
      'amount other current',
    ]);
    const t3 = table(S.t3);
    expect(columns(t3).slice(4)).toEqual([
      'amount total current',
      'amount basic current',
      'amount project current',
      'amount handover current',
      'amount operating current',
      'amount affiliated current',
    ]);
    expect(t3.rows.slice(0, 4).map((r) => [r.code ?? r.name, r.level])).toEqual([
      ['合计', 'total'],
      ['201', 'lei'],
      ['20108', 'kuan'],
      ['2010801', 'xiang'],
    ]);
  });

  test('一般公共预算财政拨款支出决算表: 年初预算数 budget, 决算数 current, codes by 类 | 款 | 项', () => {
    const t = table(S.t5);
    expect(columns(t)).toEqual([
      'code - -',
      'code - -',
      'code - -',
      'name - -',
      'amount - budget',
      'amount - current',
    ]);
    expect(t.rows.filter((r) => r.level === 'lei').map((r) => r.code)).toEqual(['201', '208', '210', '221']);
  });

  test('三公: 预算数 and 决算数 groups, the same items under each, periods from the group', () => {
    const t = table(S.t7);
    const expected = ['total', 'abroad', 'car', 'car-purchase', 'car-running', 'reception'];
    expect(t.columns.map((c) => c.measure)).toEqual([...expected, ...expected]);
    expect(t.columns.map((c) => c.period)).toEqual([...Array(6).fill('budget'), ...Array(6).fill('current')]);
    expect(col(t, 2).path).toEqual(['预算数', '公务用车购置及运行费', '小计']);
    expect(t.rows).toHaveLength(1);
    expect(t.noteRows).toEqual([8]);
  });

  test('基本支出决算表 by 经济分类; the empty 政府性基金 table says why', () => {
    const t6 = table(S.t6);
    expect(columns(t6)).toEqual([
      'code - -',
      'name - -',
      'amount total current',
      'amount personnel current',
      'amount public current',
    ]);
    expect(t6.rows.filter((r) => r.level === 'lei').map((r) => r.code)).toEqual(['301', '302', '303', '310']);
    const t8 = table(S.t8);
    expect(t8.empty).toBe(true);
    expect(t8.emptyStatement).toContain('没有使用政府性基金预算财政拨款安排的支出');
    expect(columns(t8).slice(4)).toEqual([
      'amount carry current',
      'amount - current',
      'amount total current',
      'amount basic current',
      'amount project current',
      'amount - current',
    ]);
  });
});

describe('hand-made 决算 layouts', () => {
  const recognise = (values: CellValue[][], merges: string[] = []): BudgetTable => {
    const { tables: found } = recognizeBudgetTables({
      sheets: [sheetFromValues('表', values, merges.map(parseRange))],
    });
    expect(found).toHaveLength(1);
    return found[0];
  };

  test('a flat header: 年初预算数 is budget, the columns without a period word are the 决算数', () => {
    const t = recognise([
      ['支出决算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '年初预算数', '本年支出合计', '基本支出', '项目支出'],
      ['2010801', '行政运行', 80, 100, 100, null],
    ]);
    expect(t.variant).toBe('final');
    expect(columns(t)).toEqual([
      'code - -',
      'name - -',
      'amount - budget',
      'amount total current',
      'amount basic current',
      'amount project current',
    ]);
  });

  test('the same header in a 预算 table keeps no period (nothing changes for budgets)', () => {
    const t = recognise([
      ['一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['2010801', '行政运行', 100, 100, null],
    ]);
    expect(t.variant).toBe('budget');
    expect(t.columns.map((c) => c.period)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  test('a 公开NN表 line above the 部门 line is skipped; a 行次 column holding numbers is not an amount', () => {
    const t = recognise([
      ['收入支出决算总表'],
      [null, null, null, '公开01表'],
      ['部门：某局', null, null, '金额单位：万元'],
      ['项目', '行次', '决算数', null],
      ['本年收入合计', 1, 10, null],
      ['总计', 2, 10, null],
    ]);
    expect(t.kind).toBe('revenue-expenditure');
    expect(t.headerRows).toEqual({ top: 3, bottom: 3 });
    expect(columns(t)).toEqual(['name - -', '- - -', 'amount - current']);
    expect(t.rows.map((r) => [r.name, [...r.values.keys()]])).toEqual([
      ['本年收入合计', [2]],
      ['总计', [2]],
    ]);
  });
});
