/**
 * Each pattern of budget text the grammar reads, written against real tables (烟台 2026, 济源 2021 fixture), in a
 * clean version (silent) and a wrong one (reported at its cell, with both numbers). Numbers read off the sheets:
 *   烟台 表7 三公 (万元), 2025 → 2026: 合计 22 → 17, 用车 20 → 15 (购置 0 → 0, 运行维护 20 → 15), 接待 2 → 2
 *   烟台 表5 一般公共预算支出表 项目支出: 合计 525 = 201 一般公共服务支出 524 + 205 教育支出 1 (201 in total: 1378.84)
 *   济源 表1: 收入总计 4055.5 = 一般公共预算收入 3912.4 + 部门结转 143.1
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Finding } from '../../../src/core/model/findings';
import { sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../../src/core/review';
import { rules } from '../../../src/core/rules/narrative';
import { readXlsx } from '../../../src/xlsx';
import { REAL_BUDGETS } from '../../helpers/data';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function withText(path: string, paragraphs: string[]): Workbook {
  const wb = readXlsx(new Uint8Array(readFileSync(path)));
  wb.sheets.push(
    sheetFromValues(
      '预算说明',
      paragraphs.map((p) => [p]),
    ),
  );
  return wb;
}
const yantai = (paragraphs: string[]) =>
  withText(join(REAL_BUDGETS, '烟台-信访局-2026-预算.xlsx'), paragraphs);
const jiyuan = (paragraphs: string[]) =>
  withText(join(FIXTURES, 'jiyuan-2021-budget-clean.xlsx'), paragraphs);

/** Narrative findings about the 预算说明 sheet (the forms-total info of the workbook is left out). */
const found = (wb: Workbook): Finding[] =>
  review(wb, {}, rules).findings.filter((f) => f.locations[0]?.sheet === '预算说明');
const brief = (fs: Finding[]) =>
  fs.map((f) => [
    `${f.level} ${f.rule} ${f.locations.map((l) => `${l.sheet}!${l.cell}`).join(' ')}`,
    f.expected,
    f.actual,
  ]);

/** 烟台 三公 with 用车 32 (购置 0 + 运行 32) and 合计 34 in the 2026 columns. */
function yantaiCar32(paragraphs: string[]): Workbook {
  const wb = yantai(paragraphs);
  const sheet = wb.sheets.find((s) => s.name === '表7 三公经费表')!;
  sheet.rows[5]![6] = { value: 34, numFmt: '0.00' };
  sheet.rows[5]![8] = { value: 32, numFmt: '0.00' };
  sheet.rows[5]![10] = { value: 32, numFmt: '0.00' };
  return wb;
}

describe('a bracketed breakdown belongs to the total before it', () => {
  const CAR = ['公务用车购置及运行费32.00万元（公务用车购置费0万元，公务用车运行费32.00万元）。'];
  test('clean: 32.00 = 0 + 32.00 and the table agrees — silent', () => {
    expect(brief(found(yantaiCar32(CAR)))).toEqual([]);
  });
  test('wrong: 公务用车运行费 30.00 is reported at its cell against 运行维护费, and the bracket does not add up', () => {
    const fs = found(yantaiCar32(CAR.map((p) => p.replace('公务用车运行费32.00', '公务用车运行费30.00'))));
    expect(brief(fs)).toEqual([
      ['error narrative/amount 预算说明!A1 表7 三公经费表!K6', 32, 30],
      ['error narrative/itemised-sum 预算说明!A1', 32, 30],
    ]);
    expect(fs[0].message.zh).toContain('“公务用车运行费30.00万元”');
  });
  test('a change after the bracket is the total’s (比上年减少 5 for 用车 20 → 15); 减少 6 is an error there', () => {
    const text = [
      '公务用车购置及运行维护费15万元（公务用车购置费0万元，比上年增加0万元；公务用车运行维护费15万元，比上年减少5万元。）比上年减少5万元，下降25%。',
    ];
    expect(brief(found(yantai(text)))).toEqual([]);
    const fs = found(yantai(text.map((p) => p.replace('）比上年减少5万元', '）比上年减少6万元'))));
    expect(brief(fs)).toEqual([
      ['error narrative/change 预算说明!A1 表7 三公经费表!I6 表7 三公经费表!C6', -5, -6],
    ]);
    expect(fs[0].message.zh).toContain('“公务用车购置及运行维护费15万元');
  });
});

describe('changes, not levels; signed sums', () => {
  const NET = ['2026 年支出预算比上年减少 10 万元，其中：基本支出增加 5 万元，项目支出减少 15 万元。'];
  test('clean: −10 = +5 − 15, and no change is compared with a level', () => {
    expect(brief(found(yantai(NET)))).toEqual([]);
  });
  test('wrong: 项目支出减少 5 gives 0, not −10', () => {
    const fs = found(yantai(NET.map((p) => p.replace('项目支出减少 15', '项目支出减少 5'))));
    expect(brief(fs)).toEqual([['warning narrative/itemised-sum 预算说明!A1', -10, 0]]);
  });
  test('a change against the printed 2025 column: agreeing silent, contradicting sign an error', () => {
    const ok = ['2026 年“三公”经费预算 17 万元，比 2025 年减少 5 万元。'];
    expect(brief(found(yantai(ok)))).toEqual([]);
    const fs = found(yantai(ok.map((p) => p.replace('减少 5', '增加 5'))));
    expect(brief(fs)).toEqual([
      ['error narrative/change 预算说明!A1 表7 三公经费表!G6 表7 三公经费表!A6', -5, 5],
    ]);
  });
  test('持平 against the printed 2025 column (接待 2 → 2); with 2025 changed to 3 it is an error', () => {
    const text = ['2026 年一般公共预算公务接待费 2 万元，与上年持平。'];
    expect(brief(found(yantai(text)))).toEqual([]);
    const wb = yantai(text);
    wb.sheets.find((s) => s.name === '表7 三公经费表')!.rows[5]![5] = { value: 3, numFmt: '0.00' };
    expect(brief(found(wb))).toEqual([
      ['error narrative/change 预算说明!A1 表7 三公经费表!L6 表7 三公经费表!F6', 3, 2],
    ]);
  });
  test('a change where no table prints last year (基本支出增加 75.19) is not compared at all', () => {
    expect(brief(found(yantai(['基本支出增加 999 万元，项目支出减少 1 万元。'])))).toEqual([]);
  });
});

describe('paragraph context and subjects', () => {
  const PROJECT = [
    '（二）项目支出',
    '2026 年项目支出 525 万元，其中：一般公共服务支出 524 万元，教育支出 1 万元。',
  ];
  test('under （二）项目支出 a 类 is its 项目支出 part: clean silent', () => {
    expect(brief(found(yantai(PROJECT)))).toEqual([]);
  });
  test('wrong: the 类 total (1378.84) where the 项目支出 part (524) is meant', () => {
    const fs = found(
      yantai(PROJECT.map((p) => p.replace('一般公共服务支出 524', '一般公共服务支出 1378.84'))),
    );
    expect(brief(fs).map((b) => b[0])).toEqual([
      expect.stringMatching(/^error narrative\/amount 预算说明!A2 表\d .*![A-Z]+\d+$/),
      'error narrative/itemised-sum 预算说明!A2',
    ]);
    expect([fs[0].expected, fs[0].actual]).toEqual([524, 1378.84]);
  });
  test('收入 stated including 上年结转 is the total that includes it (济源: 3912.4 + 143.1 = 4055.5)', () => {
    const text = ['2021 年收入预算 4055.5 万元，包括本年收入 3912.4 万元、上年结转 143.1 万元。'];
    expect(brief(found(jiyuan(text)))).toEqual([]);
    const fs = found(jiyuan(text.map((p) => p.replace('收入预算 4055.5', '收入预算 3912.4'))));
    expect(brief(fs)).toEqual([
      ['error narrative/amount 预算说明!A1 表1!C33', 4055.5, 3912.4],
      ['error narrative/itemised-sum 预算说明!A1', 3912.4, 4055.5],
    ]);
  });
  test('subjects no table carries are not checkable: 机关运行经费, 委托业务费, 国有资产 — silent whatever the figure', () => {
    const text = [
      '2026 年本部门机关运行经费安排 9999 万元，比上年减少 3.46 万元。',
      '2026 年本部门一般公共预算安排委托业务费 478.2 万元。',
      '截至 2025 年 12 月 31 日，本部门固定资产金额 2,995.16 万元。',
    ];
    expect(brief(found(yantai(text)))).toEqual([]);
  });
});

describe('the year of the text fits the year of the tables', () => {
  test('a 2026 budget compared with 上年 / 2025: silent; with 2026 itself: a warning at that cell', () => {
    const ok = ['2026 年收入预算 1717.85 万元，比 2025 年预算减少 49.81 万元。'];
    expect(brief(found(yantai(ok)))).toEqual([]);
    const fs = found(yantai(ok.map((p) => p.replace('比 2025 年', '比 2026 年'))));
    expect(brief(fs)).toEqual([['warning narrative/year 预算说明!A1', '2025', '2026']]);
    expect(fs[0].message.zh).toContain('“2026 年收入预算 1717.85 万元，比 2026 年预算减少 49.81 万元”');
  });
});

describe('final accounts (决算) compare the year with its own budget', () => {
  test('"比2025年预算增加" in a 2025 决算 is no year warning', () => {
    const text = [
      '2025 年度一般公共预算财政拨款收入决算 3859.42 万元，比 2025 年年初预算增加 129.12 万元，增长 3.46%。',
    ];
    const fs = found(withText(join(FIXTURES, 'final-accounts-2025.xlsx'), text));
    expect(fs.filter((f) => f.rule === 'narrative/year')).toEqual([]);
  });
});
