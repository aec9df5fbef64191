/** performance/target-year-over-total: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { compareAmounts, formatAmount } from '../../model/numbers';
import { at, dec, forEachForm, label, report } from '../../performance/indicators';

export const yearOverTotal = defineRule({
  meta: {
    id: 'performance/target-year-over-total',
    group: 'performance',
    title: { zh: '项目本年度金额大于项目总金额', en: 'This year’s amount exceeds the project total' },
    messages: {
      over: {
        level: 'warning',
        zh: '“{项目}”本年度金额大于项目总金额',
        en: '"{project}": this year’s amount exceeds the project total',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined || f.projectTotal === undefined) return [];
      if (compareAmounts(f.projectTotal, f.total, dec(f)) !== 'mismatch' || f.total < f.projectTotal)
        return [];
      return [
        report(
          'over',
          [...at(f, f.totalCell), ...at(f, f.projectTotalCell)],
          `“${label(f)}”本年度金额 ${formatAmount(f.total, dec(f))} 大于项目总金额 ${formatAmount(f.projectTotal, dec(f))}`,
          `"${label(f)}": this year's amount ${formatAmount(f.total, dec(f))} exceeds the project total ${formatAmount(f.projectTotal, dec(f))}`,
          { expected: `≤${f.projectTotal}`, actual: f.total },
        ),
      ];
    }),
});
