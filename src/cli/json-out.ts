/**
 * The JSON report written as it is made: `--json` (one pretty-printed object, byte for byte what
 * `JSON.stringify(toJson(…), null, 2)` gives) or `--jsonl` (JSON Lines: one line for the workbook, one per
 * finding, one for the counts). Findings are serialised one at a time and handed to stdout in chunks, waiting
 * for the pipe to drain, so memory does not grow with the size of the report. A batch of files can call
 * `writeCheckJson` once per file.
 */
import { Lang } from '../core/model/findings';
import { ReviewResult } from '../core/review';
import { CliIO } from './io';
import { findingJson, skippedJson, tableJson } from './report';

export type JsonFormat = 'json' | 'jsonl';

/** Chunks stdout writes and waits for the consumer when the pipe is full. */
class ChunkedOut {
  private buf: string[] = [];
  private size = 0;
  constructor(
    private readonly io: CliIO,
    private readonly chunk = 1 << 16,
  ) {}

  async write(text: string): Promise<void> {
    this.buf.push(text);
    this.size += text.length;
    if (this.size >= this.chunk) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0 && this.buf.length === 0) return;
    const text = this.buf.join('');
    this.buf = [];
    this.size = 0;
    this.io.stdout(text);
    if (this.io.drain) await this.io.drain();
  }
}

/** `JSON.stringify(value, null, 2)` indented by `depth` levels, for an item inside the top object. */
function pretty(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/**
 * Write the check report of one workbook. `extra` fields (e.g. `output`, `filled` of `gouji review`) come after
 * `counts` in `--json` and on the last line in `--jsonl`.
 */
export async function writeCheckJson(
  io: CliIO,
  file: string,
  result: ReviewResult,
  lang: Lang,
  format: JsonFormat = 'json',
  extra: Record<string, unknown> = {},
): Promise<void> {
  const out = new ChunkedOut(io);
  const tables = result.tables.map(tableJson);
  const skipped = result.skipped.map((s) => skippedJson(s, lang));
  if (format === 'jsonl') {
    await out.write(`${JSON.stringify({ type: 'workbook', file, tables, skipped })}\n`);
    for (const f of result.findings)
      await out.write(`${JSON.stringify({ type: 'finding', file, ...findingJson(f, lang) })}\n`);
    await out.write(`${JSON.stringify({ type: 'counts', file, counts: result.counts, ...extra })}\n`);
    await out.flush();
    return;
  }
  const array = async (key: string, items: unknown[], last = false) => {
    if (items.length === 0) {
      await out.write(`  ${JSON.stringify(key)}: []${last ? '' : ','}\n`);
      return;
    }
    await out.write(`  ${JSON.stringify(key)}: [\n`);
    for (let i = 0; i < items.length; i++)
      await out.write(`${pretty(items[i], 2)}${i + 1 < items.length ? ',' : ''}\n`);
    await out.write(`  ]${last ? '' : ','}\n`);
  };
  await out.write(`{\n  "file": ${JSON.stringify(file)},\n`);
  await array('tables', tables);
  await array('skipped', skipped);
  // findings are mapped one by one, never all at once
  await out.write(result.findings.length ? '  "findings": [\n' : '  "findings": [],\n');
  for (let i = 0; i < result.findings.length; i++)
    await out.write(
      `${pretty(findingJson(result.findings[i], lang), 2)}${i + 1 < result.findings.length ? ',' : ''}\n`,
    );
  if (result.findings.length) await out.write('  ],\n');
  const tail = { counts: result.counts, ...extra };
  const keys = Object.keys(tail) as (keyof typeof tail)[];
  for (let i = 0; i < keys.length; i++)
    await out.write(
      `  ${JSON.stringify(keys[i])}: ${pretty(tail[keys[i]], 1).trimStart()}${i + 1 < keys.length ? ',' : ''}\n`,
    );
  await out.write('}\n');
  await out.flush();
}
