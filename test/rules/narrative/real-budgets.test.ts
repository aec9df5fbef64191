/**
 * The narrative rules on the twelve real 2026 workbooks. They hold no 预算说明, so the only thing to say is about
 * the 绩效目标表 forms against 项目支出: departments publish forms for some projects only (the README lists no such
 * defect), which is info, never an error. Numbers checked by hand against the sheets:
 *   烟台: 15 + 145 + 75 = 235 < 表5 项目支出 525.00
 *   福州: 25.89 + 202.17 + 1800 + 6200 + 11600 + 290 + 14.74 + 1.89 = 20134.69 — above 表5 19334.69, because the 1800
 *         菜篮子 form is a 政府性基金 project (表6 项目支出 1800): below 19334.69 + 1800 = 21134.69
 *   西安: 财政拨款 285.87 + 350 + 15 + 0 = 650.87 万元 = 表5 专项业务经费 6,508,680 元 at the forms' 0.01 万元 precision
 *   重庆: one list-layout form 8534.17 < 9399.23; 长沙: 35.78 + 10.22 + 102.8 + 138.11 = 286.91 < 417.41
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { review } from '../../../src/core/review';
import { readXlsx } from '../../../src/xlsx';

const REAL = join(__dirname, '..', '..', '..', '..', 'shared', 'real-budgets');
const FILES = [
  '上海-审计局-2026-单位预算.xlsx',
  '上海普陀-司法局-2026-单位预算.xlsx',
  '上海普陀-司法局-2026-预算.xlsx',
  '广州-信访局-2026-预算.xlsx',
  '杭州-气象局-2026-预算.xlsx',
  '深圳-审计局-2026-预算.xlsx',
  '烟台-信访局-2026-预算.xlsx',
  '福州-商务局-2026-预算.xlsx',
  '苏州-审计局-2026-预算.xlsx',
  '西安-审计局-2026-预算.xlsx',
  '重庆-人民政府办公厅-2026-预算.xlsx',
  '长沙-信访局-2026-预算.xlsx',
];

const EXPECTED: Record<string, [string, number, number][]> = {
  '烟台-信访局-2026-预算.xlsx': [['info narrative/project-forms-total 表5 一般公共预算支出表!I5', 525, 235]],
  '福州-商务局-2026-预算.xlsx': [
    // against 表5 + 表6 项目支出 (the 1800 fund project has a form)
    ['info narrative/project-forms-total 表5 一般公共预算支出表!E5', 21134.69, 20134.69],
  ],
  '重庆-人民政府办公厅-2026-预算.xlsx': [
    ['info narrative/project-forms-total 表5 一般公共预算支出表!H6', 9399.23, 8534.17],
  ],
  '长沙-信访局-2026-预算.xlsx': [
    ['info narrative/project-forms-total 表5 一般公共预算支出表!G6', 417.41, 286.91],
  ],
};

const available = existsSync(REAL);
(available ? describe : describe.skip)('narrative rules on the real 2026 workbooks', () => {
  test.each(FILES)('%s: no error, forms below 项目支出 are info', (file) => {
    const wb = readXlsx(new Uint8Array(readFileSync(join(REAL, file))));
    const all = review(wb).findings;
    // no narrative rule crashed
    expect(all.filter((f) => f.rule === 'engine/rule-failed' && f.message.en.includes('narrative/'))).toEqual(
      [],
    );
    const mine = all.filter((f) => f.rule.startsWith('narrative/'));
    expect(
      mine.map((f) => [
        `${f.level} ${f.rule} ${f.locations[0].sheet}!${f.locations[0].cell}`,
        f.expected,
        f.actual,
      ]),
    ).toEqual(EXPECTED[file] ?? []);
  });
});
