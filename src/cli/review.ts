/**
 * `gouji review <in.xlsx> -o <out.xlsx> [--lang zh|en] [--config <settings.json>] [--json]` — the whole job in one go: fill the scores
 * of every 自评表 into their empty cells, review the filled workbook, highlight every finding with a note and
 * add the 审核汇总 sheet. Prints the report; exit codes as `check`.
 */
import { planHighlights } from '../core/highlights';
import { countByLevel, Finding } from '../core/model/findings';
import { planFill } from '../core/performance/fill';
import { review, sortFindings } from '../core/review';
import { planSummary } from '../core/summary';
import { patchXlsx } from '../xlsx';
import { parseArgs, settingsFlag } from './args';
import { assertNotInput, CliError, CliIO, readInput, writeOutput } from './io';
import { loadWorkbook } from './load';
import { writeCheckJson } from './json-out';
import { reviewFooter, textReport } from './report';

export async function runReview(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    valued: ['--lang', '--output', '--config'],
    boolean: ['--json'],
    aliases: { '-o': '--output' },
  });
  const out = args.flags.get('--output');
  if (args.positionals.length !== 1 || typeof out !== 'string')
    throw new CliError(
      '用法 / usage: gouji review <in.xlsx> -o <out.xlsx> [--lang zh|en] [--config <settings.json>] [--json]',
    );
  const settings = settingsFlag(args, io);
  const lang = settings.lang ?? 'zh';
  const file = args.positionals[0];
  assertNotInput(file, out);
  const original = readInput(io, file);

  // 1. scores into empty cells
  const fill = planFill(loadWorkbook(original, file), settings);
  const filled = fill.writes.length ? patchXlsx(original, { writes: fill.writes }) : original;

  // 2. review what the workbook now says; fill's "a person must score this" items join the findings
  const workbook = loadWorkbook(filled, file);
  const reviewed = review(workbook, settings);
  const seen = new Set(reviewed.findings.map(key));
  const findings = [...reviewed.findings, ...fill.findings.filter((f) => !seen.has(key(f)))];
  sortFindings(findings, workbook);
  const result = { ...reviewed, findings, counts: countByLevel(findings) };

  // 3. highlights and the summary sheet in one patch
  const summary = planSummary(result, lang, workbook);
  const highlights = planHighlights(result.findings, lang).filter((h) => h.sheet !== summary.sheet.name);
  writeOutput(
    io,
    out,
    patchXlsx(filled, { highlights, addSheets: [summary.sheet], removeSheets: summary.stale }),
  );

  if (args.flags.has('--json')) {
    await writeCheckJson(io, file, result, lang, 'json', { output: out, filled: fill.writes.length });
  } else {
    io.stdout(textReport(file, result, lang));
    const hasSelfEvaluation = reviewed.tables.some((t) => t.kind === 'self-evaluation');
    // what the review saw before filling, so the report can say what filling changed
    const before = fill.writes.length ? review(loadWorkbook(original, file), settings).counts : undefined;
    io.stdout(
      reviewFooter(
        {
          filled: hasSelfEvaluation || fill.writes.length ? fill.writes.length : undefined,
          highlighted: highlights.length,
          summarySheet: summary.sheet.name,
          output: out,
          before,
          after: result.counts,
        },
        lang,
      ),
    );
  }
  return result.counts.error > 0 ? 1 : 0;
}

function key(f: Finding): string {
  return `${f.rule}|${f.locations[0]?.sheet}|${f.locations[0]?.cell}|${f.message.zh}`;
}
