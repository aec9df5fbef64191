/**
 * Strange sheets never crash a review: real workbooks with cells scrambled at random (seeded) — text in
 * number cells, error values, booleans, huge numbers, blanks, full-width digits, stray merges — still give a
 * report, and no rule gives up with an exception.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Cell, CellValue, Workbook } from '../src/core/model/workbook';
import { review } from './helpers/review';
import { planSummary } from '../src/core/summary';
import { planFill } from '../src/core/performance/fill';
import { readXlsx } from '../src/xlsx';
import { REAL_BUDGETS } from './helpers/data';

const REAL = REAL_BUDGETS;
const FIXTURES = join(__dirname, 'fixtures');

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ODD_VALUES: CellValue[] = [
  '',
  '-',
  '－',
  '合计',
  '１，８０７．７０',
  '12.5%',
  '(3.2)',
  '#N/A',
  { error: '#REF!' },
  { error: '#DIV/0!' },
  true,
  1e15,
  -0.0001,
  0,
  '2040201',
  '204',
  '[2014001]行政运行',
  '单位：元',
  '≥95%',
  '及时',
  'x'.repeat(5000),
  null,
];

function scramble(workbook: Workbook, seed: number, share: number): Workbook {
  const rnd = prng(seed);
  for (const sheet of workbook.sheets) {
    sheet.rows.forEach((row) =>
      row?.forEach((_cell, c) => {
        if (rnd() >= share) return;
        const value = ODD_VALUES[Math.floor(rnd() * ODD_VALUES.length)];
        row[c] = { value } as Cell;
      }),
    );
    if (rnd() < 0.5 && sheet.rows.length > 3) {
      const top = Math.floor(rnd() * sheet.rows.length);
      sheet.merges.push({ top, left: 0, bottom: Math.min(top + 2, sheet.rows.length), right: 3 });
    }
  }
  return workbook;
}

const files = [
  ...readdirSync(REAL).map((f) => join(REAL, f)),
  ...readdirSync(FIXTURES).map((f) => join(FIXTURES, f)),
].filter((f) => f.endsWith('.xlsx'));

describe.each([1, 2, 3])('scrambled workbooks (seed %i)', (seed) => {
  test.each(files.map((f) => [f.split('/').pop()!, f]))('%s', (_name, file) => {
    const workbook = scramble(readXlsx(new Uint8Array(readFileSync(file))), seed * 7919, 0.08);
    const result = review(workbook);
    expect(result.findings.filter((f) => f.rule === 'engine/rule-failed').map((f) => f.message.en)).toEqual(
      [],
    );
    expect(() => planFill(workbook)).not.toThrow();
    expect(() => planSummary(result, 'zh', workbook)).not.toThrow();
  });
});
