/**
 * One workbook of a batch, reviewed: what the worker sends back (plain data, structured-clone safe). It carries
 * only what the run prints or reports — the JSON line already serialised, finding rows only for --report — so
 * the main thread neither re-serialises nor keeps every finding of a season in memory.
 */
import { Lang, Level } from '../../core/model/findings';
import { convertMoney, roundHalfUp } from '../../core/model/numbers';
import { review } from '../../core/review';
import { Settings } from '../../core/settings';
import { SourcedAmount, summaryHeadline } from '../../core/summary';
import { CliError } from '../io';
import { loadWorkbook } from '../load';
import { toJson } from '../report';

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
      rows?: FindingRow[];
    }
  | { file: string; ok: false; error: string; code: 2 };

export function failed(file: string, e: unknown): Outcome {
  const error =
    e instanceof CliError ? e.message : `内部错误 / internal error: ${(e as Error)?.message ?? String(e)}`;
  return { file, ok: false, error, code: 2 };
}

/** Review one workbook's bytes; never throws (an unreadable or failing file becomes an error outcome). */
export function checkBytes(
  file: string,
  bytes: Uint8Array,
  settings: Partial<Settings>,
  lang: Lang,
  needs: Needs,
): Outcome {
  try {
    const result = review(loadWorkbook(bytes, file), settings);
    const model = summaryHeadline(result);
    const { targetForms, selfEvaluations } = result.context;
    const totals: UnitRow['totals'] = {};
    for (const t of model.totals)
      if (t.value !== undefined)
        totals[t.key] = roundHalfUp(convertMoney(t.value, model.moneyUnit, '万元'), 6);
    const unitName = model.unitName;
    return {
      file,
      ok: true,
      unit: {
        unitName,
        year: model.year,
        tables: result.tables.length,
        counts: result.counts,
        totals,
        projects: targetForms.length + selfEvaluations.length,
      },
      findings: result.findings.length,
      code: result.counts.error > 0 ? 1 : 0,
      ...(needs.line ? { line: JSON.stringify(toJson(file, result, lang)) } : {}),
      ...(needs.rows
        ? {
            rows: result.findings.map((f) => ({
              file,
              unit: unitName ?? '',
              sheet: f.locations[0]?.sheet ?? '',
              cell: f.locations[0]?.cell ?? '',
              rule: f.rule,
              level: f.level,
              message: f.message[lang],
              ...(f.expected !== undefined ? { expected: f.expected } : {}),
              ...(f.actual !== undefined ? { actual: f.actual } : {}),
            })),
          }
        : {}),
    };
  } catch (e) {
    return failed(file, e);
  }
}
