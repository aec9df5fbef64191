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
import { sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../helpers/review';
import { rules } from '../../../src/core/rules/narrative';
import { readXlsx } from '../../../src/xlsx';
import { REAL_BUDGETS } from '../../helpers/data';

const REAL = REAL_BUDGETS;
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

/** A 预算说明 sheet appended to a real workbook, one paragraph per row. */
function withNarrative(file: string, paragraphs: string[]): Workbook {
  const wb = readXlsx(new Uint8Array(readFileSync(join(REAL, file))));
  wb.sheets.push(
    sheetFromValues(
      '预算说明',
      paragraphs.map((p) => [p]),
    ),
  );
  return wb;
}
const narrativeOnly = (wb: Workbook) =>
  review(wb, {}, rules).findings.map(
    (f) => `${f.level} ${f.rule} ${f.locations.map((l) => `${l.sheet}!${l.cell}`).join(' ')}`,
  );

(available ? describe : describe.skip)(
  'a written 说明 against real tables (the way real 说明 restate them)',
  () => {
    // 烟台 (万元): numbers read off the sheets — 收支总表 1717.85; 支出总表 基本 1192.85 / 项目 525.00;
    // 基本支出表 人员经费 1088.89 / 公用经费 103.96; 三公 (horizontal, 2025 and 2026 columns) 2026: 17 = 0 + 15 + 2;
    // 一般公共预算支出表 201 一般公共服务支出 1378.84, 221 住房保障支出 87.86. Shares: 1192.85 / 1717.85 = 69.4385%,
    // 525 / 1717.85 = 30.5615%.
    const YANTAI = [
      '一、收入支出预算总体情况说明',
      '烟台市信访局 2026 年收入总计 1717.85 万元，支出总计 1717.85 万元。',
      '二、支出预算总体情况说明',
      '2026 年支出合计 1717.85 万元，其中：基本支出 1192.85 万元，占 69.44%；项目支出 525 万元，占 30.56%。',
      '三、一般公共预算支出预算情况说明',
      '2026 年一般公共预算支出 1717.85 万元，主要用于：一般公共服务（类）支出 1378.84 万元；住房保障（类）支出 87.86 万元。',
      '一般公共预算基本支出 1192.85 万元，其中：人员经费 1088.89 万元，公用经费 103.96 万元。',
      '四、“三公”经费支出预算情况说明',
      '2026 年“三公”经费预算 17 万元，其中：因公出国（境）费 0 万元，公务用车购置及运行维护费 15 万元，公务接待费 2 万元。',
      '五、政府性基金预算支出情况说明',
      '2026 年政府性基金预算支出 0 万元。',
    ];
    const Y = '烟台-信访局-2026-预算.xlsx';

    test('烟台: every restated figure agrees; the 主要用于 list naming two 类 only is an info; the forms info', () => {
      expect(narrativeOnly(withNarrative(Y, YANTAI))).toEqual([
        // each form at its 年度资金总额 (the amount summed)
        'info narrative/project-forms-total 表5 一般公共预算支出表!I5 表10 项目支出绩效目标表!E5 表10 项目支出绩效目标表!E20 表10 项目支出绩效目标表!E41',
        'info narrative/itemised-sum 预算说明!A6',
      ]);
    });

    test.each([
      [
        '项目支出 525 万元',
        '项目支出 552 万元',
        [
          'error narrative/amount 预算说明!A4 表3 支出总表!G5',
          // 占 30.56% is right by the tables (525 / 1717.85): the share is not reported for the amount's typo
          'error narrative/itemised-sum 预算说明!A4',
        ],
      ],
      [
        '公务接待费 2 万元',
        '公务接待费 3 万元',
        ['error narrative/amount 预算说明!A9 表7 三公经费表!L6', 'error narrative/itemised-sum 预算说明!A9'],
      ],
      [
        '人员经费 1088.89',
        '人员经费 1088.98',
        [
          'error narrative/amount 预算说明!A7 表6 一般公共预算基本支出表!H5',
          'error narrative/itemised-sum 预算说明!A7',
        ],
      ],
      [
        '住房保障（类）支出 87.86',
        '住房保障（类）支出 78.86',
        ['error narrative/amount 预算说明!A6 表5 一般公共预算支出表!E26'],
      ],
      ['占 69.44%', '占 64.94%', ['error narrative/share 预算说明!A4 表3 支出总表!F5 表1 收支总表!D36']],
    ])('烟台: "%s" → "%s" is reported where it was written', (from, to, expected) => {
      const wb = withNarrative(
        Y,
        YANTAI.map((p) => p.replace(from, to)),
      );
      const known = ['project-forms-total', 'info narrative/itemised-sum 预算说明!A6'];
      expect(narrativeOnly(wb).filter((f) => !known.some((k) => f.includes(k)))).toEqual(expected);
    });

    test("烟台: the budget year is the tables' (2026), even where the text names 2025 more often", () => {
      const wb = withNarrative(Y, [
        '2025 年部门预算执行良好，2025 年各项支出按进度完成，2025 年结余较少。',
        '2026 年收入总计 1718.85 万元。',
      ]);
      expect(narrativeOnly(wb).filter((f) => f.includes('narrative/amount'))).toEqual([
        'error narrative/amount 预算说明!A2 表1 收支总表!B36',
      ]);
    });

    // 上海普陀 (元 tables, 三公 in 万元): 96,282,213.44 元 = 9628.22 万元; 基本支出 25,741,666.44 元 = 2574.17 万元;
    // 项目支出 70,540,547 元 = 7054.05 万元; 221 住房保障支出 4,521,559 元 = 452.16 万元; 三公 10.81 万元
    const PUTUO = [
      '2026 年收入总计 9628.22 万元，支出总计 9628.22 万元。',
      '2026 年支出预算 9628.22 万元，其中：基本支出 2574.17 万元，项目支出 7054.05 万元。',
      '2026 年“三公”经费预算 10.81 万元。',
      '一般公共预算支出中，住房保障（类）支出 452.16 万元。',
    ];
    const P = '上海普陀-司法局-2026-预算.xlsx';

    test('上海普陀: 万元 prose against 元 tables agrees after conversion', () => {
      expect(narrativeOnly(withNarrative(P, PUTUO))).toEqual([]);
    });

    test('上海普陀: 2574.16 (2574.1666 cut, not rounded) is info; 2574.27 is an error', () => {
      const cut = withNarrative(
        P,
        PUTUO.map((p) => p.replace('基本支出 2574.17', '基本支出 2574.16')),
      );
      expect(narrativeOnly(cut)).toEqual([
        'info narrative/amount-rounding 预算说明!A2 表3 支出总表!F27',
        'info narrative/itemised-sum-rounding 预算说明!A2',
      ]);
      const wrong = withNarrative(
        P,
        PUTUO.map((p) => p.replace('基本支出 2574.17', '基本支出 2574.27')),
      );
      expect(narrativeOnly(wrong)).toEqual([
        'error narrative/amount 预算说明!A2 表3 支出总表!F27',
        'error narrative/itemised-sum 预算说明!A2',
      ]);
    });
  },
);

(available ? describe : describe.skip)('year-on-year changes against the tables that print last year', () => {
  // 烟台 三公经费表: 2025 合计 22 (出国 0, 用车 20, 接待 2) → 2026 合计 17 (出国 0, 用车 15, 接待 2):
  // 17 − 22 = −5, 5 / 22 = 22.727% → 22.73%; 用车 15 − 20 = −5; 接待 2 = 2 (持平)
  const Y = '烟台-信访局-2026-预算.xlsx';
  const THREE = [
    '2026 年“三公”经费预算 17 万元，比 2025 年减少 5 万元，下降 22.73%。',
    '公务用车购置及运行维护费 15 万元，比上年减少 5 万元；公务接待费 2 万元，与上年持平。',
  ];
  const changeFindings = (paragraphs: string[]) =>
    narrativeOnly(withNarrative(Y, paragraphs)).filter((f) => f.includes('narrative/change'));

  test('烟台: changes and 持平 that agree with the 2025 and 2026 columns', () => {
    expect(changeFindings(THREE)).toEqual([]);
  });

  test('烟台: a change amount, a rate, a direction or a 持平 that the table contradicts', () => {
    expect(changeFindings(THREE.map((p) => p.replace('减少 5 万元，下降', '减少 6 万元，下降')))).toEqual([
      'error narrative/change 预算说明!A1 表7 三公经费表!G6 表7 三公经费表!A6',
    ]);
    expect(changeFindings(THREE.map((p) => p.replace('下降 22.73%', '下降 27.73%')))).toEqual([
      'error narrative/change 预算说明!A1 表7 三公经费表!G6 表7 三公经费表!A6',
    ]);
    // 5 / 22 = 22.7272…%: 22.72% is the truncation
    expect(changeFindings(THREE.map((p) => p.replace('下降 22.73%', '下降 22.72%')))).toEqual([
      'info narrative/change-rounding 预算说明!A1 表7 三公经费表!G6 表7 三公经费表!A6',
    ]);
    expect(changeFindings(THREE.map((p) => p.replace('比上年减少 5 万元', '比上年增加 5 万元')))).toEqual([
      'error narrative/change 预算说明!A2 表7 三公经费表!I6 表7 三公经费表!C6',
    ]);
    const wb = withNarrative(Y, THREE);
    const sheet = wb.sheets.find((s) => s.name === '表7 三公经费表')!;
    sheet.rows[5]![5] = { value: 3, numFmt: '0.00' }; // 2025 公务接待费 3 → 2026's 2 is no longer 持平
    expect(narrativeOnly(wb).filter((f) => f.includes('narrative/change'))).toEqual([
      'error narrative/change 预算说明!A2 表7 三公经费表!L6 表7 三公经费表!F6',
    ]);
  });

  test('重庆: 一般公共预算支出 against its 2025年预算数 column (15635.80 → 18417.70: +2781.90, 17.79%)', () => {
    const C = '重庆-人民政府办公厅-2026-预算.xlsx';
    const ok = ['2026 年一般公共预算支出 18417.70 万元，比 2025 年增加 2781.90 万元，增长 17.79%。'];
    expect(narrativeOnly(withNarrative(C, ok)).filter((f) => f.includes('narrative/change'))).toEqual([]);
    const wrong = ok.map((p) => p.replace('增加 2781.90 万元', '增加 2718.90 万元'));
    expect(narrativeOnly(withNarrative(C, wrong)).filter((f) => f.includes('narrative/change'))).toEqual([
      'error narrative/change 预算说明!A1 表5 一般公共预算支出表!D6 表5 一般公共预算支出表!C6',
    ]);
  });
});
