/**
 * Fill values (scores, rates, grades) into cells the user left empty. Emptiness is checked again right
 * before writing, in the same Excel.run, so a value typed since the review is never overwritten.
 * Protected sheets and missing sheets are skipped with a message. Three syncs whatever the number of cells
 * (two when the caller already knows the sheets).
 */
import { toA1 } from '../core/model/address';
import { CellWrite } from '../core/model/edits';
import { Finding } from '../core/model/findings';
import { protectedSheetFinding } from './highlight';

export interface WriteResult {
  written: number;
  /** The first cell written (where the view goes after filling). */
  first?: CellWrite;
  /** Cells that were not written (no longer empty, sheet missing or protected). */
  findings: Finding[];
}

function isEmpty(value: unknown, formula: unknown): boolean {
  return (
    (value === '' || value === null || value === undefined) &&
    !(typeof formula === 'string' && formula.startsWith('='))
  );
}

/** A text value that Excel would take for a formula is written as text. */
function asCellInput(v: number | string): number | string {
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

/** Sheets as a snapshot of the same Excel.run knows them (saves the first sync). */
export interface KnownSheet {
  name: string;
  protected: boolean;
  proxy: Excel.Worksheet;
}

export async function applyWrites(
  context: Excel.RequestContext,
  writes: CellWrite[],
  known?: KnownSheet[],
): Promise<WriteResult> {
  const findings: Finding[] = [];
  if (writes.length === 0) return { written: 0, findings };

  let list = known;
  if (!list) {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/protection/protected');
    await context.sync();
    list = worksheets.items.map((w) => ({ name: w.name, protected: w.protection.protected, proxy: w }));
  }
  const sheets = new Map(list.map((s) => [s.name, s]));
  const protectedHit = new Set<string>();
  const targets: { w: CellWrite; range: Excel.Range }[] = [];
  for (const w of writes) {
    const sheet = sheets.get(w.sheet);
    if (!sheet) {
      findings.push({
        rule: 'excel/write-skipped',
        level: 'info',
        message: {
          zh: `工作表“${w.sheet}”已不存在，未写入 ${toA1(w.row, w.col)}。`,
          en: `Sheet "${w.sheet}" no longer exists; ${toA1(w.row, w.col)} was not written.`,
        },
        locations: [],
      });
      continue;
    }
    if (sheet.protected) {
      protectedHit.add(w.sheet);
      continue;
    }
    targets.push({ w, range: sheet.proxy.getRangeByIndexes(w.row, w.col, 1, 1).load('values,formulas') });
  }
  for (const name of protectedHit) findings.push(protectedSheetFinding(name, 'write'));
  if (targets.length === 0) return { written: 0, findings };
  await context.sync();

  let written = 0;
  let first: CellWrite | undefined;
  for (const { w, range } of targets) {
    if (!isEmpty(range.values[0][0], range.formulas[0][0])) {
      findings.push({
        rule: 'excel/write-skipped',
        level: 'info',
        message: {
          zh: `${w.sheet}!${toA1(w.row, w.col)} 已有内容，勾稽未覆盖。`,
          en: `${w.sheet}!${toA1(w.row, w.col)} is no longer empty; Gouji left it as it is.`,
        },
        locations: [{ sheet: w.sheet, cell: toA1(w.row, w.col) }],
      });
      continue;
    }
    if (w.numFmt) range.numberFormat = [[w.numFmt]];
    range.values = [[asCellInput(w.value)]];
    first ??= w;
    written++;
  }
  if (written > 0) await context.sync();
  return { written, first, findings };
}
