/**
 * A new .xlsx package from scratch, holding only sheets Gouji writes as a whole (SheetSpec): the batch
 * review workbook. Same sheet writer (cells, Excel tables, charts) as the summary sheet in a user's file.
 */
import { SheetSpec } from '../core/model/edits';
import { checkSheetName, NewSheetContext, writeNewSheet } from './new-sheet';
import { Package } from './package';
import { CT, PackageWriter } from './pkg-writer';
import { XlsxWriteError } from './sheet-edit';
import { StylesEditor } from './styles-edit';
import { escapeAttr } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKBOOK = 'xl/workbook.xml';

/** Build a workbook whose sheets are exactly `sheets`, in order (the first is active). */
export function newXlsx(sheets: SheetSpec[]): Uint8Array {
  if (sheets.length === 0) throw new XlsxWriteError('工作簿至少需要一个工作表 (A workbook needs a sheet.)');
  const names = new Set<string>();
  for (const s of sheets) {
    checkSheetName(s.name);
    if (names.has(s.name.toLowerCase()))
      throw new XlsxWriteError(`新工作表名称重复：${s.name} (Two new sheets are both named "${s.name}".)`);
    names.add(s.name.toLowerCase());
  }
  const w = new PackageWriter(new Package(new Map()));
  w.setText(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      `<Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      '</Types>',
  );
  w.addPart(WORKBOOK, '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
  w.addRel('', 'officeDocument', WORKBOOK);
  const styles = new StylesEditor(undefined);
  const ctx: NewSheetContext = { w, styles, usedNames: new Set(), nextTableId: 1 };
  let sheetXml = '';
  sheets.forEach((spec, i) => {
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    writeNewSheet(ctx, spec, part);
    const rId = w.addRel(WORKBOOK, 'worksheet', part);
    sheetXml += `<sheet name="${escapeAttr(spec.name)}" sheetId="${i + 1}" r:id="${rId}"/>`;
  });
  w.addPart('xl/styles.xml', styles.toXml(), CT.styles);
  w.addRel(WORKBOOK, 'styles', 'xl/styles.xml');
  w.setText(
    WORKBOOK,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetXml}</sheets></workbook>`,
  );
  return w.finish();
}
