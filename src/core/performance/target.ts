/**
 * The grammar of 指标值 (DOMAIN.md §4): a target or an actual value is an operator with a number and a
 * unit (`≥95%`, `=0起`, `≤1.45万元/公里`, `3个月内`), a date (`≤2025年10月`, `10月底前`), a period
 * (`1—12月`, `当年`) or qualitative text (`健全`, `明显改善`). Numbers carry their unit family and the
 * scale of the unit (万元 vs 元, 万次 vs 次) so two values are compared in base units.
 */
import { normalizeDigits } from '../model/numbers';
import { rememberedPerText } from '../model/remembered';

export type Operator = '≥' | '>' | '=' | '≤' | '<' | '≈';

export type UnitFamily =
  | 'percent'
  | 'money'
  | 'count'
  | 'time'
  | 'length'
  | 'area'
  | 'weight'
  | 'volume'
  | 'compound'
  /** A bare magnitude such as `8.48万`: scaled, but of no named unit. */
  | 'scalar'
  /** A word that reads as a unit but is not in the list (`付`, `分`): comparable only with itself. */
  | 'other';

export interface Unit {
  /** As written: '万次', '万元/公里', '%'. */
  text: string;
  family: UnitFamily;
  /** Canonical base: '元', '次', 'h', 'm', '%', '' for scalars, 'a/b' for compounds. */
  base: string;
  /** Written number × factor = amount in base units. */
  factor: number;
}

export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
  /** 底 / 末: the end of the month or year. */
  end?: boolean;
}

export type ParsedValue =
  | { kind: 'empty'; text: string }
  | { kind: 'number'; text: string; operator?: Operator; value: number; unit?: Unit }
  | { kind: 'date'; text: string; operator?: Operator; date: DateValue }
  | { kind: 'period'; text: string; from: DateValue; to: DateValue }
  | { kind: 'qualitative'; text: string };

// ---- operators ----

const PREFIX_OPERATORS: [string, Operator][] = (
  [
    ['大于或等于', '≥'],
    ['大于等于', '≥'],
    ['高于或等于', '≥'],
    ['不低于', '≥'],
    ['不少于', '≥'],
    ['不小于', '≥'],
    ['至少', '≥'],
    ['达到', '≥'],
    ['小于或等于', '≤'],
    ['小于等于', '≤'],
    ['不超过', '≤'],
    ['不高于', '≤'],
    ['不多于', '≤'],
    ['不大于', '≤'],
    ['控制在', '≤'],
    ['大于', '>'],
    ['高于', '>'],
    ['超过', '>'],
    ['多于', '>'],
    ['小于', '<'],
    ['低于', '<'],
    ['少于', '<'],
    ['等于', '='],
    ['约为', '≈'],
    ['大约', '≈'],
    ['约', '≈'],
    ['≥', '≥'],
    ['≤', '≤'],
    ['>', '>'],
    ['<', '<'],
    ['=', '='],
    ['≈', '≈'],
  ] as [string, Operator][]
).sort((a, b) => b[0].length - a[0].length);

const SUFFIX_OPERATORS: [string, Operator][] = (
  [
    ['及以上', '≥'],
    ['以上', '≥'],
    ['及以下', '≤'],
    ['以下', '≤'],
    ['以内', '≤'],
    ['之内', '≤'],
    ['内', '≤'],
    ['之前', '≤'],
    ['以前', '≤'],
    ['前', '≤'],
    ['左右', '≈'],
  ] as [string, Operator][]
).sort((a, b) => b[0].length - a[0].length);

/** The operator words by their first (prefix) or last (suffix) character, longest first as above. */
function byChar(words: [string, Operator][], at: (w: string) => string): Map<string, [string, Operator][]> {
  const m = new Map<string, [string, Operator][]>();
  for (const e of words) {
    const k = at(e[0]);
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  }
  return m;
}
const PREFIX_BY_FIRST = byChar(PREFIX_OPERATORS, (w) => w[0]);
const SUFFIX_BY_LAST = byChar(SUFFIX_OPERATORS, (w) => w[w.length - 1]);

/** ASCII/full-width forms of the comparison signs → one spelling. */
function normalizeOperators(s: string): string {
  // every replacement below starts from one of these characters (each two-character form has an =)
  if (!/[＞＜＝≧⩾≦⩽≒≃～~=]/.test(s)) return s;
  return s
    .replace(/[＞]/g, '>')
    .replace(/[＜]/g, '<')
    .replace(/[＝]/g, '=')
    .replace(/[≧⩾]/g, '≥')
    .replace(/[≦⩽]/g, '≤')
    .replace(/[≒≃～~]/g, '≈')
    .replace(/>=|=>/g, '≥')
    .replace(/<=|=</g, '≤')
    .replace(/==/g, '=');
}

/** Normalised text for comparing values: digits, signs and spaces unified. */
export function normalizeValueText(text: string): string {
  const s = normalizeOperators(normalizeDigits(text));
  // most values hold none of the characters the steps below change
  if (!/[\s，、；;。.（）：]/.test(s)) return s;
  return s
    .replace(/\s+/g, '')
    .replace(/[，、；;。.]+$/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':');
}

// ---- units ----

interface UnitDef {
  family: UnitFamily;
  base: string;
  factor: number;
}

const UNITS: Record<string, UnitDef> = {};
function def(words: string[], family: UnitFamily, base: string, factor: number): void {
  for (const w of words) UNITS[w] = { family, base, factor };
}
def(['%', '百分比', '百分点', '个百分点'], 'percent', '%', 1);
def(['‰'], 'percent', '%', 0.1);
def(['元'], 'money', '元', 1);
def(['秒', '秒钟'], 'time', 'h', 1 / 3600);
def(['分钟'], 'time', 'h', 1 / 60);
def(['小时', '个小时', '时'], 'time', 'h', 1);
def(['天', '日', '自然日', '个自然日'], 'time', 'h', 24);
def(['工作日', '个工作日'], 'time', 'workday', 1);
def(['周', '个周', '星期', '个星期'], 'time', 'h', 24 * 7);
def(['月', '个月'], 'time', 'h', 24 * 30);
def(['季度', '个季度'], 'time', 'h', 24 * 91);
def(['年'], 'time', 'h', 24 * 365);
def(['米', 'm', '延米', '延长米'], 'length', 'm', 1);
def(['公里', '千米', 'km', 'KM'], 'length', 'm', 1000);
def(['厘米', 'cm'], 'length', 'm', 0.01);
def(['毫米', 'mm'], 'length', 'm', 0.001);
def(['平方米', '平米', '㎡', 'm²', 'm2', '平方'], 'area', 'm2', 1);
def(['平方公里', 'km²', 'km2'], 'area', 'm2', 1e6);
def(['亩'], 'area', 'm2', 10000 / 15);
def(['公顷'], 'area', 'm2', 10000);
def(['吨', 't'], 'weight', 'kg', 1000);
def(['公斤', '千克', 'kg'], 'weight', 'kg', 1);
def(['克', 'g'], 'weight', 'kg', 0.001);
def(['斤'], 'weight', 'kg', 0.5);
def(['立方米', '方', 'm³', 'm3'], 'volume', 'm3', 1);
def(['升', 'L'], 'volume', 'm3', 0.001);
// counts: each word is its own base (次 and 人次 are not the same thing)
for (const w of [
  '次',
  '人次',
  '户次',
  '件次',
  '家次',
  '车次',
  '架次',
  '批次',
  '场次',
  '册次',
  '个',
  '套',
  '批',
  '件',
  '辆',
  '台',
  '人',
  '名',
  '家',
  '项',
  '条',
  '篇',
  '份',
  '场',
  '面',
  '起',
  '户',
  '所',
  '座',
  '只',
  '支',
  '张',
  '本',
  '册',
  '期',
  '单',
  '宗',
  '例',
  '头',
  '株',
  '棵',
  '块',
  '处',
  '栋',
  '间',
  '部',
  '架',
  '艘',
  '组',
  '轮',
  '课时',
  '学时',
  '门',
  '类',
  '节',
  '页',
  '种',
  '站',
  '个站',
  '床',
  '位',
  '路',
  '盏',
  '根',
  '副',
  '幅',
  '卷',
  '盒',
  '箱',
  '包',
  '瓶',
  '对',
  '双',
  '片',
  '把',
  '人天',
  '人日',
  '个点',
  '点',
  '处次',
  '单位',
]) {
  if (!UNITS[w]) UNITS[w] = { family: 'count', base: w, factor: 1 };
}

const MAGNITUDES: [string, number][] = [
  ['百万', 1e6],
  ['千万', 1e7],
  ['十万', 1e5],
  ['万亿', 1e12],
  ['万', 1e4],
  ['亿', 1e8],
  ['千', 1e3],
  ['百', 1e2],
];

function simpleUnit(word: string): UnitDef | null {
  if (UNITS[word]) return UNITS[word];
  for (const [m, f] of MAGNITUDES) {
    if (!word.startsWith(m)) continue;
    const rest = word.slice(m.length);
    if (rest === '') return { family: 'scalar', base: '', factor: f };
    const u = UNITS[rest];
    if (u) return { family: u.family, base: u.base, factor: u.factor * f };
    if (rest.length <= 2 && /^[\p{Script=Han}]+$/u.test(rest))
      return { family: 'other', base: rest, factor: f };
  }
  return null;
}

const UNIT_WORD = /^[\p{Script=Han}A-Za-z%‰²³㎡]{1,8}$/u;

/**
 * Read a unit as written after a number: '万次', '万元/公里', '%', '小时/日', '元/人/天'.
 * Returns null when the text is not a unit (contains digits, punctuation or a long phrase).
 */
export function parseUnit(text: string): Unit | null {
  const s = /[\s／]/.test(text) ? text.replace(/\s+/g, '').replace(/[／]/g, '/') : text;
  if (s === '') return null;
  const parts = s.split('/');
  if (parts.some((p) => !UNIT_WORD.test(p))) return null;
  if (parts.length === 1) {
    const u = simpleUnit(s);
    if (u) return { text, family: u.family, base: u.base, factor: u.factor };
    if (s.length > 3) return null;
    return { text, family: 'other', base: s, factor: 1 };
  }
  let factor = 1;
  const bases: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const u =
      simpleUnit(parts[i]) ?? (parts[i].length <= 3 ? { family: 'other', base: parts[i], factor: 1 } : null);
    if (!u) return null;
    factor = i === 0 ? u.factor : factor / u.factor;
    bases.push(u.base || parts[i]);
  }
  return { text, family: 'compound', base: bases.join('/'), factor };
}

/** A unit stated in an indicator's name: '市内外勤经费标准（元/人/天）' → 元/人/天; '提交审计报告（篇）' → 篇. */
export function unitFromName(name: string): Unit | null {
  const m = /[（(]([^（）()]{1,10})[)）]\s*$/.exec(name.trim());
  if (!m) return null;
  const u = parseUnit(m[1]);
  return u && u.family !== 'other' && u.family !== 'scalar' ? u : null;
}

/** Two units measure the same thing (after scale conversion). A missing unit matches only a missing unit. */
export function unitsCompatible(a: Unit | undefined, b: Unit | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.family === 'scalar' || b.family === 'scalar') return a.family === b.family;
  return a.family === b.family && a.base === b.base;
}

/** The amount in base units (8.48万 → 84800, 1.8万次 → 18000 次). */
export function toBase(value: number, unit: Unit | undefined): number {
  return unit ? value * unit.factor : value;
}

// ---- dates and periods ----

const CURRENT_YEAR_WORDS = /^(当年|本年|本年度|当年度|全年|年度内|当年内|本年内|年内)(完成)?$/;

function year(n: string): number | undefined {
  const y = parseInt(n, 10);
  return y >= 1990 && y <= 2100 ? y : undefined;
}

/** A date or month as written: '2025年10月', '10月底', '2021年12月31日', '2021-12-31', '年底'. */
function parseDateCore(s: string): DateValue | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m && year(m[1])) return { year: year(m[1]), month: +m[2], day: +m[3] };
  m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12 && (!m[1] || year(m[1])))
    return { year: m[1] ? year(m[1]) : undefined, month: +m[2], day: +m[3] };
  m = /^(?:(\d{4})年)?(\d{1,2})月(底|末|份|中旬|下旬|上旬)?$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12 && (!m[1] || year(m[1])))
    return {
      year: m[1] ? year(m[1]) : undefined,
      month: +m[2],
      end: m[3] === '底' || m[3] === '末' || undefined,
    };
  m = /^(\d{4})年(底|末|度)?$/.exec(s);
  if (m && year(m[1])) return { year: year(m[1]), month: 12, end: true };
  m = /^(?:(\d{4})[-/.])(\d{1,2})$/.exec(s);
  if (m && year(m[1]) && +m[2] >= 1 && +m[2] <= 12) return { year: year(m[1]), month: +m[2] };
  if (/^(年底|年末|年终)$/.test(s)) return { month: 12, end: true };
  return null;
}

function parseDateOrPeriod(s: string, operator: Operator | undefined, text: string): ParsedValue | null {
  // every date or period below has a digit or a 年, and a 年, a 月 or a - / . between numbers
  if (!/[\d年]/.test(s) || !/[年月\-/.]/.test(s)) return null;
  if (CURRENT_YEAR_WORDS.test(s)) {
    return { kind: 'period', text, from: { month: 1 }, to: { month: 12, end: true } };
  }
  // ranges: 1-12月, 2021年1-12月, 1月至12月, 2021-01-01至2021-12-31
  const m = /^(?:(\d{4})年)?(\d{1,2})(?:月)?(?:-|至|到)(\d{1,2})月$/.exec(s);
  if (m && +m[2] >= 1 && +m[3] <= 12 && +m[2] <= +m[3] && (!m[1] || year(m[1]))) {
    const y = m[1] ? year(m[1]) : undefined;
    return { kind: 'period', text, from: { year: y, month: +m[2] }, to: { year: y, month: +m[3] } };
  }
  const range = s.split(/至|到|~|—/);
  if (range.length === 2) {
    const a = parseDateCore(range[0]);
    const b = parseDateCore(range[1]);
    if (a && b) return { kind: 'period', text, from: a, to: b };
  }
  const d = parseDateCore(s);
  if (d) return { kind: 'date', text, operator, date: d };
  return null;
}

// ---- the value grammar ----

const NUMBER_HEAD = /^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)(.*)$/;

/**
 * Parse a 指标值 or an actual value. Never throws; anything that is not an operator/number/unit, a date
 * or a period is qualitative. Targets repeat across forms (≥95%, ≥90%, ≤2026年12月): each text is parsed once
 * and its value, frozen, shared.
 */
export const parseValue: (raw: string) => ParsedValue = rememberedPerText((raw) => frozen(parseFresh(raw)));

/** A shared value with its parts (unit, dates) frozen too. */
function frozen(v: ParsedValue): ParsedValue {
  for (const part of Object.values(v)) if (typeof part === 'object' && part !== null) Object.freeze(part);
  return Object.freeze(v);
}

function parseFresh(raw: string): ParsedValue {
  const text = raw;
  let s = normalizeValueText(raw);
  if (s === '') return { kind: 'empty', text };
  let operator: Operator | undefined;
  for (const [w, op] of PREFIX_BY_FIRST.get(s[0]) ?? NO_WORDS) {
    if (s.startsWith(w) && s.length > w.length) {
      operator = op;
      s = s.slice(w.length);
      break;
    }
  }
  // suffix operators (以上/以内/前/左右); keep the core for a second try without them
  let core = s;
  let suffixOp: Operator | undefined;
  for (const [w, op] of SUFFIX_BY_LAST.get(s[s.length - 1]) ?? NO_WORDS) {
    if (s.endsWith(w) && s.length > w.length) {
      suffixOp = op;
      core = s.slice(0, -w.length);
      break;
    }
  }
  // dates first: '2025年10月' starts with a number too
  const dateOp = operator ?? suffixOp;
  const dated =
    parseDateOrPeriod(s, operator, text) ?? (suffixOp ? parseDateOrPeriod(core, dateOp, text) : null);
  if (dated) {
    if (dated.kind === 'date' && !dated.operator && dateOp) dated.operator = dateOp;
    return dated;
  }
  // '95%以上', '3个月内': the suffix is an operator, not part of the unit
  if (suffixOp) {
    const viaSuffix = asNumber(text, core, operator ?? suffixOp);
    if (viaSuffix) return viaSuffix;
  }
  const direct = asNumber(text, s, operator);
  if (direct) return direct;
  return { kind: 'qualitative', text };
}

/** A number with an optional unit as the whole of `body`, or null. */
function asNumber(text: string, body: string, op: Operator | undefined): ParsedValue | null {
  const m = NUMBER_HEAD.exec(body);
  if (!m) return null;
  const value = Number(m[1].includes(',') ? m[1].replace(/,/g, '') : m[1]);
  if (!Number.isFinite(value)) return null;
  const rest = m[2];
  if (rest === '') return { kind: 'number', text, operator: op, value };
  const unit = parseUnit(rest);
  if (!unit) return null;
  return { kind: 'number', text, operator: op, value, unit };
}

const NO_WORDS: [string, Operator][] = [];

/** Words that mean "none / not applicable" in an indicator name (长沙: 不适用, 无, 不直接产生经济效益). */
export function isNotApplicableName(name: string): boolean {
  const s = name.replace(/\s+/g, '');
  return (
    s === '' ||
    /^(无|\/|—|-|－|不适用|不涉及|不满足|不合适|暂无)$/.test(s) ||
    /^不适用/.test(s) ||
    /不直接产生/.test(s)
  );
}

/** Text for a value cell: a formula cell without a cached value keeps its formula text ('=100%'). */
export function describeValue(v: ParsedValue): string {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
      return `${v.operator ?? ''}${v.value}${v.unit?.text ?? ''}`;
    default:
      return v.text;
  }
}
