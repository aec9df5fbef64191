/**
 * Folder speed: `gouji check <folder of 200>` on one core (--jobs 1 pinned to core 0 with `taskset`, when the
 * machine has it), at --jobs 1 unpinned (V8's garbage collector and compiler threads then use a second core
 * too) and at the default (one job per core). The 200
 * workbooks are generated into bench/output/batch/ (kept between runs; delete the folder to regenerate):
 * varied sizes (30–2,000 code rows per table, 0–60 绩效目标表 forms), layouts (joined or split 类/款/项 codes,
 * 元 or 万元, sheet order, with or without a 收支总表) and planted errors (a 项 whose 合计 is off, a 款 that is
 * not the sum of its 项); their names are made up, so most codes also get codes/unknown or codes/name warnings.
 * A second folder is a season of real-sized files: the 12 real published budgets of test/data copied 16 times
 * (192 files, 0–38 findings each). The built CLI (lib/, `npm run build:cli`) runs as a child process, as a
 * reviewer runs it; each setting is run several times, alternating, and the median wall time is reported with
 * the best run, the child's CPU time and the machine's load average (the 2 cores are shared; run to run the same
 * work takes up to a third longer, so the pairwise ratios matter more than any single time).
 *
 * Run: npm run build:cli && npx tsx bench/batch-bench.ts [runs]
 */
import { spawnSync } from 'child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { availableParallelism, loadavg } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { median } from './stats';

const ROOT = join(__dirname, '..');
const OUT = join(__dirname, 'output');
const DIR = process.env.BATCH_DIR ?? join(OUT, 'batch');
const REAL_COPIES = 16;
const FILES = Number(process.env.BATCH_FILES) || 200;
const VERSION = '1'; // bump when the generator changes
const RUNS = Number(process.argv[2]) || 3;

let seed = 20261202;
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

function codeTree(first: number, lei: number, kuan: number, xiang: number): CodeRow[] {
  const rows: CodeRow[] = [];
  for (let l = 0; l < lei; l++) {
    const lc = String(first + l);
    const leiRow: CodeRow = { code: lc, name: `类${lc}`, basic: 0, project: 0 };
    rows.push(leiRow);
    for (let k = 1; k <= kuan; k++) {
      const kc = lc + String(k).padStart(2, '0');
      const kuanRow: CodeRow = { code: kc, name: `款${kc}`, basic: 0, project: 0 };
      rows.push(kuanRow);
      for (let x = 1; x <= xiang; x++) {
        const basic = rand(3) === 0 ? 0 : rand(5_000_000);
        const project = rand(2) === 0 ? 0 : rand(8_000_000);
        rows.push({ code: kc + String(x).padStart(2, '0'), name: `项${kc}${x}`, basic, project });
        kuanRow.basic += basic;
        kuanRow.project += project;
      }
      leiRow.basic += kuanRow.basic;
      leiRow.project += kuanRow.project;
    }
  }
  return rows;
}

interface Layout {
  unit: '元' | '万元';
  split: boolean;
  twoSided: boolean;
  forms: number;
  reverse: boolean;
}

/** 分 → the printed amount: 元 with 2 decimals, or 万元 with 2 decimals (rounded half up). */
const printed = (fen: number, unit: Layout['unit']) =>
  unit === '元' ? fen / 100 : Math.round(fen / 10000) / 100;

/** A 功能分类 table (合计 = 基本 + 项目); `defects` 项 rows have a 合计 off by 1.00 and one 款 is off by 5.00. */
function codeTable(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  rows: CodeRow[],
  l: Layout,
  defects: number,
) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.addRow([`单位：${l.unit}`]);
  const unit = (fen: number) => printed(fen, l.unit);
  const off = l.unit === '元' ? 100 : 1_000_000; // 1.00 in the printed unit, in 分
  if (l.split) {
    ws.addRow(['功能分类科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出']);
    ws.addRow(['类', '款', '项', null, null, null, null]);
    ws.mergeCells('A3:C3');
    for (const c of ['D', 'E', 'F', 'G']) ws.mergeCells(`${c}3:${c}4`);
  } else ws.addRow(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  const leis = rows.filter((r) => r.code.length === 3);
  const b = leis.reduce((s, r) => s + r.basic, 0);
  const p = leis.reduce((s, r) => s + r.project, 0);
  const money = (basic: number, project: number, extra = 0) => [
    unit(basic + project) + unit(extra),
    unit(basic),
    unit(project),
  ];
  ws.addRow(l.split ? ['合计', null, null, null, ...money(b, p)] : ['合计', null, ...money(b, p)]);
  const xiang = rows.filter((r) => r.code.length === 7);
  const step = Math.max(1, Math.floor(xiang.length / Math.max(1, defects)));
  let planted = 0;
  let kuanDefect = defects > 0;
  for (const r of rows) {
    let extra = 0;
    if (r.code.length === 7 && planted < defects && xiang.indexOf(r) % step === 3 % step) {
      extra = off;
      planted++;
    }
    let rowBasic = r.basic;
    if (r.code.length === 5 && kuanDefect && r.basic > 0) {
      rowBasic += 5 * off; // 款 基本 ≠ Σ 项 基本 (and 合计 follows, so the row itself adds up)
      kuanDefect = false;
    }
    const values = money(rowBasic, r.project, extra);
    if (l.split) {
      const parts = [r.code.slice(0, 3), r.code.slice(3, 5) || null, r.code.slice(5, 7) || null];
      ws.addRow([...parts, r.name, ...values]);
    } else ws.addRow([r.code, r.name, ...values]);
  }
  return { basic: b, project: p };
}

function forms(wb: ExcelJS.Workbook, n: number): void {
  const ws = wb.addWorksheet('绩效目标');
  ws.addRow(['项目支出绩效目标表']);
  for (let f = 1; f <= n; f++) {
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
      ['绩效指标', '产出指标', '质量指标', '合格率', f % 7 === 0 ? '≥120%' : '≥95%'], // planted: a rate above 100%
      ['绩效指标', '产出指标', '时效指标', '完成时限', '≤2026年12月'],
      ['绩效指标', '效益指标', '社会效益指标', '服务覆盖率', '≥90%'],
      ['绩效指标', '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      [],
    ];
    for (const r of rows) ws.addRow(r);
  }
}

async function workbook(i: number): Promise<Buffer> {
  // sizes: most files small, some medium, a few large (as in a bureau's season)
  const size = i % 20 === 0 ? 3 : i % 5 === 0 ? 2 : i % 2;
  const [lei, kuan, xiang] = [
    [3, 3, 3],
    [5, 4, 6],
    [8, 6, 10],
    [12, 8, 20],
  ][size];
  const l: Layout = {
    unit: i % 3 === 0 ? '万元' : '元',
    split: i % 4 === 1,
    twoSided: i % 6 !== 5,
    forms: [0, 5, 20, 60][(i + size) % 4],
    reverse: i % 2 === 1,
  };
  const unitName = `某市第${i + 1}局`;
  const wb = new ExcelJS.Workbook();
  const all = codeTree(201 + (i % 3), lei, kuan, xiang);
  const general = codeTree(201 + (i % 3), Math.max(1, lei - 1), kuan, xiang);
  const defects = 1 + (i % 4);
  const make: (() => void)[] = [];
  let t3 = { basic: 0, project: 0 };
  make.push(() => {
    t3 = codeTable(wb, '支出总表', `${unitName}2026年部门支出总表`, all, l, defects);
  });
  make.push(
    () => void codeTable(wb, '一般公共预算支出表', `${unitName}2026年一般公共预算支出表`, general, l, 0),
  );
  if (l.reverse) make.reverse();
  for (const m of make) m();
  if (l.twoSided) {
    const ws = wb.addWorksheet('收支总表', {});
    ws.addRow([`${unitName}2026年部门收支总表`]);
    ws.addRow([`单位：${l.unit}`]);
    ws.addRow(['收入', null, '支出', null]);
    ws.mergeCells('A3:B3');
    ws.mergeCells('C3:D3');
    ws.addRow(['项目', '预算数', '项目', '预算数']);
    const total = t3.basic + t3.project;
    const leis = all.filter((r) => r.code.length === 3);
    ws.addRow([
      '一、一般公共预算拨款收入',
      printed(total, l.unit),
      leis[0].name,
      printed(leis[0].basic + leis[0].project, l.unit),
    ]);
    for (const r of leis.slice(1)) ws.addRow([null, null, r.name, printed(r.basic + r.project, l.unit)]);
    ws.addRow(['收入总计', printed(total, l.unit), '支出总计', printed(total, l.unit)]);
  }
  const tp = wb.addWorksheet('三公');
  tp.addRow([`${unitName}2026年一般公共预算“三公”经费支出表`]);
  tp.addRow(['单位：万元']);
  tp.addRow(['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费']);
  const car = 5 + rand(20);
  const meet = rand(6);
  tp.addRow([car + meet + (i % 10 === 0 ? 1 : 0), 0, car, meet]); // planted: 合计 ≠ Σ parts in every tenth file
  if (l.forms) forms(wb, l.forms);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function generate(): Promise<void> {
  const stamp = join(DIR, '.version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === `${VERSION}/${FILES}`) return;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const t0 = performance.now();
  for (let i = 0; i < FILES; i++)
    writeFileSync(join(DIR, `单位${String(i + 1).padStart(3, '0')}-2026-预算.xlsx`), await workbook(i));
  writeFileSync(stamp, `${VERSION}/${FILES}`);
  console.log(`generated ${FILES} workbooks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** CPU time (user + system, ms) of this process's finished children, from /proc (Linux). */
function childCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, 100 ticks/s
  } catch {
    return NaN;
  }
}

interface Run {
  wall: number;
  cpu: number;
  load: number;
  lines: string[];
}

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));

function check(dir: string, jobs?: number, oneCore = false): Run {
  const args = [
    ...(oneCore && TASKSET ? ['-c', '0', process.execPath] : []),
    join(ROOT, 'bin', 'gouji.js'),
    'check',
    dir,
    '--json',
    ...(jobs ? ['--jobs', String(jobs)] : []),
  ];
  const c0 = childCpu();
  const load = loadavg()[0];
  // the JSON Lines go to a file, as `gouji check <folder> --json > out.jsonl` does (36 MB through a pipe would
  // have this process read them on the same two cores)
  const outFile = join(OUT, 'batch-out.jsonl');
  const out = openSync(outFile, 'w');
  const t0 = performance.now();
  const cmd = oneCore && TASKSET ? TASKSET : process.execPath;
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', out, 'pipe'] });
  const wall = performance.now() - t0;
  closeSync(out);
  if (r.status !== 0 && r.status !== 1) throw new Error(`gouji exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: childCpu() - c0, load, lines: readFileSync(outFile, 'utf8').trim().split('\n') };
}

/** The 12 real published budgets of test/data, copied 16 times: a season of real-sized files (192). */
function realSeason(): string {
  const src = join(ROOT, 'test', 'data', 'real-budgets');
  const dir = join(OUT, 'real');
  // copied afresh each run (a few hundred KB): the copies can never be older than test/data
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(src).filter((x) => x.endsWith('.xlsx')))
    for (let k = 1; k <= REAL_COPIES; k++)
      copyFileSync(join(src, f), join(dir, `${String(k).padStart(2, '0')}-${f}`));
  return dir;
}

function measure(dir: string, what: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length;
  const cores = availableParallelism();
  const core: Run[] = [];
  const one: Run[] = [];
  const all: Run[] = [];
  check(dir); // warm the file cache
  for (let k = 0; k < RUNS; k++) {
    if (TASKSET) core.push(check(dir, 1, true));
    one.push(check(dir, 1));
    all.push(check(dir));
  }
  const results = all[0].lines.map(
    (l) => JSON.parse(l) as { counts?: Record<string, number>; error?: string },
  );
  const sum = (key: string) => results.reduce((s, r) => s + (r.counts?.[key] ?? 0), 0);
  if (all[0].lines.join('\n') !== one[0].lines.join('\n')) throw new Error('--jobs 1 and the default differ');
  console.log(
    `batch: ${files} ${what}, ${results.filter((r) => r.error).length} unreadable; findings: ` +
      `${sum('error')} errors, ${sum('warning')} warnings, ${sum('info')} info (the same at every --jobs)`,
  );
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const fmt = (runs: Run[]) =>
    `median wall ${s(median(runs.map((r) => r.wall)))} s (best ${s(Math.min(...runs.map((r) => r.wall)))}), ` +
    `CPU ${s(median(runs.map((r) => r.cpu)))} s ` +
    `(runs: ${runs.map((r) => s(r.wall)).join(' / ')} s; load avg ${runs.map((r) => r.load.toFixed(2)).join(' / ')})`;
  if (TASKSET) console.log(`  one core (--jobs 1, taskset -c 0): ${fmt(core)}`);
  console.log(`  --jobs 1: ${fmt(one)}`);
  console.log(`  --jobs ${cores} (default, ${cores} cores): ${fmt(all)}`);
  const speedUp = (base: Run[], label: string) => {
    const ratios = base.map((r, k) => r.wall / all[k].wall);
    console.log(
      `  speed-up over ${label}: ${(median(base.map((r) => r.wall)) / median(all.map((r) => r.wall))).toFixed(2)}× ` +
        `(pairwise: ${ratios.map((x) => x.toFixed(2)).join(' / ')}; median ${median(ratios).toFixed(2)})`,
    );
  };
  if (TASKSET) speedUp(core, 'one core');
  speedUp(one, '--jobs 1 unpinned');
  console.log(`  target: ≥ 1.7 on 2 cores`);
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'lib', 'cli', 'batch', 'worker.js')))
    throw new Error('the CLI is not built: run `npm run build:cli` first');
  await generate();
  measure(DIR, 'generated workbooks');
  measure(realSeason(), `real published budgets (the ${REAL_COPIES} copies of test/data/real-budgets)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
