/**
 * budget/fiscal-grant-links — T4 财政拨款收支总表 against the fund tables (DOMAIN.md §3, units converted):
 * 一般公共预算 = T5 合计, 政府性基金 = T8 合计, 国有资本经营 = T9 合计, 支出总计 = T5 + T8 + T9.
 * The fund amounts of T4 come from its 支出 columns by fund when printed, else from its 收入 rows.
 */
import {
  Amount,
  amountAt,
  checkCross,
  measureColumn,
  sectionTotalRow,
  SumMessage,
  sumMessages,
  tableName,
  tablesOf,
  totalColumn,
} from '../../budget/checks';
import { grandTotal, rowsWithMeasure } from '../../budget/structure';
import { defineRule, Report } from '../../context';
import { BudgetTable, Measure } from '../../tables/types';

const FUNDS: { measure: Measure; kind: BudgetTable['kind']; zh: string; en: string }[] = [
  { measure: 'gpb', kind: 'general-budget', zh: '一般公共预算', en: 'general public budget' },
  { measure: 'fund', kind: 'gov-fund', zh: '政府性基金预算', en: 'government fund budget' },
  { measure: 'soe', kind: 'state-capital', zh: '国有资本经营预算', en: 'state capital budget' },
];

/** T4's amount for one fund: its 支出 column for that fund, else the 收入 rows naming it. */
function fundAmounts(t4: BudgetTable, measure: Measure): Amount[] {
  const sections = t4.sections ?? [];
  const expense = sections.findIndex((s) => s.side === 'expense');
  if (expense >= 0) {
    const col = measureColumn(t4, measure, expense);
    const row = sectionTotalRow(t4, expense, 'year');
    if (col && row) return [amountAt(t4, row, col.col)];
  }
  const income = sections.findIndex((s) => s.side === 'income');
  if (income < 0) return [];
  const col = totalColumn(t4, income);
  if (!col) return [];
  const amounts = rowsWithMeasure(t4, income, measure).map((r) => amountAt(t4, r, col.col));
  const printed = amounts.filter((a) => a.value !== undefined);
  return printed.length > 0 ? printed : [];
}

const TITLE = {
  zh: '财政拨款收支总表与各预算支出表不符',
  en: 'Fiscal-grant summary does not match the fund tables',
};

export const fiscalGrantLinks = defineRule({
  meta: { id: 'budget/fiscal-grant-links', group: 'budget', title: TITLE, messages: sumMessages(TITLE) },
  check(ctx) {
    const out: Report<SumMessage>[] = [];
    const t4 = tablesOf(ctx.tables, 'fiscal-grant')[0];
    if (!t4 || !t4.sections) return out;
    const n4 = tableName(t4, ctx.tables);
    const totals: Amount[] = [];
    for (const f of FUNDS) {
      const detail = tablesOf(ctx.tables, f.kind)[0];
      const total = detail ? grandTotal(detail) : undefined;
      if (!detail || !total) continue;
      totals.push(total);
      const expected = fundAmounts(t4, f.measure);
      if (expected.length === 0) continue;
      const nd = tableName(detail, ctx.tables);
      const finding = checkCross(ctx, {
        rule: 'budget/fiscal-grant-links',
        actual: total,
        expected,
        relation: 'eq',
        what: {
          zh: `${nd} 合计应等于 ${n4} 中的${f.zh}`,
          en: `${nd} total should equal the ${f.en} amount in ${n4}`,
        },
      });
      if (finding) out.push(finding);
    }
    // 支出总计 = T5 + T8 + T9
    const expense = (t4.sections ?? []).findIndex((s) => s.side === 'expense');
    const row = expense >= 0 ? sectionTotalRow(t4, expense, 'year') : undefined;
    const col = expense >= 0 ? totalColumn(t4, expense) : undefined;
    if (row && col && totals.length > 0) {
      const finding = checkCross(ctx, {
        rule: 'budget/fiscal-grant-links',
        actual: amountAt(t4, row, col.col),
        expected: totals,
        relation: 'eq',
        what: {
          zh: `${n4} ${row.name}应等于一般公共预算、政府性基金、国有资本经营预算支出表合计之和`,
          en: `${n4} ${row.name} should equal the totals of the general-budget, fund and state-capital tables`,
        },
      });
      if (finding) out.push(finding);
    }
    return out;
  },
});
