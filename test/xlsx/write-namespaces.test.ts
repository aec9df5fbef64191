/**
 * The writer qualifies every element it inserts from the namespace bindings in force where it goes, whatever
 * declaration style the producer used: xmlns:r only on the elements that use it (openpyxl), x:-prefixed
 * SpreadsheetML (OpenXML SDK / NPOI), an unusual prefix for the relationships namespace, prefixed
 * [Content_Types].xml. Outputs are read with saxes (namespace-aware) and each new element's namespace checked.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { patchXlsx, readXlsx, XlsxReadError, XlsxWriteError } from '../../src/xlsx';
import { xmlProblem } from '../../src/xlsx/validate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PREL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CTNS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WS_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

interface El {
  uri: string;
  local: string;
  attrs: { uri: string; local: string; value: string }[];
}

/** Every element of a document with its resolved namespace; throws on any parse or namespace error. */
function elements(xml: string): El[] {
  const problem = xmlProblem(xml);
  if (problem) throw new Error(problem);
  const out: El[] = [];
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', (t) =>
    out.push({
      uri: t.uri,
      local: t.local,
      attrs: Object.values(t.attributes).map((a) => ({ uri: a.uri, local: a.local, value: a.value })),
    }),
  );
  p.write(xml).close();
  return out;
}

function pkg(parts: Record<string, string>, contentTypes: string | null = null): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const ct =
    contentTypes ??
    `<Types xmlns="${CTNS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WS_CT}"/></Types>`;
  if (contentTypes !== '') files['[Content_Types].xml'] = strToU8(ct);
  files['_rels/.rels'] = strToU8(
    `<Relationships xmlns="${PREL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="${PREL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
  return zipSync(files);
}

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (name: string) => strFromU8(files[name]);
};

/** The only element of that local name, checked to be in the main namespace. */
function one(xml: string, local: string): El {
  const found = elements(xml).filter((e) => e.local === local);
  expect(found).toHaveLength(1);
  expect(found[0].uri).toBe(MAIN);
  return found[0];
}
const relId = (e: El) => e.attrs.find((a) => a.local === 'id' && a.uri === REL)?.value;

const OPENPYXL_WORKBOOK = `<workbook xmlns="${MAIN}"><workbookPr/><sheets><sheet xmlns:r="${REL}" name="S" sheetId="1" state="visible" r:id="rId1"/></sheets><definedNames/><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>`;

test('openpyxl: xmlns:r only on <sheet> and <hyperlink> — a new sheet and a note get their own r binding', () => {
  const sheet = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><hyperlinks><hyperlink xmlns:r="${REL}" ref="A1" r:id="rId9"/></hyperlinks></worksheet>`;
  const src = pkg({ 'xl/workbook.xml': OPENPYXL_WORKBOOK, 'xl/worksheets/sheet1.xml': sheet });
  const out = patchXlsx(src, {
    highlights: [{ sheet: 'S', row: 0, col: 0, level: 'error', note: '合计不符' }],
    addSheets: [{ name: '审核汇总', owner: 'gouji', merges: [], cells: [{ row: 0, col: 0, value: '汇总' }] }],
  });
  const get = parts(out);
  const added = elements(get('xl/workbook.xml')).filter((e) => e.local === 'sheet');
  expect(added.map((e) => e.uri)).toEqual([MAIN, MAIN]);
  expect(relId(added[1])).toMatch(/^rId\d+$/);
  const legacy = one(get('xl/worksheets/sheet1.xml'), 'legacyDrawing');
  expect(relId(legacy)).toMatch(/^rId\d+$/);
  // the owner mark goes into the self-closed <definedNames/>
  expect(one(get('xl/workbook.xml'), 'definedName').attrs.find((a) => a.local === 'name')?.value).toBe(
    '_gouji_owner',
  );
  expect(readXlsx(out).sheets.map((s) => s.name)).toEqual(['S', '审核汇总']);
});

const X = `xmlns:x="${MAIN}"`;

test('x:-prefixed SpreadsheetML: new cells, rows, styles, comments and sheets are in the main namespace', () => {
  const workbook = `<x:workbook ${X}><x:sheets><x:sheet xmlns:r="${REL}" name="S" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
  const sheet = `<x:worksheet ${X}><x:dimension ref="A1:B1"/><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>5</x:v></x:c><x:c r="B1"/></x:row></x:sheetData></x:worksheet>`;
  const styles = `<x:styleSheet ${X}><x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>`;
  const src = pkg(
    {
      'xl/workbook.xml': workbook,
      'xl/worksheets/sheet1.xml': sheet,
      'xl/styles.xml': styles,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PREL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    `<Types xmlns="${CTNS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WS_CT}"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  const out = patchXlsx(src, {
    writes: [
      { sheet: 'S', row: 0, col: 1, value: 0.5, numFmt: '0.00%' },
      { sheet: 'S', row: 4, col: 2, value: '新行' },
    ],
    highlights: [{ sheet: 'S', row: 0, col: 0, level: 'warning', note: '请核对' }],
    addSheets: [
      { name: '汇总', owner: 'gouji', merges: [], cells: [{ row: 0, col: 0, value: 'x', bold: true }] },
    ],
  });
  const get = parts(out);
  const ws = elements(get('xl/worksheets/sheet1.xml'));
  expect(ws.filter((e) => e.uri !== MAIN)).toEqual([]);
  expect(ws.filter((e) => e.local === 'c')).toHaveLength(3);
  expect(ws.filter((e) => e.local === 'row').map((e) => e.attrs[0].value)).toEqual(['1', '5']);
  expect(relId(one(get('xl/worksheets/sheet1.xml'), 'legacyDrawing'))).toMatch(/^rId\d+$/);
  expect(elements(get('xl/styles.xml')).filter((e) => e.uri !== MAIN)).toEqual([]);
  expect(elements(get('xl/workbook.xml')).filter((e) => e.uri !== MAIN)).toEqual([]);
  const wb = readXlsx(out);
  expect(wb.sheets.map((s) => s.name)).toEqual(['S', '汇总']);
});

test('existing x:-prefixed comments and a relationships prefix other than r are reused, not guessed', () => {
  const sheet = `<worksheet xmlns="${MAIN}" xmlns:rel="${REL}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><hyperlinks><hyperlink ref="A1" rel:id="rId5"/></hyperlinks></worksheet>`;
  const comments = `<x:comments ${X}><x:authors><x:author>Ann</x:author></x:authors><x:commentList><x:comment ref="A1" authorId="0"><x:text><x:r><x:t>mine</x:t></x:r></x:text></x:comment></x:commentList></x:comments>`;
  const src = pkg(
    {
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/worksheets/sheet1.xml': sheet,
      'xl/comments1.xml': comments,
      'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="${PREL}"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>`,
    },
    `<ct:Types xmlns:ct="${CTNS}"><ct:Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><ct:Default Extension="xml" ContentType="application/xml"/><ct:Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WS_CT}"/><ct:Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></ct:Types>`,
  );
  const out = patchXlsx(src, {
    highlights: [
      { sheet: 'S', row: 0, col: 0, level: 'error', note: '新批注' },
      { sheet: 'S', row: 1, col: 1, level: 'info', note: '另一条' },
    ],
  });
  const get = parts(out);
  const legacy = get('xl/worksheets/sheet1.xml').match(/<legacyDrawing[^>]*>/)?.[0];
  expect(legacy).toMatch(/^<legacyDrawing rel:id="rId\d+"\/>$/);
  const c = elements(get('xl/comments1.xml'));
  expect(c.filter((e) => e.uri !== MAIN)).toEqual([]);
  expect(c.filter((e) => e.local === 'author')).toHaveLength(2);
  expect(c.filter((e) => e.local === 'comment')).toHaveLength(2);
  const types = elements(get('[Content_Types].xml'));
  expect(types.every((e) => e.uri === CTNS)).toBe(true);
  expect(types.find((e) => e.local === 'Default' && e.attrs.some((a) => a.value === 'vml'))).toBeDefined();
  expect(elements(get('xl/drawings/vmlDrawing1.vml')).length).toBeGreaterThan(3);
});

test('a package without [Content_Types].xml is never written back with a broken one', () => {
  const src = pkg(
    {
      'xl/workbook.xml': OPENPYXL_WORKBOOK,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
    },
    '',
  );
  let error: unknown;
  try {
    patchXlsx(src, { highlights: [{ sheet: 'S', row: 0, col: 0, level: 'error', note: 'n' }] });
  } catch (e) {
    error = e;
  }
  expect(error instanceof XlsxWriteError || error instanceof XlsxReadError).toBe(true);
  expect(String((error as Error).message)).toMatch(/Content_Types/);
});

test('a package whose [Content_Types].xml has no <Types> root is refused even for a plain cell write', () => {
  const src = pkg(
    {
      'xl/workbook.xml': OPENPYXL_WORKBOOK,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
    },
    '<?xml version="1.0"?>',
  );
  let error: unknown;
  try {
    patchXlsx(src, { writes: [{ sheet: 'S', row: 0, col: 0, value: 1 }] });
  } catch (e) {
    error = e;
  }
  expect(error instanceof XlsxWriteError || error instanceof XlsxReadError).toBe(true);
});
