/** performance/target-missing-category: a check of 项目支出绩效目标表 forms (DOMAIN.md §4). */
import { defineRule, Report } from '../../context';
import { at, forEachForm, formCell, label, real, report } from '../../performance/indicators';

const CATEGORIES: { key: string; en: string; test: (i: { level1: string; level2: string }) => boolean }[] = [
  { key: '数量', en: 'quantity', test: (i) => /数量/.test(i.level2) },
  { key: '质量', en: 'quality', test: (i) => /质量/.test(i.level2) },
  { key: '时效', en: 'timeliness', test: (i) => /时效/.test(i.level2) },
  { key: '成本', en: 'cost', test: (i) => /成本/.test(i.level2) || /^成本/.test(i.level1) },
  { key: '社会效益', en: 'social benefit', test: (i) => /社会效益/.test(i.level2) },
];

export const missingCategory = defineRule({
  meta: {
    id: 'performance/target-missing-category',
    group: 'performance',
    title: {
      zh: '绩效目标缺少数量、质量、时效、成本或社会效益指标',
      en: 'Targets lack a quantity, quality, timeliness, cost or social-benefit indicator',
    },
    messages: {
      missing: {
        level: 'warning',
        zh: '“{项目}”没有{类别}指标（三级指标为空）',
        en: '"{project}" has no {category} indicator',
      },
    },
  },
  check: (ctx) =>
    forEachForm(ctx, (f) => {
      if (!f.hasLevel2) return [];
      const out: Report[] = [];
      for (const c of CATEGORIES) {
        if (real(f).some(c.test)) continue;
        const empty = f.emptyCategories.find(c.test);
        out.push(
          report(
            'missing',
            empty ? at(f, empty.cell) : formCell(f),
            `“${label(f)}”没有${c.key}指标（三级指标为空）`,
            `"${label(f)}" has no ${c.en} indicator (no third-level indicator under "${c.key}")`,
          ),
        );
      }
      return out;
    }),
});
