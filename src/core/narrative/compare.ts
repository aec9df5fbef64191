/** Shared by the narrative rules: statements per document, amount and rate comparison at printed precision. */
import { CellRef, Message } from '../model/findings';
import { convertMoney, MoneyUnit, toScaled, UNIT_FACTOR } from '../model/numbers';
import { parseA1, rangeContains } from '../model/address';
import { narrativeDocuments, NarrativeDocument, spanCell } from './document';
import { AmountToken, PercentToken, Statement } from './types';
import type { ReviewContext } from '../context';

export interface Located<S extends Statement> {
  doc: NarrativeDocument;
  statement: S;
}

/** Every statement of a kind, with its document. */
export function statementsOf<K extends Statement['kind']>(
  ctx: ReviewContext,
  kind: K,
): Located<Extract<Statement, { kind: K }>>[] {
  const out: Located<Extract<Statement, { kind: K }>>[] = [];
  for (const doc of narrativeDocuments(ctx))
    for (const s of doc.result.statements)
      if (s.kind === kind) out.push({ doc, statement: s as Extract<Statement, { kind: K }> });
  return out;
}

export function at(doc: NarrativeDocument, token: { span: { start: number; end: number } }): CellRef {
  return spanCell(doc, token.span);
}

/** Unique cell refs in order. */
export function uniqueRefs(refs: CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.sheet}!${r.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The statement sits inside a 绩效目标表 form (its prose is the form's, not the 说明's). */
export function inTargetForm(ctx: ReviewContext, ref: CellRef): boolean {
  const { row, col } = parseA1(ref.cell);
  return ctx.targetForms.some((f) => f.sheet === ref.sheet && rangeContains(f.range, row, col));
}

/** Digits a unit change adds: 元 → 万元 adds 4 (1 元 = 0.0001 万元). */
export function unitShift(from: MoneyUnit, to: MoneyUnit): number {
  return Math.round(Math.log10(UNIT_FACTOR[to] / UNIT_FACTOR[from]));
}

export type Agreement = 'equal' | 'rounding' | 'mismatch';

/** |a − b| at `decimals` (may be negative: hundreds of 元) against an allowance in units of the last digit. */
export function agree(
  a: number,
  b: number,
  decimals: number,
  allowance: number,
): { agreement: Agreement; diff: number } {
  const diff = Math.abs(toScaled(a, decimals) - toScaled(b, decimals));
  return {
    agreement: diff === 0 ? 'equal' : diff <= allowance ? 'rounding' : 'mismatch',
    diff: diff / 10 ** decimals,
  };
}

/** Highest decimals of the amounts in a token's paragraph written in the same unit (prose drops trailing zeros). */
export function paragraphPrecision(doc: NarrativeDocument, token: AmountToken): number {
  let d = token.decimals;
  for (const s of doc.result.statements)
    if (s.kind === 'amount' && s.amount.para === token.para && s.amount.unit === token.unit)
      d = Math.max(d, s.amount.decimals);
  return d;
}

export type RateAgreement = 'equal' | 'truncated' | 'rounding' | 'mismatch';

export interface RateCheck {
  agreement: RateAgreement;
  /** The rate computed from the amounts, in percent, unrounded. */
  computed: number;
  /** The computed rate rounded half-up at the printed decimals. */
  rounded: number;
}

/**
 * A printed percentage against num / den × 100. Equal when it is the half-up rounding; 'truncated' when it is the
 * value cut off instead of rounded (39.096% → 39.09%); 'rounding' when the rounding of the amounts themselves
 * (± half a unit of their last printed digit: numErr, denErr) allows it; 'mismatch' otherwise.
 */
export function checkRate(
  stated: PercentToken,
  num: number,
  den: number,
  numErr: number,
  denErr: number,
): RateCheck | undefined {
  if (!(den > 0) || num < 0) return undefined;
  const d = stated.decimals;
  const computed = (num / den) * 100;
  const S = toScaled(stated.value, d);
  const R = toScaled(computed, d);
  const rounded = R / 10 ** d;
  if (S === R) return { agreement: 'equal', computed, rounded };
  const T = Math.floor(computed * 10 ** d + 1e-9);
  if (S === T) return { agreement: 'truncated', computed, rounded };
  const lo = den + denErr > 0 ? (Math.max(0, num - numErr) / (den + denErr)) * 100 : computed;
  const hi = den - denErr > 0 ? ((num + numErr) / (den - denErr)) * 100 : computed;
  if (S >= toScaled(lo, d) && S <= toScaled(hi, d)) return { agreement: 'rounding', computed, rounded };
  return { agreement: 'mismatch', computed, rounded };
}

/** Half a unit of the last printed digit. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

export function inUnit(token: AmountToken, unit: MoneyUnit): number {
  return convertMoney(token.value, token.unit, unit);
}

/** Decimals of a token once converted to another unit. */
export function decimalsIn(token: AmountToken, unit: MoneyUnit): number {
  return Math.max(0, token.decimals + unitShift(token.unit, unit));
}

/** Format a percentage with its printed decimals. */
export function pct(v: number, decimals: number): string {
  return `${v.toFixed(decimals)}%`;
}

/** Format an amount as the prose would (no thousands separators, given decimals). */
export function amt(v: number, decimals: number): string {
  return (toScaled(v, Math.max(0, decimals)) / 10 ** Math.max(0, decimals)).toFixed(Math.max(0, decimals));
}

/** Why a stated rate differs from the computed one, in both languages. */
export function rateVerdict(agreement: RateAgreement, should: string): Message {
  if (agreement === 'truncated')
    return {
      zh: `说明截去尾数而未四舍五入，应为 ${should}`,
      en: `the narrative truncates instead of rounding; it should read ${should}`,
    };
  if (agreement === 'rounding')
    return {
      zh: `差异在金额四舍五入范围内（按所列金额应为 ${should}）`,
      en: `within the rounding of the amounts (the printed amounts give ${should})`,
    };
  return { zh: `应为 ${should}`, en: `it should be ${should}` };
}
