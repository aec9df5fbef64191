/**
 * The statements the grammar understood, resolved to table figures and compared — what the narrative rules report.
 *
 * A narrative finding only when the statement has been understood (its subject names one figure of the tables, its
 * kind and period are known) and the tables disagree beyond rounding:
 * - level: a this-year level whose subject resolves to one table cell (or a computed figure);
 * - change / flat: only against a previous-year column the table prints beside this year's (上年预算数,
 *   2025年预算数), and its sign must agree with the words; a rate is also checked against the text's own change and
 *   level (change ÷ (level ∓ change));
 * - breakdowns: the items of a bracket or 其中 list sum to their total, changes with their signs;
 * - years: a budget for year N compared with "N 年预算" (itself).
 * Subjects no table carries (机关运行经费, 政府采购 …) and comparisons with 执行数 are not checkable: nothing.
 */
import { parseA1, rangeContains, toA1 } from '../model/address';
import { CellRef } from '../model/findings';
import { convertMoney, MoneyUnit, toScaled, UNIT_FACTOR } from '../model/numbers';
import { memo, ReviewContext, tolerance } from '../context';
import {
  classCore,
  measureColumns,
  priorOf,
  resolve,
  Target,
  tablesOf,
  TableValue,
  totalRow,
} from './lookup';
import { NarrativeDocument, narrativeDocuments, spanCell } from './document';
import { Fact, signedValue } from './grammar';
import { kindName } from '../labels';
import { ClassStep, classifyFact, SubjectTarget } from './subjects';

export type Agreement = 'equal' | 'rounding' | 'mismatch';

export interface LocatedFact {
  doc: NarrativeDocument;
  fact: Fact;
  /** The cell the figure sits in. */
  cell: CellRef;
}

/** A level resolved to a table figure and compared with it (in the level's unit). */
export interface CheckedLevel extends LocatedFact {
  target: SubjectTarget;
  found: TableValue;
  tableValue: number;
  tablePrecision: number;
  /** The precision the two are compared at. */
  p: number;
  agreement: Agreement;
  diff: number;
}

const mostCommon = (values: number[]): number | undefined => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
};

/** The budget year: the year the tables' titles name, else the year the text names most often. */
export function budgetYear(ctx: ReviewContext, doc?: NarrativeDocument): number | undefined {
  return (
    mostCommon(ctx.tables.map((t) => t.year).filter((y): y is number => y !== undefined)) ?? doc?.grammar.year
  );
}

function inTargetForm(ctx: ReviewContext, ref: CellRef): boolean {
  const { row, col } = parseA1(ref.cell);
  return ctx.targetForms.some((f) => f.sheet === ref.sheet && rangeContains(f.range, row, col));
}

/** Every fact of the review's narrative documents, outside 绩效目标表 forms, with its cell. */
export function narrativeFacts(ctx: ReviewContext): LocatedFact[] {
  return memo(ctx, 'narrative/facts', () => locateFacts(ctx));
}

function locateFacts(ctx: ReviewContext): LocatedFact[] {
  const out: LocatedFact[] = [];
  for (const doc of narrativeDocuments(ctx))
    for (const fact of doc.grammar.facts) {
      const cell = spanCell(doc, (fact.amount ?? fact.percent)?.span ?? fact.quoteSpan);
      if (inTargetForm(ctx, cell)) continue;
      out.push({ doc, fact, cell });
    }
  return out;
}

export function unitShift(from: MoneyUnit, to: MoneyUnit): number {
  return Math.round(Math.log10(UNIT_FACTOR[to] / UNIT_FACTOR[from]));
}

/**
 * A table figure restated in prose at precision `p`: equal when it is the half-up rounding; when the table is more
 * precise than the prose, rounding the other way (half-even, truncation) is a rounding difference; else a mismatch.
 */
export function restated(
  table: number,
  tablePrecision: number,
  stated: number,
  p: number,
  extra: number,
): { agreement: Agreement; diff: number } {
  const S = toScaled(stated, p);
  const diff = Math.abs(toScaled(table, p) - S) / 10 ** p;
  if (S === toScaled(table, p)) return { agreement: 'equal', diff: 0 };
  const x = table * 10 ** p;
  const lo = Math.floor(x + 1e-9) - extra;
  const hi = Math.ceil(x - 1e-9) + extra;
  if (tablePrecision > p && S >= lo && S <= hi) return { agreement: 'rounding', diff };
  return { agreement: 'mismatch', diff };
}

/** Highest decimals of the levels in a fact's paragraph written in the same unit (prose drops trailing zeros). */
function paragraphPrecision(doc: NarrativeDocument, f: Fact): number {
  let d = f.amount!.decimals;
  for (const g of doc.grammar.facts)
    if (g.kind === 'level' && g.para === f.para && g.amount && g.amount.unit === f.amount!.unit)
      d = Math.max(d, g.amount.decimals);
  return d;
}

const W = (zh: string, en: string) => ({ zh, en });

function valueAt(
  t: TableValue['table'],
  rowIndex: number,
  col: number,
  what: { zh: string; en: string },
): TableValue | undefined {
  const row = t.rows.find((r) => r.row === rowIndex);
  if (!row) return undefined;
  const v = row.values.get(col);
  return {
    value: v ? v.value : 0,
    decimals: Math.max(v ? v.decimals : t.decimals, 0),
    unit: t.unit,
    cell: { sheet: t.sheet, cell: toA1(rowIndex, col) },
    where: what,
    table: t,
    row: rowIndex,
    col,
  };
}

/** 会议费 / 培训费: a column of a "三公" table (苏州 表9 prints them beside the "三公" items). */
function meetingOrTraining(
  ctx: ReviewContext,
  m: 'meeting' | 'training',
): TableValue | 'ambiguous' | undefined {
  const name = m === 'meeting' ? '会议费' : '培训费';
  for (const t of tablesOf(ctx, 'three-public')) {
    const cols = t.columns.filter(
      (c) =>
        c.role === 'amount' &&
        c.period !== 'prior' &&
        c.period !== 'change' &&
        (c.measure === m || c.path[c.path.length - 1] === name),
    );
    if (cols.length === 0) continue;
    const rows = t.rows.filter((r) => r.period !== 'prior' && r.period !== 'change' && r.values.size > 0);
    const use = rows.length === 1 ? rows[0] : totalRow(t);
    if (!use) return 'ambiguous';
    return valueAt(
      t,
      use.row,
      cols[0].col,
      W(`"三公"经费表 ${name}`, `the “three public” table, ${m === 'meeting' ? 'meetings' : 'training'}`),
    );
  }
  return undefined;
}

/** A 类/款/项 row by its code in the 一般公共预算支出表 / 支出总表. */
function classByCode(ctx: ReviewContext, code: string, general: boolean): TableValue | undefined {
  const order = general
    ? [...tablesOf(ctx, 'general-budget'), ...tablesOf(ctx, 'expenditure')]
    : [...tablesOf(ctx, 'expenditure'), ...tablesOf(ctx, 'general-budget')];
  for (const t of order) {
    const row = t.rows.find((r) => r.code === code);
    if (!row) continue;
    const col = measureColumns(t, 'total')[0]?.col ?? [...row.values.keys()].sort((a, b) => a - b)[0];
    if (col === undefined) continue;
    return valueAt(
      t,
      row.row,
      col,
      W(`${kindName(t.kind, 'zh')} ${code} ${row.name}`, `${kindName(t.kind, 'en')} ${code} “${row.name}”`),
    );
  }
  return undefined;
}

/** A 款 or 项 named with its 类/款 above it: the one row of that level and name whose ancestors' names match. */
function classByPath(
  ctx: ReviewContext,
  path: ClassStep[],
  general: boolean,
): TableValue | 'ambiguous' | undefined {
  const order = general
    ? [...tablesOf(ctx, 'general-budget'), ...tablesOf(ctx, 'expenditure')]
    : [...tablesOf(ctx, 'expenditure'), ...tablesOf(ctx, 'general-budget')];
  const last = path[path.length - 1];
  for (const t of order) {
    // ancestors by order: the 类 and 款 rows last seen above a row (tables without codes indent instead)
    const above: Partial<Record<ClassStep['level'], string>> = {};
    const rows = t.rows.filter((r) => {
      if (r.level === 'lei' || r.level === 'kuan' || r.level === 'xiang') above[r.level] = classCore(r.name);
      if (r.level === 'lei') delete above.kuan;
      if (r.level !== last.level || classCore(r.name) !== classCore(last.name)) return false;
      return path
        .slice(0, -1)
        .every((step) => !above[step.level] || above[step.level] === classCore(step.name));
    });
    if (rows.length === 0) continue;
    const col = measureColumns(t, 'total')[0]?.col;
    if (col === undefined) continue;
    const values = rows.map((r) =>
      valueAt(
        t,
        r.row,
        col,
        W(`${kindName(t.kind, 'zh')} ${r.code} ${r.name}`, `${kindName(t.kind, 'en')} ${r.code} “${r.name}”`),
      )!,
    );
    if (new Set(values.map((v) => v.value)).size > 1) return 'ambiguous';
    return values[0];
  }
  return undefined;
}

function toLookup(target: SubjectTarget): Target | undefined {
  switch (target.kind) {
    case 'income-total':
    case 'expense-total':
      return { kind: target.kind, year: target.year };
    case 'three-public':
      return target.measure === 'meeting' || target.measure === 'training'
        ? undefined
        : { kind: 'three-public', measure: target.measure };
    case 'class':
      return { kind: 'class', scope: target.scope };
    default:
      return target;
  }
}

/** A 类 in a paragraph about 项目支出 / 基本支出: that column of its row. */
function withPart(v: TableValue, part: 'basic' | 'project' | undefined): TableValue | undefined {
  if (!part) return v;
  const col = measureColumns(v.table, part)[0];
  if (!col || v.summed) return undefined;
  return valueAt(v.table, v.row, col.col, {
    zh: `${v.where.zh} / ${part === 'project' ? '项目支出' : '基本支出'}`,
    en: `${v.where.en} / ${part === 'project' ? 'project' : 'basic'}`,
  });
}

/** The table figure a resolved subject names; undefined when no table carries it or it is ambiguous. */
export function resolveTarget(ctx: ReviewContext, target: SubjectTarget, subject: string): TableValue[] {
  if (target.kind === 'three-public' && (target.measure === 'meeting' || target.measure === 'training')) {
    const v = meetingOrTraining(ctx, target.measure);
    return v && v !== 'ambiguous' ? [v] : [];
  }
  if (target.kind === 'class' && (target.code || target.path)) {
    const v = target.code
      ? classByCode(ctx, target.code, target.scope === 'general')
      : classByPath(ctx, target.path!, target.scope === 'general');
    if (!v || v === 'ambiguous') return [];
    return [withPart(v, target.part)].filter((x): x is TableValue => x !== undefined);
  }
  const lookup = toLookup(target);
  if (!lookup) return [];
  const v = resolve(ctx, lookup, subject);
  if (!v || v === 'ambiguous') return [];
  const found = target.kind === 'class' ? withPart(v, target.part) : v;
  if (!found) return [];
  const out = [found];
  // 收入预算 / 支出预算 without 总计 or 本年: the total with the carry-over, or the year's own
  if ((target.kind === 'income-total' || target.kind === 'expense-total') && target.either) {
    const other = resolve(ctx, { kind: target.kind, year: !target.year }, subject);
    if (other && other !== 'ambiguous') out.push(other);
  }
  return out;
}

/** Every this-year level whose subject names a table figure, compared with it. */
export function checkedLevels(ctx: ReviewContext): CheckedLevel[] {
  return memo(ctx, 'narrative/checked-levels', () => compareLevels(ctx));
}

function compareLevels(ctx: ReviewContext): CheckedLevel[] {
  const out: CheckedLevel[] = [];
  for (const lf of narrativeFacts(ctx)) {
    const { doc, fact: f } = lf;
    if (f.kind !== 'level' || !f.amount || f.prior || f.basis) continue;
    const year = budgetYear(ctx, doc);
    if (f.year !== undefined && year !== undefined && f.year !== year) continue;
    let target = classifyFact(f);
    if (!target || target.kind === 'not-checkable') continue;
    // an item of a total no table carries (涉及预算资金 235 万元，其中财政拨款 235 万元) is not checkable either
    if (ancestors(f).some((a) => classifyFact(a)?.kind === 'not-checkable')) continue;
    // 收入 stated as including 上年结转: the total that includes it
    if (
      (target.kind === 'income-total' || target.kind === 'expense-total') &&
      f.children.some((c) => /结转/.test(c.subjectText))
    )
      target = { ...target, year: false, either: false };
    const candidates = resolveTarget(ctx, target, f.subject);
    if (candidates.length === 0) continue;
    const extra = tolerance(ctx);
    let best: CheckedLevel | undefined;
    for (const found of candidates) {
      const unit = f.amount.unit;
      const tableValue = convertMoney(found.value, found.unit, unit);
      const tablePrecision = found.decimals + unitShift(found.unit, unit);
      const p = Math.min(paragraphPrecision(doc, f), tablePrecision);
      const r = restated(tableValue, tablePrecision, f.amount.value, p, extra);
      const c: CheckedLevel = { ...lf, target, found, tableValue, tablePrecision, p, ...r };
      const rank = { equal: 0, rounding: 1, mismatch: 2 };
      if (!best || rank[c.agreement] < rank[best.agreement]) best = c;
    }
    out.push(best!);
  }
  return out;
}

function ancestors(f: Fact): Fact[] {
  const out: Fact[] = [];
  for (let a = f.parent; a && out.length < 8; a = a.parent) out.push(a);
  return out;
}

/** The level a change / rate / flat is about: its own, or the level its subject names. */
export function levelOf(ctx: ReviewContext, f: Fact): CheckedLevel | undefined {
  const levels = checkedLevels(ctx);
  if (f.of) return levels.find((l) => l.fact === f.of);
  return undefined;
}

/** This year's and last year's figure of the cell a level was read from, when the table prints last year's. */
export interface TablePair {
  current: TableValue;
  prior: TableValue;
  cur: number;
  prev: number;
  decimals: number;
}

export function tablePair(found: TableValue, unit: MoneyUnit): TablePair | undefined {
  const prior = priorOf(found);
  if (!prior) return undefined;
  return {
    current: found,
    prior,
    cur: convertMoney(found.value, found.unit, unit),
    prev: convertMoney(prior.value, prior.unit, unit),
    decimals: Math.max(found.decimals, prior.decimals) + unitShift(found.unit, unit),
  };
}

/** A comparison names the year before the budget (上年, N−1) on a budget basis: what a 上年预算数 column prints. */
export function comparesWithPriorBudget(f: Fact, year: number | undefined): boolean {
  const a = f.against;
  if (!a) return true;
  if (a.basis === 'execution' || a.basis === 'final') return false;
  if (a.year !== undefined && year !== undefined && a.year !== year - 1) return false;
  return true;
}

/** Facts whose comparison names the budget year itself (比 2026 年预算 in a 2026 budget). */
export function selfComparisons(ctx: ReviewContext): LocatedFact[] {
  const out: LocatedFact[] = [];
  // final accounts (决算) compare the year's outturn with the same year's budget: that is their point
  if (ctx.tables.some((t) => t.variant === 'final')) return out;
  for (const lf of narrativeFacts(ctx)) {
    const a = lf.fact.against;
    if (!a || a.inherited || a.year === undefined) continue;
    if (a.year === budgetYear(ctx, lf.doc)) out.push(lf);
  }
  return out;
}

/** Signed sum of a total's children at the finest precision they print, or undefined when they cannot be summed. */
export function childrenSum(
  f: Fact,
): { sum: number; p: number; terms: number[]; decimals: number[] } | undefined {
  if (f.children.length < 2 || !f.amount) return undefined;
  if (f.children.some((c) => !c.amount || c.kind !== f.kind)) return undefined;
  const unit = f.amount.unit;
  const decimals = [
    f.amount.decimals,
    ...f.children.map((c) => Math.max(0, c.amount!.decimals + unitShift(c.amount!.unit, unit))),
  ];
  const p = Math.max(...decimals);
  const terms = f.children.map((c) => convertMoney(signedValue(c), c.amount!.unit, unit));
  const sum = terms.reduce((a, v) => a + toScaled(v, p), 0) / 10 ** p;
  return { sum, p, terms, decimals };
}
