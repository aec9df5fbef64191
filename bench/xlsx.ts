/**
 * .xlsx layer speed: read and patch a 20,000-row × 12-column sheet (ExcelJS-made, shared strings), and the
 * 12 real budget workbooks. Run: npx tsx bench/xlsx.ts   Target: the big sheet reads well under 1 s.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { patchXlsx, readXlsx } from '../src/xlsx';
import { median } from './stats';

async function bigSheet(rows: number, cols: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('big');
  for (let r = 1; r <= rows; r++) {
    const row: (string | number)[] = [];
    for (let c = 0; c < cols; c++) row.push(c % 3 === 0 ? `项目${r}-${c}` : r * 1.25 + c);
    ws.addRow(row);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Wall and CPU time (CPU time is steadier on a shared, loaded machine). */
function time(label: string, fn: () => void, runs = 5): void {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(`${label}: median wall ${median(wall).toFixed(0)} ms, median CPU ${median(cpu).toFixed(0)} ms`);
}

async function main(): Promise<void> {
  const big = await bigSheet(20000, 12);
  console.log(`big sheet: ${(big.length / 1024).toFixed(0)} KiB`);
  time('readXlsx 20,000 × 12', () => readXlsx(big));
  const dir = join(__dirname, '..', 'test', 'data', 'real-budgets');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => readFileSync(join(dir, f)));
  time(`readXlsx ${files.length} real budget workbooks`, () => files.forEach((b) => readXlsx(b)));
  const highlights = Array.from({ length: 200 }, (_, i) => ({
    sheet: 'big',
    row: i * 97,
    col: i % 12,
    level: 'error' as const,
    note: `第 ${i + 1} 处问题`,
  }));
  time('patchXlsx 20,000 × 12 with 200 highlights + notes', () => patchXlsx(big, { highlights }));
  time('patchXlsx 20,000 × 12 with no edits', () => patchXlsx(big, {}));
  time(`patchXlsx ${files.length} real budget workbooks, 1 highlight each`, () =>
    files.forEach((b) =>
      patchXlsx(b, {
        highlights: [{ sheet: readXlsx(b).sheets[0].name, row: 4, col: 1, level: 'warning', note: '核对' }],
      }),
    ),
  );
}

void main();
