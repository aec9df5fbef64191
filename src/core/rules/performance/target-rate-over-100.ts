/** performance/target-rate-over-100: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { at, forEachForm, real, report } from '../../performance/indicators';
import { parseValue } from '../../performance/target';

/** Rates bounded by 100 %: 合格率, 满意度, 完成率… but not growth rates or ratios. */
const BOUNDED_RATE = /(率|满意度)$/;
const UNBOUNDED_RATE = /增长|增速|增幅|涨幅|涨跌|提升率|提高率|比值|比率|比例|倍/;

export const rateOver100 = defineRule({
  meta: {
    id: 'performance/target-rate-over-100',
    group: 'performance',
    title: { zh: '比率类指标值超过 100%', en: 'A rate target above 100%' },
    messages: {
      over100: {
        level: 'warning',
        zh: '指标“{指标}”的指标值“{指标值}”超过 100%',
        en: 'target "{target}" of "{indicator}" is above 100%',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const v = parseValue(i.target);
        const name = i.name.replace(/[（(][^）)]*[)）]$/, '');
        if (v.kind !== 'number' || v.unit?.family !== 'percent' || v.value * v.unit.factor <= 100) return [];
        if (!BOUNDED_RATE.test(name) || UNBOUNDED_RATE.test(name)) return [];
        return [
          report(
            'over100',
            at(f, i.targetCell ?? i.nameCell),
            `指标“${i.name}”的指标值“${i.target}”超过 100%`,
            `target "${i.target}" of "${i.name}" is above 100%`,
            { actual: i.target, expected: '≤100%' },
          ),
        ];
      }),
    ),
});
