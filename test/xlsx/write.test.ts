import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { LEVEL_FILL, SheetSpec } from '../../src/core/model/edits';
import { getCell } from '../../src/core/model/workbook';
import { gouJiOwnedSheets, patchXlsx, readXlsx, XlsxWriteError } from '../../src/xlsx';
import { readZip } from '../../src/xlsx/zip';
import { excelJsBytes, minimalXlsx } from './helpers';
import { REAL_BUDGETS } from '../helpers/data';

const REAL = REAL_BUDGETS;
const realFiles = readdirSync(REAL).filter((f) => f.endsWith('.xlsx'));
const YANTAI = readFileSync(join(REAL, '烟台-信访局-2026-预算.xlsx'));
const S1 = '表1 收支总表';

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const text = (bytes: Uint8Array, part: string) => strFromU8(parts(bytes)[part]);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Raw <c> elements of a sheet XML by reference. */
function cellElements(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\s[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g))
    out.set(/\br="([A-Z]+\d+)"/.exec(m[0])?.[1] ?? '', m[0]);
  return out;
}

/** Attributes of cellXfs entry `s`, and the fill XML it points at. */
function xfOf(bytes: Uint8Array, s: number): { attrs: Record<string, string>; xml: string; fill: string } {
  const styles = text(bytes, 'xl/styles.xml');
  const xfs = [
    ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(
      /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g,
    ),
  ].map((m) => m[0]);
  const fills = [
    ...(/<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? '').matchAll(
      /<fill\b[^>]*?(?:\/>|>[\s\S]*?<\/fill>)/g,
    ),
  ].map((m) => m[0]);
  const xml = xfs[s];
  const attrs: Record<string, string> = {};
  for (const m of /^<xf\b[^>]*>/.exec(xml)?.[0].matchAll(/(\w+)="([^"]*)"/g) ?? []) attrs[m[1]] = m[2];
  return { attrs, xml, fill: fills[Number(attrs.fillId ?? 0)] };
}

const styleIndex = (cellXml: string) => Number(/\bs="(\d+)"/.exec(cellXml)?.[1] ?? 0);

async function excelJsFixture(): Promise<Uint8Array> {
  return excelJsBytes((wb) => {
    const ws = wb.addWorksheet('数据');
    ws.columns = [{ width: 24 }, { width: 14 }, { width: 14 }];
    ws.getCell('A1').value = '项目';
    ws.getCell('A1').font = { bold: true };
    ws.getCell('A1').note = '用户批注';
    ws.getCell('B1').value = '金额';
    ws.getCell('A2').value = '甲';
    ws.getCell('B2').value = 1234.5;
    ws.getCell('B2').numFmt = '#,##0.00';
    ws.getCell('B2').border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    ws.getCell('A3').value = '乙';
    ws.getCell('B3').value = 10;
    ws.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 1244.5 };
    ws.getCell('C2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    ws.mergeCells('A6:C6');
    ws.getCell('A6').value = '注：单位万元';
    const hidden = wb.addWorksheet('隐藏');
    hidden.state = 'hidden';
    hidden.getCell('A1').value = 1;
    wb.definedNames.add("'数据'!$B$2:$B$3", '金额区');
  });
}

function summarySpec(name = '勾稽审核', extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    owner: 'gouji',
    freezeRows: 1,
    colWidths: [18, 12, 40],
    cells: [
      { row: 0, col: 0, value: '表', bold: true, fill: 'FFDDEBF7' },
      { row: 0, col: 1, value: '问题数', bold: true },
      { row: 0, col: 2, value: '说明', bold: true },
      { row: 1, col: 0, value: '表1', link: { sheet: S1, cell: 'B5' } },
      { row: 1, col: 1, value: 3, numFmt: '0' },
      { row: 1, col: 2, value: '收入合计与支出合计不一致\n第二行', wrap: true },
      { row: 2, col: 0, value: '表2', link: { sheet: "Bob's 表", cell: 'C20' } },
      { row: 2, col: 1, value: 1 },
      { row: 3, col: 0, value: '表3' },
      { row: 3, col: 1, value: 2 },
      { row: 5, col: 0, value: '合并说明' },
    ],
    merges: [{ top: 5, left: 0, bottom: 5, right: 2 }],
    tables: [{ name: 'Findings', range: { top: 0, left: 0, bottom: 3, right: 2 } }],
    charts: [
      {
        title: '问题分布',
        kind: 'column',
        categories: { top: 1, left: 0, bottom: 3, right: 0 },
        values: { top: 1, left: 1, bottom: 3, right: 1 },
        seriesName: '问题数',
        anchor: { top: 7, left: 0, bottom: 20, right: 5 },
      },
    ],
    ...extra,
  };
}

describe('patchXlsx with no edits keeps everything', () => {
  test.each(realFiles)(
    '%s: every part byte-identical (compressed bytes too) and the model unchanged',
    (file) => {
      const src = readFileSync(join(REAL, file));
      const out = patchXlsx(src, {});
      const a = readZip(src);
      const b = readZip(out);
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [name, e] of a)
        expect(sameBytes((b.get(name) as typeof e).compressed, e.compressed)).toBe(true);
      expect(readXlsx(out)).toEqual(readXlsx(src));
    },
  );

  test('ExcelJS workbook with formulas, merges, styles, comments, hidden sheet, defined name', async () => {
    const src = await excelJsFixture();
    const out = patchXlsx(src, {});
    const a = parts(src);
    const b = parts(out);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) expect(sameBytes(b[k], a[k])).toBe(true);
    expect(readXlsx(out)).toEqual(readXlsx(src));
  });
});

describe('highlights', () => {
  const out = patchXlsx(YANTAI, {
    highlights: [
      { sheet: S1, row: 4, col: 1, level: 'error', note: '收入合计与支出合计不一致' },
      { sheet: S1, row: 4, col: 3, level: 'error', note: '另一处' },
      { sheet: S1, row: 5, col: 3, level: 'warning', note: '请核对 <&> "引号"' },
    ],
  });

  test('values, number formats and bold read back exactly as before', () => {
    expect(readXlsx(out)).toEqual(readXlsx(YANTAI));
  });

  test('the new style keeps numFmt, font, border and alignment, and adds the level fill', () => {
    const before = cellElements(text(YANTAI, 'xl/worksheets/sheet1.xml'));
    const after = cellElements(text(out, 'xl/worksheets/sheet1.xml'));
    const oldXf = xfOf(YANTAI, styleIndex(before.get('B5') as string));
    const newS = styleIndex(after.get('B5') as string);
    const newXf = xfOf(out, newS);
    expect(newS).not.toBe(styleIndex(before.get('B5') as string));
    for (const a of ['numFmtId', 'fontId', 'borderId', 'xfId']) expect(newXf.attrs[a]).toBe(oldXf.attrs[a]);
    expect(newXf.xml.replace(/^<xf[^>]*>/, '')).toBe(oldXf.xml.replace(/^<xf[^>]*>/, '')); // same children (alignment)
    expect(newXf.fill).toContain(`rgb="${LEVEL_FILL.error}"`);
    expect(newXf.fill).toContain('patternType="solid"');
    // D5 had the same style and the same level: the new xf is shared, not duplicated.
    expect(styleIndex(after.get('D5') as string)).toBe(newS);
    expect(xfOf(out, styleIndex(after.get('D6') as string)).fill).toContain(`rgb="${LEVEL_FILL.warning}"`);
  });

  test('only the touched <c> elements change; other parts stay byte-identical', () => {
    const before = cellElements(text(YANTAI, 'xl/worksheets/sheet1.xml'));
    const after = cellElements(text(out, 'xl/worksheets/sheet1.xml'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    const changed = [...before.keys()].filter((k) => before.get(k) !== after.get(k));
    expect(changed.sort()).toEqual(['B5', 'D5', 'D6']);
    const a = parts(YANTAI);
    const b = parts(out);
    const touched = ['[Content_Types].xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'];
    for (const k of Object.keys(a)) if (!touched.includes(k)) expect(sameBytes(b[k], a[k])).toBe(true);
    expect(
      Object.keys(b)
        .filter((k) => !(k in a))
        .sort(),
    ).toEqual(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/sheet1.xml.rels']);
  });

  test('notes: comments part (author Gouji) + VML shapes + rels + content types', () => {
    const comments = text(out, 'xl/comments1.xml');
    expect(comments).toContain('<author>Gouji</author>');
    expect(comments).toContain('收入合计与支出合计不一致');
    expect(comments).toContain('请核对 &lt;&amp;&gt; "引号"');
    expect(comments.match(/<comment /g)).toHaveLength(3);
    const vml = text(out, 'xl/drawings/vmlDrawing1.vml');
    expect(vml.match(/<v:shape /g)).toHaveLength(3);
    expect(vml).toContain('<x:Row>4</x:Row><x:Column>1</x:Column>');
    const rels = text(out, 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(rels).toMatch(/relationships\/comments" Target="\.\.\/comments1\.xml"/);
    expect(rels).toMatch(/relationships\/vmlDrawing" Target="\.\.\/drawings\/vmlDrawing1\.vml"/);
    expect(text(out, 'xl/worksheets/sheet1.xml')).toMatch(
      /<legacyDrawing [^>]*r:id="rId\d+"\/><\/worksheet>$/,
    );
    const ct = text(out, '[Content_Types].xml');
    expect(ct).toContain('Extension="vml"');
    expect(ct).toContain('PartName="/xl/comments1.xml"');
  });

  test('ExcelJS (second opinion) sees fill, border, number format and note', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet(S1)?.getCell('B5') as ExcelJS.Cell;
    expect(cell.value).toBe(1717.85);
    expect(cell.numFmt).toBe('#,##0.00');
    expect(cell.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: LEVEL_FILL.error } });
    expect(cell.border.left?.style).toBe('thin');
    expect(JSON.stringify(cell.note)).toContain('收入合计与支出合计不一致');
  });

  test('existing comments are kept; a note on an already-commented cell is appended; a re-run adds nothing twice', async () => {
    const src = await excelJsFixture();
    const once = patchXlsx(src, {
      highlights: [
        { sheet: '数据', row: 0, col: 0, level: 'info', note: '勾稽说明' },
        { sheet: '数据', row: 1, col: 1, level: 'error', note: '金额有误' },
      ],
    });
    const commentsPart = Object.keys(parts(src)).find((k) => /comments\d*\.xml$/.test(k)) as string;
    const vmlPart = Object.keys(parts(src)).find((k) => k.endsWith('.vml')) as string;
    expect(
      Object.keys(parts(once))
        .filter((k) => /comments|\.vml$/.test(k))
        .sort(),
    ).toEqual([commentsPart, vmlPart].sort());
    const comments = text(once, commentsPart);
    expect(comments).toMatch(/用户批注[\s\S]*勾稽说明/); // same comment, appended
    expect(comments).toContain('金额有误');
    expect(text(once, vmlPart).match(/<v:shape /g)).toHaveLength(2); // A1's own + B2's new
    const twice = patchXlsx(once, {
      highlights: [{ sheet: '数据', row: 1, col: 1, level: 'error', note: '金额有误' }],
    });
    expect(text(twice, commentsPart).match(/金额有误/g)).toHaveLength(1);
    expect(text(twice, vmlPart).match(/<v:shape /g)).toHaveLength(2);
    // The B2 style keeps its double bottom border and number format.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(once) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('数据') as ExcelJS.Worksheet;
    expect(ws.getCell('B2').border.bottom?.style).toBe('double');
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(JSON.stringify(ws.getCell('A1').note)).toContain('用户批注');
    expect(JSON.stringify(ws.getCell('B2').note)).toContain('金额有误');
    expect(readXlsx(once)).toEqual(readXlsx(src));
  });
});

describe('writes', () => {
  test('land in empty cells: a styled empty cell, a missing cell, a new row; numFmt added or reused', () => {
    const out = patchXlsx(YANTAI, {
      writes: [
        { sheet: S1, row: 6, col: 1, value: 0.125, numFmt: '0.00%' }, // <c r="B7" s="7" t="n" />
        { sheet: S1, row: 6, col: 5, value: '备注 & <说明>' }, // F7: no element yet
        { sheet: S1, row: 49, col: 2, value: 12.345, numFmt: '#,##0.000' }, // row 50 does not exist
      ],
    });
    const s = readXlsx(out).sheets[0];
    expect(getCell(s, 6, 1)).toMatchObject({ value: 0.125, numFmt: '0.00%' });
    expect(getCell(s, 6, 5)?.value).toBe('备注 & <说明>');
    expect(getCell(s, 49, 2)).toMatchObject({ value: 12.345, numFmt: '#,##0.000' });
    const xml = text(out, 'xl/worksheets/sheet1.xml');
    const cells = cellElements(xml);
    const oldXf = xfOf(YANTAI, 7);
    const newXf = xfOf(out, styleIndex(cells.get('B7') as string));
    expect(newXf.attrs.borderId).toBe(oldXf.attrs.borderId);
    expect(newXf.attrs.numFmtId).toBe('10'); // built-in 0.00%
    expect(text(out, 'xl/styles.xml')).toMatch(/<numFmt numFmtId="16\d" formatCode="#,##0.000"\/>/);
    expect(xml).toMatch(/<\/row><row r="50"><c r="C50"[^>]*><v>12.345<\/v><\/c><\/row><\/sheetData>/);
    expect(/<dimension ref="([^"]*)"/.exec(xml)?.[1]).toBe('A1:F50');
    // Everything else read back unchanged.
    const before = readXlsx(YANTAI).sheets[0];
    for (let r = 0; r < before.rows.length; r++)
      for (let c = 0; c < 4; c++)
        if (!(r === 6 && c === 1)) expect(getCell(s, r, c)).toEqual(getCell(before, r, c));
  });

  test('writing into a formula cell, a non-empty cell or inside a merge throws a clear error', async () => {
    const src = await excelJsFixture();
    const attempt = (row: number, col: number) => () =>
      patchXlsx(src, { writes: [{ sheet: '数据', row, col, value: 1 }] });
    expect(attempt(3, 1)).toThrow(XlsxWriteError);
    expect(attempt(3, 1)).toThrow(/数据!B4.*formula/);
    expect(attempt(1, 1)).toThrow(/数据!B2.*not empty/);
    expect(attempt(5, 1)).toThrow(/数据!B6.*merged/);
    expect(attempt(5, 0)).toThrow(/not empty/); // the merge's top-left cell holds text
    expect(() => patchXlsx(src, { writes: [{ sheet: '没有', row: 0, col: 0, value: 1 }] })).toThrow(
      /not found/,
    );
    expect(() => patchXlsx(src, { writes: [{ sheet: '数据', row: -1, col: 0, value: 1 }] })).toThrow(
      /Invalid cell/,
    );
    expect(() =>
      patchXlsx(src, {
        writes: [
          { sheet: '数据', row: 9, col: 0, value: 1 },
          { sheet: '数据', row: 9, col: 0, value: 2 },
        ],
      }),
    ).toThrow(/same cell/);
    // A write into an empty cell of the same file works.
    expect(
      getCell(
        readXlsx(patchXlsx(src, { writes: [{ sheet: '数据', row: 2, col: 2, value: 7 }] })).sheets[0],
        2,
        2,
      )?.value,
    ).toBe(7);
  });

  test('a package without styles.xml and with <sheetData/> gets both created', () => {
    const src = minimalXlsx([{ name: 'S', body: '<dimension ref="A1"/><sheetData/>' }]);
    const out = patchXlsx(src, {
      writes: [{ sheet: 'S', row: 2, col: 1, value: 3.5, numFmt: '0.0' }],
      highlights: [{ sheet: 'S', row: 0, col: 0, level: 'info', note: '空表' }],
    });
    const s = readXlsx(out).sheets[0];
    expect(getCell(s, 2, 1)).toMatchObject({ value: 3.5, numFmt: '0.0' });
    expect(text(out, 'xl/_rels/workbook.xml.rels')).toContain('relationships/styles');
    expect(text(out, '[Content_Types].xml')).toContain('/xl/styles.xml');
    expect(text(out, 'xl/worksheets/sheet1.xml')).toContain('<dimension ref="A1:B3"/>');
  });
});

describe('addSheets / removeSheets', () => {
  const out = patchXlsx(YANTAI, { addSheets: [summarySpec()] });

  test('the new sheet reads back: values, bold, numFmt, merges; it is marked as Gouji’s', () => {
    const wb = readXlsx(out);
    expect(wb.sheets.map((s) => s.name)).toEqual([...readXlsx(YANTAI).sheets.map((s) => s.name), '勾稽审核']);
    const s = wb.sheets[10];
    expect(getCell(s, 0, 0)).toMatchObject({ value: '表', bold: true });
    expect(getCell(s, 1, 1)).toMatchObject({ value: 3, numFmt: '0' });
    expect(getCell(s, 1, 2)?.value).toBe('收入合计与支出合计不一致\n第二行');
    expect(s.merges).toEqual([{ top: 5, left: 0, bottom: 5, right: 2 }]);
    expect(gouJiOwnedSheets(out)).toEqual(['勾稽审核']);
    expect(gouJiOwnedSheets(YANTAI)).toEqual([]);
    expect(text(out, 'xl/workbook.xml')).toContain(
      '<definedName name="_gouji_owner" localSheetId="10" hidden="1">"gouji"</definedName>',
    );
  });

  test('table, chart, hyperlinks, widths, freeze pane are in the file', () => {
    const p = parts(out);
    const sheet = strFromU8(p['xl/worksheets/sheet11.xml']);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="3" max="3" width="40" customWidth="1"/>');
    expect(sheet).toContain(`<hyperlink ref="A2" location="'${S1}'!B5" display="表1"/>`);
    expect(sheet).toContain(`location="'Bob''s 表'!C20"`);
    expect(sheet).toMatch(/<row r="2" ht="\d+" customHeight="1">/); // wrapped two-line text
    const table = strFromU8(p['xl/tables/table1.xml']);
    expect(table).toContain('name="Findings" displayName="Findings" ref="A1:C4"');
    expect(table).toContain('<autoFilter ref="A1:C4"/>');
    expect([...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '表',
      '问题数',
      '说明',
    ]);
    expect(table).toContain('TableStyleMedium2');
    const chart = strFromU8(p['xl/charts/chart1.xml']);
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain(`<c:f>'勾稽审核'!$A$2:$A$4</c:f>`);
    expect(chart).toContain(`<c:f>'勾稽审核'!$B$2:$B$4</c:f>`);
    expect([...chart.matchAll(/<c:pt idx="\d"><c:v>([^<]*)<\/c:v>/g)].map((m) => m[1])).toEqual([
      '表1',
      '表2',
      '表3',
      '3',
      '1',
      '2',
    ]);
    expect(strFromU8(p['xl/drawings/_rels/drawing1.xml.rels'])).toContain('Target="../charts/chart1.xml"');
    expect(strFromU8(p['xl/worksheets/_rels/sheet11.xml.rels'])).toMatch(/drawing1\.xml[\s\S]*table1\.xml/);
    const ct = strFromU8(p['[Content_Types].xml']);
    for (const part of [
      '/xl/worksheets/sheet11.xml',
      '/xl/tables/table1.xml',
      '/xl/charts/chart1.xml',
      '/xl/drawings/drawing1.xml',
    ])
      expect(ct).toContain(`PartName="${part}"`);
    // The user's sheets are untouched.
    for (let i = 1; i <= 10; i++)
      expect(sameBytes(p[`xl/worksheets/sheet${i}.xml`], parts(YANTAI)[`xl/worksheets/sheet${i}.xml`])).toBe(
        true,
      );
  });

  test('ExcelJS (second opinion) opens it: table, merge, width, values', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('勾稽审核') as ExcelJS.Worksheet;
    expect(ws.getCell('B2').value).toBe(3);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(3).width).toBe(40);
    expect(ws.getCell('B6').isMerged).toBe(true);
    const tables = (ws as unknown as { tables: Record<string, unknown> }).tables;
    expect(Object.keys(tables)).toEqual(['Findings']);
  });

  test('a Gouji sheet is replaced in place; its old table/chart parts go away', () => {
    const moved = patchXlsx(out, {
      addSheets: [
        summarySpec('勾稽审核', {
          charts: [],
          cells: [
            { row: 0, col: 0, value: 'v2' },
            { row: 0, col: 1, value: 'n' },
            { row: 1, col: 0, value: 1 },
          ],
          merges: [],
          tables: [{ name: 'Findings', range: { top: 0, left: 0, bottom: 1, right: 1 } }],
        }),
      ],
    });
    const wb = readXlsx(moved);
    expect(wb.sheets.filter((s) => s.name === '勾稽审核')).toHaveLength(1);
    expect(wb.sheets[10].name).toBe('勾稽审核');
    expect(getCell(wb.sheets[10], 0, 0)?.value).toBe('v2');
    const names = Object.keys(parts(moved));
    expect(names.filter((n) => n.startsWith('xl/tables/'))).toEqual(['xl/tables/table1.xml']);
    expect(names.filter((n) => /charts|drawings/.test(n))).toEqual([]);
    expect(strFromU8(parts(moved)['xl/tables/table1.xml'])).toContain('name="Findings"');
    expect(gouJiOwnedSheets(moved)).toEqual(['勾稽审核']);
    expect(text(moved, 'xl/workbook.xml').match(/_gouji_owner/g)).toHaveLength(1);
    expect(text(moved, '[Content_Types].xml')).not.toContain('chart1.xml');
  });

  test("a user's sheet of the same name (any case) is never replaced; non-Gouji sheets are never removed", async () => {
    expect(() => patchXlsx(YANTAI, { addSheets: [summarySpec(S1)] })).toThrow(/not made by Gouji/);
    const src = await excelJsFixture();
    const withUser = patchXlsx(src, { addSheets: [summarySpec('Summary')] });
    expect(() => patchXlsx(withUser, { addSheets: [summarySpec('数据')] })).toThrow(XlsxWriteError);
    expect(() => patchXlsx(withUser, { removeSheets: ['数据'] })).toThrow(/not made by Gouji/);
    expect(() => patchXlsx(withUser, { addSheets: [summarySpec('SUMMARY')] })).not.toThrow();
    expect(() => patchXlsx(YANTAI, { addSheets: [summarySpec('a/b')] })).toThrow(/Invalid sheet name/);
    expect(() => patchXlsx(YANTAI, { addSheets: [summarySpec('x'), summarySpec('X')] })).toThrow(
      /both named/,
    );
  });

  test('removeSheets drops a Gouji sheet, its parts and its mark; other defined names keep their sheet', async () => {
    const src = await excelJsFixture();
    const added = patchXlsx(src, { addSheets: [summarySpec('Summary')] });
    const removed = patchXlsx(added, { removeSheets: ['Summary', 'not there'] });
    expect(readXlsx(removed)).toEqual(readXlsx(src));
    expect(gouJiOwnedSheets(removed)).toEqual([]);
    expect(Object.keys(parts(removed)).sort()).toEqual(Object.keys(parts(src)).sort());
    expect(text(removed, 'xl/workbook.xml')).toContain('金额区');
  });

  test('table names stay unique across the workbook; header cells become text column names', () => {
    const twice = patchXlsx(out, {
      addSheets: [
        summarySpec('第二页', {
          charts: [],
          cells: [
            { row: 0, col: 0, value: 2026 },
            { row: 0, col: 2, value: '说明' },
            { row: 1, col: 0, value: 1 },
          ],
        }),
      ],
    });
    const p = parts(twice);
    const tables = Object.keys(p)
      .filter((n) => n.startsWith('xl/tables/'))
      .map((n) => strFromU8(p[n]));
    expect(tables.map((t) => /name="([^"]*)"/.exec(t)?.[1]).sort()).toEqual(['Findings', 'Findings_2']);
    expect(tables.map((t) => /\bid="(\d+)"/.exec(t)?.[1]).sort()).toEqual(['1', '2']);
    const second = tables.find((t) => t.includes('Findings_2')) as string;
    expect([...second.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      '2026',
      '列2',
      '说明',
    ]);
    const s = readXlsx(twice).sheets.find((x) => x.name === '第二页');
    expect(getCell(s as never, 0, 0)?.value).toBe('2026');
    expect(getCell(s as never, 0, 1)?.value).toBe('列2');
  });
});

describe('odd but valid worksheet XML', () => {
  test('prefixed elements: new cells and rows use the same prefix', () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const src = minimalXlsx([{ name: 'S', body: '' }], {
      parts: {
        'xl/worksheets/sheet1.xml': `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      },
    });
    const out = patchXlsx(src, {
      writes: [
        { sheet: 'S', row: 0, col: 1, value: 2 },
        { sheet: 'S', row: 2, col: 0, value: '三' },
      ],
      highlights: [{ sheet: 'S', row: 0, col: 0, level: 'error', note: 'x' }],
    });
    const xml = text(out, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<x:c r="B1"><x:v>2</x:v></x:c>');
    expect(xml).toContain(
      '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t xml:space="preserve">三</x:t></x:is></x:c></x:row>',
    );
    expect(xml).toMatch(/<x:legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:worksheet>$/);
    const s = readXlsx(out).sheets[0];
    expect([getCell(s, 0, 0)?.value, getCell(s, 0, 1)?.value, getCell(s, 2, 0)?.value]).toEqual([1, 2, '三']);
  });

  test('cells without r attributes and self-closed rows', () => {
    const src = minimalXlsx([
      {
        name: 'S',
        body: '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="2"/><row r="4" spans="1:1"><c r="A4"><v>4</v></c></row></sheetData>',
      },
    ]);
    const out = patchXlsx(src, {
      writes: [
        { sheet: 'S', row: 0, col: 3, value: 'D1' },
        { sheet: 'S', row: 1, col: 0, value: 'A2' },
        { sheet: 'S', row: 2, col: 1, value: 'B3' },
        { sheet: 'S', row: 3, col: 4, value: 'E4' },
      ],
      highlights: [{ sheet: 'S', row: 0, col: 1, level: 'warning', note: 'B1' }],
    });
    const s = readXlsx(out).sheets[0];
    const v = (r: number, c: number) => getCell(s, r, c)?.value;
    expect([v(0, 0), v(0, 1), v(0, 3), v(1, 0), v(2, 1), v(3, 0), v(3, 4)]).toEqual([
      1,
      2,
      'D1',
      'A2',
      'B3',
      4,
      'E4',
    ]);
    const xml = text(out, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<row><c><v>1<\/v><\/c><c s="\d+"><v>2<\/v><\/c><c r="D1"/); // B1 keeps having no r
    expect(xml).toContain('<row r="2"><c r="A2"');
    expect(xml).toMatch(/<\/row><row r="3"><c r="B3"[^]*<\/row><row r="4">/); // new row in order, spans dropped
  });

  test('garbage in → XlsxReadError, not a crash', () => {
    expect(() => patchXlsx(new Uint8Array([1, 2, 3]), {})).toThrow(/not an \.xlsx/i);
    expect(() => gouJiOwnedSheets(new Uint8Array(0))).toThrow(/empty/);
  });
});

describe('the owner mark, read back', () => {
  test('readXlsx marks the sheets Gouji added, and only those', () => {
    const bytes = new Uint8Array(readFileSync(join(REAL_BUDGETS, '深圳-审计局-2026-预算.xlsx')));
    const spec: SheetSpec = {
      name: '审核汇总',
      owner: 'gouji',
      cells: [{ row: 0, col: 0, value: 'x' }],
      merges: [],
    };
    const out = readXlsx(patchXlsx(bytes, { addSheets: [spec] }));
    expect(out.sheets.filter((s) => s.generatedBy === 'gouji').map((s) => s.name)).toEqual(['审核汇总']);
    expect(readXlsx(bytes).sheets.some((s) => s.generatedBy)).toBe(false);
  });
});
