/**
 * `gouji check <file|folder|glob>… [--jobs N] [--json] [--report out.xlsx|out.csv]`: many workbooks in one run.
 * Files are reviewed by a worker pool; each file's result is printed in input order as soon as it and every
 * file before it are done (a line per file, or one JSON object per line with --json). An unreadable file is
 * reported and the run goes on. Exit code: the worst of the files (0 clean, 1 error-level findings, 2 unreadable).
 */
import { availableParallelism, cpus } from 'os';
import { extname } from 'path';
import type { Lang, Level } from '../../core/model/findings';
import { ParsedArgs, settingsFlag } from '../args';
import { assertNotInput, CliError, CliIO, nodeIO, writeOutput } from '../io';
import { expandInputs } from './inputs';

export { isMany } from './inputs';
import { Outcome, failed } from './outcome';
import { runPool } from './pool';
import { Progress } from './progress';

const W = {
  zh: {
    title: (n: number) => `Gouji 勾稽批量审核 — ${n} 个文件`,
    mark: { 0: '通过', 1: '有错误', 2: '无法读取' } as Record<0 | 1 | 2, string>,
    counts: (c: Record<Level, number>) => `错误 ${c.error} · 警告 ${c.warning} · 提示 ${c.info}`,
    tables: (n: number) => `${n} 张表`,
    total: (files: number, failed: number, c: Record<Level, number>) =>
      `合计：${files} 个文件（${files - failed} 个已审核，${failed} 个无法读取）；错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项。`,
    report: (p: string) => `审核报告已写入 ${p}`,
  },
  en: {
    title: (n: number) => `Gouji batch review — ${n} file(s)`,
    mark: { 0: 'ok', 1: 'errors', 2: 'unreadable' } as Record<0 | 1 | 2, string>,
    counts: (c: Record<Level, number>) => `${c.error} error(s) · ${c.warning} warning(s) · ${c.info} info`,
    tables: (n: number) => `${n} table(s)`,
    total: (files: number, failed: number, c: Record<Level, number>) =>
      `Total: ${files} file(s) (${files - failed} reviewed, ${failed} unreadable); ${c.error} error(s), ${c.warning} warning(s), ${c.info} info.`,
    report: (p: string) => `Review report written to ${p}`,
  },
};

const decoder = new TextDecoder();

export const BATCH_USAGE =
  '用法 / usage: gouji check <file|folder|glob>… [--jobs N] [--json] [--report <out.xlsx|out.csv>] [--lang zh|en] [--config <settings.json>]';

export function defaultJobs(): number {
  return typeof availableParallelism === 'function' ? availableParallelism() : cpus().length || 1;
}

function jobsFlag(args: ParsedArgs): number {
  const v = args.flags.get('--jobs');
  if (v === undefined) return defaultJobs();
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 1 || n > 256)
    throw new CliError('--jobs 应为 1 到 256 的整数 / --jobs must be a whole number from 1 to 256');
  return n;
}

function textLine(o: Outcome, lang: Lang): string {
  const w = W[lang];
  if (!o.ok) return `[${w.mark[2]}] ${o.error}`;
  const u = o.unit;
  const who = [u.unitName, u.year].filter((x) => x !== undefined).join(' ');
  return `[${w.mark[o.code]}] ${o.file}  ${w.counts(u.counts)} · ${w.tables(u.tables)}${who ? ` · ${who}` : ''}`;
}

function jsonLine(o: Outcome): string {
  return o.ok ? (o.line as string) : JSON.stringify({ file: o.file, error: o.error });
}

export async function runBatch(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length === 0) throw new CliError(BATCH_USAGE);
  if (args.flags.has('--annotate'))
    throw new CliError('--annotate 只能用于单个文件 / --annotate works on one file at a time');
  const settings = settingsFlag(args, io);
  const lang = settings.lang ?? 'zh';
  const jobs = jobsFlag(args);
  const report = args.flags.get('--report');
  if (typeof report === 'string' && !/^\.(xlsx|csv)$/i.test(extname(report)))
    throw new CliError('--report 的文件应以 .xlsx 或 .csv 结尾 / --report must end in .xlsx or .csv');
  const json = args.flags.has('--json');

  const inputs = expandInputs(args.positionals);
  const files = inputs.flatMap((x) => ('file' in x ? [x.file] : []));
  if (typeof report === 'string') for (const f of files) assertNotInput(f, report);
  // inputs that named no workbook are reported like unreadable files, in their place
  const outcomes: (Outcome | undefined)[] = inputs.map((x) =>
    'file' in x ? undefined : failed(x.missing, new CliError(x.error)),
  );
  const slot = inputs.flatMap((x, i) => ('file' in x ? [i] : []));

  const tty = !!io.stderrIsTTY?.();
  const progress = new Progress(files.length, lang, io.stderr, tty);
  if (!json) io.stdout(`${W[lang].title(inputs.length)}\n`);
  let printed = 0;
  const flush = () => {
    let any = false;
    while (printed < outcomes.length && outcomes[printed]) {
      const o = outcomes[printed++] as Outcome;
      if (!any) progress.clear();
      any = true;
      if (json && o.ok && o.lineBytes) {
        if (io.stdoutBytes) io.stdoutBytes(o.lineBytes);
        else io.stdout(decoder.decode(o.lineBytes));
      } else io.stdout(`${json ? jsonLine(o) : textLine(o, lang)}\n`);
      // printed: not kept for the rest of the run
      if (o.ok) {
        o.line = undefined;
        o.lineBytes = undefined;
      }
    }
    if (any) progress.draw();
  };
  flush();
  progress.draw();
  await runPool(files, {
    jobs,
    settings,
    lang,
    needs: { line: json, rows: typeof report === 'string' },
    io,
    onOutcome: (i, o) => {
      outcomes[slot[i]] = o;
      progress.step(o.ok ? o.findings : 1, o.ok ? o.unit.counts.error : 1);
      flush();
    },
  });
  progress.clear();

  const done = outcomes as Outcome[];
  const counts: Record<Level, number> = { error: 0, warning: 0, info: 0 };
  for (const o of done)
    if (o.ok) for (const l of ['error', 'warning', 'info'] as Level[]) counts[l] += o.unit.counts[l];
  const unreadable = done.filter((o) => !o.ok).length;
  if (!json) io.stdout(`\n${W[lang].total(done.length, unreadable, counts)}\n`);
  if (typeof report === 'string') {
    // the report writer is loaded only when a report is asked for
    const [{ findingsCsv, reviewSheets }, { newXlsx }] = await Promise.all([
      import('./review-book'),
      import('../../xlsx/new-workbook'),
    ]);
    const bytes = /\.csv$/i.test(report) ? findingsCsv(done, lang) : newXlsx(reviewSheets(done, lang));
    writeOutput(io, report, bytes);
    io.stderr(`${W[lang].report(report)}\n`);
  }
  const code = done.reduce((worst, o) => Math.max(worst, o.code), 0);
  if (io === nodeIO) process.exitCode = code;
  await io.flush?.(); // a long JSON Lines output to a pipe must be out before the process exits
  return code;
}
