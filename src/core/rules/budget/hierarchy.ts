/**
 * budget/hierarchy — in every amount column of a one-sided table: the 合计 row = Σ top-level rows (类),
 * 类 = Σ 款, 款 = Σ 项 (matched by code prefix; for tables without codes, by list numbers or by the
 * levels inferred at recognition). Levels with no children printed are not checked; 其中 rows are not parts.
 */
import { Finding } from '../../model/findings';
import { BudgetTable, TableRow } from '../../tables/types';
import { Rule } from '../rule';
import { amountAt, amountColumns, checkSum, columnName, rowName, tableName } from './common';

/**
 * Children of each row, 其中 rows left out: [parent index, child indices] — once per breakdown when a parent
 * is broken down twice (each breakdown adds up to the parent on its own).
 */
export function childrenOf(rows: TableRow[]): [number, number[]][] {
  const kids = new Map<string, [number, number[]]>();
  rows.forEach((r, i) => {
    if (r.parent === undefined || r.role === 'ofWhich') return;
    const key = `${r.parent}:${r.breakdown ?? 0}`;
    const entry = kids.get(key) ?? [r.parent, []];
    entry[1].push(i);
    kids.set(key, entry);
  });
  return [...kids.values()];
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

export const hierarchy: Rule = {
  id: 'budget/hierarchy',
  level: 'error',
  title: { zh: '上级科目与下级科目之和不符', en: 'A parent row does not equal the sum of its rows' },
  check(ctx) {
    const out: Finding[] = [];
    for (const table of ctx.tables) {
      if (table.empty || table.sections) continue;
      const cols = amountColumns(table);
      const rows = table.rows;
      const kids = childrenOf(rows);
      const tn = tableName(table, ctx.tables);
      const extra = ctx.settings.extraTolerance;
      for (const [p, children] of kids) {
        const parent = rows[p];
        for (const c of cols) {
          const f = checkSum({
            rule: 'budget/hierarchy',
            total: amountAt(table, parent, c.col),
            parts: children.map((i) => amountAt(table, rows[i], c.col)),
            what: describe(
              parent,
              children.map((i) => rows[i]),
              table,
              c.col,
            ),
            where: { zh: `${tn} ${rowName(parent).zh}`, en: `${tn}, ${rowName(parent).en}` },
            decimals: table.decimals,
            extra,
          });
          if (f) out.push(f);
        }
      }
      const top = topLevel(rows);
      if (top.length === 0) continue;
      for (const g of rows.filter((r) => r.role === 'grand')) {
        for (const c of cols) {
          const f = checkSum({
            rule: 'budget/hierarchy',
            total: amountAt(table, g, c.col),
            parts: top.map((i) => amountAt(table, rows[i], c.col)),
            what: {
              zh: `${columnName(table, c.col)}列 ${g.name || '合计'} = ${levelWord(rows, top).zh}之和（${top.length} 行）`,
              en: `column ${columnName(table, c.col)}: ${g.name || '合计'} = sum of the ${top.length} ${levelWord(rows, top).en} rows`,
            },
            where: { zh: `${tn} ${rowName(g).zh}`, en: `${tn}, ${rowName(g).en}` },
            decimals: table.decimals,
            extra,
          });
          if (f) out.push(f);
        }
      }
    }
    return out;
  },
};

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
