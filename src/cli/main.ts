/** The `gouji` command: check, fill, summary, review, rules. Exit 0 ok, 1 error-level findings, 2 bad usage or unreadable file. */
import { XlsxWriteError } from '../xlsx/sheet-edit';
import { CliError, CliIO, nodeIO } from './io';

const HELP = `gouji — 勾稽: review Chinese budget and performance workbooks

用法 / usage:
  gouji check <file.xlsx> [--json | --jsonl] [--lang zh|en] [--annotate <out.xlsx>] [--config <settings.json>]
  gouji check <file|folder|glob>… [--jobs N] [--json] [--report <out.xlsx|out.csv>] [--lang zh|en]
      many workbooks: a line (or a JSON line) per file, a cross-unit review workbook or CSV
  gouji fill <in.xlsx> -o <out.xlsx> [--json] [--lang zh|en] [--config <settings.json>]
  gouji summary <in.xlsx> -o <out.xlsx> [--lang zh|en] [--config <settings.json>]
  gouji review <in.xlsx> -o <out.xlsx> [--json] [--lang zh|en] [--config <settings.json>]
      review = fill + check + highlights + summary in one copy
  gouji rules [--json] [--lang zh|en] [--config <settings.json>]
      每个问题编号的级别、来源文件和说明 / every finding id with its level, source file and description

退出码 / exit codes: 0 无错误 no errors · 1 有错误级问题 error-level findings · 2 无法读取或用法错误 unreadable file or bad usage
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

// each command's modules load when it runs (a batch's main thread then loads no review code)
const COMMANDS: Record<string, Command> = {
  check: async (a, io) => (await import('./check')).runCheck(a, io),
  fill: async (a, io) => (await import('./fill')).runFill(a, io),
  summary: async (a, io) => (await import('./summary')).runSummary(a, io),
  review: async (a, io) => (await import('./review')).runReview(a, io),
  rules: async (a, io) => (await import('./rules')).runRules(a, io),
};

export async function run(argv: string[], io: CliIO = nodeIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    io.stdout(`${(require('../../package.json') as { version: string }).version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`gouji: 未知命令 / unknown command: ${name}（gouji --help）\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof CliError || e instanceof XlsxWriteError) io.stderr(`gouji: ${e.message}\n`);
    else io.stderr(`gouji: 内部错误 / internal error: ${(e as Error).message}\n`);
    if (process.env.GOUJI_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    return 2;
  }
}
