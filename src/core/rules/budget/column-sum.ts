/**
 * budget/column-sum — on every row, a 合计/总计/小计 column equals its parts, read from the header structure:
 * 合计 = 基本支出 + 项目支出, 基本支出/小计 = 人员经费 + 公用经费, 三公 合计 = 出国 + 用车 + 接待,
 * 用车/小计 = 购置 + 运行; 其中 columns are not parts; a crossed header (三公 by fund) matches the parts
 * under the same lower header. In 决算 tables a 合计 sums the columns of its own period only (预算数 with 预算数,
 * 决算数 with 决算数): recognition gives every column a period and parts of another period are never taken.
 */
import { CellRange } from '../../model/address';
import { compact, isTotalHeader, measureOf } from '../../tables/text';
import { BudgetTable, HeaderNode, TableColumn } from '../../tables/types';
import {
  amountAt,
  amountColumns,
  checkSum,
  rowsSumHold,
  columnName,
  periodGroup,
  rowName,
  SumMessage,
  sumMessages,
  tableName,
} from '../../budget/checks';
import { defineRule, Report, ReviewContext } from '../../context';

interface ColumnSum {
  total: number;
  parts: number[];
}

const EXCLUDED = /政府采购|中小企业|备注|说明/;
const THREE_PUBLIC_ITEMS = new Set(['abroad', 'car', 'reception']);

const key = (r: CellRange) => `${r.top}:${r.left}`;

/** Column sums of a set of amount columns (a one-sided table, or one side of a 收支 table). */
function columnSums(cols: TableColumn[]): ColumnSum[] {
  const out: ColumnSum[] = [];
  const seen = new Set<string>();
  const amount = cols.filter((c) => c.role === 'amount');
  for (const t of amount) {
    if (t.ofWhich) continue;
    const nodes = t.nodes ?? [];
    let k = -1;
    for (let i = nodes.length - 1; i >= 0; i--)
      if (isTotalHeader(nodes[i].text)) {
        k = i;
        break;
      }
    if (k < 0) continue;
    const parts = partsOf(amount, t, k);
    if (!parts || parts.length === 0 || parts.includes(t.col)) continue;
    const id = `${t.col}=${parts.join('+')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ total: t.col, parts });
  }
  // 公务用车购置及运行费 with 其中：购置 / 其中：运行 beside it: the two make up the whole
  for (let i = 0; i < amount.length; i++) {
    const c = amount[i];
    if (c.measure !== 'car' || c.ofWhich) continue;
    const next = amount.slice(i + 1, i + 3);
    if (next.length === 2 && next.every((n) => n.ofWhich)) {
      const ms = new Set(next.map((n) => n.measure));
      if (ms.has('car-purchase') && ms.has('car-running'))
        out.push({ total: c.col, parts: next.map((n) => n.col) });
    }
  }
  return out;
}

function nodeText(cols: TableColumn[], range: CellRange): string {
  for (const c of cols) for (const n of c.nodes ?? []) if (key(n.range) === key(range)) return n.text;
  return '';
}

/** Columns under a header node, and the nodes one level below it. */
function under(cols: TableColumn[], node: CellRange): { cols: TableColumn[]; children: HeaderNode[] } {
  const inside = cols.filter((c) => (c.nodes ?? []).some((n) => key(n.range) === key(node)));
  const children = new Map<string, HeaderNode>();
  for (const c of inside) {
    const ns = c.nodes ?? [];
    const i = ns.findIndex((n) => key(n.range) === key(node));
    const child = ns[i + 1];
    if (child) children.set(key(child.range), child);
  }
  return { cols: inside, children: [...children.values()].sort((a, b) => a.range.left - b.range.left) };
}

/** The columns that stand for a header node: its own 小计/合计, else the parts under it. */
function pick(cols: TableColumn[], node: CellRange): TableColumn[] | null {
  const { cols: inside, children } = under(cols, node);
  if (children.length === 0) return inside.filter((c) => !c.ofWhich);
  const totals = children.filter((ch) => isTotalHeader(ch.text));
  if (totals.length === 1) return under(cols, totals[0].range).cols.filter((c) => !c.ofWhich);
  if (totals.length > 1) return null;
  const out: TableColumn[] = [];
  for (const ch of children) {
    if (/^其中/.test(compact(ch.text)) && under(cols, ch.range).cols.every((c) => c.ofWhich)) continue;
    const p = pick(cols, ch.range);
    if (p === null) return null;
    out.push(...p);
  }
  return out;
}

function partsOf(cols: TableColumn[], t: TableColumn, k: number): number[] | null {
  const nodes = t.nodes ?? [];
  const n = nodes[k];
  const suffix = nodes.slice(k + 1).map((x) => compact(x.text));
  const parent = k > 0 ? nodes[k - 1].range : undefined;
  const pool = parent ? cols.filter((c) => c.col >= parent.left && c.col <= parent.right) : cols;
  // sibling header nodes: same top row, same parent
  const sibs = new Map<string, CellRange>();
  for (const c of pool)
    for (const x of c.nodes ?? [])
      if (x.range.top === n.range.top && key(x.range) !== key(n.range)) sibs.set(key(x.range), x.range);
  let siblings = [...sibs.values()].sort((a, b) => a.left - b.left);
  const threePublic = /三公/.test(compact(n.text));
  siblings = siblings.filter((s) => {
    const text = compact(nodeText(cols, s));
    if (EXCLUDED.test(text)) return false;
    if (threePublic) return THREE_PUBLIC_ITEMS.has(measureOf(text) ?? '');
    const cs = under(pool, s).cols;
    if (cs.length > 0 && cs.every((c) => c.ofWhich)) return false;
    if (
      cs.length > 0 &&
      t.period !== undefined &&
      cs.every((c) => c.period !== undefined && c.period !== t.period)
    )
      return false;
    return true;
  });
  if (siblings.length === 0) return null;
  const parts: number[] = [];
  for (const s of siblings) {
    let p = pick(pool, s);
    if (p === null) return null;
    if (suffix.length > 0)
      p = p.filter((c) => {
        const texts = (c.nodes ?? []).map((x) => compact(x.text));
        return suffix.every((sx, i) => texts[texts.length - suffix.length + i] === sx);
      });
    if (p.length === 0) return null;
    parts.push(...p.map((c) => c.col));
  }
  return parts;
}

const TITLE = { zh: '合计列与分项列不符', en: 'A total column does not equal its part columns' };

export const columnSum = defineRule({
  meta: { id: 'budget/column-sum', group: 'budget', title: TITLE, messages: sumMessages(TITLE) },
  check(ctx) {
    const out: Report<SumMessage>[] = [];
    for (const table of ctx.tables) {
      if (table.empty) continue;
      const tn = tableName(table, ctx.tables);
      const groups = table.sections ? table.sections.map((_, i) => i) : [undefined];
      for (const section of groups) {
        const sums = columnSums(amountColumns(table, section)).map((s) => {
          // 决算 tables: say which period's columns are summed (预算数 合计 = …, 决算数 合计 = …)
          const group = periodGroup(table, s.total);
          return {
            ...s,
            names: s.parts.map((c) => columnName(table, c)),
            totalName: group ? `${group} ${columnName(table, s.total)}` : columnName(table, s.total),
          };
        });
        if (sums.length === 0) continue;
        const rows = table.rows.filter((r) => section === undefined || r.section === section);
        // index loops: a row × sum loop over every row of the table
        for (let i = 0; i < rows.length; i++)
          for (let k = 0; k < sums.length; k++) push(ctx, out, table, tn, rows[i], sums[k]);
      }
    }
    return out;
  },
});

function push(
  ctx: ReviewContext,
  out: Report<SumMessage>[],
  table: BudgetTable,
  tn: string,
  row: BudgetTable['rows'][number],
  s: ColumnSum & { names: string[]; totalName: string },
): void {
  // nothing printed in the row for this sum: nothing to check
  if (!row.values.has(s.total) && !row.unknown && !anyPrinted(row, s.parts)) return;
  if (rowsSumHold(ctx, table, row, s.total, row, s.parts)) return;
  const total = amountAt(table, row, s.total);
  const parts = s.parts.map((c) => amountAt(table, row, c));
  const where = rowName(row);
  const f = checkSum(ctx, {
    rule: 'budget/column-sum',
    total,
    parts,
    what: { zh: `${s.totalName} = ${s.names.join(' + ')}`, en: `${s.totalName} = ${s.names.join(' + ')}` },
    where: { zh: `${tn} ${where.zh}`, en: `${tn}, ${where.en}` },
    decimals: table.decimals,
    partNames: s.names,
  });
  if (f) out.push(f);
}

/** Does the row print an amount in any of the columns? */
function anyPrinted(row: BudgetTable['rows'][number], cols: number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (row.values.has(cols[i])) return true;
  return false;
}
