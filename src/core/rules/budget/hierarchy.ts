/**
 * budget/hierarchy — in every amount column of a one-sided table: the 合计 row = Σ top-level rows (类),
 * 类 = Σ 款, 款 = Σ 项 (matched by code prefix; for tables without codes, by list numbers or by the
 * levels inferred at recognition). Levels with no children printed are not checked; 其中 rows are not parts.
 */
import { BudgetTable, TableRow } from '../../tables/types';
import {
  amountAt,
  amountColumns,
  checkSum,
  rowsSumHold,
  columnName,
  rowName,
  SumMessage,
  sumMessages,
  tableName,
} from '../../budget/checks';
import { childrenOf, topLevel } from '../../budget/structure';
import { defineRule, Report } from '../../context';

const TITLE = { zh: '上级科目与下级科目之和不符', en: 'A parent row does not equal the sum of its rows' };

export const hierarchy = defineRule({
  meta: { id: 'budget/hierarchy', group: 'budget', title: TITLE, messages: sumMessages(TITLE) },
  check(ctx) {
    const out: Report<SumMessage>[] = [];
    for (const table of ctx.tables) {
      if (table.empty || table.sections) continue;
      const cols = amountColumns(table);
      const rows = table.rows;
      const kids = childrenOf(rows);
      const tn = tableName(table, ctx.tables);
      for (const [p, children] of kids) {
        const parent = rows[p];
        const childRows = children.map((i) => rows[i]);
        for (const c of cols) {
          if (rowsSumHold(ctx, table, parent, c.col, childRows, c.col)) continue;
          const total = amountAt(table, parent, c.col);
          const parts = children.map((i) => amountAt(table, rows[i], c.col));
          const f = checkSum(ctx, {
            rule: 'budget/hierarchy',
            total,
            parts,
            what: describe(
              parent,
              children.map((i) => rows[i]),
              table,
              c.col,
            ),
            where: { zh: `${tn} ${rowName(parent).zh}`, en: `${tn}, ${rowName(parent).en}` },
            decimals: table.decimals,
          });
          if (f) out.push(f);
        }
      }
      const top = topLevel(rows);
      if (top.length === 0) continue;
      for (const g of rows.filter((r) => r.role === 'grand')) {
        for (const c of cols) {
          const f = checkSum(ctx, {
            rule: 'budget/hierarchy',
            total: amountAt(table, g, c.col),
            parts: top.map((i) => amountAt(table, rows[i], c.col)),
            what: {
              zh: `${columnName(table, c.col)}列 ${g.name || '合计'} = ${levelWord(rows, top).zh}之和（${top.length} 行）`,
              en: `column ${columnName(table, c.col)}: ${g.name || '合计'} = sum of the ${top.length} ${levelWord(rows, top).en} rows`,
            },
            where: { zh: `${tn} ${rowName(g).zh}`, en: `${tn}, ${rowName(g).en}` },
            decimals: table.decimals,
          });
          if (f) out.push(f);
        }
      }
    }
    return out;
  },
});

function levelWord(rows: TableRow[], idx: number[]): { zh: string; en: string } {
  const levels = new Set(idx.map((i) => rows[i].level));
  if (levels.size === 1 && levels.has('lei')) return { zh: '各类', en: '类 (class)' };
  return { zh: '各项', en: 'top-level' };
}

function describe(
  parent: TableRow,
  children: TableRow[],
  table: BudgetTable,
  col: number,
): { zh: string; en: string } {
  const label = parent.code ?? parent.name;
  const listed = children.map((c) => c.code ?? c.name);
  const shown =
    listed.length <= 6 ? listed.join('、') : `${listed.slice(0, 5).join('、')}…（共 ${listed.length} 行）`;
  const shownEn =
    listed.length <= 6 ? listed.join(', ') : `${listed.slice(0, 5).join(', ')}… (${listed.length} rows)`;
  const col1 = columnName(table, col);
  return {
    zh: `${col1}列 ${label} = ${shown} 之和`,
    en: `column ${col1}: ${label} = sum of ${shownEn}`,
  };
}
