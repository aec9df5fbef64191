/** The CLI's only contact with the outside world, so commands can be tested without a terminal. */
import { readFileSync, realpathSync, writeFileSync } from 'fs';
import { resolve } from 'path';

export interface CliIO {
  stdout(text: string): void;
  /** Bytes (UTF-8) to stdout as they are; without it they are decoded and written as text. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  readFile(path: string): Uint8Array;
  writeFile(path: string, bytes: Uint8Array): void;
  /** Whether stderr is a terminal (the batch progress bar draws only then); absent = no. */
  stderrIsTTY?(): boolean;
  /** Resolves once everything written to stdout and stderr has been handed to the OS (a pipe may lag). */
  flush?(): Promise<void>;
  /** Resolves once stdout can take more (a long report waits for a slow pipe instead of piling up in memory). */
  drain?(): Promise<void>;
}

/** Wait until process.stdout has flushed its buffer, or is gone (a closed pipe never drains). */
function stdoutDrained(): Promise<void> {
  const out = process.stdout;
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

export const nodeIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stdoutBytes: (b) => process.stdout.write(b),
  stderr: (t) => process.stderr.write(t),
  readFile: (p) => new Uint8Array(readFileSync(p)),
  writeFile: (p, b) => writeFileSync(p, b),
  stderrIsTTY: () => !!process.stderr.isTTY,
  flush: () =>
    Promise.all(
      [process.stdout, process.stderr].map((s) => new Promise<void>((done) => s.write('', () => done()))),
    ).then(() => undefined),
  drain: stdoutDrained,
};

/** A usage or input problem: one clear line on stderr, exit code 2. */
export class CliError extends Error {}

/** Read a file, turning the usual file-system errors into one readable line. */
export function readInput(io: CliIO, path: string): Uint8Array {
  try {
    return io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`找不到文件 / file not found: ${path}`);
    if (code === 'EISDIR')
      throw new CliError(`这是一个文件夹，不是工作簿 / this is a folder, not a workbook: ${path}`);
    if (code === 'EACCES') throw new CliError(`没有读取权限 / permission denied: ${path}`);
    throw new CliError(`无法读取 / cannot read ${path}: ${(e as Error).message}`);
  }
}

export function writeOutput(io: CliIO, path: string, bytes: Uint8Array): void {
  try {
    io.writeFile(path, bytes);
  } catch (e) {
    throw new CliError(`无法写入 / cannot write ${path}: ${(e as Error).message}`);
  }
}

/** The same file on disk, however the two paths are written (./a.xlsx, ../dir/a.xlsx, a symlink). */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Gouji never writes over the workbook it reads: the output must be another file. */
export function assertNotInput(input: string, output: string): void {
  if (canonical(input) === canonical(output))
    throw new CliError(`输出文件不能覆盖输入文件 / the output must not overwrite the input: ${output}`);
}
