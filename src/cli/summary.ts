/** `gouji summary <in.xlsx> -o <out.xlsx> [--lang zh|en] [--config <settings.json>]` — add or replace the 审核汇总 sheet. */
import { review } from '../core/review';
import { planSummary } from '../core/summary';
import { patchXlsx } from '../xlsx';
import { parseArgs, settingsFlag } from './args';
import { assertNotInput, CliError, CliIO, readInput, writeOutput } from './io';
import { loadWorkbook } from './load';

export async function runSummary(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, {
    valued: ['--lang', '--output', '--config'],
    boolean: [],
    aliases: { '-o': '--output' },
  });
  const out = args.flags.get('--output');
  if (args.positionals.length !== 1 || typeof out !== 'string')
    throw new CliError(
      '用法 / usage: gouji summary <in.xlsx> -o <out.xlsx> [--lang zh|en] [--config <settings.json>]',
    );
  const settings = settingsFlag(args, io);
  const lang = settings.lang ?? 'zh';
  const file = args.positionals[0];
  assertNotInput(file, out);
  const bytes = readInput(io, file);
  const workbook = loadWorkbook(bytes, file);
  const result = review(workbook, settings);
  const plan = planSummary(result, lang, workbook);
  writeOutput(io, out, patchXlsx(bytes, { addSheets: [plan.sheet], removeSheets: plan.stale }));
  const c = result.counts;
  io.stdout(
    lang === 'zh'
      ? `已写出 ${out}：工作表“${plan.sheet.name}”（${result.tables.length} 张表，${plan.model.projects.length} 个项目；错误 ${c.error}、警告 ${c.warning}、提示 ${c.info}）\n`
      : `Wrote ${out}: sheet "${plan.sheet.name}" (${result.tables.length} tables, ${plan.model.projects.length} projects; ${c.error} errors, ${c.warning} warnings, ${c.info} info)\n`,
  );
  if (plan.finding) io.stdout(`${plan.finding.message[lang]}\n`);
  return 0;
}
