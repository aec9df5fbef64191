import { readableNumber, readableValue, summariseCells } from '../../src/core/readable';

describe('numbers as a reviewer reads them', () => {
  test('money gets thousands separators and two decimals; counts stay whole', () => {
    expect(readableNumber(38454900)).toBe('38,454,900.00');
    expect(readableNumber(87267272.44)).toBe('87,267,272.44');
    expect(readableNumber(1849.5)).toBe('1,849.50');
    expect(readableNumber(13)).toBe('13');
    expect(readableNumber(0.125)).toBe('0.125');
    expect(readableNumber(1234.5, 1)).toBe('1,234.5');
  });

  test('text values are quoted as the workbook wrote them; printed numbers are left alone', () => {
    expect(readableValue('及时', 'en')).toBe('"及时"');
    expect(readableValue('及时', 'zh')).toBe('“及时”');
    expect(readableValue('4.90%', 'en')).toBe('4.90%');
  });
});

describe('related cells', () => {
  const col = (from: number, to: number, c = 'C', sheet = 'S') =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ sheet, cell: `${c}${from + i}` }));

  test('a few are listed one by one', () => {
    expect(summariseCells(col(5, 7), 'S', 'en')).toBe('C5, C6, C7');
  });

  test('past a few, runs become ranges with the count', () => {
    expect(summariseCells(col(5, 20), 'S', 'en')).toBe('C5:C20 (16 cells)');
    expect(summariseCells(col(5, 20), 'S', 'zh')).toBe('C5:C20（共 16 个单元格）');
    expect(summariseCells([...col(5, 8), ...col(5, 6, 'E', 'T')], 'S', 'en')).toBe(
      'C5:C8, T!E5:E6 (6 cells)',
    );
  });

  test('cells along a row make a range too, duplicates count once', () => {
    const row = ['B', 'C', 'D', 'E', 'F'].map((c) => ({ sheet: 'S', cell: `${c}9` }));
    expect(summariseCells([...row, row[0]], 'S', 'en')).toBe('B9:F9 (5 cells)');
  });
});
