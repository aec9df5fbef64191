/**
 * budget/fiscal-grant-links — T4 财政拨款收支总表 against the fund tables (DOMAIN.md §3, units converted):
 * 一般公共预算 = T5 合计, 政府性基金 = T8 合计, 国有资本经营 = T9 合计, 支出总计 = T5 + T8 + T9.
 * The fund amounts of T4 come from its 支出 columns by fund when printed, else from its 收入 rows.
 */
import {
  Amount,
  amountAt,
  checkCross,
  commonScale,
  exactSum,
  measureColumn,
  sectionTotalRow,
  SumMessage,
  sumMessages,
  tableName,
  tablesOf,
  toUnit,
  totalColumn,
  verdict,
} from '../../budget/checks';
import { grandTotal, rowsWithMeasure } from '../../budget/structure';
import { defineRule, Report } from '../../context';
import { bareLabel } from '../../tables/text';
import { BudgetTable, Measure, TableRow } from '../../tables/types';

const FUNDS: { measure: Measure; kind: BudgetTable['kind']; zh: string; en: string }[] = [
  { measure: 'gpb', kind: 'general-budget', zh: '一般公共预算', en: 'general public budget' },
  { measure: 'fund', kind: 'gov-fund', zh: '政府性基金预算', en: 'government fund budget' },
  { measure: 'soe', kind: 'state-capital', zh: '国有资本经营预算', en: 'state capital budget' },
];

/**
 * What T4's own rows say its 本年支出 covers. The central-government layout prints 一、本年支出 = 一、本年收入 + 二、上年结转
 * (16,474.82 + 2,254.12 = 18,728.94) with nothing carried to the next year, while its 一般公共预算支出表 prints the
 * 本年 part only: the fund tables are then compared with the 本年收入 rows. Where 本年支出 = 本年收入 (or no carry-over
 * is printed) they are compared with 本年支出 as before. Undefined when the rows do not say.
 */
function yearIncomeWhenCarryCovered(t4: BudgetTable): TableRow | undefined {
  const sections = t4.sections ?? [];
  const income = sections.findIndex((s) => s.side === 'income');
  const expense = sections.findIndex((s) => s.side === 'expense');
  if (income < 0 || expense < 0) return undefined;
  const incYear = t4.rows.find((r) => r.section === income && r.role === 'year');
  const expYear = t4.rows.find((r) => r.section === expense && r.role === 'year');
  const incCol = totalColumn(t4, income);
  const expCol = totalColumn(t4, expense);
  if (!incYear || !expYear || !incCol || !expCol) return undefined;
  const d = t4.decimals;
  const value = (r: TableRow, col: number) => r.values.get(col)?.value ?? 0;
  const carryIn = t4.rows
    .filter((r) => r.section === income && r.role === 'carry' && r.parent === undefined)
    .map((r) => value(r, incCol.col));
  const carryOut = t4.rows
    .filter((r) => r.section === expense && r.role === 'carry' && r.parent === undefined)
    .map((r) => value(r, expCol.col));
  const carry = exactSum(carryIn, d);
  if (carry === 0 || exactSum(carryOut, d) !== 0) return undefined;
  const yearIn = value(incYear, incCol.col);
  const yearOut = value(expYear, expCol.col);
  const covers = verdict(exactSum([yearIn, carry], d), yearOut, d, carryIn.length + 1) !== 'mismatch';
  return covers ? incYear : undefined;
}

/**
 * Does the detail table follow T4's 本年支出 (carry-over included) rather than its 本年收入? Read from the rows: where
 * every 类 the two tables share carries the same amount, it prints the spending including the carry-over (重庆 表5
 * 201 15,146.48 = 表4 （一）一般公共服务支出 15,146.48); where a 类 differs, the carry-over is not in it (the central
 * 一般公共预算支出表: 201 13,674.82 against 15,674.82). A 上年结转 column or title says so outright.
 */
function includesCarry(t4: BudgetTable, detail: BudgetTable, measure: Measure): boolean {
  if (/结转/.test(detail.title) || detail.columns.some((c) => c.path.some((p) => /结转/.test(p))))
    return true;
  const expense = (t4.sections ?? []).findIndex((s) => s.side === 'expense');
  const t4col = measureColumn(t4, measure, expense) ?? totalColumn(t4, expense);
  const col = totalColumn(detail);
  if (!t4col || !col) return false;
  const classes = new Map<string, number>();
  for (const r of t4.rows)
    if (r.section === expense && r.role === undefined && r.values.has(t4col.col))
      classes.set(bareLabel(r.name), r.values.get(t4col.col)?.value ?? 0);
  const { unit, decimals } = commonScale(t4, detail);
  let shared = 0;
  for (const r of detail.rows) {
    if (r.level !== 'lei' || r.role !== undefined) continue;
    const mine = classes.get(bareLabel(r.name));
    if (mine === undefined) continue;
    shared++;
    const a = toUnit(mine, t4.unit, unit);
    const b = toUnit(r.values.get(col.col)?.value ?? 0, detail.unit, unit);
    if (verdict(a, b, decimals, 1) === 'mismatch') return false;
  }
  return shared > 0;
}

/** Is row `i` of a table under row `ancestor` (by the parent chain)? */
function under(table: BudgetTable, row: TableRow, ancestor: TableRow): boolean {
  const target = table.rows.indexOf(ancestor);
  for (let p = row.parent; p !== undefined; p = table.rows[p]?.parent) if (p === target) return true;
  return false;
}

/** T4's 本年 amount for one fund when its 本年支出 covers the carry-over: the 本年收入 rows naming the fund. */
function yearFundAmounts(t4: BudgetTable, yearIncome: TableRow, measure: Measure): Amount[] {
  const income = yearIncome.section as number;
  const col = totalColumn(t4, income);
  if (!col) return [];
  const rows = rowsWithMeasure(t4, income, measure).filter((r) => under(t4, r, yearIncome));
  return rows.map((r) => amountAt(t4, r, col.col)).filter((a) => a.value !== undefined);
}

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
    const yearIncome = yearIncomeWhenCarryCovered(t4);
    const totals: Amount[] = [];
    let yearOnly = false;
    for (const f of FUNDS) {
      const detail = tablesOf(ctx.tables, f.kind)[0];
      const total = detail ? grandTotal(detail) : undefined;
      if (!detail || !total) continue;
      totals.push(total);
      const byYear = yearIncome && !includesCarry(t4, detail, f.measure);
      if (byYear) yearOnly = true;
      const expected = byYear ? yearFundAmounts(t4, yearIncome, f.measure) : fundAmounts(t4, f.measure);
      if (expected.length === 0) continue;
      const nd = tableName(detail, ctx.tables);
      const finding = checkCross(ctx, {
        rule: 'budget/fiscal-grant-links',
        actual: total,
        expected,
        relation: 'eq',
        what: byYear
          ? {
              zh: `${nd} 合计应等于 ${n4} ${yearIncome.name}中的${f.zh}（该表本年支出含上年结转，按本年收入比较）`,
              en: `${nd} total should equal the ${f.en} amount of ${yearIncome.name} in ${n4} (its 本年支出 includes the carry-over, so the year's income is compared)`,
            }
          : {
              zh: `${nd} 合计应等于 ${n4} 中的${f.zh}`,
              en: `${nd} total should equal the ${f.en} amount in ${n4}`,
            },
      });
      if (finding) out.push(finding);
    }
    // 支出总计 = T5 + T8 + T9 (本年收入 when 本年支出 covers the carry-over and the fund tables print 本年 only)
    const income = (t4.sections ?? []).findIndex((s) => s.side === 'income');
    const expense = (t4.sections ?? []).findIndex((s) => s.side === 'expense');
    const side = yearIncome && yearOnly ? income : expense;
    const row =
      yearIncome && yearOnly ? yearIncome : side >= 0 ? sectionTotalRow(t4, side, 'year') : undefined;
    const col = side >= 0 ? totalColumn(t4, side) : undefined;
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
