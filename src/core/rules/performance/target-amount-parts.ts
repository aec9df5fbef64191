/**
 * performance/target-amount-parts: a 绩效目标表's 年度资金总额 = 其中：财政拨款 + 上年结转 (where the form prints that line)
 * + 其他资金, blank = 0 (DOMAIN.md §4). The identity holds only where the form prints the breakdown: a form with just
 * 其中：财政拨款 states a part, not the whole. Reported at the 年度资金总额 cell with both numbers.
 */
import { defineRule } from '../../context';
import { compareAmounts, formatAmount, toScaled } from '../../model/numbers';
import { at, dec, forEachForm, label, report } from '../../performance/indicators';
import { CellPos } from '../../performance/types';

export const amountParts = defineRule({
  meta: {
    id: 'performance/target-amount-parts',
    group: 'performance',
    title: {
      zh: '资金总额 ≠ 财政拨款 + 上年结转 + 其他资金',
      en: 'Total ≠ fiscal grant + carry-over + other funds',
    },
    messages: {
      mismatch: {
        level: 'error',
        zh: '“{项目}”资金总额 ≠ 财政拨款（+ 上年结转）+ 其他资金',
        en: '"{project}": total ≠ fiscal grant (+ carry-over) + other funds',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '“{项目}”资金总额与其构成之和相差尾差',
        en: '"{project}": total and the sum of its parts differ by rounding',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined || f.fiscalCell === undefined) return [];
      const terms: { zh: string; en: string; value?: number; cell?: CellPos }[] = [
        { zh: '财政拨款', en: 'fiscal', value: f.fiscal, cell: f.fiscalCell },
      ];
      if (f.carryCell) terms.push({ zh: '上年结转', en: 'carry-over', value: f.carry, cell: f.carryCell });
      if (f.otherCell) terms.push({ zh: '其他资金', en: 'other', value: f.other, cell: f.otherCell });
      // only 其中：财政拨款 printed, or nothing of the breakdown filled in: no identity to check
      if (terms.length < 2 || terms.every((t) => t.value === undefined)) return [];
      const d = dec(f);
      const expected = terms.reduce((s, t) => s + toScaled(t.value ?? 0, d), 0) / 10 ** d;
      const agreement = compareAmounts(expected, f.total, d, terms.length);
      if (agreement === 'equal') return [];
      const rounding = agreement === 'rounding';
      const shown = (t: (typeof terms)[number], lang: 'zh' | 'en') =>
        `${t[lang]} ${formatAmount(t.value ?? 0, d)}${t.value === undefined ? (lang === 'zh' ? '（空白）' : ' (blank)') : ''}`;
      const zhTerms = terms.map((t) => shown(t, 'zh')).join(' + ');
      const enTerms = terms.map((t) => shown(t, 'en')).join(' + ');
      return [
        report(
          rounding ? 'rounding' : 'mismatch',
          [...at(f, f.totalCell), ...terms.flatMap((t) => at(f, t.cell))],
          `“${label(f)}”年度资金总额 ${formatAmount(f.total, d)} ≠ ${zhTerms} = ${formatAmount(expected, d)}${rounding ? '（尾差）' : ''}`,
          `"${label(f)}": total ${formatAmount(f.total, d)} ≠ ${enTerms} = ${formatAmount(expected, d)}${rounding ? ' (rounding)' : ''}`,
          { expected, actual: f.total },
        ),
      ];
    }),
});
