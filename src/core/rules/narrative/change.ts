/**
 * narrative/change: "与 2020 年相比 … 减少 208.8 万元，减少 4.89%".
 *
 * Where the previous year comes from, in order:
 * 1. the text states it ("比上年的 3000 万元增加 200 万元"): current − previous must be the stated change, the way
 *    the text says;
 * 2. the table prints it beside this year's figure (三公经费表 with 2025 and 2026 columns): the stated change must be
 *    the table's this year − last year (DOMAIN.md §3: changes must match the tables);
 * 3. otherwise previous = current ± change, and only the rate can be checked.
 * The rate is change ÷ previous, checked like a share: exact → nothing; truncated or within the amounts' rounding →
 * info; else error. A 持平 must have equal amounts (stated, or in the table).
 */
import { defineRule, Report, ReviewContext, tolerance } from '../../context';
import { CellRef, Message } from '../../model/findings';
import { convertMoney } from '../../model/numbers';
import { NarrativeDocument } from '../../narrative/document';
import { AmountToken, ChangeStatement, FlatStatement } from '../../narrative/types';
import {
  agree,
  amt,
  at,
  checkRate,
  decimalsIn,
  halfUnit,
  inUnit,
  pct,
  statementsOf,
  uniqueRefs,
  unitShift,
  rateVerdict,
} from '../../narrative/compare';
import { classify, priorOf, resolve, TableValue } from '../../narrative/lookup';
import { restated } from '../../narrative/stated';

type ChangeMessage = 'mismatch' | 'rounding';

function sinceText(s: { since?: string }): Message {
  if (!s.since || s.since === 'prior') return { zh: '上年', en: 'last year' };
  return { zh: `${s.since}年`, en: s.since };
}

/** This year's and last year's figure in the table the current amount names, in the prose's unit. */
interface TablePair {
  current: TableValue;
  prior: TableValue;
  cur: number;
  prev: number;
  /** Precision of the table figures in the prose's unit. */
  decimals: number;
}

function tablePair(ctx: ReviewContext, doc: NarrativeDocument, token: AmountToken): TablePair | undefined {
  const st = doc.result.statements.find((x) => x.kind === 'amount' && x.amount === token);
  if (!st || st.kind !== 'amount' || st.prior) return undefined;
  const target = classify(st.subject, st.scope);
  if (!target) return undefined;
  const current = resolve(ctx, target, st.subject);
  if (!current || current === 'ambiguous') return undefined;
  const prior = priorOf(current);
  if (!prior) return undefined;
  const unit = token.unit;
  return {
    current,
    prior,
    cur: convertMoney(current.value, current.unit, unit),
    prev: convertMoney(prior.value, prior.unit, unit),
    decimals: Math.max(current.decimals, prior.decimals) + unitShift(current.unit, unit),
  };
}

const VERB = {
  decrease: { zh: '减少', en: 'decrease' },
  increase: { zh: '增加', en: 'increase' },
};

function rateFinding(
  doc: NarrativeDocument,
  s: ChangeStatement,
  subject: string,
  change: number,
  previous: number,
  prevText: string,
  p: number,
  numErr: number,
  denErr: number,
  extraRefs: CellRef[],
): Report<ChangeMessage>[] {
  if (!s.rate) return [];
  const r = checkRate(s.rate, change, previous, numErr, denErr);
  if (!r || r.agreement === 'equal') return [];
  const d = s.rate.decimals;
  const should = pct(r.rounded, d);
  const stated = pct(s.rate.value, d);
  const calc = `${amt(change, p)} ÷ ${prevText} = ${r.computed.toFixed(d + 2)}%`;
  const info = r.agreement !== 'mismatch';
  const why = rateVerdict(r.agreement, should);
  const since = sinceText(s);
  const verb = VERB[s.direction];
  return [
    {
      messageId: info ? 'rounding' : 'mismatch',
      message: {
        zh: `说明中“${subject}”与${since.zh}相比${verb.zh} ${stated}：${calc}，${why.zh}。`,
        en: `The narrative states a ${verb.en} of ${stated} for “${subject}” against ${since.en}: ${calc}; ${why.en}.`,
      },
      locations: uniqueRefs([at(doc, s.rate), ...(s.change ? [at(doc, s.change)] : []), ...extraRefs]),
      expected: should,
      actual: stated,
    },
  ];
}

function checkChange(
  ctx: ReviewContext,
  doc: NarrativeDocument,
  s: ChangeStatement,
): Report<ChangeMessage>[] {
  const extra = tolerance(ctx);
  const cur = s.current;
  if (!cur) return [];
  const unit = cur.unit;
  const verb = VERB[s.direction];
  const since = sinceText(s);
  const subject = s.subject || cur.subject;
  let p = cur.decimals;
  if (s.previous) p = Math.max(p, decimalsIn(s.previous, unit));
  if (s.change) p = Math.max(p, decimalsIn(s.change, unit));

  // 1. the previous amount is stated
  if (s.previous) {
    const out: Report<ChangeMessage>[] = [];
    const previous = inUnit(s.previous, unit);
    const delta = cur.value - previous;
    const wrongWay = (s.direction === 'decrease' && delta > 0) || (s.direction === 'increase' && delta < 0);
    if (s.change) {
      const stated = inUnit(s.change, unit);
      const { agreement, diff } = agree(Math.abs(delta), stated, p, 1 + extra);
      if (agreement !== 'equal' || wrongWay) {
        const rounding = agreement === 'rounding' && !wrongWay;
        out.push({
          messageId: rounding ? 'rounding' : 'mismatch',
          message: {
            zh: `说明中“${subject}”本年 ${amt(cur.value, p)} ${unit}、${since.zh} ${amt(previous, p)} ${unit}，称${verb.zh} ${amt(stated, p)} ${unit}；按两数应${delta >= 0 ? '增加' : '减少'} ${amt(Math.abs(delta), p)} ${unit}${rounding ? `，相差 ${amt(diff, p)} ${unit}，属尾差` : ''}。`,
            en: `The narrative gives “${subject}” ${amt(cur.value, p)} ${unit} against ${amt(previous, p)} ${unit} for ${since.en} and states a ${verb.en} of ${amt(stated, p)} ${unit}; the two amounts give a ${delta >= 0 ? 'increase' : 'decrease'} of ${amt(Math.abs(delta), p)} ${unit}${rounding ? ' (a rounding difference)' : ''}.`,
          },
          locations: uniqueRefs([at(doc, s.change), at(doc, cur), at(doc, s.previous)]),
          expected: Number(amt(Math.abs(delta), p)),
          actual: stated,
        });
      }
    } else if (wrongWay) {
      out.push({
        messageId: 'mismatch',
        message: {
          zh: `说明中“${subject}”本年 ${amt(cur.value, p)} ${unit}、${since.zh} ${amt(previous, p)} ${unit}，却称${verb.zh}。`,
          en: `The narrative gives “${subject}” ${amt(cur.value, p)} ${unit} against ${amt(previous, p)} ${unit} for ${since.en} but calls it a ${verb.en}.`,
        },
        locations: uniqueRefs([at(doc, s.rate ?? cur), at(doc, cur), at(doc, s.previous)]),
      });
    }
    const change = s.change ? inUnit(s.change, unit) : Math.abs(delta);
    return [
      ...out,
      ...rateFinding(doc, s, subject, change, previous, amt(previous, p), p, halfUnit(p), halfUnit(p), [
        at(doc, cur),
        at(doc, s.previous),
      ]),
    ];
  }

  // 2. the table prints last year's figure
  const pair = tablePair(ctx, doc, cur);
  if (pair) {
    const out: Report<ChangeMessage>[] = [];
    const delta = pair.cur - pair.prev;
    const q = Math.min(Math.max(p, cur.decimals), pair.decimals);
    const wrongWay =
      (s.direction === 'decrease' && delta > 0) ||
      (s.direction === 'increase' && delta < 0) ||
      (delta === 0 && !!s.change && s.change.value !== 0);
    const refs = [pair.current.cell, pair.prior.cell];
    if (s.change) {
      const stated = inUnit(s.change, unit);
      const { agreement, diff } = restated(Math.abs(delta), pair.decimals, stated, q, extra);
      if (agreement !== 'equal' || wrongWay) {
        const rounding = agreement === 'rounding' && !wrongWay;
        out.push({
          messageId: rounding ? 'rounding' : 'mismatch',
          message: {
            zh: `说明称“${subject}”较${since.zh}${verb.zh} ${amt(stated, s.change.decimals)} ${unit}；${pair.current.where.zh}本年 ${amt(pair.cur, q)}、${since.zh} ${amt(pair.prev, q)} ${unit}，应${delta >= 0 ? '增加' : '减少'} ${amt(Math.abs(delta), q)} ${unit}${rounding ? `（相差 ${amt(diff, q)} ${unit}，属尾差）` : ''}。`,
            en: `The narrative states a ${verb.en} of ${amt(stated, s.change.decimals)} ${unit} for “${subject}” against ${since.en}; ${pair.current.where.en} shows ${amt(pair.cur, q)} this year and ${amt(pair.prev, q)} ${unit} last year, a ${delta >= 0 ? 'increase' : 'decrease'} of ${amt(Math.abs(delta), q)} ${unit}${rounding ? ' (a rounding difference)' : ''}.`,
          },
          locations: uniqueRefs([at(doc, s.change), ...refs]),
          expected: Number(amt(Math.abs(delta), Math.max(0, q))),
          actual: stated,
        });
      }
    } else if (wrongWay) {
      out.push({
        messageId: 'mismatch',
        message: {
          zh: `说明称“${subject}”较${since.zh}${verb.zh}，但${pair.current.where.zh}本年 ${amt(pair.cur, q)}、${since.zh} ${amt(pair.prev, q)} ${unit}。`,
          en: `The narrative calls “${subject}” a ${verb.en} against ${since.en}, but ${pair.current.where.en} shows ${amt(pair.cur, q)} this year and ${amt(pair.prev, q)} ${unit} last year.`,
        },
        locations: uniqueRefs([at(doc, s.rate ?? cur), ...refs]),
      });
    }
    const err = halfUnit(Math.max(0, pair.decimals));
    return [
      ...out,
      ...rateFinding(doc, s, subject, Math.abs(delta), pair.prev, amt(pair.prev, q), q, 2 * err, err, refs),
    ];
  }

  // 3. previous = current ± change
  if (!s.change) return [];
  const change = inUnit(s.change, unit);
  const previous = s.direction === 'decrease' ? cur.value + change : cur.value - change;
  const prevText = `(${amt(cur.value, p)} ${s.direction === 'decrease' ? '+' : '−'} ${amt(change, p)})`;
  return rateFinding(doc, s, subject, change, previous, prevText, p, halfUnit(p), 2 * halfUnit(p), [
    at(doc, cur),
  ]);
}

function checkFlat(ctx: ReviewContext, doc: NarrativeDocument, s: FlatStatement): Report<ChangeMessage>[] {
  if (!s.current) return [];
  const extra = tolerance(ctx);
  const unit = s.current.unit;
  const since = sinceText(s);
  const subject = s.subject || s.current.subject;
  if (s.previous) {
    const previous = inUnit(s.previous, unit);
    const p = Math.max(s.current.decimals, decimalsIn(s.previous, unit));
    const { agreement } = agree(s.current.value, previous, p, 1 + extra);
    if (agreement === 'equal') return [];
    const rounding = agreement === 'rounding';
    return [
      {
        messageId: rounding ? 'rounding' : 'mismatch',
        message: {
          zh: `说明称“${subject}”与${since.zh}持平，但本年 ${amt(s.current.value, p)} ${unit}、${since.zh} ${amt(previous, p)} ${unit}${rounding ? '（尾差）' : ''}。`,
          en: `The narrative calls “${subject}” unchanged against ${since.en}, but gives ${amt(s.current.value, p)} ${unit} and ${amt(previous, p)} ${unit}${rounding ? ' (a rounding difference)' : ''}.`,
        },
        locations: uniqueRefs([at(doc, s), at(doc, s.current), at(doc, s.previous)]),
        expected: previous,
        actual: s.current.value,
      },
    ];
  }
  const pair = tablePair(ctx, doc, s.current);
  if (!pair) return [];
  const q = pair.decimals;
  const { agreement } = agree(pair.cur, pair.prev, Math.max(0, q), extra);
  if (agreement === 'equal') return [];
  return [
    {
      messageId: 'mismatch',
      message: {
        zh: `说明称“${subject}”与${since.zh}持平，但${pair.current.where.zh}本年 ${amt(pair.cur, q)}、${since.zh} ${amt(pair.prev, q)} ${unit}。`,
        en: `The narrative calls “${subject}” unchanged against ${since.en}, but ${pair.current.where.en} shows ${amt(pair.cur, q)} this year and ${amt(pair.prev, q)} ${unit} last year.`,
      },
      locations: uniqueRefs([at(doc, s), pair.current.cell, pair.prior.cell]),
      expected: Number(amt(pair.prev, Math.max(0, q))),
      actual: Number(amt(pair.cur, Math.max(0, q))),
    },
  ];
}

export const narrativeChange = defineRule({
  meta: {
    id: 'narrative/change',
    group: 'narrative',
    title: {
      zh: '说明中的增减额与增减率一致',
      en: 'Year-on-year changes stated in the narrative are consistent',
    },
    messages: {
      mismatch: {
        level: 'error',
        zh: '说明中的增减额、增减率或持平与金额不符',
        en: 'a change, rate or 持平 the narrative states does not match the amounts',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '说明中的增减额或增减率截去尾数或在四舍五入范围内',
        en: 'a stated change or rate is truncated or within rounding',
      },
    },
  },
  check(ctx) {
    return [
      ...statementsOf(ctx, 'change').flatMap(({ doc, statement }) => checkChange(ctx, doc, statement)),
      ...statementsOf(ctx, 'flat').flatMap(({ doc, statement }) => checkFlat(ctx, doc, statement)),
    ];
  },
});
