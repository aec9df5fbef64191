/**
 * `gouji check` on many workbooks: a folder with real budgets, a sub-folder and two broken files. Every
 * file's line and JSON line must equal what the single-file command says about it; the broken files are
 * reported and the run goes on; the exit code is the worst of the files; the --report workbook holds one
 * row per file and every finding, and LibreOffice opens it.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { unzipSync } from 'fflate';
import { cellText } from '../../src/core/model/workbook';
import { readXlsx } from '../../src/xlsx';
import { gouji } from './helpers';
import { REAL_BUDGETS } from '../helpers/data';

const REAL = readdirSync(REAL_BUDGETS)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();
const PICK = [REAL[0], REAL[1], REAL[4], REAL[6]]; // two with error-level findings, two clean or not

let dir: string;
let good: string[];
let truncated: string;
let renamed: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gouji-batch-'));
  mkdirSync(join(dir, 'sub'));
  good = PICK.map((f, i) => {
    const to = join(dir, i === 3 ? 'sub' : '', f);
    copyFileSync(join(REAL_BUDGETS, f), to);
    return to;
  });
  // a workbook cut off half-way (a failed download) and a text file saved as .xlsx
  const bytes = readFileSync(good[0]);
  truncated = join(dir, '0-损坏.xlsx');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  renamed = join(dir, 'sub', 'notes.xlsx');
  writeFileSync(renamed, '这不是工作簿\n');
  writeFileSync(join(dir, 'readme.txt'), 'not a workbook, not picked up');
  writeFileSync(join(dir, '~$open.xlsx'), 'an Excel lock file, not picked up');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The folder's workbooks in the order the batch lists them: name order, a sub-folder's files in its place. */
const listed = () => {
  const top = [truncated, ...good.slice(0, 3), join(dir, 'sub')].sort();
  return top.flatMap((p) => (p === join(dir, 'sub') ? [good[3], renamed].sort() : [p]));
};

async function single(file: string, extra: string[] = []) {
  return gouji(['check', file, ...extra]);
}

describe('gouji check <folder>', () => {
  test('every file is reviewed, broken ones are reported, the exit code is the worst', async () => {
    const r = await gouji(['check', dir, '--jobs', '2']);
    const lines = r.stdout.trim().split('\n');
    const files = listed();
    expect(lines[0]).toContain(`${files.length} 个文件`);
    const body = lines.slice(1, 1 + files.length);
    expect(body).toHaveLength(files.length);
    for (const [i, file] of files.entries()) expect(body[i]).toContain(file);
    // the broken files: one line each, saying why, and the run went on
    const bad = body.filter((l) => l.startsWith('[无法读取]'));
    expect(bad).toHaveLength(2);
    expect(bad.join('\n')).not.toMatch(/\bat .*\.(ts|js):\d+/);
    // each good file's line carries the same counts the single-file command reports
    let worst = 2;
    for (const file of good) {
      const one = JSON.parse((await single(file, ['--json'])).stdout);
      const line = body.find((l) => l.includes(file)) as string;
      expect(line).toContain(
        `错误 ${one.counts.error} · 警告 ${one.counts.warning} · 提示 ${one.counts.info}`,
      );
      expect(line.startsWith(one.counts.error > 0 ? '[有错误]' : '[通过]')).toBe(true);
    }
    expect(r.code).toBe(worst);
    expect(r.stdout).toContain('2 个无法读取');

    // without the broken files, the worst of the good ones (computed from the single-file runs)
    const codes = await Promise.all(good.map(async (f) => (await single(f)).code));
    worst = Math.max(...codes);
    const clean = await gouji(['check', ...good, '--jobs', '2']);
    expect(clean.code).toBe(worst);
    expect(clean.stdout).not.toContain('[无法读取]');
  });

  test('--json prints one object per file, each the single-file contract; broken files get an error object', async () => {
    const r = await gouji(['check', dir, '--json', '--jobs', '2']);
    const lines = r.stdout.trim().split('\n');
    const files = listed();
    expect(lines).toHaveLength(files.length);
    const objects = lines.map((l) => JSON.parse(l));
    expect(objects.map((o) => o.file)).toEqual(files);
    for (const o of objects) {
      if (o.file === truncated || o.file === renamed) {
        expect(Object.keys(o).sort()).toEqual(['error', 'file']);
        expect(o.error).toContain(o.file);
        continue;
      }
      const one = JSON.parse((await single(o.file, ['--json'])).stdout);
      expect(o).toEqual(one);
    }
    expect(r.code).toBe(2);
  });

  test('one job and two jobs give the same output; a glob picks the same files', async () => {
    const one = await gouji(['check', dir, '--json', '--jobs', '1']);
    const two = await gouji(['check', dir, '--json', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    const glob = await gouji(['check', join(dir, '*.xlsx'), '--json', '--jobs', '1']);
    const top = [truncated, ...good.slice(0, 3)].sort();
    expect(
      glob.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).file),
    ).toEqual(top);
    const deep = await gouji(['check', join(dir, '**', '*.xlsx'), '--json', '--jobs', '1']);
    expect(
      deep.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).file)
        .sort(),
    ).toEqual([...top, good[3], renamed].sort());
  });

  test('a progress bar on a terminal, nothing on a pipe; a missing input is reported like a broken file', async () => {
    const quiet = await gouji(['check', ...good.slice(0, 2), '--jobs', '1']);
    expect(quiet.stderr).toBe('');
    const files = new Map<string, Uint8Array>();
    let stderr = '';
    const { run } = await import('../../src/cli/main');
    const code = await run(
      ['check', ...good.slice(0, 2), '/nonexistent/x.xlsx', '--jobs', '1', '--lang', 'en'],
      {
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
        readFile: (p) => files.get(p) ?? new Uint8Array(readFileSync(p)),
        writeFile: (p, b) => void files.set(p, b),
        stderrIsTTY: () => true,
      },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/3\/3 files · \d+ findings \(\d+ errors\) · ETA/);
    expect(stderr).toContain('\r\x1b[K');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true); // the bar is removed at the end
  });

  test('bad usage exits 2 with one line', async () => {
    for (const argv of [
      ['check', dir, '--jobs', '0'],
      ['check', dir, '--report', join(dir, 'r.pdf')],
      ['check', dir, '--annotate', join(dir, 'a.xlsx')],
      ['check', good[0], '--report', good[0]],
    ]) {
      const r = await gouji(argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('gouji check <folder> --report', () => {
  const rows = (wb: ReturnType<typeof readXlsx>, name: string) => {
    const sheet = wb.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet.rows.filter((r) => r && r.some((c) => cellText(c) !== '')).map((r) => r.map(cellText));
  };

  test('the review workbook: a row per file, every finding, errors by rule with a chart', async () => {
    const out = join(dir, 'report.xlsx');
    const r = await gouji(['check', dir, '--report', out, '--jobs', '2']);
    expect(r.code).toBe(2);
    const bytes = r.files.get(out) as Uint8Array;
    const wb = readXlsx(bytes, 'report.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['单位汇总', '问题清单', '按规则统计']);

    const files = listed();
    const units = rows(wb, '单位汇总');
    expect(units[0].slice(0, 7)).toEqual(['文件', '单位名称', '年度', '识别表数', '错误', '警告', '提示']);
    expect(units.slice(1).map((u) => u[0])).toEqual(files);
    const singles = new Map<
      string,
      {
        counts: Record<string, number>;
        findings: {
          rule: string;
          level: string;
          message: string;
          locations: { sheet: string; cell: string }[];
        }[];
        tables: unknown[];
      }
    >();
    for (const f of good) singles.set(f, JSON.parse((await single(f, ['--json'])).stdout));
    for (const u of units.slice(1)) {
      const one = singles.get(u[0]);
      if (!one) {
        expect(u[13]).toMatch(/^无法读取: /);
        continue;
      }
      expect(Number(u[3])).toBe(one.tables.length);
      expect([u[4], u[5], u[6]].map(Number)).toEqual([one.counts.error, one.counts.warning, one.counts.info]);
    }
    // a real budget's 收支总表 gives its unit name, year and 收入/支出 totals
    const withTotals = units.slice(1).filter((u) => u[7] !== '' && u[8] !== '');
    expect(withTotals.length).toBeGreaterThan(0);
    expect(units.slice(1).some((u) => /局/.test(u[1]) && u[2] === '2026')).toBe(true);

    // every finding, with its file, sheet, cell, rule, level and message
    const findings = rows(wb, '问题清单');
    expect(findings[0]).toEqual([
      '文件',
      '单位名称',
      '工作表',
      '单元格',
      '规则',
      '级别',
      '说明',
      '应为',
      '实为',
    ]);
    const expected = [...singles.entries()].flatMap(([file, one]) =>
      one.findings.map((f) =>
        [file, f.locations[0]?.sheet ?? '', f.locations[0]?.cell ?? '', f.rule, f.message].join('|'),
      ),
    );
    const got = findings.slice(1).map((f) => [f[0], f[2], f[3], f[4], f[6]].join('|'));
    expect(got.filter((g) => !g.includes('file/unreadable')).sort()).toEqual(expected.sort());
    expect(
      findings
        .filter((f) => f[4] === 'file/unreadable')
        .map((f) => f[0])
        .sort(),
    ).toEqual([truncated, renamed].sort());

    // errors by rule: the counts add up, and the chart is there
    const byRule = rows(wb, '按规则统计');
    const errorRows = findings.slice(1).filter((f) => f[5] === '错误');
    expect(byRule.slice(1).reduce((s, x) => s + Number(x[1]), 0)).toBe(errorRows.length);
    const parts = Object.keys(unzipSync(bytes));
    expect(parts).toContain('xl/charts/chart1.xml');
    expect(parts.filter((p) => p.startsWith('xl/tables/'))).toHaveLength(3);
  });

  test('--report out.csv: the same findings, UTF-8 with BOM; --lang en', async () => {
    const out = join(dir, 'report.csv');
    const r = await gouji(['check', dir, '--report', out, '--lang', 'en', '--jobs', '1']);
    const bytes = r.files.get(out) as Uint8Array;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('File,Unit,Sheet,Cell,Rule,Level,Message,Expected,Actual');
    const xlsx = await gouji(['check', dir, '--report', join(dir, 'r.xlsx'), '--lang', 'en', '--jobs', '1']);
    const wb = readXlsx(xlsx.files.get(join(dir, 'r.xlsx')) as Uint8Array, 'r.xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Units', 'Findings', 'Errors by rule']);
    expect(lines.length).toBe(rows(wb, 'Findings').length);
    expect(text).toContain('上海'); // Chinese file names survive
    expect(lines.some((l) => /,error,/.test(l))).toBe(true);
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  (soffice ? test : test.skip)(
    'LibreOffice opens the review workbook with every file and every finding',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'gouji-lo-'));
      const report = join(work, 'report.xlsx');
      const r = await gouji(['check', dir, '--report', report, '--jobs', '1']);
      writeFileSync(report, r.files.get(report) as Uint8Array);
      const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
      const convert = (to: string, outdir: string) =>
        execFileSync('soffice', [profile, '--headless', '--convert-to', to, '--outdir', outdir, report], {
          timeout: 150000,
          stdio: 'pipe',
        });
      convert('pdf', work);
      expect(readFileSync(join(work, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      // saved again by LibreOffice and read back: nothing lost
      mkdirSync(join(work, 'lo'));
      convert('xlsx', join(work, 'lo'));
      const ours = readXlsx(r.files.get(report) as Uint8Array, 'a.xlsx');
      const theirs = readXlsx(new Uint8Array(readFileSync(join(work, 'lo', 'report.xlsx'))), 'b.xlsx');
      for (const name of ['单位汇总', '问题清单']) {
        const a = rows(ours, name);
        const b = rows(theirs, name);
        expect(b.length).toBe(a.length);
        expect(b.map((x) => x[0])).toEqual(a.map((x) => x[0]));
      }
      expect(rows(theirs, '单位汇总').length).toBe(listed().length + 1);
      rmSync(work, { recursive: true, force: true });
    },
    180000,
  );
});
