/** performance/target-empty: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { at, forEachForm, label, real, report } from '../../performance/indicators';

export const emptyTarget = defineRule({
  meta: {
    id: 'performance/target-empty',
    group: 'performance',
    title: { zh: '指标值为空', en: 'Empty target value' },
    messages: {
      empty: {
        level: 'warning',
        zh: '指标“{指标}”没有指标值',
        en: 'indicator "{indicator}" has no target value',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f)
        .filter((i) => i.target.trim() === '')
        .map((i) =>
          report(
            'empty',
            at(f, i.targetCell ?? i.nameCell),
            `“${label(f)}”的指标“${i.name}”没有指标值`,
            `indicator "${i.name}" of "${label(f)}" has no target value`,
          ),
        ),
    ),
});
