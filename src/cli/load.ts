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
