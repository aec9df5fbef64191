/** The CLI never writes over its input, honours a settings file, and leaves protected sheets alone. */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { readXlsx } from '../../src/xlsx';
import { gouji } from './helpers';

const FIXTURES = join(__dirname, '..', 'fixtures');
const BLANK = join(FIXTURES, 'national-self-evaluation-blank.xlsx');
const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', '济源交管支队-2021-预算与绩效.xlsx');

describe('the input is never overwritten', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-'));
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, readFileSync(BLANK));
  const spellings = [
    input,
    join(dir, '.', 'book.xlsx'),
    join(dir, '..', dir.split('/').pop()!, 'book.xlsx'),
    relative(process.cwd(), input),
  ];

  test.each(spellings)('fill / summary / review / check --annotate refuse output %s', async (out) => {
    for (const argv of [
      ['fill', input, '-o', out],
      ['summary', input, '-o', out],
      ['review', input, '-o', out],
      ['check', input, '--annotate', out],
    ]) {
      const r = await gouji(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/must not overwrite the input/);
      expect(r.files.size).toBe(0);
    }
  });
});

describe('--config <settings.json>', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-config-'));

  test('scoring settings from the file (ratio 反向 variant, older grade bands) reach the scores', async () => {
    const national = await gouji(['fill', BLANK, '-o', '/a.xlsx', '--json']);
    const older = join(dir, 'older.json');
    writeFileSync(
      older,
      JSON.stringify({
        scoring: {
          gradeBands: [
            { min: 80, grade: '优' },
            { min: 70, grade: '良' },
            { min: 60, grade: '中' },
            { min: 0, grade: '差' },
          ],
          reverseFormula: 'ratio',
        },
      }),
    );
    const withConfig = await gouji(['fill', BLANK, '-o', '/b.xlsx', '--json', '--config', older]);
    expect(withConfig.code).toBe(national.code);
    const a = JSON.parse(national.stdout).written as {
      cell: string;
      value: number | string;
      what?: string;
    }[];
    const b = JSON.parse(withConfig.stdout).written as { cell: string; value: number | string }[];
    expect(b.map((w) => w.cell)).toEqual(a.map((w) => w.cell));
    // a 反向 indicator over its target scores (1 − (B − A)/A) × w nationally and A/B × w with 'ratio'
    expect(b.some((w, i) => w.value !== a[i].value)).toBe(true);
  });

  test('a broken settings file is one clear line, exit 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ scoring: ');
    const r = await gouji(['check', SAMPLE, '--config', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not valid JSON/);
    writeFileSync(bad, '{"scoring": {"gradeBands": [{"min": "90"}]}}');
    expect((await gouji(['check', SAMPLE, '--config', bad])).stderr).toMatch(/gradeBands/);
  });

  test('per-finding levels: rules.<id> turns a finding off; an unknown id is refused', async () => {
    const before = JSON.parse((await gouji(['check', SAMPLE, '--json'])).stdout) as {
      findings: { rule: string }[];
    };
    const id = before.findings[0].rule;
    const off = join(dir, 'off.json');
    writeFileSync(off, JSON.stringify({ rules: { [id]: 'off' } }));
    const after = JSON.parse(
      (await gouji(['check', SAMPLE, '--json', '--config', off])).stdout,
    ) as typeof before;
    expect(after.findings.length).toBeLessThan(before.findings.length);
    expect(after.findings.some((f) => f.rule === id)).toBe(false);
    writeFileSync(off, JSON.stringify({ rules: { 'budget/no-such-rule': 'off' } }));
    const r = await gouji(['check', SAMPLE, '--config', off]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such finding id/);
  });
});

describe('protected sheets', () => {
  test('fill writes nothing into a protected 自评表 and says so', async () => {
    const parts = unzipSync(new Uint8Array(readFileSync(BLANK)));
    for (const part of Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)))
      parts[part] = strToU8(
        strFromU8(parts[part]).replace('</sheetData>', '</sheetData><sheetProtection sheet="1"/>'),
      );
    const files = new Map([['/locked.xlsx', zipSync(parts)]]);
    expect(readXlsx(files.get('/locked.xlsx')!).sheets.every((s) => s.protected)).toBe(true);
    const r = await gouji(['fill', '/locked.xlsx', '-o', '/out.xlsx', '--json'], files);
    const json = JSON.parse(r.stdout);
    expect(json.written).toEqual([]);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toContain('workbook/protected-sheet');
  });
});

describe('summary language switch and counts', () => {
  test('a summary made in Chinese is replaced, not duplicated, by one made in English', async () => {
    const zh = await gouji(['summary', SAMPLE, '-o', '/zh.xlsx']);
    const en = await gouji(['summary', '/zh.xlsx', '-o', '/en.xlsx', '--lang', 'en'], zh.files);
    expect(en.code).toBe(0);
    const names = readXlsx(en.files.get('/en.xlsx')!).sheets.map((s) => s.name);
    expect(names).toContain('Review summary');
    expect(names).not.toContain('审核汇总');
  });

  test('review: the summary total row equals the per-sheet rows and the report', async () => {
    const r = await gouji(['review', SAMPLE, '-o', '/r.xlsx', '--json']);
    const json = JSON.parse(r.stdout);
    const summary = readXlsx(r.files.get('/r.xlsx')!).sheets.find((s) => s.name === '审核汇总')!;
    const totalRow = summary.rows.find((row) => row?.[0]?.value === '合计')!;
    expect(totalRow.slice(1, 4).map((c) => c?.value)).toEqual([
      json.counts.error,
      json.counts.warning,
      json.counts.info,
    ]);
    expect(json.counts.error + json.counts.warning + json.counts.info).toBe(json.findings.length);
  });
});
