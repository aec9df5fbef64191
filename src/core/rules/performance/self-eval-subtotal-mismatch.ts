/** performance/self-eval-subtotal-mismatch: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalSubtotalMismatch = evaluationRule(
  'performance/self-eval-subtotal-mismatch',
  { zh: '小计 ≠ 其下得分合计', en: 'Sub-total ≠ the sum of its scores' },
  {
    mismatch: {
      level: 'error',
      zh: '“{项目}”的小计与其下得分合计不符',
      en: '"{project}": a sub-total differs from the sum of its scores',
    },
  },
);
