import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { strToU8, zipSync } from 'fflate';
import { getCell, Sheet } from '../../src/core/model/workbook';
import { readXlsx, shiftFormula, XlsxReadError } from '../../src/xlsx/read';
import { excelJsBytes, minimalXlsx, NS } from './helpers';
import { REAL_BUDGETS } from '../helpers/data';

const REAL = REAL_BUDGETS;
const realFiles = readdirSync(REAL).filter((f) => f.endsWith('.xlsx'));

const at = (sheet: Sheet, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return getCell(sheet, Number(m[2]) - 1, col - 1);
};

describe('readXlsx on the real budget workbooks', () => {
  test('there are 12 of them and every one reads', () => {
    expect(realFiles).toHaveLength(12);
    for (const f of realFiles) {
      const wb = readXlsx(readFileSync(join(REAL, f)), f);
      expect(wb.name).toBe(f);
      expect(wb.sheets.length).toBeGreaterThanOrEqual(9);
      expect(wb.sheets[0].name).toBe('表1 收支总表');
      for (const s of wb.sheets) expect(s.rows.length).toBeGreaterThan(3);
    }
  });

  test('烟台: sheet names, title, numbers with #,##0.00, merges', () => {
    const wb = readXlsx(readFileSync(join(REAL, '烟台-信访局-2026-预算.xlsx')));
    expect(wb.sheets.map((s) => s.name)).toEqual([
      '表1 收支总表',
      '表2 收入总表',
      '表3 支出总表',
      '表4 财政拨款收支总表',
      '表5 一般公共预算支出表',
      '表6 一般公共预算基本支出表',
      '表7 三公经费表',
      '表8 政府性基金预算支出表',
      '表9 国有资本经营预算支出表',
      '表10 项目支出绩效目标表',
    ]);
    const s = wb.sheets[0];
    expect(at(s, 'A1')).toEqual({ value: '公开表1 收支总体情况表', numFmt: 'General', bold: true });
    expect(at(s, 'A2')?.value).toBe('部门（单位）：烟台市信访局   单位：万元');
    expect(at(s, 'B5')).toEqual({ value: 1717.85, numFmt: '#,##0.00' });
    expect(at(s, 'D5')?.value).toBe(1378.84);
    // <c r="B3" s="4" t="n" /> is styled but empty
    expect(at(s, 'B3')).toBeUndefined();
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 3 },
        { top: 2, left: 2, bottom: 2, right: 3 },
      ]),
    );
    expect(s.merges).toHaveLength(4);
    expect(wb.sheets[9].merges).toHaveLength(87);
  });

  test('上海 审计局: whole numbers with numFmt #,##0 and 11 merges on 表1', () => {
    const s = readXlsx(readFileSync(join(REAL, '上海-审计局-2026-单位预算.xlsx'))).sheets[0];
    expect(at(s, 'B7')).toEqual({ value: 195774300, numFmt: '#,##0' });
    expect(s.merges).toHaveLength(11);
    expect(s.merges).toContainEqual({ top: 4, left: 6, bottom: 5, right: 6 }); // G5:G6
  });

  test('福州: numbers with built-in 0.00; 西安: custom format 0.0 (id 164) on 绩效目标表', () => {
    const fz = readXlsx(readFileSync(join(REAL, '福州-商务局-2026-预算.xlsx'))).sheets[0];
    expect(at(fz, 'B5')).toEqual({ value: 23195.94, numFmt: '0.00' });
    const xa = readXlsx(readFileSync(join(REAL, '西安-审计局-2026-预算.xlsx')));
    expect(at(xa.sheets[0], 'B5')).toEqual({ value: 41052896.08, numFmt: '#,##0.00' });
    const perf = xa.sheets[10];
    expect(perf.name).toBe('表14 项目支出绩效目标表');
    expect(at(perf, 'F32')).toMatchObject({ value: 1.5, numFmt: '0.0' });
    expect(at(perf, 'D3')?.value).toBe('审计事务');
    expect(perf.merges).toContainEqual({ top: 72, left: 2, bottom: 73, right: 2 }); // C73:C74
  });
});

describe('readXlsx on ExcelJS-made workbooks', () => {
  test('formulas, shared strings, rich text, booleans, errors, dates, merges, hidden sheet, numFmt', async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('数据');
      ws.getCell('A1').value = '项目';
      ws.getCell('A2').value = 1234.5;
      ws.getCell('A2').numFmt = '#,##0.00';
      ws.getCell('A3').value = { formula: 'A2*2', result: 2469 };
      ws.getCell('A4').value = true;
      ws.getCell('A5').value = { error: '#DIV/0!' };
      ws.getCell('A6').value = new Date(Date.UTC(2026, 0, 15));
      ws.getCell('A7').value = { richText: [{ text: '合计', font: { bold: true } }, { text: '（万元）' }] };
      ws.getCell('A8').value = { formula: 'A1&"x"', result: '项目x' };
      ws.getCell('B1').value = '项目'; // same shared string twice
      ws.getCell('B2').value = '甲 & <乙>';
      ws.getCell('C1').value = '标题';
      ws.getCell('C1').font = { bold: true };
      ws.mergeCells('C1:E2');
      const hidden = wb.addWorksheet('隐藏');
      hidden.state = 'hidden';
      hidden.getCell('A1').value = 1;
      const very = wb.addWorksheet('深隐藏');
      very.state = 'veryHidden';
    });
    const wb = readXlsx(bytes);
    expect(wb.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      ['数据', false],
      ['隐藏', true],
      ['深隐藏', true],
    ]);
    const s = wb.sheets[0];
    expect(at(s, 'A1')?.value).toBe('项目');
    expect(at(s, 'B1')?.value).toBe('项目');
    expect(at(s, 'A2')).toMatchObject({ value: 1234.5, numFmt: '#,##0.00' });
    expect(at(s, 'A3')).toMatchObject({ value: 2469, formula: 'A2*2' });
    expect(at(s, 'A3')?.noCachedValue).toBeUndefined();
    expect(at(s, 'A4')?.value).toBe(true);
    expect(at(s, 'A5')?.value).toEqual({ error: '#DIV/0!' });
    // 2026-01-15 is serial 46037 in the 1900 date system
    expect(at(s, 'A6')?.value).toBe(46037);
    expect(at(s, 'A7')?.value).toBe('合计（万元）');
    expect(at(s, 'A8')).toMatchObject({ value: '项目x', formula: 'A1&"x"' });
    expect(at(s, 'B2')?.value).toBe('甲 & <乙>');
    expect(at(s, 'C1')).toMatchObject({ value: '标题', bold: true });
    expect(at(s, 'A1')?.bold).toBeUndefined();
    expect(s.merges).toEqual([{ top: 0, left: 2, bottom: 1, right: 4 }]);
  });

  test('shared formulas get each cell its own shifted formula text', async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet('S');
      for (let r = 1; r <= 4; r++) {
        ws.getCell(`A${r}`).value = r;
        ws.getCell(`B${r}`).value = r * 10;
      }
      ws.getCell('C1').value = { formula: 'A1+B1+$A$1', result: 12 };
      ws.getCell('C2').value = { sharedFormula: 'C1', result: 23 };
      ws.getCell('C3').value = { sharedFormula: 'C1', result: 34 };
    });
    const s = readXlsx(bytes).sheets[0];
    expect(at(s, 'C1')?.formula).toBe('A1+B1+$A$1');
    expect(at(s, 'C2')).toMatchObject({ formula: 'A2+B2+$A$1', value: 23 });
    expect(at(s, 'C3')).toMatchObject({ formula: 'A3+B3+$A$1', value: 34 });
  });
});

describe('readXlsx on hand-written XML', () => {
  test('formula without a cached value → noCachedValue and value null', () => {
    const bytes = minimalXlsx([
      {
        name: 'S',
        body: '<sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1*2</f></c></row></sheetData>',
      },
    ]);
    const s = readXlsx(bytes).sheets[0];
    expect(at(s, 'A1')?.value).toBe(5);
    expect(at(s, 'B1')).toMatchObject({ value: null, formula: 'A1*2', noCachedValue: true });
  });

  test('cells and rows without r attributes land in order', () => {
    const bytes = minimalXlsx([
      {
        name: 'S',
        body:
          '<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>' +
          '<row r="3"><c><v>3</v></c><c r="D3"><v>4</v></c><c><v>5</v></c></row><row><c><v>6</v></c></row></sheetData>',
      },
    ]);
    const s = readXlsx(bytes).sheets[0];
    expect(at(s, 'A1')?.value).toBe('a');
    expect(at(s, 'B1')?.value).toBe(2);
    expect(at(s, 'A3')?.value).toBe(3);
    expect(at(s, 'D3')?.value).toBe(4);
    expect(at(s, 'E3')?.value).toBe(5);
    expect(at(s, 'A4')?.value).toBe(6);
  });

  test('shared strings: rich runs joined, phonetic runs dropped, entities and _xHHHH_ decoded', () => {
    const sst =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><r><rPr><b/></rPr><t>收入</t></r><r><t xml:space="preserve"> 合计</t></r><rPh sb="0" eb="2"><t>ショウ</t></rPh></si>' +
      '<si><t>A&amp;B &lt;c&gt; &#x4E2D;&#25991;</t></si>' +
      '<si><t>line1_x000D__x000A_line2 _x005F_x0041_</t></si><si/></sst>';
    const bytes = minimalXlsx(
      [
        {
          name: 'S',
          body: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>99</v></c></row></sheetData>',
        },
      ],
      { sharedStrings: sst },
    );
    const s = readXlsx(bytes).sheets[0];
    expect(at(s, 'A1')?.value).toBe('收入 合计');
    expect(at(s, 'B1')?.value).toBe('A&B <c> 中文');
    expect(at(s, 'C1')?.value).toBe('line1\r\nline2 _x0041_');
    expect(at(s, 'D1')?.value).toBe('');
    expect(at(s, 'E1')?.value).toBeNull(); // index out of range: no crash
  });

  test('t = b / e / str / d / n, namespace prefixes, sheet protection, styles', () => {
    const styles =
      '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="0.0%"/></x:numFmts>' +
      '<x:fonts count="2"><x:font><x:sz val="11"/></x:font><x:font><x:b/><x:sz val="11"/></x:font></x:fonts>' +
      '<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0"/><x:xf numFmtId="170" fontId="1"/><x:xf numFmtId="10" fontId="0"/></x:cellXfs></x:styleSheet>';
    const bytes = minimalXlsx(
      [
        {
          name: 'S',
          body:
            '<sheetData><row r="2"><c r="A2" t="b"><v>0</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>' +
            '<c r="D2" t="d"><v>2026-11-21T00:00:00</v></c><c r="E2" s="1"><v>0.125</v></c><c r="F2" s="2"><v>1e-3</v></c><c r="G2" s="9"><v>7</v></c></row></sheetData>' +
            '<sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells>',
        },
      ],
      { styles },
    );
    const s = readXlsx(bytes).sheets[0];
    expect(s.protected).toBe(true);
    expect(at(s, 'A2')?.value).toBe(false);
    expect(at(s, 'B2')?.value).toEqual({ error: '#N/A' });
    expect(at(s, 'C2')).toMatchObject({ value: 'xy', formula: '"x"&"y"' });
    expect(at(s, 'D2')?.value).toBe(46347);
    expect(at(s, 'E2')).toEqual({ value: 0.125, numFmt: '0.0%', bold: true });
    expect(at(s, 'F2')).toEqual({ value: 0.001, numFmt: '0.00%' });
    expect(at(s, 'G2')).toEqual({ value: 7, numFmt: 'General' }); // unknown style index falls back to xf 0
    expect(s.merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 1 }]);
  });

  test('an unprotected sheet with a sheetProtection element (sheet="0") is not protected', () => {
    const bytes = minimalXlsx([{ name: 'S', body: '<sheetData/><sheetProtection sheet="0"/>' }]);
    expect(readXlsx(bytes).sheets[0].protected).toBeUndefined();
  });

  test('chartsheets are kept as empty sheets with kind set', () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const files: Record<string, Uint8Array> = {
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<workbook xmlns:r="${REL}"><sheets><sheet name="图表1" sheetId="1" r:id="rId1"/><sheet name="数据" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`,
      ),
      'xl/chartsheets/sheet1.xml': strToU8('<chartsheet/>'),
      'xl/worksheets/sheet1.xml': strToU8(
        '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
      ),
    };
    const wb = readXlsx(zipSync(files));
    expect(wb.sheets.map((s) => [s.name, s.kind, s.rows.length])).toEqual([
      ['图表1', 'chartsheet', 0],
      ['数据', undefined, 1],
    ]);
  });

  test('shiftFormula leaves strings, sheet names, absolute refs and functions alone', () => {
    expect(shiftFormula('SUM(A1:B2)+\'Sheet A1\'!C3+"A1"+$D$4+LOG10(E5)', 1, 1)).toBe(
      'SUM(B2:C3)+\'Sheet A1\'!D4+"A1"+$D$4+LOG10(F6)',
    );
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
  });
});

describe('readXlsx rejects what it cannot read, with a one-line message', () => {
  const expectError = (bytes: Uint8Array, code: string, text: RegExp) => {
    let err: unknown;
    try {
      readXlsx(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XlsxReadError);
    const e = err as XlsxReadError;
    expect(e.code).toBe(code);
    expect(e.message).toMatch(text);
    expect(e.message).not.toMatch(/\n/);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/); // Chinese first …
    expect(e.message).toMatch(/\([A-Z][^)]*\.\)$/); // … then English
  };

  test('empty file', () => expectError(new Uint8Array(0), 'empty', /empty/));

  test('a text file renamed .xlsx', () =>
    expectError(strToU8('项目,金额\n合计,100\n'), 'not-zip', /not an \.xlsx file/i));

  test('a legacy .xls (OLE2) file', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(strToU8('W\0o\0r\0k\0b\0o\0o\0k\0'), 512);
    expectError(ole, 'xls', /另存为.*\.xlsx.*save it as \.xlsx/);
  });

  test('an encrypted .xlsx (OLE2 container with EncryptedPackage)', () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(strToU8('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0'), 1100);
    expectError(ole, 'encrypted', /password/);
  });

  test('a truncated .xlsx', () => {
    const good = readFileSync(join(REAL, realFiles[0]));
    expectError(
      new Uint8Array(good.subarray(0, Math.floor(good.length / 2))),
      'corrupt',
      /damaged or truncated/,
    );
  });

  test('a .xlsx whose part data is corrupted', () => {
    const good = new Uint8Array(readFileSync(join(REAL, realFiles[0])));
    const bad = good.slice();
    for (let i = 200; i < 2000; i++) bad[i] ^= 0x5a; // inside the first entries' compressed data
    expectError(bad, 'corrupt', /damaged/);
  });

  test('a worksheet whose XML is cut off inside a valid zip names the sheet', () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c></row>`,
    ).join('');
    const whole = minimalXlsx([
      { name: '收支总表', body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
      { name: '一般公共预算支出表', body: `<sheetData>${rows}</sheetData>` },
    ]);
    expect(readXlsx(whole).sheets[1].rows).toHaveLength(40);
    const sheetXml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`;
    const cut = minimalXlsx(
      [
        { name: '收支总表', body: '<sheetData/>' },
        { name: '一般公共预算支出表', body: '' },
      ],
      { parts: { 'xl/worksheets/sheet2.xml': sheetXml.slice(0, Math.floor(sheetXml.length / 2)) } },
    );
    expectError(cut, 'corrupt', /^工作表“一般公共预算支出表”.*Sheet "一般公共预算支出表" is damaged/);
    // cut between </sheetData> and </worksheet>
    const cut2 = minimalXlsx([{ name: 'S', body: '' }], {
      parts: { 'xl/worksheets/sheet1.xml': sheetXml.replace('</worksheet>', '') },
    });
    expectError(cut2, 'corrupt', /Sheet "S"/);
  });

  test('a closed worksheet with a namespace prefix, an empty <sheetData/> or trailing whitespace reads', () => {
    const prefixed = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>\r\n`;
    const wb = readXlsx(
      minimalXlsx([{ name: 'S', body: '' }], { parts: { 'xl/worksheets/sheet1.xml': prefixed } }),
    );
    expect(wb.sheets[0].name).toBe('S');
    expect(readXlsx(minimalXlsx([{ name: 'E', body: '<sheetData/>' }])).sheets[0].rows).toHaveLength(0);
  });

  test('a zip without xl/workbook.xml', () =>
    expectError(
      zipSync({ 'word/document.xml': strToU8('<w:document/>') }),
      'no-workbook',
      /xl\/workbook\.xml/,
    ));

  test('a .xlsb', () =>
    expectError(zipSync({ 'xl/workbook.bin': new Uint8Array([1, 2, 3]) }), 'xlsb', /\.xlsb/));
});
