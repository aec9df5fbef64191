/**
 * Go to a finding's cell: activate its sheet and select the cell, with rows of context above and below it.
 * Excel scrolls only as far as a selection needs, so the cell would land on the window's edge: selecting the
 * rows around it first brings them into view, then the cell itself is selected.
 */
import { parseA1 } from '../core/model/address';
import { CellRef } from '../core/model/findings';
import { GoujiExcelError } from './office';

/** Rows kept in view above and below a selected finding. */
export const CONTEXT_ROWS = 4;

export async function selectCell(context: Excel.RequestContext, ref: CellRef): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(ref.sheet);
  sheet.load('visibility');
  await context.sync();
  if (sheet.isNullObject)
    throw new GoujiExcelError(
      `找不到工作表“${ref.sheet}”（可能已改名或删除）。`,
      `Sheet "${ref.sheet}" was not found (renamed or deleted?).`,
    );
  if (sheet.visibility !== 'Visible')
    throw new GoujiExcelError(
      `工作表“${ref.sheet}”已隐藏，取消隐藏后才能定位到 ${ref.cell}。`,
      `Sheet "${ref.sheet}" is hidden; unhide it to go to ${ref.cell}.`,
    );
  queueSelect(sheet, ref.cell);
  await context.sync();
}

/** Queue activating the sheet and selecting the cell with context around it (the caller syncs). */
export function queueSelect(sheet: Excel.Worksheet, cell: string): void {
  sheet.activate();
  const { row, col } = parseA1(cell);
  const top = Math.max(0, row - CONTEXT_ROWS);
  sheet.getRangeByIndexes(top, col, row - top + CONTEXT_ROWS + 1, 1).select();
  sheet.getRange(cell).select();
}

/**
 * Go to a cell just changed, in a sync of its own: the change is already saved, so a sheet that cannot be
 * shown (hidden since) costs only the scrolling.
 */
export async function showChanged(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  cell: string,
): Promise<void> {
  try {
    queueSelect(sheet, cell);
    await context.sync();
  } catch {
    // the cells are written; not going there is harmless
  }
}
