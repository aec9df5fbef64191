/** performance/target-weights: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule, Report } from '../../context';
import { at, forEachForm, label, real, report } from '../../performance/indicators';

const cents = (n: number) => Math.round(n * 100);

export const weightSums = defineRule({
  meta: {
    id: 'performance/target-weights',
    group: 'performance',
    title: { zh: '指标权重（分值）合计不符', en: 'Indicator weights do not add up' },
    messages: {
      mismatch: {
        level: 'warning',
        zh: '指标权重缺失或合计不符',
        en: 'an indicator weight is missing or the weights do not add up',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      const weighted = f.indicators.filter((i) => i.weight !== undefined);
      if (weighted.length === 0) return [];
      const out: Report[] = [];
      for (const i of real(f).filter((x) => x.weight === undefined)) {
        out.push(
          report(
            'mismatch',
            at(f, i.weightCell ?? i.nameCell),
            `指标“${i.name}”没有权重`,
            `indicator "${i.name}" has no weight`,
          ),
        );
      }
      for (const p of f.level1Points ?? []) {
        const sum =
          f.indicators.filter((i) => i.level1 === p.level1).reduce((s, i) => s + cents(i.weight ?? 0), 0) /
          100;
        if (cents(sum) !== cents(p.points))
          out.push(
            report(
              'mismatch',
              at(f, p.cell),
              `“${p.level1}”标明 ${p.points} 分，其下指标权重合计 ${sum}`,
              `"${p.level1}" states ${p.points} points but its indicators' weights add up to ${sum}`,
              { expected: p.points, actual: sum },
            ),
          );
      }
      const expected =
        f.weightsStated?.points ?? (f.executionPoints !== undefined ? 100 - f.executionPoints : 100);
      const sum = weighted.reduce((s, i) => s + cents(i.weight as number), 0) / 100;
      if (cents(sum) !== cents(expected)) {
        out.push(
          report(
            'mismatch',
            f.weightsStated ? at(f, f.weightsStated.cell) : at(f, weighted[0].weightCell),
            `“${label(f)}”的指标权重合计 ${sum}，应为 ${expected}`,
            `the weights of "${label(f)}" add up to ${sum}, expected ${expected}`,
            { expected, actual: sum },
          ),
        );
      }
      return out;
    }),
});
