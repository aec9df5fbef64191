/**
 * Reading the table amount a narrative subject names: grand totals of the 收支总表, the 合计 row of the 支出总表 /
 * 一般公共预算支出表 under 基本支出 / 项目支出, the "三公" table's items, 类/款/项 rows by name or code.
 * Uses what table recognition says (measure, side, role) and falls back to header and label texts.
 * Never guesses: a subject that names two different amounts is 'ambiguous'.
 */
import { toA1 } from '../model/address';
import { CellRef, Message } from '../model/findings';
import { cellNumber, MoneyUnit } from '../model/numbers';
import { mergeAt, Sheet } from '../model/workbook';
import { normalizeName } from '../catalog';
import type { ReviewContext } from '../context';
import { BudgetTable, BudgetTableKind, Measure, TableColumn, TableRow } from '../tables/types';
import { kindName } from '../labels';
import { threePublicMeasure } from './text';

export interface TableValue {
  value: number;
  decimals: number;
  unit: MoneyUnit;
  cell: CellRef;
  /** Where the value was read: "一般公共预算支出表 合计 / 项目支出". */
  where: Message;
  /** The table, row and column it was read from (a sum of rows names its first). */
  table: BudgetTable;
  row: number;
  col: number;
  /** The value adds several cells (a 类 from its rows, 基本支出 from its parts): it has no single last-year cell. */
  summed?: boolean;
}

export type Lookup = TableValue | 'ambiguous' | undefined;

/** What a narrative amount refers to. */
export type Target =
  | { kind: 'income-total'; year: boolean }
  | { kind: 'expense-total'; year: boolean }
  | { kind: 'gpb-income' }
  | { kind: 'gpb-total' }
  | { kind: 'fund-total' }
  | { kind: 'soe-total' }
  | { kind: 'measure'; measure: 'basic' | 'project' | 'personnel' | 'public'; scope: 'general' | 'all' }
  | {
      kind: 'three-public';
      measure: 'three-public' | 'abroad' | 'reception' | 'car' | 'car-purchase' | 'car-running';
    }
  | { kind: 'carry'; label: string }
  | { kind: 'class'; scope: 'general' | 'all' };

/** Subject as compared: spaces, quotes and brackets dropped, full-width folded. */
export function norm(s: string): string {
  return s.replace(/[\s“”"'‘’「」『』（）()【】[\]《》、·]/g, '');
}

/** A row label without its ordinal or 其中: "二十一、住房保障支出" → "住房保障支出", "其中：（1）运行维护费" → "运行维护费". */
export function labelText(s: string): string {
  let t = s.trim();
  for (let i = 0; i < 3; i++)
    t = t.replace(
      /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|\d+\s*[、.．]|其中\s*[:：]?|[（(]\s*[一二三四五六七八九十\d]+\s*[)）])/,
      '',
    );
  return norm(t);
}

/** Remove the parts of a subject that only introduce the amount: 2021 年, 为, 预算数, the unit's name. */
function core(subject: string): string {
  return norm(subject)
    .replace(/^.*?\d{4}年度?/, '')
    .replace(/(年初)?(预算)?(数)?(安排)?(为|是|达|共计?|合计为|约)?$/, '');
}

/** Map a subject to what it names in the tables, or undefined when it names nothing Gouji can check. */
export function classify(subject: string, scope: 'general' | 'all'): Target | undefined {
  const s = norm(subject);
  if (s === '') return undefined;
  const tail = core(subject);
  // "三公" and its parts
  const threePublic = threePublicMeasure(s, tail);
  if (threePublic) return { kind: 'three-public', measure: threePublic };
  if (/政府性基金/.test(tail) && /支出|收支|预算|收入|拨款/.test(tail) && !/基本支出|项目支出/.test(tail))
    return { kind: 'fund-total' };
  if (/国有资本经营/.test(tail) && /支出|收支|预算|收入/.test(tail)) return { kind: 'soe-total' };
  const measure = /基本支出/.test(tail)
    ? 'basic'
    : /项目支出/.test(tail)
      ? 'project'
      : /人员经费/.test(tail)
        ? 'personnel'
        : /公用经费/.test(tail) && !/机关运行/.test(tail)
          ? 'public'
          : undefined;
  if (/一般公共预算|财政拨款/.test(tail)) {
    if (measure) return { kind: 'measure', measure, scope: 'general' };
    if (/收入$|拨款收入|收入预算/.test(tail) && !/支出|收支/.test(tail)) return { kind: 'gpb-income' };
    if (/支出|收支|预算$/.test(tail)) return { kind: 'gpb-total' };
    return undefined;
  }
  if (/收入(总计|合计)$/.test(tail) || /^收入总预算$/.test(tail))
    return { kind: 'income-total', year: /本年收入合计$/.test(tail) };
  if (/支出(总计|合计)$/.test(tail) || /^支出总预算$/.test(tail))
    return { kind: 'expense-total', year: /本年支出合计$/.test(tail) };
  if (/^收支(总计|总预算)$/.test(tail)) return { kind: 'income-total', year: false };
  if (measure) return { kind: 'measure', measure, scope };
  if (/^(部门|上年|上年度)?(结转|结余|结转结余)$/.test(tail)) return { kind: 'carry', label: tail };
  if (/支出$|[（(]类[)）]|[（(]款[)）]|[（(]项[)）]/.test(subject) && tail.length >= 4)
    return { kind: 'class', scope };
  return undefined;
}

// ---- reading tables ----

export function tablesOf(ctx: ReviewContext, kind: BudgetTableKind): BudgetTable[] {
  return ctx.tables.filter((t) => t.kind === kind);
}

function sheetOf(ctx: ReviewContext, t: BudgetTable): Sheet | undefined {
  return ctx.workbook.sheets.find((s) => s.name === t.sheet);
}

const TOTAL_NAME = /^(合计|总计|共计|支出合计|收入合计)$/;

/** The table's grand-total row (one-sided tables). */
export function totalRow(t: BudgetTable): TableRow | undefined {
  const found =
    t.rows.find((r) => r.role === 'grand' && !r.side) ??
    t.rows.find((r) => r.level === 'total') ??
    t.rows.find((r) => TOTAL_NAME.test(normalizeName(r.name)));
  if (found) return found;
  // no 合计 row: a single-unit table whose unit row (深圳市审计局 …) carries the totals
  const units = t.rows.filter((r) => (r.role as string | undefined) === 'unit');
  return units.length === 1 ? units[0] : undefined;
}

const CURRENT = (c: TableColumn) =>
  c.period !== 'prior' && c.period !== 'change' && c.period !== 'budget' && !c.ofWhich;

const PATH_RE: Record<string, RegExp> = {
  total: /^(合计|总计|小计|本年支出合计|支出合计)$/,
  basic: /基本支出/,
  project: /项目支出/,
  personnel: /人员经费|人员支出|工资福利/,
  public: /公用经费|公用支出/,
};

/** Amount columns that hold a measure, top-level first (基本支出 小计 before 人员经费 under it). */
export function measureColumns(t: BudgetTable, m: Measure): TableColumn[] {
  const amount = t.columns.filter((c) => c.role !== 'code' && c.role !== 'name' && CURRENT(c));
  let cols = amount.filter((c) => c.measure === m);
  if (cols.length === 0 && PATH_RE[m]) {
    const re = PATH_RE[m];
    cols = amount.filter((c) => {
      const path = c.path.map(normalizeName);
      const i = path.findIndex((p) => re.test(p));
      if (i < 0) return false;
      if (m === 'total') return !path.some((p) => /基本|项目|人员|公用/.test(p)) && i === path.length - 1;
      return i === path.length - 1 || /^(小计|合计)$/.test(path[path.length - 1]);
    });
  }
  return cols.sort((a, b) => a.path.length - b.path.length || a.col - b.col);
}

function value(t: BudgetTable, row: TableRow, col: number): { value: number; decimals: number } {
  const v = row.values.get(col);
  return v ? { value: v.value, decimals: v.decimals } : { value: 0, decimals: t.decimals };
}

function tv(
  t: BudgetTable,
  row: number,
  col: number,
  v: { value: number; decimals: number },
  what: Message,
): TableValue {
  return {
    value: v.value,
    decimals: Math.max(v.decimals, 0),
    unit: t.unit,
    cell: { sheet: t.sheet, cell: toA1(row, col) },
    where: { zh: `${kindName(t.kind, 'zh')}${what.zh}`, en: `${kindName(t.kind, 'en')} ${what.en}` },
    table: t,
    row,
    col,
  };
}

/**
 * The same figure for last year, when the table prints it beside this year's: a 上年 / 2025年预算数 column of the
 * same measure on the same row (三公经费表 with 2025 and 2026 columns, 一般公共预算支出表 with a 2025年预算数 column).
 */
export function priorOf(v: TableValue): TableValue | undefined {
  if (v.summed) return undefined;
  const t = v.table;
  const col = t.columns.find((c) => c.col === v.col);
  const row = t.rows.find((r) => r.row === v.row);
  if (!col || !row) return undefined;
  const prior = t.columns.filter((c) => c.role === 'amount' && c.period === 'prior' && !c.ofWhich);
  const totalLike = (m: string | undefined) => m === 'total' || m === 'three-public';
  let cands = prior.filter((c) => c.measure !== undefined && c.measure === col.measure);
  if (cands.length === 0 && totalLike(col.measure)) cands = prior.filter((c) => totalLike(c.measure));
  if (cands.length === 0 && col.measure === 'total' && prior.length === 1 && !prior[0].measure) cands = prior;
  if (cands.length === 0) return undefined;
  const c = [...cands].sort((a, b) => a.path.length - b.path.length || a.col - b.col)[0];
  const x = value(t, row, c.col);
  return tv(t, row.row, c.col, x, {
    zh: `（上年）${v.where.zh.slice(kindName(t.kind, 'zh').length)}`,
    en: `(last year) ${v.where.en.slice(kindName(t.kind, 'en').length + 1)}`,
  });
}

/** Total row × measure column; with no column for the measure itself, the sum of its parts. */
export function totalOf(t: BudgetTable, m: Measure, what: Message): Lookup {
  const row = totalRow(t);
  if (!row) return undefined;
  const cols = measureColumns(t, m);
  if (cols.length > 0) return tv(t, row.row, cols[0].col, value(t, row, cols[0].col), what);
  if (m === 'basic') {
    // no 基本支出 column of its own: its parts (基本支出/人员支出 + 基本支出/日常公用支出, or 人员经费 + 公用经费)
    const amount = t.columns.filter((c) => c.role === 'amount' && CURRENT(c));
    let parts = amount.filter((c) => c.path.length === 2 && PATH_RE.basic.test(normalizeName(c.path[0])));
    if (parts.length === 0)
      parts = [...measureColumns(t, 'personnel').slice(0, 1), ...measureColumns(t, 'public').slice(0, 1)];
    if (parts.length >= 2) {
      const vals = parts.map((c) => value(t, row, c.col));
      const decimals = Math.max(...vals.map((v) => v.decimals));
      const sum = vals.reduce((a, v) => a + Math.round(v.value * 10 ** decimals), 0) / 10 ** decimals;
      return { ...tv(t, row.row, parts[0].col, { value: sum, decimals }, what), summed: true };
    }
  }
  if (m === 'total') {
    const first = [...row.values.keys()].sort((a, b) => a - b)[0];
    if (first === undefined) return undefined;
    return tv(t, row.row, first, value(t, row, first), what);
  }
  return undefined;
}

/** Amount columns on the same side as a label column (收入 … | 支出 …), left to right. */
function sideAmountCols(t: BudgetTable, labelCol: number): number[] {
  const amountCols = t.columns
    .filter((c) => c.role === 'amount' && !c.ofWhich && CURRENT(c))
    .map((c) => c.col);
  const section = t.sections?.find((s) => s.labelCol === labelCol);
  if (section) return section.amountCols;
  const label = t.columns.find((c) => c.col === labelCol);
  const side = label?.path[0];
  const same = t.columns
    .filter((c) => c.col > labelCol && amountCols.includes(c.col) && (!side || c.path[0] === side))
    .map((c) => c.col)
    .sort((a, b) => a - b);
  return same.length > 0 ? same : amountCols.filter((c) => c > labelCol).sort((a, b) => a - b);
}

/** Amount of a row in a two-sided table or a labelled row: the first amount column of its side. */
function rowAmount(
  t: BudgetTable,
  row: TableRow,
): { col: number; value: number; decimals: number } | undefined {
  const section = row.side ? t.sections?.find((s) => s.side === row.side) : undefined;
  const cols = section
    ? section.amountCols
    : row.nameCol !== undefined
      ? sideAmountCols(t, row.nameCol)
      : [...row.values.keys()].sort((a, b) => a - b);
  const col = cols[0];
  if (col === undefined) return undefined;
  return { col, ...value(t, row, col) };
}

/** A row found by its role / measure / name; several rows with different amounts → ambiguous. */
function rowLookup(t: BudgetTable, pick: (r: TableRow) => boolean, what: Message): Lookup {
  const found = t.rows.filter(pick);
  const values = found.map((r) => ({ r, a: rowAmount(t, r) })).filter((x) => x.a !== undefined);
  if (values.length === 0) return undefined;
  const distinct = new Set(values.map((x) => x.a!.value));
  if (distinct.size > 1) return 'ambiguous';
  const { r, a } = values[0];
  return tv(t, r.row, a!.col, a!, what);
}

/**
 * Label cells in a table's data rows: the text matches, the amount is in the first amount column to its right on
 * the same side (a blank amount reads 0). A label merged over several rows (一般公共预算收入 over its 财政拨款 /
 * 专项收入 … rows) stands for the sum of those rows.
 */
function labelLookup(ctx: ReviewContext, t: BudgetTable, re: RegExp, what: Message): Lookup {
  const sheet = sheetOf(ctx, t);
  if (!sheet) return undefined;
  const hits: TableValue[] = [];
  for (let r = Math.max(t.range.top, t.headerRows.bottom + 1); r <= t.range.bottom; r++) {
    for (let c = t.range.left; c <= t.range.right; c++) {
      const cell = sheet.rows[r]?.[c];
      if (typeof cell?.value !== 'string') continue;
      const label = labelText(cell.value);
      if (!re.test(label)) continue;
      const m = mergeAt(sheet, r, c);
      const right = m ? m.right : c;
      const cols = sideAmountCols(t, right).filter((k) => k > right);
      const k = cols.length > 0 ? cols[0] : firstNumberRight(sheet, r, right, t.range.right);
      if (k === undefined) continue;
      let sum = 0;
      let decimals = 0;
      for (let rr = r; rr <= (m ? m.bottom : r); rr++) {
        const n = cellNumber(sheet.rows[rr]?.[k]);
        if (n && !n.percent) {
          sum += n.value;
          decimals = Math.max(decimals, n.decimals);
        }
      }
      const hit = tv(
        t,
        r,
        k,
        {
          value: Number(sum.toFixed(Math.max(decimals, t.decimals))),
          decimals: Math.max(decimals, t.decimals),
        },
        what,
      );
      hits.push(m && m.bottom > m.top ? { ...hit, summed: true } : hit);
    }
  }
  if (hits.length === 0) return undefined;
  if (new Set(hits.map((h) => h.value)).size > 1) return 'ambiguous';
  return hits[0];
}

function firstNumberRight(sheet: Sheet, r: number, from: number, to: number): number | undefined {
  for (let k = from + 1; k <= to; k++) {
    const n = cellNumber(sheet.rows[r]?.[k]);
    if (n && !n.percent) return k;
  }
  return undefined;
}

const first = (...lookups: (() => Lookup)[]): Lookup => {
  for (const l of lookups) {
    const v = l();
    if (v !== undefined) return v;
  }
  return undefined;
};

const inTables = (tables: BudgetTable[], f: (t: BudgetTable) => Lookup): Lookup => {
  for (const t of tables) {
    const v = f(t);
    if (v !== undefined) return v;
  }
  return undefined;
};

const W = (zh: string, en: string): Message => ({ zh, en });

/** The table amount a target names. */
export function resolve(ctx: ReviewContext, target: Target, subject: string): Lookup {
  const T1 = tablesOf(ctx, 'revenue-expenditure');
  const T3 = tablesOf(ctx, 'expenditure');
  const T4 = tablesOf(ctx, 'fiscal-grant');
  const T5 = tablesOf(ctx, 'general-budget');
  switch (target.kind) {
    case 'income-total':
    case 'expense-total': {
      const side = target.kind === 'income-total' ? 'income' : 'expense';
      const word = side === 'income' ? '收入' : '支出';
      const role = target.year ? 'year' : 'grand';
      const what = W(
        ` ${target.year ? `本年${word}合计` : `${word}总计`}`,
        target.year ? `current-year ${side}` : `${side} total`,
      );
      const labelRe = target.year
        ? new RegExp(`^本年${word}(合计|小计)$`)
        : new RegExp(`^${word}(总计|合计)$`);
      return first(
        () => inTables(T1, (t) => rowLookup(t, (r) => r.side === side && r.role === role, what)),
        () => inTables(T1, (t) => labelLookup(ctx, t, labelRe, what)),
        () =>
          side === 'expense' && !target.year
            ? inTables(T3, (t) => totalOf(t, 'total', W(' 合计', 'total')))
            : undefined,
      );
    }
    case 'gpb-income': {
      const what = W(' 一般公共预算收入', 'general public budget revenue');
      return first(
        () =>
          inTables([...T1, ...T4], (t) =>
            labelLookup(ctx, t, /^一般公共预算(拨款)?(收入)?$|^一般公共预算拨款收入$/, what),
          ),
        () => inTables(T5, (t) => totalOf(t, 'total', W(' 合计', 'total'))),
      );
    }
    case 'gpb-total':
      return inTables(T5, (t) => totalOf(t, 'total', W(' 合计', 'total')));
    case 'fund-total':
      return inTables(tablesOf(ctx, 'gov-fund'), (t) => emptyOrTotal(t));
    case 'soe-total':
      return inTables(tablesOf(ctx, 'state-capital'), (t) => emptyOrTotal(t));
    case 'measure': {
      const names = { basic: '基本支出', project: '项目支出', personnel: '人员经费', public: '公用经费' };
      const en = {
        basic: 'basic expenditure',
        project: 'project expenditure',
        personnel: 'personnel',
        public: 'public funds',
      };
      const what = W(` 合计 / ${names[target.measure]}`, `total / ${en[target.measure]}`);
      const byColumn = (ts: BudgetTable[]) => () => inTables(ts, (t) => totalOf(t, target.measure, what));
      const byRow = () =>
        inTables(T1, (t) =>
          first(
            () =>
              rowLookup(
                t,
                (r) => r.side === 'expense' && r.measure === target.measure && !r.role,
                W(` ${names[target.measure]}`, en[target.measure]),
              ),
            () =>
              labelLookup(
                ctx,
                t,
                new RegExp(`^${names[target.measure]}$`),
                W(` ${names[target.measure]}`, en[target.measure]),
              ),
          ),
        );
      const basicTables = tablesOf(ctx, 'general-budget-basic');
      if (target.scope === 'general')
        return target.measure === 'personnel' || target.measure === 'public'
          ? first(byColumn(basicTables), byColumn(T5))
          : first(byColumn(T5));
      return target.measure === 'personnel' || target.measure === 'public'
        ? first(byColumn(T3), byRow, byColumn(basicTables))
        : first(byColumn(T3), byRow);
    }
    case 'three-public':
      return inTables(tablesOf(ctx, 'three-public'), (t) => threePublic(ctx, t, target.measure));
    case 'carry': {
      const what = W(` ${target.label}`, 'carry-over');
      return inTables(T1, (t) =>
        first(
          () => rowLookup(t, (r) => r.side === 'income' && norm(r.name) === target.label, what),
          () => labelLookup(ctx, t, new RegExp(`^${target.label}$`), what),
        ),
      );
    }
    case 'class':
      return classRow(ctx, target.scope === 'general' ? [...T5, ...T3] : [...T3, ...T5], subject);
  }
}

function emptyOrTotal(t: BudgetTable): Lookup {
  if (t.empty || t.rows.length === 0) {
    const at = t.titleCell ?? { row: t.range.top, col: t.range.left };
    return tv(t, at.row, at.col, { value: 0, decimals: 0 }, W('（空表）', '(empty table)'));
  }
  return totalOf(t, 'total', W(' 合计', 'total'));
}

const THREE_PUBLIC_RE: Record<string, RegExp> = {
  'three-public': /^(合计|共计|总计|三公经费(合计)?|三公经费预算数?)$/,
  abroad: /因公出国/,
  reception: /公务接待/,
  car: /^(公务用车费|公务用车购置及运行费|公务用车购置及运行维护费|公务用车购置和运行费|公务用车购置及运行费小计)/,
  'car-purchase': /公务用车购置(费)?$|^购置费?$/,
  'car-running': /运行维护费$|公务用车运行(费)?$|^运行费$/,
};

/** A "三公" amount: a row (vertical layout) or a column (horizontal) that names it. */
function threePublic(ctx: ReviewContext, t: BudgetTable, m: string): Lookup {
  const what = W(
    ` ${{ 'three-public': '合计', abroad: '因公出国（境）费', reception: '公务接待费', car: '公务用车购置及运行费', 'car-purchase': '公务用车购置费', 'car-running': '公务用车运行维护费' }[m]}`,
    m,
  );
  const re = THREE_PUBLIC_RE[m];
  // horizontal: a column for the measure, one current data row
  // the column of the measure itself first: 西安 prints 当年/合计 (with 会议费, 培训费) beside the “三公” 小计
  const exact = t.columns.filter((c) => CURRENT(c) && c.measure === m);
  const cols =
    exact.length > 0
      ? exact
      : t.columns.filter(
          (c) =>
            CURRENT(c) &&
            ((m === 'three-public' && c.measure === 'total' && !c.path.some((x) => /小计/.test(x))) ||
              (!c.measure && re.test(norm(c.path[c.path.length - 1] ?? '')))),
        );
  if (cols.length > 0) {
    const rows = t.rows.filter(
      (r) => r.period !== 'prior' && r.period !== 'change' && r.period !== 'budget' && r.values.size > 0,
    );
    const current = rows.filter((r) => r.period === 'current');
    const use = current.length === 1 ? current : rows.length === 1 ? rows : totalRow(t) ? [totalRow(t)!] : [];
    if (use.length === 1) return tv(t, use[0].row, cols[0].col, value(t, use[0], cols[0].col), what);
    if (use.length > 1) return 'ambiguous';
  }
  // vertical: a row for the measure
  return first(
    () => rowLookup(t, (r) => r.measure === m || (m === 'three-public' && r.level === 'total'), what),
    () => rowLookup(t, (r) => re.test(labelText(r.name)), what),
    () => labelLookup(ctx, t, re, what),
  );
}

/**
 * A 类/款/项 row named by the subject ("特别业务（类）支出" → the 特别业务 row), or a 类 named in full
 * ("住房保障（类）支出" = 221 住房保障支出): its row, the sum of its rows by code, or its line in the 财政拨款收支总表 /
 * 收支总表. The row's name must make up the subject, give or take a few characters ("行政运行公安（类）支出（公安）").
 */
function classRow(ctx: ReviewContext, tables: BudgetTable[], subject: string): Lookup {
  const subj = classCore(core(subject.replace(CLASS_MARK, '')));
  if (subj.length < 2) return undefined;
  const catalogClasses = ctx.catalog
    .entries('functional')
    .filter((e) => e.level === 1)
    .flatMap((e) =>
      [e.name, ...(e.aliases ?? []).map((a) => a.name)].map((n) => ({
        code: e.code,
        name: e.name,
        core: classCore(n),
      })),
    );
  for (const t of tables) {
    const rows = t.rows.filter(
      (r) =>
        r.level !== 'total' &&
        r.role !== 'grand' &&
        r.role !== 'year' &&
        (r.role as string | undefined) !== 'unit',
    );
    // rows whose name the subject contains; the longest name wins
    let best: TableRow[] = [];
    let bestLen = 0;
    for (const r of rows) {
      const rc = classCore(r.name);
      if (rc.length < 4 || !subj.includes(rc) || subj.length - rc.length > 4) continue;
      if (rc.length > bestLen) {
        best = [r];
        bestLen = rc.length;
      } else if (rc.length === bestLen) best.push(r);
    }
    if (best.length > 0) {
      const vals = best.map((r) => ({ r, v: totalCell(t, r) })).filter((x) => x.v);
      if (vals.length === 0) continue;
      if (new Set(vals.map((x) => x.v!.value)).size > 1) return 'ambiguous';
      const { r, v } = vals[0];
      const label = `${r.code && /^2\d{2,6}$/.test(r.code) ? `${r.code} ` : ''}${r.name}`;
      return tv(t, r.row, v!.col, v!, W(` ${label}`, label));
    }
    const cls = catalogClasses.find((c) => c.core === subj);
    if (!cls) continue;
    const coded = rows.filter(
      (r) =>
        r.code &&
        r.code.startsWith(cls.code) &&
        (r.level === 'lei' || r.level === 'kuan' || r.level === 'xiang'),
    );
    const own = coded.find((r) => r.code === cls.code);
    if (own) {
      const v = totalCell(t, own);
      if (v) return tv(t, own.row, v.col, v, W(` ${own.code} ${own.name}`, `${own.code} ${own.name}`));
    }
    if (coded.length === 0) continue;
    const top = Math.min(...coded.map((r) => r.code!.length));
    const parts = coded.filter((r) => r.code!.length === top);
    const cells = parts.map((r) => totalCell(t, r));
    if (cells.some((c) => c === undefined)) continue;
    const decimals = Math.max(...cells.map((c) => c!.decimals));
    const sum = cells.reduce((a, c) => a + Math.round(c!.value * 10 ** decimals), 0) / 10 ** decimals;
    return {
      ...tv(
        t,
        parts[0].row,
        cells[0]!.col,
        { value: sum, decimals },
        W(` ${cls.code} 各行合计`, `sum of the ${cls.code} rows`),
      ),
      summed: true,
    };
  }
  // the 类 lines of the 财政拨款收支总表 / 收支总表 (支出 by 类)
  const cls = catalogClasses.find((c) => c.core === subj);
  if (!cls) return undefined;
  const re = new RegExp(`^${cls.core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(支出)?$`);
  const what = W(` ${cls.name}`, cls.name);
  return inTables([...tablesOf(ctx, 'fiscal-grant'), ...tablesOf(ctx, 'revenue-expenditure')], (t) =>
    labelLookup(ctx, t, re, what),
  );
}

function totalCell(
  t: BudgetTable,
  r: TableRow,
): { col: number; value: number; decimals: number } | undefined {
  const col = measureColumns(t, 'total')[0]?.col ?? [...r.values.keys()].sort((a, b) => a - b)[0];
  if (col === undefined) return undefined;
  return { col, ...value(t, r, col) };
}

/** A 类/款/项 name compared: （类） markers, brackets, spaces and 支出 dropped. */
export function classCore(s: string): string {
  return norm(s.replace(CLASS_MARK, '')).replace(/支出/g, '');
}

const CLASS_MARK = /[（(]\s*[类款项]\s*[)）]/g;
