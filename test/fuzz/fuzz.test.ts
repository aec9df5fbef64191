/**
 * Seeded fuzzing of the reader through the CLI entry: ~300 mutated packages (corpus.ts), each run as
 * `gouji check --json` in one of two worker processes (worker.js, the built CLI in lib/). Every case must end in
 * exit 2 with one line on stderr (no stack trace), or in a normal report (exit 0/1, stdout one JSON object) —
 * each within 10 s of CPU, and the workers under 500 MB peak RSS. The numbers are printed for the issue note.
 * A case that fails is written to test/fuzz/cases/ to be kept as a regression fixture (see cases.test.ts).
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { corpus, FUZZ_SEED } from './corpus';

const LIB = join(__dirname, '..', '..', 'lib', 'cli', 'main.js');
const WORKERS = 2;

interface Outcome {
  file: string;
  code: number;
  stderr: string;
  parsed: boolean;
  ms: number;
  cpuMs: number;
  rssMiB: number;
}

function runWorker(list: string, out: string): Promise<void> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=1024', join(__dirname, 'worker.js'), list, out],
      { timeout: 170_000 },
      () => resolve(),
    );
  });
}

const describeIfBuilt = existsSync(LIB) ? describe : describe.skip;

describeIfBuilt(`fuzz: seed ${FUZZ_SEED}`, () => {
  test('every mutated package ends in exit 2 with one line or a normal report, in bounds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-fuzz-'));
    try {
      const cases = corpus();
      const lists: string[][] = Array.from({ length: WORKERS }, () => []);
      cases.forEach((c, i) => {
        const file = join(dir, `${c.name}.xlsx`);
        writeFileSync(file, c.bytes);
        lists[i % WORKERS].push(file);
      });
      await Promise.all(
        lists.map((l, w) => {
          writeFileSync(join(dir, `list${w}`), l.join('\n'));
          return runWorker(join(dir, `list${w}`), join(dir, `out${w}`));
        }),
      );
      const outcomes: Outcome[] = lists.flatMap((_, w) =>
        existsSync(join(dir, `out${w}`))
          ? readFileSync(join(dir, `out${w}`), 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l) as Outcome)
          : [],
      );
      const exits = { 0: 0, 1: 0, 2: 0 } as Record<number, number>;
      for (const o of outcomes) exits[o.code] = (exits[o.code] ?? 0) + 1;
      const maxMs = Math.max(...outcomes.map((o) => o.ms));
      const maxCpu = Math.max(...outcomes.map((o) => o.cpuMs));
      const maxRss = Math.max(...outcomes.map((o) => o.rssMiB));
      console.log(
        `fuzz seed ${FUZZ_SEED}: ${outcomes.length}/${cases.length} cases, exits ${JSON.stringify(exits)}, ` +
          `max ${maxMs.toFixed(0)} ms wall / ${maxCpu.toFixed(0)} ms CPU per case, max RSS ${maxRss.toFixed(0)} MiB`,
      );
      const slow = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
      console.log(
        `slowest: ${slow.map((o) => `${o.file.split('/').pop()} ${o.ms.toFixed(0)} ms`).join(', ')}`,
      );
      const bad = outcomes.filter(
        (o) =>
          !(
            (o.code === 2 &&
              /^gouji: /.test(o.stderr) &&
              o.stderr.trim().split('\n').length === 1 &&
              !/\bat .*:\d+|internal error|内部错误/.test(o.stderr)) ||
            ((o.code === 0 || o.code === 1) && o.parsed && o.stderr === '')
          ) ||
          // CPU time, so a machine shared with other jobs does not fail the bound; wall time is printed
          o.cpuMs > 10_000 ||
          o.rssMiB > 500,
      );
      // a case that never reported (a hang or a crash of the worker) is a failure too
      const done = new Set(outcomes.map((o) => o.file));
      const missing = lists.flat().filter((f) => !done.has(f));
      if (bad.length || missing.length) {
        const keep = join(__dirname, 'cases', 'new');
        mkdirSync(keep, { recursive: true });
        for (const f of [...bad.map((o) => o.file), ...missing.slice(0, 1)])
          writeFileSync(join(keep, f.split('/').pop() as string), readFileSync(f));
      }
      expect(missing).toEqual([]);
      expect(
        bad.map(
          (o) =>
            `${o.file.split('/').pop()}: exit ${o.code}, ${o.ms.toFixed(0)} ms, ${o.rssMiB.toFixed(0)} MiB, ${o.stderr.slice(0, 300)}`,
        ),
      ).toEqual([]);
      expect(outcomes.length).toBe(cases.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
