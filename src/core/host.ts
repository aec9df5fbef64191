/**
 * What the task pane asks of its host. src/excel implements it over Office.js (and the preview over the
 * in-memory fake); tests can implement it directly.
 */
import { CellRef, Finding, Level } from './model/findings';
import type { TableSummary } from './context';
import { Settings } from './settings';
import { SkippedSheet } from './tables/types';

export interface ReviewOutcome {
  findings: Finding[];
  counts: Record<Level, number>;
  tables: TableSummary[];
  skipped: SkippedSheet[];
  /** Cells highlighted in the document. */
  highlighted: number;
}

export type Progress = (step: string, fraction: number) => void;

export interface GoujiHost {
  review(settings: Settings, progress?: Progress): Promise<ReviewOutcome>;
  /** Fill 执行率/得分/总分/等次 into empty cells; returns how many cells were written and what needs a person. */
  fillScores(settings: Settings, progress?: Progress): Promise<{ written: number; findings: Finding[] }>;
  /** Add or replace the summary sheet; returns its name. */
  buildSummary(settings: Settings, progress?: Progress): Promise<{ sheet: string }>;
  /** Remove every highlight and note Gouji added, restoring the user's formats. */
  clear(): Promise<{ removed: number }>;
  select(ref: CellRef): Promise<void>;
}
