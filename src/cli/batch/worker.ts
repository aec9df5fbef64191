/** A batch worker thread: reviews the files the pool sends, one at a time, and posts each outcome back. */
import { parentPort, workerData } from 'worker_threads';
import { nodeIO, readInput } from '../io';
import { failed, Outcome } from './outcome';
import { checkBytes } from './review-file';
import type { WorkerInit, WorkerTask } from './pool';

const init = workerData as WorkerInit;
const encoder = new TextEncoder();

parentPort?.on('message', (task: WorkerTask) => {
  let outcome: Outcome;
  try {
    outcome = checkBytes(task.file, readInput(nodeIO, task.file), init.settings, init.lang, init.needs);
  } catch (e) {
    outcome = failed(task.file, e);
  }
  // the JSON line as bytes, moved to the main thread: it writes them as they are, with no copy or re-encoding
  if (outcome.ok && outcome.line !== undefined) {
    const bytes = encoder.encode(`${outcome.line}\n`);
    outcome = { ...outcome, line: undefined, lineBytes: bytes };
    parentPort?.postMessage({ id: task.id, outcome }, [bytes.buffer]);
    return;
  }
  parentPort?.postMessage({ id: task.id, outcome });
});
