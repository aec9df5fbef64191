/**
 * budget/fiscal-grant-links — T4 财政拨款收支总表 against the fund tables (DOMAIN.md §3, units converted):
 * 一般公共预算 = T5 合计, 政府性基金 = T8 合计, 国有资本经营 = T9 合计, 支出总计 = T5 + T8 + T9.
 * The fund amounts of T4 come from its 支出 columns by fund when printed, else from its 收入 rows.
 */
import { Finding } from '../../model/findings';
import { BudgetTable, Measure, TableRow } from '../../tables/types';
import { Rule } from '../rule';
import {
  Amount,
  amountAt,
  checkCross,
  measureColumn,
  sectionTotalRow,
  tableName,
  tablesOf,
  totalColumn,
  totalRow,
} from './common';

const FUNDS: { measure: Measure; kind: BudgetTable['kind']; zh: string; en: string }[] = [
  { measure: 'gpb', kind: 'general-budget', zh: '一般公共预算', en: 'general public budget' },
  { measure: 'fund', kind: 'gov-fund', zh: '政府性基金预算', en: 'government fund budget' },
  { measure: 'soe', kind: 'state-capital', zh: '国有资本经营预算', en: 'state capital budget' },
];

/** The table's overall total (合计 row × 合计 column). */
export function grandTotal(table: BudgetTable): Amount | undefined {
  const row = totalRow(table);
  const col = totalColumn(table);
  return row && col ? amountAt(table, row, col.col) : undefined;
}

/** Rows with a measure, not counting a row whose ancestor already has it (一、一般公共预算 → 1、一般公共预算…). */
export function rowsWithMeasure(table: BudgetTable, section: number, measure: Measure): TableRow[] {
  return table.rows.filter((r, i) => {
    if (r.section !== section || r.measure !== measure || r.role === 'ofWhich') return false;
    let p = table.rows[i].parent;
    while (p !== undefined) {
      if (table.rows[p].measure === measure) return false;
      p = table.rows[p].parent;
    }
    return true;
  });
}

/** T4's amount for one fund: its 支出 column for that fund, else the 收入 rows naming it. */
export function fundAmounts(t4: BudgetTable, measure: Measure): Amount[] {
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

export const fiscalGrantLinks: Rule = {
  id: 'budget/fiscal-grant-links',
  level: 'error',
  title: {
    zh: '财政拨款收支总表与各预算支出表不符',
    en: 'Fiscal-grant summary does not match the fund tables',
  },
  check(ctx) {
    const out: Finding[] = [];
    const extra = ctx.settings.extraTolerance;
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
      const finding = checkCross({
        rule: 'budget/fiscal-grant-links',
        actual: total,
        expected,
        relation: 'eq',
        extra,
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
      const finding = checkCross({
        rule: 'budget/fiscal-grant-links',
        actual: amountAt(t4, row, col.col),
        expected: totals,
        relation: 'eq',
        extra,
        what: {
          zh: `${n4} ${row.name}应等于一般公共预算、政府性基金、国有资本经营预算支出表合计之和`,
          en: `${n4} ${row.name} should equal the totals of the general-budget, fund and state-capital tables`,
        },
      });
      if (finding) out.push(finding);
    }
    return out;
  },
};
