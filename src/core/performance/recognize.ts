// Placeholder until performance-form recognition lands (issue 4).
import { Workbook } from '../model/workbook';
import { SkippedSheet } from '../tables/types';
import { SelfEvaluationForm, TargetForm } from './types';

export function recognizePerformanceForms(_workbook: Workbook): {
  targetForms: TargetForm[];
  selfEvaluations: SelfEvaluationForm[];
  skipped: SkippedSheet[];
} {
  return { targetForms: [], selfEvaluations: [], skipped: [] };
}
