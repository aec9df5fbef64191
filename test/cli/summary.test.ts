import { readFileSync } from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { join } from 'path';
import { readXlsx } from '../../src/xlsx';
import { gouji } from './helpers';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', '济源交管支队-2021-预算与绩效.xlsx');

function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

const values = (bytes: Uint8Array) =>
  readXlsx(bytes).sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) => r?.map((c) => c?.value ?? null)),
  }));

describe('gouji summary', () => {
  test('adds 审核汇总 and leaves every other sheet byte-identical', async () => {
    const r = await gouji(['summary', SAMPLE, '-o', '/out.xlsx']);
    expect(r.code).toBe(0);
    const before = parts(new Uint8Array(readFileSync(SAMPLE)));
    const after = parts(r.files.get('/out.xlsx')!);
    for (const [name, text] of Object.entries(before))
      if (/^xl\/worksheets\/sheet\d+\.xml$|^xl\/sharedStrings\.xml$/.test(name))
        expect(after[name]).toBe(text);
    const names = readXlsx(r.files.get('/out.xlsx')!).sheets.map((s) => s.name);
    expect(names).toEqual([
      ...readXlsx(new Uint8Array(readFileSync(SAMPLE))).sheets.map((s) => s.name),
      '审核汇总',
    ]);
  });

  test('the summary sheet carries its page setup and print titles', async () => {
    const r = await gouji(['summary', SAMPLE, '-o', '/print.xlsx']);
    const files = parts(r.files.get('/print.xlsx')!);
    const wbXml = files['xl/workbook.xml'];
    const sheets = [...wbXml.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]);
    const index = sheets.indexOf('审核汇总');
    expect(wbXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'审核汇总'!$1:$2</definedName>`,
    );
    const rels = files['xl/_rels/workbook.xml.rels'];
    const rId = new RegExp(`<sheet\\b[^>]*name="审核汇总"[^>]*r:id="(\\w+)"`).exec(wbXml)![1];
    const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rId}"`).exec(
      rels,
    )!;
    const xml = files[`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`];
    expect(xml).toMatch(/^[^]*<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /);
    expect(xml).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    );
    // schema order: hyperlinks, printOptions, pageMargins, pageSetup, headerFooter, drawing, tableParts
    const order = [
      '<hyperlinks>',
      '<printOptions',
      '<pageMargins',
      '<pageSetup',
      '<headerFooter>',
      '<drawing',
      '<tableParts',
    ];
    const at = order.map((tag) => xml.indexOf(tag));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('running it again on its own output changes nothing', async () => {
    const first = await gouji(['summary', SAMPLE, '-o', '/s1.xlsx']);
    const second = await gouji(['summary', '/s1.xlsx', '-o', '/s2.xlsx'], first.files);
    expect(second.code).toBe(0);
    const a = parts(first.files.get('/s1.xlsx')!);
    const b = parts(second.files.get('/s2.xlsx')!);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of Object.keys(a)) expect(b[name]).toBe(a[name]);
  });

  test("a user's own sheet named 审核汇总 is kept and the summary goes to another name", async () => {
    const src = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
    const wbXml = strFromU8(src['xl/workbook.xml']);
    expect(wbXml).toContain('name="预算说明"');
    src['xl/workbook.xml'] = strToU8(wbXml.replace('name="预算说明"', 'name="审核汇总"'));
    const files = new Map([['/user.xlsx', zipSync(src)]]);
    const r = await gouji(['summary', '/user.xlsx', '-o', '/out.xlsx'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('审核汇总 (2)');
    const before = values(files.get('/user.xlsx')!);
    const after = values(files.get('/out.xlsx')!);
    expect(after.map((s) => s.name)).toEqual([...before.map((s) => s.name), '审核汇总 (2)']);
    expect(after.slice(0, before.length)).toEqual(before);
  });

  test('English output names the sheet Review summary', async () => {
    const r = await gouji(['summary', SAMPLE, '-o', '/en.xlsx', '--lang', 'en']);
    expect(readXlsx(r.files.get('/en.xlsx')!).sheets.map((s) => s.name)).toContain('Review summary');
  });

  test('bad usage exits 2 with one line', async () => {
    const r = await gouji(['summary', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
