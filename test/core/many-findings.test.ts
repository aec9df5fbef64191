import { defineRule } from '../../src/core/context';
import { sheetFromValues } from '../../src/core/model/workbook';
import { review } from '../../src/core/review';

// a rule that reports every one of 200,000 rows (a huge workbook full of unknown codes does this)
const everyRow = defineRule({
  meta: {
    id: 'test/every-row',
    group: 'workbook',
    title: { zh: '每一行', en: 'every row' },
    messages: { row: { level: 'warning', zh: '行', en: 'row' } },
  },
  check: () =>
    Array.from({ length: 200_000 }, (_, i) => ({
      messageId: 'row',
      message: { zh: `第${i + 1}行`, en: `row ${i + 1}` },
      locations: [{ sheet: 'S', cell: `A${200_000 - i}` }],
    })),
});

test('a review with 200,000 findings completes, every finding kept and sorted', () => {
  const result = review({ sheets: [sheetFromValues('S', [['x']])] }, {}, [everyRow]);
  expect(result.findings).toHaveLength(200_000);
  expect(result.counts.warning).toBe(200_000);
  expect(result.findings[0].locations[0].cell).toBe('A1');
  expect(result.findings[199_999].locations[0].cell).toBe('A200000');
});
