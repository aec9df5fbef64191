/**
 * budget/summary-links — T1 收支总表 against the tables it sums up (DOMAIN.md §3):
 * T3 支出总表 合计 = T1 本年支出合计; T2 收入总表 合计 = T1 本年收入合计 (收入总计 when T2 has a 上年结转 column);
 * T1 支出 by 类 = T3 类 rows; T1 收入 by source = T2 合计 by source (a 决算's 财政拨款收入 = its fund rows);
 * T1 基本/项目 = T3; and, when every yuan is general-budget money, T1 人员经费 / 公用经费 = T6 (the 上海普陀 单位预算
 * defect).
 * Reported at the detailed table's cell, with T1's amount as expected.
 */
import { compact, FUNCTIONAL_LEI_NAMES, ordinalOf } from '../../tables/text';
import { BudgetTable, Measure, TableRow } from '../../tables/types';
import {
  Amount,
  amountAt,
  checkCross,
  commonScale,
  measureColumn,
  sectionTotalRow,
  tableName,
  tablesOf,
  totalColumn,
  totalRow,
  toUnit,
  SumMessage,
  sumMessages,
  verdict,
} from '../../budget/checks';
import { grandTotal, measureTotal, rowsWithMeasure } from '../../budget/structure';
import { defineRule, Report } from '../../context';

const INCOME_MEASURES: Measure[] = [
  'fiscal',
  'gpb',
  'fund',
  'soe',
  'special',
  'business',
  'operating',
  'superior',
  'affiliated',
  'other',
  'carry',
  'reserve',
];

const WORD: Partial<Record<Measure, string>> = {
  fiscal: '财政拨款收入',
  gpb: '一般公共预算',
  fund: '政府性基金预算',
  soe: '国有资本经营预算',
  special: '财政专户管理资金',
  business: '事业收入',
  operating: '事业单位经营收入',
  superior: '上级补助收入',
  affiliated: '附属单位上缴收入',
  other: '其他收入',
  carry: '上年结转',
  reserve: '使用非财政拨款结余',
  basic: '基本支出',
  project: '项目支出',
  personnel: '人员经费',
  public: '公用经费',
  total: '合计',
};

const TITLE = {
  zh: '收支总表与收入总表、支出总表、基本支出表不符',
  en: 'The summary table does not match the detail tables',
};

export const summaryLinks = defineRule({
  meta: { id: 'budget/summary-links', group: 'budget', title: TITLE, messages: sumMessages(TITLE) },
  check(ctx) {
    const out: Report<SumMessage>[] = [];
    const t1 = tablesOf(ctx.tables, 'revenue-expenditure')[0];
    if (!t1 || !t1.sections) return out;
    const n1 = tableName(t1, ctx.tables);
    const income = t1.sections.findIndex((s) => s.side === 'income');
    const expense = t1.sections.findIndex((s) => s.side === 'expense');
    const push = (actual: Amount | undefined, expected: Amount[] | undefined, zh: string, en: string) => {
      if (!actual || !expected || expected.length === 0) return;
      const f = checkCross(ctx, {
        rule: 'budget/summary-links',
        actual,
        expected,
        relation: 'eq',
        what: { zh, en },
      });
      if (f) out.push(f);
    };

    const t3 = tablesOf(ctx.tables, 'expenditure')[0];
    const t2 = tablesOf(ctx.tables, 'revenue')[0];
    const t6 = tablesOf(ctx.tables, 'general-budget-basic')[0];
    const t5 = tablesOf(ctx.tables, 'general-budget')[0];

    // T3 合计 = T1 本年支出合计
    if (t3 && expense >= 0) {
      const n3 = tableName(t3, ctx.tables);
      const yr = sectionTotalRow(t1, expense, 'year');
      const col = totalColumn(t1, expense);
      if (yr && col)
        push(
          grandTotal(t3),
          [amountAt(t1, yr, col.col)],
          `${n3} 合计应等于 ${n1} ${yr.name}`,
          `${n3} total should equal ${n1} ${yr.name}`,
        );
      // 类 rows
      const leiRows = new Map<string, TableRow>();
      for (const r of t3.rows)
        if (r.level === 'lei' && r.parent === undefined) leiRows.set(compact(r.name), r);
      for (const r of t1.rows) {
        if (r.section !== expense || r.role === 'ofWhich') continue;
        const name = ordinalOf(r.name).rest;
        if (!FUNCTIONAL_LEI_NAMES.has(name)) continue;
        const match = leiRows.get(name);
        if (!match) continue;
        for (const m of ['total', 'personnel', 'public', 'basic', 'project'] as Measure[]) {
          const c1 = m === 'total' ? totalColumn(t1, expense) : measureColumn(t1, m, expense);
          const c3 = m === 'total' ? totalColumn(t3) : measureColumn(t3, m);
          if (!c1 || !c3) continue;
          if (m === 'total' && c1.measure && !['total', 'fiscal'].includes(c1.measure)) continue;
          push(
            amountAt(t3, match, c3.col),
            [amountAt(t1, r, c1.col)],
            `${n3} “${match.name}”${WORD[m]}应等于 ${n1} “${r.name}”`,
            `${n3} “${match.name}” (${m}) should equal ${n1} “${r.name}”`,
          );
        }
      }
      // T1 rows 基本支出 / 项目支出 (支出 by kind) = T3 合计 row
      for (const m of ['basic', 'project'] as Measure[]) {
        const rows = rowsWithMeasure(t1, expense, m);
        const col = totalColumn(t1, expense);
        const detail = measureTotal(t3, m);
        if (rows.length !== 1 || !col || !detail || detail.length !== 1) continue;
        push(
          detail[0],
          [amountAt(t1, rows[0], col.col)],
          `${n3} ${WORD[m]}合计应等于 ${n1} “${rows[0].name}”`,
          `${n3} ${m} total should equal ${n1} “${rows[0].name}”`,
        );
      }
    }

    // T2 合计 = T1 本年收入合计 (收入总计 when T2 includes 上年结转), and by source
    if (t2 && income >= 0) {
      const n2 = tableName(t2, ctx.tables);
      const hasCarry = t2.columns.some(
        (c) => c.role === 'amount' && (c.measure === 'carry' || c.measure === 'reserve'),
      );
      const row = sectionTotalRow(t1, income, hasCarry ? 'grand' : 'year');
      const col = totalColumn(t1, income);
      if (row && col)
        push(
          grandTotal(t2),
          [amountAt(t1, row, col.col)],
          `${n2} 合计应等于 ${n1} ${row.name}`,
          `${n2} total should equal ${n1} ${row.name}`,
        );
      const t2row = totalRow(t2);
      if (t2row && col)
        for (const m of INCOME_MEASURES) {
          const c2 = measureColumn(t2, m);
          const rows = incomeRows(t1, income, m, col.col);
          if (!c2 || rows.length === 0) continue;
          push(
            amountAt(t2, t2row, c2.col),
            rows.map((r) => amountAt(t1, r, col.col)),
            `${n2} 合计行的${WORD[m]}应等于 ${n1} “${rows.map((r) => r.name).join('、')}”`,
            `${n2} ${m} in the total row should equal ${n1} “${rows.map((r) => r.name).join(', ')}”`,
          );
        }
    }

    // T1 人员经费 / 公用经费 = T6, when all of T1's spending is general-budget money
    if (t6 && t5 && expense >= 0) {
      const n6 = tableName(t6, ctx.tables);
      const yr = sectionTotalRow(t1, expense, 'year');
      const col = totalColumn(t1, expense);
      const t5total = grandTotal(t5);
      if (yr && col && t5total && allGeneralBudget(amountAt(t1, yr, col.col), t5total)) {
        for (const m of ['personnel', 'public'] as Measure[]) {
          const c1 = measureColumn(t1, m, expense);
          const detail = measureTotal(t6, m);
          if (!c1 || !detail || detail.length !== 1) continue;
          push(
            detail[0],
            [amountAt(t1, yr, c1.col)],
            `${n6} ${WORD[m]}合计应等于 ${n1} ${yr.name}的${WORD[m]}`,
            `${n6} ${m} total should equal ${n1} ${yr.name} (${m})`,
          );
        }
      }
    }
    return out;
  },
});

/**
 * T1 收入 rows for a source. A 收入支出决算总表 lists 财政拨款 by fund (一般公共预算 / 政府性基金 / 国有资本经营
 * 财政拨款收入) while the 收入决算表 prints one 财政拨款收入 column: that column is the sum of the printed fund rows.
 */
function incomeRows(t1: BudgetTable, income: number, m: Measure, col: number): TableRow[] {
  const rows = rowsWithMeasure(t1, income, m);
  if (rows.length > 0 || m !== 'fiscal' || t1.variant !== 'final') return rows;
  return (['gpb', 'fund', 'soe'] as Measure[])
    .flatMap((f) => rowsWithMeasure(t1, income, f))
    .filter((r) => r.values.get(col) !== undefined);
}

/** T1's spending equals the general-budget table's total (within rounding): no other money is involved. */
function allGeneralBudget(t1: Amount, t5: Amount): boolean {
  if (t1.value === undefined || t5.value === undefined) return false;
  const s = commonScale(t1.table, t5.table);
  const a = toUnit(t1.value, t1.table.unit, s.unit);
  const b = toUnit(t5.value, t5.table.unit, s.unit);
  return verdict(b, a, s.decimals, 1) !== 'mismatch';
}
