/** .xlsx files ↔ the core model: a fast reader and a surgical patcher that leaves untouched parts byte-identical. */
export { readXlsx, XlsxReadError } from './read';
export type { XlsxReadErrorCode } from './read';
export { patchXlsx, gouJiOwnedSheets, XlsxWriteError, OWNER_NAME } from './write';
export type { WorkbookEdits } from './write';
