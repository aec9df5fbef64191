/**
 * budget/carry-over — the 决算 identity 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余 (DOMAIN.md §1), within one
 * period's columns (年初预算数 with 年初预算数, 决算数 with 决算数 — never across):
 *
 * - two-sided 决算 tables (收入支出决算总表, 财政拨款收入支出决算总表): 本年收入合计 + the carry rows of the 收入 side
 *   (使用非财政拨款结余, 年初结转和结余) = 本年支出合计 + the carry rows of the 支出 side (结余分配, 年末结转和结余). With both
 *   总计 rows printed and adding up this is 收入总计 = 支出总计, which budget/balance leaves to this rule for 决算 tables.
 *   A side whose 总计 does not add up is reported by budget/balance; the identity is then not checked (the culprit is
 *   that side's cell, and one wrong cell should not be reported twice). Reported at 年末结转和结余.
 * - one-sided 决算 tables with 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余 columns (政府性基金预算财政拨款收入支出
 *   决算表 and the like): on every row, reported at the row's 年末结转和结余.
 */
import { Message } from '../../model/findings';
import { compact, isTotalHeader } from '../../tables/text';
import { BudgetTable, Period, TableColumn, TableRow } from '../../tables/types';
import {
  Amount,
  amountAt,
  amountColumns,
  cellRef,
  columnName,
  exactSum,
  fmt,
  periodOfColumn,
  periodTotalColumn,
  rowName,
  SumMessage,
  sumMessages,
  tableName,
  verdict,
} from '../../budget/checks';
import { carrySides, Side } from '../../budget/structure';
import { defineRule, observeCheck, Report, ReviewContext, tolerance } from '../../context';

const RULE = 'budget/carry-over';
const PERIODS: Period[] = ['budget', 'current'];

/** A side adds up to its printed 总计 (or prints none) in column `col`. */
function sideHolds(table: BudgetTable, s: Side, col: number): boolean {
  if (!s.grand || !s.year) return true;
  const g = s.grand.values.get(col)?.value;
  if (g === undefined) return true;
  const parts = [s.year, ...s.carries].map((r) => r.values.get(col)?.value ?? 0);
  return verdict(exactSum(parts, table.decimals), g, table.decimals, parts.length) !== 'mismatch';
}

interface Identity {
  table: BudgetTable;
  /** Left-hand terms (年初 + 收入) and right-hand terms (支出 + 年末), with their labels. */
  left: { amount: Amount; label: string }[];
  right: { amount: Amount; label: string }[];
  /** Index in `right` of the cell the finding is reported at (年末结转和结余). */
  at: number;
  where: Message;
}

function check(ctx: ReviewContext, id: Identity): Report<SumMessage> | undefined {
  const all = [...id.left, ...id.right].map((t) => t.amount);
  if (all.every((a) => a.value === undefined) || all.some((a) => a.unknown)) return undefined;
  const d = id.table.decimals;
  const value = (a: Amount) => a.value ?? 0;
  const L = exactSum(
    id.left.map((t) => value(t.amount)),
    d,
  );
  const R = exactSum(
    id.right.map((t) => value(t.amount)),
    d,
  );
  const reported = id.right[id.at].amount;
  const actual = value(reported);
  const expected = exactSum([L, -R, actual], d);
  const v = verdict(expected, actual, d, all.length - 1, tolerance(ctx));
  const locations = [
    cellRef(id.table, reported.row, reported.col),
    ...id.left.map((t) => cellRef(id.table, t.amount.row, t.amount.col)),
    ...id.right.filter((_, k) => k !== id.at).map((t) => cellRef(id.table, t.amount.row, t.amount.col)),
  ];
  observeCheck(ctx, { rule: RULE, verdict: v, locations, expected, actual });
  if (v === 'equal') return undefined;
  const terms = (ts: Identity['left']) => ts.map((t) => `${t.label} ${fmt(value(t.amount), d)}`).join(' + ');
  const names = (ts: Identity['left']) => ts.map((t) => t.label).join(' + ');
  const what = `${names(id.left)} = ${names(id.right)}`;
  const diff = exactSum([L, -R], d);
  if (v === 'rounding')
    return {
      messageId: 'rounding',
      message: {
        zh: `${id.where.zh}：${what}，${terms(id.left)} = ${fmt(L, d)}，${terms(id.right)} = ${fmt(R, d)}，相差 ${fmt(Math.abs(diff), d)}，属四舍五入尾差。`,
        en: `${id.where.en}: ${what}; ${terms(id.left)} = ${fmt(L, d)}, ${terms(id.right)} = ${fmt(R, d)}, a difference of ${fmt(Math.abs(diff), d)} from rounding (尾差).`,
      },
      locations,
      expected,
      actual,
    };
  return {
    messageId: 'mismatch',
    message: {
      zh: `${id.where.zh}：${what}不成立，${terms(id.left)} = ${fmt(L, d)}，而 ${terms(id.right)} = ${fmt(R, d)}（差 ${fmt(diff, d)}）；按其余各项，${id.right[id.at].label}应为 ${fmt(expected, d)}。`,
      en: `${id.where.en}: ${what} does not hold; ${terms(id.left)} = ${fmt(L, d)} but ${terms(id.right)} = ${fmt(R, d)} (difference ${fmt(diff, d)}); from the other terms ${id.right[id.at].label} should be ${fmt(expected, d)}.`,
    },
    locations,
    expected,
    actual,
  };
}

/** Where a two-sided identity is reported: the 年末 row of the 支出 side, else its last carry row, else 本年支出合计. */
function reportIndex(rows: TableRow[]): number {
  const end = rows.findIndex((r) => /^年末/.test(compact(r.name)));
  if (end >= 0) return end;
  return rows.length - 1;
}

function twoSidedFindings(ctx: ReviewContext, table: BudgetTable, tn: string): Report<SumMessage>[] {
  const out: Report<SumMessage>[] = [];
  const sides = carrySides(table);
  if (!sides) return out;
  const { income } = sides;
  for (const expense of sides.expense) {
    for (const period of PERIODS) {
      const inc = periodTotalColumn(table, period, income.section);
      const exp = periodTotalColumn(table, period, expense.section);
      if (!inc || !exp) continue;
      if (!sideHolds(table, income, inc.col) || !sideHolds(table, expense, exp.col)) continue;
      const term = (r: TableRow, col: number) => ({ amount: amountAt(table, r, col), label: r.name });
      const rightRows = [expense.year as TableRow, ...expense.carries];
      const at = reportIndex(rightRows);
      const col = columnName(table, exp.col);
      const f = check(ctx, {
        table,
        left: [income.year as TableRow, ...income.carries].map((r) => term(r, inc.col)),
        right: rightRows.map((r) => term(r, exp.col)),
        at,
        where: {
          zh: `${tn} ${rowName(rightRows[at]).zh}（${col}）`,
          en: `${tn}, ${rowName(rightRows[at]).en} (${col})`,
        },
      });
      if (f) out.push(f);
    }
  }
  return out;
}

/** A column whose header (any level) matches `re`; under a group, the group's 小计/合计 column. */
function columnFor(cols: TableColumn[], re: RegExp): TableColumn | undefined {
  const hits = cols.filter((c) => (c.nodes ?? []).some((n) => re.test(compact(n.text))));
  if (hits.length <= 1) return hits[0];
  const totals = hits.filter((c) => {
    const nodes = c.nodes ?? [];
    return nodes.length > 0 && isTotalHeader(nodes[nodes.length - 1].text);
  });
  return totals.length === 1 ? totals[0] : undefined;
}

const CARRY_IN = /^(年初|上年)(财政拨款)?结转(和|及)?结余$|^年初结转$|^上年结转$/;
const INCOME = /^本年收入(合计)?$/;
const EXPENSE = /^本年支出(合计)?$/;
const CARRY_OUT = /^年末(财政拨款)?结转(和|及)?结余$|^年末结转$/;

function rowWiseFindings(ctx: ReviewContext, table: BudgetTable, tn: string): Report<SumMessage>[] {
  const out: Report<SumMessage>[] = [];
  if (table.variant !== 'final' || table.sections || table.empty) return out;
  for (const period of PERIODS) {
    const cols = amountColumns(table).filter((c) => periodOfColumn(c) === period && !c.ofWhich);
    const [cin, inc, exp, cout] = [CARRY_IN, INCOME, EXPENSE, CARRY_OUT].map((re) => columnFor(cols, re));
    if (!cin || !inc || !exp || !cout) continue;
    for (const row of table.rows) {
      // the column's top header names the term (本年支出, not its 小计)
      const term = (c: TableColumn) => ({
        amount: amountAt(table, row, c.col),
        label: c.nodes?.[0]?.text ?? columnName(table, c.col),
      });
      const f = check(ctx, {
        table,
        left: [term(cin), term(inc)],
        right: [term(exp), term(cout)],
        at: 1,
        where: { zh: `${tn} ${rowName(row).zh}`, en: `${tn}, ${rowName(row).en}` },
      });
      if (f) out.push(f);
    }
  }
  return out;
}

const TITLE = {
  zh: '年初结转和结余 + 本年收入 ≠ 本年支出 + 年末结转和结余',
  en: 'Opening balance + income does not equal expenditure + closing balance',
};

export const carryOver = defineRule({
  meta: { id: RULE, group: 'budget', title: TITLE, messages: sumMessages(TITLE) },
  check(ctx) {
    const out: Report<SumMessage>[] = [];
    for (const table of ctx.tables) {
      if (table.empty || table.variant !== 'final') continue;
      const tn = tableName(table, ctx.tables);
      out.push(...twoSidedFindings(ctx, table, tn), ...rowWiseFindings(ctx, table, tn));
    }
    return out;
  },
});
