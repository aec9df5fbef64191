/** Findings and the rule contract (in the spirit of ESLint rules). */

export type Level = 'error' | 'warning' | 'info';

export interface Message {
  zh: string;
  en: string;
}

export type Lang = keyof Message;

export interface CellRef {
  sheet: string;
  /** A1 address, e.g. 'C20'. */
  cell: string;
}

export interface Finding {
  rule: string;
  level: Level;
  message: Message;
  /** The first location is where the problem shows; every cell involved follows. */
  locations: CellRef[];
  expected?: number | string;
  actual?: number | string;
}

export const LEVELS: Level[] = ['error', 'warning', 'info'];

export function countByLevel(findings: Finding[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < findings.length; i++) counts[findings[i].level]++;
  return counts;
}
