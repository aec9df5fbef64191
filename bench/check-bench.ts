/**
 * Whole-check speed: a generated 部门预算 workbook with 20,000 功能分类 code rows across several tables
 * (收入总表, 支出总表, 一般公共预算支出表, 政府性基金预算支出表) plus a 收支总表, a 财政拨款收支总表, a 基本支出表, a 三公
 * table and 500 项目支出绩效目标表 forms, written with ExcelJS's streaming writer to bench/output/ — and the same at
 * 2×, 4× and 8× (more 款 per 类, more forms; its codes are made up, most not in the catalog), the 1× workbook with
 * real catalog codes and names instead (what a real budget prints), and a merge-heavy workbook of stacked forms merged the way real
 * budgets merge them (labels over columns, 一级/二级指标 down rows) at 500 … 4,000 forms. Each size is measured
 * in a fresh process: (a) readXlsx, (b) review() — recognition and every rule — CPU time (median of 5, steadier
 * than wall time on a shared machine), check/read = (a + b) / a, and the peak RSS of the process after one check,
 * with the V8 flags the CLI runs with; that in 3 rounds (BENCH_ROUNDS), each taking every file in turn, and the
 * medians reported (growth: the median of each round's time over the same round's 1×).
 * Then, for the 1× workbooks, where review() spends its time: each part of recognition, the rules by group and the
 * findings' sort, CPU ms of the first review in a fresh process (cold, as a single `gouji check` runs it) and the
 * median of the next five (warm), with the findings each rule group returns and the collector's pauses
 * (BENCH_BY_RULE=1: by rule instead of by group).
 * Run: npm run bench  (target: check/read ≤ 1.2; 8× size ≤ 9× time)
 */
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { PerformanceEntry, PerformanceObserver } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { loadCatalog, parentCode } from '../src/core/catalog';
import { CLI_V8_FLAGS } from '../src/cli/v8-flags';
import { findNarrativeCells } from '../src/core/narrative/extract';
import { recognizePerformanceForms } from '../src/core/performance/recognize';
import { recognize, review, runRule, sortFindings } from '../src/core/review';
import { allRules } from '../src/core/rules';
import { withSettings } from '../src/core/settings';
import { recognizeBudgetTables } from '../src/core/tables/recognize';
import { Finding } from '../src/core/model/findings';
import { readXlsx } from '../src/xlsx/read';
import { cpuMs, median } from './stats';

const OUT = join(__dirname, 'output');

const LEI = 20; // 类
const KUAN = 10; // 款 per 类 (× scale)
const XIANG = 32; // 项 per 款 → 20 + 200 + 6,400 = 6,620 rows per table at 1×
const FORMS = 500; // × scale
const SCALES = [1, 2, 4, 8];

/** Deterministic pseudo-random amounts (in 分, so every sum is exact). */
let seed = 20261121;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

interface CodeRow {
  code: string;
  name: string;
  basic: number; // 分
  project: number;
}

/** A consistent 类/款/项 tree; amounts in 分. */
function codeTree(prefix: number, lei: number, kuan: number, xiang = XIANG): CodeRow[] {
  const [LEI_N, KUAN_N, XIANG_N] = [lei, kuan, xiang];
  const rows: CodeRow[] = [];
  for (let l = 0; l < LEI_N; l++) {
    const lei = String(prefix + l);
    const leiRow: CodeRow = { code: lei, name: `类${lei}`, basic: 0, project: 0 };
    rows.push(leiRow);
    for (let k = 1; k <= KUAN_N; k++) {
      const kuan = lei + String(k).padStart(2, '0');
      const kuanRow: CodeRow = { code: kuan, name: `款${kuan}`, basic: 0, project: 0 };
      rows.push(kuanRow);
      for (let x = 1; x <= XIANG_N; x++) {
        const xiang = kuan + String(x).padStart(2, '0');
        const basic = rand(3) === 0 ? 0 : rand(5_000_000);
        const project = rand(2) === 0 ? 0 : rand(8_000_000);
        rows.push({ code: xiang, name: `项${xiang}`, basic, project });
        kuanRow.basic += basic;
        kuanRow.project += project;
      }
      leiRow.basic += kuanRow.basic;
      leiRow.project += kuanRow.project;
    }
  }
  return rows;
}

/**
 * A tree of real 功能分类 codes (the catalog's current entries under the given 类, with their names): what a real
 * budget prints, so codes/unknown and codes/name find nothing to say. Leaves carry amounts, parents their sums.
 */
function catalogTree(leis?: string[]): CodeRow[] {
  const entries = loadCatalog()
    .entries('functional')
    .filter((e) => !e.retired && (!leis || leis.includes(e.code.slice(0, 3))))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map<string, CodeRow>();
  const rows: CodeRow[] = [];
  for (const e of entries) {
    const parent = parentCode(e.code);
    if (parent && !byCode.has(parent)) continue; // an orphan: no row to add up into
    const row: CodeRow = { code: e.code, name: e.name, basic: 0, project: 0 };
    byCode.set(e.code, row);
    rows.push(row);
  }
  const hasChild = new Set(rows.map((r) => parentCode(r.code)).filter((c): c is string => !!c));
  for (const r of rows) {
    if (hasChild.has(r.code)) continue;
    r.basic = rand(3) === 0 ? 0 : rand(5_000_000);
    r.project = rand(2) === 0 ? 0 : rand(8_000_000);
    for (let p = parentCode(r.code); p; p = parentCode(p)) {
      const up = byCode.get(p) as CodeRow;
      up.basic += r.basic;
      up.project += r.project;
    }
  }
  return rows;
}

const yuan = (fen: number) => fen / 100;
const MONEY = '#,##0.00';

function header(ws: ExcelJS.Worksheet, title: string, cols: string[]): void {
  ws.addRow([title]).commit();
  ws.addRow(['单位：万元']).commit();
  ws.addRow(cols).commit();
}

function money(row: ExcelJS.Row, from: number): void {
  row.eachCell((c, i) => {
    if (i >= from && typeof c.value === 'number') c.numFmt = MONEY;
  });
}

/** A 功能分类 table: 合计 = 基本 + 项目 on every row; the 合计 row first. */
function codeTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  rows: CodeRow[],
  defects: number,
) {
  const ws = wb.addWorksheet(name);
  header(ws, title, ['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  const leis = rows.filter((r) => r.code.length === 3);
  const b = leis.reduce((s, r) => s + r.basic, 0);
  const p = leis.reduce((s, r) => s + r.project, 0);
  const total = ws.addRow(['合计', null, yuan(b + p), yuan(b), yuan(p)]);
  money(total, 3);
  total.commit();
  rows.forEach((r, i) => {
    // a few published-style defects: a 项 whose 合计 is off by 1.00
    const off = defects > 0 && i % Math.floor(rows.length / defects) === 7 ? 100 : 0;
    const row = ws.addRow([r.code, r.name, yuan(r.basic + r.project + off), yuan(r.basic), yuan(r.project)]);
    money(row, 3);
    row.commit();
  });
  ws.commit();
  return { basic: b, project: p };
}

function twoSided(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  income: [string, number][],
  expense: [string, number][],
) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).commit();
  ws.addRow(['单位：万元']).commit();
  ws.mergeCells('A3:B3');
  ws.mergeCells('C3:D3');
  ws.addRow(['收入', null, '支出', null]).commit();
  ws.addRow(['项目', '预算数', '项目', '预算数']).commit();
  const n = Math.max(income.length, expense.length);
  for (let i = 0; i < n; i++) {
    const row = ws.addRow([
      income[i]?.[0] ?? null,
      income[i] ? yuan(income[i][1]) : null,
      expense[i]?.[0] ?? null,
      expense[i] ? yuan(expense[i][1]) : null,
    ]);
    money(row, 2);
    row.commit();
  }
  const ti = income.reduce((s, x) => s + x[1], 0);
  const te = expense.reduce((s, x) => s + x[1], 0);
  const tot = ws.addRow(['收入总计', yuan(ti), '支出总计', yuan(te)]);
  money(tot, 2);
  tot.commit();
  ws.commit();
}

/** Stacked 绩效目标表 forms; `merged`: labels merged over columns and indicator levels down rows, as real forms are. */
function forms(wb: ExcelJS.stream.xlsx.WorkbookWriter, count: number, merged = false): void {
  const ws = wb.addWorksheet('绩效目标');
  ws.addRow(['项目支出绩效目标表']).commit();
  let top = 2; // 1-based row of the form's first row
  for (let f = 1; f <= count; f++) {
    const amount = 10 + rand(500);
    const rows: (string | number | null)[][] = [
      ['项目名称', null, null, `项目${f}`],
      ['主管部门及代码', null, null, '229_某局', '实施单位', '某局'],
      ['项目资金（万元）', null, null, '年度预算资金总额：', amount],
      [null, null, null, '其中：财政拨款', amount],
      [null, null, null, '其他资金', 0],
      ['总体目标', `完成项目${f}的年度任务，保障单位正常运转。`],
      [null, '一级指标', '二级指标', '三级指标', '指标值'],
      ['绩效指标', '成本指标', '经济成本', '项目成本', `≤${amount}万元`],
      ['绩效指标', '产出指标', '数量指标', '完成数量', '≥10次'],
      ['绩效指标', '产出指标', '质量指标', '合格率', '≥95%'],
      ['绩效指标', '产出指标', '时效指标', '完成时限', '≤2026年12月'],
      ['绩效指标', '效益指标', '社会效益指标', '服务覆盖率', '≥90%'],
      ['绩效指标', '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      [],
    ];
    const added = rows.map((r) => ws.addRow(r));
    if (merged) {
      const t = top;
      for (const range of [
        `A${t}:C${t}`, // 项目名称
        `D${t}:F${t}`,
        `A${t + 1}:C${t + 1}`, // 主管部门及代码
        `A${t + 2}:C${t + 4}`, // 项目资金（万元）
        `B${t + 5}:F${t + 5}`, // 总体目标
        `A${t + 7}:A${t + 12}`, // 绩效指标
        `B${t + 8}:B${t + 10}`, // 产出指标
      ])
        ws.mergeCells(range);
    }
    for (const r of added) r.commit();
    top += rows.length;
  }
  ws.commit();
}

/** The budget workbook at `scale`× (1× = 20,000 code rows and 500 forms). */
async function build(file: string, scale: number, catalogCodes = false): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  // made-up codes (most not in the catalog: ~17,600 codes/unknown warnings), or the catalog's real codes
  const general = catalogCodes ? catalogTree() : codeTree(201, LEI, KUAN * scale);
  const all = catalogCodes ? catalogTree() : codeTree(201, LEI, KUAN * scale);
  // 3 tables × 6,620 + 137 fund rows + 3 经济分类 rows = 20,000 code rows
  const fund = catalogCodes ? catalogTree(['212', '229']) : codeTree(212, 1, 4 * scale, 33);
  const t3 = codeTable(wb, '支出总表', '2026年部门支出总表', all, 5);
  codeTable(wb, '收入总表', '2026年部门收入总表', all, 0);
  const t5 = codeTable(wb, '一般公共预算支出表', '2026年一般公共预算支出表', general, 5);
  const t8 = codeTable(wb, '政府性基金预算支出表', '2026年政府性基金预算支出表', fund, 0);
  const leis = all.filter((r) => r.code.length === 3);
  twoSided(
    wb,
    '收支总表',
    '2026年部门收支总表',
    [['一、一般公共预算拨款收入', t3.basic + t3.project]],
    leis.map((r) => [`${r.name}`, r.basic + r.project] as [string, number]),
  );
  twoSided(
    wb,
    '财政拨款收支总表',
    '2026年财政拨款收支总表',
    [
      ['一、一般公共预算', t5.basic + t5.project],
      ['二、政府性基金预算', t8.basic + t8.project],
    ],
    [['一、本年支出', t5.basic + t5.project + t8.basic + t8.project]],
  );
  // 基本支出 by 经济分类: 301 / 302 / 303 adding up to the 一般公共预算 基本支出
  const basic = wb.addWorksheet('基本支出表');
  header(basic, '2026年一般公共预算基本支出表', ['科目编码', '科目名称', '合计', '人员经费', '公用经费']);
  const b301 = Math.floor(t5.basic * 0.7);
  const b303 = Math.floor(t5.basic * 0.05);
  const b302 = t5.basic - b301 - b303;
  for (const r of [
    ['合计', null, yuan(t5.basic), yuan(b301 + b303), yuan(b302)],
    ['301', '工资福利支出', yuan(b301), yuan(b301), null],
    ['302', '商品和服务支出', yuan(b302), null, yuan(b302)],
    ['303', '对个人和家庭的补助', yuan(b303), yuan(b303), null],
  ]) {
    const row = basic.addRow(r);
    money(row, 3);
    row.commit();
  }
  basic.commit();
  const tp = wb.addWorksheet('三公');
  header(tp, '2026年一般公共预算“三公”经费支出表', [
    '合计',
    '因公出国（境）费',
    '公务用车购置及运行费',
    '公务接待费',
  ]);
  const row = tp.addRow([30, 0, 25, 5]);
  money(row, 1);
  row.commit();
  tp.commit();
  forms(wb, FORMS * scale);
  await wb.commit();
}

/** A workbook of `count` stacked forms with seven merges each. */
async function buildMerged(file: string, count: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  forms(wb, count, true);
  await wb.commit();
}

/** CPU time of `fn`, median of `runs`, and the last result. */
function cpu<T>(fn: () => T, runs: number): { ms: number; result: T } {
  const runsMade = Array.from({ length: runs }, () => cpuMs(fn));
  return { ms: median(runsMade.map((r) => r.ms)), result: runsMade[runs - 1].result };
}

interface Measure {
  readMs: number;
  reviewMs: number;
  rssMiB: number;
  codeRows: number;
  forms: number;
  findings: string;
}

/** In a fresh process: read and review one file, print one JSON line. */
function measure(file: string): void {
  const bytes = new Uint8Array(readFileSync(file));
  // peak RSS of one check (read + review, as `gouji check` does), before the timed repetitions
  review(readXlsx(bytes, 'bench.xlsx'));
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  const read = cpu(() => readXlsx(bytes, 'bench.xlsx'), 5);
  const rev = cpu(() => review(read.result), 5);
  const ctx = rev.result.context;
  const out: Measure = {
    readMs: read.ms,
    reviewMs: rev.ms,
    rssMiB,
    codeRows: ctx.tables.reduce((s, t) => s + t.rows.filter((r) => r.code).length, 0),
    forms: ctx.targetForms.length,
    findings: JSON.stringify(rev.result.counts),
  };
  console.log(JSON.stringify(out));
}

/** CPU ms of each part of one review (the parts review() runs, in its order), and the findings per rule group. */
function reviewParts(wb: ReturnType<typeof readXlsx>): {
  ms: Map<string, number>;
  findings: Map<string, number>;
} {
  const ms = new Map<string, number>();
  const findings = new Map<string, number>();
  const time = <T>(part: string, fn: () => T): T => {
    const r = cpuMs(fn);
    ms.set(part, (ms.get(part) ?? 0) + r.ms);
    return r.result;
  };
  time('recognition: budget tables', () => recognizeBudgetTables(wb));
  time('recognition: performance forms', () => recognizePerformanceForms(wb));
  time('recognition: narrative cells', () => findNarrativeCells(wb));
  // the context the rules read (recognised again, untimed: the three parts above are what it runs)
  const { ctx } = recognize(wb, withSettings());
  const all: Finding[] = [];
  for (const rule of allRules) {
    const part = process.env.BENCH_BY_RULE ? rule.meta.id : `rules: ${rule.meta.group}`;
    const out = time(part, () => runRule(rule, ctx));
    findings.set(part, (findings.get(part) ?? 0) + out.length);
    for (const f of out) all.push(f);
  }
  time('sorting the findings', () => sortFindings(all, wb));
  return { ms, findings };
}

/** In a fresh process: the parts of a cold review, then the median of five warm ones; one JSON line. */
async function measureParts(file: string): Promise<void> {
  const wb = readXlsx(new Uint8Array(readFileSync(file)), 'bench.xlsx');
  // the collector's pauses on this thread during each review (reported after it, so each pass is awaited)
  const gcs: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const pass = async () => {
    gcs.length = 0;
    const t0 = performance.now();
    const parts = reviewParts(wb);
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, 20));
    const gc = gcs.filter((e) => e.startTime >= t0 && e.startTime < t1).reduce((s, e) => s + e.duration, 0);
    return { ...parts, gc };
  };
  const cold = await pass();
  const warm: (typeof cold)[] = [];
  for (let i = 0; i < 5; i++) warm.push(await pass());
  observer.disconnect();
  const rows = [...cold.ms.keys()].map((part) => ({
    part,
    cold: cold.ms.get(part) ?? 0,
    warm: median(warm.map((w) => w.ms.get(part) ?? 0)),
    findings: cold.findings.get(part),
  }));
  console.log(JSON.stringify({ rows, gc: { cold: cold.gc, warm: median(warm.map((w) => w.gc)) } }));
}

function reportParts(label: string, file: string): void {
  const out = execFileSync(
    process.execPath,
    [...CLI_V8_FLAGS, ...process.execArgv, __filename, '--parts', file],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const { rows, gc } = JSON.parse(out.trim().split('\n').pop() as string) as {
    rows: { part: string; cold: number; warm: number; findings?: number }[];
    gc: { cold: number; warm: number };
  };
  const sum = (k: 'cold' | 'warm') => rows.reduce((s, r) => s + r[k], 0);
  const line = (part: string, cold: number, warm: number, tail = '') =>
    console.log(
      `  ${part.padEnd(34)} cold ${cold.toFixed(0).padStart(5)} | warm ${warm.toFixed(0).padStart(5)}${tail}`,
    );
  console.log(
    `\n${label}: review() by part, CPU ms (cold: first review in a fresh process; warm: median of the next 5)`,
  );
  for (const r of rows)
    line(r.part, r.cold, r.warm, r.findings !== undefined ? ` | ${r.findings} findings` : '');
  line('total', sum('cold'), sum('warm'));
  line('of which GC pauses (wall ms)', gc.cold, gc.warm);
}

function run(file: string): Measure {
  // the V8 flags bin/gouji.js sets, so the numbers are those of `gouji check`
  const out = execFileSync(
    process.execPath,
    [...CLI_V8_FLAGS, ...process.execArgv, __filename, '--measure', file],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as Measure;
}

const total = (m: Measure) => m.readMs + m.reviewMs;

/** One file's line: medians over the rounds; growth = the median over rounds of this size's time / the base's. */
function report(label: string, file: string, ms: Measure[], base?: Measure[]): void {
  const m = ms[0];
  const read = median(ms.map((x) => x.readMs));
  const rev = median(ms.map((x) => x.reviewMs));
  const mib = (statSync(file).size / 1024 / 1024).toFixed(1);
  const ratio = median(ms.map((x) => total(x) / x.readMs));
  let growth = '';
  if (base) {
    const g = ms.map((x, i) => total(x) / total(base[i]));
    growth = ` | ×${median(g).toFixed(2)} time (rounds ${g.map((x) => x.toFixed(2)).join(' / ')})`;
  }
  const rss = Math.max(...ms.map((x) => x.rssMiB));
  console.log(
    `${label.padEnd(28)} ${mib.padStart(5)} MiB | read ${read.toFixed(0).padStart(5)} ms | review ${rev
      .toFixed(0)
      .padStart(5)} ms | check/read ${ratio.toFixed(2)} | peak RSS ${rss.toFixed(0)} MiB${growth}`,
  );
  console.log(`${''.padEnd(28)} ${m.codeRows} code rows, ${m.forms} forms; findings ${m.findings}`);
}

/** Rounds of measurements: each a fresh process per file, the files taken in turn in every round. */
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 3;

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') return measure(process.argv[3]);
  if (process.argv[2] === '--parts') return await measureParts(process.argv[3]);
  mkdirSync(OUT, { recursive: true });
  const only = process.argv[2] === '--quick' ? [1] : SCALES;
  const cases: { label: string; file: string; base?: string }[] = [];
  for (const k of only) {
    const file = join(OUT, `check-bench-${k}x.xlsx`);
    await build(file, k);
    cases.push({ label: `budget + forms ${k}×`, file, base: k > 1 ? 'budget + forms 1×' : undefined });
  }
  // the same workbook with real catalog codes (all 1,6xx current 功能分类 codes per table, their names)
  const catalog = join(OUT, 'check-bench-catalog-1x.xlsx');
  await build(catalog, 1, true);
  cases.push({ label: 'budget + forms, catalog codes', file: catalog });
  for (const k of only) {
    const file = join(OUT, `merge-heavy-${k}x.xlsx`);
    await buildMerged(file, 500 * k);
    cases.push({
      label: `merge-heavy ${500 * k} forms`,
      file,
      base: k > 1 ? 'merge-heavy 500 forms' : undefined,
    });
  }
  // a slow spell of the shared machine then falls on every size of a round, not on one size
  const runs = new Map<string, Measure[]>(cases.map((c) => [c.label, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const c of cases) (runs.get(c.label) as Measure[]).push(run(c.file));
  console.log(
    `CPU ms, each the median of 5 runs in a fresh process; medians of ${ROUNDS} rounds, each round taking every file in turn`,
  );
  for (const c of cases)
    report(c.label, c.file, runs.get(c.label) as Measure[], c.base ? runs.get(c.base) : undefined);
  if (only.length === 1)
    console.log(
      'planted at 1×: 10 项 rows whose 合计 is 1.00 off → 20 budget/column-sum and hierarchy errors',
    );
  reportParts('budget + forms 1×', join(OUT, 'check-bench-1x.xlsx'));
  reportParts('budget + forms 1×, catalog codes', join(OUT, 'check-bench-catalog-1x.xlsx'));
  reportParts('merge-heavy 500 forms', join(OUT, 'merge-heavy-1x.xlsx'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
