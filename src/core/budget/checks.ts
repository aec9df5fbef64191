/**
 * The budget rules' library: reading a table's cells, comparing amounts at printed precision (DOMAIN.md §3
 * tolerance: sums and their verdicts), and writing reports that name every cell involved. Every evaluated identity
 * is told to the context's observer.
 */
import { toA1 } from '../model/address';
import { MessageMeta, observeCheck, Report, ReviewContext, tolerance, Verdict } from '../context';
import { CellRef, Message } from '../model/findings';
import { formatAmount, MoneyUnit, toScaled, UNIT_FACTOR } from '../model/numbers';
import { isTotalHeader } from '../tables/text';
import { BudgetTable, Measure, Period, TableColumn, TableRow } from '../tables/types';

export type { CheckRecord, Verdict } from '../context';

/** The two messages of an identity a budget rule checks: it does not hold (error), or only by rounding (尾差). */
export type SumMessage = 'mismatch' | 'rounding';

/** Declare the messages of a rule that checks identities with checkSum / checkCross. */
export function sumMessages(what: Message): Record<SumMessage, MessageMeta> {
  return {
    mismatch: {
      level: 'error',
      zh: `${what.zh}：印出金额与计算结果不符`,
      en: `${what.en}: the printed amount differs from the sum`,
    },
    rounding: {
      level: 'info',
      rounding: true,
      zh: `${what.zh}：相差在四舍五入尾差之内`,
      en: `${what.en}: the difference is within rounding (尾差)`,
    },
  };
}

/**
 * Compare a computed sum with the printed amount, both as integers at `decimals`.
 * Within ½ unit of the last digit per term (and the total's own) → rounding; `extra` widens it.
 */
export function verdict(
  expected: number,
  actual: number,
  decimals: number,
  terms: number,
  extra = 0,
): Verdict {
  const diff = Math.abs(toScaled(expected, decimals) - toScaled(actual, decimals));
  if (diff === 0) return 'equal';
  const allowance = Math.max(1, Math.floor((terms + 1) / 2)) + Math.max(0, Math.round(extra));
  return diff <= allowance ? 'rounding' : 'mismatch';
}

/** Exact sum of printed amounts (integer arithmetic at `decimals`). */
export function exactSum(values: number[], decimals: number): number {
  let s = 0;
  for (const v of values) s += toScaled(v, decimals);
  return s / 10 ** decimals;
}

export function cellRef(table: BudgetTable, row: number, col: number): CellRef {
  return { sheet: table.sheet, cell: toA1(row, col) };
}

/** A short name for the table in messages: the sheet name when the sheet holds one table, else the title. */
export function tableName(table: BudgetTable, all: BudgetTable[]): string {
  const same = all.filter((t) => t.sheet === table.sheet).length;
  return same > 1 ? `${table.sheet}「${table.title}」` : table.sheet;
}

/** Header words of a column for messages: '基本支出/人员经费'; generic top groups are left out. */
export function columnName(table: BudgetTable, col: number): string {
  const c = table.columns.find((x) => x.col === col);
  if (!c) return toA1(0, col).replace(/\d+$/, '');
  const path = c.path.filter(
    (p, i) =>
      i === c.path.length - 1 ||
      !/^(本年|支出|收入|预算数|金额|本年支出|本年收入|决算数|年初预算数|调整预算数|全年预算数)$/.test(p),
  );
  return path.slice(-2).join('/') || toA1(0, col).replace(/\d+$/, '') + '列';
}

/**
 * The period group a column of a 决算 table sits under ('预算数', '年初预算数', '决算数'), for messages; '' when the
 * table is not a 决算 or the column has no such group above it.
 */
export function periodGroup(table: BudgetTable, col: number): string {
  if (table.variant !== 'final') return '';
  const c = table.columns.find((x) => x.col === col);
  const path = c?.path ?? [];
  return path.slice(0, -1).find((p) => /^(年初|调整|全年)?(预算|决算)数?$/.test(p)) ?? '';
}

/** 第8行“行政运行” / row 8 “行政运行”. */
export function rowName(row: TableRow): Message {
  const label = row.code ? `${row.code} ${row.name}`.trim() : row.name;
  return label
    ? { zh: `第${row.row + 1}行“${label}”`, en: `row ${row.row + 1} “${label}”` }
    : { zh: `第${row.row + 1}行`, en: `row ${row.row + 1}` };
}

export function fmt(value: number, decimals: number): string {
  return formatAmount(value, decimals);
}

export function amountOf(row: TableRow, col: number): number | undefined {
  return row.values.get(col)?.value;
}

/** Amount columns that take part in sums (not ratios); optionally only one section's. */
export function amountColumns(table: BudgetTable, section?: number): TableColumn[] {
  const cols = table.columns.filter((c) => c.role === 'amount');
  if (section === undefined || !table.sections) return cols;
  const s = table.sections[section];
  return cols.filter((c) => s.amountCols.includes(c.col));
}

export function isCurrent(c: TableColumn): boolean {
  return c.period === undefined || c.period === 'current';
}

/** Depth of the shallowest total word in a column's header (Infinity when none). */
function totalDepth(c: TableColumn): number {
  const nodes = c.nodes ?? [];
  for (let i = 0; i < nodes.length; i++)
    if (isTotalHeader(nodes[i].text) && !/三公/.test(nodes[i].text)) return i;
  return Infinity;
}

/** The column that holds a table's (or a section's) overall total. */
export function totalColumn(table: BudgetTable, section?: number): TableColumn | undefined {
  const cols = amountColumns(table, section).filter((c) => isCurrent(c) && !c.ofWhich);
  if (cols.length === 0) return undefined;
  let best: TableColumn | undefined;
  let bestDepth = Infinity;
  for (const c of cols) {
    const d = totalDepth(c);
    if (d < bestDepth) [best, bestDepth] = [c, d];
  }
  if (best) return best;
  return cols[0];
}

/** Period of a column; no period word means the table's own year (current). */
export function periodOfColumn(c: TableColumn): Period {
  return c.period ?? 'current';
}

/**
 * The total column of a table (or a section) among the columns of one period: 决算 tables print 年初预算数 and 决算数
 * side by side, and each period is summed on its own.
 */
export function periodTotalColumn(
  table: BudgetTable,
  period: Period,
  section?: number,
): TableColumn | undefined {
  const cols = amountColumns(table, section).filter((c) => periodOfColumn(c) === period && !c.ofWhich);
  let best: TableColumn | undefined;
  let bestDepth = Infinity;
  for (const c of cols) {
    const d = totalDepth(c);
    if (d < bestDepth) [best, bestDepth] = [c, d];
  }
  return best ?? cols[0];
}

/** The current-period column holding `measure` (the shallowest one; undefined when ambiguous). */
export function measureColumn(
  table: BudgetTable,
  measure: Measure,
  section?: number,
): TableColumn | undefined {
  const cols = amountColumns(table, section).filter(
    (c) => isCurrent(c) && !c.ofWhich && c.measure === measure,
  );
  if (cols.length === 0) return undefined;
  const depth = (c: TableColumn) => (c.nodes ?? []).length;
  const min = Math.min(...cols.map(depth));
  const shallow = cols.filter((c) => depth(c) === min);
  return shallow.length === 1 ? shallow[0] : undefined;
}

/** The row holding a one-sided table's total: its 合计 row, else its only top-level row. */
export function totalRow(table: BudgetTable): TableRow | undefined {
  const grand = table.rows.filter((r) => r.role === 'grand' && r.side === undefined);
  if (grand.length > 0) return grand[0];
  const top = table.rows.filter(
    (r) => r.parent === undefined && r.role !== 'ofWhich' && r.period === undefined,
  );
  return top.length === 1 ? top[0] : undefined;
}

/** Two-sided tables: the year total (本年…合计) of a section, else its grand total. */
export function sectionTotalRow(
  table: BudgetTable,
  section: number,
  prefer: 'year' | 'grand',
): TableRow | undefined {
  const rows = table.rows.filter((r) => r.section === section);
  const year = rows.find((r) => r.role === 'year');
  const grand = rows.find((r) => r.role === 'grand');
  return prefer === 'year' ? (year ?? grand) : (grand ?? year);
}

export interface Amount {
  table: BudgetTable;
  row: number;
  col: number;
  /** undefined = blank cell. */
  value: number | undefined;
  /** The cell holds a formula without a cached result or an error value: it cannot be compared. */
  unknown?: boolean;
}

export function amountAt(table: BudgetTable, row: TableRow, col: number): Amount {
  const a: Amount = { table, row: row.row, col, value: amountOf(row, col) };
  if (row.unknown?.includes(col)) a.unknown = true;
  return a;
}

/** Convert an amount to another unit. */
export function toUnit(value: number, from: MoneyUnit, to: MoneyUnit): number {
  return (value * UNIT_FACTOR[from]) / UNIT_FACTOR[to];
}

/**
 * Unit and precision to compare two tables in: the coarser unit, at that table's printed decimals
 * (the smaller of the two when the units agree).
 */
export function commonScale(a: BudgetTable, b: BudgetTable): { unit: MoneyUnit; decimals: number } {
  if (UNIT_FACTOR[a.unit] === UNIT_FACTOR[b.unit])
    return { unit: a.unit, decimals: Math.min(a.decimals, b.decimals) };
  return UNIT_FACTOR[a.unit] > UNIT_FACTOR[b.unit]
    ? { unit: a.unit, decimals: a.decimals }
    : { unit: b.unit, decimals: b.decimals };
}

export interface SumCheck {
  rule: string;
  /** Where the total is printed. */
  total: Amount;
  parts: Amount[];
  /** The identity in words: { zh: '合计 = 基本支出 + 项目支出', en: … }. */
  what: Message;
  /** Where, in words: '表3 支出总表 第8行“行政运行”'. */
  where: Message;
  decimals: number;
  /** How the parts are shown: named each, or as a count. */
  partNames?: string[];
}

/** How total = Σ parts comes out; undefined when nothing is printed or a cell's value cannot be known. */
function sumVerdict(
  ctx: ReviewContext,
  total: Amount,
  parts: Amount[],
  decimals: number,
): { v: Verdict; expected: number; actual: number } | undefined {
  let printed = total.value !== undefined;
  if (total.unknown) return undefined;
  for (const p of parts) {
    if (p.unknown) return undefined;
    if (p.value !== undefined) printed = true;
  }
  if (!printed) return undefined;
  const expected = exactSum(
    parts.map((p) => p.value ?? 0),
    decimals,
  );
  const actual = total.value ?? 0;
  return { v: verdict(expected, actual, decimals, parts.length, tolerance(ctx)), expected, actual };
}

/**
 * Would checkSum report nothing and tell no observer? Rules ask first, so that the words of a check are built
 * only for the few sums that do not add up (or when an observer watches every identity).
 */
export function sumHolds(ctx: ReviewContext, total: Amount, parts: Amount[], decimals: number): boolean {
  const s = sumVerdict(ctx, total, parts, decimals);
  return !s || (!ctx.observer && s.v === 'equal');
}

/**
 * sumHolds for cells read straight from the rows, without an Amount per cell (most sums hold): the total at
 * (totalRow, totalCol), the parts in `partRows` (a list, or one row for all) × `partCols` (a list, or one column).
 */
export function rowsSumHold(
  ctx: ReviewContext,
  table: BudgetTable,
  totalRow: TableRow,
  totalCol: number,
  partRows: readonly TableRow[] | TableRow,
  partCols: readonly number[] | number,
): boolean {
  const rows = isRowList(partRows) ? partRows : undefined;
  const cols = typeof partCols === 'number' ? undefined : partCols;
  const n = rows ? rows.length : cols ? cols.length : 1;
  if (ctx.observer) {
    const parts: Amount[] = [];
    for (let i = 0; i < n; i++)
      parts.push(
        amountAt(table, rows ? rows[i] : (partRows as TableRow), cols ? cols[i] : (partCols as number)),
      );
    return sumHolds(ctx, amountAt(table, totalRow, totalCol), parts, table.decimals);
  }
  const d = table.decimals;
  if (totalRow.unknown?.includes(totalCol)) return true;
  const t = totalRow.values.get(totalCol)?.value;
  let printed = t !== undefined;
  // the integer sum exactSum makes, in the same order
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : (partRows as TableRow);
    const c = cols ? cols[i] : (partCols as number);
    if (r.unknown?.includes(c)) return true;
    const v = r.values.get(c)?.value;
    if (v !== undefined) printed = true;
    sum += toScaled(v ?? 0, d);
  }
  if (!printed) return true;
  return verdict(sum / 10 ** d, t ?? 0, d, n) === 'equal';
}

const isRowList = (r: readonly TableRow[] | TableRow): r is readonly TableRow[] => Array.isArray(r);

/** Check total = Σ parts within one table; returns nothing when exact or when nothing is printed. */
export function checkSum(ctx: ReviewContext, c: SumCheck): Report<SumMessage> | undefined {
  const s = sumVerdict(ctx, c.total, c.parts, c.decimals);
  if (!s) return undefined;
  const { v, expected, actual } = s;
  const locations = [
    cellRef(c.total.table, c.total.row, c.total.col),
    ...c.parts.map((p) => cellRef(p.table, p.row, p.col)),
  ];
  observeCheck(ctx, { rule: c.rule, verdict: v, locations, expected, actual });
  if (v === 'equal') return undefined;
  const d = c.decimals;
  const diff = exactSum([actual, -expected], d);
  const partsText =
    c.partNames && c.partNames.length === c.parts.length && c.parts.length <= 6
      ? c.parts.map((p, i) => `${c.partNames?.[i]} ${fmt(p.value ?? 0, d)}`).join(' + ')
      : undefined;
  const blankZh = c.total.value === undefined ? '（空白）' : '';
  const blankEn = c.total.value === undefined ? ' (blank)' : '';
  if (v === 'rounding') {
    return {
      messageId: 'rounding',
      message: {
        zh: `${c.where.zh}：${c.what.zh}，印出 ${fmt(actual, d)}，各项相加 ${fmt(expected, d)}，相差 ${fmt(Math.abs(diff), d)}，属四舍五入尾差。`,
        en: `${c.where.en}: ${c.what.en}; printed ${fmt(actual, d)}, the parts add up to ${fmt(expected, d)}, a difference of ${fmt(Math.abs(diff), d)} from rounding (尾差).`,
      },
      locations,
      expected,
      actual,
    };
  }
  return {
    messageId: 'mismatch',
    message: {
      zh: `${c.where.zh}：${c.what.zh}不成立，印出 ${fmt(actual, d)}${blankZh}，${partsText ? `${partsText} = ` : '各项相加 = '}${fmt(expected, d)}（差 ${fmt(diff, d)}）。`,
      en: `${c.where.en}: ${c.what.en} does not hold; printed ${fmt(actual, d)}${blankEn}, ${partsText ? `${partsText} = ` : 'the parts add up to '}${fmt(expected, d)} (difference ${fmt(diff, d)}).`,
    },
    locations,
    expected,
    actual,
  };
}

export interface CrossCheck {
  rule: string;
  /** The amount checked (its cell comes first). */
  actual: Amount;
  /** The amount(s) it should equal (summed). */
  expected: Amount[];
  what: Message;
  /** 'eq' = equal; 'ge' = actual must not fall short of expected (三公 ≥ 经济分类). */
  relation: 'eq' | 'ge';
}

/** Compare amounts across tables after unit conversion. Blank totals are not compared (the table's own rules report them). */
export function checkCross(ctx: ReviewContext, c: CrossCheck): Report<SumMessage> | undefined {
  if (c.actual.value === undefined && c.relation === 'eq') return undefined;
  if (c.expected.length === 0 || c.expected.some((e) => e.value === undefined)) return undefined;
  if (c.actual.unknown || c.expected.some((e) => e.unknown)) return undefined;
  const tables = [c.actual.table, ...c.expected.map((e) => e.table)];
  let scale = { unit: c.actual.table.unit, decimals: c.actual.table.decimals };
  for (const t of tables.slice(1)) {
    const s = commonScale({ ...c.actual.table, unit: scale.unit, decimals: scale.decimals }, t);
    scale = s;
  }
  const d = scale.decimals;
  const conv = (a: Amount) => toUnit(a.value ?? 0, a.table.unit, scale.unit);
  const actual = conv(c.actual);
  const expected = exactSum(
    c.expected.map((e) => conv(e)),
    d,
  );
  let v = verdict(expected, actual, d, c.expected.length, tolerance(ctx));
  if (c.relation === 'ge' && toScaled(actual, d) >= toScaled(expected, d)) v = 'equal';
  const locations = [
    cellRef(c.actual.table, c.actual.row, c.actual.col),
    ...c.expected.map((e) => cellRef(e.table, e.row, e.col)),
  ];
  observeCheck(ctx, { rule: c.rule, verdict: v, locations, expected, actual });
  if (v === 'equal') return undefined;
  const diff = exactSum([actual, -expected], d);
  const unitZh = scale.unit;
  const converted = tables.some((t) => t.unit !== scale.unit);
  const noteZh = converted ? `（已统一折算为${unitZh}）` : '';
  const noteEn = converted ? ` (converted to ${unitZh})` : '';
  if (v === 'rounding') {
    return {
      messageId: 'rounding',
      message: {
        zh: `${c.what.zh}：${fmt(actual, d)} 与 ${fmt(expected, d)} 相差 ${fmt(Math.abs(diff), d)}${noteZh}，属四舍五入尾差。`,
        en: `${c.what.en}: ${fmt(actual, d)} and ${fmt(expected, d)} differ by ${fmt(Math.abs(diff), d)}${noteEn}, a rounding difference (尾差).`,
      },
      locations,
      expected,
      actual,
    };
  }
  const relZh = c.relation === 'ge' ? '小于' : '不等于';
  const relEn = c.relation === 'ge' ? 'is less than' : 'does not equal';
  return {
    messageId: 'mismatch',
    message: {
      zh: `${c.what.zh}：${fmt(actual, d)} ${relZh} ${fmt(expected, d)}（差 ${fmt(diff, d)}）${noteZh}。`,
      en: `${c.what.en}: ${fmt(actual, d)} ${relEn} ${fmt(expected, d)} (difference ${fmt(diff, d)})${noteEn}.`,
    },
    locations,
    expected,
    actual,
  };
}

/** Tables of a kind that have numbers. */
export function tablesOf(tables: BudgetTable[], ...kinds: BudgetTable['kind'][]): BudgetTable[] {
  return tables.filter((t) => kinds.includes(t.kind) && !t.empty);
}
