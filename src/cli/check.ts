/**
 * `gouji check <file.xlsx> [--json | --jsonl] [--lang zh|en] [--annotate <out.xlsx>]`; several files, a folder, a glob,
 * --jobs or --report make it a batch run (src/cli/batch).
 */
import { parseArgs } from './args';
import { CliError, CliIO } from './io';
import { isMany } from './batch/inputs';

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
    return (await import('./batch')).runBatch(args, io);
  if (args.positionals.length !== 1)
    throw new CliError(
      '用法 / usage: gouji check <file.xlsx|folder|glob>… [--json | --jsonl] [--lang zh|en] [--annotate <out.xlsx>] [--jobs N] [--report <out.xlsx|out.csv>] [--config <settings.json>]',
    );
  return (await import('./check-file')).checkFile(args, io);
}
