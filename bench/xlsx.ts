/**
 * Reader speed: a 20,000-row × 12-column sheet (ExcelJS-made, shared strings) and the 12 real budget workbooks.
 * Run: npx tsx bench/xlsx-read.ts   Target: the big sheet well under 1 s.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../src/xlsx/read';

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

function time(label: string, fn: () => void, runs = 5): void {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(runs / 2)].toFixed(1)} ms, best ${ms[0].toFixed(1)} ms`);
}

async function main(): Promise<void> {
  const big = await bigSheet(20000, 12);
  console.log(`big sheet: ${(big.length / 1024).toFixed(0)} KiB`);
  time('readXlsx 20,000 × 12', () => readXlsx(big));
  const dir = '/work/shared/real-budgets';
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => readFileSync(join(dir, f)));
  time(`readXlsx ${files.length} real budget workbooks`, () => files.forEach((b) => readXlsx(b)));
}

void main();
