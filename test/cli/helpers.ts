import { readFileSync } from 'fs';
import { CliIO } from '../../src/cli/io';
import { run } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every file the CLI wrote, by path (kept in memory). */
  files: Map<string, Uint8Array>;
}

/**
 * Run the CLI in-process. Paths found in `files` are read from memory, others from disk;
 * outputs are kept in memory (in the same map), so one run's output can feed the next.
 */
export async function gouji(argv: string[], files = new Map<string, Uint8Array>()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (p) => files.get(p) ?? new Uint8Array(readFileSync(p)),
    writeFile: (p, b) => void files.set(p, b),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, files };
}
