/** performance/self-eval-score-not-number: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalScoreNotNumber = evaluationRule(
  'performance/self-eval-score-not-number',
  { zh: '得分不是数字', en: 'Score is not a number' },
  {
    notNumber: {
      level: 'warning',
      zh: '“{项目}”{指标}的得分不是数字',
      en: '"{project}": the score of {indicator} is not a number',
    },
  },
);
