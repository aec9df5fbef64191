/**
 * The batch pool when a worker dies: the file it was reviewing is reported, the file it had been sent ahead
 * goes to a fresh worker, and every file gets exactly one outcome. The worker here is a stand-in that exits
 * on files named crash-*.xlsx and answers the others at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runPool } from '../../src/cli/batch/pool';
import { nodeIO } from '../../src/cli/io';
import { Outcome } from '../../src/cli/batch/outcome';

let dir: string;
let script: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gouji-pool-'));
  script = join(dir, 'worker.js');
  writeFileSync(
    script,
    `const { parentPort } = require('worker_threads');
parentPort.on('message', (t) => {
  if (/crash-/.test(t.file)) process.exit(3);
  parentPort.postMessage({ id: t.id, outcome: { file: t.file, ok: true, unit: { tables: 0, counts: { error: 0, warning: 0, info: 0 }, totals: {}, projects: 0 }, findings: 0, code: 0 } });
});`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a dying worker loses only the file it was reviewing', async () => {
  const files = ['a', 'crash-b', 'c', 'd', 'crash-e', 'f', 'g'].map((n) => join(dir, `${n}.xlsx`));
  const got = new Map<number, Outcome[]>();
  await runPool(files, {
    jobs: 2,
    settings: {},
    lang: 'en',
    needs: { line: false, rows: false },
    io: nodeIO,
    workerScript: script,
    onOutcome: (i, o) => got.set(i, [...(got.get(i) ?? []), o]),
  });
  expect([...got.keys()].sort()).toEqual(files.map((_, i) => i));
  for (const [i, outcomes] of got) {
    expect(outcomes).toHaveLength(1);
    const o = outcomes[0];
    expect(o.file).toBe(files[i]);
    if (/crash-/.test(files[i])) {
      expect(o.ok).toBe(false);
      expect(!o.ok && o.error).toMatch(/worker stopped \(exit code 3\)/);
    } else expect(o.ok).toBe(true);
  }
});
