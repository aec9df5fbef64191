/**
 * Layouts the acceptance audit found misread (regressions): table numbers in Chinese numerals, merged 科目编码
 * headers over split code columns without 类/款/项 labels, tables with a missing or unusual title.
 */
import { parseRange } from '../../../src/core/model/address';
import { Finding } from '../../../src/core/model/findings';
import { CellValue, Sheet, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../helpers/review';
import { rules as budgetRules } from '../../../src/core/rules/budget';
import { rules as codeRules } from '../../../src/core/rules/codes';
import { classifyTitle } from '../../../src/core/tables/classify';
import { recognizeBudgetTables } from '../../../src/core/tables/recognize';

const sheet = (name: string, values: CellValue[][], merges: string[] = []): Sheet => {
  const s = sheetFromValues(name, values, merges.map(parseRange));
  for (const row of s.rows)
    for (const cell of row ?? []) if (cell && typeof cell.value === 'number') cell.numFmt = '#,##0.00';
  return s;
};
const run = (sheets: Sheet[]): Finding[] =>
  review({ sheets } as Workbook, {}, [...budgetRules, ...codeRules]).findings;
const errors = (fs: Finding[]) =>
  fs
    .filter((f) => f.level === 'error')
    .map((f) => `${f.rule} ${f.locations[0].sheet}!${f.locations[0].cell}`);

describe('table numbers before the title', () => {
  test.each([
    ['表五 一般公共预算支出表', 'general-budget'],
    ['表五一般公共预算支出表', 'general-budget'],
    ['表五 一般公共预算支出情况表', 'general-budget'],
    ['表十一 一般公共预算支出表', 'general-budget'],
    ['表六 一般公共预算基本支出表', 'general-budget-basic'],
    ['表八 三公经费支出表', 'three-public'],
    ['表八三公经费支出表', 'three-public'],
    ['附表3-1 部门收支总表', 'revenue-expenditure'],
    ['表3-1一般公共预算基本支出表', 'general-budget-basic'],
    ['表 3 支出总表', 'expenditure'],
    ['附件1 部门收入总表', 'revenue'],
    ['公开01表 收入支出决算总表', 'revenue-expenditure'],
    ['公开02表收入决算表', 'revenue'],
    ['2026年部门收支总表', 'revenue-expenditure'],
  ])('%s → %s', (title, kind) => {
    expect(classifyTitle(title)?.kind).toBe(kind);
  });

  test('表五/表六 in numerals: the tables are linked and a 基本支出 gap is an error (广州 renumbered)', () => {
    const t5 = sheet('Sheet1', [
      ['表五 一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', null, 30, 20, 10],
      ['201', '一般公共服务支出', 30, 20, 10],
      ['20101', '人大事务', 30, 20, 10],
      ['2010101', '行政运行', 20, 20, null],
      ['2010102', '一般行政管理事务', 10, null, 10],
    ]);
    const t6 = sheet('Sheet2', [
      ['表六 一般公共预算基本支出表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['合计', null, 30, 25, 5],
      ['301', '工资福利支出', 25, 25, null],
      ['30101', '基本工资', 25, 25, null],
      ['302', '商品和服务支出', 5, null, 5],
      ['30201', '办公费', 5, null, 5],
    ]);
    const { tables } = recognizeBudgetTables({ sheets: [t5, t6] } as Workbook);
    expect(tables.map((t) => t.kind)).toEqual(['general-budget', 'general-budget-basic']);
    expect(errors(run([t5, t6]))).toEqual(['budget/basic-links Sheet2!C4']);
  });
});

describe('a merged 科目编码 header over split code columns', () => {
  // 科目编码 merged over A:C (two header rows), no 类/款/项 row; 20103 prints 300 but its 项 add up to 310
  const body: CellValue[][] = [
    [null, null, null, '合计', 300, 200, 100],
    ['201', null, null, '一般公共服务支出', 300, 200, 100],
    ['201', '03', null, '政府办公厅（室）及相关机构事务', 300, 200, 100],
    ['201', '03', '01', '行政运行', 200, 200, 0],
    ['201', '03', '02', '一般行政管理事务', 110, 0, 110],
  ];
  const withLabels = sheet(
    '表5',
    [
      ['一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项', null, null, null, null],
      ...body,
    ],
    ['A1:G1', 'A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4'],
  );
  const noLabels = sheet(
    '表5',
    [
      ['一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
      [null, null, null, null, null, null, null],
      ...body,
    ],
    ['A1:G1', 'A3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4'],
  );

  test.each([
    ['with a 类/款/项 row', withLabels],
    ['without one (split read from the content)', noLabels],
  ])('%s: codes joined, only the planted 20103 gap is found', (_, s) => {
    const { tables } = recognizeBudgetTables({ sheets: [s] } as Workbook);
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.columns.slice(0, 3).map((c) => c.split)).toEqual(['lei', 'kuan', 'xiang']);
    expect(t.rows.map((r) => r.code)).toEqual([undefined, '201', '20103', '2010301', '2010302']);
    expect(t.rows.some((r) => r.govCode)).toBe(false);
    expect(errors(run([s]))).toEqual(['budget/hierarchy 表5!E7', 'budget/hierarchy 表5!G7']);
  });

  test('a joined code column beside a 2-digit column under another header is not split', () => {
    const s = sheet('表5', [
      ['一般公共预算支出表'],
      ['单位：万元'],
      ['科目编码', '序号', '科目名称', '合计'],
      ['201', '01', '一般公共服务支出', 10],
      ['20101', '02', '人大事务', 10],
    ]);
    const t = recognizeBudgetTables({ sheets: [s] } as Workbook).tables[0];
    expect(t.columns.some((c) => c.split)).toBe(false);
    expect(t.rows.map((r) => r.code)).toEqual(['201', '20101']);
  });
});

describe('tables whose title is missing or unusual are read, never dropped silently', () => {
  const header: CellValue[] = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
  // 20103 prints 300 but its 项 add up to 310; 2010301's 合计 210 ≠ 200 + 0
  const body: CellValue[][] = [
    [null, '合计', 300, 200, 100],
    ['201', '一般公共服务支出', 300, 200, 100],
    ['20103', '政府办公厅（室）及相关机构事务', 300, 200, 100],
    ['2010301', '行政运行', 210, 200, 0],
    ['2010302', '一般行政管理事务', 100, 0, 100],
  ];
  const read = (top: CellValue[][]) => {
    const s = sheet('Sheet1', [...top, header, ...body]);
    const { tables, skipped } = recognizeBudgetTables({ sheets: [s] } as Workbook);
    return { s, tables, skipped, top: top.length };
  };
  const planted = (top: number) => [
    `budget/hierarchy Sheet1!C${top + 4}`,
    `budget/column-sum Sheet1!C${top + 5}`,
  ];

  test.each([
    ['no title, a unit line', [['单位：元']], 'unknown-budget', '元', 'line'],
    ['no title, no unit line', [], 'unknown-budget', '万元', 'assumed'],
    ['title and unit in one cell', [['表5：一般公共预算支出表 单位：元']], 'general-budget', '元', 'title'],
    ['unit in brackets in the title', [['一般公共预算支出表（单位：元）']], 'general-budget', '元', 'title'],
    [
      'a -按功能科目 suffix',
      [['一般公共预算支出表-按功能科目'], ['单位：元']],
      'general-budget',
      '元',
      'line',
    ],
    [
      'a （按功能分类） suffix',
      [['一般公共预算支出表（按功能分类）'], ['单位：元']],
      'general-budget',
      '元',
      'line',
    ],
    ['a 明细表', [['部门支出预算明细表'], ['单位：元']], 'expenditure', '元', 'line'],
    [
      'a title spread over five cells',
      [['2026年', 'XX局', '一般公共预算', '支出表', '单位：元']],
      'general-budget',
      '元',
      'title',
    ],
  ] as [string, CellValue[][], string, string, string][])('%s', (_, top, kind, unit, from) => {
    const { s, tables, skipped } = read(top);
    expect(skipped).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(tables[0].kind).toBe(kind);
    expect(tables[0].unit).toBe(unit);
    expect(tables[0].unitFrom).toBe(from);
    expect(errors(run([s]))).toEqual(planted(top.length));
  });

  test('a table-like block that still cannot be read is listed in skipped with a bilingual reason', () => {
    const s = sheet('数据', [
      ['说明', '支出金额', '收入金额'],
      ['甲', 1, 2],
      ['乙', 3, 4],
      ['丙', 5, 6],
      ['合计', 9, 12],
    ]);
    const { tables, skipped } = recognizeBudgetTables({ sheets: [s] } as Workbook);
    expect(tables).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0].sheet).toBe('数据');
    expect(skipped[0].reason.zh).toMatch(/未能读取/);
    expect(skipped[0].reason.en).toMatch(/not read/);
  });
});
