/**
 * Scores a 绩效自评表 (DOMAIN.md §5) and plans the cells to fill: 执行率, each computable 得分, sub-totals,
 * 总分 and 等次 — only into the sheet's own EMPTY cells. A filled cell is never written; where it disagrees
 * with the computation it is reported. Qualitative indicators that do not state the target outright are left
 * for a person, and then 总分 and 等次 stay empty too.
 */
import { toA1 } from '../model/address';
import { CellWrite } from '../model/edits';
import { CellRef, Finding, Level, Message } from '../model/findings';
import { formatDecimals, parseNumber, roundHalfUp, toScaled } from '../model/numbers';
import { getCell, Workbook } from '../model/workbook';
import { Settings, withSettings } from '../settings';
import { FILL_FINDINGS } from './fill-findings';
import { recognizePerformanceForms } from './recognize';
import { applyLevels } from '../levels';
import { gradeFor, needsDeviationReason, scoreExecution, scoreIndicator, sumScores } from './scoring';
import { CellPos, SelfEvaluationForm } from './types';

export const SCORE_FORMAT = '0.00';
export const RATE_FORMAT = '0.00%';

/** What the planner computed for one form (for reports and the summary sheet). */
export interface FormScores {
  sheet: string;
  projectName: string;
  layout: SelfEvaluationForm['layout'];
  /** 全年执行数 / 全年预算数, unrounded; undefined when it cannot be computed or the budget is 0. */
  executionRate?: number;
  executionScore?: number;
  indicators: { row: number; name: string; score?: number; byPerson: boolean; working?: string }[];
  sections: { name: string; score?: number }[];
  /** Σ of the scores when every one is known (the sheet's own where filled). */
  total?: number;
  grade?: string;
  /** Scores a person must give before 总分 and 等次 can be filled. */
  pending: number;
}

/** A finding of the evaluation: 'check' findings are about filled cells (review and fill), 'fill' ones only matter when filling. */
export interface EvaluationFinding extends Finding {
  phase: 'check' | 'fill';
}

export interface Evaluation {
  writes: CellWrite[];
  /** What each write is, same order as `writes` ('执行率', '“考试车辆”得分'…). */
  labels: Message[];
  findings: EvaluationFinding[];
  scores: FormScores;
}

export interface FillPlan {
  writes: CellWrite[];
  /** What each write is, same order as `writes`. */
  labels: Message[];
  findings: Finding[];
  forms: FormScores[];
}

const cents = (n: number) => Math.round(n * 100);
const fmt2 = (n: number) => roundHalfUp(n, 2).toFixed(2);

function gradeKey(g: string): string {
  const s = g.replace(/[\s\u3000]+/g, '');
  const m = /^(优|良|中|差|合格|不合格|较差|一般)/.exec(s);
  return m ? m[1] : s;
}

export function evaluateSelfEvaluation(
  form: SelfEvaluationForm,
  workbook: Workbook,
  settings: Settings,
): Evaluation {
  const sheet = workbook.sheets.find((s) => s.name === form.sheet);
  const writes: CellWrite[] = [];
  const labels: Message[] = [];
  const findings: EvaluationFinding[] = [];
  const label = form.projectName || form.sheet;
  const ref = (p: CellPos | undefined): CellRef[] =>
    p ? [{ sheet: form.sheet, cell: toA1(p.row, p.col) }] : [];
  const isEmpty = (p: CellPos | undefined): boolean => {
    if (!p || !sheet) return false;
    const c = getCell(sheet, p.row, p.col);
    return !c || (!c.formula && (c.value === null || c.value === ''));
  };
  const planned = new Set<string>();
  const write = (p: CellPos, value: number | string, numFmt: string | undefined, zh: string, en: string) => {
    const key = `${p.row}:${p.col}`;
    if (planned.has(key)) return;
    planned.add(key);
    writes.push({ sheet: form.sheet, row: p.row, col: p.col, value, numFmt });
    labels.push({ zh, en });
  };
  const add = (
    phase: EvaluationFinding['phase'],
    rule: string,
    level: Level,
    locations: CellRef[],
    zh: string,
    en: string,
    extra: Partial<Finding> = {},
  ) => findings.push({ phase, rule, level, message: { zh, en }, locations, ...extra });

  const scores: FormScores = {
    sheet: form.sheet,
    projectName: form.projectName,
    layout: form.layout,
    indicators: [],
    sections: [],
    pending: 0,
  };
  let blocked = false; // a part is wrong (score above its weight): no total is written over it

  /** Check a filled score against its weight and the computed one; returns the value to add up. */
  const checkFilled = (
    what: string,
    whatEn: string,
    stated: number,
    weight: number | undefined,
    cell: CellPos | undefined,
    computed?: number,
    working?: string,
  ): number => {
    if (weight !== undefined && cents(stated) > cents(weight)) {
      blocked = true;
      add(
        'check',
        'performance/self-eval-score-over-weight',
        'error',
        ref(cell),
        `“${label}”${what}的得分 ${stated} 超过分值 ${weight}`,
        `"${label}": the score of ${whatEn} (${stated}) exceeds its weight ${weight}`,
        { expected: `≤${weight}`, actual: stated },
      );
    } else if (computed !== undefined && cents(computed) !== cents(stated)) {
      add(
        'check',
        'performance/self-eval-score-mismatch',
        'warning',
        ref(cell),
        `“${label}”${what}的得分 ${stated} 与按评分规则计算的 ${fmt2(computed)} 不符（${working ?? ''}）`,
        `"${label}": the score of ${whatEn} is ${stated}, the scoring rules give ${fmt2(computed)} (${working ?? ''})`,
        { expected: computed, actual: stated },
      );
    }
    return stated;
  };

  // ---- 预算执行率 ----
  let executionPart: number | undefined;
  const execWeight =
    form.executionWeight ?? (form.layout === 'national' ? settings.scoring.weights.execution : undefined);
  const hasExecution = form.executionScoreCell !== undefined || form.executionRateCell !== undefined;
  if (hasExecution) {
    if (form.budget === undefined || form.spent === undefined) {
      add(
        'fill',
        FILL_FINDINGS.needsPerson.id,
        FILL_FINDINGS.needsPerson.level,
        ref(form.budgetCell ?? form.executionScoreCell),
        `“${label}”全年预算数或全年执行数为空，无法计算预算执行率`,
        `"${label}": the budget or the amount spent is empty; the execution rate cannot be computed`,
      );
      if (form.executionScore !== undefined) executionPart = form.executionScore;
      else scores.pending++;
    } else {
      const ex = scoreExecution(form.budget, form.spent, execWeight ?? 0);
      scores.executionRate = ex.rate;
      scores.executionScore = execWeight !== undefined ? ex.score : undefined;
      // 执行率
      const rc = form.executionRateCell;
      if (rc && ex.rate !== undefined) {
        if (isEmpty(rc)) write(rc, roundHalfUp(ex.rate, 4), RATE_FORMAT, '预算执行率', 'execution rate');
        else if (form.executionRate !== undefined) {
          const c = sheet ? getCell(sheet, rc.row, rc.col) : undefined;
          const d =
            typeof c?.value === 'number'
              ? (formatDecimals(c.numFmt) ?? 4)
              : (parseNumber(form.executionRateText ?? '')?.decimals ?? 4);
          const diff = Math.abs(toScaled(form.executionRate, d) - toScaled(ex.rate, d));
          if (diff > 1 || (diff === 1 && d >= 2)) {
            const expected = roundHalfUp(ex.rate, d);
            if (diff > 1)
              add(
                'check',
                'performance/self-eval-execution-rate',
                'error',
                [...ref(rc), ...ref(form.spentCells?.[0]), ...ref(form.budgetCell)],
                `“${label}”执行率 ${form.executionRateText} ≠ 全年执行数 ${form.spent} ÷ 全年预算数 ${form.budget} = ${(ex.rate * 100).toFixed(2)}%`,
                `"${label}": execution rate ${form.executionRateText} ≠ ${form.spent} ÷ ${form.budget} = ${(ex.rate * 100).toFixed(2)}%`,
                { expected, actual: form.executionRate },
              );
            else
              add(
                'check',
                'performance/self-eval-execution-rate-rounding',
                'info',
                ref(rc),
                `“${label}”执行率 ${form.executionRateText} 与 ${(ex.rate * 100).toFixed(4)}% 相差末位 1（尾差）`,
                `"${label}": execution rate ${form.executionRateText} differs from ${(ex.rate * 100).toFixed(4)}% in the last digit (rounding)`,
                { expected, actual: form.executionRate },
              );
          }
        }
      }
      // 执行率得分
      const sc = form.executionScoreCell;
      if (sc && execWeight !== undefined) {
        if (isEmpty(sc)) {
          write(
            sc,
            ex.score,
            SCORE_FORMAT,
            `预算执行率得分（${ex.working}）`,
            `execution-rate score (${ex.working})`,
          );
          executionPart = ex.score;
        } else if (form.executionScore !== undefined) {
          executionPart = checkFilled(
            '预算执行率',
            'the execution rate',
            form.executionScore,
            execWeight,
            sc,
            ex.score,
            ex.working,
          );
        } else {
          executionPart = ex.score;
        }
      } else if (sc) {
        executionPart = form.executionScore;
      }
    }
  }

  // ---- indicators (national) ----
  const indicatorParts: number[] = [];
  if (form.layout === 'national') {
    for (const ind of form.indicators) {
      if (ind.notApplicable || !ind.scoreCell) continue;
      const result = scoreIndicator(
        { target: ind.target, actual: ind.actual, weight: ind.weight, name: ind.name, cost: ind.cost },
        settings.scoring,
      );
      const filled = !isEmpty(ind.scoreCell);
      const computed = result.kind === 'score' ? result.score : undefined;
      let part: number | undefined;
      if (!filled) {
        if (computed !== undefined) {
          write(
            ind.scoreCell,
            computed,
            SCORE_FORMAT,
            `“${ind.name}”得分（${result.kind === 'score' ? result.working : ''}）`,
            `score of "${ind.name}" (${result.kind === 'score' ? result.working : ''})`,
          );
          part = computed;
        } else if (result.kind === 'person') {
          scores.pending++;
          add(
            'fill',
            FILL_FINDINGS.needsPerson.id,
            FILL_FINDINGS.needsPerson.level,
            [...ref(ind.scoreCell), ...ref(ind.actualCell)],
            `“${ind.name}”：${result.message.zh}`,
            `"${ind.name}": ${result.message.en}`,
            { expected: ind.target, actual: ind.actual },
          );
        }
      } else if (ind.score !== undefined) {
        part = checkFilled(
          `指标“${ind.name}”`,
          `"${ind.name}"`,
          ind.score,
          ind.weight,
          ind.scoreCell,
          computed,
          result.kind === 'score' ? result.working : undefined,
        );
      } else {
        scores.pending++;
        add(
          'check',
          'performance/self-eval-score-not-number',
          'warning',
          ref(ind.scoreCell),
          `“${ind.name}”的得分“${ind.scoreText}”不是数字`,
          `the score of "${ind.name}" ("${ind.scoreText}") is not a number`,
        );
      }
      if (part !== undefined) indicatorParts.push(part);
      scores.indicators.push({
        row: ind.row,
        name: ind.name,
        score: part,
        byPerson: result.kind === 'person',
        working: result.kind === 'score' ? result.working : undefined,
      });
      // 偏差原因
      const needsReason =
        (result.kind === 'score' && needsDeviationReason(result, settings.scoring)) ||
        (result.kind === 'person' &&
          part !== undefined &&
          ind.weight !== undefined &&
          cents(part) < cents(ind.weight));
      if (needsReason && ind.reasonCell && !ind.reason) {
        add(
          'check',
          'performance/self-eval-deviation-reason',
          'warning',
          [...ref(ind.reasonCell), ...ref(ind.actualCell)],
          `“${ind.name}”实际完成值“${ind.actual}”偏离年度指标值“${ind.target}”，偏差原因分析及改进措施不能为空`,
          `"${ind.name}": the actual "${ind.actual}" deviates from the target "${ind.target}"; the deviation reason is empty`,
          { expected: ind.target, actual: ind.actual },
        );
      }
    }
    // weights
    const weights = form.indicators.filter((i) => !i.notApplicable && i.weight !== undefined);
    if (weights.length) {
      for (const p of form.level1Points) {
        const sum =
          weights.filter((i) => i.level1 === p.level1).reduce((s, i) => s + cents(i.weight as number), 0) /
          100;
        if (cents(sum) !== cents(p.points))
          add(
            'check',
            'performance/self-eval-weights',
            'warning',
            ref(p.cell),
            `“${p.level1}”标明 ${p.points} 分，其下指标分值合计 ${sum}`,
            `"${p.level1}" states ${p.points} points, its indicators' weights add up to ${sum}`,
            { expected: p.points, actual: sum },
          );
      }
      const all = (weights.reduce((s, i) => s + cents(i.weight as number), 0) + cents(execWeight ?? 0)) / 100;
      const expected = form.totalWeight ?? 100;
      if (cents(all) !== cents(expected))
        add(
          'check',
          'performance/self-eval-weights',
          'warning',
          ref(form.totalWeightCell ?? weights[0].weightCell),
          `“${label}”各项分值合计 ${all}（含预算执行率 ${execWeight ?? 0}），应为 ${expected}`,
          `"${label}": the weights add up to ${all} (execution rate ${execWeight ?? 0} included), expected ${expected}`,
          { expected, actual: all },
        );
    }
  }

  // ---- 评分表 sections (provincial) ----
  const sectionParts: number[] = [];
  let sectionsComplete = form.sections.length > 0;
  for (const s of form.sections) {
    const parts: number[] = [];
    let complete = true;
    for (const item of s.items) {
      let part: number | undefined;
      if (item.execution && executionPart !== undefined && item.scoreCell === form.executionScoreCell)
        part = executionPart;
      else if (item.score !== undefined)
        part = checkFilled(`“${item.name}”`, `"${item.name}"`, item.score, item.weight, item.scoreCell);
      else if (item.scoreCell && isEmpty(item.scoreCell)) {
        scores.pending++;
        add(
          'fill',
          FILL_FINDINGS.needsPerson.id,
          FILL_FINDINGS.needsPerson.level,
          ref(item.scoreCell),
          `“${item.name}”的评价得分需要人工评定`,
          `"${item.name}" must be scored by a person`,
        );
      }
      if (part === undefined) complete = false;
      else parts.push(part);
    }
    const weightSum = s.items.reduce((a, i) => a + cents(i.weight ?? 0), 0) / 100;
    if (s.weight !== undefined && s.items.length && cents(weightSum) !== cents(s.weight))
      add(
        'check',
        'performance/self-eval-weights',
        'warning',
        ref(s.weightCell),
        `“${s.name}”分值 ${s.weight} ≠ 其下指标分值合计 ${weightSum}`,
        `"${s.name}": weight ${s.weight} ≠ the sum of its items' weights ${weightSum}`,
        { expected: weightSum, actual: s.weight },
      );
    let sectionScore: number | undefined;
    if (complete && s.items.length) {
      const sum = sumScores(parts);
      if (s.scoreCell && isEmpty(s.scoreCell)) {
        if (!blocked) write(s.scoreCell, sum, SCORE_FORMAT, `${s.name}小计`, `${s.name} sub-total`);
        sectionScore = sum;
      } else if (s.score !== undefined) {
        if (cents(sum) !== cents(s.score))
          add(
            'check',
            'performance/self-eval-subtotal-mismatch',
            'error',
            ref(s.scoreCell),
            `“${label}”${s.name}小计 ${s.score} ≠ 其下得分合计 ${fmt2(sum)}`,
            `"${label}": the ${s.name} sub-total ${s.score} ≠ the sum of its scores ${fmt2(sum)}`,
            { expected: sum, actual: s.score },
          );
        sectionScore = s.score;
      } else sectionScore = sum;
    } else if (s.score !== undefined) sectionScore = s.score;
    scores.sections.push({ name: s.name, score: sectionScore });
    if (sectionScore === undefined) sectionsComplete = false;
    else sectionParts.push(sectionScore);
  }
  if (form.sections.length) {
    const weightSum = form.sections.reduce((a, s) => a + cents(s.weight ?? 0), 0) / 100;
    if (form.totalWeight !== undefined && cents(weightSum) !== cents(form.totalWeight))
      add(
        'check',
        'performance/self-eval-weights',
        'warning',
        ref(form.totalWeightCell),
        `“${label}”各部分分值合计 ${weightSum}，总分值为 ${form.totalWeight}`,
        `"${label}": the sections' weights add up to ${weightSum}, the total weight is ${form.totalWeight}`,
        { expected: weightSum, actual: form.totalWeight },
      );
  }

  // ---- 总分 ----
  let total: number | undefined;
  const nationalComplete =
    form.layout === 'national' && scores.pending === 0 && (executionPart !== undefined || !hasExecution);
  const provincialComplete = form.layout === 'provincial' && sectionsComplete;
  if (nationalComplete || provincialComplete) {
    const sum = nationalComplete
      ? sumScores([...(executionPart !== undefined ? [executionPart] : []), ...indicatorParts])
      : sumScores(sectionParts);
    if (form.totalCell && isEmpty(form.totalCell)) {
      if (blocked) {
        add(
          'fill',
          FILL_FINDINGS.totalPending.id,
          FILL_FINDINGS.totalPending.level,
          ref(form.totalCell),
          `“${label}”有得分超过分值，总分和等次未填写，请先更正`,
          `"${label}": a score exceeds its weight; the total score and grade were not filled — correct it first`,
        );
      } else {
        write(form.totalCell, sum, SCORE_FORMAT, '总分', 'total');
        total = sum;
      }
    } else if (form.total !== undefined) {
      if (cents(sum) !== cents(form.total))
        add(
          'check',
          'performance/self-eval-total-mismatch',
          'error',
          ref(form.totalCell),
          `“${label}”总分 ${form.total} ≠ 各项得分合计 ${fmt2(sum)}`,
          `"${label}": total ${form.total} ≠ the sum of the scores ${fmt2(sum)}`,
          { expected: sum, actual: form.total },
        );
      total = form.total;
    } else if (!form.totalCell) total = sum;
    scores.total = total ?? (blocked ? undefined : sum);
  } else {
    if (form.total !== undefined) total = form.total;
    if (form.totalCell && isEmpty(form.totalCell) && scores.pending > 0)
      add(
        'fill',
        FILL_FINDINGS.totalPending.id,
        FILL_FINDINGS.totalPending.level,
        ref(form.totalCell),
        `“${label}”还有 ${scores.pending} 项得分需要人工评定，总分和等次暂不填写`,
        `"${label}": ${scores.pending} score(s) need a person; the total score and grade are left empty`,
      );
  }

  // ---- 等次 ----
  if (total !== undefined) {
    const band = gradeFor(total, settings.scoring.gradeBands);
    scores.grade = band;
    if (form.gradeCell && isEmpty(form.gradeCell)) {
      if (!blocked) write(form.gradeCell, band, undefined, '等次', 'grade');
    } else if (form.grade !== undefined && gradeKey(form.grade) !== gradeKey(band)) {
      add(
        'check',
        'performance/self-eval-grade-mismatch',
        'error',
        [...ref(form.gradeCell), ...ref(form.totalCell)],
        `“${label}”总分 ${total} 对应等次“${band}”，表中填写为“${form.grade}”`,
        `"${label}": a total of ${total} is graded "${band}", the sheet says "${form.grade}"`,
        { expected: band, actual: form.grade },
      );
    }
  }

  return { writes, labels, findings, scores };
}

/**
 * Plan the cells to fill in every self-evaluation of a workbook. The writes go only into empty cells; the
 * findings list what needs a person and every filled value that disagrees with the scoring rules.
 */
export function planFill(workbook: Workbook, settings?: Partial<Settings>): FillPlan {
  const s = withSettings(settings);
  const { selfEvaluations } = recognizePerformanceForms(workbook);
  const plan: FillPlan = { writes: [], labels: [], findings: [], forms: [] };
  for (const form of selfEvaluations) {
    let e: Evaluation;
    try {
      e = evaluateSelfEvaluation(form, workbook, s);
    } catch (err) {
      plan.findings.push({
        rule: FILL_FINDINGS.unreadable.id,
        level: FILL_FINDINGS.unreadable.level,
        message: {
          zh: `无法评分“${form.projectName || form.sheet}”（${(err as Error).message}），已跳过`,
          en: `could not score "${form.projectName || form.sheet}" (${(err as Error).message}); skipped`,
        },
        locations: [{ sheet: form.sheet, cell: toA1(form.range.top, form.range.left) }],
      });
      continue;
    }
    plan.findings.push(...e.findings.map(({ phase: _phase, ...f }) => f));
    plan.forms.push(e.scores);
    if (workbook.sheets.find((sh) => sh.name === form.sheet)?.protected) {
      if (e.writes.length) plan.findings.push(protectedSheet(form.sheet));
      continue;
    }
    plan.writes.push(...e.writes);
    plan.labels.push(...e.labels);
  }
  // the user's `rules` levels apply to the planner's findings as to the review's ('off' drops a finding, never a write)
  plan.findings = applyLevels(plan.findings, s.rules);
  return plan;
}

/** A protected sheet is never written; the scores are still reported. */
function protectedSheet(sheet: string): Finding {
  return {
    rule: FILL_FINDINGS.protectedSheet.id,
    level: FILL_FINDINGS.protectedSheet.level,
    message: {
      zh: `工作表“${sheet}”受保护，评分未写入；请取消保护后再填充。`,
      en: `The sheet "${sheet}" is protected, so no score was written; unprotect it and fill again.`,
    },
    locations: [{ sheet, cell: 'A1' }],
  };
}
