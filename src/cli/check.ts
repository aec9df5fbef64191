/** `gouji check <file.xlsx> [--json] [--lang zh|en] [--annotate <out.xlsx>]` */
import { planHighlights } from '../core/highlights';
import { review } from '../core/review';
import { patchXlsx } from '../xlsx';
import { langFlag, parseArgs } from './args';
import { CliError, CliIO, readInput, writeOutput } from './io';
import { loadWorkbook } from './load';
import { textReport, toJson } from './report';

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { valued: ['--lang', '--annotate'], boolean: ['--json'] });
  if (args.positionals.length !== 1)
    throw new CliError(
      '用法 / usage: gouji check <file.xlsx> [--json] [--lang zh|en] [--annotate <out.xlsx>]',
    );
  const lang = langFlag(args);
  const file = args.positionals[0];
  const bytes = readInput(io, file);
  const workbook = loadWorkbook(bytes, file);
  const result = review(workbook, { lang });

  const annotate = args.flags.get('--annotate');
  if (typeof annotate === 'string') {
    const highlights = planHighlights(result.findings, lang);
    writeOutput(io, annotate, patchXlsx(bytes, { highlights }));
  }
  if (args.flags.has('--json')) io.stdout(JSON.stringify(toJson(file, result, lang), null, 2) + '\n');
  else io.stdout(textReport(file, result, lang));
  return result.counts.error > 0 ? 1 : 0;
}
