/** Amounts in messages read as the table prints them: thousands separators, the table's decimals. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { review } from '../../src/core/review';
import { readXlsx } from '../../src/xlsx';
import { REAL_BUDGETS } from '../helpers/data';

test('a share of an “other” code names both amounts with separators and two decimals (上海普陀 2026)', () => {
  const file = join(REAL_BUDGETS, '上海普陀-司法局-2026-单位预算.xlsx');
  const found = review(readXlsx(new Uint8Array(readFileSync(file)), file)).findings.filter(
    (f) => f.rule === 'codes/other-share',
  );
  expect(found.length).toBeGreaterThan(0);
  expect(found.map((f) => f.message.zh).join('\n')).toContain('（38,454,900.00 / 79,189,400.34）');
  expect(found.map((f) => f.message.en).join('\n')).toContain('(38,454,900.00 / 79,189,400.34)');
});
