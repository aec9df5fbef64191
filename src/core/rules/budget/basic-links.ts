/**
 * budget/basic-links — the 基本支出 tables against the tables they detail (DOMAIN.md §3):
 * T5 基本支出 = T6 合计; T5 人员经费 / 公用经费 = T6 columns; the same for 财政拨款支出表 ↔ 财政拨款基本支出表;
 * 基本支出功能表 合计 = T5 基本支出; 支出经济分类表 合计 / 基本 / 项目 = T5 合计 / 基本 / 项目.
 * Reported at the detailed table's cell, with the summary's amount as expected.
 */
import { Finding } from '../../model/findings';
import { BudgetTable, Measure } from '../../tables/types';
import { Rule } from '../rule';
import { Amount, amountAt, checkCross, measureColumn, tableName, tablesOf, totalRow } from './common';
import { grandTotal } from './fiscal-grant-links';

const WORDS: Record<string, { zh: string; en: string }> = {
  basic: { zh: '基本支出', en: 'basic expenditure' },
  personnel: { zh: '人员经费', en: 'personnel expenditure' },
  public: { zh: '公用经费', en: 'public (operating) expenditure' },
  project: { zh: '项目支出', en: 'project expenditure' },
  total: { zh: '合计', en: 'total' },
};

/** A measure's amount at the table's total row: its own column, or 人员 + 公用 for 基本支出. */
export function measureTotal(table: BudgetTable, measure: Measure): Amount[] | undefined {
  const row = totalRow(table);
  if (!row) return undefined;
  if (measure === 'total') {
    const g = grandTotal(table);
    return g ? [g] : undefined;
  }
  const col = measureColumn(table, measure);
  if (col) return [amountAt(table, row, col.col)];
  if (measure === 'basic') {
    const p = measureColumn(table, 'personnel');
    const q = measureColumn(table, 'public');
    if (p && q) return [amountAt(table, row, p.col), amountAt(table, row, q.col)];
  }
  return undefined;
}

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

export const basicLinks: Rule = {
  id: 'budget/basic-links',
  level: 'error',
  title: {
    zh: '基本支出表、经济分类表与一般公共预算支出表不符',
    en: 'Basic / economic tables do not match the budget table',
  },
  check(ctx) {
    const out: Finding[] = [];
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
        const f = checkCross({
          rule: 'budget/basic-links',
          actual: actual[0],
          expected,
          relation: 'eq',
          extra: ctx.settings.extraTolerance,
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
};
