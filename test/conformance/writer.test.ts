/**
 * Writer conformance: three workbooks saved by five producers (test/conformance/inputs, made by
 * scripts/conformance/make-inputs.ts), each run through `check --annotate`, `fill`, `summary` and `review`.
 * For every output: each XML part parses with a namespace-aware strict parser, [Content_Types].xml is whole,
 * the package opens in ExcelJS and openpyxl and converts to PDF with LibreOffice headless (one batch for the
 * whole suite), every original cell keeps its value, formula and style (fill / highlights change only the
 * cells they report), and Gouji reads its own output again with the same tables recognised.
 *
 * LibreOffice and Debian's python3-openpyxl are required (.ci/run installs them): without them this fails.
 */
import ExcelJS from 'exceljs';
import { execFileSync, spawn } from 'child_process';
import { unzipSync, zipSync } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { gouji } from '../cli/helpers';
import { toDefaultNamespace } from '../../scripts/conformance/make-inputs';
import { packageProblems } from './xml-check';

const INPUTS = join(__dirname, 'inputs');
const PRODUCERS = ['excel', 'exceljs', 'openpyxl', 'libreoffice', 'xprefix'];
const BASES = ['final-accounts', 'self-evaluation', 'real-budget'];
const COMMANDS = ['check', 'fill', 'summary', 'review'] as const;
type Command = (typeof COMMANDS)[number];
const PYTHON = '/usr/bin/python3';

interface Loc {
  sheet: string;
  cell: string;
}
interface Table {
  sheet: string;
  kind: string;
  range: string;
}
interface Output {
  input: string;
  command: Command;
  name: string;
  code: number;
  stderr: string;
  bytes?: Uint8Array;
  /** Cells the command reports writing a value to. */
  written: Loc[];
  /** Cells the command may colour and note (every finding location). */
  highlighted: Loc[];
}

const inputs = BASES.flatMap((b) => PRODUCERS.map((p) => `${b}.${p}`));
const outputs = new Map<string, Output>();
const inputTables = new Map<string, Table[]>();
const inputWritten = new Map<string, Loc[]>();
const pdfOk = new Map<string, boolean>();
const openpyxlResult = new Map<string, string>();
let tmp = '';
let libreOffice: Promise<void> = Promise.resolve();
const timing: Record<string, number> = {};

const key = (l: Loc) => `${l.sheet}!${l.cell}`;
const tablesOf = (json: string): Table[] =>
  (JSON.parse(json) as { tables: Table[] }).tables.map(({ sheet, kind, range }) => ({ sheet, kind, range }));

beforeAll(async () => {
  const t0 = Date.now();
  tmp = mkdtempSync(join(tmpdir(), 'gouji-conformance-'));
  const outDir = join(tmp, 'out');
  mkdirSync(outDir);
  for (const input of inputs) {
    const path = join(INPUTS, `${input}.xlsx`);
    const files = new Map<string, Uint8Array>();
    const check = await gouji(['check', path, '--json', '--annotate', 'o/check.xlsx'], files);
    const checkJson = JSON.parse(check.stdout) as { tables: Table[]; findings: { locations: Loc[] }[] };
    inputTables.set(input, tablesOf(check.stdout));
    const fill = await gouji(['fill', path, '-o', 'o/fill.xlsx', '--json'], files);
    const fillJson = JSON.parse(fill.stdout) as { written: Loc[]; findings: { locations: Loc[] }[] };
    const written = fillJson.written.map(({ sheet, cell }) => ({ sheet, cell }));
    inputWritten.set(input, written);
    const summary = await gouji(['summary', path, '-o', 'o/summary.xlsx'], files);
    const review = await gouji(['review', path, '-o', 'o/review.xlsx', '--json'], files);
    const reviewJson = JSON.parse(review.stdout) as { findings: { locations: Loc[] }[] };
    const locs = (j: { findings: { locations: Loc[] }[] }) => j.findings.flatMap((f) => f.locations);
    const runs: Record<Command, [typeof check, Loc[], Loc[]]> = {
      check: [check, [], locs(checkJson)],
      fill: [fill, written, []],
      summary: [summary, [], []],
      review: [review, written, locs(reviewJson)],
    };
    for (const command of COMMANDS) {
      const [r, w, h] = runs[command];
      const name = `${input}.${command}`;
      const bytes = files.get(`o/${command}.xlsx`);
      outputs.set(name, {
        input,
        command,
        name,
        code: r.code,
        stderr: r.stderr,
        bytes,
        written: w,
        highlighted: h,
      });
      if (bytes) writeFileSync(join(outDir, `${name}.xlsx`), bytes);
    }
  }
  timing.commands = Date.now() - t0;

  // One LibreOffice batch for every output, with its own profile; it runs beside the other checks.
  const t1 = Date.now();
  const pdfDir = join(tmp, 'pdf');
  const names = [...outputs.keys()];
  libreOffice = new Promise<void>((resolve, reject) => {
    const child = spawn(
      'soffice',
      [
        `-env:UserInstallation=file://${join(tmp, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfDir,
        ...readdirSync(outDir).map((f) => join(outDir, f)),
      ],
      { stdio: 'ignore' },
    );
    child.on('error', (e) =>
      reject(new Error(`LibreOffice (soffice) is required for the conformance suite: ${e.message}`)),
    );
    child.on('exit', (code) => {
      for (const name of names) {
        const pdf = join(pdfDir, `${name}.pdf`);
        pdfOk.set(name, existsSync(pdf) && readFileSync(pdf).subarray(0, 5).toString() === '%PDF-');
      }
      timing.libreoffice = Date.now() - t1;
      if (code === 0) resolve();
      else reject(new Error(`soffice exited with ${code}`));
    });
  });
  libreOffice.catch(() => undefined);

  // One openpyxl batch: load every output.
  const t2 = Date.now();
  const py = [
    'import sys, json, warnings, openpyxl',
    'warnings.simplefilter("ignore")',
    'out = {}',
    'for p in sys.argv[1:]:',
    '    try:',
    '        openpyxl.load_workbook(p).sheetnames',
    '        out[p] = "ok"',
    '    except Exception as e:',
    '        out[p] = "%s: %s" % (type(e).__name__, e)',
    'print(json.dumps(out))',
  ].join('\n');
  const files = readdirSync(outDir).map((f) => join(outDir, f));
  const res = JSON.parse(execFileSync(PYTHON, ['-c', py, ...files], { encoding: 'utf8' })) as Record<
    string,
    string
  >;
  for (const [p, v] of Object.entries(res)) openpyxlResult.set(p.slice(outDir.length + 1, -5), v);
  timing.openpyxl = Date.now() - t2;
}, 180000);

/** ExcelJS 4 matches tag names without resolving prefixes, so x:-prefixed packages go through a faithful rewrite. */
async function loadExcelJS(bytes: Uint8Array, producer: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const data = producer === 'xprefix' ? zipSync(toDefaultNamespace(unzipSync(bytes))) : bytes;
  await wb.xlsx.load(data.slice().buffer);
  return wb;
}
const producerOf = (input: string) => input.slice(input.indexOf('.') + 1);

afterAll(async () => {
  await libreOffice.catch(() => undefined);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  if (process.env.GOUJI_CONFORMANCE_TIMING) console.log(JSON.stringify(timing));
});

const cases = inputs.flatMap((input) => COMMANDS.map((command) => [`${input}.${command}`] as [string]));

test('the suite covers 5 producers × 3 workbooks × 4 commands', () => {
  expect(inputs).toHaveLength(15);
  for (const input of inputs) expect(existsSync(join(INPUTS, `${input}.xlsx`))).toBe(true);
  expect(outputs.size).toBe(60);
});

test.each(inputs.map((i) => [i]))('input %s is itself a conformant package', (input) => {
  expect(packageProblems(new Uint8Array(readFileSync(join(INPUTS, `${input}.xlsx`))))).toEqual([]);
});

describe.each(cases)('%s', (name) => {
  const out = () => outputs.get(name) as Output;

  test('writes a package whose XML parts are well-formed and namespace-valid', () => {
    const o = out();
    expect(o.stderr).toBe('');
    expect(o.bytes).toBeDefined();
    expect(packageProblems(o.bytes as Uint8Array)).toEqual([]);
  });

  test('opens in ExcelJS and openpyxl', async () => {
    const wb = await loadExcelJS(out().bytes as Uint8Array, producerOf(out().input));
    expect(wb.worksheets.length).toBeGreaterThan(0);
    expect(openpyxlResult.get(name)).toBe('ok');
  });

  test('keeps every original cell; changes only the cells it reports', async () => {
    const o = out();
    const producer = producerOf(o.input);
    const before = await loadExcelJS(new Uint8Array(readFileSync(join(INPUTS, `${o.input}.xlsx`))), producer);
    const after = await loadExcelJS(o.bytes as Uint8Array, producer);
    const written = new Set(o.written.map(key));
    const lit = new Set(o.highlighted.map(key));
    const afterNames = after.worksheets.map((s) => s.name);
    expect(afterNames.slice(0, before.worksheets.length)).toEqual(before.worksheets.map((s) => s.name));
    expect(afterNames.length - before.worksheets.length).toBe(
      o.command === 'summary' || o.command === 'review' ? 1 : 0,
    );
    const diffs: string[] = [];
    for (const ws of before.worksheets) {
      const ws2 = after.getWorksheet(ws.name) as ExcelJS.Worksheet;
      const seen = new Set<string>();
      const compare = (addr: string) => {
        if (seen.has(addr)) return;
        seen.add(addr);
        const k = `${ws.name}!${addr}`;
        const a = ws.getCell(addr);
        const b = ws2.getCell(addr);
        if (written.has(k)) {
          if (a.value !== null) diffs.push(`${k}: filled a non-empty cell`);
        } else if (JSON.stringify(a.value) !== JSON.stringify(b.value))
          diffs.push(`${k}: value ${JSON.stringify(a.value)} → ${JSON.stringify(b.value)}`);
        const sa = { ...a.style } as Record<string, unknown>;
        const sb = { ...b.style } as Record<string, unknown>;
        for (const [skip, prop] of [
          [lit.has(k), 'fill'],
          [written.has(k), 'numFmt'],
        ] as const)
          if (skip) {
            delete sa[prop];
            delete sb[prop];
          }
        if (JSON.stringify(sa) !== JSON.stringify(sb)) diffs.push(`${k}: style changed`);
      };
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => compare(c.address)),
      );
      ws2.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => compare(c.address)),
      );
    }
    expect(diffs).toEqual([]);
    if (o.command === 'fill') expect(o.written.length > 0).toBe(o.input.startsWith('self-evaluation'));
  });

  test('reads back with the same tables recognised', async () => {
    const o = out();
    const files = new Map([['o.xlsx', o.bytes as Uint8Array]]);
    const again = await gouji(['check', 'o.xlsx', '--json'], files);
    expect(again.stderr).toBe('');
    const original = inputTables.get(o.input) as Table[];
    const sheets = new Set(original.map((t) => t.sheet));
    expect(original.length).toBeGreaterThan(0);
    expect(tablesOf(again.stdout).filter((t) => sheets.has(t.sheet))).toEqual(original);
  });
});

// Last, so the LibreOffice batch has run beside everything above.
describe('LibreOffice headless', () => {
  beforeAll(() => libreOffice, 180000);
  test.each(cases)('%s converts to PDF', (name) => {
    expect(pdfOk.get(name)).toBe(true);
  });
});
