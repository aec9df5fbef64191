/**
 * Rows of a two-sided budget table (收支总表, 财政拨款收支总表): each side (section) read as its own list of
 * items; year totals (本年收入合计), grand totals (收入总计), carry-overs after the year part, groups merged down
 * the first label column (济源) and levels from ordinals and amounts (tree.ts).
 */
import { Grid } from './grid';
import { amountValues, decimalsOf, unknownCells, vector } from './row-values';
import {
  compact,
  ECONOMIC_LEI_NAMES,
  FUNCTIONAL_LEI_NAMES,
  isGrandTotalLabel,
  isYearTotalLabel,
  measureOf,
  ordinalOf,
} from './text';
import { buildTree } from './tree';
import { BudgetTable, TableColumn, TableRow, TableSection } from './types';

const SUBTOTAL = /^(小计|合计)$/;
const GROUP_SUBTOTAL = /（(小计|合计)）$/;

export function twoSidedRows(
  grid: Grid,
  table: BudgetTable,
  sections: TableSection[],
  dataRows: number[],
): TableRow[] {
  const all: TableRow[] = [];
  const byCol = new Map(table.columns.map((c) => [c.col, c]));
  sections.forEach((s, si) => {
    const amount = s.amountCols.map((c) => byCol.get(c) as TableColumn);
    const { rows, groupOf } = readSide(grid, s, si, amount, dataRows);
    const ranks = groupRanks(rows, groupOf);
    headYearAndCarry(rows, ranks);
    const base = all.length;
    for (const row of rows) all.push(row);
    linkSide({ base, rows, section: s, decimals: decimalsOf(rows), ranks });
    levelsUnderLei(all, rows);
  });
  return all;
}

/**
 * The rows of one side. 济源-style sides: a group label merged down the first label column (一般公共预算收入)
 * and items in the second; `groupOf` names each row's group (`top:label`), if any.
 */
function readSide(
  grid: Grid,
  s: TableSection,
  si: number,
  amount: TableColumn[],
  dataRows: number[],
): { rows: TableRow[]; groupOf: (string | undefined)[] } {
  const labelCols = s.labelCols ?? [s.labelCol];
  const rows: TableRow[] = [];
  const groupOf: (string | undefined)[] = [];
  for (const r of dataRows) {
    let nameCol = labelCols[labelCols.length - 1];
    let name = '';
    for (let k = labelCols.length - 1; k >= 0; k--) {
      const t = grid.ownText(r, labelCols[k]);
      if (t !== '') {
        [name, nameCol] = [t, labelCols[k]];
        break;
      }
    }
    const values = amountValues(grid, r, amount);
    const unknown = unknownCells(grid, r, amount);
    if (name === '' && values.size === 0 && unknown.length === 0) continue;
    let group: string | undefined;
    if (labelCols.length > 1 && nameCol !== labelCols[0]) {
      const m = grid.merge(r, labelCols[0]);
      if (m && m.bottom > m.top) group = `${m.top}:${grid.shownText(r, labelCols[0])}`;
    }
    const row: TableRow = {
      row: r,
      codeCols: [],
      name,
      nameCol,
      level: 'item',
      values,
      side: s.side,
      section: si,
    };
    if (unknown.length > 0) row.unknown = [...unknown];
    markSideRole(row, group);
    groupOf.push(group);
    rows.push(row);
  }
  return { rows, groupOf };
}

/** A group's 小计 is an item named after its group; a 本年收入合计 is a year total, a 收入总计 the grand total. */
function markSideRole(row: TableRow, group: string | undefined): void {
  const name = row.name;
  const groupSubtotal = !!group && SUBTOTAL.test(compact(name));
  if (groupSubtotal) row.name = `${(group as string).split(':')[1]}（${name}）`;
  if (groupSubtotal) {
    // the group's subtotal: an item of the side, not a side total
  } else if (isYearTotalLabel(name)) {
    row.role = 'year';
    if (ordinalOf(name).rank === 0) row.level = 'total';
  } else if (isGrandTotalLabel(name)) {
    row.role = 'grand';
    row.level = 'total';
  }
  const m = measureOf(row.name);
  if (m && row.level !== 'total') row.measure = m;
}

/** Ranks for grouped rows: the group's 小计 heads the group, its other items sit one level below. */
function groupRanks(rows: TableRow[], groupOf: (string | undefined)[]): (number | undefined)[] {
  const ranks: (number | undefined)[] = rows.map(() => undefined);
  const groupsWithTotal = new Set<string | undefined>();
  rows.forEach((r, i) => {
    if (groupOf[i] && GROUP_SUBTOTAL.test(r.name)) groupsWithTotal.add(groupOf[i]);
  });
  if (groupsWithTotal.size === 0) return ranks;
  rows.forEach((r, i) => {
    const g = groupOf[i];
    if (r.level === 'total') return;
    if (!g || !groupsWithTotal.has(g)) {
      // an item beside the groups (上年结余（结转） merged over both label columns) is their sibling
      if (ordinalOf(r.name).rank === 0) ranks[i] = 1;
      return;
    }
    ranks[i] = GROUP_SUBTOTAL.test(r.name) ? 1 : 2;
  });
  return ranks;
}

/** A carry-over term of a 收支 side: 上年结转, 年末结转和结余, 结转下年, 年终结转结余 (not a 其中 line). */
const CARRY_ROW = /^(上年|年初|年末|年终|期末)[^其]*(结转|结余)|^结转下年|^上年结余/;

/**
 * 本年支出合计 printed first, above the 类 rows (central-government layout), heads them like 一、本年支出: it is not a
 * total closing the rows above it; and an unnumbered 年末结转 / 结转下年 after a numbered list (or under such a
 * heading) is a term of the side, never a part of the last item (a 支出总计 is not the sum of a line and its own
 * breakdown).
 */
function headYearAndCarry(rows: TableRow[], ranks: (number | undefined)[]): void {
  const first = rows[0];
  if (first?.role === 'year' && first.level === 'total' && rows[1] && rows[1].level !== 'total')
    first.level = 'item';
  let headed = false; // a year heading above this row
  rows.forEach((r, i) => {
    const o = ordinalOf(r.name);
    const prev = rows[i - 1];
    const afterList = !!prev && prev.level !== 'total' && ordinalOf(prev.name).rank > 0;
    if (
      (afterList || headed) &&
      ranks[i] === undefined &&
      o.rank === 0 &&
      !o.ofWhich &&
      r.level !== 'total' &&
      CARRY_ROW.test(o.rest)
    )
      ranks[i] = 0.5;
    if (r.role === 'year' && r.level !== 'total') headed = true;
  });
}

/** A side's rows and how they are nested: `base` is the index of its first row in the table's rows. */
interface Side {
  base: number;
  rows: TableRow[];
  section: TableSection;
  decimals: number;
  ranks: (number | undefined)[];
}

/** Rows [from, to) between total rows; `closer` is the total row that ends them. */
interface Region {
  from: number;
  to: number;
  closer?: TableRow;
}

/** What the regions before tell the next one: the year total or heading, and whether it was passed. */
interface YearState {
  yearRow?: TableRow;
  afterYear: boolean;
}

/** Each region between total rows is its own list, nested by ordinals and amounts. */
function linkSide(side: Side): void {
  const regions: Region[] = [];
  let start = 0;
  side.rows.forEach((row, i) => {
    if (row.level === 'total') {
      regions.push({ from: start, to: i, closer: row });
      start = i + 1;
    }
  });
  regions.push({ from: start, to: side.rows.length });
  const state: YearState = { afterYear: false };
  for (const reg of regions) {
    if (reg.to > reg.from) linkRegion(side, reg, state);
    if (reg.closer?.role === 'year') {
      state.yearRow = reg.closer;
      state.afterYear = true;
    }
  }
}

/** What a region's top rows should add up to: its year total, or its grand total less the year total. */
function regionTarget(side: Side, reg: Region, state: YearState): number[] | undefined {
  const { closer } = reg;
  const cols = side.section.amountCols;
  if (closer && closer.role === 'year') return vector(closer, cols, side.decimals);
  if (!closer || closer.role !== 'grand') return undefined;
  const target = vector(closer, cols, side.decimals);
  if (!state.yearRow) return target;
  const y = vector(state.yearRow, cols, side.decimals);
  return target.map((v, k) => v - y[k]);
}

function linkRegion(side: Side, reg: Region, state: YearState): void {
  const list = side.rows.slice(reg.from, reg.to);
  const expense = side.section.side === 'expense';
  const tree = buildTree(list, {
    cols: side.section.amountCols,
    decimals: side.decimals,
    ranks: side.ranks.slice(reg.from, reg.to),
    headings: list.map((r) => r.role === 'year' && r.level !== 'total' && ordinalOf(r.name).rank === 0),
    // a heading 一、本年支出合计 above the 类 rows is not a level of its own
    maxDepth: list.some((r) => r.role === 'year' && r.level !== 'total') ? 4 : 3,
    anchors: expense ? new Set([...FUNCTIONAL_LEI_NAMES, ...ECONOMIC_LEI_NAMES]) : undefined,
    target: regionTarget(side, reg, state),
  });
  list.forEach((row, i) => {
    const p = tree.parent[i];
    if (p !== undefined) row.parent = side.base + reg.from + p;
    if (tree.breakdown[i] > 0) row.breakdown = tree.breakdown[i];
    row.levelFrom = tree.from[i];
    if (tree.ofWhich[i]) row.role = 'ofWhich';
    if (expense && tree.depth[i] === 0 && FUNCTIONAL_LEI_NAMES.has(ordinalOf(row.name).rest))
      row.level = 'lei';
    if (p === undefined && !tree.ofWhich[i]) {
      // the items of a year part are children of its total; top-level rows after the year total are carry-overs
      if (reg.closer?.role === 'year' && reg.closer.level === 'total') row.parent = side.base + reg.to;
      else if (state.afterYear && row.role !== 'year') row.role = 'carry';
    }
  });
  // a prefixed 本年收入 heading (一、本年收入) opens the year part; its top-level siblings are carry-overs
  const prefixedYear = list.find((r) => r.role === 'year' && r.level !== 'total');
  if (prefixedYear) {
    state.yearRow = prefixedYear;
    for (const row of list)
      if (row !== prefixedYear && row.parent === undefined && row.role !== 'ofWhich') row.role = 'carry';
  }
}

/** Sub-items of the expense side (款/项 under a 类 name) get levels from their 类. */
function levelsUnderLei(all: TableRow[], rows: TableRow[]): void {
  for (const row of rows) {
    if (row.level !== 'item' || row.parent === undefined) continue;
    const p = all[row.parent];
    if (p.level === 'lei') row.level = 'kuan';
    else if (p.level === 'kuan') row.level = 'xiang';
  }
}
