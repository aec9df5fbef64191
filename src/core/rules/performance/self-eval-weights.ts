/** performance/self-eval-weights: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalWeights = evaluationRule(
  'performance/self-eval-weights',
  { zh: '分值合计不符', en: 'Weights do not add up' },
  {
    mismatch: {
      level: 'warning',
      zh: '“{项目}”的分值缺失或合计不符',
      en: '"{project}": a weight is missing or the weights do not add up',
    },
  },
);
