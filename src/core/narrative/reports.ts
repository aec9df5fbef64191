/**
 * The narrative findings, built from the statements verify.ts resolved: each one quotes the clause the grammar
 * understood, names the cell or figure it was compared with and gives both numbers. The rule modules
 * (rules/narrative/*) declare the messages and wrap these.
 */
import { CellRef, Level, Message } from '../model/findings';
import { convertMoney, formatAmount, MoneyUnit, toScaled } from '../model/numbers';
import { Report, ReviewContext, tolerance } from '../context';
import { TableValue } from './lookup';
import { unitName } from '../labels';
import { amt, halfUnit, pct, RateAgreement, rateVerdict, uniqueRefs } from './compare';
import { NarrativeDocument, spanCell } from './document';
import { Fact, signedValue } from './grammar';
import { classifySubject } from './subjects';
import {
  budgetYear,
  CheckedLevel,
  checkedLevels,
  childrenSum,
  comparesWithPriorBudget,
  LocatedFact,
  narrativeFacts,
  resolveTarget,
  restated,
  selfComparisons,
  TablePair,
  tablePair,
  unitShift,
} from './verify';

/** What a narrative rule returns (the engine's Report), with the level its message declares and the clause quoted. */
export interface NarrativeReport {
  messageId: string;
  level: Level;
  rounding?: boolean;
  message: Message;
  locations: CellRef[];
  expected?: number | string;
  actual?: number | string;
  /** The clause understood, as quoted in the message. */
  quote: string;
}

/** A printed percentage against num ÷ den × 100 (see DOMAIN.md §3: truncation and amounts' rounding are info). */
export function rateAgainst(
  stated: number,
  d: number,
  num: number,
  den: number,
  numErr: number,
  denErr: number,
): { agreement: RateAgreement; computed: number; rounded: number } | undefined {
  if (!(den > 0) || num < 0) return undefined;
  const computed = (num / den) * 100;
  const S = toScaled(stated, d);
  const R = toScaled(computed, d);
  const rounded = R / 10 ** d;
  if (S === R) return { agreement: 'equal', computed, rounded };
  if (S === Math.floor(computed * 10 ** d + 1e-9)) return { agreement: 'truncated', computed, rounded };
  const lo = den + denErr > 0 ? (Math.max(0, num - numErr) / (den + denErr)) * 100 : computed;
  const hi = den - denErr > 0 ? ((num + numErr) / (den - denErr)) * 100 : computed;
  if (S >= toScaled(lo, d) && S <= toScaled(hi, d)) return { agreement: 'rounding', computed, rounded };
  return { agreement: 'mismatch', computed, rounded };
}

/** A money unit after a number in English: "6 (10,000 yuan)", "6 yuan". */
function enUnit(unit: MoneyUnit): string {
  return unit === '元' ? 'yuan' : `(${unitName(unit, 'en')})`;
}

const half = (d: number) => halfUnit(Math.max(0, d));

const at = (doc: NarrativeDocument, span: { start: number; end: number }) => spanCell(doc, span);

// ---- levels ----

export function levelReports(ctx: ReviewContext): NarrativeReport[] {
  const out: NarrativeReport[] = [];
  for (const c of checkedLevels(ctx)) {
    if (c.agreement === 'equal') continue;
    const f = c.fact;
    const unit = f.amount!.unit;
    const shown = Math.max(0, c.p, f.amount!.decimals);
    const U = enUnit(unit);
    const tableText = `${formatAmount(c.tableValue, Math.max(0, c.p))} ${unit}`;
    const statedText = `${amt(f.amount!.value, f.amount!.decimals)} ${unit}`;
    const diffText = `${amt(c.diff, shown)} ${unit}`;
    const tableEn = `${formatAmount(c.tableValue, Math.max(0, c.p))} ${U}`;
    const statedEn = `${amt(f.amount!.value, f.amount!.decimals)} ${U}`;
    const diffEn = `${amt(c.diff, shown)} ${U}`;
    const rounding = c.agreement === 'rounding';
    out.push({
      messageId: rounding ? 'rounding' : 'mismatch',
      level: rounding ? 'info' : 'error',
      rounding,
      quote: f.quote,
      message: {
        zh: rounding
          ? `说明“${f.quote}”：${c.found.where.zh}为 ${tableText}，相差 ${diffText}，属尾差。`
          : `说明“${f.quote}”（${statedText}）与${c.found.where.zh} ${tableText} 不一致（相差 ${diffText}）。`,
        en: rounding
          ? `The narrative “${f.quote}”: ${c.found.where.en} shows ${tableEn} — a rounding difference of ${diffEn}.`
          : `The narrative “${f.quote}” (${statedEn}) does not match ${c.found.where.en}, ${tableEn} (difference ${diffEn}).`,
      },
      locations: uniqueRefs([c.cell, c.found.cell]),
      expected: Number(amt(c.tableValue, Math.max(0, c.p))),
      actual: f.amount!.value,
    });
  }
  return out;
}

// ---- changes, rates and 持平 ----

const VERB = { 1: { zh: '增加', en: 'an increase' }, [-1]: { zh: '减少', en: 'a decrease' } } as const;

function sinceText(f: Fact): Message {
  const a = f.against;
  if (!a || a.year === undefined) return { zh: '上年', en: 'last year' };
  return { zh: `${a.year}年`, en: String(a.year) };
}

/** The level a change is about, resolved to a table figure: its own level, or the level its subject names. */
function subjectLevel(ctx: ReviewContext, lf: LocatedFact): { level?: CheckedLevel; found?: TableValue } {
  const f = lf.fact;
  const levels = checkedLevels(ctx);
  if (f.of) {
    const level = levels.find((l) => l.fact === f.of);
    return level ? { level, found: level.found } : {};
  }
  if (!f.subject) return {};
  const target = classifySubject(
    f.subject,
    f.context.scope,
    f.context.part === 'basic' || f.context.part === 'project' ? f.context.part : undefined,
    f.context.part,
  );
  if (!target || target.kind === 'not-checkable') return {};
  const found = resolveTarget(ctx, target, f.subject);
  return found.length === 1 ? { found: found[0] } : {};
}

/** This year's and last year's figure a change is measured against, and where they were read. */
interface Pair {
  cur: number;
  prev: number;
  decimals: number;
  refs: CellRef[];
  text: Message;
}

/** The table prints last year beside this year (上年预算数 / 2025年预算数 column). */
function tablePairOf(found: TableValue, unit: MoneyUnit, since: Message): Pair | undefined {
  const p: TablePair | undefined = tablePair(found, unit);
  if (!p) return undefined;
  const q = Math.max(0, p.decimals);
  return {
    cur: p.cur,
    prev: p.prev,
    decimals: p.decimals,
    refs: [p.current.cell, p.prior.cell],
    text: {
      zh: `${p.current.where.zh}本年 ${amt(p.cur, q)}、${since.zh} ${amt(p.prev, q)} ${unit}`,
      en: `${p.current.where.en} shows ${amt(p.cur, q)} this year and ${amt(p.prev, q)} ${enUnit(unit)} for ${since.en}`,
    },
  };
}

/** The sentence states both figures: 项目支出 3200 万元，比上年的 3000 万元增加 200 万元. */
function textPair(lf: LocatedFact, unit: MoneyUnit, since: Message): Pair | undefined {
  const f = lf.fact;
  const cur = f.of?.amount;
  const prev = f.previous?.amount;
  if (!cur || !prev) return undefined;
  const decimals = Math.max(
    cur.decimals + unitShift(cur.unit, unit),
    prev.decimals + unitShift(prev.unit, unit),
    f.amount ? f.amount.decimals : 0,
  );
  const c = convertMoney(cur.value, cur.unit, unit);
  const p = convertMoney(prev.value, prev.unit, unit);
  return {
    cur: c,
    prev: p,
    decimals,
    refs: [spanCell(lf.doc, cur.span), spanCell(lf.doc, prev.span)],
    text: {
      zh: `所述本年 ${amt(c, decimals)}、${since.zh} ${amt(p, decimals)} ${unit}`,
      en: `the narrative gives ${amt(c, decimals)} this year and ${amt(p, decimals)} ${enUnit(unit)} for ${since.en}`,
    },
  };
}

export function changeReports(ctx: ReviewContext): NarrativeReport[] {
  const out: NarrativeReport[] = [];
  const extra = tolerance(ctx);
  for (const lf of narrativeFacts(ctx)) {
    const { doc, fact: f } = lf;
    if (f.kind !== 'change' && f.kind !== 'rate' && f.kind !== 'flat') continue;
    const year = budgetYear(ctx, doc);
    if (f.against?.year !== undefined && f.against.year === year) continue; // narrative/year says it
    const since = sinceText(f);
    const { level, found } = subjectLevel(ctx, lf);
    const unit = f.amount?.unit ?? f.of?.amount?.unit ?? f.change?.amount?.unit ?? found?.unit ?? '万元';
    const pair =
      textPair(lf, unit, since) ??
      (found && comparesWithPriorBudget(f, year) ? tablePairOf(found, unit, since) : undefined);

    if (pair) {
      const delta = pair.cur - pair.prev;
      const q = Math.max(0, pair.decimals);
      const refs = pair.refs;
      const tableText = pair.text.zh;
      const tableTextEn = pair.text.en;
      const should =
        delta === 0 ? '持平' : `${delta > 0 ? '增加' : '减少'} ${amt(Math.abs(delta), q)} ${unit}`;
      const shouldEn =
        delta === 0
          ? 'no change'
          : `${delta > 0 ? 'an increase' : 'a decrease'} of ${amt(Math.abs(delta), q)} ${enUnit(unit)}`;
      if (f.kind === 'flat') {
        if (toScaled(pair.cur, q) === toScaled(pair.prev, q)) continue;
        out.push({
          messageId: 'mismatch',
          level: 'error',
          quote: f.quote,
          message: {
            zh: `说明“${f.quote}”称与${since.zh}持平，但${tableText}，应为${should}。`,
            en: `The narrative “${f.quote}” calls it unchanged against ${since.en}, but ${tableTextEn}: ${shouldEn}.`,
          },
          locations: uniqueRefs([lf.cell, ...refs]),
          expected: Number(amt(pair.prev, q)),
          actual: Number(amt(pair.cur, q)),
        });
        continue;
      }
      const wrongWay = (delta > 0 && f.sign === -1) || (delta < 0 && f.sign === 1);
      if (f.kind === 'change') {
        const stated = convertMoney(f.amount!.value, f.amount!.unit, unit);
        const p = Math.min(Math.max(f.amount!.decimals, level?.fact.amount?.decimals ?? 0), q);
        const r = restated(Math.abs(delta), q, stated, p, extra);
        const zeroWrong = delta !== 0 && stated === 0;
        if (r.agreement === 'equal' && !wrongWay && !zeroWrong) continue;
        const rounding = r.agreement === 'rounding' && !wrongWay;
        const verb = VERB[f.sign === -1 ? -1 : 1];
        out.push({
          messageId: rounding ? 'rounding' : wrongWay ? 'direction' : 'mismatch',
          level: rounding ? 'info' : 'error',
          rounding,
          quote: f.quote,
          message: {
            zh: `说明“${f.quote}”称较${since.zh}${verb.zh} ${amt(stated, f.amount!.decimals)} ${unit}；${tableText}，应${should}${rounding ? `（相差 ${amt(r.diff, p)} ${unit}，属尾差）` : ''}。`,
            en: `The narrative “${f.quote}” states ${verb.en} of ${amt(stated, f.amount!.decimals)} ${enUnit(unit)} against ${since.en}; ${tableTextEn}: ${shouldEn}${rounding ? ' (a rounding difference)' : ''}.`,
          },
          locations: uniqueRefs([lf.cell, ...refs]),
          expected: Number((Math.sign(delta) * Number(amt(Math.abs(delta), q))).toFixed(q)),
          actual: Number(
            (signedValue(f) * convertMoney(1, f.amount!.unit, unit)).toFixed(Math.max(q, f.amount!.decimals)),
          ),
        });
        continue;
      }
      // rate against the table's two years
      const d = f.percent!.decimals;
      const err = half(q);
      const rr = rateAgainst(f.percent!.value, d, Math.abs(delta), pair.prev, 2 * err, err);
      if (!rr) continue;
      if (rr.agreement === 'equal' && !(wrongWay && delta !== 0)) continue;
      out.push(
        rateReport(
          lf,
          rr,
          `${amt(Math.abs(delta), q)} ÷ ${amt(pair.prev, q)}`,
          wrongWay && delta !== 0,
          refs,
        ),
      );
      continue;
    }

    // no previous-year column: only a rate can be checked, against the text's own change and level
    if (f.kind !== 'rate' || !f.change?.amount || !f.of?.amount) continue;
    const cur = f.of.amount;
    const ch = convertMoney(f.change.amount.value, f.change.amount.unit, cur.unit);
    const p = Math.max(cur.decimals, f.change.amount.decimals + unitShift(f.change.amount.unit, cur.unit));
    const previous = cur.value - (f.change.sign ?? 1) * ch;
    const rr = rateAgainst(f.percent!.value, f.percent!.decimals, ch, previous, half(p), 2 * half(p));
    if (!rr || rr.agreement === 'equal') continue;
    const prevText = `(${amt(cur.value, p)} ${f.change.sign === -1 ? '+' : '−'} ${amt(ch, p)})`;
    out.push(
      rateReport(lf, rr, `${amt(ch, p)} ÷ ${prevText}`, false, [
        at(doc, f.change.amount.span),
        at(doc, cur.span),
      ]),
    );
  }
  return out;
}

function rateReport(
  lf: LocatedFact,
  rr: { agreement: RateAgreement; computed: number; rounded: number },
  calc: string,
  wrongWay: boolean,
  refs: CellRef[],
): NarrativeReport {
  const f = lf.fact;
  const d = f.percent!.decimals;
  const should = pct(rr.rounded, d);
  const stated = pct(f.percent!.value, d);
  const info = rr.agreement !== 'mismatch' && !wrongWay;
  const why = wrongWay
    ? {
        zh: `方向与表内数相反（应为${f.sign === 1 ? '下降' : '增长'} ${should}）`,
        en: `the direction is the opposite of the tables' (${should} the other way)`,
      }
    : rateVerdict(rr.agreement, should);
  const since = sinceText(f);
  return {
    messageId: info ? 'rounding' : wrongWay ? 'direction' : 'mismatch',
    level: info ? 'info' : 'error',
    rounding: info,
    quote: f.quote,
    message: {
      zh: `说明“${f.quote}”（较${since.zh}${f.sign === -1 ? '下降' : '增长'} ${stated}）：${calc} = ${rr.computed.toFixed(d + 2)}%，${why.zh}。`,
      en: `The narrative “${f.quote}” (${f.sign === -1 ? 'down' : 'up'} ${stated} against ${since.en}): ${calc} = ${rr.computed.toFixed(d + 2)}%; ${why.en}.`,
    },
    locations: uniqueRefs([lf.cell, ...refs]),
    expected: should,
    actual: stated,
  };
}

// ---- shares ----

export function shareReports(ctx: ReviewContext): NarrativeReport[] {
  const out: NarrativeReport[] = [];
  const levels = checkedLevels(ctx);
  for (const lf of narrativeFacts(ctx)) {
    const { doc, fact: f } = lf;
    if (f.kind !== 'share' || !f.of?.amount) continue;
    const part = f.of;
    const pa = f.of.amount;
    const partTable = levels.find((l) => l.fact === part);
    // the base: named after 占 (占“三公”经费的 0%), else the total the part is an item of
    let baseTable: { value: number; decimals: number; cell: CellRef; wrong: boolean } | undefined;
    let baseText: { value: number; decimals: number; cell: CellRef } | undefined;
    if (f.subject) {
      const target = classifySubject(f.subject, f.context.scope);
      if (!target || target.kind === 'not-checkable') continue;
      const found = resolveTarget(ctx, target, f.subject);
      if (found.length === 0) continue;
      const v = found[0];
      baseTable = {
        value: convertMoney(v.value, v.unit, pa.unit),
        decimals: Math.max(0, v.decimals + unitShift(v.unit, pa.unit)),
        cell: v.cell,
        wrong: false,
      };
    } else {
      const total = part.parent;
      if (!total?.amount || total.kind !== 'level') continue;
      baseText = {
        value: convertMoney(total.amount.value, total.amount.unit, pa.unit),
        decimals: Math.max(0, total.amount.decimals + unitShift(total.amount.unit, pa.unit)),
        cell: at(doc, total.amount.span),
      };
      const t = levels.find((l) => l.fact === total);
      if (t)
        baseTable = {
          value: convertMoney(t.tableValue, total.amount.unit, pa.unit),
          decimals: Math.max(0, t.tablePrecision + unitShift(total.amount.unit, pa.unit)),
          cell: t.found.cell,
          wrong: t.agreement !== 'equal',
        };
    }
    const partT = partTable
      ? {
          value: partTable.tableValue,
          decimals: Math.max(0, partTable.tablePrecision),
          cell: partTable.found.cell,
          wrong: partTable.agreement !== 'equal',
        }
      : undefined;
    const d = f.percent!.decimals;
    const stated = f.percent!.value;
    const byText = baseText
      ? rateAgainst(stated, d, pa.value, baseText.value, half(pa.decimals), half(baseText.decimals))
      : undefined;
    const fromTables = !!(partT || baseTable);
    const num = partT ?? { value: pa.value, decimals: pa.decimals };
    const den = baseTable ?? baseText;
    if (!den) continue;
    const r = fromTables
      ? rateAgainst(stated, d, num.value, den.value, half(num.decimals), half(den.decimals))
      : byText;
    if (!r || r.agreement === 'equal') continue;
    // right by the text's own (wrong) amounts: narrative/amount names the root cause
    if (fromTables && (partT?.wrong || baseTable?.wrong) && byText && byText.agreement !== 'mismatch')
      continue;
    const dp = Math.min(Math.max(num.decimals, den.decimals), 4);
    const calc = `${amt(num.value, dp)} ÷ ${amt(den.value, dp)} = ${r.computed.toFixed(d + 2)}%`;
    const should = pct(r.rounded, d);
    const info = r.agreement !== 'mismatch';
    const why = rateVerdict(r.agreement, should);
    const src = fromTables ? { zh: '（按表内数）', en: ' (table figures)' } : { zh: '', en: '' };
    out.push({
      messageId: info ? 'rounding' : 'mismatch',
      level: info ? 'info' : 'error',
      rounding: info,
      quote: f.quote,
      message: {
        zh: `说明“${f.quote}”（占 ${pct(stated, d)}）：${calc}${src.zh}，${why.zh}。`,
        en: `The narrative “${f.quote}” (a share of ${pct(stated, d)}): ${calc}${src.en}; ${why.en}.`,
      },
      locations: uniqueRefs([
        lf.cell,
        at(doc, pa.span),
        ...(baseText ? [baseText.cell] : []),
        ...[partT?.cell, baseTable?.cell].filter((c): c is CellRef => c !== undefined),
      ]),
      expected: should,
      actual: pct(stated, d),
    });
  }
  return out;
}

// ---- breakdowns ----

/** Rounding a list can carry: half a unit of the last digit for every term printed at the list's finest precision. */
export function listAllowance(decimals: number[], p: number, extra: number): number {
  if (p <= 0) return extra;
  return Math.floor(decimals.filter((d) => d === p).length / 2) + extra;
}

/** Grammar breakdowns (brackets, 其中 lists, numbered lines under 其中：) whose items do not add up to their total. */
export function breakdownReports(ctx: ReviewContext): NarrativeReport[] {
  const out: NarrativeReport[] = [];
  const extra = tolerance(ctx);
  for (const lf of narrativeFacts(ctx)) {
    const { doc, fact: f } = lf;
    const s = childrenSum(f);
    if (!s) continue;
    const unit = f.amount!.unit;
    const total = signedValue(f);
    const diff = Math.abs(toScaled(s.sum, s.p) - toScaled(total, s.p));
    if (diff === 0) continue;
    const allowance = listAllowance(s.decimals, s.p, extra);
    const marker = f.listMarker ?? '其中';
    const complete = marker === '（' || /分别/.test(marker) || /总|合计|共计|全部/.test(f.subjectText);
    const main = /主要|包括|含/.test(marker);
    const over = f.kind === 'level' && toScaled(s.sum, s.p) > toScaled(total, s.p);
    let messageId = 'mismatch';
    let level: Level = 'error';
    let note = { zh: '', en: '' };
    if (diff <= allowance) {
      messageId = 'rounding';
      level = 'info';
      note = { zh: '，属尾差', en: ' — a rounding difference' };
    } else if (over || complete) {
      // an error: the list claims to be whole, or its items exceed the total
    } else if (main) {
      messageId = 'mainItems';
      level = 'info';
      note = { zh: '（所列为主要项目）', en: ' (the text lists the main items only)' };
    } else {
      messageId = 'partial';
      level = 'warning';
      note = { zh: '（所列可能不全，请核对）', en: ' (the list may be partial; please check)' };
    }
    const signed = (v: number, d: number) => (f.kind === 'change' && v > 0 ? `+${amt(v, d)}` : amt(v, d));
    const terms = s.terms
      .map((v, i) => signed(v, s.decimals[i + 1]))
      .join(' + ')
      .replace(/\+ -/g, '− ');
    const what =
      marker === '（'
        ? { zh: '括注中的各项', en: 'The items in brackets' }
        : { zh: `“${marker}”所列各项`, en: `The items listed after “${marker}”` };
    const kindZh = f.kind === 'change' ? '增减额' : '';
    out.push({
      messageId,
      level,
      rounding: messageId === 'rounding',
      quote: f.quote,
      message: {
        zh: `说明“${f.quote}”：${what.zh}${kindZh}合计 ${signed(s.sum, s.p)} ${unit}（${terms}），与所述 ${signed(total, f.amount!.decimals)} ${unit} 相差 ${amt(diff / 10 ** s.p, s.p)} ${unit}${note.zh}。`,
        en: `The narrative “${f.quote}”: ${what.en} sum to ${signed(s.sum, s.p)} ${enUnit(unit)} (${terms}), not the stated ${signed(total, f.amount!.decimals)} ${enUnit(unit)}: a difference of ${amt(diff / 10 ** s.p, s.p)} ${enUnit(unit)}${note.en}.`,
      },
      locations: uniqueRefs([lf.cell, ...f.children.map((c) => at(doc, c.amount!.span))]),
      expected: total,
      actual: s.sum,
    });
  }
  return out;
}

// ---- years ----

/** A budget for year N compared with "N 年预算" (itself): one warning per cell, quoting each clause. */
export function yearReports(ctx: ReviewContext): NarrativeReport[] {
  const byCell = new Map<string, LocatedFact[]>();
  for (const lf of selfComparisons(ctx)) {
    const k = `${lf.cell.sheet}!${lf.cell.cell}`;
    byCell.set(k, [...(byCell.get(k) ?? []), lf]);
  }
  const out: NarrativeReport[] = [];
  for (const list of byCell.values()) {
    const year = list[0].fact.against!.year!;
    const quotes = list.map((x) => `“${x.fact.quote}”`);
    const phrases = [...new Set(list.map((x) => x.fact.against!.text))];
    out.push({
      messageId: 'self',
      level: 'warning',
      quote: list[0].fact.quote,
      message: {
        zh: `说明${quotes.join('、')}将 ${year} 年预算与“${phrases.join('”“')}”相比：本说明是 ${year} 年预算，比较的应是 ${year - 1} 年（上年）。`,
        en: `The narrative ${quotes.join(', ')} compares the ${year} budget with “${phrases.join('”, “')}”, i.e. with itself: the year compared with should be ${year - 1}.`,
      },
      locations: [list[0].cell],
      expected: String(year - 1),
      actual: String(year),
    });
  }
  return out;
}

/** The engine's Report of a narrative report (messageId, message, locations, both numbers). */
export function toReport(r: NarrativeReport): Report {
  const out: Report = { messageId: r.messageId, message: r.message, locations: r.locations };
  if (r.expected !== undefined) out.expected = r.expected;
  if (r.actual !== undefined) out.actual = r.actual;
  return out;
}
