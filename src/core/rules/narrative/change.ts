/**
 * narrative/change: "与 2020 年相比 … 减少 208.8 万元，减少 4.89%". The previous year is current ± change, the rate
 * is change ÷ previous, checked like a share (exact → nothing; truncated or within the amounts' rounding → info;
 * else error). Where the text also states the previous amount, current − previous must be the stated change (and
 * go the stated way); a 持平 with both amounts stated must have them equal.
 */
import { Finding } from '../../model/findings';
import { ChangeStatement, FlatStatement } from '../../narrative/types';
import { NarrativeDocument } from '../../narrative/document';
import { Rule } from '../rule';
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
} from './common';

function sinceText(s: { since?: string }): { zh: string; en: string } {
  if (!s.since) return { zh: '上年', en: 'last year' };
  return s.since === 'prior' ? { zh: '上年', en: 'last year' } : { zh: `${s.since} 年`, en: s.since };
}

function checkChange(doc: NarrativeDocument, s: ChangeStatement, extra: number): Finding[] {
  const out: Finding[] = [];
  const cur = s.current;
  if (!cur) return out;
  const unit = cur.unit;
  const verb = s.direction === 'decrease' ? { zh: '减少', en: 'decrease' } : { zh: '增加', en: 'increase' };
  const since = sinceText(s);
  const subject = s.subject || cur.subject;

  // the previous amount, stated or derived
  let previous: number | undefined;
  let prevErr = 0;
  let p = cur.decimals;
  if (s.previous) p = Math.max(p, decimalsIn(s.previous, unit));
  if (s.change) p = Math.max(p, decimalsIn(s.change, unit));

  if (s.previous) {
    previous = inUnit(s.previous, unit);
    prevErr = halfUnit(p);
    const delta = cur.value - previous;
    const wrongWay = (s.direction === 'decrease' && delta > 0) || (s.direction === 'increase' && delta < 0);
    if (s.change) {
      const stated = inUnit(s.change, unit);
      const { agreement, diff } = agree(Math.abs(delta), stated, p, 1 + extra);
      if (agreement !== 'equal' || wrongWay) {
        const rounding = agreement === 'rounding' && !wrongWay;
        out.push({
          rule: rounding ? 'narrative/change-rounding' : 'narrative/change',
          level: rounding ? 'info' : 'error',
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
        rule: 'narrative/change',
        level: 'error',
        message: {
          zh: `说明中“${subject}”本年 ${amt(cur.value, p)} ${unit}、${since.zh} ${amt(previous, p)} ${unit}，却称${verb.zh}。`,
          en: `The narrative gives “${subject}” ${amt(cur.value, p)} ${unit} against ${amt(previous, p)} ${unit} for ${since.en} but calls it a ${verb.en}.`,
        },
        locations: uniqueRefs([at(doc, s.rate ?? cur), at(doc, cur), at(doc, s.previous)]),
      });
    }
  } else if (s.change) {
    const change = inUnit(s.change, unit);
    previous = s.direction === 'decrease' ? cur.value + change : cur.value - change;
    prevErr = 2 * halfUnit(p);
  }

  if (s.rate && previous !== undefined) {
    const change = s.change ? inUnit(s.change, unit) : Math.abs(cur.value - previous);
    const r = checkRate(s.rate, change, previous, halfUnit(p), prevErr);
    if (r && r.agreement !== 'equal') {
      const d = s.rate.decimals;
      const should = pct(r.rounded, d);
      const stated = pct(s.rate.value, d);
      const prevText = s.previous
        ? `${amt(previous, p)}`
        : `(${amt(cur.value, p)} ${s.direction === 'decrease' ? '+' : '−'} ${amt(change, p)})`;
      const calc = `${amt(change, p)} ÷ ${prevText} = ${r.computed.toFixed(d + 2)}%`;
      const info = r.agreement !== 'mismatch';
      const why =
        r.agreement === 'truncated'
          ? {
              zh: `说明截去尾数而未四舍五入，应为 ${should}`,
              en: `the narrative truncates instead of rounding; it should read ${should}`,
            }
          : r.agreement === 'rounding'
            ? {
                zh: `差异在金额四舍五入范围内（按所列金额应为 ${should}）`,
                en: `within the rounding of the amounts (the printed amounts give ${should})`,
              }
            : { zh: `应为 ${should}`, en: `it should be ${should}` };
      out.push({
        rule: info ? 'narrative/change-rounding' : 'narrative/change',
        level: info ? 'info' : 'error',
        message: {
          zh: `说明中“${subject}”与${since.zh}相比${verb.zh} ${stated}：${calc}，${why.zh}。`,
          en: `The narrative states a ${verb.en} of ${stated} for “${subject}” against ${since.en}: the previous amount is the current one ${s.direction === 'decrease' ? 'plus' : 'minus'} the change, ${calc}; ${why.en}.`,
        },
        locations: uniqueRefs([
          at(doc, s.rate),
          ...(s.change ? [at(doc, s.change)] : []),
          at(doc, cur),
          ...(s.previous ? [at(doc, s.previous)] : []),
        ]),
        expected: should,
        actual: stated,
      });
    }
  }
  return out;
}

function checkFlat(doc: NarrativeDocument, s: FlatStatement, extra: number): Finding[] {
  if (!s.current || !s.previous) return [];
  const unit = s.current.unit;
  const previous = inUnit(s.previous, unit);
  const p = Math.max(s.current.decimals, decimalsIn(s.previous, unit));
  const { agreement } = agree(s.current.value, previous, p, 1 + extra);
  if (agreement === 'equal') return [];
  const since = sinceText(s);
  const rounding = agreement === 'rounding';
  return [
    {
      rule: rounding ? 'narrative/change-rounding' : 'narrative/change',
      level: rounding ? 'info' : 'error',
      message: {
        zh: `说明称“${s.subject || s.current.subject}”与${since.zh}持平，但本年 ${amt(s.current.value, p)} ${unit}、${since.zh} ${amt(previous, p)} ${unit}${rounding ? '（尾差）' : ''}。`,
        en: `The narrative calls “${s.subject || s.current.subject}” unchanged against ${since.en}, but gives ${amt(s.current.value, p)} ${unit} and ${amt(previous, p)} ${unit}${rounding ? ' (a rounding difference)' : ''}.`,
      },
      locations: uniqueRefs([at(doc, s), at(doc, s.current), at(doc, s.previous)]),
      expected: previous,
      actual: s.current.value,
    },
  ];
}

export const narrativeChange: Rule = {
  id: 'narrative/change',
  level: 'error',
  title: {
    zh: '说明中的增减额与增减率一致',
    en: 'Year-on-year changes stated in the narrative are consistent',
  },
  check(ctx) {
    const extra = ctx.settings.extraTolerance;
    return [
      ...statementsOf(ctx, 'change').flatMap(({ doc, statement }) => checkChange(doc, statement, extra)),
      ...statementsOf(ctx, 'flat').flatMap(({ doc, statement }) => checkFlat(doc, statement, extra)),
    ];
  },
};
