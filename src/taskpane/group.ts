/** Findings grouped for the pane: by sheet (in the order they first appear), then by level. */
import { Finding, Level, LEVELS } from '../core/model/findings';

export type LevelFilter = 'all' | Level;

export interface IndexedFinding {
  finding: Finding;
  /** Position in the list the host returned: a stable key within one result. */
  index: number;
}

export interface SheetGroup {
  /** null: findings about the whole workbook (no cell). */
  sheet: string | null;
  count: number;
  levels: { level: Level; items: IndexedFinding[] }[];
}

export function groupFindings(findings: Finding[], filter: LevelFilter = 'all'): SheetGroup[] {
  const bySheet = new Map<string | null, Map<Level, IndexedFinding[]>>();
  findings.forEach((finding, index) => {
    if (filter !== 'all' && finding.level !== filter) return;
    const sheet = finding.locations[0]?.sheet ?? null;
    let levels = bySheet.get(sheet);
    if (!levels) {
      levels = new Map();
      bySheet.set(sheet, levels);
    }
    const list = levels.get(finding.level) ?? [];
    list.push({ finding, index });
    levels.set(finding.level, list);
  });
  const groups: SheetGroup[] = [];
  for (const [sheet, levels] of bySheet) {
    const ordered = LEVELS.filter((l) => levels.has(l)).map((level) => ({
      level,
      items: levels.get(level)!,
    }));
    groups.push({ sheet, count: ordered.reduce((n, l) => n + l.items.length, 0), levels: ordered });
  }
  // workbook-wide findings last, sheets in the order the host listed them
  return [...groups.filter((g) => g.sheet !== null), ...groups.filter((g) => g.sheet === null)];
}

/** 'Sheet'!C20 the way Excel writes a reference (quotes when the name needs them). */
export function refText(sheet: string, cell: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff.]*$/.test(sheet)
    ? `${sheet}!${cell}`
    : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
