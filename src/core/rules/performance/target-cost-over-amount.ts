/** performance/target-cost-over-amount: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { compareAmounts, formatAmount } from '../../model/numbers';
import { at, dec, forEachForm, real, report } from '../../performance/indicators';
import { parseValue, unitFromName } from '../../performance/target';

export const costOverAmount = defineRule({
  meta: {
    id: 'performance/target-cost-over-amount',
    group: 'performance',
    title: { zh: '成本指标金额大于项目金额', en: 'A cost target exceeds the project amount' },
    messages: {
      over: {
        level: 'warning',
        zh: '成本指标“{指标}”的指标值大于项目资金',
        en: 'cost target of "{indicator}" exceeds the project amount',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (f.total === undefined) return [];
      const amount = f.total;
      const factor = f.unit === '万元' ? 10000 : 1;
      return real(f).flatMap((i) => {
        if (!/成本/.test(i.level2) && !/^成本/.test(i.level1)) return [];
        const v = parseValue(i.target);
        if (v.kind !== 'number') return [];
        const unit = v.unit ?? unitFromName(i.name) ?? undefined;
        if (!unit || unit.family !== 'money') return [];
        const inFormUnit = (v.value * unit.factor) / factor;
        if (compareAmounts(amount, inFormUnit, dec(f)) !== 'mismatch' || inFormUnit < amount) return [];
        return [
          report(
            'over',
            [...at(f, i.targetCell ?? i.nameCell), ...at(f, f.totalCell)],
            `成本指标“${i.name}”的指标值“${i.target}”大于项目资金 ${formatAmount(amount, dec(f))}${f.unit}`,
            `cost target "${i.target}" of "${i.name}" exceeds the project amount ${formatAmount(amount, dec(f))} ${f.unit}`,
            { expected: `≤${amount}${f.unit}`, actual: i.target },
          ),
        ];
      });
    }),
});
