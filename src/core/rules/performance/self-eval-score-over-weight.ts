/** performance/self-eval-score-over-weight: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalScoreOverWeight = evaluationRule(
  'performance/self-eval-score-over-weight',
  { zh: '得分超过分值', en: 'Score above its weight' },
  {
    over: {
      level: 'error',
      zh: '“{项目}”{指标}的得分超过分值',
      en: '"{project}": the score of {indicator} exceeds its weight',
    },
  },
);
