/** `gouji check <file.xlsx>`: one workbook, as text, JSON or JSON Lines, optionally a highlighted copy. */
import { planHighlights } from '../core/highlights';
import { review } from '../core/review';
import { patchXlsx } from '../xlsx';
import { ParsedArgs, settingsFlag } from './args';
import { assertNotInput, CliIO, readInput, writeOutput } from './io';
import { loadWorkbook } from './load';
import { writeCheckJson } from './json-out';
import { textReport } from './report';

export async function checkFile(args: ParsedArgs, io: CliIO): Promise<number> {
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
