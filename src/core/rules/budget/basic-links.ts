/**
 * budget/basic-links — the 基本支出 tables against the tables they detail (DOMAIN.md §3):
 * T5 基本支出 = T6 合计; T5 人员经费 / 公用经费 = T6 columns; the same for 财政拨款支出表 ↔ 财政拨款基本支出表;
 * 基本支出功能表 合计 = T5 基本支出; 支出经济分类表 合计 / 基本 / 项目 = T5 合计 / 基本 / 项目.
 * Reported at the detailed table's cell, with the summary's amount as expected.
 */
import { checkCross, SumMessage, sumMessages, tableName, tablesOf } from '../../budget/checks';
import { measureTotal } from '../../budget/structure';
import { defineRule, Report } from '../../context';
import { BudgetTable, Measure } from '../../tables/types';

const WORDS: Record<string, { zh: string; en: string }> = {
  basic: { zh: '基本支出', en: 'basic expenditure' },
  personnel: { zh: '人员经费', en: 'personnel expenditure' },
  public: { zh: '公用经费', en: 'public (operating) expenditure' },
  project: { zh: '项目支出', en: 'project expenditure' },
  total: { zh: '合计', en: 'total' },
};

interface Pair {
  summary: BudgetTable['kind'];
  detail: BudgetTable['kind'];
  /** detail measure ← summary measure */
  links: [Measure, Measure][];
}

const PAIRS: Pair[] = [
  {
    summary: 'general-budget',
    detail: 'general-budget-basic',
    links: [
      ['total', 'basic'],
      ['personnel', 'personnel'],
      ['public', 'public'],
    ],
  },
  {
    summary: 'fiscal-grant-expenditure',
    detail: 'fiscal-grant-basic',
    links: [
      ['total', 'basic'],
      ['personnel', 'personnel'],
      ['public', 'public'],
    ],
  },
  {
    summary: 'general-budget',
    detail: 'general-budget-basic-functional',
    links: [
      ['total', 'basic'],
      ['personnel', 'personnel'],
      ['public', 'public'],
    ],
  },
  {
    summary: 'general-budget',
    detail: 'economic-classification',
    links: [
      ['total', 'total'],
      ['basic', 'basic'],
      ['project', 'project'],
    ],
  },
];

const TITLE = {
  zh: '基本支出表、经济分类表与一般公共预算支出表不符',
  en: 'Basic / economic tables do not match the budget table',
};

export const basicLinks = defineRule({
  meta: { id: 'budget/basic-links', group: 'budget', title: TITLE, messages: sumMessages(TITLE) },
  check(ctx) {
    const out: Report<SumMessage>[] = [];
    for (const pair of PAIRS) {
      const summary = tablesOf(ctx.tables, pair.summary)[0];
      const detail = tablesOf(ctx.tables, pair.detail)[0];
      if (!summary || !detail) continue;
      const ns = tableName(summary, ctx.tables);
      const nd = tableName(detail, ctx.tables);
      for (const [dm, sm] of pair.links) {
        const actual = measureTotal(detail, dm);
        const expected = measureTotal(summary, sm);
        if (!actual || actual.length !== 1 || !expected) continue;
        const f = checkCross(ctx, {
          rule: 'budget/basic-links',
          actual: actual[0],
          expected,
          relation: 'eq',
          what: {
            zh: `${nd} ${WORDS[dm].zh}应等于 ${ns} 的${WORDS[sm].zh}合计`,
            en: `${nd} ${WORDS[dm].en} should equal the ${WORDS[sm].en} total of ${ns}`,
          },
        });
        if (f) out.push(f);
      }
    }
    return out;
  },
});
