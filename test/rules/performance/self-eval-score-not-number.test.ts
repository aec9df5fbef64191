/** performance/self-eval-score-not-number: a filled 得分 cell that holds text instead of a number. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { setCell } from '../../../src/core/model/workbook';
import { rules } from '../../../src/core/rules/performance';
import { readXlsx } from '../../../src/xlsx';
import { review } from '../../helpers/review';

const ID = 'performance/self-eval-score-not-number';
const load = () =>
  readXlsx(
    new Uint8Array(
      readFileSync(join(__dirname, '..', '..', 'fixtures', 'national-self-evaluation-filled.xlsx')),
    ),
  );

describe(ID, () => {
  test('is silent on the filled national sheet, whose scores are all numbers', () => {
    expect(review(load(), undefined, rules).findings.filter((f) => f.rule === ID)).toEqual([]);
  });

  test('fires on the 得分 cell H15 once it says 满分 instead of 5', () => {
    const wb = load();
    const sheet = wb.sheets.find((s) => s.name === '项目支出绩效自评表');
    if (!sheet) throw new Error('fixture changed: no 项目支出绩效自评表');
    setCell(sheet, 14, 7, { value: '满分' });
    const hits = review(wb, undefined, rules).findings.filter((f) => f.rule === ID);
    expect(hits.map((f) => `${f.level} ${f.locations[0]?.sheet}!${f.locations[0]?.cell}`)).toEqual([
      'warning 项目支出绩效自评表!H15',
    ]);
    expect(hits[0].message.zh).toContain('满分');
  });
});
