// Placeholder until budget-table recognition lands (issue 3).
import { Workbook } from '../model/workbook';
import { BudgetTable, SkippedSheet } from './types';

export function recognizeBudgetTables(_workbook: Workbook): { tables: BudgetTable[]; skipped: SkippedSheet[] } {
  return { tables: [], skipped: [] };
}
