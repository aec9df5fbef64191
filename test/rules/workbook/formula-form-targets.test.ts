/**
 * A 指标值 such as `=100%`, `=0起`, `=24小时/日` (福州 has `=100%`, `=24小时/日`, `=1849.5万元`…) is a target written with an operator. Some producing tools store
 * it as a formula without a result: it is read as the target it says, and no "formula without a saved result"
 * finding is made for it (it would contradict the performance findings on the same cell).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { review } from '../../../src/core/review';
import { readXlsx } from '../../../src/xlsx';
import { REAL_BUDGETS } from '../../helpers/data';

const load = (file: string) => readXlsx(new Uint8Array(readFileSync(file)), file);
const text = load(join(REAL_BUDGETS, '福州-商务局-2026-预算.xlsx'));
const formulas = load(join(__dirname, '..', '..', 'fixtures', 'fuzhou-2026-targets-formula-form.xlsx'));

describe('指标值 stored as formulas without a result (福州 2026)', () => {
  const stored = formulas.sheets.flatMap((s) =>
    s.rows.flatMap((r) => (r ?? []).filter((c) => c?.formula && c.noCachedValue)),
  );

  test('the fixture holds them as formulas without cached values', () => {
    expect(stored.map((c) => c!.formula)).toEqual(
      expect.arrayContaining(['100%', '24小时/日', '1849.5万元']),
    );
  });

  test('no workbook/no-cached-value finding on the text form or on the formula form', () => {
    for (const wb of [text, formulas])
      expect(review(wb).findings.filter((f) => f.rule === 'workbook/no-cached-value')).toEqual([]);
  });

  test('the formula form reads as the text form: the same findings, the same targets', () => {
    const key = (wb: typeof text) =>
      review(wb)
        .findings.map((f) => `${f.rule} ${f.locations[0]?.sheet}!${f.locations[0]?.cell} ${f.message.en}`)
        .sort();
    expect(key(formulas)).toEqual(key(text));
    const targets = (wb: typeof text) =>
      review(wb).context.targetForms.flatMap((f) => f.indicators.map((i) => i.target));
    expect(targets(formulas)).toEqual(targets(text));
  });

  test('no two findings on one cell contradict each other', () => {
    const byCell = new Map<string, string[]>();
    for (const f of review(formulas).findings)
      for (const l of f.locations.slice(0, 1))
        byCell.set(`${l.sheet}!${l.cell}`, [...(byCell.get(`${l.sheet}!${l.cell}`) ?? []), f.rule]);
    // a cell said to be unknowable is never also computed with
    for (const [cell, rules] of byCell)
      if (rules.includes('workbook/no-cached-value'))
        expect([cell, rules]).toEqual([cell, ['workbook/no-cached-value']]);
  });
});
