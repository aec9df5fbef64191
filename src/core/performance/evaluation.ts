/**
 * The 绩效自评表 evaluation as the self-evaluation rules (rules/performance/self-eval-*.ts, DOMAIN.md §5) see it:
 * the same evaluation drives `planFill`; review reports only what concerns cells already filled (the 'check'
 * phase: 得分 above 分值, a 得分 the scoring rules do not give, Σ ≠ 总分, sub-totals, 等次 ≠ band, 执行率 ≠ 执行数 /
 * 预算数, a missing 偏差原因, weights that do not add up), plus one info per form whose scores are still empty.
 */
import { defineRule, findingId, memo, MessageMeta, Report, ReviewContext, Rule } from '../context';
import { toA1 } from '../model/address';
import { Message } from '../model/findings';
import { EvaluationFinding, evaluateSelfEvaluation } from './fill';
import { FILL_FINDINGS } from './fill-findings';

export interface Evaluated {
  /** The check-phase findings of every form (ids as the fill planner mints them). */
  findings: EvaluationFinding[];
  /** Forms with cells still to fill: one report each. */
  unfilled: Report<'pending'>[];
}

/** Evaluate every 自评表 of the review once. */
export function evaluate(ctx: ReviewContext): Evaluated {
  return memo(ctx, 'performance/evaluation', () => evaluateForms(ctx));
}

function evaluateForms(ctx: ReviewContext): Evaluated {
  const findings: EvaluationFinding[] = [];
  const unfilled: Report<'pending'>[] = [];
  for (const form of ctx.selfEvaluations) {
    const e = evaluateSelfEvaluation(form, ctx.workbook, ctx.settings);
    findings.push(...e.findings.filter((f) => f.phase === 'check'));
    const pending = e.findings.filter((f) => f.rule === FILL_FINDINGS.needsPerson.id).length;
    if (e.writes.length) {
      const first = e.writes[0] ?? undefined;
      unfilled.push({
        messageId: 'pending',
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
  return { findings, unfilled };
}

/**
 * A rule that reports the evaluation's findings with its id: each finding's id (`<id>` or `<id>-rounding`, as the
 * fill planner mints it) names the declared message it is reported as.
 */
export function evaluationRule<M extends string>(
  id: string,
  title: Message,
  messages: Record<M, MessageMeta>,
): Rule {
  const byFinding = new Map<string, M>(
    (Object.entries(messages) as [M, MessageMeta][]).map(([k, m]) => [findingId(id, m), k]),
  );
  return defineRule({
    meta: { id, group: 'performance', title, messages },
    check: (ctx) =>
      evaluate(ctx).findings.flatMap((f) => {
        const messageId = byFinding.get(f.rule);
        if (messageId === undefined) return [];
        const r: Report<M> = { messageId, message: f.message, locations: f.locations };
        if (f.expected !== undefined) r.expected = f.expected;
        if (f.actual !== undefined) r.actual = f.actual;
        return [r];
      }),
  });
}
