/** Which amount columns of a table hold 基本支出, 项目支出 and the total, from the header words (or the recognised measure). */
import { BudgetTable, TableColumn } from '../tables/types';

const BASIC_WORDS = /基本支出|人员经费|人员支出|人员类|工资福利|公用经费|日常公用|对个人和家庭/;
const PROJECT_WORDS = /项目支出|专项业务|专项资金|一般性项目|专项支出/;
const TOTAL_WORDS = /合计|总计|小计/;

const text = (c: TableColumn) => c.path.join('|').replace(/\s+/g, '');

/** Amount columns: recognised as amounts, or carrying numbers in some row. */
export function amountColumns(table: BudgetTable): TableColumn[] {
  const withValues = new Set<number>();
  for (const r of table.rows) for (const c of r.values.keys()) withValues.add(c);
  return table.columns.filter((c) => c.role === 'amount' || (c.role === undefined && withValues.has(c.col)));
}

/** The table is a 基本支出 table (every amount column is 基本支出). */
export function isBasicTable(table: BudgetTable): boolean {
  return (
    table.kind === 'general-budget-basic' ||
    table.kind === 'fiscal-grant-basic' ||
    /基本支出/.test(table.title)
  );
}

export function isProjectColumn(c: TableColumn): boolean {
  if (c.measure) return c.measure === 'project';
  return PROJECT_WORDS.test(text(c));
}

export function isBasicColumn(table: BudgetTable, c: TableColumn): boolean {
  if (isProjectColumn(c)) return false;
  if (c.measure === 'basic' || c.measure === 'personnel' || c.measure === 'public') return true;
  if (!c.measure && BASIC_WORDS.test(text(c))) return true;
  return isBasicTable(table);
}

/** The column that holds each row's total (合计/总计), else the first amount column. */
export function totalColumn(table: BudgetTable): TableColumn | undefined {
  const cols = amountColumns(table);
  return (
    cols.find((c) => c.measure === 'total') ??
    cols.find((c) => !c.measure && TOTAL_WORDS.test(c.path[c.path.length - 1] ?? '')) ??
    cols[0]
  );
}
