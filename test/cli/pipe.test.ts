/**
 * A report larger than 1 MiB piped from `gouji check --json` (a child process running bin/gouji.js) into
 * another process arrives whole; the streamed JSON is byte for byte what JSON.stringify gives; --jsonl is one
 * finding per line.
 */
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { toJson } from '../../src/cli/report';
import { review } from '../../src/core/review';
import { readXlsx } from '../../src/xlsx';
import { workbookParts, worksheet, zipParts } from '../fuzz/packages';
import { REAL_BUDGETS } from '../helpers/data';
import { gouji } from './helpers';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gouji.js');

/** A sheet of 12,000 cells holding #REF!: one finding each, a --json report of several MiB. */
function manyFindings(): Uint8Array {
  let rows = '';
  for (let r = 1; r <= 12000; r++) rows += `<row r="${r}"><c r="B${r}" t="e"><v>#REF!</v></c></row>`;
  return zipParts(workbookParts([worksheet(rows)]));
}

function sh(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('/bin/sh', ['-c', command], { maxBuffer: 256 << 20, cwd: ROOT }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const built = existsSync(join(ROOT, 'lib', 'cli', 'main.js'));

(built ? describe : describe.skip)('gouji check --json through a pipe (bin/gouji.js, built lib/)', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gouji-pipe-'));
    file = join(dir, 'many.xlsx');
    writeFileSync(file, manyFindings());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a report over 1 MiB piped into another process parses whole, and the exit code survives', async () => {
    const parse =
      "node -e \"const s=require('fs').readFileSync(0,'utf8');const j=JSON.parse(s);" +
      'console.log(JSON.stringify({bytes:Buffer.byteLength(s),findings:j.findings.length,counts:j.counts}))"';
    const r = await sh(`node "${BIN}" check "${file}" --json | ${parse}`);
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout);
    expect(got.bytes).toBeGreaterThan(1 << 20);
    expect(got.findings).toBe(12000);
    expect(got.counts.error + got.counts.warning + got.counts.info).toBe(12000);
    // the exit code of gouji itself is still set after the pipe has drained
    const code = await sh(`node "${BIN}" check "${file}" --json > /dev/null; echo $?`);
    expect(code.stdout.trim()).toBe(got.counts.error > 0 ? '1' : '0');
  }, 60_000);

  test('--jsonl through a pipe: a workbook line, one line per finding, a counts line', async () => {
    const r = await sh(`node "${BIN}" check "${file}" --jsonl | cat`);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].type).toBe('workbook');
    expect(lines[lines.length - 1].type).toBe('counts');
    expect(lines.filter((l) => l.type === 'finding')).toHaveLength(12000);
    expect(lines.every((l) => l.file === file)).toBe(true);
  }, 60_000);

  test('a reader that stops early (head) ends gouji quietly', async () => {
    const r = await sh(
      `node "${BIN}" check "${file}" --json | head -c 100 > /dev/null; echo "\${PIPESTATUS:-ok}"`,
    );
    expect(r.stderr).toBe('');
  }, 60_000);
});

describe('the streamed JSON report', () => {
  test('is exactly JSON.stringify(toJson(…), null, 2) on a real workbook', async () => {
    const file = join(REAL_BUDGETS, '上海普陀-司法局-2026-单位预算.xlsx');
    const r = await gouji(['check', file, '--json']);
    const { readFileSync } = await import('fs');
    const result = review(readXlsx(new Uint8Array(readFileSync(file))));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(r.stdout).toBe(`${JSON.stringify(toJson(file, result, 'zh'), null, 2)}\n`);
  });

  test('an empty report keeps the documented shape', async () => {
    const files = new Map([['/mem/empty.xlsx', zipParts(workbookParts([worksheet('')]))]]);
    const r = await gouji(['check', '/mem/empty.xlsx', '--json'], files);
    expect(JSON.parse(r.stdout)).toEqual({
      file: '/mem/empty.xlsx',
      tables: [],
      skipped: [],
      findings: [],
      counts: { error: 0, warning: 0, info: 0 },
    });
  });
});
