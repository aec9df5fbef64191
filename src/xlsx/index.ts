/** .xlsx files ↔ the core model: a fast reader and (in write.ts) a surgical patcher. */
export { readXlsx, XlsxReadError } from './read';
export type { XlsxReadErrorCode } from './read';
