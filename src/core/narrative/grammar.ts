/**
 * A small, explicit grammar for the statements of budget text (预算说明). Pure.
 *
 *   statement := subject figure            (level:  基本支出 1192.85 万元)
 *              | [subject] comparison verb figure   (change: 比上年减少 5 万元 / 基本支出增加 75.19 万元)
 *              | [subject] verb percent    (rate:   下降 22.73%)
 *              | [subject] 占 [base] percent        (share:  占 44.6%)
 *              | [subject] comparison 持平/相同      (flat:   与上年预算数持平)
 *   breakdown := statement （ statement，statement ）    — the bracketed statements belong to the one before
 *              | statement，其中[：] statement，statement … — up to the end of the sentence
 *
 * Clauses end at punctuation (，；。：！？, a line break, a tab) and at a bracket that holds statements of its own;
 * a bracket without figures or clause punctuation — （境）（类）（含）— is part of the word it sits in. A clause with
 * several figures is cut after each figure. A change or rate that names no subject of its own qualifies the
 * statement its sentence stated last (收入预算 3,944.08 万元，比上年增加 286.07 万元，增长 7.8%); a comparison the
 * sentence does not name is the one of the statement it breaks down (烟台: 比上年减少 49.81 万元，其中：… 基本支出增加
 * 75.19 万元). Headings give context: a figure under （二）项目支出 is the 项目支出 part of its subject.
 *
 * Every span is an offset into the raw text given; `quote` is the clause as the reader understood it.
 */
import { MoneyUnit } from '../model/numbers';
import { isHeading } from './statements';
import {
  cleanSubject,
  ENUMERATOR_RE,
  mostFrequentYear,
  PreparedText,
  prepareText,
  tokenize,
  toRawSpan,
} from './text';
import { AmountToken, PercentToken, Span } from './types';

export type FactKind = 'level' | 'change' | 'rate' | 'share' | 'flat';

/** What a figure is compared with: 上年 (the year before the budget) or a named year, and on what basis. */
export interface Comparison {
  /** The year named (比 2025 年), or undefined for 上年 / 去年 / 同比. */
  year?: number;
  /** 预算数 (budget), 执行数 (execution), 决算数 (final); undefined when the text does not say. */
  basis?: 'budget' | 'execution' | 'final';
  /** As written: "比2025年预算". */
  text: string;
  span: Span;
  /** Taken from the statement this one breaks down, not written in its own sentence. */
  inherited?: boolean;
}

/** The part of the tables a paragraph speaks of, from its heading (（二）项目支出, 一般公共预算…). */
export type Part = 'basic' | 'project' | 'gov-fund' | 'state-capital' | 'three-public';

export interface FactContext {
  /** The heading the paragraph sits under, as written. */
  heading?: string;
  /** 基本支出 / 项目支出 / 政府性基金 … from the heading or from the total the fact breaks down. */
  part?: Part;
  /** 'general' when the heading or the paragraph's lead statement speaks of 一般公共预算 / 财政拨款. */
  scope: 'general' | 'all';
}

export interface Fact {
  kind: FactKind;
  /** The subject as understood, cleaned: "公务用车购置费", "基本支出"; '' when none is named or inherited. */
  subject: string;
  /** The subject's own words (before qualifiers were dropped): "福州市商务局一般公共预算拨款安排的机关运行经费支出". */
  subjectText: string;
  /** The subject was taken from the statement this one qualifies or from the heading. */
  subjectInherited: boolean;
  /** A money figure (level, change). */
  amount?: AmountToken;
  /** A percentage (rate, share). */
  percent?: PercentToken;
  /** change / rate / flat: +1 增加/增长, −1 减少/下降, 0 持平. */
  sign?: 1 | -1 | 0;
  /** change / rate / flat: what it is compared with. */
  against?: Comparison;
  /** level: a year named in its subject (2026 年…). */
  year?: number;
  /** level: the subject speaks of last year or of a carry-over (上年, 上年结转, 去年…). */
  prior: boolean;
  /** level: 执行数 / 决算数 rather than a budget figure. */
  basis?: 'execution' | 'final';
  unit?: MoneyUnit;
  /** The clause understood, from its subject to its figure. */
  quote: string;
  quoteSpan: Span;
  /** change / rate / share / flat: the level it qualifies (same subject, stated before it). */
  of?: Fact;
  /** rate: the change amount it is the rate of (减少 5 万元，下降 22.73%). */
  change?: Fact;
  /** level: the figure a change is measured from, stated with its comparison (比上年的 3000 万元). */
  comparedFrom?: true;
  /** change / rate / flat: the previous figure the sentence states (比上年的 3000 万元增加 200 万元). */
  previous?: Fact;
  /** The total this fact is an item of (a bracketed breakdown or a 其中 list). */
  parent?: Fact;
  breakdown?: 'bracket' | 'qizhong';
  children: Fact[];
  /** For a total with children: the word that introduced them (其中, 主要用于, 包括, 分别为) or '（' for a bracket. */
  listMarker?: string;
  context: FactContext;
  /** Bracket depth of the figure; paragraph index. */
  depth: number;
  para: number;
}

export interface Grammar {
  facts: Fact[];
  /** The year the text names most often. */
  year?: number;
}

// ---- lexicon ----

const CHANGE_VERB =
  /(增加|减少|下降|增长|上升|降低|提高|压减|缩减|节约|节省|扩大|缩小|增|减|多|少)(了)?(约|为|达)?\s*$/;
const SINGLE_VERB = /(?:^|[^增减上下降提压缩节扩])(增|减|多|少)(了)?(约|为|达)?\s*$/;
const INCREASE = /增|上升|提高|扩大|多/;
/** 比上年 / 较 2025 年预算数 / 与上年相比 / 同比 / 比上年执行数. */
const COMPARISON_RE =
  /(?:比|较|与|同|对比)\s*(上年|上一年度?|去年|(\d{4})\s*年度?)\s*(当年)?\s*(预算执行数|预算数?|执行数|决算数?|实际数)?\s*(?:相比|比较|对比)?|同比|相比/g;
const FLAT_RE = /持平|(?:与|和|同)[^，,；;。]{0,16}?(?:相同|一致)/;
const SHARE_RE = /占[^，,；;。：:！？!?\t\n]{0,24}$/;
const CONNECTIVE_RE =
  /^\s*(?:其中|包括|主要包括|主要用于|分别为|分别是|具体为|具体包括|含|即|共|合计|共计|另外|以及|和|及|另)\s*[：:，,]?\s*/;
const PRIOR_RE = /上年|上一年|去年|以前年度|往年|年初结转|结转结余/;
const MARKER_RE = /(?:^|[，,；;：:])\s*(其中|主要用于|主要包括|包括|分别为|分别是|具体为)\s*[：:]?\s*$/;

const CLAUSE_DELIMS = '，,；;。：:！？!?\n\t';
const SENTENCE_DELIMS = '。！？!?\n';

/** Parse budget text into facts (see the file comment for the grammar). */
export function parseFacts(raw: string): Grammar {
  const p = prepareText(raw);
  const t = p.text;
  const { amounts, percents } = tokenize(p);
  const structural = structuralBrackets(t, amounts, percents);

  // figures in text order
  type Fig = { a?: AmountToken; c?: PercentToken; start: number; end: number; depth: number; para: number };
  const figs: Fig[] = [
    ...amounts.map((a) => ({ a, start: a.span.start, end: a.span.end, depth: a.depth, para: a.para })),
    ...percents.map((c) => ({ c, start: c.span.start, end: c.span.end, depth: c.depth, para: c.para })),
  ].sort((x, y) => x.start - y.start);

  // a phrase starts after the last clause delimiter, structural bracket or figure before it
  const boundary = new Array<boolean>(t.length + 1).fill(false);
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (CLAUSE_DELIMS.includes(ch) && !(ch === ',' && /\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? '')))
      boundary[i] = true;
    // 、 joins nouns (收入、支出预算总计; 收、支总计); between items it follows a figure, which ends a phrase anyway
  }
  for (const [open, close] of structural) {
    boundary[open] = true;
    boundary[close] = true;
  }
  for (const f of figs) for (let i = f.start; i < f.end; i++) boundary[i] = false;
  const figEnds = new Set(figs.map((f) => f.end));
  const phraseStart = (at: number, floor: number) => {
    for (let i = at - 1; i >= floor; i--) {
      if (figEnds.has(i + 1)) return i + 1;
      if (boundary[i]) return i + 1;
    }
    return floor;
  };
  const sentenceStart = (at: number, floor: number) => {
    for (let i = at - 1; i >= floor; i--) if (SENTENCE_DELIMS.includes(t[i])) return i + 1;
    return floor;
  };
  const sentenceEnd = (at: number) => {
    for (let i = at; i < t.length; i++) if (SENTENCE_DELIMS.includes(t[i])) return i;
    return t.length;
  };
  const paraStart = (para: number) => p.paragraphs[para].start;
  const paraText = (para: number) => t.slice(p.paragraphs[para].start, p.paragraphs[para].end);

  // ---- headings → context ----
  const headingOf: (string | undefined)[] = [];
  const headingPara: number[] = [];
  let lastHeading: string | undefined;
  let lastHeadingPara = -1;
  for (let i = 0; i < p.paragraphs.length; i++) {
    headingOf.push(lastHeading);
    headingPara.push(lastHeadingPara);
    const text = paraText(i).trim();
    if (isHeading(text) && !figs.some((f) => f.para === i)) {
      lastHeading = text;
      lastHeadingPara = i;
    }
  }

  const facts: Fact[] = [];
  const bySentence = new Map<number, Fact[]>();

  for (const f of figs) {
    const floor = paraStart(f.para);
    const ps = phraseStart(f.start, floor);
    const prefix = t.slice(ps, f.start);
    const sStart = sentenceStart(f.start, floor);
    const sentenceBefore = t.slice(sStart, f.start);
    const own = lastComparison(t, ps, f.start) ?? lastComparison(t, sStart, f.start);
    const sentenceFacts = bySentence.get(sStart) ?? [];
    let fact: Fact | undefined;
    const base = {
      subjectInherited: false,
      prior: false,
      children: [],
      context: { scope: 'all' as const },
      depth: f.depth,
      para: f.para,
    };
    if (f.c) {
      if (SHARE_RE.test(prefix)) {
        fact = {
          ...base,
          kind: 'share',
          subject: '',
          subjectText: '',
          percent: f.c,
          quote: '',
          quoteSpan: f.c.span,
        };
        const subj = shareSubject(prefix);
        if (subj) fact.subject = subj;
      } else {
        const m = CHANGE_VERB.exec(prefix);
        if (!m || (m[1].length === 1 && !SINGLE_VERB.test(prefix))) continue;
        fact = {
          ...base,
          kind: 'rate',
          subject: '',
          subjectText: '',
          percent: f.c,
          sign: INCREASE.test(m[1]) ? 1 : -1,
          quote: '',
          quoteSpan: f.c.span,
        };
        const subj = changeSubject(prefix.slice(0, m.index));
        fact.subject = subj;
        fact.subjectText = subj;
        if (own) fact.against = own;
      }
    } else if (f.a) {
      const m = CHANGE_VERB.exec(prefix);
      const isChange =
        !!m &&
        (m[1].length > 1 || (SINGLE_VERB.test(prefix) && /比|较|相比|同比|上年|去年/.test(sentenceBefore)));
      if (isChange && m) {
        const subj = changeSubject(prefix.slice(0, m.index));
        fact = {
          ...base,
          kind: 'change',
          subject: subj,
          subjectText: subj,
          amount: f.a,
          unit: f.a.unit,
          sign: INCREASE.test(m[1]) ? 1 : -1,
          quote: '',
          quoteSpan: f.a.span,
        };
        if (own) fact.against = own;
      } else {
        // 比上年的 3000 万元: the figure a change is measured from, not this year's
        const from = lastComparison(t, ps, f.start);
        const subjectText = from ? '' : cleanSubject(prefix.replace(CONNECTIVE_RE, ''));
        const { head, prior, year, basis } = levelSubject(subjectText);
        fact = {
          ...base,
          kind: 'level',
          subject: head,
          subjectText,
          amount: f.a,
          unit: f.a.unit,
          prior: prior || !!from,
          quote: '',
          quoteSpan: f.a.span,
        };
        if (from) {
          fact.comparedFrom = true;
          fact.against = from;
        }
        if (year !== undefined) fact.year = year;
        if (basis) fact.basis = basis;
      }
    }
    if (!fact) continue;
    fact.quoteSpan = { start: ps, end: f.end };
    sentenceFacts.push(fact);
    bySentence.set(sStart, sentenceFacts);
    facts.push(fact);
  }

  // ---- 持平 / 相同 clauses (no figure) ----
  for (const m of t.matchAll(new RegExp(FLAT_RE.source, 'g'))) {
    const k = m.index ?? 0;
    const para = paragraphIndex(p, k);
    const floor = paraStart(para);
    const ps = phraseStart(k, floor);
    // "持平" inside a clause that states a figure after it is not a flat statement of its own
    const clauseEnd = nextBoundary(boundary, k, t.length);
    if (figs.some((f) => f.start >= k && f.start < clauseEnd)) continue;
    const prefix = t.slice(ps, k);
    const sStart = sentenceStart(k, floor);
    const own = lastComparison(t, ps, k + m[0].length) ?? lastComparison(t, sStart, k);
    // 基本持平 after a change (比上年执行数增加 48.92 万元，增长 0.8%，与上年基本持平) is a comment, not a claim;
    // so is a reason (主要原因是与上年持平)
    const sentenceFacts = bySentence.get(sStart) ?? [];
    const before = sentenceFacts.filter((x) => x.quoteSpan.start < k);
    const last = before[before.length - 1];
    if (last && (last.kind === 'change' || last.kind === 'rate')) continue;
    if (/原因|因为|由于/.test(prefix)) continue;
    const subj = changeSubject(prefix.replace(/基本\s*$/, ''));
    const fact: Fact = {
      kind: 'flat',
      subject: subj,
      subjectText: subj,
      subjectInherited: false,
      sign: 0,
      prior: false,
      quote: '',
      quoteSpan: { start: ps, end: k + m[0].length },
      children: [],
      context: { scope: 'all' },
      depth: 0,
      para,
    };
    if (own) fact.against = own;
    sentenceFacts.push(fact);
    bySentence.set(sStart, sentenceFacts);
    facts.push(fact);
  }
  facts.sort((a, b) => a.quoteSpan.start - b.quoteSpan.start);

  // ---- breakdowns: brackets and 其中 lists ----
  const levelBefore = (x: Fact, pred: (y: Fact) => boolean) => {
    const i = facts.indexOf(x);
    for (let j = i - 1; j >= 0; j--) {
      const y = facts[j];
      if (y.para !== x.para) return undefined;
      if (pred(y)) return y;
    }
    return undefined;
  };
  for (const [open, close] of structural) {
    const owner = facts.find(
      (y) =>
        y.amount &&
        y.kind === 'level' &&
        y.amount.span.end <= open &&
        /^\s*$/.test(t.slice(y.amount.span.end, open)),
    );
    if (!owner) continue;
    for (const y of facts)
      if (y.quoteSpan.start > open && y.quoteSpan.end <= close && y.depth === owner.depth + 1 && !y.parent) {
        if (y.kind !== 'level') continue;
        y.parent = owner;
        y.breakdown = 'bracket';
        owner.children.push(y);
        owner.listMarker = '（';
      }
  }
  for (let i = 0; i < facts.length; i++) {
    const total = facts[i];
    if (total.kind !== 'level' && total.kind !== 'change') continue;
    const fig = total.amount!;
    // "…万元，其中：" / "…万元，其中" in the same sentence
    let sEnd = sentenceEnd(fig.span.end);
    const after = t.slice(fig.span.end, sEnd);
    let mkStart = fig.span.end;
    let mk =
      /^\s*[，,；;]?\s*(其中|主要用于|主要包括|包括|分别为|分别是|具体为)[^，,；;。：:]{0,6}?\s*[：:，,]?/.exec(
        after,
      );
    // "…3912.4 万元。主要用于以下方面：A …，B …" — the list is the next sentence of the paragraph
    if (!mk && after.trim() === '' && t[sEnd] === '。') {
      const next = t.slice(sEnd, sentenceEnd(sEnd + 1));
      const m2 = /^。\s*(主要用于|其中|主要包括|具体如下|分别为)[^，,；;。：:]{0,6}?\s*[：:]/.exec(next);
      if (m2) {
        mk = m2;
        mkStart = sEnd;
        sEnd = sentenceEnd(sEnd + 1);
      }
    }
    if (!mk) continue;
    const from = mkStart + mk[0].length;
    if (t.slice(from, sEnd).trim() === '') continue;
    // two 其中 in one sentence nest: which level an item belongs to is unclear
    if ((t.slice(from, sEnd).match(/其中/g) ?? []).length > 0) continue;
    const end = listEnd(from, sEnd, total.depth);
    for (const y of facts) {
      const at = (y.amount ?? y.percent)?.span.start ?? y.quoteSpan.start;
      if (y === total || y.parent || at < from || at >= end) continue;
      if (y.depth !== total.depth || y.kind !== total.kind || y.comparedFrom) continue;
      y.parent = total;
      y.breakdown = 'qizhong';
      total.children.push(y);
      total.listMarker = mk[1];
    }
  }

  /**
   * Where an inline list stops: at the first clause (at the list's depth) that states no figure and is no comment
   * on the item before it ("其中49.5万元用于购买酒精检测仪，该项目2021年11月签订合同，…" ends after its first clause).
   */
  function listEnd(from: number, to: number, depth: number): number {
    let start = from;
    let d = depth;
    for (let i = from; i <= to; i++) {
      const ch = t[i];
      if (ch === '（' || ch === '(') d++;
      else if ((ch === '）' || ch === ')') && d > depth) d--;
      if (i < to && !(boundary[i] && d === depth && !'（(）)'.includes(ch))) continue;
      const clause = t.slice(start, i);
      const hasFigure = figs.some((f) => f.start >= start && f.start < i);
      if (
        !hasFigure &&
        clause.trim() !== '' &&
        !FLAT_RE.test(clause) &&
        !lastComparison(t, start, i) &&
        !/^\s*(主要用于|用于|主要是|含|包括)/.test(clause)
      )
        return start;
      start = i + 1;
    }
    return to;
  }

  // ---- what each change / rate / share / flat qualifies; inherited subjects and comparisons ----
  for (const x of facts) {
    if (x.kind === 'level') continue;
    const sameSentence = (y: Fact) =>
      sentenceStart(y.quoteSpan.start, paraStart(y.para)) ===
      sentenceStart(x.quoteSpan.start, paraStart(x.para));
    if (x.kind === 'rate') {
      // a rate follows its change: 减少 5 万元，下降 22.73%
      const ch = levelBefore(x, (y) => y.kind === 'change' && y.depth === x.depth && sameSentence(y));
      const chain =
        ch &&
        facts
          .slice(facts.indexOf(ch) + 1, facts.indexOf(x))
          .every((z) => z.kind !== 'level' && z.kind !== 'change');
      if (ch && chain && ch.sign === x.sign) {
        x.change = ch;
        if (ch.of) x.of = ch.of;
        if (!x.subject) {
          x.subject = ch.subject;
          x.subjectInherited = true;
        }
        if (!x.against && ch.against) x.against = ch.against;
        continue;
      }
    }
    // the level it qualifies: stated before it in its sentence — or, when it names no subject, in its paragraph
    // (一般公共服务支出（类）支出 2,906.63 万元，主要用于审计事务。与上年相比减少 17.08 万元)
    const lv =
      levelBefore(x, (y) => y.kind === 'level' && y.depth === x.depth && sameSentence(y) && !y.prior) ??
      (x.subject === ''
        ? levelBefore(x, (y) => y.kind === 'level' && y.depth === x.depth && !y.prior)
        : undefined);
    if (x.kind === 'share') {
      // a share's subject is its base (占“三公”经费的); the part is the level it follows
      if (lv) x.of = lv;
    } else if (x.subject === '') {
      if (lv) {
        x.of = lv;
        x.subject = lv.subject;
        x.subjectText = lv.subjectText;
        x.subjectInherited = true;
      }
    } else {
      // a change naming its subject: the level of that subject stated before it in the paragraph; "收、支总计各减少"
      // speaks of both totals just stated
      const named = levelBefore(
        x,
        (y) => y.kind === 'level' && y.depth === x.depth && !y.prior && sameSubject(y.subject, x.subject),
      );
      if (named) x.of = named;
      else if (lv && /收[、和与及]?支/.test(x.subject)) x.of = lv;
    }
  }
  // the previous figure a sentence states for its change (比上年的 3000 万元增加 200 万元)
  for (const x of facts) {
    if (x.kind !== 'change' && x.kind !== 'rate' && x.kind !== 'flat') continue;
    const sStart = sentenceStart(x.quoteSpan.start, paraStart(x.para));
    const prev = levelBefore(x, (y) => !!y.comparedFrom && y.quoteSpan.start >= sStart);
    if (prev) {
      x.previous = prev;
      if (!x.against && prev.against) x.against = prev.against;
    }
  }
  // a share's figure is the level just before it (基本支出 1807.7 万元，占 44.6%)
  for (const x of facts)
    if (x.kind === 'share' && !x.of) {
      const lv = levelBefore(x, (y) => y.kind === 'level');
      if (lv) x.of = lv;
    }
  /** The comparison a fact states, or the one stated by a change of the level it is. */
  const comparisonOf = (f: Fact): Comparison | undefined =>
    f.against ?? facts.find((z) => z.of === f && z.against && !z.against.inherited)?.against;
  // a change without a comparison of its own takes the one of the total it breaks down (烟台 A5 → A7)
  const inheritComparisons = () => {
    for (const x of facts) {
      if (x.kind === 'level' || x.against) continue;
      const up = x.parent ?? x.of?.parent;
      const from = up && comparisonOf(up);
      if (from) x.against = { ...from, inherited: true };
    }
  };
  inheritComparisons();

  // 其中： at the end of a paragraph: the numbered lines under it break down the statement before it
  for (let i = 0; i < facts.length; i++) {
    const total = facts[i];
    if (total.kind !== 'level' && total.kind !== 'change') continue;
    const rest = t.slice(total.quoteSpan.end, p.paragraphs[total.para].end);
    if (
      !MARKER_RE.test(rest.replace(/\s+$/, '')) &&
      !/^\s*[，,]?\s*(其中|具体如下|如下)\s*[：:]\s*$/.test(rest)
    )
      continue;
    if (facts.some((y) => y.para === total.para && y.quoteSpan.start > total.quoteSpan.end)) continue;
    // 收支 totals restate each side: "收支预算 1717.85 万元，比上年减少 49.81 万元，其中：1.收入… 2.支出…"
    const side = /收[、和与及]?支/.test(total.subjectText + (total.of?.subjectText ?? ''));
    for (let j = total.para + 1; j < p.paragraphs.length; j++) {
      const text = paraText(j);
      if (!ENUMERATOR_RE.test(text) || isHeading(text)) break;
      const first = facts.find(
        (y) => y.para === j && y.depth === 0 && (y.kind === total.kind || y.kind === 'level'),
      );
      if (!first) break;
      if (first.kind !== total.kind || side) {
        // not a part of the total, but its changes compare with the same year
        const cmp = comparisonOf(total);
        if (cmp)
          for (const y of facts)
            if (y.para === j && !y.against && y.kind !== 'level') y.against = { ...cmp, inherited: true };
        continue;
      }
      first.parent = total;
      first.breakdown = 'qizhong';
      total.children.push(first);
      total.listMarker = '其中';
    }
  }
  inheritComparisons();

  // ---- context: heading part and scope ----
  const leadScope = new Map<number, boolean>();
  for (const x of facts)
    if (x.kind === 'level' && !leadScope.has(x.para))
      leadScope.set(x.para, /一般公共预算|财政拨款/.test(x.subjectText));
  for (const x of facts) {
    const heading = headingOf[x.para];
    if (heading) x.context.heading = heading;
    const part = partOf(heading) ?? partOf(x.parent?.subject);
    if (part) x.context.part = part;
    x.context.scope =
      /一般公共预算|财政拨款/.test(heading ?? '') ||
      leadScope.get(x.para) ||
      /一般公共预算|财政拨款/.test(x.subjectText)
        ? 'general'
        : 'all';
    // a level that names no subject of its own takes the heading's: （一）因公出国（境）经费 / 2026 年预算安排 70.00 万元
    if (
      x.kind === 'level' &&
      x.subject === '' &&
      heading &&
      heading.length <= 24 &&
      headingPara[x.para] === x.para - 1 &&
      ENUMERATOR_RE.test(heading) &&
      !/(情况|说明)$/.test(heading)
    ) {
      const h = levelSubject(cleanSubject(heading)).head;
      if (h) {
        x.subject = h;
        x.subjectInherited = true;
      }
    }
  }

  for (const x of facts)
    if (x.of && x.kind !== 'share' && x.subjectInherited && x.subject === '' && x.of.subject) {
      x.subject = x.of.subject;
      x.subjectText = x.of.subjectText;
    }

  // ---- quotes: from the subject's clause to the figure ----
  for (const x of facts) {
    let start = x.quoteSpan.start;
    if ((x.subjectInherited || x.kind === 'share') && x.of) start = Math.min(start, x.of.quoteSpan.start);
    x.quoteSpan = { start, end: x.quoteSpan.end };
  }
  const out: Grammar = { facts };
  const year = mostFrequentYear(t);
  if (year) out.year = year;
  mapFacts(p, facts);
  // quoted in messages as “…”: quotation marks inside become 「」 (“2026年「三公」经费…”)
  for (const x of facts)
    x.quote = raw
      .slice(x.quoteSpan.start, x.quoteSpan.end)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/“/g, '「')
      .replace(/”/g, '」');
  return out;
}

/** Brackets that hold statements of their own (a figure or clause punctuation inside), as [open, close]. */
function structuralBrackets(t: string, amounts: AmountToken[], percents: PercentToken[]): [number, number][] {
  const out: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '\n') stack.length = 0;
    else if (ch === '（' || ch === '(') stack.push(i);
    else if ((ch === '）' || ch === ')') && stack.length) {
      const open = stack.pop()!;
      const inner = t.slice(open + 1, i);
      const hasFigure =
        amounts.some((a) => a.span.start > open && a.span.end <= i) ||
        percents.some((c) => c.span.start > open && c.span.end <= i);
      if (hasFigure || /[，,；;。]/.test(inner.replace(/\d,\d/g, ''))) out.push([open, i]);
    }
  }
  return out;
}

function nextBoundary(boundary: boolean[], from: number, max: number): number {
  for (let i = from; i < max; i++) if (boundary[i]) return i;
  return max;
}

function paragraphIndex(p: PreparedText, offset: number): number {
  for (let i = p.paragraphs.length - 1; i >= 0; i--) if (p.paragraphs[i].start <= offset) return i;
  return 0;
}

/** The last comparison phrase in t[from, to). */
export function lastComparison(t: string, from: number, to: number): Comparison | undefined {
  const s = t.slice(from, to);
  let last: RegExpExecArray | undefined;
  const re = new RegExp(COMPARISON_RE.source, 'g');
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  if (!last) return undefined;
  const c: Comparison = {
    text: last[0].replace(/\s+/g, ''),
    span: { start: from + last.index, end: from + last.index + last[0].length },
  };
  if (last[2]) c.year = Number(last[2]);
  const basis = last[4] ?? '';
  if (/执行|实际/.test(basis)) c.basis = 'execution';
  else if (/决算/.test(basis)) c.basis = 'final';
  else if (/预算/.test(basis)) c.basis = 'budget';
  return c;
}

/** Subject of a change or 持平 clause: comparison phrases, 各 and connectives removed. */
function changeSubject(clause: string): string {
  let s = clause.replace(new RegExp(COMPARISON_RE.source, 'g'), '');
  s = s.replace(CONNECTIVE_RE, '');
  s = s.replace(/[与和同比较]\s*$/, '');
  s = s.replace(/各\s*$/, '');
  s = cleanSubject(s);
  // "预算数与 2020 年持平": a word that only names the figure is no subject of its own
  return /^(年初)?(预算|预算数|金额|数额|数)$/.test(s) ? '' : s;
}

function shareSubject(prefix: string): string | undefined {
  const m = /占([^，,；;。]*?)的?(比例|比重)?(为)?\s*$/.exec(prefix);
  const base = m?.[1]?.replace(/[“”"]/g, '').trim();
  return base || undefined;
}

/**
 * A level's subject: the noun it is about, with what only introduces the figure dropped — the unit's name, the
 * year, 本部门, 安排的, 为 … ("苏州市审计局 2026 年度一般公共预算拨款安排的会议费预算支出" → 会议费预算支出).
 * The head is the phrase after the last 的 (unless that leaves a bare measure: 占 … 的).
 */
export function levelSubject(text: string): {
  head: string;
  prior: boolean;
  year?: number;
  basis?: 'execution' | 'final';
} {
  const s = text.replace(/\s+/g, '');
  const years = [...s.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  const out: { head: string; prior: boolean; year?: number; basis?: 'execution' | 'final' } = {
    head: '',
    prior: PRIOR_RE.test(s),
  };
  if (years.length) out.year = years[years.length - 1];
  if (/执行数|实际数/.test(s)) out.basis = 'execution';
  else if (/决算/.test(s)) out.basis = 'final';
  let h = s.replace(/^.*\d{4}年(度)?(当年)?/, '');
  const de = h.lastIndexOf('的');
  if (de >= 0 && de < h.length - 2) h = h.slice(de + 1);
  h = h.replace(/^(本部门|本单位|我单位|本级|全年|年度|当年|相应)/, '');
  h = h.replace(/(为|是|达|共计|共|合计为|约)$/, '');
  h = h.replace(/^(预算)?安排/, '');
  out.head = h;
  return out;
}

export function sameSubject(a: string, b: string): boolean {
  // 2021 年“三公”经费支出预算数 and “三公”经费预算 are one subject: years, quotes, 支出/预算/数/安排 dropped
  const core = (s: string) =>
    s.replace(/\d{4}\s*年度?/g, '').replace(/[\s“”"、（）()的]|支出|预算|安排|年初|数$/g, '');
  const x = core(a);
  const y = core(b);
  if (x.length < 2 || y.length < 2) return false;
  return x.includes(y) || y.includes(x);
}

function partOf(text: string | undefined): Part | undefined {
  if (!text) return undefined;
  const s = text.replace(/\s+/g, '');
  if (/项目支出/.test(s) && !/基本支出/.test(s)) return 'project';
  if (/基本支出/.test(s) && !/项目支出/.test(s)) return 'basic';
  if (/政府性基金/.test(s)) return 'gov-fund';
  if (/国有资本经营/.test(s)) return 'state-capital';
  if (/三公/.test(s)) return 'three-public';
  return undefined;
}

function mapFacts(p: PreparedText, facts: Fact[]): void {
  const seen = new Set<Span>();
  const fix = (s: Span | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    const r = toRawSpan(p, s);
    s.start = r.start;
    s.end = r.end;
  };
  for (const f of facts) {
    fix(f.quoteSpan);
    fix(f.amount?.span);
    fix(f.percent?.span);
    fix(f.against?.span);
  }
}

/** Signed value of a change (−5 for 减少 5 万元); a level's value. */
export function signedValue(f: Fact): number {
  const v = f.amount?.value ?? f.percent?.value ?? 0;
  return f.kind === 'change' || f.kind === 'rate' ? (f.sign ?? 1) * v : v;
}
