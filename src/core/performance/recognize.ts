/**
 * Finds every 绩效目标表 form and every 绩效自评表 in a workbook. A sheet that cannot be read is skipped
 * with the reason; recognition never throws.
 */
import { Sheet, Workbook } from '../model/workbook';
import { SkippedSheet } from '../tables/types';
import { recognizeSelfEvaluations } from './selfeval';
import { SheetReader } from './sheet';
import { recognizeTargetForms } from './targets';
import { SelfEvaluationForm, TargetForm } from './types';

export function recognizePerformanceForms(workbook: Workbook): {
  targetForms: TargetForm[];
  selfEvaluations: SelfEvaluationForm[];
  skipped: SkippedSheet[];
} {
  const targetForms: TargetForm[] = [];
  const selfEvaluations: SelfEvaluationForm[] = [];
  const skipped: SkippedSheet[] = [];
  for (const sheet of workbook.sheets) {
    // Gouji's own summary sheet and chart/dialog sheets hold no forms
    if (sheet.generatedBy === 'gouji' || sheet.kind) continue;
    try {
      // every form has a 二级/三级指标 header: a sheet without 指 (budget tables) has none, whatever its size
      const possible = mentions(sheet, '指');
      // one reader for both recognisers: each row is read once
      const reader = possible ? new SheetReader(sheet) : undefined;
      // and every 自评表 an 得分 column: a 绩效目标表 sheet without 得 has no self-evaluation
      const evaluations = reader && mentions(sheet, '得') ? recognizeSelfEvaluations(sheet, reader) : [];
      for (const e of evaluations) selfEvaluations.push(e);
      const forms = (reader ? recognizeTargetForms(sheet, reader) : []).filter(
        // the target/actual block of a provincial 自评表 is not a 绩效目标表
        (f) => !evaluations.some((e) => f.range.top >= e.range.top && f.range.top <= e.range.bottom),
      );
      const filled = forms.filter((f) => f.indicators.length > 0);
      for (const f of filled) targetForms.push(f);
      const titled = sheet.rows
        .slice(0, 3)
        .some((row) => row?.some((c) => typeof c?.value === 'string' && /绩效目标表/.test(c.value)));
      if (titled && filled.length === 0 && evaluations.length === 0) {
        skipped.push({
          sheet: sheet.name,
          reason: {
            zh: '绩效目标表没有任何指标（按公开的空表处理），未检查',
            en: 'performance-target sheet without any indicator (published empty); not checked',
          },
        });
      }
    } catch (e) {
      skipped.push({
        sheet: sheet.name,
        reason: {
          zh: `无法识别该表的绩效表格（${(e as Error).message}），已跳过`,
          en: `could not read the performance forms on this sheet (${(e as Error).message}); skipped`,
        },
      });
    }
  }
  return { targetForms, selfEvaluations, skipped };
}

/** Does any text cell of the sheet contain `word`? */
function mentions(sheet: Sheet, word: string): boolean {
  // index loops: once per sheet over every cell, too few calls to be optimised before it ends
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.value;
      if (typeof v === 'string' && v.includes(word)) return true;
    }
  }
  return false;
}
