/**
 * Self-evaluation scoring (DOMAIN.md §5, 财预〔2020〕10号): 预算执行率, quantitative indicators (正向,
 * 反向 in two variants, =0), qualitative indicators stated outright, the cap at the weight, rounding half-up
 * to 2 decimals and the grade bands. Every variant is a ScoringSettings field.
 */
import { Message } from '../model/findings';
import { roundHalfUp } from '../model/numbers';
import { GradeBand, ScoringSettings } from '../settings';
import {
  DateValue,
  normalizeValueText,
  Operator,
  parseValue,
  ParsedValue,
  toBase,
  Unit,
  unitFromName,
  unitsCompatible,
} from './target';

/** How an indicator is scored. */
export type Direction = 'positive' | 'reverse' | 'zero-target';

export type ScoreMethod = Direction | 'stated-outright' | 'date' | 'period';

export type PersonReason =
  | 'qualitative'
  | 'incompatible-units'
  | 'no-actual'
  | 'no-target'
  | 'no-weight'
  | 'date-missed'
  | 'not-comparable';

export type IndicatorScore =
  | {
      kind: 'score';
      /** Rounded half-up to 2 decimals, never above the weight. */
      score: number;
      method: ScoreMethod;
      /** The target is met. */
      achieved: boolean;
      /**
       * Relative deviation from the target in the good direction: +0.4 = 40 % better than the target,
       * −0.2 = 20 % short of it. Undefined for dates, periods and text.
       */
      deviation?: number;
      /** The arithmetic, for messages: '252 ÷ 450 × 7 = 3.92'. */
      working: string;
    }
  | { kind: 'person'; reason: PersonReason; message: Message };

export interface IndicatorInput {
  target: string;
  actual: string;
  weight: number | undefined;
  /** Indicator name: a unit in brackets at its end ('（元/人/天）') applies to bare numbers. */
  name?: string;
  /** 成本 indicators without an operator are 反向 (lower is better). */
  cost?: boolean;
}

const fmt = (n: number) => String(roundHalfUp(n, 4));

function person(reason: PersonReason, zh: string, en: string): IndicatorScore {
  return { kind: 'person', reason, message: { zh, en } };
}

function finish(
  raw: number,
  weight: number,
  method: ScoreMethod,
  achieved: boolean,
  working: string,
  deviation?: number,
): IndicatorScore {
  const capped = Math.max(0, Math.min(raw, weight));
  const score = roundHalfUp(capped, 2);
  return {
    kind: 'score',
    score,
    method,
    achieved,
    deviation,
    working: working.includes('→') ? working : `${working} = ${fmt(score)}`,
  };
}

/** The direction an operator (and the cost flag) implies. */
export function directionOf(operator: Operator | undefined, targetValue: number, cost = false): Direction {
  if (operator === '≤' || operator === '<') return targetValue === 0 ? 'zero-target' : 'reverse';
  if ((operator === '=' || operator === '≈' || operator === undefined) && targetValue === 0)
    return 'zero-target';
  if (operator === undefined && cost) return 'reverse';
  return 'positive';
}

function withNameUnit(v: ParsedValue, nameUnit: Unit | null): ParsedValue {
  if (v.kind === 'number' && !v.unit && nameUnit && v.value !== 0) return { ...v, unit: nameUnit };
  return v;
}

type NumberValue = Extract<ParsedValue, { kind: 'number' }>;

/** A unit written with a magnitude ('万次', '万元', '亿元'): a bare number may be meant in the base unit. */
const MAGNITUDE_PREFIX = /^(?:百万|千万|十万|万亿|万|亿)/;

/**
 * A bare number in the actual (`24`, typed as a plain cell value) is read in the target's unit (`=24辆` →
 * 24辆). For a percent target it is read as percent points when it is above 1 (`96.5` against `≥98%` →
 * 96.5%); a bare value in (0, 1] could be a fraction (0.965 = 96.5%) or percent points (0.965%), so a
 * person decides — Excel's own percent cells carry a '%' format and arrive as '96.5%'. A bare number
 * read in a scaled unit that lands 1000× or more above the target (`15300` against `≥1.8万次`) was
 * probably written in the base unit, so a person decides that too.
 */
function adoptTargetUnit(
  actual: NumberValue,
  target: NumberValue,
): { kind: 'ok'; value: NumberValue } | { kind: 'ambiguous'; result: IndicatorScore } {
  const unit = target.unit;
  if (actual.unit || !unit || actual.value === 0) return { kind: 'ok', value: actual };
  const a = actual.text.trim();
  const t = target.text.trim();
  if (unit.family === 'percent' && unit.base === '%' && unit.factor === 1) {
    if (Math.abs(actual.value) > 1) return { kind: 'ok', value: { ...actual, unit } };
    return {
      kind: 'ambiguous',
      result: person(
        'incompatible-units',
        `实际完成值“${a}”未写单位，可读作 ${fmt(actual.value * 100)}% 或 ${fmt(actual.value)}%，无法与指标值“${t}”比较；请写明“%”，或需人工评分`,
        `the actual "${a}" has no unit and could mean ${fmt(actual.value * 100)} % or ${fmt(actual.value)} %; it cannot be compared with the target "${t}" — write the "%" or a person must score it`,
      ),
    };
  }
  if (MAGNITUDE_PREFIX.test(unit.text) && target.value > 0 && actual.value >= target.value * 1000) {
    return {
      kind: 'ambiguous',
      result: person(
        'incompatible-units',
        `实际完成值“${a}”未写单位，按指标值“${t}”的单位读作 ${a}${unit.text}，与指标相差千倍以上，可能按基本单位填写；请写明单位，或需人工评分`,
        `the actual "${a}" has no unit; read in the unit of the target "${t}" it is ${a} ${unit.text}, over 1000× the target, so it may be in the base unit — write the unit or a person must score it`,
      ),
    };
  }
  return { kind: 'ok', value: { ...actual, unit } };
}

function dateKey(d: DateValue, useYear: boolean): number {
  return (useYear ? (d.year ?? 0) : 0) * 10000 + (d.month ?? 12) * 100 + (d.day ?? (d.end ? 31 : 31));
}

/**
 * Score one indicator. Returns a score only when the rules of §5 decide it; anything a person must judge
 * (qualitative text that does not state the target outright, units that cannot be compared, a missed date)
 * comes back as `person` with the reason.
 */
export function scoreIndicator(input: IndicatorInput, settings: ScoringSettings): IndicatorScore {
  const w = input.weight;
  if (w === undefined || !Number.isFinite(w))
    return person('no-weight', '分值为空，无法计算得分', 'no weight (分值), cannot score');
  const targetText = input.target.trim();
  const actualText = input.actual.trim();
  if (targetText === '')
    return person('no-target', '年度指标值为空，需人工评分', 'the target is empty; a person must score it');
  if (actualText === '')
    return person('no-actual', '实际完成值为空，需先填写', 'the actual value is empty; fill it in first');
  const nameUnit = input.name ? unitFromName(input.name) : null;
  const target = withNameUnit(parseValue(targetText), nameUnit);
  let actual = withNameUnit(parseValue(actualText), nameUnit);

  // the actual states the target outright → 达成, full weight
  if (normalizeValueText(targetText) === normalizeValueText(actualText)) {
    const method: ScoreMethod =
      target.kind === 'number'
        ? directionOf(target.operator, target.value, input.cost)
        : target.kind === 'date'
          ? 'date'
          : target.kind === 'period'
            ? 'period'
            : 'stated-outright';
    return finish(
      w,
      w,
      method,
      true,
      `实际完成值与指标值一致 → ${fmt(w)}`,
      target.kind === 'number' ? 0 : undefined,
    );
  }

  if (target.kind === 'number') {
    if (actual.kind !== 'number') {
      return person(
        'qualitative',
        `实际完成值“${actualText}”不是数值，无法与指标值“${targetText}”比较，需人工评分`,
        `the actual "${actualText}" is not a number comparable with the target "${targetText}"; a person must score it`,
      );
    }
    const bare = adoptTargetUnit(actual, target);
    if (bare.kind === 'ambiguous') return bare.result;
    actual = bare.value;
    const zeroActual = actual.value === 0 && !actual.unit;
    const zeroTarget = target.value === 0 && !target.unit;
    if (!zeroActual && !zeroTarget && !unitsCompatible(target.unit, actual.unit)) {
      return person(
        'incompatible-units',
        `指标值“${targetText}”与实际完成值“${actualText}”的单位不一致，无法自动换算，需人工评分`,
        `the units of the target "${targetText}" and the actual "${actualText}" cannot be converted; a person must score it`,
      );
    }
    const A = zeroTarget ? 0 : toBase(target.value, target.unit);
    const rawB = zeroActual ? 0 : toBase(actual.value, actual.unit);
    const B = Math.max(0, rawB); // a negative actual counts as 0
    // workings are shown in the target's own unit (1.6万元/辆, not 16000)
    const scale = target.unit && !zeroTarget ? target.unit.factor : 1;
    const fmtU = (n: number) => `${fmt(n / scale)}${zeroTarget ? '' : (target.unit?.text ?? '')}`;
    const dir = directionOf(target.operator, A, input.cost);
    if (A < 0)
      return person(
        'not-comparable',
        '指标值为负数，需人工评分',
        'the target is negative; a person must score it',
      );
    const op = target.operator ?? (dir === 'reverse' ? '≤' : '=');
    switch (dir) {
      case 'zero-target': {
        const ok = B <= 0;
        return finish(ok ? w : 0, w, dir, ok, `指标值 ${op}0，实际 ${fmtU(B)} → ${ok ? '达成' : '未达成'}`);
      }
      case 'positive': {
        if (A === 0) return finish(w, w, dir, true, `指标值 ≥0 → ${fmt(w)}`);
        const met = target.operator === '>' ? B > A : B >= A;
        const dev = (B - A) / A;
        if (met || B >= A)
          return finish(w, w, dir, true, `实际 ${fmtU(B)} ≥ 指标 ${fmtU(A)} → ${fmt(w)}`, dev);
        return finish((B * w) / A, w, dir, false, `${fmtU(B)} ÷ ${fmtU(A)} × ${fmt(w)}`, dev);
      }
      case 'reverse': {
        const dev = (A - B) / A;
        if (B <= A) return finish(w, w, dir, true, `实际 ${fmtU(B)} ≤ 指标 ${fmtU(A)} → ${fmt(w)}`, dev);
        if (settings.reverseFormula === 'ratio')
          return finish((A * w) / B, w, dir, false, `${fmtU(A)} ÷ ${fmtU(B)} × ${fmt(w)}`, dev);
        if (B >= 2 * A) return finish(0, w, dir, false, `实际 ${fmtU(B)} ≥ 2 × 指标 ${fmtU(A)} → 0`, dev);
        return finish(
          ((2 * A - B) * w) / A,
          w,
          dir,
          false,
          `(1 − (${fmtU(B)} − ${fmtU(A)}) ÷ ${fmtU(A)}) × ${fmt(w)}`,
          dev,
        );
      }
    }
  }

  if (target.kind === 'date' && actual.kind === 'date') {
    const useYear = target.date.year !== undefined && actual.date.year !== undefined;
    if (!useYear && target.date.year !== actual.date.year && target.date.year !== undefined) {
      return person(
        'not-comparable',
        '日期无法比较，需人工评分',
        'the dates cannot be compared; a person must score it',
      );
    }
    const t = dateKey(target.date, useYear);
    const a = dateKey(actual.date, useYear);
    const op = target.operator ?? '≤';
    const ok = op === '≥' || op === '>' ? a >= t : a <= t;
    if (ok) return finish(w, w, 'date', true, `${actualText} 不晚于 ${targetText} → ${fmt(w)}`);
    return person(
      'date-missed',
      `实际完成时间“${actualText}”晚于指标值“${targetText}”，扣分幅度需人工判断`,
      `completed "${actualText}", later than the target "${targetText}"; a person decides the deduction`,
    );
  }

  if (target.kind === 'period' && actual.kind === 'period') {
    const same =
      (target.from.month ?? 1) === (actual.from.month ?? 1) &&
      (target.to.month ?? 12) === (actual.to.month ?? 12) &&
      (target.to.year === undefined || actual.to.year === undefined || target.to.year === actual.to.year);
    if (same) return finish(w, w, 'period', true, `${actualText} = ${targetText} → ${fmt(w)}`);
  }

  return person(
    'qualitative',
    `定性指标：实际完成值“${actualText}”未直接表明达成指标值“${targetText}”，需人工评分（达成 80%–100%，部分达成 60%–80%，未达成 0–60%）`,
    `qualitative indicator: the actual "${actualText}" does not state the target "${targetText}" outright; a person must score it (met 80–100 %, partly 60–80 %, not met 0–60 %)`,
  );
}

export interface ExecutionScore {
  /** 全年执行数 / 全年预算数 (unrounded), undefined when the budget is 0. */
  rate?: number;
  score: number;
  working: string;
}

/** 预算执行率 and its score: min(rate, 1) × weight; budget 0 → 0; negative spending counts as 0. */
export function scoreExecution(budget: number, spent: number, weight: number): ExecutionScore {
  const s = Math.max(0, spent);
  if (!(budget > 0)) return { score: 0, working: '全年预算数为 0 → 0' };
  const rate = s / budget;
  const raw = rate >= 1 ? weight : (s * weight) / budget;
  const score = roundHalfUp(Math.min(raw, weight), 2);
  return { rate, score, working: `${fmt(s)} ÷ ${fmt(budget)} × ${fmt(weight)} = ${fmt(score)}` };
}

/** The grade of a total under the bands (highest band first or not). */
export function gradeFor(total: number, bands: GradeBand[]): string {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  for (const b of sorted) if (total >= b.min - 1e-9) return b.grade;
  return sorted[sorted.length - 1]?.grade ?? '';
}

/** Σ of 2-decimal scores, exact. */
export function sumScores(scores: number[]): number {
  let s = 0;
  for (const x of scores) s += Math.round(x * 100);
  return s / 100;
}

/** Does a deviation need a written 偏差原因 (DOMAIN.md §5)? */
export function needsDeviationReason(result: IndicatorScore, settings: ScoringSettings): boolean {
  if (result.kind !== 'score') return false;
  if (result.method === 'zero-target') return !result.achieved;
  if (result.deviation === undefined) return !result.achieved;
  const below = settings.deviationBelow ?? 0;
  if (result.deviation < 0) return -result.deviation >= below - 1e-12 && -result.deviation > 0;
  return result.deviation >= settings.deviationThreshold - 1e-12;
}
