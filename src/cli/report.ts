/** The readable report and the stable JSON shape of `gouji check`. */
import { Finding, Lang, Level, LEVELS } from '../core/model/findings';
import { kindName, unitName } from '../core/labels';
import { readableValue, summariseCells } from '../core/readable';
import { ReviewResult } from '../core/review';

export interface CheckJson {
  file: string;
  tables: { sheet: string; kind: string; range: string; unit: string | null }[];
  skipped: { sheet: string; reason: string }[];
  findings: {
    rule: string;
    level: Level;
    message: string;
    locations: { sheet: string; cell: string }[];
    expected?: number | string;
    actual?: number | string;
  }[];
  counts: Record<Level, number>;
}

export type TableJson = CheckJson['tables'][number];
export type FindingJson = CheckJson['findings'][number];

export function tableJson(t: ReviewResult['tables'][number]): TableJson {
  return { sheet: t.sheet, kind: t.kind, range: t.range, unit: t.unit };
}

export function skippedJson(
  s: ReviewResult['skipped'][number],
  lang: Lang,
): { sheet: string; reason: string } {
  return { sheet: s.sheet, reason: s.reason[lang] };
}

export function findingJson(f: Finding, lang: Lang): FindingJson {
  return {
    rule: f.rule,
    level: f.level,
    message: f.message[lang],
    locations: f.locations.map((l) => ({ sheet: l.sheet, cell: l.cell })),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
  };
}

/** The whole report as one object (small reports, tests); the CLI streams it with `writeCheckJson`. */
export function toJson(file: string, result: ReviewResult, lang: Lang): CheckJson {
  return {
    file,
    tables: result.tables.map(tableJson),
    skipped: result.skipped.map((s) => skippedJson(s, lang)),
    findings: result.findings.map((f) => findingJson(f, lang)),
    counts: result.counts,
  };
}

const WORDS = {
  zh: {
    title: 'Gouji 勾稽审核报告',
    tables: (n: number) => `识别到 ${n} 张表：`,
    none: '未识别到任何预算表、绩效表或说明文字：本工作簿没有可审核的内容。',
    prose: (n: number, sheets: string) => `说明文字 ${n} 段（${sheets}）。`,
    sheets: (n: number) => `工作簿共有 ${n} 个工作表。`,
    skipped: '已跳过：',
    unit: '单位：',
    counts: (c: Record<Level, number>) =>
      `结果：错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项。`,
    clean: '未发现问题。',
    level: { error: '错误', warning: '警告', info: '提示' } as Record<Level, string>,
    expected: '应为',
    actual: '实为',
    also: '相关单元格',
    general: '（整个工作簿）',
  },
  en: {
    title: 'Gouji review report',
    tables: (n: number) => `Recognised ${n} table(s):`,
    none: 'No budget table, performance form or narrative text was recognised: nothing in this workbook to check.',
    prose: (n: number, sheets: string) => `${n} narrative paragraph(s) (${sheets}).`,
    sheets: (n: number) => `The workbook has ${n} sheet(s).`,
    skipped: 'Skipped:',
    unit: 'unit: ',
    counts: (c: Record<Level, number>) =>
      `Result: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info.`,
    clean: 'No problems found.',
    level: { error: 'error', warning: 'warning', info: 'info' } as Record<Level, string>,
    expected: 'expected',
    actual: 'actual',
    also: 'also involves',
    general: '(whole workbook)',
  },
};

function findingLine(f: Finding, lang: Lang): string[] {
  const w = WORDS[lang];
  const where = f.locations[0]?.cell ?? '';
  const lines = [`  [${w.level[f.level]}] ${where.padEnd(6)} ${f.message[lang]}  (${f.rule})`];
  const detail: string[] = [];
  if (f.expected !== undefined) detail.push(`${w.expected} ${readableValue(f.expected, lang)}`);
  if (f.actual !== undefined) detail.push(`${w.actual} ${readableValue(f.actual, lang)}`);
  const first = f.locations[0];
  const others = f.locations.slice(1).filter((l) => !(l.sheet === first.sheet && l.cell === first.cell));
  if (others.length) detail.push(`${w.also} ${summariseCells(others, first.sheet, lang)}`);
  if (detail.length) lines.push(`           ${detail.join(lang === 'zh' ? '；' : '; ')}`);
  return lines;
}

export function textReport(file: string, result: ReviewResult, lang: Lang): string {
  const w = WORDS[lang];
  const out: string[] = [`${w.title} — ${file}`, w.sheets(result.context.workbook.sheets.length)];
  const prose = result.context.narratives;
  if (result.tables.length === 0 && prose.length === 0) out.push(w.none);
  if (result.tables.length > 0) {
    out.push(w.tables(result.tables.length));
    for (const t of result.tables)
      out.push(
        `  ${t.sheet}  ${t.range}  ${kindName(t.kind, lang)}${t.unit ? `  ${w.unit}${unitName(t.unit, lang)}` : ''}`,
      );
  }
  if (prose.length)
    out.push(
      w.prose(prose.length, [...new Set(prose.map((p) => p.sheet))].join(lang === 'zh' ? '、' : ', ')),
    );
  if (result.skipped.length) {
    out.push(w.skipped);
    for (const s of result.skipped) out.push(`  ${s.sheet}: ${s.reason[lang]}`);
  }
  out.push('', w.counts(result.counts));
  if (result.findings.length === 0 && (result.tables.length > 0 || prose.length > 0)) out.push(w.clean);
  const bySheet = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const sheet = f.locations[0]?.sheet ?? w.general;
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), f]);
  }
  for (const [sheet, list] of bySheet) {
    const c = LEVELS.map((l) => `${w.level[l]} ${list.filter((f) => f.level === l).length}`).join(' · ');
    out.push('', lang === 'zh' ? `【${sheet}】 ${c}` : `[${sheet}] ${c}`);
    for (const f of list) out.push(...findingLine(f, lang));
  }
  return out.join('\n') + '\n';
}

export interface ReviewFooter {
  /** Score cells filled; undefined when the workbook has no 自评表 to fill. */
  filled?: number;
  highlighted: number;
  summarySheet: string;
  output: string;
  /** Counts of a review before filling, when filling wrote cells. */
  before?: Record<Level, number>;
  after: Record<Level, number>;
}

/** The closing lines of `gouji review`: what was written, and how filling changed what the review sees. */
export function reviewFooter(f: ReviewFooter, lang: Lang): string {
  const lines: string[] = [];
  const c = (n: Record<Level, number>) =>
    lang === 'zh'
      ? `错误 ${n.error} 项，警告 ${n.warning} 项，提示 ${n.info} 项`
      : `${n.error} error(s), ${n.warning} warning(s), ${n.info} info`;
  if (f.before && f.filled) {
    const same = LEVELS.every((l) => f.before![l] === f.after[l]);
    lines.push(
      lang === 'zh'
        ? `填充评分后重新审核：${c(f.after)}${same ? '，与填充前相同' : `（填充前：${c(f.before)}）`}。`
        : `Reviewed again after filling: ${c(f.after)}${same ? ', as before filling' : ` (before filling: ${c(f.before)})`}.`,
    );
  }
  const parts =
    lang === 'zh'
      ? [
          ...(f.filled !== undefined ? [`已填写评分 ${f.filled} 处`] : []),
          `标注 ${f.highlighted} 个单元格`,
          `汇总表“${f.summarySheet}”`,
        ]
      : [
          ...(f.filled !== undefined ? [`filled ${f.filled} score cell(s)`] : []),
          `highlighted ${f.highlighted} cell(s)`,
          `summary sheet "${f.summarySheet}"`,
        ];
  if (lang === 'en') parts[0] = parts[0][0].toUpperCase() + parts[0].slice(1);
  lines.push(
    lang === 'zh' ? `${parts.join('，')}。写出：${f.output}` : `${parts.join(', ')}. Wrote: ${f.output}`,
  );
  return `\n${lines.join('\n')}\n`;
}
