/** One workbook of a batch, reviewed: what the worker sends back (plain data, structured-clone safe). */
import { Lang, Level } from '../../core/model/findings';
import { convertMoney, roundHalfUp } from '../../core/model/numbers';
import { review } from '../../core/review';
import { Settings } from '../../core/settings';
import { buildSummaryModel, SourcedAmount } from '../../core/summary';
import { CliError } from '../io';
import { loadWorkbook } from '../load';
import { CheckJson, toJson } from '../report';

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

export type Outcome =
  | { file: string; ok: true; json: CheckJson; unit: UnitRow; code: 0 | 1 }
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
): Outcome {
  try {
    const result = review(loadWorkbook(bytes, file), settings);
    const model = buildSummaryModel(result);
    const totals: UnitRow['totals'] = {};
    for (const t of model.totals)
      if (t.value !== undefined)
        totals[t.key] = roundHalfUp(convertMoney(t.value, model.moneyUnit, '万元'), 6);
    return {
      file,
      ok: true,
      json: toJson(file, result, lang),
      unit: {
        unitName: model.unitName,
        year: model.year,
        tables: result.tables.length,
        counts: result.counts,
        totals,
        projects: model.projects.length,
      },
      code: result.counts.error > 0 ? 1 : 0,
    };
  } catch (e) {
    return failed(file, e);
  }
}
