/**
 * One language at a time: a review of the sample in English says nothing in Chinese of its own. Chinese may
 * appear only where the workbook's own text is quoted ("…", “…”), and as sheet names.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { planHighlights } from '../../src/core/highlights';
import { Finding } from '../../src/core/model/findings';
import { cellText, Workbook } from '../../src/core/model/workbook';
import { planFill } from '../../src/core/performance/fill';
import { review } from '../../src/core/review';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { planSummary } from '../../src/core/summary';
import { readXlsx } from '../../src/xlsx';
import { gouji } from '../cli/helpers';

const SAMPLE_DIR = join(__dirname, '..', '..', 'assets', 'sample');
const SAMPLES = readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.xlsx'));
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Text with the workbook's own words taken out: quoted passages, sheet names, whole cell texts. */
function ownWords(text: string, wb: Workbook): string {
  let t = text
    .replace(/"[^"\n]*"/g, '""')
    .replace(/“[^”\n]*”/g, '""')
    .replace(/'[^'\n]*'/g, "''");
  const names = [...wb.sheets.map((s) => s.name)].sort((a, b) => b.length - a.length);
  for (const n of names) t = t.split(n).join('');
  return t;
}

function cellTexts(wb: Workbook): Set<string> {
  const out = new Set<string>();
  for (const s of wb.sheets)
    for (const r of s.rows) for (const c of r ?? []) if (c) out.add(cellText(c).trim());
  return out;
}

describe.each(SAMPLES)('English throughout: %s', (file) => {
  const bytes = new Uint8Array(readFileSync(join(SAMPLE_DIR, file)));
  const wb = readXlsx(bytes, file);
  const settings = { ...DEFAULT_SETTINGS, lang: 'en' as const };
  const fill = planFill(wb, settings);
  const result = review(wb, settings);
  const findings: Finding[] = [...result.findings, ...fill.findings];
  const texts = cellTexts(wb);
  const offending = (lines: string[]) =>
    lines.filter((l) => CJK.test(ownWords(l, wb)) && !texts.has(l.trim()));

  test('every finding message', () => {
    expect(findings.length).toBeGreaterThan(0);
    expect(offending(findings.map((f) => `${f.rule}: ${f.message.en}`))).toEqual([]);
  });

  test('every note written into a cell', () => {
    const notes = planHighlights(findings, 'en').flatMap((h) => h.note.split('\n'));
    expect(offending(notes)).toEqual([]);
  });

  test('every cell of the summary sheet', () => {
    const plan = planSummary(result, 'en', wb);
    // names the summary quotes: the unit (in the title), projects, and the official class names by code
    const names = [
      plan.model.unitName ?? '',
      ...plan.model.projects.map((p) => p.name),
      ...plan.model.functional.map((r) => r.name),
      ...plan.model.economic.map((r) => r.name),
    ].filter(Boolean);
    const own = plan.sheet.cells
      .filter((c) => typeof c.value === 'string' && !c.link)
      .map((c) => String(c.value))
      .filter((v) => !findings.some((f) => f.expected === v || f.actual === v))
      .map((v) => names.reduce((t, n) => t.split(n).join(''), v));
    expect(offending(own)).toEqual([]);
  });

  test('the CLI report of gouji review --lang en', async () => {
    const r = await gouji(['review', join(SAMPLE_DIR, file), '-o', '/en.xlsx', '--lang', 'en']);
    const lines = r.stdout
      .split('\n')
      .map((l) => l.replace(join(SAMPLE_DIR, file), '').replace('/en.xlsx', ''));
    expect(offending(lines)).toEqual([]);
  });
});
