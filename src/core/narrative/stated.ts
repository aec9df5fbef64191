/**
 * The amounts the 说明 states for table figures: every this-year amount whose subject names one table figure, with
 * that figure and how the two agree (narrative/amount reports the disagreements; narrative/share and
 * narrative/change compute from the table figures).
 */
import { memo, ReviewContext, tolerance } from '../context';
import { convertMoney, toScaled } from '../model/numbers';
import { Agreement, at, inTargetForm, paragraphPrecision, statementsOf, unitShift } from './compare';
import type { NarrativeDocument } from './document';
import { classify, resolve, TableValue } from './lookup';
import type { AmountStatement } from './types';

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

/**
 * Every this-year amount the 说明 states for a subject that names one table figure, with that figure and how the
 * two agree. narrative/amount reports the disagreements; narrative/share computes shares from the table figures.
 */
export function statedAmounts(ctx: ReviewContext): StatedAmount[] {
  return memo(ctx, 'narrative/stated-amounts', () => findStatedAmounts(ctx));
}

function findStatedAmounts(ctx: ReviewContext): StatedAmount[] {
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
    const { agreement, diff } = restated(tableValue, tablePrecision, stated.value, p, tolerance(ctx));
    out.push({ doc, statement: s, found, tableValue, tablePrecision, p, agreement, diff });
  }
  return out;
}
