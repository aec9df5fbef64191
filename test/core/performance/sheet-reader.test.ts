import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { CellRange } from '../../../src/core/model/address';
import { Sheet, sheetFromValues } from '../../../src/core/model/workbook';
import { roleOf } from '../../../src/core/performance/headers';
import { compact, SheetReader, unitOf } from '../../../src/core/performance/sheet';
import { readXlsx } from '../../../src/xlsx';
import { REAL_BUDGETS } from '../../helpers/data';

/** What the reader gives, computed the slow way: every column of the row, merges looked up one by one. */
function scanRow(r: SheetReader, row: number): { col: number; text: string }[] {
  const out: { col: number; text: string }[] = [];
  for (let c = 0; c < r.cols; c++) {
    const t = r.text(row, c).trim();
    if (t === '') continue;
    out.push({ col: c, text: t });
    c = r.mergeRight(row, c);
  }
  return out;
}

function scanUnit(r: SheetReader, from: number, to: number): string | undefined {
  for (let row = to; row >= from; row--)
    for (const { text } of scanRow(r, row)) {
      const u = unitOf(text);
      if (u === '元' || u === '万元') return u;
    }
  return undefined;
}

function expectSameAsScan(sheet: Sheet): void {
  const r = new SheetReader(sheet);
  for (let row = 0; row < r.rows; row++) {
    const cells = r.rowCells(row);
    expect(cells.map(({ col, text }) => ({ col, text }))).toEqual(scanRow(r, row));
    for (const c of cells) {
      expect(c.key).toBe(compact(c.text));
      expect(c.role).toBe(roleOf(c.text));
    }
    expect(r.rowIsBlank(row)).toBe(cells.length === 0);
  }
  for (const [from, to] of [
    [0, r.rows - 1],
    [Math.floor(r.rows / 2), r.rows - 1],
    [0, Math.floor(r.rows / 3)],
    [r.rows - 3, r.rows + 5],
  ])
    expect(r.unitAbove(from, to)).toBe(scanUnit(r, from, to));
}

describe('the shared row reader of the performance recognisers', () => {
  it('reads a form with merges over columns and down rows as the column-by-column scan does', () => {
    const sheet = sheetFromValues(
      'f',
      [
        ['项目支出绩效目标表'],
        ['单位：元'],
        ['项目名称', null, null, '某项目'],
        ['项目资金（万元）', null, null, '年度资金总额：', 12],
        [null, '一级指标', '二级 指标', '三级指标', '指标值'],
        ['绩效指标', '产出指标', '数量指标', '完成数量', '≥10次'],
        [null, null, '质量指标', '合格率', '≥95%'],
        [],
        ['  ', '', '备注', null, null, '金额（万元）'],
      ],
      [
        { top: 2, left: 0, bottom: 2, right: 2 },
        { top: 3, left: 0, bottom: 3, right: 2 },
        { top: 5, left: 0, bottom: 6, right: 0 },
        { top: 5, left: 1, bottom: 6, right: 1 },
        { top: 8, left: 2, bottom: 8, right: 4 },
      ],
    );
    expectSameAsScan(sheet);
    const r = new SheetReader(sheet);
    expect(r.rowCells(6).map((c) => c.text)).toEqual(['绩效指标', '产出指标', '质量指标', '合格率', '≥95%']);
    expect(r.rowCells(4).map((c) => c.role)).toEqual(['level1', 'level2', 'level3', 'target']);
    expect(r.unitAbove(0, 2)).toBe('元');
    expect(r.unitAbove(0, 6)).toBe('万元');
    expect(r.unitAbove(2, 7)).toBe('万元');
  });

  it('reads generated sheets with random merges as the scan does', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const words = ['三级指标', '指标值', '单位：万元', '金额（元）', '合计', '', '  ', '分值', '实际完成值'];
    for (let k = 0; k < 20; k++) {
      const values = Array.from({ length: 12 }, () =>
        Array.from({ length: 7 }, () => (rand(3) === 0 ? rand(100) : words[rand(words.length)])),
      );
      const merges: CellRange[] = [];
      const used = new Set<string>();
      for (let m = 0; m < 6; m++) {
        const top = rand(11);
        const left = rand(6);
        const range = { top, left, bottom: top + rand(2), right: left + rand(2) };
        const cells: string[] = [];
        for (let r = range.top; r <= range.bottom; r++)
          for (let c = range.left; c <= range.right; c++) cells.push(`${r},${c}`);
        if (cells.some((c) => used.has(c))) continue;
        cells.forEach((c) => used.add(c));
        merges.push(range);
      }
      expectSameAsScan(sheetFromValues(`s${k}`, values, merges));
    }
  });

  it('reads every sheet of the real budgets as the scan does', () => {
    const files = readdirSync(REAL_BUDGETS).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const wb = readXlsx(new Uint8Array(readFileSync(join(REAL_BUDGETS, f))));
      for (const sheet of wb.sheets) if (!sheet.kind) expectSameAsScan(sheet);
    }
  });
});
