/**
 * Typed statements read from prose (预算说明, 项目文本): stated amounts with their subject, shares of an enclosing
 * total, year-on-year changes, 持平, itemised lists with their total, and written formulas. Pure.
 *
 * The text may hold several paragraphs (one per line; lines a PDF cut mid-sentence are joined again). Table rows
 * are lines whose cells are separated by tabs (the document builder writes a sheet that way), so an item table
 * under "其中：" is read as a list too. Every span is an offset into the raw text given.
 */
import { MoneyUnit, parseNumber } from '../model/numbers';
import {
  changeDirection,
  clauseStart,
  cleanSubject,
  enumeratorOf,
  ENUMERATOR_RE,
  isChangeVerb,
  isShareBefore,
  isTableRow,
  mostFrequentYear,
  PreparedText,
  prepareText,
  segmentStart,
  sentenceEnd,
  sentenceStart,
  toRawSpan,
  tokenize,
} from './text';
import {
  AmountStatement,
  AmountToken,
  ChangeStatement,
  EquationStatement,
  FlatStatement,
  ItemisedStatement,
  PercentToken,
  ShareStatement,
  Span,
  Statement,
} from './types';

export interface ExtractResult {
  statements: Statement[];
  /** The budget year the text speaks of (the year it names most often), when it names one. */
  year?: number;
}

const MARKER_RE =
  /^\s*(?:人民币)?\s*[。，,；;]?\s*(其中|主要用于[^。；;：:\n，,]{0,12}|主要包括|包括|分别为|分别是|具体为|具体如下|如下)\s*[：:，,]?\s*/;
const COLON_END_RE = /^\s*(?:人民币)?\s*[：:]\s*$/;
const EXHAUSTIVE_TOTAL_RE = /总|合计|共计|全部|全年/;
const FUNDING_SECTION_RE = /资金安排|资金需求|资金来源|预算安排|资金使用|经费安排/;
const PROJECT_START_RE = /^(?:[一二三四五六七八九十]+\s*、\s*)?项目名称$|^项目[一二三四五六七八九十\d]+$/;
const GENERAL_SCOPE_RE = /一般公共预算|财政拨款/;
const COMPARISON_PHRASE_RE =
  /(?:与|比|较|同)\s*(?:上年|上一年度?|去年|\d{4}\s*年度?)(?:[^，,；;。]{0,6}?)(?:相比|比较|对比)?|同比|相比/g;

export function extractStatements(raw: string): ExtractResult {
  const p = prepareText(raw);
  const t = p.text;
  const { amounts, percents, depth } = tokenize(p);
  const paraText = (i: number) => t.slice(p.paragraphs[i].start, p.paragraphs[i].end);
  const paraEnd = (i: number) => p.paragraphs[i].end;
  const statements: Statement[] = [];

  const year = mostFrequentYear(t);

  // ---- itemised lists ----
  const itemOf = new Map<AmountToken, ItemisedStatement>();
  const consumedParas = new Set<number>();
  const itemised: ItemisedStatement[] = [];
  const addList = (s: ItemisedStatement) => {
    itemised.push(s);
    for (const it of s.items) if (!itemOf.has(it)) itemOf.set(it, s);
  };

  for (const a of amounts) {
    if (a.role !== 'plain') continue;
    const rest = t.slice(a.span.end, paraEnd(a.para));
    const m = MARKER_RE.exec(rest);
    const colonOnly = !m && COLON_END_RE.test(rest);
    if (!m && !colonOnly) continue;
    const markerEnd = a.span.end + (m ? m[0].length : rest.length);
    const marker = m ? m[1] : '：';
    if (t.slice(markerEnd, paraEnd(a.para)).trim() === '') {
      const list = followingList(a);
      if (list) addList(list);
      continue;
    }
    if (!m) continue;
    const sentEnd = sentenceEnd(t, markerEnd);
    // two 其中 in one sentence nest: which level an amount belongs to is unclear
    if ((t.slice(sentenceStart(t, a.span.start), sentEnd).match(/其中/g) ?? []).length > 1) continue;
    // the list runs clause by clause while each clause states an amount (or only a share / change of one):
    // "其中49.5万元用于购买酒精检测仪，该项目2021年11月签订合同，合同中标价48.4万…" ends after its first clause
    const end = listEnd(markerEnd, sentEnd, depth[a.span.start] ?? 0);
    const items = amounts.filter(
      (b) => b.role === 'plain' && b.depth === a.depth && b.span.start >= markerEnd && b.span.start < end,
    );
    if (items.length < 2) continue;
    addList({
      kind: 'itemised',
      layout: 'inline',
      total: a,
      items,
      completeness: /^(主要|包括)/.test(marker)
        ? 'main'
        : EXHAUSTIVE_TOTAL_RE.test(t.slice(sentenceStart(t, a.span.start), a.span.start)) ||
            /分别/.test(marker)
          ? 'complete'
          : 'unknown',
      span: { start: a.span.start, end },
    });
  }

  /** Where an inline list stops: the first clause (at the list's bracket depth) with no amount and no percentage. */
  function listEnd(from: number, to: number, baseDepth: number): number {
    let start = from;
    for (let i = from; i <= to; i++) {
      const ch = t[i];
      const atDelimiter =
        i === to ||
        ((depth[i] ?? 0) === baseDepth &&
          ('，；;、'.includes(ch) ||
            (ch === ',' && !(/\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? '')))));
      if (!atDelimiter) continue;
      const hasNumber =
        amounts.some((b) => b.span.start >= start && b.span.start < i) ||
        percents.some((c) => c.span.start >= start && c.span.start < i);
      if (!hasNumber && t.slice(start, i).trim() !== '') return start;
      start = i + 1;
    }
    return to;
  }

  /** Items on the lines under a total that ends its paragraph with "其中：" — numbered lines or a table. */
  function followingList(total: AmountToken): ItemisedStatement | undefined {
    const next = total.para + 1;
    if (next >= p.paragraphs.length) return undefined;
    if (isTableRow(paraText(next))) return tableList(total, next);
    const first = enumeratorOf(paraText(next));
    if (!first || first.n !== 1) return undefined;
    const items: AmountToken[] = [];
    let j = next;
    for (; j < p.paragraphs.length; j++) {
      const e = enumeratorOf(paraText(j));
      if (!e || e.style !== first.style || e.n !== items.length + 1) break;
      const inPara = amounts.filter((b) => b.para === j && b.role === 'plain');
      const item = inPara.find((b) => b.depth === 0) ?? inPara[0];
      if (!item) return undefined; // an item without an amount: the list cannot be summed
      items.push(item);
      consumedParas.add(j);
    }
    if (items.length < 2) return undefined;
    return {
      kind: 'itemised',
      layout: 'numbered',
      total,
      items,
      completeness: 'complete',
      span: { start: total.span.start, end: paraEnd(j - 1) },
    };
  }

  /** 序号 | 支出内容 | 金额（万元） | 备注 under the total; a 合计 row is not an item. */
  function tableList(total: AmountToken, headerPara: number): ItemisedStatement | undefined {
    const header = cellsOf(headerPara);
    const amountCol = pickAmountColumn(header.map((c) => c.text));
    if (amountCol < 0) return undefined;
    const unitMatch = /(亿元|万元|千元|元)/.exec(header[amountCol].text);
    const unit: MoneyUnit = unitMatch ? (unitMatch[1] as MoneyUnit) : total.unit;
    const labelCol = header.findIndex(
      (c, i) => i !== amountCol && /内容|项目|名称|事项|用途|明细/.test(c.text),
    );
    const items: AmountToken[] = [];
    let j = headerPara + 1;
    for (; j < p.paragraphs.length && isTableRow(paraText(j)); j++) {
      const cells = cellsOf(j);
      const cell = cells[amountCol];
      const label = labelCol >= 0 ? (cells[labelCol]?.text ?? '') : cells.map((c) => c.text).join('');
      if (/^(合计|总计|小计|共计)$/.test(label.replace(/\s+/g, ''))) continue;
      const n = cell ? parseNumber(cell.text) : null;
      if (!cell || !n || n.percent) continue;
      const item: AmountToken = {
        value: n.value,
        decimals: n.decimals,
        unit,
        span: cell.span,
        text: cell.text,
        depth: 0,
        role: 'plain',
        subject: cleanSubject(label),
        para: j,
      };
      items.push(item);
      consumedParas.add(j);
      // a remark cell that breaks the item down (含…40万元，日常服务28万元)
      for (const [k, c] of cells.entries()) {
        if (k === amountCol || k === labelCol) continue;
        const inner = amounts.filter(
          (b) => b.role === 'plain' && b.span.start >= c.span.start && b.span.end <= c.span.end,
        );
        if (inner.length >= 2)
          addList({
            kind: 'itemised',
            layout: 'parenthetical',
            total: item,
            items: inner,
            completeness: /^\s*(含|包括)/.test(c.text) ? 'main' : 'complete',
            span: { start: cell.span.start, end: c.span.end },
          });
      }
    }
    if (items.length < 2) return undefined;
    return {
      kind: 'itemised',
      layout: 'table',
      total,
      items,
      completeness: 'complete',
      span: { start: total.span.start, end: paraEnd(j - 1) },
    };
  }

  function cellsOf(para: number): { text: string; span: Span }[] {
    const out: { text: string; span: Span }[] = [];
    let pos = p.paragraphs[para].start;
    for (const part of paraText(para).split('\t')) {
      out.push({ text: part.trim(), span: { start: pos, end: pos + part.length } });
      pos += part.length + 1;
    }
    return out;
  }

  // parenthetical breakdowns: 84万元（设备采购64万，场地装修及租用20万元）
  for (const a of amounts) {
    if (a.role !== 'plain') continue;
    const open = /^\s*[（(]/.exec(t.slice(a.span.end, a.span.end + 3));
    if (!open) continue;
    const from = a.span.end + open[0].length;
    const close = matchingClose(t, from);
    if (close < 0) continue;
    const items = amounts.filter(
      (b) => b.role === 'plain' && b.depth === a.depth + 1 && b.span.start >= from && b.span.end <= close,
    );
    if (items.length < 2) continue;
    const content = t.slice(from, close);
    addList({
      kind: 'itemised',
      layout: 'parenthetical',
      total: a,
      items,
      completeness: /^\s*(含|包括)/.test(content) ? 'main' : 'complete',
      span: { start: a.span.start, end: close + 1 },
    });
  }

  // headings of one section each ending with an amount, the total in the project's 资金安排 section
  for (const list of headingLists()) addList(list);

  function headingLists(): ItemisedStatement[] {
    const out: ItemisedStatement[] = [];
    let run: { style: string; items: AmountToken[]; paras: number[]; broken: boolean } | undefined;
    const close = (at: number) => {
      if (run && !run.broken && run.items.length >= 2) {
        const total = fundingTotal(at);
        if (total)
          out.push({
            kind: 'itemised',
            layout: 'headings',
            total,
            items: run.items,
            completeness: 'unknown',
            span: { start: run.items[0].span.start, end: run.items[run.items.length - 1].span.end },
          });
      }
      run = undefined;
    };
    for (let i = 0; i < p.paragraphs.length; i++) {
      const text = paraText(i).trim();
      if (PROJECT_START_RE.test(text.replace(/\s+/g, ''))) {
        close(i);
        continue;
      }
      const e = enumeratorOf(text);
      if (!e || consumedParas.has(i)) continue;
      if (run && e.style === run.style) {
        if (e.n === run.items.length + 1) {
          const h = headingAmount(i);
          if (h) {
            run.items.push(h);
            run.paras.push(i);
          } else run.broken = true;
          continue;
        }
        close(i);
      } else if (run && higherLevel(e.style, run.style)) {
        close(i);
      }
      if (!run && e.n === 1 && e.style !== '一、') {
        const h = headingAmount(i);
        if (h) run = { style: e.style, items: [h], paras: [i], broken: false };
      }
    }
    close(p.paragraphs.length);
    return out;
  }

  /** A short heading line whose only amount ends it: "（二）交通安全管理…建设经费567万元". */
  function headingAmount(i: number): AmountToken | undefined {
    const text = paraText(i);
    if (text.length > 60) return undefined;
    const inPara = amounts.filter((b) => b.para === i && b.depth === 0 && b.role === 'plain');
    if (inPara.length !== 1) return undefined;
    const tail = t.slice(inPara[0].span.end, paraEnd(i));
    return /^[\s。；;，,]*$/.test(tail) ? inPara[0] : undefined;
  }

  /** The amount of the 资金安排情况 section that follows, in the same project. */
  function fundingTotal(from: number): AmountToken | undefined {
    for (let i = from; i < p.paragraphs.length; i++) {
      const text = paraText(i).replace(/\s+/g, '');
      if (i > from && PROJECT_START_RE.test(text)) return undefined;
      if (text.length > 20 || !FUNDING_SECTION_RE.test(text)) continue;
      const inSection: AmountToken[] = [];
      for (let j = i + 1; j < p.paragraphs.length; j++) {
        const body = paraText(j).trim();
        if (isHeading(body) || PROJECT_START_RE.test(body.replace(/\s+/g, ''))) break;
        inSection.push(...amounts.filter((b) => b.para === j && b.depth === 0 && b.role === 'plain'));
      }
      if (inSection.length === 1) return inSection[0];
      const named = inSection.filter((b) => /总|项目经费|项目资金|批复/.test(b.subject));
      return named.length === 1 ? named[0] : undefined;
    }
    return undefined;
  }

  // ---- headings and scope ----
  const headingOf: (string | undefined)[] = [];
  let lastHeading: string | undefined;
  for (let i = 0; i < p.paragraphs.length; i++) {
    headingOf.push(lastHeading);
    const text = paraText(i).trim();
    if (isHeading(text) && !amounts.some((b) => b.para === i)) lastHeading = text;
  }
  const leadSubject = new Map<number, string>();
  for (const a of amounts)
    if (a.role === 'plain' && a.depth === 0 && !leadSubject.has(a.para)) leadSubject.set(a.para, a.subject);
  const scopeOf = (a: AmountToken): 'general' | 'all' =>
    GENERAL_SCOPE_RE.test(headingOf[a.para] ?? '') || GENERAL_SCOPE_RE.test(leadSubject.get(a.para) ?? '')
      ? 'general'
      : 'all';

  // ---- amounts ----
  for (const a of amounts) {
    if (a.role !== 'plain') continue;
    const years = [...a.subject.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
    const s: AmountStatement = {
      kind: 'amount',
      subject: a.subject,
      amount: a,
      scope: scopeOf(a),
      prior: /上年|上一年|去年|以前年度|往年/.test(a.subject),
      span: { start: clauseStart(t, a.span.start, p.paragraphs[a.para].start), end: a.span.end },
    };
    if (years.length) s.year = years[years.length - 1];
    statements.push(s);
  }

  // ---- shares ----
  const listTotalsByPara = (para: number, before: number) =>
    itemised
      .filter((l) => l.layout !== 'headings' && l.total.para === para && l.total.span.start < before)
      .map((l) => l.total);
  for (const pc of percents) {
    const floor = p.paragraphs[pc.para].start;
    const before = t.slice(clauseStart(t, pc.span.start, floor), pc.span.start);
    if (!isShareBefore(before)) continue;
    const segFrom = segmentStart(t, pc.span.start, floor);
    const cands = amounts.filter(
      (b) => b.role === 'plain' && b.span.start >= segFrom && b.span.end <= pc.span.start,
    );
    const amount = cands[cands.length - 1];
    if (!amount) continue;
    const owner = itemOf.get(amount);
    let base = owner && owner.layout !== 'headings' && owner.total !== amount ? owner.total : undefined;
    if (!base) {
      const totals = listTotalsByPara(amount.para, amount.span.start).filter((x) => x !== amount);
      base = totals[totals.length - 1];
    }
    const s: ShareStatement = {
      kind: 'share',
      amount,
      share: pc,
      span: { start: amount.span.start, end: pc.span.end },
    };
    if (base) s.base = base;
    statements.push(s);
  }

  // ---- changes and 持平 ----
  const leadCandidates = (para: number, before: number) =>
    amounts.filter((b) => b.para === para && b.role === 'plain' && b.depth === 0 && b.span.start < before);
  const pickCurrent = (para: number, before: number, subject: string): AmountToken | undefined => {
    const cands = leadCandidates(para, before);
    const norm = normSubject(subject);
    if (norm.length >= 2) {
      for (let i = cands.length - 1; i >= 0; i--) {
        const cs = normSubject(cands[i].subject);
        if (cs.length >= 2 && (cs.includes(norm) || norm.includes(cs))) return cands[i];
      }
    }
    for (let i = cands.length - 1; i >= 0; i--) {
      const owner = itemOf.get(cands[i]);
      if (!owner || owner.layout === 'headings' || owner.layout === 'parenthetical') return cands[i];
    }
    return undefined;
  };

  type Event = { kind: 'amount'; a: AmountToken } | { kind: 'rate'; r: PercentToken };
  const bySentence = new Map<number, Event[]>();
  const push = (start: number, e: Event) => {
    const list = bySentence.get(start) ?? [];
    list.push(e);
    bySentence.set(start, list);
  };
  for (const a of amounts)
    if (a.role === 'change') push(sentenceStart(t, a.span.start), { kind: 'amount', a });
  for (const pc of percents) {
    const floor = p.paragraphs[pc.para].start;
    const clause = t.slice(clauseStart(t, pc.span.start, floor), pc.span.start);
    const sentence = t.slice(sentenceStart(t, pc.span.start, floor), pc.span.start);
    if (isChangeVerb(clause, sentence)) push(sentenceStart(t, pc.span.start), { kind: 'rate', r: pc });
  }
  for (const [sStart, events] of [...bySentence.entries()].sort((x, y) => x[0] - y[0])) {
    events.sort(
      (x, y) =>
        (x.kind === 'amount' ? x.a.span.start : x.r.span.start) -
        (y.kind === 'amount' ? y.a.span.start : y.r.span.start),
    );
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      const pos = ev.kind === 'amount' ? ev.a.span.start : ev.r.span.start;
      const para = ev.kind === 'amount' ? ev.a.para : ev.r.para;
      const floor = p.paragraphs[para].start;
      const clause = t.slice(clauseStart(t, pos, floor), pos);
      const direction = changeDirection(clause) ?? 'increase';
      let rate: PercentToken | undefined;
      let change: AmountToken | undefined;
      if (ev.kind === 'amount') {
        change = ev.a;
        const nx = events[i + 1];
        if (nx && nx.kind === 'rate') {
          const nClause = t.slice(clauseStart(t, nx.r.span.start, floor), nx.r.span.start);
          if ((changeDirection(nClause) ?? 'increase') === direction) {
            rate = nx.r;
            i++;
          }
        }
      } else rate = ev.r;
      const subject = changeSubject(clause);
      const sentence = t.slice(sStart, pos);
      const s: ChangeStatement = {
        kind: 'change',
        subject,
        direction,
        span: { start: sStart, end: (rate ?? change)!.span.end },
      };
      const previous = amounts.find(
        (b) => b.role === 'previous' && b.span.start >= sStart && b.span.start < pos,
      );
      if (previous) s.previous = previous;
      const current = pickCurrent(para, pos, subject);
      if (current) s.current = current;
      if (change) s.change = change;
      if (rate) s.rate = rate;
      const since = sinceOf(sentence);
      if (since) s.since = since;
      statements.push(s);
    }
  }
  for (const m of t.matchAll(/持平/g)) {
    const k = m.index ?? 0;
    const para = paragraphIndex(p, k);
    const floor = p.paragraphs[para].start;
    const sStart = sentenceStart(t, k, floor);
    const clause = t.slice(clauseStart(t, k, floor), k);
    const subject = changeSubject(clause);
    const inSentence = amounts.filter(
      (b) => b.role === 'plain' && b.depth === 0 && b.span.start >= sStart && b.span.start < k,
    );
    const s: FlatStatement = { kind: 'flat', subject, span: { start: sStart, end: k + 2 } };
    const current = inSentence[inSentence.length - 1] ?? pickCurrent(para, k, subject);
    if (current) s.current = current;
    const previous = amounts.find((b) => b.role === 'previous' && b.span.start >= sStart && b.span.start < k);
    if (previous) s.previous = previous;
    const since = sinceOf(t.slice(sStart, k));
    if (since) s.since = since;
    statements.push(s);
  }

  // ---- formulas: 2450*12*420=1234.80万元 ----
  for (const m of t.matchAll(/=/g)) {
    const k = m.index ?? 0;
    const result = amounts.find((b) => b.span.start > k && t.slice(k + 1, b.span.start).trim() === '');
    if (!result) continue;
    const left = /((?:\d+(?:\.\d+)?\s*[*×xX+]\s*)+\d+(?:\.\d+)?)\s*$/.exec(t.slice(Math.max(0, k - 80), k));
    if (!left) continue;
    const leftStart = k - left[0].length;
    const ops = new Set(left[1].match(/[*×xX+]/g) ?? []);
    const op: '+' | '*' = ops.has('+') ? '+' : '*';
    if (op === '+' && ops.size > 1) continue;
    const operands: EquationStatement['operands'] = [];
    for (const o of left[1].matchAll(/\d+(?:\.(\d+))?/g)) {
      const at = leftStart + (o.index ?? 0);
      operands.push({
        value: Number(o[0]),
        decimals: o[1]?.length ?? 0,
        span: { start: at, end: at + o[0].length },
      });
    }
    if (operands.length < 2) continue;
    statements.push({
      kind: 'equation',
      op,
      operands,
      result,
      span: { start: leftStart, end: result.span.end },
    });
  }

  statements.push(...itemised);
  statements.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  mapSpans(p, statements);
  const out: ExtractResult = { statements };
  if (year) out.year = year;
  return out;
}

function pickAmountColumn(header: string[]): number {
  const byMoney = header.findIndex((h) => /金额|资金|预算数|投资额|预算/.test(h));
  if (byMoney >= 0) return byMoney;
  return header.findIndex((h) => /万元|元/.test(h));
}

function matchingClose(t: string, from: number): number {
  let d = 1;
  for (let i = from; i < t.length; i++) {
    const ch = t[i];
    if (ch === '\n') return -1;
    if (ch === '（' || ch === '(') d++;
    else if (ch === '）' || ch === ')') {
      d--;
      if (d === 0) return i;
    }
  }
  return -1;
}

function paragraphIndex(p: PreparedText, offset: number): number {
  for (let i = p.paragraphs.length - 1; i >= 0; i--) if (p.paragraphs[i].start <= offset) return i;
  return 0;
}

/** A short title line: "五、一般公共预算支出预算情况说明", "资金安排情况", "第二部分". */
export function isHeading(text: string): boolean {
  const s = text.trim();
  if (s.length === 0 || s.length > 40 || s.includes('\t')) return false;
  if (/[。；;，,]/.test(s)) return false;
  return ENUMERATOR_RE.test(s) || /(情况|说明|概况|依据|单位|内容|计划|成效|名称)$/.test(s);
}

/** Subject of a change or 持平 clause: comparison phrases, 各 and the verb removed. */
function changeSubject(clause: string): string {
  let s = clause.replace(
    /(增加|减少|下降|增长|上升|降低|提高|压减|缩减|节约|节省|扩大|缩小|增|减|多|少)(了)?(约|为)?\s*$/,
    '',
  );
  s = s.replace(COMPARISON_PHRASE_RE, '');
  s = s.replace(/[与和同]\s*$/, '');
  s = s.replace(/各\s*$/, '');
  return cleanSubject(s);
}

function sinceOf(sentence: string): string | undefined {
  const years = [...sentence.matchAll(/(?:与|比|较|同)\s*(\d{4})\s*年/g)];
  if (years.length) return years[years.length - 1][1];
  return /上年|上一年|去年/.test(sentence) ? 'prior' : undefined;
}

/** Subject text compared loosely: no spaces, quotes, brackets, 、 or 的. */
export function normSubject(s: string): string {
  return s.replace(/[\s“”"'‘’「」『』、（）()【】[\]《》〈〉的]/g, '');
}

function higherLevel(style: string, than: string): boolean {
  const rank: Record<string, number> = { '一、': 0, '(一)': 1, '1.': 2, '(1)': 3, '①': 4 };
  return (rank[style] ?? 9) < (rank[than] ?? 9);
}

/** Map every span (statements and the tokens they hold) from prepared to raw offsets, each object once. */
function mapSpans(p: PreparedText, statements: Statement[]): void {
  const seen = new Set<Span>();
  const fix = (s: Span | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    const r = toRawSpan(p, s);
    s.start = r.start;
    s.end = r.end;
  };
  for (const st of statements) {
    fix(st.span);
    switch (st.kind) {
      case 'amount':
        fix(st.amount.span);
        break;
      case 'share':
        fix(st.amount.span);
        fix(st.share.span);
        fix(st.base?.span);
        break;
      case 'change':
        fix(st.current?.span);
        fix(st.change?.span);
        fix(st.previous?.span);
        fix(st.rate?.span);
        break;
      case 'flat':
        fix(st.current?.span);
        fix(st.previous?.span);
        break;
      case 'itemised':
        fix(st.total.span);
        st.items.forEach((i) => fix(i.span));
        break;
      case 'equation':
        fix(st.result.span);
        st.operands.forEach((o) => fix(o.span));
        break;
    }
  }
}
