/**
 * The structure of recognised budget tables that several budget rules read: a list's parent/child rows, a table's
 * grand total and its per-measure totals, the rows naming a fund, and the sides of a two-sided 决算 table.
 */
import { BudgetTable, Measure, TableRow } from '../tables/types';
import { Amount, amountAt, measureColumn, totalColumn, totalRow } from './checks';

/**
 * Children of each row, 其中 rows left out: [parent index, child indices] — once per breakdown when a parent
 * is broken down twice (each breakdown adds up to the parent on its own).
 */
export function childrenOf(rows: TableRow[]): [number, number[]][] {
  // entries in the order their first child appears; looked up by parent, then breakdown
  const out: [number, number[]][] = [];
  const kids = new Map<number, Map<number, [number, number[]]>>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.parent === undefined || r.role === 'ofWhich') continue;
    let byBreakdown = kids.get(r.parent);
    if (!byBreakdown) kids.set(r.parent, (byBreakdown = new Map()));
    const b = r.breakdown ?? 0;
    let entry = byBreakdown.get(b);
    if (!entry) {
      entry = [r.parent, []];
      byBreakdown.set(b, entry);
      out.push(entry);
    }
    entry[1].push(i);
  }
  return out;
}

/** Top-level rows of a list (no parent, not a total, not 其中). */
export function topLevel(rows: TableRow[], section?: number): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    if (section !== undefined && r.section !== section) return;
    if (r.parent === undefined && r.level !== 'total' && r.role !== 'ofWhich' && r.role !== 'grand')
      out.push(i);
  });
  return out;
}

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

/** One side of a two-sided 决算 table. */
export interface Side {
  section: number;
  year?: TableRow;
  /** Rows after the year total that are not part of it (结转, 结余, 结余分配), top level only. */
  carries: TableRow[];
  grand?: TableRow;
}

function side(table: BudgetTable, section: number): Side {
  const rows = table.rows.filter((r) => r.section === section);
  return {
    section,
    year: rows.find((r) => r.role === 'year'),
    carries: rows.filter((r) => r.role === 'carry' && r.parent === undefined),
    grand: rows.find((r) => r.role === 'grand'),
  };
}

/** The 收入 side and the 支出 sides of a two-sided 决算 table with year totals and carry rows on them. */
export function carrySides(table: BudgetTable): { income: Side; expense: Side[] } | undefined {
  if (table.variant !== 'final' || !table.sections) return undefined;
  const i = table.sections.findIndex((s) => s.side === 'income');
  if (i < 0) return undefined;
  const income = side(table, i);
  const expense = table.sections
    .map((s, k) => (s.side === 'expense' ? side(table, k) : undefined))
    .filter((s): s is Side => !!s && !!s.year);
  if (!income.year || expense.length === 0) return undefined;
  if (income.carries.length === 0 && expense.every((e) => e.carries.length === 0)) return undefined;
  return { income, expense };
}

/** budget/carry-over checks 收入总计 = 支出总计 of these tables (budget/balance leaves them to it). */
export function carryIdentityApplies(table: BudgetTable): boolean {
  return carrySides(table) !== undefined;
}
