/** One-click summary: the model, the sheet, and where it goes without overwriting a user's sheet. */
import { SheetSpec } from '../model/edits';
import { Finding, Lang } from '../model/findings';
import { Workbook } from '../model/workbook';
import type { ReviewResult } from '../context';
import { buildSummaryModel, SummaryModel } from './model';
import { SUMMARY_SHEET_NAME, summarySheet } from './sheet';

export * from './model';
export { SUMMARY_SHEET_NAME, summarySheet } from './sheet';

export interface SummaryPlan {
  model: SummaryModel;
  sheet: SheetSpec;
  /** Said when the usual name belongs to a sheet the user made. */
  finding?: Finding;
  /** Summaries Gouji made before under another name (the other language): to remove. */
  stale: string[];
}

/**
 * `workbook`: the whole workbook as read, Gouji's own sheets included (marked `generatedBy`); those are
 * replaced in place. A user's own sheet with the summary's name is never touched: the summary takes the
 * next free name.
 */
export function planSummary(result: ReviewResult, lang: Lang, workbook: Workbook): SummaryPlan {
  const sheetNames = workbook.sheets.map((s) => s.name);
  const ownedSheets = workbook.sheets.filter((s) => s.generatedBy === 'gouji').map((s) => s.name);
  const model = buildSummaryModel(result);
  const base = SUMMARY_SHEET_NAME[lang];
  let name = base;
  let finding: Finding | undefined;
  const taken = (n: string) =>
    sheetNames.some((s) => s.toLowerCase() === n.toLowerCase()) && !ownedSheets.includes(n);
  if (taken(base)) {
    const owned = ownedSheets.find((s) => s.startsWith(base));
    name = owned ?? base;
    for (let i = 2; taken(name); i++) name = `${base} (${i})`;
    finding = {
      rule: 'summary/name-taken',
      level: 'info',
      message: {
        zh: `工作簿中已有用户自己的“${base}”工作表，Gouji 未改动它，汇总写入了“${name}”。`,
        en: `The workbook already has a user sheet named "${base}"; Gouji left it alone and wrote the summary to "${name}".`,
      },
      locations: [{ sheet: base, cell: 'A1' }],
    };
  }
  if (finding) model.findings = [...model.findings, finding];
  const summaryNames = Object.values(SUMMARY_SHEET_NAME);
  const stale = ownedSheets.filter((s) => s !== name && summaryNames.some((n) => s.startsWith(n)));
  return { model, sheet: summarySheet(model, lang, name), finding, stale };
}
