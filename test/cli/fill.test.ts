import { readFileSync } from 'fs';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { toA1 } from '../../src/core/model/address';
import { Cell, Workbook } from '../../src/core/model/workbook';
import { readXlsx } from '../../src/xlsx';
import { gouji } from './helpers';

const FIXTURES = join(__dirname, '..', 'fixtures');
const BLANK = join(FIXTURES, 'national-self-evaluation-blank.xlsx');
const JINZHONG = join(FIXTURES, 'jinzhong-2021-self-evaluation.xlsx');

async function fill(...argv: string[]) {
  const r = await gouji(['fill', ...argv]);
  return { ...r, written: r.files };
}

/**
 * The scores a person computes by hand for the blank fixture (DOMAIN.md §5):
 * I6 执行率 = 172.35 / 185.6 = 0.928609… → 92.86 % (stored 0.9286, shown 0.00%)
 * J6 = min(0.928609, 1) × 10 = 9.286… → 9.29
 * H13 考试车辆 =24辆 / 24辆 → 10
 * H14 ≥1.8万次 / 15300次 → 15300 / 18000 × 10 = 8.50
 * H15 =100% / 100% → 5
 * H16 ≥98% / 96.5% → 96.5 / 98 × 5 = 4.923… → 4.92
 * H17 ≤2021年10月 / 2021年9月 → 5
 * H18 ≤24小时 / 30小时 → (1 − 6 / 24) × 5 = 3.75
 * H19 ≤1.45万元/辆 / 1.6万元/辆 → (1 − 0.15 / 1.45) × 5 = 4.482… → 4.48
 * H20 ≤60万元 / 582000元 = 58.2万元 → 5
 * H21 =0起 / 0 → 10
 * H22 明显提升 / 有所提升 → a person (left empty)
 * H23 健全 / 健全 → 10
 * H24 ≥95% / 97.2% → 10
 * 总分 H25 and 自评等级 G26 stay empty (H22 is pending).
 */
const EXPECTED: Record<string, { value: number; numFmt: string }> = {
  I6: { value: 0.9286, numFmt: '0.00%' },
  J6: { value: 9.29, numFmt: '0.00' },
  H13: { value: 10, numFmt: '0.00' },
  H14: { value: 8.5, numFmt: '0.00' },
  H15: { value: 5, numFmt: '0.00' },
  H16: { value: 4.92, numFmt: '0.00' },
  H17: { value: 5, numFmt: '0.00' },
  H18: { value: 3.75, numFmt: '0.00' },
  H19: { value: 4.48, numFmt: '0.00' },
  H20: { value: 5, numFmt: '0.00' },
  H21: { value: 10, numFmt: '0.00' },
  H23: { value: 10, numFmt: '0.00' },
  H24: { value: 10, numFmt: '0.00' },
};
const SHEET = '项目支出绩效自评表';

function cellsOf(wb: Workbook): Map<string, Cell | undefined> {
  const out = new Map<string, Cell | undefined>();
  for (const s of wb.sheets)
    s.rows.forEach((row, r) => row?.forEach((cell, c) => cell && out.set(`${s.name}!${toA1(r, c)}`, cell)));
  return out;
}

/** `<c r="A1" …>…</c>` / `<c r="A1" …/>` elements of a worksheet by reference. */
function cellXml(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g))
    out.set(m[1], m[0]);
  return out;
}

describe('gouji fill on the blank national template', () => {
  const input = new Uint8Array(readFileSync(BLANK));
  let result: Awaited<ReturnType<typeof fill>>;
  let output: Uint8Array;
  beforeAll(async () => {
    result = await fill(BLANK, '-o', '/out/filled.xlsx');
    output = result.written.get('/out/filled.xlsx') as Uint8Array;
  });

  test('exit 0, one output file, the report names what was written and what needs a person', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(output).toBeInstanceOf(Uint8Array);
    expect(result.stdout).toContain('填写 13 个空单元格');
    expect(result.stdout).toContain(`${SHEET}!H14  8.50`);
    expect(result.stdout).toMatch(/需要人工处理（1 项）：\n {2}项目支出绩效自评表!H22 {2}“群众办事便利程度”/);
  });

  test('the written cells hold exactly the hand-computed scores', () => {
    const after = readXlsx(output).sheets.find((s) => s.name === SHEET)!;
    for (const [a1, want] of Object.entries(EXPECTED)) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const col = m[1].charCodeAt(0) - 65;
      const cell = after.rows[Number(m[2]) - 1]?.[col];
      expect([a1, cell?.value, cell?.numFmt]).toEqual([a1, want.value, want.numFmt]);
    }
    // 总分 (H25), 自评等级 (G26) and the qualitative score (H22) stay empty
    for (const [r, c] of [
      [24, 7],
      [25, 6],
      [21, 7],
    ])
      expect(after.rows[r]?.[c]?.value ?? null).toBeNull();
  });

  test('every other cell is unchanged: values, formulas, number formats, bold, merges', () => {
    const before = readXlsx(input);
    const after = readXlsx(output);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    const a = cellsOf(before);
    const b = cellsOf(after);
    const keys = new Set([...a.keys(), ...b.keys()]);
    let compared = 0;
    for (const k of keys) {
      const [sheet, ref] = k.split('!');
      if (sheet === SHEET && EXPECTED[ref]) continue;
      expect([k, b.get(k)]).toEqual([k, a.get(k)]);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
    for (const s of before.sheets)
      expect(after.sheets.find((x) => x.name === s.name)?.merges).toEqual(s.merges);
    // the formulas and their cached values survive (SUM of the amounts, SUM of the weights)
    expect(b.get(`${SHEET}!F6`)).toMatchObject({ formula: 'SUM(F7:F9)', value: 185.6 });
    expect(b.get(`${SHEET}!G25`)).toMatchObject({ formula: 'SUM(H6,G13:G24)', value: 100 });
  });

  test('raw XML: untouched parts are byte-identical, and so is every untouched cell element of the filled sheet', () => {
    const zin = unzipSync(input);
    const zout = unzipSync(output);
    const sheets = Object.keys(zin).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    const changed = sheets.filter((n) => strFromU8(zin[n]) !== strFromU8(zout[n]));
    expect(changed).toHaveLength(1);
    const [edited] = changed;
    // the cover sheet (说明) and everything but the edited sheet, the styles and the string table are identical
    for (const name of Object.keys(zin)) {
      if (name === edited || name === 'xl/styles.xml' || name === 'xl/sharedStrings.xml') continue;
      expect([name, Buffer.from(zout[name] ?? []).equals(Buffer.from(zin[name]))]).toEqual([name, true]);
    }
    const cin = cellXml(strFromU8(zin[edited]));
    const cout = cellXml(strFromU8(zout[edited]));
    let same = 0;
    for (const [ref, xml] of cin) {
      if (EXPECTED[ref]) continue;
      expect([ref, cout.get(ref)]).toEqual([ref, xml]);
      same++;
    }
    expect(same).toBeGreaterThan(150);
  });

  test('--json: the cells written and the indicator left for a person', async () => {
    const r = await fill(BLANK, '-o', '/out/x.xlsx', '--json');
    const json = JSON.parse(r.stdout);
    expect(json.written.map((w: { cell: string }) => w.cell)).toEqual(Object.keys(EXPECTED));
    expect(json.needsPerson.map((f: { locations: { cell: string }[] }) => f.locations[0].cell)).toEqual([
      'H22',
    ]);
    expect(json.forms[0]).toMatchObject({ executionScore: 9.29, pending: 1 });
  });

  test('--lang en', async () => {
    const r = await fill(BLANK, '-o', '/out/x.xlsx', '--lang', 'en');
    expect(r.stdout).toContain('13 empty cell(s) filled');
    expect(r.stdout).toContain('Needs a person (1)');
  });
});

describe('gouji fill on filled sheets and bad input', () => {
  test('晋中: nothing to write, the wrong 等次 is an error → exit 1, output equals input', async () => {
    const r = await fill(JINZHONG, '-o', '/out/jz.xlsx');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('填写 0 个空单元格');
    expect(r.stdout).toContain('总分 97.66 对应等次“优”，表中填写为“差”');
    expect(Buffer.from(r.written.get('/out/jz.xlsx')!).equals(readFileSync(JINZHONG))).toBe(true);
  });

  test.each([
    [['only-one-arg.xlsx'], /usage: gouji fill/],
    [[BLANK], /usage: gouji fill/],
    [['/nonexistent/a.xlsx', '-o', '/out/a.xlsx'], /file not found/],
    [[BLANK, '-o', '/out/a.xlsx', '--colour'], /unknown option: --colour/],
    [[BLANK, '-o', '/out/a.xlsx', '--lang', 'fr'], /--lang must be zh or en/],
    [
      [join(FIXTURES, 'strange', 'not-a-workbook.xlsx'), '-o', '/out/a.xlsx'],
      /not a zip|not an \.xlsx|Not an \.xlsx/i,
    ],
  ])('%j → exit 2 with one line and no stack trace', async (argv, message) => {
    const r = await fill(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(r.written.size).toBe(0);
  });

  test('a workbook without a 自评表: an unchanged copy and a sentence saying so', async () => {
    const file = join(FIXTURES, 'jiyuan-2021-budget.xlsx');
    const r = await fill(file, '-o', '/out/j.xlsx');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('没有识别到项目支出绩效自评表');
    expect(Buffer.from(r.written.get('/out/j.xlsx')!).equals(readFileSync(file))).toBe(true);
  });
});
