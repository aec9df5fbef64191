import { readFileSync } from 'fs';
import { join } from 'path';
import { CellRange } from '../../../src/core/model/address';
import { Finding } from '../../../src/core/model/findings';
import { CellValue, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../helpers/review';
import { rules } from '../../../src/core/rules/performance';
import { Settings } from '../../../src/core/settings';
import { readXlsx } from '../../../src/xlsx';
import { REAL_BUDGETS } from '../../helpers/data';

const REAL = REAL_BUDGETS;
const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const load = (path: string) => readXlsx(new Uint8Array(readFileSync(path)));

function run(wb: Workbook, settings?: Partial<Settings>): Finding[] {
  return review(wb, settings, rules).findings;
}
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.locations.map((l) => l.cell).join(',')}`);

describe('findings on the real 2026 workbooks (each one checked against the published form)', () => {
  test('烟台: 时效 missing twice; 一次性化解率 and 按期办结率 filed as 满意度', () => {
    expect(brief(run(load(join(REAL, '烟台-信访局-2026-预算.xlsx'))))).toEqual([
      'performance/target-missing-category D18',
      'performance/indicator-wrong-level D37',
      'performance/target-missing-category D39',
      'performance/indicator-wrong-level D57',
    ]);
  });
  test('西安: bare numbers without a unit (≥18, 4, 265, 13, ≥5); weights add up to the stated 90', () => {
    const fs = run(load(join(REAL, '西安-审计局-2026-预算.xlsx')));
    expect(brief(fs)).toEqual([
      'performance/target-no-unit E18',
      'performance/target-no-unit E52',
      'performance/target-no-unit E53',
      'performance/target-no-unit E54',
      'performance/target-no-unit E77',
    ]);
    // '35' for 市内外勤经费标准（元/人/天） has its unit in the name: not flagged
    expect(fs.some((f) => f.locations[0].cell === 'E10')).toBe(false);
  });
  test('福州: three cost ceilings above the project amount; two forms without 社会效益', () => {
    const fs = run(load(join(REAL, '福州-商务局-2026-预算.xlsx')));
    expect(brief(fs)).toEqual([
      'performance/target-missing-category B20',
      'performance/target-cost-over-amount E43,D38',
      'performance/target-cost-over-amount E59,D54',
      'performance/target-cost-over-amount E76,D71',
      'performance/target-missing-category B121',
    ]);
    expect(fs[1].actual).toBe('=1849.5万元');
  });
  test('长沙: 按时 / 及时处理 as 时效 values; 无 / 不适用 rows are not flagged', () => {
    expect(brief(run(load(join(REAL, '长沙-信访局-2026-预算.xlsx'))))).toEqual([
      'performance/target-vague-timeliness H12',
      'performance/target-vague-timeliness H13',
      'performance/target-vague-timeliness H31',
    ]);
  });
  test('重庆: weights add up to 100; no 满意度 indicator is an info (configurable)', () => {
    const wb = load(join(REAL, '重庆-人民政府办公厅-2026-预算.xlsx'));
    const fs = run(wb);
    expect(fs.map((f) => [f.rule, f.level])).toEqual([['performance/target-missing-satisfaction', 'info']]);
    const asWarning = run(wb, { scoring: { satisfactionIndicator: 'warning' } as Settings['scoring'] });
    expect(asWarning.map((f) => f.level)).toEqual(['warning']);
    expect(run(wb, { scoring: { satisfactionIndicator: 'off' } as Settings['scoring'] })).toHaveLength(0);
  });
});

describe('seed 003 (济源, 16 forms)', () => {
  const fs = run(load(join(FIXTURES, 'jiyuan-2021-budget.xlsx')));
  const by = (rule: string) => fs.filter((f) => f.rule === rule);
  test('names repeated twice: 交通标志牌交通标志牌, 驾驶证发放驾驶证发放率, 设备维修责任机制健全性×2', () => {
    expect(by('performance/indicator-name-repeated').map((f) => f.actual)).toEqual([
      '交通标志牌交通标志牌',
      '驾驶证发放驾驶证发放率',
      '设备维修责任机制健全性设备维修责任机制健全性',
    ]);
  });
  test('满意度 filed under 影响力目标 in four forms', () => {
    expect(by('performance/indicator-wrong-level')).toHaveLength(4);
    expect(by('performance/indicator-wrong-level').every((f) => f.message.zh.includes('影响力目标'))).toBe(
      true,
    );
  });
  test('及时 as a 时效 value, ≥85 without %, and missing categories', () => {
    // 出警/工作完成/维护工作/工作完成/采购完成/采购完成/鉴定工作/支付/平台建设完成/支付资金/工作完成/工作完成/车辆违法告知 及时性
    expect(by('performance/target-vague-timeliness')).toHaveLength(13);
    expect(by('performance/target-no-unit').map((f) => f.actual)).toEqual(['≥85']);
    const missing = by('performance/target-missing-category').map((f) =>
      f.message.zh.replace(/^“.*”没有/, ''),
    );
    // 成本 left empty in 标志标线, 号牌, 驾考, 鉴定, 警务辅助, 欠款, 证皮证芯, 设备购置, 机房, 邮递 (10 of 16)
    expect(missing.filter((m) => m.startsWith('成本'))).toHaveLength(10);
    expect(missing.filter((m) => m.startsWith('质量'))).toHaveLength(1);
    expect(missing.filter((m) => m.startsWith('时效'))).toHaveLength(2);
    expect(missing.filter((m) => m.startsWith('社会效益'))).toHaveLength(2);
  });
  test('qualitative targets (健全, 完备, 可控, 提升) are not noise', () => {
    expect(
      fs.filter((f) => /^(健全|完备|可控|合规|提升|及时性)$/.test(f.actual?.toString() ?? '')),
    ).toHaveLength(0);
    // 13 及时 + 3 repeated names + 4 wrong level + 1 no unit + 15 missing categories + 1 info (no 满意度)
    expect(fs.length).toBe(37);
  });
});

// ---- synthetic forms for the rules the real forms do not trigger ----

function form(rows: CellValue[][], merges: CellRange[] = []): Workbook {
  return { sheets: [sheetFromValues('绩效目标表', rows, merges)] };
}
const HEAD: CellValue[][] = [
  ['项目支出绩效目标表', null, null, null, null],
  ['项目名称', '培训项目', null, null, null],
  ['项目总金额', 100, '项目本年度金额', 120, null],
  ['年度资金总额', 120, '其中：财政拨款', 130, null],
  ['其他资金', 0, null, null, null],
];

describe('synthetic 绩效目标表', () => {
  const rows: CellValue[][] = [
    ...HEAD,
    ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
    ['产出指标(60分)', '数量指标', '培训人次', '≥100人次', 20],
    [null, '质量指标', '考试合格率', '≤95%', 20],
    [null, '质量指标', '培训覆盖率', '≥120%', 10],
    [null, '时效指标', '完成时限', '10月底前', 5],
    [null, '成本指标', '人均成本', '≤800元', 10],
    ['效益指标', '社会效益指标', '事故发生率', '≥1%', 20],
    [null, '社会效益指标', '培训人次', '', 5],
    ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', 10],
  ];
  const fs = run(form(rows));
  const rule = (id: string) => fs.filter((f) => f.rule === id);

  test('本年度金额 120 > 项目总金额 100 (warning); 财政拨款 130 > 年度资金总额 120 (error)', () => {
    expect(rule('performance/target-year-over-total').map((f) => [f.level, f.locations[0].cell])).toEqual([
      ['warning', 'D3'],
    ]);
    expect(rule('performance/target-fiscal-over-total').map((f) => [f.level, f.locations[0].cell])).toEqual([
      ['error', 'D4'],
    ]);
  });
  test('资金总额 120 ≠ 130 + 0 is an error', () => {
    const f = rule('performance/target-amount-parts');
    expect(f.map((x) => [x.level, x.expected, x.actual])).toEqual([['error', 130, 120]]);
  });
  test('a pass rate with ≤ and an accident rate with ≥ contradict their indicators', () => {
    expect(rule('performance/target-operator-contradiction').map((f) => f.locations[0].cell)).toEqual([
      'D8',
      'D12',
    ]);
  });
  test('a coverage rate above 100%', () => {
    expect(rule('performance/target-rate-over-100').map((f) => f.actual)).toEqual(['≥120%']);
  });
  test('an empty 指标值 and a duplicate name', () => {
    expect(rule('performance/target-empty').map((f) => f.locations[0].cell)).toEqual(['D13']);
    expect(rule('performance/duplicate-indicator').map((f) => f.locations.map((l) => l.cell))).toEqual([
      ['C13', 'C7'],
    ]);
  });
  test('weights: 产出 states 60 but its rows add up to 65; all rows add up to 100', () => {
    // 产出: 20 + 20 + 10 + 5 + 10 = 65 ≠ 60; total 65 + 20 + 5 + 10 = 100
    const w = rule('performance/target-weights');
    expect(w.map((f) => [f.locations[0].cell, f.expected, f.actual])).toEqual([['A7', 60, 65]]);
  });
  test('nothing else: no noise on the well-formed rows', () => {
    expect(fs).toHaveLength(9);
  });
  test('a cost target above the project amount after unit conversion (万元 form, 元 target)', () => {
    const wb = form([
      ['项目名称', '维修', null, null],
      ['年度资金总额', 1.5, null, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['成本指标', '经济成本指标', '维修费', '≤16000元'],
      [null, '经济成本指标', '材料费', '≤15000元'],
    ]);
    // 16000 元 = 1.6 万元 > 1.5 万元; 15000 元 = 1.5 万元 is not above
    expect(
      run(wb)
        .filter((f) => f.rule === 'performance/target-cost-over-amount')
        .map((f) => f.actual),
    ).toEqual(['≤16000元']);
  });
});
