/** performance/target-fiscal-over-total: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { compareAmounts, formatAmount } from '../../model/numbers';
import { at, dec, forEachForm, label, report } from '../../performance/indicators';

export const fiscalOverTotal = defineRule({
  meta: {
    id: 'performance/target-fiscal-over-total',
    group: 'performance',
    title: { zh: '财政拨款大于年度资金总额', en: 'Fiscal grant exceeds the annual total' },
    messages: {
      over: {
        level: 'error',
        zh: '“{项目}”财政拨款大于年度资金总额',
        en: '"{project}": the fiscal grant exceeds the annual total',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined || f.fiscal === undefined) return [];
      if (f.fiscal <= f.total || compareAmounts(f.total, f.fiscal, dec(f)) === 'equal') return [];
      return [
        report(
          'over',
          [...at(f, f.fiscalCell), ...at(f, f.totalCell)],
          `“${label(f)}”财政拨款 ${formatAmount(f.fiscal, dec(f))} 大于年度资金总额 ${formatAmount(f.total, dec(f))}`,
          `"${label(f)}": fiscal grant ${formatAmount(f.fiscal, dec(f))} exceeds the annual total ${formatAmount(f.total, dec(f))}`,
          { expected: `≤${f.total}`, actual: f.fiscal },
        ),
      ];
    }),
});
