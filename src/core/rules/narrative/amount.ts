/**
 * narrative/amount: an amount the 说明 states for a subject that names a table figure (收入总计, 一般公共预算支出,
 * 基本支出, "三公"经费, 政府性基金预算支出, a 类 by name…) equals that figure after unit conversion.
 * Compared at the coarser of the two precisions (prose writes 115 for 115.0 and rounds 元 tables to 万元): equal →
 * nothing; the table figure rounded the other way (truncated, half-even) → info (尾差); else error.
 * Last-year amounts and the prose of 绩效目标表 forms are not compared.
 */
import { Finding } from '../../model/findings';
import type { NarrativeDocument } from '../../narrative/document';
import type { AmountStatement } from '../../narrative/types';
import type { ReviewContext } from '../../review';
import { convertMoney, formatAmount, toScaled } from '../../model/numbers';
import { Rule } from '../rule';
import {
  Agreement,
  amt,
  at,
  inTargetForm,
  paragraphPrecision,
  statementsOf,
  uniqueRefs,
  unitShift,
} from './common';
import { classify, resolve, TableValue } from './lookup';

/**
 * A table figure restated in prose at precision `p`: equal when it is the half-up rounding; when the table is more
 * precise than the prose, rounding the other way (half-even, truncation: 1807.65 → 1807.6) is a rounding
 * difference; anything else — and any difference at the table's own precision — is a mismatch.
 */
export function restated(
  table: number,
  tablePrecision: number,
  stated: number,
  p: number,
  extra: number,
): { agreement: Agreement; diff: number } {
  const S = toScaled(stated, p);
  const diff = Math.abs(toScaled(table, p) - S) / 10 ** p;
  if (S === toScaled(table, p)) return { agreement: 'equal', diff: 0 };
  const x = table * 10 ** p;
  const lo = Math.floor(x + 1e-9) - extra;
  const hi = Math.ceil(x - 1e-9) + extra;
  if (tablePrecision > p && S >= lo && S <= hi) return { agreement: 'rounding', diff };
  return { agreement: 'mismatch', diff };
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

/** A stated amount that names a table figure, compared with it (in the stated amount's unit). */
export interface StatedAmount {
  doc: NarrativeDocument;
  statement: AmountStatement;
  found: TableValue;
  /** The table figure in the stated amount's unit. */
  tableValue: number;
  /** Decimals of the table figure in the stated amount's unit (4 more for a 元 table restated in 万元). */
  tablePrecision: number;
  /** The precision the two are compared at. */
  p: number;
  agreement: Agreement;
  diff: number;
}

const cache = new WeakMap<ReviewContext, StatedAmount[]>();

/**
 * Every this-year amount the 说明 states for a subject that names one table figure, with that figure and how the
 * two agree. narrative/amount reports the disagreements; narrative/share computes shares from the table figures.
 */
export function statedAmounts(ctx: ReviewContext): StatedAmount[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: StatedAmount[] = [];
  // the year the tables speak of (their titles), else the year the text names most often
  const budgetYear = mostCommon(ctx.tables.map((t) => t.year).filter((y): y is number => y !== undefined));
  for (const { doc, statement: s } of statementsOf(ctx, 'amount')) {
    if (s.prior) continue;
    const year = budgetYear ?? doc.result.year;
    if (s.year !== undefined && year !== undefined && s.year !== year) continue;
    if (inTargetForm(ctx, at(doc, s.amount))) continue;
    const target = classify(s.subject, s.scope);
    if (!target) continue;
    const found = resolve(ctx, target, s.subject);
    if (!found || found === 'ambiguous') continue;
    const stated = s.amount;
    const unit = stated.unit;
    const tableValue = convertMoney(found.value, found.unit, unit);
    const tablePrecision = found.decimals + unitShift(found.unit, unit);
    const p = Math.min(paragraphPrecision(doc, stated), tablePrecision);
    const { agreement, diff } = restated(
      tableValue,
      tablePrecision,
      stated.value,
      p,
      ctx.settings.extraTolerance,
    );
    out.push({ doc, statement: s, found, tableValue, tablePrecision, p, agreement, diff });
  }
  cache.set(ctx, out);
  return out;
}

export const narrativeAmount: Rule = {
  id: 'narrative/amount',
  level: 'error',
  title: { zh: '说明中的金额与表内数一致', en: 'Amounts stated in the narrative match the tables' },
  check(ctx) {
    const findings: Finding[] = [];
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
        rule: rounding ? 'narrative/amount-rounding' : 'narrative/amount',
        level: rounding ? 'info' : 'error',
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
};
