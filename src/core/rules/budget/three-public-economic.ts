/**
 * budget/three-public-economic — T7 “三公” items are never below the matching 经济分类 amounts
 * (30212 因公出国(境)费用, 30217 公务接待费, 30231 公务用车运行维护费, 31013 公务用车购置): 三公 covers basic and
 * project spending, so it may exceed them, never fall short (DOMAIN.md §3). Units are converted first.
 * The 经济分类 amounts come from the 支出经济分类表 when it prints those 款, else from the 基本支出表.
 */
import { compact, measureOf } from '../../tables/text';
import { BudgetTable, Measure, TableColumn, TableRow } from '../../tables/types';
import {
  Amount,
  amountAt,
  checkCross,
  isCurrent,
  measureColumn,
  tableName,
  tablesOf,
  totalColumn,
  totalRow,
  SumMessage,
  sumMessages,
} from '../../budget/checks';
import { defineRule, Report } from '../../context';

const ITEMS: { measure: Measure; code: string; zh: string; en: string }[] = [
  { measure: 'abroad', code: '30212', zh: '因公出国（境）费', en: 'overseas travel' },
  { measure: 'reception', code: '30217', zh: '公务接待费', en: 'official reception' },
  { measure: 'car-running', code: '30231', zh: '公务用车运行维护费', en: 'official vehicle running' },
  { measure: 'car-purchase', code: '31013', zh: '公务用车购置费', en: 'official vehicle purchase' },
];

/** The 三公 item a column stands for (deepest header word that names one). */
function itemOf(c: TableColumn): Measure | undefined {
  const nodes = c.nodes ?? [];
  for (let i = nodes.length - 1; i >= 0; i--) {
    const m = measureOf(nodes[i].text);
    if (m && ['abroad', 'reception', 'car', 'car-running', 'car-purchase', 'three-public'].includes(m)) {
      // 公务用车…/小计 names the car group, not a sub-item
      if (m === 'car' && i < nodes.length - 1 && /小计/.test(compact(nodes[i + 1].text))) return 'car';
      return m;
    }
  }
  return undefined;
}

function isGeneralBudgetColumn(c: TableColumn): boolean {
  return (c.nodes ?? []).some((n) => /一般公共预算/.test(compact(n.text)));
}

/** Current-year amount of a 三公 item: by columns (horizontal tables) or by rows (vertical tables). */
function threePublicAmount(t7: BudgetTable, item: Measure): Amount | undefined {
  const cols = t7.columns.filter((c) => c.role === 'amount' && isCurrent(c) && itemOf(c) === item);
  if (cols.length > 0) {
    const crossed = cols.filter(isGeneralBudgetColumn);
    const col = crossed[0] ?? cols[0];
    const row = currentRow(t7);
    return row ? amountAt(t7, row, col.col) : undefined;
  }
  const rows = t7.rows.filter((r) => r.measure === item && r.role !== 'ofWhich');
  const rows2 = rows.length > 0 ? rows : t7.rows.filter((r) => r.measure === item);
  if (rows2.length !== 1) return undefined;
  const col = measureColumn(t7, 'gpb') ?? totalColumn(t7);
  return col ? amountAt(t7, rows2[0], col.col) : undefined;
}

function currentRow(t7: BudgetTable): TableRow | undefined {
  const byYear = t7.rows.filter((r) => r.period === 'current');
  if (byYear.length === 1) return byYear[0];
  if (t7.rows.some((r) => r.period)) return undefined;
  return totalRow(t7);
}

/** 经济分类 amount rows for a code (or, in name-only tables, the row named for the item). */
function economicRows(table: BudgetTable, code: string, item: Measure): TableRow[] {
  const coded = table.rows.filter((r) => r.code === code);
  if (coded.length > 0) return coded;
  if (table.rows.some((r) => r.code)) return [];
  return table.rows.filter((r) => r.level !== 'total' && measureOf(r.name) === item);
}

const TITLE = {
  zh: '“三公”经费小于经济分类中的对应支出',
  en: '“Three public” spending below the matching economic-classification amount',
};

export const threePublicEconomic = defineRule({
  meta: { id: 'budget/three-public-economic', group: 'budget', title: TITLE, messages: sumMessages(TITLE) },
  check(ctx) {
    const out: Report<SumMessage>[] = [];
    const t7 = tablesOf(ctx.tables, 'three-public')[0];
    if (!t7) return out;
    const candidates = [
      ...tablesOf(ctx.tables, 'economic-classification'),
      ...tablesOf(ctx.tables, 'general-budget-basic'),
      ...tablesOf(ctx.tables, 'fiscal-grant-basic'),
    ];
    const n7 = tableName(t7, ctx.tables);
    for (const item of ITEMS) {
      const econ = candidates.find((t) => economicRows(t, item.code, item.measure).length > 0);
      if (!econ) continue;
      const col = totalColumn(econ);
      const mine = threePublicAmount(t7, item.measure);
      if (!col || !mine) continue;
      const rows = economicRows(econ, item.code, item.measure);
      const expected = rows
        .map((r) => amountAt(econ, r, col.col))
        .filter((a) => a.value !== undefined && a.value !== 0);
      if (expected.length === 0) continue;
      const ne = tableName(econ, ctx.tables);
      const f = checkCross(ctx, {
        rule: 'budget/three-public-economic',
        actual: mine,
        expected,
        relation: 'ge',
        what: {
          zh: `${n7} ${item.zh}不应小于 ${ne} 中 ${item.code} ${item.zh}`,
          en: `${n7} ${item.en} should not be below ${item.code} in ${ne}`,
        },
      });
      if (f) out.push(f);
    }
    return out;
  },
});
