/**
 * The codes/* rules on the twelve real 2026 workbooks, through the whole pipeline (readXlsx → recognition → rules):
 * every printed code is read, no codes/* error, and exactly the warnings listed here — each checked by hand:
 * “其他” codes above 30% of their parent (DOMAIN.md §3 names them as a reviewer's warning).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseA1 } from '../../../src/core/model/address';
import { review } from '../../helpers/review';
import { rules } from '../../../src/core/rules/codes';
import { readCodes } from '../../../src/core/codes/read';
import { readXlsx } from '../../../src/xlsx';
import { DIR, FILES, printedPairs } from '../../core/catalog/printed';

const EXPECTED_WARNINGS: Record<string, string[]> = {
  '上海-审计局-2026-单位预算.xlsx': [],
  // 其他司法支出 38,454,900 of 司法 79,189,400.34 (48.6%); 其他商品和服务支出 34.9% of 302
  '上海普陀-司法局-2026-单位预算.xlsx': ['codes/other-share 2040699', 'codes/other-share 30299'],
  '上海普陀-司法局-2026-预算.xlsx': ['codes/other-share 2040699', 'codes/other-share 30299'],
  // 其他计划生育事务支出 is the whole of 计划生育事务 (3.97)
  '广州-信访局-2026-预算.xlsx': ['codes/other-share 2100799'],
  '杭州-气象局-2026-预算.xlsx': [], // names only, no codes
  '深圳-审计局-2026-预算.xlsx': [],
  // the 事业单位 block of 表6: 其他商品和服务支出 13.89 of 29.44
  '烟台-信访局-2026-预算.xlsx': ['codes/other-share 30299'],
  // 其他商业流通事务支出 / 其他涉外发展服务支出 are the whole of their 款; 30399 is 94% of 303
  '福州-商务局-2026-预算.xlsx': [
    'codes/other-share 2160299',
    'codes/other-share 2160699',
    'codes/other-share 30399',
  ],
  '苏州-审计局-2026-预算.xlsx': [],
  '西安-审计局-2026-预算.xlsx': [],
  '重庆-人民政府办公厅-2026-预算.xlsx': ['codes/other-share 2080599'], // 571.53 of 1,595.94 (35.8%)
  '长沙-信访局-2026-预算.xlsx': ['codes/other-share 30299'], // 59.94 of 171.78 (34.9%)
};

describe.each(FILES)('%s', (file) => {
  const wb = readXlsx(readFileSync(join(DIR, file)), file);
  const res = review(wb, {}, rules);

  test('every printed code is read by the code rules, on its sheet', () => {
    const read = new Set(readCodes(res.context).map((r) => `${r.sheet.name}|${r.code}`));
    const missing = printedPairs(wb, file)
      .map((p) => `${p.sheet}|${p.code}`)
      .filter((k) => !read.has(k));
    expect(missing).toEqual([]);
    expect(readCodes(res.context).filter((r) => r.problem)).toEqual([]);
  });

  test('no codes/* error; only the warnings checked by hand', () => {
    expect(res.findings.filter((f) => f.level === 'error')).toEqual([]);
    const warnings = res.findings
      .filter((f) => f.level === 'warning')
      .map((f) => `${f.rule} ${f.message.zh.match(/\d{3,7}/)?.[0]}`);
    expect(warnings.sort()).toEqual([...EXPECTED_WARNINGS[file]].sort());
    expect(res.findings.filter((f) => f.level === 'info')).toEqual([]);
  });
});

test('every workbook has an expectation', () => {
  expect(Object.keys(EXPECTED_WARNINGS).sort()).toEqual([...FILES].sort());
});

describe('one-cell changes in real workbooks, through recognition', () => {
  const load = (file: string) => readXlsx(readFileSync(join(DIR, file)), file);
  const set = (wb: ReturnType<typeof load>, sheet: string, a1: string, value: string) => {
    const s = wb.sheets.find((x) => x.name.startsWith(sheet))!;
    const { row, col } = parseA1(a1);
    s.rows[row][col] = { value };
  };
  const only = (wb: ReturnType<typeof load>) =>
    review(wb, {}, rules).findings.filter((f) => f.rule !== 'codes/other-share');

  test('西安 (joined): wrong name, unknown code, malformed code', () => {
    let wb = load('西安-审计局-2026-预算.xlsx');
    set(wb, '表5', 'B8', '审计业务费'); // 2010804 审计业务
    expect(only(wb).map((f) => [f.rule, f.locations[0].cell, f.expected, f.actual])).toEqual([
      ['codes/name', 'B8', '审计业务', '审计业务费'],
    ]);
    wb = load('西安-审计局-2026-预算.xlsx');
    set(wb, '表5', 'A8', '2010898');
    expect(only(wb).map((f) => [f.rule, f.level, f.locations[0].cell])).toEqual([
      ['codes/unknown', 'warning', 'A8'],
    ]);
    wb = load('西安-审计局-2026-预算.xlsx');
    set(wb, '表5', 'A8', '201084');
    expect(only(wb).map((f) => [f.rule, f.level, f.locations[0].cell])).toEqual([
      ['codes/format', 'error', 'A8'],
    ]);
  });

  test('上海 (split): a 款 code in the 类 column; a 项 in the wrong 款', () => {
    let wb = load('上海-审计局-2026-单位预算.xlsx');
    set(wb, '表3', 'A9', '20108'); // row 9: 201 | 08 | 02 一般行政管理事务
    expect(only(wb).map((f) => [f.rule, f.level, f.locations[0].cell])).toEqual([
      ['codes/hierarchy', 'error', 'A9'],
    ]);
    wb = load('上海-审计局-2026-单位预算.xlsx');
    set(wb, '表3', 'B19', '05'); // 208 08 01 死亡抚恤 → 2080501 under 20808
    set(wb, '表3', 'D19', '行政单位离退休');
    // the moved row now prints 2080501 行政单位离退休 a second time (row 14 has it): also a duplicate
    expect(only(wb).map((f) => [f.rule, f.locations.map((l) => l.cell)])).toEqual([
      ['codes/hierarchy', ['A19', 'B19', 'C19', 'A18', 'B18']],
      ['codes/duplicate', ['A19', 'B19', 'C19', 'A14', 'B14', 'C14']],
    ]);
  });

  test('广州 (code in the name cell): wrong name', () => {
    const wb = load('广州-信访局-2026-预算.xlsx');
    set(wb, '表5', 'A9', '[2014004]信访业务经费');
    expect(only(wb).map((f) => [f.rule, f.locations.map((l) => l.cell), f.expected])).toEqual([
      ['codes/name', ['A9'], '信访业务'],
    ]);
  });
});
