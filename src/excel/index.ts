/** The Office.js adapter: the open workbook in, highlights / values / the summary sheet out. */
export { createExcelHost } from './host';
export type { ExcelHostOptions } from './host';
export { readWorkbook, readSnapshot, nextGroup, DEFAULT_MAX_PAYLOAD, DEFAULT_BYTES_PER_CELL } from './read';
export type { ReadOptions, Snapshot, SheetHandle } from './read';
export { applyHighlights, clearHighlights, runsOf } from './highlight';
export type { HighlightOptions, HighlightResult } from './highlight';
export { applyWrites } from './writes';
export type { WriteResult } from './writes';
export { writeSummarySheet } from './summary';
export { selectCell } from './select';
export { features, runExcel, supports, GoujiExcelError, OWNER_NAME } from './office';
export { RECORD_NAMESPACE, recordFromXml, recordToXml } from './record';
export type { GoujiRecord } from './record';
