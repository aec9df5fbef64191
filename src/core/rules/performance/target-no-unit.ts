/** performance/target-no-unit: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { at, forEachForm, real, report } from '../../performance/indicators';
import { parseValue, unitFromName } from '../../performance/target';

export const noUnit = defineRule({
  meta: {
    id: 'performance/target-no-unit',
    group: 'performance',
    title: { zh: '指标值只有数字，没有计量单位', en: 'Target is a bare number without a unit' },
    messages: {
      noUnit: {
        level: 'warning',
        zh: '指标值“{指标值}”没有计量单位（或比较符号）',
        en: 'target "{target}" has no unit (or operator)',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const v = parseValue(i.target);
        if (v.kind !== 'number' || v.unit || v.value === 0 || unitFromName(i.name)) return [];
        const bare = !v.operator;
        return [
          report(
            'noUnit',
            at(f, i.targetCell ?? i.nameCell),
            bare
              ? `指标“${i.name}”的指标值“${i.target}”只有数字，既无计量单位也无比较符号（≥、≤、=）`
              : `指标“${i.name}”的指标值“${i.target}”没有计量单位`,
            bare
              ? `target "${i.target}" of "${i.name}" is a bare number: no unit and no operator (≥, ≤, =)`
              : `target "${i.target}" of "${i.name}" has no unit`,
            { actual: i.target },
          ),
        ];
      }),
    ),
});
