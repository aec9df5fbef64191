/**
 * budget/balance — two-sided 收支 tables (收支总表, 财政拨款收支总表): on each side 本年收入合计 = Σ its items,
 * an item = Σ its sub-items (1、2、… or 款/项 names under a 类), 收入总计 = 本年收入合计 + 上年结转 (and the
 * like; the same for 支出), and 收入总计 = 支出总计 (reported at the 支出总计 cell; for 决算 tables see budget/carry-over).
 * Every column is checked on its own, so a 决算 table's 年初预算数 and 决算数 columns are summed separately.
 */
import { BudgetTable, TableRow } from '../../tables/types';
import {
  amountAt,
  checkSum,
  columnName,
  rowName,
  SumMessage,
  sumMessages,
  tableName,
  totalColumn,
} from '../../budget/checks';
import { carryIdentityApplies, childrenOf, topLevel } from '../../budget/structure';
import { defineRule, Report, ReviewContext } from '../../context';

const TITLE = {
  zh: '收支总表收支不平衡或合计不符',
  en: 'Income/expenditure summary does not balance or add up',
};

export const balance = defineRule({
  meta: { id: 'budget/balance', group: 'budget', title: TITLE, messages: sumMessages(TITLE) },
  check(ctx) {
    const out: Report<SumMessage>[] = [];
    for (const table of ctx.tables) {
      if (!table.sections || table.empty) continue;
      const tn = tableName(table, ctx.tables);
      const rows = table.rows;
      const kids = childrenOf(rows);
      table.sections.forEach((s, si) => {
        for (const col of s.amountCols) {
          for (const [p, children] of kids) {
            if (rows[p].section !== si) continue;
            const parent = rows[p];
            const f = checkSum(ctx, {
              rule: 'budget/balance',
              total: amountAt(table, parent, col),
              parts: children.map((i) => amountAt(table, rows[i], col)),
              what: {
                zh: `${parent.name} = ${list(children.map((i) => rows[i]))}之和`,
                en: `${parent.name} = sum of ${list(children.map((i) => rows[i]))}`,
              },
              where: where(table, tn, parent, col),
              decimals: table.decimals,
            });
            if (f) out.push(f);
          }
          // top level of a side: its items (or 本年…合计 with its items under it) and the carry-overs
          const top = [
            ...topLevel(rows, si),
            ...rows.flatMap((r, i) =>
              r.section === si && r.role === 'year' && r.level === 'total' ? [i] : [],
            ),
          ].sort((a, b) => a - b);
          for (const g of rows.filter((r) => r.section === si && r.role === 'grand')) {
            if (top.length === 0) continue;
            const f = checkSum(ctx, {
              rule: 'budget/balance',
              total: amountAt(table, g, col),
              parts: top.map((i) => amountAt(table, rows[i], col)),
              what: {
                zh: `${g.name} = ${list(top.map((i) => rows[i]))}之和`,
                en: `${g.name} = sum of ${list(top.map((i) => rows[i]))}`,
              },
              where: where(table, tn, g, col),
              decimals: table.decimals,
            });
            if (f) out.push(f);
          }
        }
      });
      out.push(...incomeEqualsExpense(ctx, table, tn));
    }
    return out;
  },
});

function list(rows: TableRow[]): string {
  const names = rows.map((r) => r.name);
  return names.length <= 5 ? names.join('、') : `${names.slice(0, 4).join('、')}等 ${names.length} 项`;
}

function where(table: BudgetTable, tn: string, row: TableRow, col: number): { zh: string; en: string } {
  const c = columnName(table, col);
  return { zh: `${tn} ${rowName(row).zh}（${c}）`, en: `${tn}, ${rowName(row).en} (${c})` };
}

/**
 * 收入总计 = 支出总计 for every expense side (西安-style tables print three 支出 views). 决算 tables with carry rows
 * are left to budget/carry-over, which checks the same balance as 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余.
 */
function incomeEqualsExpense(ctx: ReviewContext, table: BudgetTable, tn: string): Report<SumMessage>[] {
  const out: Report<SumMessage>[] = [];
  if (carryIdentityApplies(table)) return out;
  const sections = table.sections ?? [];
  const income = sections.findIndex((s) => s.side === 'income');
  if (income < 0) return out;
  const pick = (si: number, role: 'grand' | 'year') =>
    table.rows.find((r) => r.section === si && r.role === role);
  const incCol = totalColumn(table, income);
  if (!incCol) return out;
  sections.forEach((s, si) => {
    if (s.side !== 'expense') return;
    const expCol = totalColumn(table, si);
    if (!expCol) return;
    for (const role of ['grand', 'year'] as const) {
      const a = pick(income, role);
      const b = pick(si, role);
      if (!a || !b) continue;
      const f = checkSum(ctx, {
        rule: 'budget/balance',
        total: amountAt(table, b, expCol.col),
        parts: [amountAt(table, a, incCol.col)],
        what: { zh: `${b.name} = ${a.name}`, en: `${b.name} = ${a.name}` },
        where: { zh: `${tn} ${rowName(b).zh}`, en: `${tn}, ${rowName(b).en}` },
        decimals: table.decimals,
      });
      if (f) out.push(f);
      break; // the grand totals when both are printed, else the year totals
    }
  });
  return out;
}
