/**
 * narrative/amount: an amount the 说明 states for a subject that names a table figure (收入总计, 一般公共预算支出,
 * 基本支出, "三公"经费, 政府性基金预算支出, a 类 by name…) equals that figure after unit conversion.
 * Compared at the coarser of the two precisions (prose writes 115 for 115.0 and rounds 元 tables to 万元): equal →
 * nothing; the table figure rounded the other way (truncated, half-even) → info (尾差); else error.
 * Last-year amounts and the prose of 绩效目标表 forms are not compared.
 */
import { defineRule, Report } from '../../context';
import { formatAmount } from '../../model/numbers';
import { amt, at, uniqueRefs } from '../../narrative/compare';
import { statedAmounts } from '../../narrative/stated';

export const narrativeAmount = defineRule({
  meta: {
    id: 'narrative/amount',
    group: 'narrative',
    title: { zh: '说明中的金额与表内数一致', en: 'Amounts stated in the narrative match the tables' },
    messages: {
      mismatch: {
        level: 'error',
        zh: '说明中“{主语}”的金额与{表内位置}不一致',
        en: 'the amount the narrative states for “{subject}” differs from {table cell}',
      },
      rounding: {
        level: 'info',
        rounding: true,
        zh: '说明中“{主语}”的金额与{表内位置}相差尾差',
        en: 'the amount the narrative states for “{subject}” differs from {table cell} by rounding',
      },
    },
  },
  check(ctx) {
    const findings: Report<'mismatch' | 'rounding'>[] = [];
    for (const { doc, statement: s, found, tableValue, p, agreement, diff } of statedAmounts(ctx)) {
      if (agreement === 'equal') continue;
      const where = at(doc, s.amount);
      const stated = s.amount;
      const unit = stated.unit;
      const shown = Math.max(0, p, stated.decimals);
      const tableText = `${formatAmount(tableValue, Math.max(0, p))} ${unit}`;
      const statedText = `${amt(stated.value, stated.decimals)} ${unit}`;
      const diffText = `${amt(diff, shown)} ${unit}`;
      const rounding = agreement === 'rounding';
      findings.push({
        messageId: rounding ? 'rounding' : 'mismatch',
        message: {
          zh: rounding
            ? `说明中“${s.subject}”${statedText}，${found.where.zh}为 ${tableText}，相差 ${diffText}，属尾差。`
            : `说明中“${s.subject}”${statedText}，与${found.where.zh} ${tableText} 不一致（相差 ${diffText}）。`,
          en: rounding
            ? `The narrative states “${s.subject}” ${statedText}; ${found.where.en} shows ${tableText} — a rounding difference of ${diffText}.`
            : `The narrative states “${s.subject}” ${statedText}, but ${found.where.en} shows ${tableText} (difference ${diffText}).`,
        },
        locations: uniqueRefs([where, found.cell]),
        expected: Number(amt(tableValue, Math.max(0, p))),
        actual: stated.value,
      });
    }
    return findings;
  },
});
