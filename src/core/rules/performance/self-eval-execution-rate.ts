/** performance/self-eval-execution-rate: a check of filled 绩效自评表 cells (DOMAIN.md §5), from the fill planner's evaluation. */
import { evaluationRule } from '../../performance/evaluation';

export const selfEvalExecutionRate = evaluationRule(
  'performance/self-eval-execution-rate',
  { zh: '执行率 ≠ 全年执行数 ÷ 全年预算数', en: 'Execution rate ≠ amount spent ÷ budget' },
  {
    mismatch: {
      level: 'error',
      zh: '“{项目}”的执行率与全年执行数 ÷ 全年预算数不符',
      en: '"{project}": the execution rate differs from amount spent ÷ budget',
    },
    rounding: {
      level: 'info',
      rounding: true,
      zh: '“{项目}”的执行率与全年执行数 ÷ 全年预算数相差尾差',
      en: '"{project}": the execution rate differs from amount spent ÷ budget by rounding',
    },
  },
);
