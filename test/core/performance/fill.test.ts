import { readFileSync } from 'fs';
import { join } from 'path';
import { toA1 } from '../../../src/core/model/address';
import { CellValue, setCell, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { planFill } from '../../../src/core/performance/fill';
import { OLDER_PROVINCIAL_GRADE_BANDS, Settings } from '../../../src/core/settings';
import { readXlsx } from '../../../src/xlsx';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const load = (name: string) => readXlsx(new Uint8Array(readFileSync(join(FIXTURES, name))));
const writesOf = (plan: ReturnType<typeof planFill>) => plan.writes.map((w) => [toA1(w.row, w.col), w.value]);
const rules = (plan: ReturnType<typeof planFill>) =>
  plan.findings.map((f) => `${f.rule} ${f.locations[0]?.cell}`);

describe('seed 002: 晋中 2021 (provincial 评分表, every cell filled)', () => {
  const plan = planFill(load('jinzhong-2021-self-evaluation.xlsx'));
  const form = plan.forms[0];
  test('预算执行率 536.23 / 969.94 = 55.28…%, × 3 = 1.6585… → 1.66, as printed', () => {
    expect(form.executionRate).toBeCloseTo(536.23 / 969.94, 12);
    expect(form.executionScore).toBe(1.66);
  });
  test('section totals 18.66, 20, 29, 30 and 97.66 are confirmed', () => {
    // 投入 3 + 4 + 4 + 3 + 3 + 1.66 = 18.66; 过程 3 + 3 + 4 + 3 + 3 + 4 = 20; 产出 7 + 7 + 8 + 7 = 29;
    // 效果 5 + 5 + 0 + 10 + 10 = 30; 18.66 + 20 + 29 + 30 = 97.66
    expect(form.sections).toEqual([
      { name: '投入', score: 18.66 },
      { name: '过程', score: 20 },
      { name: '产出', score: 29 },
      { name: '效果', score: 30 },
    ]);
    expect(form.total).toBe(97.66);
  });
  test('等次 差 is reported as wrong: 97.66 ≥ 90 is 优 — and nothing else is', () => {
    expect(plan.findings).toHaveLength(1);
    expect(plan.findings[0]).toMatchObject({
      rule: 'performance/self-eval-grade-mismatch',
      level: 'error',
      expected: '优',
      actual: '差',
    });
    expect(plan.findings[0].locations[0].cell).toBe('E72');
  });
  test('nothing is written into a filled sheet', () => {
    expect(plan.writes).toEqual([]);
  });
  test('under the older 80/70/60 bands 97.66 is still 优', () => {
    const older = planFill(load('jinzhong-2021-self-evaluation.xlsx'), {
      scoring: { gradeBands: OLDER_PROVINCIAL_GRADE_BANDS } as Settings['scoring'],
    });
    expect(older.forms[0].grade).toBe('优');
  });
});

describe('national template, blank', () => {
  const wb = load('national-self-evaluation-blank.xlsx');
  const plan = planFill(wb);
  test('exactly the cells a person computes by hand (DOMAIN.md §5)', () => {
    expect(writesOf(plan)).toEqual([
      // 执行率 = 全年执行数 / 全年预算数 = 172.35 / 185.6 = 0.928609… → 92.86%
      ['I6', 0.9286],
      // 执行率得分 = 0.928609 × 10 = 9.286… → 9.29
      ['J6', 9.29],
      // 考试车辆 =24辆, 24辆: = with A > 0 is 正向, B ≥ A → 10
      ['H13', 10],
      // 每年接待考生数量 ≥1.8万次 = 18000次, 15300次: 15300 / 18000 × 10 = 8.5
      ['H14', 8.5],
      // 考试车辆故障维修率 =100%, 100% → 5
      ['H15', 5],
      // 驾驶证发放率 ≥98%, 96.5%: 96.5 / 98 × 5 = 4.9234… → 4.92
      ['H16', 4.92],
      // 考试车辆采购完成时间 ≤2021年10月, done 2021年9月 → 5
      ['H17', 5],
      // 故障车辆修复时限 ≤24小时, 30小时 (反向): (1 − (30 − 24) / 24) × 5 = 0.75 × 5 = 3.75
      ['H18', 3.75],
      // 考试车辆维修成本 ≤1.45万元/辆, 1.6万元/辆: (1 − 0.15 / 1.45) × 5 = 4.4827… → 4.48
      ['H19', 4.48],
      // 考试服务外包费用 ≤60万元, 582000元 = 58.2万元 ≤ 60 → 5
      ['H20', 5],
      // 考试车辆事故 =0起, 0 → 10
      ['H21', 10],
      // H22 群众办事便利程度 明显提升 / 有所提升: a person decides — left empty
      // 考场管理制度 健全 / 健全: stated outright → 10
      ['H23', 10],
      // 考生满意度 ≥95%, 97.2% → 10
      ['H24', 10],
      // 总分 (H25) and 自评等级 (G26) stay empty until H22 is scored
    ]);
    expect(plan.writes.find((w) => toA1(w.row, w.col) === 'I6')?.numFmt).toBe('0.00%');
    expect(plan.writes.filter((w) => toA1(w.row, w.col) !== 'I6').every((w) => w.numFmt === '0.00')).toBe(
      true,
    );
  });
  test('the qualitative indicator is left for a person; 总分/等次 wait; 驾驶证发放率 lacks its 偏差原因', () => {
    expect(rules(plan)).toEqual([
      'performance/self-eval-deviation-reason I16',
      'performance/self-eval-needs-person H22',
      'performance/self-eval-total-pending H25',
    ]);
    expect(plan.forms[0].pending).toBe(1);
    expect(plan.forms[0].total).toBeUndefined();
  });
  test('once a person scores H22, the next run writes 总分 and 等次 only', () => {
    const sheet = wb.sheets.find((s) => s.name === '项目支出绩效自评表')!;
    for (const w of plan.writes) setCell(sheet, w.row, w.col, { value: w.value, numFmt: w.numFmt });
    setCell(sheet, 21, 7, { value: 8 }); // H22: 部分达成 → 8 of 10
    const second = planFill(wb);
    // 9.29 + 10 + 8.5 + 5 + 4.92 + 5 + 3.75 + 4.48 + 5 + 10 + 8 + 10 + 10 = 93.94 → 优 (≥ 90)
    expect(writesOf(second)).toEqual([
      ['H25', 93.94],
      ['G26', '优'],
    ]);
    // a partial qualitative score needs its 偏差原因 too
    expect(rules(second)).toEqual([
      'performance/self-eval-deviation-reason I16',
      'performance/self-eval-deviation-reason I22',
    ]);
  });
});

describe('national template, filled with deliberate errors', () => {
  const plan = planFill(load('national-self-evaluation-filled.xlsx'));
  test('every planted error is reported, nothing is written', () => {
    expect(plan.writes).toEqual([]);
    expect(plan.findings.map((f) => [f.rule, f.level, f.locations[0].cell, f.expected, f.actual])).toEqual([
      // 95.00% written, 172.35 / 185.6 = 92.86%
      ['performance/self-eval-execution-rate', 'error', 'I6', 0.9286, 0.95],
      ['performance/self-eval-score-over-weight', 'error', 'H13', '≤10', 12],
      // 15300 / 18000 × 10 = 8.50, the sheet says 9
      ['performance/self-eval-score-mismatch', 'warning', 'H14', 8.5, 9],
      ['performance/self-eval-deviation-reason', 'warning', 'I16', '≥98%', '96.5%'],
      ['performance/self-eval-deviation-reason', 'warning', 'I22', '明显提升', '有所提升'],
      // 9.29 + 12 + 9 + 5 + 4.92 + 5 + 3.75 + 4.48 + 5 + 10 + 8 + 10 + 10 = 96.44
      ['performance/self-eval-total-mismatch', 'error', 'H25', 96.44, 95.5],
      ['performance/self-eval-grade-mismatch', 'error', 'G26', '优', '良'],
    ]);
  });
});

// ---- synthetic sheets ----

const HEAD: CellValue[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', null, '测试项目'],
  ['项目资金（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, null, '年度资金总额', 100, 100, 50, 10, null, null],
  [
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ],
];
function nationalBook(
  indicators: CellValue[][],
  tail: CellValue[][] = [
    ['总分', null, null, null, null, null, 100, null],
    ['自评等级', null, null, null, null, null, null],
  ],
): Workbook {
  return { sheets: [sheetFromValues('自评', [...HEAD, ...indicators, ...tail])] };
}

describe('synthetic national sheets', () => {
  test('all computable: 总分 and 等次 are written; 50 / 100 × 10 = 5', () => {
    const plan = planFill(
      nationalBook([
        [null, '产出指标', '数量指标', '培训人次', '≥100人次', '80人次', 50, null, '报名人数不足'],
        [null, '效益指标', '社会效益指标', '事故', '=0起', '0', 30, null, null],
        [null, '满意度指标', '满意度指标', '满意度', '≥90%', '95%', 10, null, null],
      ]),
    );
    // 执行率 50 / 100 = 50% → 5; 80 / 100 × 50 = 40; =0 met → 30; 95 ≥ 90 → 10; total 5 + 40 + 30 + 10 = 85 → 良
    expect(writesOf(plan)).toEqual([
      ['H4', 0.5],
      ['I4', 5],
      ['H6', 40],
      ['H7', 30],
      ['H8', 10],
      ['H9', 85],
      // no merge on the 自评等级 row here: the value belongs right of the label
      ['B10', '良'],
    ]);
    expect(plan.findings).toEqual([]);
  });
  test('older provincial bands (80/70/60): 85 → 优', () => {
    const plan = planFill(
      nationalBook([
        [null, '产出指标', '数量指标', '培训人次', '≥100人次', '80人次', 50, null, '报名人数不足'],
        [null, '效益指标', '社会效益指标', '事故', '=0起', '0', 30, null, null],
        [null, '满意度指标', '满意度指标', '满意度', '≥90%', '95%', 10, null, null],
      ]),
      { scoring: { gradeBands: OLDER_PROVINCIAL_GRADE_BANDS } as Settings['scoring'] },
    );
    expect(plan.writes[plan.writes.length - 1].value).toBe('优');
  });
  test('budget 0 → 执行率 left empty, score 0', () => {
    const wb = nationalBook([
      [null, '产出指标', '数量指标', '培训人次', '≥100人次', '100人次', 90, null, null],
    ]);
    setCell(wb.sheets[0], 3, 4, { value: 0 });
    const plan = planFill(wb);
    expect(writesOf(plan).slice(0, 2)).toEqual([
      ['I4', 0],
      ['H6', 90],
    ]);
  });
  test('a filled cell is never written: a formula in a score cell, a typed value, a space', () => {
    const wb = nationalBook([
      [null, '产出指标', '数量指标', 'A', '≥100人次', '100人次', 30, null, null],
      [null, '产出指标', '数量指标', 'B', '≥100人次', '100人次', 30, null, null],
      [null, '产出指标', '数量指标', 'C', '≥100人次', '100人次', 30, null, null],
    ]);
    const s = wb.sheets[0];
    setCell(s, 5, 7, { value: null, formula: 'G6', noCachedValue: true });
    setCell(s, 6, 7, { value: 30 });
    setCell(s, 7, 7, { value: ' ' });
    const plan = planFill(wb);
    expect(writesOf(plan).map((w) => w[0])).toEqual(['H4', 'I4']);
  });
  test('a score above its weight blocks 总分 and 等次', () => {
    const plan = planFill(
      nationalBook([
        [null, '产出指标', '数量指标', 'A', '≥100人次', '100人次', 45, 50, null],
        [null, '效益指标', '社会效益指标', 'B', '≥100人次', '100人次', 45, null, null],
      ]),
    );
    expect(writesOf(plan).map((w) => w[0])).toEqual(['H4', 'I4', 'H7']);
    expect(rules(plan)).toEqual([
      'performance/self-eval-score-over-weight H6',
      'performance/self-eval-total-pending H8',
    ]);
  });
  test('an execution rate printed one digit off is an info (尾差), not an error', () => {
    const wb = nationalBook([[null, '产出指标', '数量指标', 'A', '≥100人次', '100人次', 90, 90, null]]);
    setCell(wb.sheets[0], 3, 5, { value: 33.33 });
    setCell(wb.sheets[0], 3, 4, { value: 99.99 });
    // 33.33 / 99.99 = 0.333333… → 33.33%; the sheet says 33.34%
    setCell(wb.sheets[0], 3, 7, { value: 0.3334, numFmt: '0.00%' });
    const plan = planFill(wb);
    expect(plan.findings.map((f) => [f.rule, f.level])).toContainEqual([
      'performance/self-eval-execution-rate-rounding',
      'info',
    ]);
  });
  test('weights that do not add up to 100 and a 一级 whose stated points differ', () => {
    const plan = planFill(
      nationalBook([
        [null, '产出指标(50分)', '数量指标', 'A', '≥100人次', '100人次', 40, null, null],
        [null, '效益指标(40分)', '社会效益指标', 'B', '≥100人次', '100人次', 40, null, null],
      ]),
    );
    // 产出 states 50, its rows hold 40; 10 + 40 + 40 = 90 ≠ 100
    expect(
      plan.findings
        .filter((f) => f.rule === 'performance/self-eval-weights')
        .map((f) => [f.expected, f.actual]),
    ).toEqual([
      [50, 40],
      [100, 90],
    ]);
  });
});
