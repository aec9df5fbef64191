/**
 * narrative/change: year-on-year changes, rates and 持平 the 说明 states.
 *
 * A change is checked only against a previous-year column the tables print beside this year's (三公经费表 with
 * 2025 and 2026 columns, 一般公共预算支出表 with a 2025年预算数 column): the stated amount must be this year − last
 * year and its sign (增加 / 减少) must agree; a 持平 must have equal figures. Where no table prints last year, the
 * change is not compared; only a rate is checked against the text's own change and level (change ÷ (level ∓
 * change)). Comparisons with 执行数 / 决算数 and with the budget year itself (narrative/year) are not compared.
 * Rates: exact → nothing; truncated or within the amounts' rounding → info; else error.
 */
import { defineRule } from '../../context';
import { changeReports, toReport } from '../../narrative/reports';

export const narrativeChange = defineRule({
  meta: {
    id: 'narrative/change',
    group: 'narrative',
    title: {
      zh: '说明中的增减额与增减率一致',
      en: 'Year-on-year changes stated in the narrative are consistent',
    },
    messages: {
      mismatch: {
        level: 'error',
        zh: '说明“{语句}”中的增减额、增减率或持平与表内上年数、本年数不符',
        en: 'a change, rate or 持平 in the narrative’s “{clause}” does not match the table’s two years',
      },
      direction: {
        level: 'error',
        zh: '说明“{语句}”所称增减方向与表内上年数、本年数相反',
        en: 'the narrative’s “{clause}” states the change the wrong way round',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '说明“{语句}”中的增减额或增减率截去尾数或在四舍五入范围内',
        en: 'a change or rate in the narrative’s “{clause}” is truncated or within rounding',
      },
    },
  },
  check: (ctx) => changeReports(ctx).map(toReport),
});
