import { readFileSync } from 'fs';
import { CliIO } from '../../src/cli/io';
import { run } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  written: Map<string, Uint8Array>;
}

/** Run the CLI in-process: files are read from disk, outputs are kept in memory. */
export async function gouji(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, Uint8Array>();
  const io: CliIO = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (p) => written.get(p) ?? new Uint8Array(readFileSync(p)),
    writeFile: (p, b) => void written.set(p, b),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr, written };
}
