/** performance/self-eval-subtotal-mismatch: a printed section 小计 that is not the sum of the scores under it. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { setCell } from '../../../src/core/model/workbook';
import { rules } from '../../../src/core/rules/performance';
import { readXlsx } from '../../../src/xlsx';
import { review } from '../../helpers/review';

const ID = 'performance/self-eval-subtotal-mismatch';
const load = () =>
  readXlsx(
    new Uint8Array(
      readFileSync(join(__dirname, '..', '..', 'fixtures', 'jinzhong-2021-self-evaluation.xlsx')),
    ),
  );

describe(ID, () => {
  test('is silent on 晋中 as printed: 过程 小计 20 = 3 + 3 + 4 + 3 + 3 + 4', () => {
    expect(review(load(), undefined, rules).findings.filter((f) => f.rule === ID)).toEqual([]);
  });

  test('fires on F53 when the 过程 小计 says 19', () => {
    const wb = load();
    setCell(wb.sheets[0], 52, 5, { value: 19 });
    const hits = review(wb, undefined, rules).findings.filter((f) => f.rule === ID);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ level: 'error', expected: 20, actual: 19 });
    expect(hits[0].locations[0]).toEqual({ sheet: '绩效自评表', cell: 'F53' });
  });
});
