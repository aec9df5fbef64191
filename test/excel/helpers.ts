/** Shared by the Excel adapter tests: the bundled sample in the fake, snapshots of what a user would see. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Workbook, Sheet } from '../../src/core/model/workbook';
import { FakeDocument, FakeOffice } from '../../src/excel/fake';
import { readXlsx } from '../../src/xlsx';

export const FIXTURE = join(__dirname, '..', 'fixtures', 'jiyuan-2021-budget.xlsx');

export function sampleWorkbook(): Workbook {
  return readXlsx(new Uint8Array(readFileSync(FIXTURE)), 'jiyuan-2021-budget.xlsx');
}

/** The workbook with every sheet repeated `times` times (names made unique). */
export function multiplied(wb: Workbook, times: number): Workbook {
  const sheets: Sheet[] = [];
  for (let i = 0; i < times; i++)
    for (const s of wb.sheets) {
      const copy: Sheet = JSON.parse(JSON.stringify(s));
      if (i > 0) copy.name = `${s.name.slice(0, 26)}_${i + 1}`;
      sheets.push(copy);
    }
  return { name: wb.name, sheets };
}

export interface CellState {
  value: unknown;
  formula: unknown;
  numberFormat: string;
  fill: string;
}

/**
 * What a user sees of every cell in every sheet's used range, read through the Office.js API itself:
 * value, formula, number format and fill (format.fill.color, "No Fill" reads back #FFFFFF).
 */
export async function userView(): Promise<Record<string, Record<string, CellState>>> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const used = sheets.items.map((s) =>
      s
        .getUsedRangeOrNullObject(false)
        .load('rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat'),
    );
    await context.sync();
    const fills: { sheet: string; key: string; fill: Excel.RangeFill }[] = [];
    sheets.items.forEach((s, i) => {
      const u = used[i];
      if (u.isNullObject) return;
      for (let r = 0; r < u.rowCount; r++)
        for (let c = 0; c < u.columnCount; c++)
          fills.push({
            sheet: s.name,
            key: `${u.rowIndex + r},${u.columnIndex + c}`,
            fill: s.getCell(u.rowIndex + r, u.columnIndex + c).format.fill.load('color'),
          });
    });
    await context.sync();
    const out: Record<string, Record<string, CellState>> = {};
    sheets.items.forEach((s, i) => {
      const u = used[i];
      const cells: Record<string, CellState> = {};
      out[s.name] = cells;
      if (u.isNullObject) return;
      for (let r = 0; r < u.rowCount; r++)
        for (let c = 0; c < u.columnCount; c++)
          cells[`${u.rowIndex + r},${u.columnIndex + c}`] = {
            value: u.values[r][c],
            formula: u.formulas[r][c],
            numberFormat: u.numberFormat[r][c],
            fill: '',
          };
    });
    for (const f of fills) out[f.sheet][f.key].fill = f.fill.color;
    return out;
  });
}

/** Everything else Gouji could leave behind: rules, notes, comments, parts, merges. */
export function documentExtras(doc: FakeDocument) {
  return {
    rules: doc.sheets.map((s) => [
      s.name,
      JSON.parse(JSON.stringify(s.conditionalFormats.map((c) => ({ ...c, id: '' })))),
    ]),
    notes: doc.sheets.map((s) => [s.name, s.notes.map((n) => ({ ...n }))]),
    merges: doc.sheets.map((s) => [s.name, s.merges.map((m) => ({ ...m }))]),
    comments: doc.comments.map((c) => ({ ...c })),
    parts: doc.xmlParts.map((p) => p.namespaceUri),
    sheets: doc.sheets.map((s) => [s.name, s.visibility, s.protected]),
  };
}

export function ruleCount(doc: FakeDocument): number {
  return doc.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
}

export function noteCount(doc: FakeDocument): number {
  return doc.sheets.reduce((n, s) => n + s.notes.length, 0);
}

/** Syncs made by `fn` (all Excel.run calls in it). */
export async function countSyncs<T>(
  fake: FakeOffice,
  fn: () => Promise<T>,
): Promise<{ syncs: number; result: T }> {
  const before = fake.syncCount;
  const result = await fn();
  return { syncs: fake.syncCount - before, result };
}
