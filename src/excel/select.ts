/** Go to a finding's cell: activate its sheet and select the cell. */
import { CellRef } from '../core/model/findings';
import { GoujiExcelError } from './office';

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
  sheet.activate();
  sheet.getRange(ref.cell).select();
  await context.sync();
}
