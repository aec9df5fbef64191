/**
 * Checks of filled 绩效自评表 cells (DOMAIN.md §5): 得分 above 分值, a 得分 that the scoring rules do not
 * give, Σ ≠ 总分, sub-totals, 等次 ≠ band, 执行率 ≠ 执行数 / 预算数, a missing 偏差原因, weights that do not
 * add up. The same evaluation drives `planFill`; review reports only what concerns cells already filled,
 * plus one info per form whose scores are still empty.
 */
import { toA1 } from '../../model/address';
import { Finding, Level, Message } from '../../model/findings';
import { EvaluationFinding, evaluateSelfEvaluation } from '../../performance/fill';
import type { ReviewContext } from '../../review';
import { Rule } from '../rule';

const memo = new WeakMap<ReviewContext, { findings: EvaluationFinding[]; unfilled: Finding[] }>();

function evaluate(ctx: ReviewContext): { findings: EvaluationFinding[]; unfilled: Finding[] } {
  const hit = memo.get(ctx);
  if (hit) return hit;
  const findings: EvaluationFinding[] = [];
  const unfilled: Finding[] = [];
  for (const form of ctx.selfEvaluations) {
    const e = evaluateSelfEvaluation(form, ctx.workbook, ctx.settings);
    findings.push(...e.findings.filter((f) => f.phase === 'check'));
    const pending = e.findings.filter((f) => f.rule === 'performance/self-eval-needs-person').length;
    if (e.writes.length) {
      const first = e.writes[0] ?? undefined;
      unfilled.push({
        rule: 'performance/self-eval-unfilled',
        level: 'info',
        message: {
          zh: `“${form.projectName || form.sheet}”还有 ${e.writes.length} 个单元格可自动填写（执行率、得分、总分、等次），${pending} 项需人工评分；可点击“填充评分”（或运行 gouji fill）`,
          en: `"${form.projectName || form.sheet}": ${e.writes.length} cell(s) can be filled automatically (rate, scores, total, grade) and ${pending} need a person; use Fill scores (or gouji fill)`,
        },
        locations: first
          ? [{ sheet: first.sheet, cell: toA1(first.row, first.col) }]
          : [{ sheet: form.sheet, cell: toA1(form.range.top, form.range.left) }],
      });
    }
  }
  const out = { findings, unfilled };
  memo.set(ctx, out);
  return out;
}

function rule(id: string, level: Level, title: Message): Rule {
  return {
    id,
    level,
    title,
    check: (ctx) =>
      evaluate(ctx)
        .findings.filter((f) => f.rule === id || f.rule === `${id}-rounding`)
        .map(({ phase: _phase, ...f }) => f),
  };
}

export const selfEvaluationRules: Rule[] = [
  rule('performance/self-eval-execution-rate', 'error', {
    zh: '执行率 ≠ 全年执行数 ÷ 全年预算数',
    en: 'Execution rate ≠ amount spent ÷ budget',
  }),
  rule('performance/self-eval-score-over-weight', 'error', {
    zh: '得分超过分值',
    en: 'Score above its weight',
  }),
  rule('performance/self-eval-score-mismatch', 'warning', {
    zh: '得分与评分规则计算结果不符',
    en: 'Score differs from the scoring rules',
  }),
  rule('performance/self-eval-score-not-number', 'warning', {
    zh: '得分不是数字',
    en: 'Score is not a number',
  }),
  rule('performance/self-eval-subtotal-mismatch', 'error', {
    zh: '小计 ≠ 其下得分合计',
    en: 'Sub-total ≠ the sum of its scores',
  }),
  rule('performance/self-eval-total-mismatch', 'error', {
    zh: '总分 ≠ 各项得分合计',
    en: 'Total ≠ the sum of the scores',
  }),
  rule('performance/self-eval-grade-mismatch', 'error', {
    zh: '等次与总分所在档次不符',
    en: 'Grade does not match the band of the total',
  }),
  rule('performance/self-eval-deviation-reason', 'warning', {
    zh: '偏离指标值却未说明偏差原因',
    en: 'Deviation from the target without a reason',
  }),
  rule('performance/self-eval-weights', 'warning', { zh: '分值合计不符', en: 'Weights do not add up' }),
  {
    id: 'performance/self-eval-unfilled',
    level: 'info',
    title: { zh: '自评表尚有得分未填写', en: 'Self-evaluation scores not filled yet' },
    check: (ctx) => evaluate(ctx).unfilled,
  },
];
