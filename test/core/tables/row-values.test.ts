/** A row's amounts (tables/row-values.ts): read as a Map would be, blank and percent cells left out. */
import { sheetFromValues } from '../../../src/core/model/workbook';
import { Grid } from '../../../src/core/tables/grid';
import { amountValues, RowValues } from '../../../src/core/tables/row-values';
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

  test('behaves as the Map it replaces for the same pairs', () => {
    const n = (value: number) => ({ value, decimals: 2, percent: false });
    const pairs: [number, ReturnType<typeof n>][] = [
      [3, n(1)],
      [7, n(0)],
      [9, n(-2.5)],
    ];
    const map = new Map(pairs);
    const rv = new RowValues(pairs.flat());
    for (const c of [0, 3, 7, 8, 9]) {
      expect(rv.get(c)).toBe(map.get(c));
      expect(rv.has(c)).toBe(map.has(c));
    }
    expect(rv.size).toBe(map.size);
    expect([...rv]).toEqual([...map]);
  });
});
