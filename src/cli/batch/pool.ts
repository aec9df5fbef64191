/**
 * The batch's worker pool: `jobs` worker threads (the compiled worker in lib/, or the TypeScript one through
 * tsx when running from sources), biggest files first so the last ones to finish are small. A worker that
 * dies takes only its current file with it: that file is reported and a fresh worker takes its place.
 */
import { existsSync, statSync } from 'fs';
import { join } from 'path';
import { Worker } from 'worker_threads';
import type { Lang } from '../../core/model/findings';
import type { Settings } from '../../core/settings';
import { CliIO, readInput } from '../io';
import { failed, Needs, Outcome } from './outcome';

export interface WorkerInit {
  settings: Partial<Settings>;
  lang: Lang;
  needs: Needs;
}

export interface WorkerTask {
  id: number;
  file: string;
}

export interface PoolOptions extends WorkerInit {
  jobs: number;
  io: CliIO;
  /** The worker script (tests); the batch worker by default. */
  workerScript?: string;
  /** Called once per file, in completion order. */
  onOutcome: (index: number, outcome: Outcome) => void;
}

function startWorker(init: WorkerInit, script?: string): Worker {
  if (script) return new Worker(script, { workerData: init });
  const js = join(__dirname, 'worker.js');
  if (existsSync(js)) return new Worker(js, { workerData: init });
  // running from the TypeScript sources (Jest, tsx): load the .ts worker through tsx's require hook
  const ts = join(__dirname, 'worker.ts');
  const tsx = require.resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(ts)});`, {
    eval: true,
    workerData: init,
  });
}

/** Files sent ahead to each worker. */
const AHEAD = 2;

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Review `files`; `jobs` = 1 runs in this thread (reading through `io`), more use worker threads. */
export async function runPool(files: string[], opts: PoolOptions): Promise<void> {
  const { settings, lang, needs } = opts;
  if (opts.jobs <= 1 || files.length <= 1) {
    // the review is loaded only here: with workers, the main thread never needs it
    const { checkBytes } = await import('./review-file');
    for (let i = 0; i < files.length; i++) {
      let outcome: Outcome;
      try {
        outcome = checkBytes(files[i], readInput(opts.io, files[i]), settings, lang, needs);
      } catch (e) {
        outcome = failed(files[i], e);
      }
      opts.onOutcome(i, outcome);
      await new Promise<void>((r) => setImmediate(r)); // let the progress bar and signals through
    }
    return;
  }

  const order = files.map((f, i) => ({ i, size: sizeOf(f) })).sort((a, b) => b.size - a.size || a.i - b.i);
  let next = 0;
  const retry: number[] = []; // files a lost worker had been sent but not started
  const take = () => retry.shift() ?? (next < order.length ? order[next++].i : undefined);
  const left = () => retry.length > 0 || next < order.length;
  let done = 0;
  const n = Math.min(opts.jobs, files.length);
  await new Promise<void>((resolve) => {
    // each worker holds up to AHEAD files, so it never waits for the main thread between two of them
    const inFlight = new Map<Worker, number[]>();
    const finish = (index: number, outcome: Outcome) => {
      done++;
      opts.onOutcome(index, outcome);
      if (done === files.length) resolve();
    };
    const feed = (w: Worker) => {
      const mine = inFlight.get(w) as number[];
      while (mine.length < AHEAD && left()) {
        const index = take() as number;
        mine.push(index);
        w.postMessage({ id: index, file: files[index] } satisfies WorkerTask);
      }
      if (mine.length === 0) void w.terminate();
    };
    const spawn = () => {
      const w = startWorker({ settings, lang, needs }, opts.workerScript);
      inFlight.set(w, []);
      w.on('message', (m: { id: number; outcome: Outcome }) => {
        const mine = inFlight.get(w) as number[];
        mine.splice(mine.indexOf(m.id), 1);
        finish(m.id, m.outcome);
        feed(w);
      });
      const lost = (why: string) => {
        const mine = inFlight.get(w);
        if (!mine?.length) return;
        inFlight.delete(w);
        // the file it was reviewing (the first it was sent) is reported; the ones waiting go to another worker
        const [index, ...waiting] = mine;
        retry.push(...waiting);
        finish(index, failed(files[index], new Error(why)));
        if (left()) spawn();
      };
      w.on('error', (e: Error) => lost(e.message));
      w.on('exit', (code) => lost(`worker stopped (exit code ${code})`));
      feed(w);
    };
    for (let k = 0; k < n; k++) spawn();
  });
}
