import { Workbook } from '../core/model/workbook';
import { readXlsx, XlsxReadError } from '../xlsx';
import { CliError } from './io';

/** Read an .xlsx; unreadable files become one clear line (exit 2). */
export function loadWorkbook(bytes: Uint8Array, file: string): Workbook {
  try {
    return readXlsx(bytes, file.split(/[\\/]/).pop());
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(`${file}: ${e.message}`);
    throw new CliError(`${file}: 无法读取这个工作簿 / cannot read this workbook (${(e as Error).message})`);
  }
}
