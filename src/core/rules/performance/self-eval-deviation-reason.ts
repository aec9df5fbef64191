/** performance/self-eval-deviation-reason: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalDeviationReason = evaluationRule(
  'performance/self-eval-deviation-reason',
  { zh: '偏离指标值却未说明偏差原因', en: 'Deviation from the target without a reason' },
  {
    missing: {
      level: 'warning',
      zh: '“{指标}”偏离指标值却未说明偏差原因',
      en: '"{indicator}" deviates from its target without a reason',
    },
  },
);
