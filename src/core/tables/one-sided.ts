/**
 * Rows of a one-sided budget table (label columns, then amount columns): each row's code, name, level and
 * amounts; parents by code prefix, or — in a table without codes — from ordinals and amounts (tree.ts).
 */
import { Grid } from './grid';
import { codeKind, codeRuns, levelOfCode, readCode } from './code-columns';
import { amountValues, decimalsOf, unknownCells, vector } from './row-values';
import {
  codeInName,
  compact,
  ECONOMIC_LEI_NAMES,
  FUNCTIONAL_LEI_NAMES,
  isTotalLabel,
  measureOf,
  periodOf,
  yearIn,
} from './text';
import { buildTree } from './tree';
import { BudgetTable, BudgetTableKind, TableColumn, TableRow } from './types';

const FUNCTIONAL_KINDS: BudgetTableKind[] = [
  'expenditure',
  'general-budget',
  'general-budget-basic-functional',
  'fiscal-grant-expenditure',
  'gov-fund',
  'state-capital',
];
const ECONOMIC_KINDS: BudgetTableKind[] = [
  'general-budget-basic',
  'economic-classification',
  'fiscal-grant-basic',
];

/** Which columns a one-sided table's rows are read from. */
interface ColumnPlan {
  amount: TableColumn[];
  /** The code run read as the row's code (a classification code, else the 单位代码). */
  primary?: TableColumn[];
  /** The primary code is a 单位代码 (西安 收入总表: 117 / 117001): every coded row is an item. */
  unitCodes: boolean;
  /** A second classification code run: the 政府经济分类 code. */
  secondary?: TableColumn[];
  /** A 单位代码 column. */
  unitRun?: TableColumn[];
  /** Column of the first code (Infinity without codes). */
  firstCode: number;
  nameCol?: number;
  /** Every column that is not an amount, left to right (as the header reads them). */
  labelCols: number[];
  /** labelCols as a lookup by column: a row's labels come from one pass over its cells, in the same order. */
  isLabel: boolean[];
  /** A 年度 / 年份 column: rows are years, not codes. */
  periodCol?: number;
}

/** Code parts carried down from the rows above, one list per code run (split 类 | 款 | 项 layouts). */
interface CarriedCodes {
  primary: (string | undefined)[];
  secondary: (string | undefined)[];
  unit: (string | undefined)[];
}

const isRemark = (c: TableColumn) => /备注|说明/.test(c.path.join(''));

function planColumns(cols: TableColumn[]): ColumnPlan {
  const names = cols.filter((c) => c.role === 'name');
  const runs = codeRuns(cols);
  const isUnitRun = (r: TableColumn[]) => r.length === 1 && codeKind(r[0]) === 'unit';
  const classRuns = runs.filter((r) => !isUnitRun(r));
  const unitRun = runs.find(isUnitRun);
  const primary = classRuns[0] ?? unitRun;
  const nameAfterCodes =
    primary && names.find((c) => c.col > primary[primary.length - 1].col && !isRemark(c));
  const labelCols = cols.filter((c) => c.role !== 'amount').map((c) => c.col);
  const isLabel: boolean[] = [];
  for (const c of labelCols) isLabel[c] = true;
  return {
    amount: cols.filter((c) => c.role === 'amount'),
    primary,
    unitCodes: !!primary && primary === unitRun,
    secondary: classRuns[1],
    unitRun,
    firstCode: primary ? primary[0].col : Infinity,
    nameCol: (nameAfterCodes ?? names.find((c) => !isRemark(c)))?.col,
    labelCols,
    isLabel,
    periodCol: names.find((c) => /年度|年份/.test(c.path.join('')))?.col,
  };
}

export function oneSidedRows(grid: Grid, table: BudgetTable, dataRows: number[]): TableRow[] {
  const plan = planColumns(table.columns);
  if (plan.periodCol !== undefined && table.year === undefined)
    for (let i = 0; i < dataRows.length; i++) {
      const y = yearIn(grid.ownText(dataRows[i], plan.periodCol));
      if (y !== undefined && (table.year === undefined || y > table.year)) table.year = y;
    }
  const carried: CarriedCodes = {
    primary: plan.primary ? plan.primary.map(() => undefined) : [],
    secondary: plan.secondary ? plan.secondary.map(() => undefined) : [],
    unit: [undefined],
  };
  // index loops: one pass per row of every table, mostly before it is optimised
  const rows: TableRow[] = [];
  for (let i = 0; i < dataRows.length; i++) {
    const row = readRow(grid, table, dataRows[i], plan, carried);
    if (row) rows.push(row);
  }
  if (rows.some((r) => r.code)) {
    markUnitRows(grid, rows, plan);
    linkByCodes(rows);
  } else if (!rows.some((r) => r.period)) linkByAmounts(table, rows, plan.amount);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row.code && row.level !== 'total') row.measure = measureOf(row.name);
  }
  return rows;
}

/** One data row; undefined for a row with no label, no amount and no unknown cell. */
function readRow(
  grid: Grid,
  table: BudgetTable,
  r: number,
  plan: ColumnPlan,
  carried: CarriedCodes,
): TableRow | undefined {
  // the row's own texts are its cells' texts (left to right, as labelCols): one pass, no lookup per column
  const labels: string[] = [];
  const cells = grid.rowCells(r);
  for (let i = 0; i < cells.length; i++) if (plan.isLabel[cells[i].col]) labels.push(cells[i].text);
  const values = amountValues(grid, r, plan.amount);
  const unknown = unknownCells(grid, r, plan.amount);
  if (labels.length === 0 && values.size === 0 && unknown.length === 0) return undefined;
  const { primary, nameCol } = plan;
  let code = primary ? readCode(grid, r, primary, carried.primary) : undefined;
  const codeCols = code && primary ? printedCols(grid, r, primary) : [];
  let name = nameCol !== undefined ? grid.ownText(r, nameCol) : '';
  if (name === '') name = labels.find((l) => !/^\d+$/.test(compact(l))) ?? '';
  if (!code) {
    const inName = codeInName(name);
    if (inName) {
      code = inName.code;
      name = inName.name;
      if (nameCol !== undefined) codeCols.push(nameCol);
    }
  }
  const total = labels.some((l) => isTotalLabel(l));
  const row: TableRow = {
    row: r,
    codeCols,
    name,
    level: total ? 'total' : code ? levelOfCode(code, plan.unitCodes) : 'other',
    values,
  };
  if (unknown.length > 0) row.unknown = [...unknown];
  if (nameCol !== undefined) row.nameCol = nameCol;
  if (code && !total) row.code = code;
  if (total) row.role = 'grand';
  readOtherCodes(grid, r, plan, carried, row);
  if (plan.periodCol !== undefined) {
    const p = periodOf(grid.ownText(r, plan.periodCol), table.year, table.variant === 'final');
    if (p) row.period = p;
  }
  return row;
}

/** The columns of a code run that print something in row `r` (one list a row, kept: made to size). */
function printedCols(grid: Grid, r: number, run: TableColumn[]): number[] {
  if (run.length === 1) return grid.ownText(r, run[0].col) !== '' ? [run[0].col] : [];
  const out: number[] = [];
  for (let i = 0; i < run.length; i++) if (grid.ownText(r, run[i].col) !== '') out.push(run[i].col);
  return out;
}

/** The 政府经济分类 code and the 单位代码 of a row, when the table has those columns besides its main code. */
function readOtherCodes(grid: Grid, r: number, plan: ColumnPlan, carried: CarriedCodes, row: TableRow): void {
  if (plan.secondary) {
    const g = readCode(grid, r, plan.secondary, carried.secondary);
    if (g) row.govCode = g;
  }
  if (plan.unitRun && plan.unitRun !== plan.primary) {
    const u = readCode(grid, r, plan.unitRun, carried.unit);
    if (u) row.unitCode = u;
  }
}

/**
 * A row for one 预算单位 (a 单位代码 but no classification code, or a name in the 预算单位 column only) stands
 * above the coded rows that follow it.
 */
function markUnitRows(grid: Grid, rows: TableRow[], plan: ColumnPlan): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.code || row.level === 'total') continue;
    const labels = plan.labelCols.filter((c) => grid.ownText(row.row, c) !== '');
    const unitLabelOnly = labels.length > 0 && labels.every((c) => c !== plan.nameCol && c < plan.firstCode);
    if (row.unitCode || unitLabelOnly) {
      row.role = 'unit';
      row.level = 'item';
    }
  }
}

/** Parent = the nearest row above whose code is a proper prefix, else the 预算单位 row above. */
function linkByCodes(rows: TableRow[]): void {
  const stack: number[] = [];
  let unit: number | undefined;
  rows.forEach((row, i) => {
    if (row.role === 'unit' || row.level === 'total') {
      unit = row.role === 'unit' ? i : undefined;
      stack.length = 0;
      return;
    }
    if (!row.code) return;
    while (stack.length && !row.code.startsWith(rows[stack[stack.length - 1]].code as string)) stack.pop();
    const p = stack.length ? stack[stack.length - 1] : undefined;
    if (p !== undefined && rows[p].code !== row.code) row.parent = p;
    // the same code printed twice (two 30208 rows): a sibling of the first, summed into the same parent
    // (codes/duplicate reports it), not a top-level row of its own
    else if (p !== undefined) row.parent = rows[p].parent;
    else if (unit !== undefined) row.parent = unit;
    row.levelFrom = 'code';
    stack.push(i);
  });
}

/** A table without codes: levels from ordinals and amounts, 类 names anchoring the top of classified tables. */
function linkByAmounts(table: BudgetTable, rows: TableRow[], amount: TableColumn[]): void {
  const functional = FUNCTIONAL_KINDS.includes(table.kind);
  const economic = ECONOMIC_KINDS.includes(table.kind);
  const list = rows.filter((r) => r.level !== 'total');
  const grand = rows.filter((r) => r.role === 'grand');
  const treeCols = amount.filter((c) => c.period !== 'change').map((c) => c.col);
  const decimals = decimalsOf(rows);
  const tree = buildTree(list, {
    cols: treeCols,
    decimals,
    maxDepth: functional ? 3 : 2,
    anchors: functional ? FUNCTIONAL_LEI_NAMES : economic ? ECONOMIC_LEI_NAMES : undefined,
    target: grand.length === 1 ? vector(grand[0], treeCols, decimals) : undefined,
  });
  applyTree(rows, list, tree, functional || economic);
}

function applyTree(
  all: TableRow[],
  list: TableRow[],
  tree: ReturnType<typeof buildTree>,
  classified: boolean,
): void {
  const position = new Map(all.map((r, i) => [r, i]));
  list.forEach((row, i) => {
    const p = tree.parent[i];
    if (p !== undefined) row.parent = position.get(list[p]);
    if (tree.breakdown[i] > 0) row.breakdown = tree.breakdown[i];
    row.levelFrom = tree.from[i];
    if (tree.ofWhich[i]) row.role = 'ofWhich';
    if (row.level === 'other' || row.level === 'item') {
      const d = tree.depth[i];
      row.level = classified ? (d === 0 ? 'lei' : d === 1 ? 'kuan' : d === 2 ? 'xiang' : 'other') : 'item';
    }
  });
}
