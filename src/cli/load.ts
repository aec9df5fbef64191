import { CellWrite } from '../core/model/edits';
import { Finding } from '../core/model/findings';
import { Workbook } from '../core/model/workbook';
import { gouJiOwnedSheets, readXlsx, XlsxReadError } from '../xlsx';
import { CliError } from './io';

/** Read an .xlsx; unreadable files become one clear line (exit 2). Sheets Gouji wrote are marked. */
export function loadWorkbook(bytes: Uint8Array, file: string): Workbook {
  let workbook: Workbook;
  try {
    workbook = readXlsx(bytes, file.split(/[\\/]/).pop());
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(`${file}: ${e.message}`);
    throw new CliError(`${file}: 无法读取这个工作簿 / cannot read this workbook (${(e as Error).message})`);
  }
  const owned = new Set(gouJiOwnedSheets(bytes));
  for (const s of workbook.sheets) if (owned.has(s.name)) s.generatedBy = 'gouji';
  return workbook;
}

/** Writes into protected sheets are dropped, with one finding per sheet saying so (as the add-in does). */
export function skipProtected(
  workbook: Workbook,
  writes: CellWrite[],
): { writes: CellWrite[]; findings: Finding[] } {
  const locked = new Set(workbook.sheets.filter((s) => s.protected).map((s) => s.name));
  const kept = writes.filter((w) => !locked.has(w.sheet));
  const findings: Finding[] = [...new Set(writes.filter((w) => locked.has(w.sheet)).map((w) => w.sheet))].map(
    (sheet) => ({
      rule: 'workbook/protected-sheet',
      level: 'warning',
      message: {
        zh: `工作表“${sheet}”受保护，评分未写入；请取消保护后再填充。`,
        en: `The sheet "${sheet}" is protected, so no score was written; unprotect it and fill again.`,
      },
      locations: [{ sheet, cell: 'A1' }],
    }),
  );
  return { writes: kept, findings };
}
