/** performance/indicator-name-repeated: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { at, forEachForm, nameKey, real, report } from '../../performance/indicators';

export const repeatedName = defineRule({
  meta: {
    id: 'performance/indicator-name-repeated',
    group: 'performance',
    title: {
      zh: '指标名称中有重复的文字（如“交通标志牌交通标志牌”）',
      en: 'Indicator name repeats itself (e.g. 交通标志牌交通标志牌)',
    },
    messages: {
      repeated: {
        level: 'warning',
        zh: '指标名称“{指标}”中有文字重复',
        en: 'indicator name "{indicator}" repeats itself',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const m = /(\p{Script=Han}{3,})\1/u.exec(nameKey(i.name));
        if (!m) return [];
        return [
          report(
            'repeated',
            at(f, i.nameCell),
            `指标名称“${i.name}”中“${m[1]}”重复了两次`,
            `indicator name "${i.name}" repeats "${m[1]}"`,
            { actual: i.name },
          ),
        ];
      }),
    ),
});
