import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { readXlsx } from '../../src/xlsx';
import { gouji } from './helpers';
import { REAL_BUDGETS } from '../helpers/data';

const REAL = REAL_BUDGETS;
const FIXTURES = join(__dirname, '..', 'fixtures');
const STRANGE = join(FIXTURES, 'strange');
const realFiles = readdirSync(REAL).filter((f) => f.endsWith('.xlsx'));

describe('gouji check — contract', () => {
  test('no arguments prints usage and exits 2', async () => {
    const r = await gouji([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('gouji check');
  });

  test('unknown command and unknown option exit 2 with one line', async () => {
    const a = await gouji(['frobnicate']);
    expect(a.code).toBe(2);
    expect(a.stderr.trim().split('\n')).toHaveLength(1);
    const b = await gouji(['check', join(REAL, realFiles[0]), '--colour']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/unknown option: --colour/);
  });

  test('missing file exits 2 with one clear line and no stack trace', async () => {
    const r = await gouji(['check', '/nonexistent/book.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/file not found/);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('--json prints exactly one object with the documented shape', async () => {
    const file = join(REAL, '上海普陀-司法局-2026-单位预算.xlsx');
    const r = await gouji(['check', file, '--json']);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).sort()).toEqual(['counts', 'file', 'findings', 'skipped', 'tables']);
    expect(json.file).toBe(file);
    expect(Object.keys(json.counts).sort()).toEqual(['error', 'info', 'warning']);
    for (const t of json.tables) expect(Object.keys(t).sort()).toEqual(['kind', 'range', 'sheet', 'unit']);
    for (const f of json.findings) {
      expect(['error', 'warning', 'info']).toContain(f.level);
      expect(typeof f.rule).toBe('string');
      expect(typeof f.message).toBe('string');
      expect(f.locations.length).toBeGreaterThan(0);
      for (const l of f.locations) expect(l.cell).toMatch(/^[A-Z]{1,3}\d+$/);
    }
    const errors = json.findings.filter((f: { level: string }) => f.level === 'error').length;
    expect(json.counts.error).toBe(errors);
    expect(r.code).toBe(errors > 0 ? 1 : 0);
  });

  test('--lang en switches messages to English', async () => {
    const file = join(REAL, '上海普陀-司法局-2026-单位预算.xlsx');
    const zh = await gouji(['check', file]);
    const en = await gouji(['check', file, '--lang', 'en']);
    expect(zh.stdout).toContain('审核报告');
    expect(en.stdout).toContain('review report');
    expect((await gouji(['check', file, '--lang', 'fr'])).code).toBe(2);
  });

  test.each(realFiles)('reads real workbook %s without error', async (name) => {
    const r = await gouji(['check', join(REAL, name), '--json']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).file).toContain(name);
  });

  const fixtureFiles = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')) : [];
  test.each(fixtureFiles)('reads fixture %s without error', async (name) => {
    const r = await gouji(['check', join(FIXTURES, name), '--json']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).file).toContain(name);
    const text = await gouji(['check', join(FIXTURES, name)]);
    expect(text.stdout).not.toContain('没有可审核的内容');
  });

  test('--annotate writes a copy whose finding cells carry a note, and leaves the input alone', async () => {
    const file = join(REAL, '上海普陀-司法局-2026-单位预算.xlsx');
    const r = await gouji(['check', file, '--json', '--annotate', '/tmp/annotated.xlsx']);
    const out = r.files.get('/tmp/annotated.xlsx');
    expect(out).toBeDefined();
    const json = JSON.parse(r.stdout);
    const before = readXlsx(new Uint8Array(readFileSync(file)));
    const after = readXlsx(out!);
    // values are untouched by annotation
    for (let i = 0; i < before.sheets.length; i++) {
      const vb = before.sheets[i].rows.map((row) => row?.map((c) => c?.value));
      const va = after.sheets[i].rows.map((row) => row?.map((c) => c?.value));
      expect(va).toEqual(vb);
    }
    // every first location of a finding carries a note in the copy
    const parts = unzipSync(out!);
    const notes = Object.keys(parts)
      .filter((p) => /^xl\/comments\d*\.xml$/.test(p))
      .map((p) => strFromU8(parts[p]))
      .join('');
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings) expect(notes).toContain(`ref="${f.locations[0].cell}"`);
  });
});

const strange = (name: string) => join(STRANGE, name);
const haveStrange = existsSync(STRANGE);

(haveStrange ? describe : describe.skip)('gouji check — files it cannot read', () => {
  test.each(['truncated.xlsx', 'not-a-workbook.xlsx', 'old-binary.xls'])(
    '%s → exit 2, one line',
    async (name) => {
      const r = await gouji(['check', strange(name)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
  );

  test('the old binary format message says to save as .xlsx', async () => {
    const r = await gouji(['check', strange('old-binary.xls')]);
    expect(r.stderr).toMatch(/xlsx/);
  });
});

(haveStrange ? describe : describe.skip)('gouji check — readable workbooks with nothing to check', () => {
  test.each(['empty.xlsx', 'shopping-list.xlsx', 'huge-text.xlsx'])(
    '%s → normal report that says so',
    async (name) => {
      const r = await gouji(['check', strange(name)]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('没有可审核的内容');
      const en = await gouji(['check', strange(name), '--lang', 'en']);
      expect(en.stdout).toContain('nothing in this workbook to check');
    },
  );
});

(haveStrange ? describe : describe.skip)('gouji check — cells it cannot know', () => {
  test('#REF!, #DIV/0! and friends are reported as warnings at their cells, never counted as zero', async () => {
    const r = await gouji(['check', strange('ref-errors.xlsx'), '--json']);
    const json = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    const cells = json.findings.filter((f: { rule: string }) => f.rule === 'workbook/error-value');
    expect(cells.map((f: { locations: { cell: string }[] }) => f.locations[0].cell).sort()).toEqual(
      ['C4', 'C5', 'C7', 'D4', 'D6', 'D8', 'E4', 'E8'].sort(),
    );
    expect(json.counts.error).toBe(0);
  });

  test('a formula saved without its result is said to be unknown, not read as empty', async () => {
    const r = await gouji(['check', strange('formula-no-cache.xlsx'), '--json']);
    const json = JSON.parse(r.stdout);
    const unknown = json.findings.filter((f: { rule: string }) => f.rule === 'workbook/no-cached-value');
    expect(unknown.map((f: { locations: { cell: string }[] }) => f.locations[0].cell)).toEqual(
      expect.arrayContaining(['C4', 'D4', 'E4', 'C5']),
    );
    expect(json.findings.filter((f: { level: string }) => f.level === 'error')).toEqual([]);
  });

  test('amounts written with full-width digits are read as numbers', async () => {
    const r = await gouji(['check', strange('fullwidth-digits.xlsx'), '--json']);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.tables.length).toBeGreaterThan(0);
  });
});
