/**
 * The reader validates what it needs: missing or broken package parts, damaged sheet XML, invalid UTF-8,
 * relationships that point nowhere or back into the package give exit 2 with one line — or, for one bad sheet
 * in a good workbook, that sheet skipped with its reason. Limits (part size, zip bombs, string length) refuse
 * the file with a clear message; huge ranges (a cell at XFD1000000, a whole-sheet merge) are read by what exists.
 */
import { mergeAt, rowColumns, Sheet } from '../../src/core/model/workbook';
import { review } from '../../src/core/review';
import { readXlsx, XlsxReadError } from '../../src/xlsx';
import { withoutOverlaps } from '../../src/xlsx/read';
import { xmlProblem } from '../../src/xlsx/wellformed';
import {
  smallBook,
  workbookParts,
  worksheet,
  withRawEntry,
  zeroStream,
  zipParts,
  Parts,
} from '../fuzz/packages';
import { gouji } from '../cli/helpers';

const enc = new TextEncoder();
const row = (r: number, text: string) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c></row>`;
const twoSheets = (second: string): Parts =>
  workbookParts(
    [worksheet(row(1, '好的表') + '<row r="2"><c r="B2"><v>5</v></c></row>'), second],
    [],
    ['好', '坏'],
  );

async function check(parts: Parts | Uint8Array) {
  const bytes = parts instanceof Uint8Array ? parts : zipParts(parts);
  return gouji(['check', '/mem/t.xlsx', '--json'], new Map([['/mem/t.xlsx', bytes]]));
}

function readError(parts: Parts | Uint8Array): XlsxReadError {
  try {
    readXlsx(parts instanceof Uint8Array ? parts : zipParts(parts));
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxReadError);
    expect((e as Error).message).not.toMatch(/\n/);
    return e as XlsxReadError;
  }
  throw new Error('read without error');
}

describe('well-formedness check', () => {
  test.each([
    ['<a><b/></a>', undefined],
    ['<?xml version="1.0"?><a x="1>2"><b>t</b><!-- <c> --></a>', undefined],
    ['<x:a xmlns:x="u"><x:b><![CDATA[<y>]]></x:b></x:a>', undefined],
    ['<a><b></a>', /does not match/],
    ['<a><b x="1" <c/></b></a>', /broken tag/],
    ['<a></a><b/>', /after the root/],
    ['<a><b>', /never closed/],
    ['<a><b/', /broken tag/],
    ['text only', /no root/],
    ['<x:a><y:a></x:a>', /does not match/],
    ['<a>' + '<n>'.repeat(300) + '</n>'.repeat(300) + '</a>', /nested deeper/],
  ])('case %#', (xml, problem) => {
    const p = xmlProblem(xml);
    if (problem === undefined) expect(p).toBeUndefined();
    else expect(p?.en).toMatch(problem);
  });
});

describe('package parts', () => {
  test('a package without [Content_Types].xml is refused', async () => {
    const parts = smallBook();
    delete parts['[Content_Types].xml'];
    expect(readError(parts).message).toMatch(/\[Content_Types\]\.xml/);
    const r = await check(parts);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a [Content_Types].xml without <Types> root, a missing _rels/.rels, a broken workbook.xml', () => {
    expect(readError({ ...smallBook(), '[Content_Types].xml': '<Type/>' }).message).toMatch(
      /root element is not <Types>/,
    );
    const noRels = smallBook();
    delete noRels['_rels/.rels'];
    expect(readError(noRels).message).toMatch(/_rels\/\.rels/);
    const wb = smallBook();
    wb['xl/workbook.xml'] = (wb['xl/workbook.xml'] as string).replace('</sheets>', '</sheet>');
    expect(readError(wb).message).toMatch(/xl\/workbook\.xml.*does not parse/);
  });

  test('circular root relationship and a workbook relationship to nowhere', () => {
    const circ = smallBook();
    circ['_rels/.rels'] = (circ['_rels/.rels'] as string).replace(
      'Target="xl/workbook.xml"',
      'Target="_rels/.rels"',
    );
    expect(readError(circ).message).toMatch(/circular/);
    const none = smallBook();
    none['_rels/.rels'] = (none['_rels/.rels'] as string).replace(
      'Target="xl/workbook.xml"',
      'Target="xl/nothing.xml"',
    );
    expect(readError(none).message).toMatch(/does not exist/);
  });

  test('invalid UTF-8 in the shared strings refuses the file', () => {
    const parts = smallBook();
    const sst = enc.encode(parts['xl/sharedStrings.xml'] as string);
    const i = sst.indexOf(0x3e, 60) + 1;
    parts['xl/sharedStrings.xml'] = new Uint8Array([...sst.subarray(0, i), 0xff, 0xc3, ...sst.subarray(i)]);
    expect(readError(parts).message).toMatch(/invalid UTF-8/);
  });

  test('broken shared strings XML refuses the file', () => {
    const parts = smallBook();
    parts['xl/sharedStrings.xml'] = (parts['xl/sharedStrings.xml'] as string).replace('</t></si>', '</si>');
    expect(readError(parts).message).toMatch(/sharedStrings\.xml.*does not parse/);
  });
});

describe('one bad sheet in a good workbook is skipped with its reason', () => {
  const cases: [string, Parts][] = [
    ['broken tags', twoSheets(worksheet('<row r="1"><c r="A1"><v>1</c></row>'))],
    ['a stray < in a tag', twoSheets(worksheet('<row r="1"><c r="A1" <v>1</v></c></row>'))],
    ['deep nesting', twoSheets(worksheet('<x>'.repeat(100000) + '</x>'.repeat(100000)))],
    [
      'invalid UTF-8',
      (() => {
        const p = twoSheets(worksheet(row(1, 'AB')));
        const b = enc.encode(p['xl/worksheets/sheet2.xml'] as string);
        const i = b.indexOf(0x41); // 'A' of the text
        b[i] = 0xff;
        p['xl/worksheets/sheet2.xml'] = b;
        return p;
      })(),
    ],
    [
      'a dangling r:id',
      (() => {
        const p = twoSheets(worksheet(''));
        p['xl/workbook.xml'] = (p['xl/workbook.xml'] as string).replace('r:id="rId2"', 'r:id="rId9"');
        return p;
      })(),
    ],
    [
      'a relationship to a missing part',
      (() => {
        const p = twoSheets(worksheet(''));
        delete p['xl/worksheets/sheet2.xml'];
        return p;
      })(),
    ],
    [
      'a circular relationship',
      (() => {
        const p = twoSheets(worksheet(''));
        p['xl/_rels/workbook.xml.rels'] = (p['xl/_rels/workbook.xml.rels'] as string).replace(
          'worksheets/sheet2.xml',
          'workbook.xml',
        );
        return p;
      })(),
    ],
  ];
  test.each(cases)('%s', async (_what, parts) => {
    const wb = readXlsx(zipParts(parts));
    expect(wb.sheets[0].unreadable).toBeUndefined();
    expect(wb.sheets[0].rows[1]?.[1]?.value).toBe(5);
    expect(wb.sheets[1].unreadable?.en).toMatch(/cannot be read/);
    expect(wb.sheets[1].rows).toEqual([]);
    const skipped = review(wb).skipped.filter((s) => s.sheet === '坏');
    expect(skipped).toHaveLength(1);
    const r = await check(parts);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.skipped.find((s: { sheet: string }) => s.sheet === '坏').reason).toMatch(/无法读取/);
    const text = await gouji(
      ['check', '/mem/t.xlsx', '--lang', 'en'],
      new Map([['/mem/t.xlsx', zipParts(parts)]]),
    );
    expect(text.stdout).toMatch(/Skipped:\n {2}坏: This sheet cannot be read/);
  });

  test('when no sheet can be read, the file is refused with the first reason', async () => {
    const parts = workbookParts([worksheet('<row r="1"><c r="A1"><v>1</c></row>')]);
    const r = await check(parts);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Sheet1.*does not match/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('limits', () => {
  test('a zip bomb declaring 1 GiB is refused before it is inflated', () => {
    const bytes = withRawEntry(smallBook(), 'xl/worksheets/sheet1.xml', zeroStream(1024), 1 << 30);
    const e = readError(bytes);
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/xl\/worksheets\/sheet1\.xml would inflate to 1,024 MiB.*zip bomb/);
  });

  test('a zip bomb lying about its size stops at the declared size', () => {
    const bytes = withRawEntry(smallBook(), 'xl/worksheets/sheet1.xml', zeroStream(256), 4096);
    expect(readError(bytes).code).toBe('corrupt');
  });

  test('a 30,000,000-character shared string is refused with the limit named', () => {
    const parts = workbookParts(
      [worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')],
      ['x'.repeat(30_000_000)],
    );
    const e = readError(parts);
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/Shared string 1 holds 30,000,000 characters, beyond the limit of 1,000,000/);
  });

  test('a cell at XFD1000000 is read as one cell in one row', async () => {
    const parts = smallBook('<row r="1000000"><c r="XFD1000000"><v>1</v></c></row>');
    const sheet = readXlsx(zipParts(parts)).sheets[0];
    expect(sheet.rows.length).toBe(1000000);
    expect(rowColumns(sheet, 999999)).toEqual([16383]);
    expect(rowColumns(sheet, 500000)).toEqual([]);
    const r = await check(parts);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).file).toBe('/mem/t.xlsx');
  });

  test('a whole-sheet merge is one range, found from any cell, and the review reads the sheet', async () => {
    const parts = workbookParts([
      worksheet(
        row(1, '2026年收入支出预算总表'),
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    ]);
    const sheet = readXlsx(zipParts(parts)).sheets[0];
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 1048575, right: 16383 }]);
    expect(mergeAt(sheet, 1048575, 16383)).toBe(sheet.merges[0]);
    const r = await check(parts);
    expect([0, 1]).toContain(r.code);
  });
});

describe('merges', () => {
  test('mergeAt finds small, row-sized and tall merges, and follows changes to the list', () => {
    const sheet: Sheet = {
      name: 'S',
      rows: [],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 7 },
        { top: 2, left: 1, bottom: 2, right: 200 },
        { top: 3, left: 0, bottom: 5000, right: 0 },
      ],
    };
    expect(mergeAt(sheet, 0, 7)).toBe(sheet.merges[0]);
    expect(mergeAt(sheet, 0, 8)).toBeUndefined();
    expect(mergeAt(sheet, 2, 150)).toBe(sheet.merges[1]);
    expect(mergeAt(sheet, 4000, 0)).toBe(sheet.merges[2]);
    expect(mergeAt(sheet, 4000, 1)).toBeUndefined();
    sheet.merges.push({ top: 10, left: 5, bottom: 11, right: 6 });
    expect(mergeAt(sheet, 11, 6)).toBe(sheet.merges[3]);
    sheet.merges = [];
    expect(mergeAt(sheet, 0, 0)).toBeUndefined();
  });

  test('of two overlapping merges the larger is dropped', () => {
    const small = { top: 4, left: 1, bottom: 5, right: 2 };
    const other = { top: 8, left: 0, bottom: 8, right: 3 };
    const whole = { top: 0, left: 0, bottom: 1048575, right: 16383 };
    expect(withoutOverlaps([whole, small, other])).toEqual([small, other]);
    expect(withoutOverlaps([small, other])).toEqual([small, other]);
  });
});
