/**
 * narrative/share: "基本支出 1807.7 万元，占 44.6%" — the printed share of the part in the total the list is of,
 * rounded half-up at the printed decimals. Exact → nothing; truncated instead of rounded (39.096% → 39.09%) or
 * off by what the rounding of the amounts allows → info; otherwise error.
 *
 * A share relates a part to a base. When the text names either of them as a table figure (支出总计, 基本支出 …,
 * see narrative/amount), the share is computed from the table figure, not from the text's restatement of it.
 * When a restated amount disagrees with the table and the share is right by the text's own figures, the root
 * cause is the amount, which narrative/amount reports; the share is not reported a second time.
 */
import { defineRule, Report } from '../../context';
import { CellRef } from '../../model/findings';
import { convertMoney, MoneyUnit } from '../../model/numbers';
import { AmountToken } from '../../narrative/types';
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
  unitShift,
} from '../../narrative/compare';
import { StatedAmount, statedAmounts } from '../../narrative/stated';

/** One side of the share, in the base's unit: the table figure when the text names one, else the text's. */
interface Term {
  value: number;
  decimals: number;
  /** The text's amount disagrees with the table figure (narrative/amount reports it). */
  restatedWrong: boolean;
  cell?: CellRef;
}

function term(token: AmountToken, unit: MoneyUnit, table: StatedAmount | undefined): Term {
  if (!table) return { value: inUnit(token, unit), decimals: decimalsIn(token, unit), restatedWrong: false };
  return {
    value: convertMoney(table.tableValue, token.unit, unit),
    decimals: Math.max(0, table.tablePrecision + unitShift(token.unit, unit)),
    restatedWrong: table.agreement !== 'equal',
    cell: table.found.cell,
  };
}

export const narrativeShare = defineRule({
  meta: {
    id: 'narrative/share',
    group: 'narrative',
    title: { zh: '说明中的占比与金额一致', en: 'Shares stated in the narrative match the amounts' },
    messages: {
      mismatch: {
        level: 'error',
        zh: '说明中的占比 {占比} 与金额计算结果不符',
        en: 'the share {share} the narrative states differs from the amounts',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '说明中的占比 {占比} 截去尾数或在金额四舍五入范围内',
        en: 'the share {share} is truncated or within the rounding of the amounts',
      },
    },
  },
  check(ctx) {
    const findings: Report<'mismatch' | 'rounding'>[] = [];
    const tableOf = new Map<AmountToken, StatedAmount>();
    for (const a of statedAmounts(ctx)) tableOf.set(a.statement.amount, a);
    for (const { doc, statement: s } of statementsOf(ctx, 'share')) {
      if (!s.base) continue;
      const unit = s.base.unit;
      // by the text's own figures
      const num = inUnit(s.amount, unit);
      const den = s.base.value;
      const p = Math.max(decimalsIn(s.amount, unit), s.base.decimals);
      const byText = checkRate(s.share, num, den, halfUnit(p), halfUnit(p));
      // by the tables, where the text names table figures
      const part = term(s.amount, unit, tableOf.get(s.amount));
      const base = term(s.base, unit, tableOf.get(s.base));
      const fromTables = part.cell !== undefined || base.cell !== undefined;
      const r = fromTables
        ? checkRate(s.share, part.value, base.value, halfUnit(part.decimals), halfUnit(base.decimals))
        : byText;
      if (!r || r.agreement === 'equal') continue;
      // right by the text's own (wrong) amounts: narrative/amount already names the root cause
      if (
        fromTables &&
        (part.restatedWrong || base.restatedWrong) &&
        byText &&
        byText.agreement !== 'mismatch'
      )
        continue;
      const d = s.share.decimals;
      const dp = Math.max(part.decimals, base.decimals);
      const calc = fromTables
        ? `${amt(part.value, Math.min(dp, 4))} ÷ ${amt(base.value, Math.min(dp, 4))}`
        : `${amt(num, p)} ÷ ${amt(den, p)}`;
      const calcText = `${calc} = ${r.computed.toFixed(d + 2)}%`;
      const stated = pct(s.share.value, d);
      const should = pct(r.rounded, d);
      const info = r.agreement !== 'mismatch';
      const why = rateVerdict(r.agreement, should);
      const src = fromTables ? { zh: '（按表内数）', en: ' (table figures)' } : { zh: '', en: '' };
      const tableCells = [part.cell, base.cell].filter((c): c is CellRef => c !== undefined);
      findings.push({
        messageId: info ? 'rounding' : 'mismatch',
        message: {
          zh: `说明中“占 ${stated}”：${calcText}${src.zh}，${why.zh}。`,
          en: `The narrative states a share of ${stated}: ${calcText}${src.en}; ${why.en}.`,
        },
        locations: uniqueRefs([at(doc, s.share), at(doc, s.amount), at(doc, s.base), ...tableCells]),
        expected: should,
        actual: stated,
      });
    }
    return findings;
  },
});
