/** Turn findings into one highlight per cell: the most severe level wins, explanations are joined. */
import { Highlight } from './model/edits';
import { Finding, Lang, Level } from './model/findings';
import { parseA1 } from './model/address';

const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };
const LEVEL_WORD: Record<Lang, Record<Level, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

/** The label a reviewer sees in front of each explanation, e.g. '【错误】'. */
export function levelLabel(level: Level, lang: Lang): string {
  return lang === 'zh' ? `【${LEVEL_WORD.zh[level]}】` : `[${LEVEL_WORD.en[level]}]`;
}

export function planHighlights(findings: Finding[], lang: Lang): Highlight[] {
  const byCell = new Map<string, { h: Highlight; lines: string[] }>();
  for (const f of findings) {
    f.locations.forEach((loc, i) => {
      const key = `${loc.sheet}\u0000${loc.cell}`;
      const { row, col } = parseA1(loc.cell);
      const line =
        i === 0
          ? `${levelLabel(f.level, lang)}${f.message[lang]}`
          : `${levelLabel(f.level, lang)}${lang === 'zh' ? '（相关单元格）' : '(involved) '}${f.message[lang]}`;
      const entry = byCell.get(key);
      if (!entry) {
        byCell.set(key, { h: { sheet: loc.sheet, row, col, level: f.level, note: '' }, lines: [line] });
      } else {
        if (RANK[f.level] < RANK[entry.h.level]) entry.h.level = f.level;
        if (!entry.lines.includes(line)) entry.lines.push(line);
      }
    });
  }
  return [...byCell.values()].map(({ h, lines }) => ({ ...h, note: `Gouji:\n${lines.join('\n')}` }));
}
