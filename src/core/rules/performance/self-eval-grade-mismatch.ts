/** performance/self-eval-grade-mismatch: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalGradeMismatch = evaluationRule(
  'performance/self-eval-grade-mismatch',
  { zh: '等次与总分所在档次不符', en: 'Grade does not match the band of the total' },
  {
    mismatch: {
      level: 'error',
      zh: '“{项目}”的等次与总分所在档次不符',
      en: '"{project}": the grade does not match the band of the total',
    },
  },
);
