/** performance/indicator-wrong-level: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { at, forEachForm, real, report } from '../../performance/indicators';

export const wrongLevel1 = defineRule({
  meta: {
    id: 'performance/indicator-wrong-level',
    group: 'performance',
    title: {
      zh: '指标归错一级指标（如满意度放在影响力目标下）',
      en: 'Indicator filed under the wrong first-level heading',
    },
    messages: {
      misfiled: {
        level: 'warning',
        zh: '指标“{指标}”归错一级指标',
        en: 'indicator "{indicator}" is filed under the wrong first-level heading',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) =>
      real(f).flatMap((i) => {
        const satisfactionIndicator = /满意/.test(i.level2) || /满意/.test(i.name);
        if (satisfactionIndicator && /影响|效益/.test(i.level1) && !/满意/.test(i.level1)) {
          return [
            report(
              'misfiled',
              at(f, i.level1Cell ?? i.nameCell).concat(at(f, i.nameCell)),
              `满意度指标“${i.name}”放在了一级指标“${i.level1}”下`,
              `satisfaction indicator "${i.name}" is filed under "${i.level1}"`,
            ),
          ];
        }
        if ((/满意/.test(i.level1) || /满意/.test(i.level2)) && !/满意/.test(i.name)) {
          return [
            report(
              'misfiled',
              at(f, i.nameCell),
              `“${i.name}”不是满意度指标，却放在“${i.level2 || i.level1}”下`,
              `"${i.name}" is not a satisfaction indicator but is filed under "${i.level2 || i.level1}"`,
            ),
          ];
        }
        return [];
      }),
    ),
});
