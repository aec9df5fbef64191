/** performance/self-eval-unfilled: a 绩效自评表 whose scores are still empty (one info per form, DOMAIN.md §5). */
import { defineRule } from '../../context';
import { evaluate } from '../../performance/evaluation';

export const selfEvalUnfilled = defineRule({
  meta: {
    id: 'performance/self-eval-unfilled',
    group: 'performance',
    title: { zh: '自评表尚有得分未填写', en: 'Self-evaluation scores not filled yet' },
    messages: {
      pending: {
        level: 'info',
        zh: '“{项目}”还有 {n} 个单元格可自动填写，可点击“填充评分”（或运行 gouji fill）',
        en: '"{project}": {n} cell(s) can be filled automatically; use Fill scores (or gouji fill)',
      },
    },
  },
  check: (ctx) => evaluate(ctx).unfilled,
});
