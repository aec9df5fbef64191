/** One workbook of a batch reviewed into its outcome (in a worker, or in the main thread at --jobs 1). */
import { Lang } from '../../core/model/findings';
import { convertMoney, roundHalfUp } from '../../core/model/numbers';
import { review } from '../../core/review';
import { Settings } from '../../core/settings';
import { summaryHeadline } from '../../core/summary';
import { loadWorkbook } from '../load';
import { toJson } from '../report';
import { failed, Needs, Outcome, UnitRow } from './outcome';

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
