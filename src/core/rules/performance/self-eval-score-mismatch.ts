/** performance/self-eval-score-mismatch: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalScoreMismatch = evaluationRule(
  'performance/self-eval-score-mismatch',
  { zh: '得分与评分规则计算结果不符', en: 'Score differs from the scoring rules' },
  {
    mismatch: {
      level: 'warning',
      zh: '“{项目}”{指标}的得分与评分规则计算结果不符',
      en: '"{project}": the score of {indicator} differs from the scoring rules',
    },
  },
);
