/**
 * The narrative's own arithmetic, no tables needed: changes with a stated previous amount, 持平 with two amounts,
 * written formulas, lists whose rounding allowance depends on how many terms carry the finest decimals.
 */
import { Finding } from '../../../src/core/model/findings';
import { sheetFromValues } from '../../../src/core/model/workbook';
import { review } from '../../helpers/review';
import { rules } from '../../../src/core/rules/narrative';

const run = (...paragraphs: string[]): Finding[] =>
  review(
    {
      sheets: [
        sheetFromValues(
          '说明',
          paragraphs.map((p) => [p]),
        ),
      ],
    },
    {},
    rules,
  ).findings;
const brief = (fs: Finding[]) =>
  fs.map((f) => `${f.level} ${f.rule} ${f.locations.map((l) => l.cell).join(' ')}`);

describe('narrative/change', () => {
  test('current, previous, change and rate that agree: 3200 − 3000 = 200, 200 / 3000 = 6.67%', () => {
    expect(run('2021 年项目支出 3200 万元，比上年的 3000 万元增加 200 万元，增长 6.67%。')).toEqual([]);
  });

  test('a change that does not match the two amounts is an error with both numbers', () => {
    const fs = run('2021 年项目支出 3200 万元，比上年的 3000 万元增加 250 万元。');
    expect(brief(fs)).toEqual(['error narrative/change A1']);
    expect([fs[0].expected, fs[0].actual]).toEqual([200, 250]);
  });

  test('a change the wrong way (减少 while the amount rose) is an error', () => {
    expect(brief(run('2021 年项目支出 3200 万元，比上年的 3000 万元减少 200 万元。'))).toEqual([
      'error narrative/change A1',
    ]);
  });

  test('a rate truncated (6.6667% → 6.66%) is info; 7.67% is an error', () => {
    expect(brief(run('2021 年项目支出 3200 万元，比上年增加 200 万元，增长 6.66%。'))).toEqual([
      'info narrative/change-rounding A1',
    ]);
    const fs = run('2021 年项目支出 3200 万元，比上年增加 200 万元，增长 7.67%。');
    expect(brief(fs)).toEqual(['error narrative/change A1']);
    expect([fs[0].expected, fs[0].actual]).toEqual(['6.67%', '7.67%']);
  });

  test('持平 with two different amounts is an error; with none stated there is nothing to check', () => {
    expect(brief(run('2021 年“三公”经费 60 万元，与上年的 65 万元持平。'))).toEqual([
      'error narrative/change A1',
    ]);
    expect(run('2021 年“三公”经费 60 万元，与上年的 60 万元持平。')).toEqual([]);
    expect(run('2021 年“三公”经费 60 万元，与上年持平。')).toEqual([]);
  });
});

describe('narrative/itemised-sum: formulas and rounding allowance', () => {
  test('2450*12*420=1234.80万元 holds (元 operands, 万元 result); 1243.80 does not', () => {
    expect(run('扣除财政定额承担部分（2450*12*420=1234.80万元），实际项目资金需求约为1097.02万元。')).toEqual(
      [],
    );
    const fs = run('扣除财政定额承担部分（2450*12*420=1243.80万元），实际项目资金需求约为1097.02万元。');
    expect(brief(fs)).toEqual(['error narrative/itemised-sum A1']);
    expect([fs[0].expected, fs[0].actual]).toEqual([1234.8, 1243.8]);
  });

  test('4807.57+430.56+261.91=5500万元: 0.04 is beyond what three 2-decimal terms can round to', () => {
    expect(brief(run('概算 4807.57+430.56+261.91=5500万元。'))).toEqual(['error narrative/itemised-sum A1']);
    expect(run('概算 4807.57+430.56+261.92=5500.05万元。')).toEqual([]);
  });

  test('0.01 off across two 2-decimal items is a rounding difference; in whole 万元 a difference is an error', () => {
    expect(brief(run('支出合计 100.01 万元，其中：基本支出 60.50 万元，项目支出 39.50 万元。'))).toEqual([
      'info narrative/itemised-sum-rounding A1',
    ]);
    expect(brief(run('支出合计 101 万元，其中：基本支出 62 万元，项目支出 39 万元。'))).toEqual([]);
    expect(brief(run('支出合计 101 万元，其中：基本支出 61 万元，项目支出 39 万元。'))).toEqual([
      'error narrative/itemised-sum A1',
    ]);
  });

  test('falling short: a bare 其中 is a warning, 主要用于 an info, a 合计 total an error; exceeding is always an error', () => {
    expect(brief(run('政府采购预算安排 50.4 万元，其中：货物 40.4 万元、工程 5 万元。'))).toEqual([
      'warning narrative/itemised-sum A1',
    ]);
    expect(
      brief(
        run('一般公共预算支出 3912.4 万元。主要用于：公共安全支出 3634.3 万元；住房保障支出 86.2 万元。'),
      ),
    ).toEqual(['info narrative/itemised-sum A1']);
    expect(
      brief(run('收入合计 4055.5 万元，其中：一般公共预算收入 3912.4 万元，部门结转 133.1 万元。')),
    ).toEqual(['error narrative/itemised-sum A1']);
    expect(brief(run('政府采购预算安排 50.4 万元，其中：货物 50.4 万元、工程 5 万元。'))).toEqual([
      'error narrative/itemised-sum A1',
    ]);
  });
});
