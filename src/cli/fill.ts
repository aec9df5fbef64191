/**
 * `gouji fill <in.xlsx> -o <out.xlsx> [--lang zh|en] [--config <settings.json>] [--json]` — score every 绩效自评表 and write 执行率, 得分,
 * 小计, 总分 and 等次 into the sheet's own empty cells (nothing else in the file changes). Prints what was
 * written and what needs a person. Exit 0 ok, 1 a filled value is wrong (error-level finding), 2 bad usage or
 * an unreadable file (one line on stderr).
 */
import { toA1 } from '../core/model/address';
import { Finding, Lang } from '../core/model/findings';
import { formatAmount } from '../core/model/numbers';
import { planFill } from '../core/performance/fill';
import { FILL_FINDINGS } from '../core/performance/fill-findings';
import { patchXlsx } from '../xlsx';
import { parseArgs, settingsFlag } from './args';
import { assertNotInput, CliError, CliIO, readInput, writeOutput } from './io';
import { loadWorkbook } from './load';

const USAGE =
  '用法 / usage: gouji fill <in.xlsx> -o <out.xlsx> [--lang zh|en] [--config <settings.json>] [--json]';

const LEVEL_NAME: Record<Lang, Record<Finding['level'], string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

function shown(value: number | string, numFmt?: string): string {
  if (typeof value === 'string') return value;
  if (numFmt?.includes('%')) return `${formatAmount(value * 100, 2)}%`;
  return formatAmount(value, 2);
}

function where(f: Finding): string {
  const l = f.locations[0];
  return l ? `${l.sheet}!${l.cell}` : '';
}

export async function runFill(argv: string[], io: CliIO): Promise<number> {
  return fill(argv, io);
}

function fill(argv: string[], io: CliIO): number {
  const args = parseArgs(argv, {
    valued: ['--lang', '--output', '--config'],
    boolean: ['--json'],
    aliases: { '-o': '--output' },
  });
  const out = args.flags.get('--output');
  if (args.positionals.length !== 1 || typeof out !== 'string') throw new CliError(USAGE);
  const settings = settingsFlag(args, io);
  const lang = settings.lang ?? 'zh';
  const file = args.positionals[0];
  assertNotInput(file, out);
  const bytes = readInput(io, file);
  const workbook = loadWorkbook(bytes, file);
  const plan = planFill(workbook, settings);
  const result = plan.writes.length ? patchXlsx(bytes, { writes: plan.writes }) : bytes;
  writeOutput(io, out, result);

  const person = plan.findings.filter((f) => f.rule === FILL_FINDINGS.needsPerson.id);
  const others = plan.findings.filter((f) => f.rule !== FILL_FINDINGS.needsPerson.id);
  const errors = plan.findings.filter((f) => f.level === 'error').length;

  if (args.flags.has('--json')) {
    const json = {
      file,
      output: out,
      forms: plan.forms,
      written: plan.writes.map((w, i) => ({
        sheet: w.sheet,
        cell: toA1(w.row, w.col),
        value: w.value,
        numFmt: w.numFmt,
        what: plan.labels[i]?.[lang],
      })),
      needsPerson: person.map((f) => ({ ...f, message: f.message[lang] })),
      findings: others.map((f) => ({ ...f, message: f.message[lang] })),
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return errors ? 1 : 0;
  }

  const lines: string[] = [];
  const zh = lang === 'zh';
  if (plan.forms.length === 0) {
    lines.push(
      zh
        ? `${file} 中没有识别到项目支出绩效自评表；${out} 与输入相同。`
        : `No 项目支出绩效自评表 (self-evaluation) found in ${file}; ${out} is an unchanged copy.`,
    );
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  }
  lines.push(
    zh
      ? `已写出 ${out}：识别到 ${plan.forms.length} 张自评表，填写 ${plan.writes.length} 个空单元格。`
      : `Wrote ${out}: ${plan.forms.length} self-evaluation form(s), ${plan.writes.length} empty cell(s) filled.`,
  );
  for (const form of plan.forms) {
    const bits: string[] = [];
    if (form.executionRate !== undefined)
      bits.push(`${zh ? '执行率' : 'rate'} ${formatAmount(form.executionRate * 100, 2)}%`);
    if (form.total !== undefined) bits.push(`${zh ? '总分' : 'total'} ${formatAmount(form.total, 2)}`);
    if (form.grade) bits.push(`${zh ? '等次' : 'grade'} ${form.grade}`);
    if (form.pending)
      bits.push(zh ? `${form.pending} 项待人工评分` : `${form.pending} to be scored by a person`);
    lines.push(
      zh
        ? `  ${form.sheet}「${form.projectName}」${bits.length ? '：' + bits.join('，') : ''}`
        : `  ${form.sheet} "${form.projectName}"${bits.length ? ': ' + bits.join(', ') : ''}`,
    );
  }
  if (plan.writes.length) {
    lines.push(zh ? '写入：' : 'Written:');
    plan.writes.forEach((w, i) =>
      lines.push(
        `  ${w.sheet}!${toA1(w.row, w.col)}  ${shown(w.value, w.numFmt)}  ${plan.labels[i]?.[lang] ?? ''}`,
      ),
    );
  }
  if (person.length) {
    lines.push(zh ? `需要人工处理（${person.length} 项）：` : `Needs a person (${person.length}):`);
    for (const f of person) lines.push(`  ${where(f)}  ${f.message[lang]}`);
  }
  if (others.length) {
    lines.push(zh ? `检查发现（${others.length} 项）：` : `Findings (${others.length}):`);
    for (const f of others) lines.push(`  [${LEVEL_NAME[lang][f.level]}] ${where(f)}  ${f.message[lang]}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return errors ? 1 : 0;
}
