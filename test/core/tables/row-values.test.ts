/** A row's amounts (tables/row-values.ts): by column, blank and percent cells left out. */
import { sheetFromValues } from '../../../src/core/model/workbook';
import { Grid } from '../../../src/core/tables/grid';
import { amountValues } from '../../../src/core/tables/row-values';
import { TableColumn } from '../../../src/core/tables/types';

const cols = (...c: number[]): TableColumn[] => c.map((col) => ({ col, path: [], role: 'amount' }));

describe('amountValues', () => {
  const grid = new Grid(
    sheetFromValues('s', [
      ['2010101', '行政运行', 807.7, null, '1,000.50', '44.6%', 'x'],
      ['2010102', '一般行政管理事务', null, null, null, null, null],
    ]),
  );

  test('numbers and number texts by column, in column order; blank, percent and text cells left out', () => {
    const v = amountValues(grid, 0, cols(2, 3, 4, 5, 6));
    expect(v.size).toBe(2);
    expect(v.get(2)?.value).toBe(807.7);
    expect(v.get(4)).toEqual({ value: 1000.5, decimals: 2, percent: false });
    expect(v.has(3)).toBe(false);
    expect(v.has(5)).toBe(false);
    expect(v.get(6)).toBeUndefined();
    expect([...v.keys()]).toEqual([2, 4]);
    expect([...v.values()].map((n) => n.value)).toEqual([807.7, 1000.5]);
    expect([...v].map(([c, n]) => [c, n.value])).toEqual([
      [2, 807.7],
      [4, 1000.5],
    ]);
    const seen: [number, number][] = [];
    v.forEach((n, c) => seen.push([c, n.value]));
    expect(seen).toEqual([
      [2, 807.7],
      [4, 1000.5],
    ]);
  });

  test('a row without amounts reads as an empty map', () => {
    const v = amountValues(grid, 1, cols(2, 3, 4));
    expect(v.size).toBe(0);
    expect(v.get(2)).toBeUndefined();
    expect([...v.entries()]).toEqual([]);
  });
});
