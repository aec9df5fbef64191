/**
 * narrative/year: the year of the text fits the year of the tables. A budget for year N compares with the year
 * before; a comparison with "N 年预算" or "比 N 年增加" (itself) is a warning at that cell (上海普陀 2026 预算:
 * "比2026年预算增加793.14万元" — the year should be 2025). The budget year is the one the tables' titles name, else
 * the year the text names most often. One finding per cell, quoting each clause.
 */
import { defineRule } from '../../context';
import { toReport, yearReports } from '../../narrative/reports';

export const narrativeYear = defineRule({
  meta: {
    id: 'narrative/year',
    group: 'narrative',
    title: {
      zh: '说明中比较的年份与预算年度相符',
      en: 'The years the narrative compares with fit the budget year',
    },
    messages: {
      self: {
        level: 'warning',
        zh: '说明“{语句}”将本年预算与本年（{年份}）相比，应为上年',
        en: 'the narrative’s “{clause}” compares the budget year ({year}) with itself; it should be the year before',
      },
    },
  },
  check: (ctx) => yearReports(ctx).map(toReport),
});
