import {
  gradeFor,
  IndicatorScore,
  needsDeviationReason,
  scoreExecution,
  scoreIndicator,
  sumScores,
} from '../../../src/core/performance/scoring';
import {
  DEFAULT_SETTINGS,
  NATIONAL_GRADE_BANDS,
  OLDER_PROVINCIAL_GRADE_BANDS,
  ScoringSettings,
} from '../../../src/core/settings';

const S: ScoringSettings = DEFAULT_SETTINGS.scoring;
const RATIO: ScoringSettings = { ...S, reverseFormula: 'ratio' };

function score(
  target: string,
  actual: string,
  weight: number,
  settings = S,
  extra: { cost?: boolean; name?: string } = {},
) {
  const r = scoreIndicator({ target, actual, weight, ...extra }, settings);
  if (r.kind !== 'score') throw new Error(`${target} / ${actual}: ${r.reason} ${r.message.en}`);
  return r;
}
function personReason(target: string, actual: string, weight = 10): string {
  const r: IndicatorScore = scoreIndicator({ target, actual, weight }, S);
  if (r.kind !== 'person') throw new Error(`expected a person, got ${JSON.stringify(r)}`);
  return r.reason;
}

describe('预算执行率', () => {
  test('晋中: 536.23 / 969.94 × 3 = 1.6585… → 1.66', () => {
    const r = scoreExecution(969.94, 536.23, 3);
    expect(r.rate).toBeCloseTo(0.55285, 4);
    expect(r.score).toBe(1.66);
  });
  test('over-spending is capped at the weight: min(1200/1000, 1) × 10 = 10', () => {
    expect(scoreExecution(1000, 1200, 10).score).toBe(10);
  });
  test('budget 0 → 0, rate undefined', () => {
    const r = scoreExecution(0, 50, 10);
    expect(r.score).toBe(0);
    expect(r.rate).toBeUndefined();
  });
  test('negative spending counts as 0', () => {
    expect(scoreExecution(100, -5, 10).score).toBe(0);
  });
});

describe('正向 (≥ > = with A > 0)', () => {
  test('met → full weight, even when far above (no 12/10 × 5)', () => {
    expect(score('≥95%', '98%', 10).score).toBe(10);
    expect(score('≥10个', '12个', 5).score).toBe(5); // capped at the weight
    expect(score('>10次', '11次', 4).score).toBe(4);
    expect(score('=24辆', '24辆', 3).score).toBe(3);
  });
  test('short → B / A × w: 90 / 95 × 10 = 9.4736… → 9.47', () => {
    expect(score('≥95%', '90%', 10).score).toBe(9.47);
  });
  test('operator words: 不低于90% with 81% → 81/90 × 5 = 4.5', () => {
    expect(score('不低于90%', '81%', 5).score).toBe(4.5);
  });
  test('= with A > 0 is like 正向: =1套 with 0 → 0', () => {
    expect(score('=1套', '0', 8).score).toBe(0);
  });
  test('万次 vs 次: ≥1.8万次 with 15300次 → 15300 / 18000 × 6 = 5.1', () => {
    expect(score('≥1.8万次', '15300次', 6).score).toBe(5.1);
  });
  test('万元 vs 元: 8.48万元 with 84800元 is met', () => {
    expect(score('≥8.48万元', '84800元', 2).score).toBe(2);
  });
  test('a negative actual counts as 0: ≥10个 with −3个 → 0', () => {
    expect(score('≥10个', '-3个', 5).score).toBe(0);
  });
  test('rounding half-up without float drift: 1005 / 2000 × 2 = 1.005 → 1.01 (naive Math.round gives 1.00)', () => {
    expect(score('≥2000次', '1005次', 2).score).toBe(1.01);
  });
  test('rounding half-up on .xx5: 1 / 8 × 1 = 0.125 → 0.13', () => {
    expect(score('≥8个', '1个', 1).score).toBe(0.13);
  });
  test('a unit stated in the name applies to bare numbers (元/人/天)', () => {
    // ≥150 篇 vs 120 篇: 120/150 × 6 = 4.8
    expect(score('≥150', '120', 6, S, { name: '提交审计报告和信息（篇）' }).score).toBe(4.8);
  });
});

describe('反向 (≤ <, 成本, 时限)', () => {
  test('B ≤ A → w', () => {
    expect(score('≤24小时', '20小时', 10).score).toBe(10);
  });
  test('linear: ≤24小时 with 30小时 → (1 − (30 − 24)/24) × 10 = 0.75 × 10 = 7.5', () => {
    expect(score('≤24小时', '30小时', 10).score).toBe(7.5);
  });
  test('linear: B ≥ 2A → 0 (≤24小时 with 48小时 and with 60小时)', () => {
    expect(score('≤24小时', '48小时', 10).score).toBe(0);
    expect(score('≤24小时', '60小时', 10).score).toBe(0);
  });
  test('ratio variant: ≤24小时 with 30小时 → 24/30 × 10 = 8; with 60 → 24/60 × 10 = 4', () => {
    expect(score('≤24小时', '30小时', 10, RATIO).score).toBe(8);
    expect(score('≤24小时', '60小时', 10, RATIO).score).toBe(4);
  });
  test('compound with scale: ≤1.45万元/公里 with 15950元/公里 → (1 − (15.95 − 14.5)/14.5) × 8 = 0.9 × 8 = 7.2', () => {
    expect(score('≤1.45万元/公里', '15950元/公里', 8).score).toBe(7.2);
  });
  test('天 vs 小时: ≤3天 with 84小时 → A = 72 h, (1 − 12/72) × 6 = 5', () => {
    expect(score('≤3天', '84小时', 6).score).toBe(5);
  });
  test('a 成本 indicator without an operator is 反向: 450万 with 252万 → met; 40万 with 50万 → (1 − 10/40) × 4 = 3', () => {
    expect(score('450万', '252万', 7, S, { cost: true }).score).toBe(7);
    expect(score('40万', '50万', 4, S, { cost: true }).score).toBe(3);
  });
  test('不超过 is 反向: 不超过145万元 with 159.5万元 → (1 − 14.5/145) × 10 = 9', () => {
    expect(score('不超过145万元', '159.5万元', 10).score).toBe(9);
  });
});

describe('=0 target', () => {
  test('=0起 with 0 → w; with 0起 → w; with 1起 → 0', () => {
    expect(score('=0起', '0', 5).score).toBe(5);
    expect(score('=0起', '0起', 5).score).toBe(5);
    expect(score('=0起', '1起', 5).score).toBe(0);
  });
  test('≤0% with 0% → w; with 2% → 0', () => {
    expect(score('≤0%', '0%', 4).score).toBe(4);
    expect(score('≤0%', '2%', 4).score).toBe(0);
  });
});

describe('dates, periods and qualitative', () => {
  test('≤2025年10月 done in 2025年9月 → w', () => {
    expect(score('≤2025年10月', '2025年9月', 5).score).toBe(5);
  });
  test('10月底前 done 9月 → w', () => {
    expect(score('10月底前', '9月', 5).score).toBe(5);
  });
  test('a missed date is left for a person', () => {
    expect(personReason('≤2025年10月', '2025年12月')).toBe('date-missed');
  });
  test('1—12月 stated outright → w', () => {
    expect(score('1—12月', '1—12月', 5).score).toBe(5);
  });
  test('qualitative stated outright → w', () => {
    const r = score('满足驾驶员科目三考试需求', '满足驾驶员科目三考试需求', 8);
    expect(r.score).toBe(8);
    expect(r.method).toBe('stated-outright');
  });
  test('qualitative not stated outright → a person scores it', () => {
    expect(personReason('大幅提升', '能够有效提高')).toBe('qualitative');
    expect(personReason('达到行业标准，满足执法要求', '能够满足执法要求')).toBe('qualitative');
  });
  test('a number target with a text actual → a person', () => {
    expect(personReason('40万', '未支付')).toBe('qualitative');
  });
  test('incompatible units → a person', () => {
    expect(personReason('≥95%', '96辆')).toBe('incompatible-units');
    expect(personReason('1套', '1个')).toBe('incompatible-units');
    expect(personReason('≥1.8万次', '1.9万人次')).toBe('incompatible-units');
  });
  test('empty actual and missing weight', () => {
    expect(personReason('≥95%', '')).toBe('no-actual');
    const r = scoreIndicator({ target: '≥95%', actual: '96%', weight: undefined }, S);
    expect(r.kind === 'person' && r.reason).toBe('no-weight');
  });
});

describe('grades, sums and deviation', () => {
  test('national bands: ≥90 优, 80–<90 良, 60–<80 中, <60 差', () => {
    expect(gradeFor(97.66, NATIONAL_GRADE_BANDS)).toBe('优');
    expect(gradeFor(90, NATIONAL_GRADE_BANDS)).toBe('优');
    expect(gradeFor(89.99, NATIONAL_GRADE_BANDS)).toBe('良');
    expect(gradeFor(80, NATIONAL_GRADE_BANDS)).toBe('良');
    expect(gradeFor(79.99, NATIONAL_GRADE_BANDS)).toBe('中');
    expect(gradeFor(60, NATIONAL_GRADE_BANDS)).toBe('中');
    expect(gradeFor(59.99, NATIONAL_GRADE_BANDS)).toBe('差');
  });
  test('older provincial bands 80/70/60', () => {
    expect(gradeFor(80, OLDER_PROVINCIAL_GRADE_BANDS)).toBe('优');
    expect(gradeFor(75, OLDER_PROVINCIAL_GRADE_BANDS)).toBe('良');
    expect(gradeFor(65, OLDER_PROVINCIAL_GRADE_BANDS)).toBe('中');
    expect(gradeFor(59, OLDER_PROVINCIAL_GRADE_BANDS)).toBe('差');
  });
  test('sum of 2-decimal scores is exact: 18.66 + 20 + 29 + 30 = 97.66', () => {
    expect(sumScores([18.66, 20, 29, 30])).toBe(97.66);
    expect(sumScores([0.1, 0.2])).toBe(0.3);
  });
  test('deviation: 30 % above target or any shortfall needs a reason', () => {
    const over40 = score('≥100人', '140人', 5);
    const over20 = score('≥100人', '120人', 5);
    const over30 = score('≥100人', '130人', 5);
    const short = score('≥100人', '90人', 5);
    expect(needsDeviationReason(over40, S)).toBe(true);
    expect(needsDeviationReason(over30, S)).toBe(true);
    expect(needsDeviationReason(over20, S)).toBe(false);
    expect(needsDeviationReason(short, S)).toBe(true);
    // with the symmetric 30 % reading a 10 % shortfall needs none, a 40 % one does
    expect(needsDeviationReason(short, { ...S, deviationBelow: 0.3 })).toBe(false);
    expect(needsDeviationReason(score('≥100人', '60人', 5), { ...S, deviationBelow: 0.3 })).toBe(true);
    // 反向: 40 % under a cost ceiling is an over-achievement that needs a reason
    expect(needsDeviationReason(score('≤100万元', '60万元', 5), S)).toBe(true);
    expect(needsDeviationReason(score('=0起', '1起', 5), S)).toBe(true);
  });
});

describe('a bare number in the actual takes the target’s unit', () => {
  test('count: 24 against =24辆 is met', () => {
    const r = score('=24辆', '24', 10);
    expect(r.score).toBe(10);
    expect(r.achieved).toBe(true);
    expect(r.working).toContain('24辆');
  });
  test('count: 20 against ≥24辆 scores 20 ÷ 24', () => {
    expect(score('≥24辆', '20', 6).score).toBe(5);
  });
  test('money: 58.2 against ≤60万元 is met, 75 is over by a quarter', () => {
    expect(score('≤60万元', '58.2', 5).score).toBe(5);
    expect(score('≤60万元', '75', 4).score).toBe(3);
  });
  test('scaled unit: 1.53 against ≥1.8万次 reads 1.53万次; 15300 is ambiguous', () => {
    expect(score('≥1.8万次', '1.53', 10).score).toBe(8.5);
    expect(personReason('≥1.8万次', '15300')).toBe('incompatible-units');
  });
  test('time: 30 against ≤24小时 reads 30小时; 12 is met', () => {
    expect(score('≤24小时', '30', 5).score).toBe(3.75);
    expect(score('≤24小时', '12', 5).score).toBe(5);
  });
  test('percent: 96.5 against ≥98% reads 96.5 %', () => {
    const r = score('≥98%', '96.5', 5);
    expect(r.score).toBe(4.92);
    expect(r.working).toContain('96.5%');
    expect(score('=100%', '100', 5).score).toBe(5);
  });
  test('percent: a bare 0.965 could be 96.5 % or 0.965 %, so a person decides', () => {
    const r = scoreIndicator({ target: '≥98%', actual: '0.965', weight: 5 }, S);
    expect(r.kind).toBe('person');
    if (r.kind === 'person') {
      expect(r.reason).toBe('incompatible-units');
      expect(r.message.zh).toContain('96.5%');
      expect(r.message.zh).toContain('0.965%');
    }
  });
  test('percent: an Excel percent cell arrives as text with % and scores', () => {
    expect(score('≥98%', '96.5%', 5).score).toBe(4.92);
  });
  test('zero stays zero in any unit; a unit that differs still goes to a person', () => {
    expect(score('=0起', '0', 10).score).toBe(10);
    expect(personReason('=24辆', '24台')).toBe('incompatible-units');
  });
});
