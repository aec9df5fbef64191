/**
 * Prose as a reader sees it: full-width digits normalised, lines that a PDF broke mid-sentence joined again,
 * and the money amounts and percentages found in it. Pure; offsets map back to the raw text.
 */
import { MoneyUnit, normalizeDigits } from '../model/numbers';
import { AmountToken, PercentToken, Span } from './types';

export interface PreparedText {
  /** Normalised text; hard line breaks ('\n') separate paragraphs. */
  text: string;
  /** map[i] = offset in the raw text of text[i]. */
  map: number[];
  /** Paragraph boundaries in `text`: [start, end) per paragraph. */
  paragraphs: Span[];
}

/** Enumerators that start a list item or a heading: 1.  1、 （1） (一) 一、 ① 第一部分. */
export const ENUMERATOR_RE =
  /^\s*(?:[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．)）]|[①-⑳]|第[一二三四五六七八九十]+部分)/;

const TERMINAL_END = /[。；;：:！？!?]$/;
const CLAUSE_PUNCT = /[，,。；;]/;

export function isTableRow(line: string): boolean {
  // one cell without a tab
  if (!line.includes('\t')) return false;
  return line.split('\t').filter((s) => s.trim() !== '').length >= 2;
}

function bracketBalance(s: string): number {
  let d = 0;
  for (const ch of s) {
    if (ch === '（' || ch === '(') d++;
    else if ((ch === '）' || ch === ')') && d > 0) d--;
  }
  return d;
}

/**
 * Normalise and re-join lines. A line continues the one before (a soft break, removed) when the one before is
 * prose cut mid-sentence — it has clause punctuation, does not end a sentence, and the next line does not start a
 * new item — or when it left a bracket open ("…远程查验B包（合" / "同延续合计21.8075万元）；").
 * Table rows (cells separated by tabs) are never joined.
 */
export function prepareText(raw: string): PreparedText {
  // normalizeDigits turns the full-width comma into ',' — keep '，' so that "，825万元" is not read as a thousands group
  // (normalised piece by piece between the '，': no digit sits next to one, so no piece reads differently)
  const norm = raw.split('，').map(normalizeDigits).join('，').replace(/\r/g, '\n');
  const out: string[] = [];
  const map: number[] = [];
  const paragraphs: Span[] = [];
  let paraStart = -1;
  let para = '';
  let pos = 0;
  for (const line of norm.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    // spaces trimmed, leading tabs kept: they place a table row's cells under their header
    const lead = line.length - line.replace(/^[ \u3000\u00a0]+/, '').length;
    const trimmed = line.slice(lead).replace(/[\s]+$/, '');
    if (trimmed.trim() === '') continue;
    const start = lineStart + lead;
    let soft = false;
    if (paraStart >= 0 && !isTableRow(trimmed) && !isTableRow(para) && !ENUMERATOR_RE.test(trimmed)) {
      if (bracketBalance(para) > 0) soft = true;
      else if (!TERMINAL_END.test(para) && CLAUSE_PUNCT.test(para)) soft = true;
    }
    if (!soft) {
      if (paraStart >= 0) {
        paragraphs.push({ start: paraStart, end: map.length });
        out.push('\n');
        map.push(start - 1);
      }
      paraStart = map.length;
      para = '';
    }
    // whole lines into the text, one offset per character into the map (map.length is the text's length)
    out.push(trimmed);
    for (let i = 0; i < trimmed.length; i++) map.push(start + i);
    para += trimmed;
  }
  if (paraStart >= 0) paragraphs.push({ start: paraStart, end: map.length });
  return { text: out.join(''), map, paragraphs };
}

/** Map a span of prepared text back to the raw text. */
export function toRawSpan(p: PreparedText, span: Span): Span {
  if (p.map.length === 0) return { start: 0, end: 0 };
  const s = p.map[Math.min(span.start, p.map.length - 1)];
  const e = p.map[Math.min(Math.max(span.end - 1, span.start), p.map.length - 1)] + 1;
  return { start: s, end: e };
}

// ---- tokens ----

const AMOUNT_RE =
  /(?<![\d.,A-Za-z])(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d)|\d+)(?:\s?\.\s?(\d+))?\s*(亿元|万\s?元|千元|元|万)/g;
const PERCENT_RE = /(?<![\d.,])(\d+)(?:\s?\.\s?(\d+))?\s*%/g;

const CLAUSE_DELIMS = new Set(['，', ',', '；', ';', '。', '：', ':', '！', '？', '!', '?', '\n', '\t']);
const CJK = /[\u4e00-\u9fff]/;

/** Change verbs written just before the number: 减少 208.8 万元, 下降 1.99%. */
const CHANGE_VERB_RE =
  /(增加|减少|下降|增长|上升|降低|提高|压减|缩减|节约|节省|扩大|缩小|增|减|多|少)(了)?(约|为)?\s*$/;
const SINGLE_CHAR_VERB_RE = /(?:^|[^增减上下降提压缩节扩])(增|减|多|少)(了)?(约|为)?\s*$/;
const COMPARISON_RE = /比|较|相比|同比|上年|上一年|去年|\d{4}\s*年/;
const EXPLICIT_COMPARISON_RE = /比|较|相比|同比|上年|上一年|去年/;
const PREVIOUS_RE = /(?:比|较|与|同)\s*(上年|上一年度?|去年|\d{4}\s*年度?)[^，,；;。：:！？!?\t\n]{0,12}?$/;
const SHARE_BEFORE_RE = /占[^，,；;。：:！？!?\t\n]{0,20}$/;

export interface Tokens {
  amounts: AmountToken[];
  percents: PercentToken[];
  /** Bracket depth before each character. */
  depth: number[];
}

function paragraphOf(p: PreparedText, offset: number): number {
  let lo = 0;
  let hi = p.paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.paragraphs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Start of the clause that ends at `end` (after the last ，。；：, tab or line break). */
export function clauseStart(text: string, end: number, floor = 0): number {
  for (let i = end - 1; i >= floor; i--) {
    const ch = text[i];
    if (CLAUSE_DELIMS.has(ch)) return i + 1;
    // 、 separates items (货物预算 50.4 万元、工程预算 0 万元) but not 收、支 (a single character before it)
    if (ch === '、') {
      const before = text[i - 1] ?? '';
      const twoBefore = i - 2 < floor ? '' : text[i - 2];
      const single = CJK.test(before) && (twoBefore === '' || CLAUSE_DELIMS.has(twoBefore));
      if (!single) return i + 1;
    }
  }
  return floor;
}

/**
 * No sentence is read further than this from a figure: a text without full stops (or a hostile one) would
 * otherwise make every figure scan the whole text, quadratic in its length.
 */
const MAX_SENTENCE = 1000;

/** Start of the sentence that contains `offset` (after 。！？ or a line break). */
export function sentenceStart(text: string, offset: number, floor = 0): number {
  floor = Math.max(floor, offset - MAX_SENTENCE);
  for (let i = offset - 1; i >= floor; i--) if ('。！？!?\n'.includes(text[i])) return i + 1;
  return floor;
}

/** End of the sentence that contains `offset` (at 。！？ or a line break, exclusive). */
export function sentenceEnd(text: string, offset: number): number {
  const end = Math.min(text.length, offset + MAX_SENTENCE);
  for (let i = offset; i < end; i++) if ('。！？!?\n'.includes(text[i])) return i;
  return end;
}

/** Start of the segment (sentence or ；-part) that contains `offset`. */
export function segmentStart(text: string, offset: number, floor = 0): number {
  floor = Math.max(floor, offset - MAX_SENTENCE);
  for (let i = offset - 1; i >= floor; i--) if ('。！？!?\n；;'.includes(text[i])) return i + 1;
  return floor;
}

/** Leading enumerator and 其中 removed, spaces dropped: "（三）公务用车购置及运行费 " → "公务用车购置及运行费". */
export function cleanSubject(s: string): string {
  let t = s.replace(ENUMERATOR_RE, '');
  t = t.replace(/^\s*其中\s*[：:，,]?/, '');
  t = t.replace(/^[\s、，,；;]+/, '');
  return t.replace(/\s+/g, '').trim();
}

function unitOf(u: string): MoneyUnit {
  const s = u.replace(/\s+/g, '');
  if (s === '亿元') return '亿元';
  if (s === '千元') return '千元';
  if (s === '元') return '元';
  return '万元';
}

function parseParts(intPart: string, frac: string | undefined): { value: number; decimals: number } {
  const i = intPart.replace(/[, ]/g, '');
  const f = frac ?? '';
  return { value: Number(`${i}.${f || '0'}`), decimals: f.length };
}

export function tokenize(p: PreparedText): Tokens {
  const t = p.text;
  const depth: number[] = new Array(t.length);
  let d = 0;
  for (let i = 0; i < t.length; i++) {
    depth[i] = d;
    const ch = t[i];
    if (ch === '\n') d = 0;
    else if (ch === '（' || ch === '(') d++;
    else if ((ch === '）' || ch === ')') && d > 0) d--;
  }
  const moneyPara = p.paragraphs.map((s) => t.slice(s.start, s.end).includes('元'));

  const amounts: AmountToken[] = [];
  for (const m of t.matchAll(AMOUNT_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const unitText = m[3];
    const para = paragraphOf(p, start);
    if (unitText === '万') {
      // a bare 万 is money only when followed by no word (90万，…) in a paragraph that speaks of 元
      if (CJK.test(t[end] ?? '') || /[A-Za-z]/.test(t[end] ?? '') || !moneyPara[para]) continue;
    }
    const { value, decimals } = parseParts(m[1], m[2]);
    const floor = p.paragraphs[para].start;
    const cs = clauseStart(t, start, floor);
    const before = t.slice(cs, start);
    const sentence = t.slice(sentenceStart(t, start, floor), start);
    let role: AmountToken['role'] = 'plain';
    if (isChangeVerb(before, sentence)) role = 'change';
    else if (PREVIOUS_RE.test(t.slice(segmentStart(t, start, floor), start))) role = 'previous';
    amounts.push({
      value,
      decimals,
      unit: unitOf(unitText),
      span: { start, end },
      text: m[0],
      depth: depth[start] ?? 0,
      role,
      subject: cleanSubject(before),
      para,
    });
  }

  const percents: PercentToken[] = [];
  for (const m of t.matchAll(PERCENT_RE)) {
    const start = m.index ?? 0;
    const { value, decimals } = parseParts(m[1], m[2]);
    percents.push({
      value,
      decimals,
      span: { start, end: start + m[0].length },
      text: m[0],
      depth: depth[start] ?? 0,
      para: paragraphOf(p, start),
    });
  }
  return { amounts, percents, depth };
}

/** The clause before a number ends with a change verb, in a sentence that compares with another year. */
export function isChangeVerb(clauseBefore: string, sentenceBefore: string): boolean {
  const m = CHANGE_VERB_RE.exec(clauseBefore);
  if (!m) return false;
  if (m[1].length === 1)
    return SINGLE_CHAR_VERB_RE.test(clauseBefore) && EXPLICIT_COMPARISON_RE.test(sentenceBefore);
  return COMPARISON_RE.test(sentenceBefore);
}

export function changeDirection(clauseBefore: string): 'increase' | 'decrease' | undefined {
  const m = CHANGE_VERB_RE.exec(clauseBefore);
  if (!m) return undefined;
  return /增|上升|提高|扩大|多/.test(m[1]) ? 'increase' : 'decrease';
}

/** The text before a percentage says it is a share: 占 44.6%, 占建设投资的 87.41%, 占比 2.2%. */
export function isShareBefore(clauseBefore: string): boolean {
  return SHARE_BEFORE_RE.test(clauseBefore);
}

/** Chinese or Arabic ordinal of an enumerator ("（三）" → 3, "10." → 10), with its style. */
export function enumeratorOf(line: string): { n: number; style: string } | undefined {
  const s = line.trimStart();
  let m = /^[（(]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]/.exec(s);
  if (m) return { n: ordinal(m[1]), style: /\d/.test(m[1]) ? '(1)' : '(一)' };
  m = /^([一二三四五六七八九十]{1,3})\s*[、.．]/.exec(s);
  if (m) return { n: ordinal(m[1]), style: '一、' };
  m = /^(\d{1,2})\s*[、.．)）]/.exec(s);
  if (m) return { n: Number(m[1]), style: '1.' };
  m = /^([①-⑳])/.exec(s);
  if (m) return { n: m[1].charCodeAt(0) - 0x2460 + 1, style: '①' };
  return undefined;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function ordinal(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return CN_DIGITS[s] ?? 0;
  const tens = i === 0 ? 1 : (CN_DIGITS[s.slice(0, i)] ?? 0);
  const ones = i === s.length - 1 ? 0 : (CN_DIGITS[s.slice(i + 1)] ?? 0);
  return tens * 10 + ones;
}

/** The year a text names most often (ties go to the later year). */
export function mostFrequentYear(t: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of t.matchAll(/(?<!\d)(20\d{2})\s*年/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | undefined;
  let n = 0;
  for (const [y, c] of counts)
    if (c > n || (c === n && best !== undefined && y > best)) {
      best = y;
      n = c;
    }
  return best;
}

export type ThreePublicMeasure =
  'three-public' | 'abroad' | 'reception' | 'car-running' | 'car-purchase' | 'car';

/** Which 三公 figure a subject names: s is the whole normalised subject, tail its core words. */
export function threePublicMeasure(s: string, tail: string): ThreePublicMeasure | undefined {
  if (/三公/.test(s) && !/因公出国|公务接待|公务用车/.test(s)) return 'three-public';
  if (/因公出国/.test(tail)) return 'abroad';
  if (/公务接待/.test(tail)) return 'reception';
  if (!/公务用车/.test(tail)) return undefined;
  const run = /运行/.test(tail);
  const buy = /购置/.test(tail);
  if (run && !buy) return 'car-running';
  if (buy && !run) return 'car-purchase';
  return 'car';
}
