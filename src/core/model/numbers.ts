/**
 * Number, unit and money-comparison helpers.
 * Money is compared as integers at the printed precision, never as binary floats.
 */
import { Cell, isCellError } from './workbook';
import { rememberedPerText } from './remembered';

export interface ParsedNumber {
  value: number;
  /** Digits after the decimal point as written (or as the number format prints them). */
  decimals: number;
  /** The text carried a % sign; value is the fraction (44.6% → 0.446). */
  percent: boolean;
}

const FULLWIDTH_DIGIT = /[０-９]/g;
const NEEDS_NORMALIZING = /[０-９．。，－—–−＋％\u00a0\u3000]/;

/** Normalise full-width digits, signs, separators and spaces to ASCII. */
export function normalizeDigits(text: string): string {
  // most cells hold none of these characters: one test instead of seven replacements
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[．。]/g, (m, off, s) => (/\d/.test(s[off - 1] ?? '') && /\d/.test(s[off + 1] ?? '') ? '.' : m))
    .replace(/[，]/g, ',')
    .replace(/[－—–−]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/[％]/g, '%')
    .replace(/[\u00a0\u3000]/g, ' ');
}

const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/**
 * Parse text as a number: '1,807.70', '１２３', '-', '－' (zero), '(12.5)' (negative), '44.6%', '-3.2'.
 * Returns null for anything that is not a plain number.
 */
export function parseNumber(text: string): ParsedNumber | null {
  let s = normalizeDigits(text).trim().replace(/\s+/g, '');
  if (s === '') return null;
  if (/^-+$/.test(s)) return { value: 0, decimals: 0, percent: false };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  const m = NUMBER_RE.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const intPart = (m[2] ?? '0').replace(/,/g, '');
  const frac = m[3] ?? '';
  let value = Number(`${intPart}.${frac || '0'}`);
  if (m[1] === '-') negative = !negative;
  if (negative) value = -value;
  if (percent) value = value / 100;
  return { value: value === 0 ? 0 : value, decimals: frac.length + (percent ? 2 : 0), percent };
}

/** Decimals a number format prints: '#,##0.00' → 2, '0.0%' → 3 (as a fraction), 'General' → null. */
export function formatDecimals(numFmt: string | undefined): number | null {
  return numFmt ? formatsDecimals(numFmt) : null;
}

const formatsDecimals = rememberedPerText(readFormatDecimals, 10000);

function readFormatDecimals(numFmt: string): number | null {
  if (/^general$/i.test(numFmt.trim())) return null;
  const first = numFmt.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  const m = /0\.(0+)/.exec(first) ?? /#\.(#+)/.exec(first);
  const d = m ? m[1].length : /[0#]/.test(first) ? 0 : null;
  if (d === null) return null;
  return first.includes('%') ? d + 2 : d;
}

/** Decimals needed to write a JS number exactly as a reader sees it (up to 6). */
export function valueDecimals(value: number): number {
  for (let d = 0; d <= 6; d++) {
    if (Math.abs(Math.round(value * 10 ** d) - value * 10 ** d) < 1e-7 * Math.max(1, Math.abs(value)))
      return d;
  }
  return 6;
}

/** The number format cellNumber read last, and what it prints. */
const lastFormat: { numFmt: string | undefined; decimals: number | null; percent: boolean } = {
  numFmt: undefined,
  decimals: null,
  percent: false,
};

/**
 * Numeric reading of a cell: number cells as they are, text cells parsed, empty → null.
 * `decimals` is the printed precision (number format if it has one, else the digits stored).
 */
export function cellNumber(cell: Cell | undefined): ParsedNumber | null {
  if (!cell) return null;
  const v = cell.value;
  if (typeof v === 'number') {
    // the cells of a column share their format: read a format once while it repeats
    if (cell.numFmt !== lastFormat.numFmt) {
      lastFormat.numFmt = cell.numFmt;
      lastFormat.decimals = formatDecimals(cell.numFmt);
      lastFormat.percent = !!cell.numFmt && cell.numFmt.includes('%');
    }
    const fmt = lastFormat.decimals;
    return { value: v, decimals: fmt ?? valueDecimals(v), percent: lastFormat.percent };
  }
  if (typeof v === 'string') return parseNumber(v);
  if (v === null || typeof v === 'boolean' || isCellError(v)) return null;
  return null;
}

// ---- units of money ----

export type MoneyUnit = '元' | '千元' | '万元' | '亿元';

export const UNIT_FACTOR: Record<MoneyUnit, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };

/** Read a unit line: '单位：万元', '金额单位: 元', '（单位：万元）' → '万元'. */
export function parseUnitLine(text: string): MoneyUnit | null {
  const s = normalizeDigits(text).replace(/\s+/g, '');
  const m = /(?:金额)?单位[:：]?(?:人民币)?(亿元|万元|千元|元)/.exec(s);
  return m ? (m[1] as MoneyUnit) : null;
}

/** A money unit named anywhere in a header text: '金额（万元）' → '万元'. */
export function unitInText(text: string): MoneyUnit | null {
  const s = text.replace(/\s+/g, '');
  const m = /[（(](?:单位[:：])?(亿元|万元|千元|元)[)）]/.exec(s);
  return m ? (m[1] as MoneyUnit) : parseUnitLine(s);
}

/** Convert an amount from one unit to another. */
export function convertMoney(value: number, from: MoneyUnit, to: MoneyUnit): number {
  return (value * UNIT_FACTOR[from]) / UNIT_FACTOR[to];
}

// ---- exact comparison at printed precision ----

/** value × 10^decimals as an integer (half away from zero), robust to binary noise. */
export function toScaled(value: number, decimals: number): number {
  const x = value * 10 ** decimals;
  // nudge past binary noise (1.005 × 100 = 100.49999999999999) without adding a unit to large amounts
  const r = Math.round(Math.abs(x) + 1e-9 + Math.abs(x) * 1e-15);
  return x < 0 ? -r : r;
}

export function sumScaled(values: number[], decimals: number): number {
  let s = 0;
  for (const v of values) s += toScaled(v, decimals);
  return s;
}

/** Round half-up (away from zero) to `decimals` without float drift: 0.125 → 0.13. */
export function roundHalfUp(value: number, decimals = 2): number {
  return toScaled(value, decimals) / 10 ** decimals;
}

export type Agreement = 'equal' | 'rounding' | 'mismatch';

/**
 * Compare an expected total with the printed one (DOMAIN.md §3 tolerance).
 * `decimals`: printed precision of the table; `terms`: how many rounded terms the expectation adds.
 * A difference of zero → equal; within the rounding of the terms (½ unit of the last digit per term,
 * plus the total's own) → rounding ('尾差'); beyond → mismatch.
 */
export function compareAmounts(expected: number, actual: number, decimals: number, terms = 1): Agreement {
  const diff = Math.abs(toScaled(expected, decimals) - toScaled(actual, decimals));
  if (diff === 0) return 'equal';
  // each of the terms and the total may be off by half a unit of the last printed digit
  const allowance = Math.max(1, Math.floor((terms + 1) / 2));
  return diff <= allowance ? 'rounding' : 'mismatch';
}

/** Format a number the way the table prints it (used in messages): 1807.7 → '1,807.70'. */
export function formatAmount(value: number, decimals: number): string {
  const fixed = roundHalfUp(value, decimals).toFixed(decimals);
  const [i, f] = fixed.split('.');
  const sign = i.startsWith('-') ? '-' : '';
  const digits = sign ? i.slice(1) : i;
  return `${sign}${groupThousands(digits)}${f ? '.' + f : ''}`;
}

/** Whole digits with thousands separators: '1807' → '1,807'. */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
