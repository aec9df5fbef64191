/** performance/target-missing-satisfaction: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule } from '../../context';
import { at, forEachForm, formCell, label, real, report } from '../../performance/indicators';
import { Indicator } from '../../performance/types';

const isSatisfaction = (i: Indicator) =>
  /满意/.test(i.level1) || /满意/.test(i.level2) || /满意/.test(i.name);

export const missingSatisfaction = defineRule({
  meta: {
    id: 'performance/target-missing-satisfaction',
    group: 'performance',
    title: { zh: '绩效目标没有满意度指标', en: 'Targets have no satisfaction indicator' },
    messages: {
      missing: {
        level: 'info',
        zh: '“{项目}”没有满意度指标',
        en: '"{project}" has no satisfaction indicator',
      },
      missingRequired: {
        level: 'warning',
        zh: '“{项目}”没有满意度指标（公共服务类项目应设，scoring.satisfactionIndicator = warning）',
        en: '"{project}" has no satisfaction indicator (required: scoring.satisfactionIndicator = warning)',
      },
    },
  },
  check: (ctx) => {
    const mode = ctx.settings.scoring.satisfactionIndicator ?? 'info';
    if (mode === 'off') return [];
    return forEachForm(ctx, (f) =>
      real(f).some(isSatisfaction)
        ? []
        : [
            report(
              mode === 'warning' ? 'missingRequired' : 'missing',
              at(f, f.emptyCategories.find((e) => /满意/.test(e.level2))?.cell).concat(
                f.emptyCategories.some((e) => /满意/.test(e.level2)) ? [] : formCell(f),
              ),
              `“${label(f)}”没有满意度指标（公共服务类项目应设服务对象满意度）`,
              `"${label(f)}" has no satisfaction indicator (public-service projects should have one)`,
            ),
          ],
    );
  },
});
