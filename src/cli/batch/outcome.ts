/**
 * One workbook of a batch, reviewed: what the worker sends back (plain data, structured-clone safe). It carries
 * only what the run prints or reports — the JSON line already serialised, finding rows only for --report — so
 * the main thread neither re-serialises nor keeps every finding of a season in memory. Light to load: the main
 * thread of a batch loads it, the review itself is in review-file.ts.
 */
import type { Level } from '../../core/model/findings';
import type { SourcedAmount } from '../../core/summary';
import { CliError } from '../io';

export type TotalKey = SourcedAmount['key'];
export const TOTAL_KEYS: TotalKey[] = ['income', 'expense', 'basic', 'project', 'threePublic'];

/** The unit-level facts of one file for the cross-unit report (amounts in 万元, whatever the file prints). */
export interface UnitRow {
  unitName?: string;
  year?: number;
  tables: number;
  counts: Record<Level, number>;
  totals: Partial<Record<TotalKey, number>>;
  projects: number;
}

/** One finding as the cross-unit report lists it. */
export interface FindingRow {
  file: string;
  unit: string;
  sheet: string;
  cell: string;
  rule: string;
  level: Level;
  message: string;
  expected?: number | string;
  actual?: number | string;
}

/** What the run needs of each file: its `--json` line, its rows for `--report`. */
export interface Needs {
  line: boolean;
  rows: boolean;
}

export type Outcome =
  | {
      file: string;
      ok: true;
      unit: UnitRow;
      /** How many findings (for the progress bar). */
      findings: number;
      code: 0 | 1;
      line?: string;
      /** The JSON line as UTF-8 bytes, newline included: a worker sends it so (moved, not copied). */
      lineBytes?: Uint8Array;
      rows?: FindingRow[];
    }
  | { file: string; ok: false; error: string; code: 2 };

export function failed(file: string, e: unknown): Outcome {
  const error =
    e instanceof CliError ? e.message : `内部错误 / internal error: ${(e as Error)?.message ?? String(e)}`;
  return { file, ok: false, error, code: 2 };
}
