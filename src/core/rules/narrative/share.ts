/**
 * narrative/share: "基本支出 1807.7 万元，占 44.6%" — the printed share against amount ÷ the total the list is of,
 * rounded half-up at the printed decimals. Exact → nothing; truncated instead of rounded (39.096% → 39.09%) or
 * off by what the rounding of the amounts allows → info; otherwise error.
 */
import { Finding } from '../../model/findings';
import { Rule } from '../rule';
import {
  amt,
  at,
  checkRate,
  decimalsIn,
  halfUnit,
  inUnit,
  pct,
  statementsOf,
  uniqueRefs,
  rateVerdict,
} from './common';

export const narrativeShare: Rule = {
  id: 'narrative/share',
  level: 'error',
  title: { zh: '说明中的占比与金额一致', en: 'Shares stated in the narrative match the amounts' },
  check(ctx) {
    const findings: Finding[] = [];
    for (const { doc, statement: s } of statementsOf(ctx, 'share')) {
      if (!s.base) continue;
      const unit = s.base.unit;
      const num = inUnit(s.amount, unit);
      const den = s.base.value;
      const p = Math.max(decimalsIn(s.amount, unit), s.base.decimals);
      const r = checkRate(s.share, num, den, halfUnit(p), halfUnit(p));
      if (!r || r.agreement === 'equal') continue;
      const d = s.share.decimals;
      const calc = `${amt(num, p)} ÷ ${amt(den, p)} = ${r.computed.toFixed(d + 2)}%`;
      const stated = pct(s.share.value, d);
      const should = pct(r.rounded, d);
      const info = r.agreement !== 'mismatch';
      const why = rateVerdict(r.agreement, should);
      findings.push({
        rule: info ? 'narrative/share-rounding' : 'narrative/share',
        level: info ? 'info' : 'error',
        message: {
          zh: `说明中“占 ${stated}”：${calc}，${why.zh}。`,
          en: `The narrative states a share of ${stated}: ${calc}; ${why.en}.`,
        },
        locations: uniqueRefs([at(doc, s.share), at(doc, s.amount), at(doc, s.base)]),
        expected: should,
        actual: stated,
      });
    }
    return findings;
  },
};
