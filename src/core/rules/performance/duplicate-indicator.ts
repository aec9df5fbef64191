/** performance/duplicate-indicator: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule, Report } from '../../context';
import { toA1 } from '../../model/address';
import { at, forEachForm, label, nameKey, real, report } from '../../performance/indicators';
import { Indicator } from '../../performance/types';

export const duplicateIndicator = defineRule({
  meta: {
    id: 'performance/duplicate-indicator',
    group: 'performance',
    title: { zh: '同一项目内指标名称重复', en: 'Duplicate indicator names in one form' },
    messages: {
      duplicate: {
        level: 'warning',
        zh: '“{项目}”中指标“{指标}”重复出现',
        en: 'indicator "{indicator}" appears twice in "{project}"',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      const seen = new Map<string, Indicator>();
      const out: Report[] = [];
      for (const i of real(f)) {
        const k = nameKey(i.name);
        const first = seen.get(k);
        if (!first) {
          seen.set(k, i);
          continue;
        }
        out.push(
          report(
            'duplicate',
            [...at(f, i.nameCell), ...at(f, first.nameCell)],
            `“${label(f)}”中指标“${i.name}”重复出现（另见 ${toA1(first.nameCell.row, first.nameCell.col)}）`,
            `indicator "${i.name}" appears twice in "${label(f)}" (also at ${toA1(first.nameCell.row, first.nameCell.col)})`,
          ),
        );
      }
      return out;
    }),
});
