/** performance/self-eval-total-mismatch: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalTotalMismatch = evaluationRule(
  'performance/self-eval-total-mismatch',
  { zh: '总分 ≠ 各项得分合计', en: 'Total ≠ the sum of the scores' },
  {
    mismatch: {
      level: 'error',
      zh: '“{项目}”的总分与各项得分合计不符',
      en: '"{project}": the total differs from the sum of the scores',
    },
  },
);
