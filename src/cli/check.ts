/**
 * `gouji check <file.xlsx> [--json | --jsonl] [--lang zh|en] [--annotate <out.xlsx>]`; several files, a folder, a glob,
 * --jobs or --report make it a batch run (src/cli/batch).
 */
import { planHighlights } from '../core/highlights';
import { review } from '../core/review';
import { patchXlsx } from '../xlsx';
import { parseArgs, settingsFlag } from './args';
import { assertNotInput, CliError, CliIO, readInput, writeOutput } from './io';
import { loadWorkbook } from './load';
import { writeCheckJson } from './json-out';
import { textReport } from './report';
import { isMany, runBatch } from './batch';

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    valued: ['--lang', '--annotate', '--config', '--jobs', '--report'],
    boolean: ['--json', '--jsonl'],
  });
  if (
    args.positionals.length > 1 ||
    args.flags.has('--jobs') ||
    args.flags.has('--report') ||
    (args.positionals.length === 1 && isMany(args.positionals[0]))
  )
    return runBatch(args, io);
  if (args.positionals.length !== 1)
    throw new CliError(
      '用法 / usage: gouji check <file.xlsx|folder|glob>… [--json | --jsonl] [--lang zh|en] [--annotate <out.xlsx>] [--jobs N] [--report <out.xlsx|out.csv>] [--config <settings.json>]',
    );
  const settings = settingsFlag(args, io);
  const lang = settings.lang ?? 'zh';
  const file = args.positionals[0];
  const annotate = args.flags.get('--annotate');
  if (typeof annotate === 'string') assertNotInput(file, annotate);
  const bytes = readInput(io, file);
  const workbook = loadWorkbook(bytes, file);
  const result = review(workbook, settings);

  if (typeof annotate === 'string') {
    const highlights = planHighlights(result.findings, lang);
    writeOutput(io, annotate, patchXlsx(bytes, { highlights }));
  }
  if (args.flags.has('--jsonl')) await writeCheckJson(io, file, result, lang, 'jsonl');
  else if (args.flags.has('--json')) await writeCheckJson(io, file, result, lang);
  else io.stdout(textReport(file, result, lang));
  return result.counts.error > 0 ? 1 : 0;
}
