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

  test('prints exactly what Intl.NumberFormat en-US prints, without it: halves, carries, signs, many digits', () => {
    const intl = (v: number, d: number) =>
      new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
    // rounding half away from zero on the shortest decimal form, carries into the integer, -0, exponent forms
    const edges = [
      0, -0, 0.5, 2.5, -2.5, 1.005, 0.045, 9.995, 999.995, -999.995, 99999.9995, 0.000001, 5e-7, 1e21,
    ];
    for (const v of edges) for (const d of [0, 1, 2, 3]) expect(readableNumber(v, d)).toBe(intl(v, d));
    expect(readableNumber(999.995, 2)).toBe('1,000.00');
    expect(readableNumber(-0.001, 2)).toBe('-0.00');
    // and on a spread of amounts, whole, 分-rounded and half-cent values
    let seed = 20261203;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      const raw = (rnd() - 0.3) * 10 ** Math.floor(rnd() * 12 - 3);
      const v = i % 3 === 0 ? Math.round(raw * 100) / 100 + 0.005 : i % 3 === 1 ? Math.round(raw) : raw;
      for (const d of [0, 2, 4]) expect(readableNumber(v, d)).toBe(intl(v, d));
    }
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
