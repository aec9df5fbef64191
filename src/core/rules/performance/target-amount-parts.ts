/** performance/target-amount-parts: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { compareAmounts, formatAmount } from '../../model/numbers';
import { at, dec, forEachForm, label, report } from '../../performance/indicators';

export const amountParts = defineRule({
  meta: {
    id: 'performance/target-amount-parts',
    group: 'performance',
    title: { zh: '资金总额 ≠ 财政拨款 + 其他资金', en: 'Total ≠ fiscal grant + other funds' },
    messages: {
      mismatch: {
        level: 'error',
        zh: '“{项目}”资金总额 ≠ 财政拨款 + 其他资金',
        en: '"{project}": total ≠ fiscal grant + other funds',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '“{项目}”资金总额与财政拨款 + 其他资金相差尾差',
        en: '"{project}": total and fiscal grant + other funds differ by rounding',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined || f.fiscal === undefined || f.other === undefined) return [];
      const expected =
        (Math.round(f.fiscal * 10 ** dec(f)) + Math.round(f.other * 10 ** dec(f))) / 10 ** dec(f);
      const agreement = compareAmounts(expected, f.total, dec(f), 2);
      if (agreement === 'equal') return [];
      const rounding = agreement === 'rounding';
      return [
        report(
          rounding ? 'rounding' : 'mismatch',
          [...at(f, f.totalCell), ...at(f, f.fiscalCell), ...at(f, f.otherCell)],
          `“${label(f)}”资金总额 ${formatAmount(f.total, dec(f))} ≠ 财政拨款 ${formatAmount(f.fiscal, dec(f))} + 其他资金 ${formatAmount(f.other, dec(f))} = ${formatAmount(expected, dec(f))}${rounding ? '（尾差）' : ''}`,
          `"${label(f)}": total ${formatAmount(f.total, dec(f))} ≠ fiscal ${formatAmount(f.fiscal, dec(f))} + other ${formatAmount(f.other, dec(f))} = ${formatAmount(expected, dec(f))}${rounding ? ' (rounding)' : ''}`,
          { expected, actual: f.total },
        ),
      ];
    }),
});
