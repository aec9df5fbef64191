/**
 * The review engine: recognise what is in the workbook, run every registered rule, collect findings.
 * Rules never crash a review: a rule that throws becomes an info finding naming the rule.
 */
import { loadCatalog } from './catalog';
import { applyLevels } from './levels';
import { Report, ReviewContext, ReviewObserver, ReviewResult, Rule, TableSummary } from './context';
import { rangeToA1, parseA1 } from './model/address';
import { countByLevel, Finding, Level } from './model/findings';
import { Workbook } from './model/workbook';
import { findNarrativeCells } from './narrative/extract';
import { recognizePerformanceForms } from './performance/recognize';
import { declaredMessage, UndeclaredMessageError } from './registry';
import { allRules } from './rules';
import { Settings, withSettings } from './settings';
import { recognizeBudgetTables } from './tables/recognize';
import { SkippedSheet } from './tables/types';

export type { ReviewContext, ReviewResult, TableSummary } from './context';
export { applyLevels } from './levels';

export interface ReviewOptions {
  /** Watches the review (the budget rules report every identity they evaluate to it). */
  observer?: ReviewObserver;
  /** Throw on a report whose message the rule did not declare, instead of turning it into engine/rule-failed. */
  strict?: boolean;
}

export function recognize(
  workbook: Workbook,
  settings: Settings,
  observer?: ReviewObserver,
): { ctx: ReviewContext; skipped: SkippedSheet[] } {
  // sheets Gouji wrote itself (the summary) are not the user's tables
  if (workbook.sheets.some((s) => s.generatedBy === 'gouji'))
    workbook = { ...workbook, sheets: workbook.sheets.filter((s) => s.generatedBy !== 'gouji') };
  const budget = recognizeBudgetTables(workbook);
  const perf = recognizePerformanceForms(workbook);
  const ctx: ReviewContext = {
    workbook,
    settings,
    catalog: loadCatalog(),
    tables: budget.tables,
    targetForms: perf.targetForms,
    selfEvaluations: perf.selfEvaluations,
    narratives: findNarrativeCells(workbook),
  };
  if (observer) ctx.observer = observer;
  // sheets a reader could not read (damaged XML) are reported, never silently left out
  const unreadable = workbook.sheets.flatMap((s) =>
    s.unreadable ? [{ sheet: s.name, reason: s.unreadable }] : [],
  );
  return { ctx, skipped: [...unreadable, ...budget.skipped, ...perf.skipped] };
}

/**
 * Run one rule and turn its reports into findings: the id from the rule's id and the declared message, the level
 * the message declares; rounding messages are dropped unless the settings report rounding. Throws
 * UndeclaredMessageError on a message id the rule does not declare.
 */
export function runRule(rule: Rule, ctx: ReviewContext): Finding[] {
  const out: Finding[] = [];
  // reports of one message come in runs: resolve a message id once per run
  let lastId: string | undefined;
  let declared: ReturnType<typeof declaredMessage> | undefined;
  const reports = rule.check(ctx);
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i];
    if (r.messageId !== lastId || !declared) {
      declared = declaredMessage(rule, r.messageId);
      lastId = r.messageId;
    }
    const { id, level, rounding } = declared;
    if (rounding && !ctx.settings.reportRounding) continue;
    out.push(finding(id, level, r));
  }
  return out;
}

/** A report as a finding, made in one literal (no field added afterwards); expected/actual only when given. */
function finding(rule: string, level: Level, r: Report): Finding {
  const { message, locations, expected, actual } = r;
  if (expected !== undefined)
    return actual !== undefined
      ? { rule, level, message, locations, expected, actual }
      : { rule, level, message, locations, expected };
  return actual !== undefined
    ? { rule, level, message, locations, actual }
    : { rule, level, message, locations };
}

export function review(
  workbook: Workbook,
  partial?: Partial<Settings>,
  rules: Rule[] = allRules,
  options: ReviewOptions = {},
): ReviewResult {
  const settings = withSettings(partial);
  const { ctx, skipped } = recognize(workbook, settings, options.observer);
  const findings: Finding[] = [];
  for (const rule of rules) {
    let out: Finding[];
    try {
      out = runRule(rule, ctx);
    } catch (e) {
      if (options.strict && e instanceof UndeclaredMessageError) throw e;
      const why = (e as Error).message;
      out = [
        {
          rule: 'engine/rule-failed',
          level: 'info',
          message: {
            zh: `规则 ${rule.meta.id} 无法检查本工作簿（${why}），已跳过。`,
            en: `Rule ${rule.meta.id} could not check this workbook (${why}); skipped.`,
          },
          locations: [],
        },
      ];
    }
    // one push per finding: spreading 100,000+ findings into push() overflows the stack
    const kept = applyLevels(out, settings.rules);
    for (let i = 0; i < kept.length; i++) findings.push(kept[i]);
  }
  sortFindings(findings, workbook);
  return {
    context: ctx,
    tables: summarizeTables(ctx),
    skipped,
    findings,
    counts: countByLevel(findings),
  };
}

function summarizeTables(ctx: ReviewContext): TableSummary[] {
  const out: TableSummary[] = ctx.tables.map((t) => ({
    sheet: t.sheet,
    kind: t.kind,
    range: rangeToA1(t.range),
    unit: t.unit,
  }));
  for (const f of ctx.targetForms)
    out.push({ sheet: f.sheet, kind: 'performance-targets', range: rangeToA1(f.range), unit: f.unit });
  for (const f of ctx.selfEvaluations)
    out.push({ sheet: f.sheet, kind: 'self-evaluation', range: rangeToA1(f.range), unit: '万元' });
  const order = new Map(ctx.workbook.sheets.map((s, i) => [s.name, i]));
  // each table's top row once (a workbook of 500 forms has 500 ranges to compare)
  const top = new Map(out.map((t) => [t, parseA1(t.range.split(':')[0]).row]));
  return out.sort(
    (a, b) =>
      (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) ||
      (top.get(a) as number) - (top.get(b) as number),
  );
}

const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2 };

/** Sheet order, then row, then column of the first location; then level. */
export function sortFindings(findings: Finding[], workbook: Workbook): void {
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  // one numeric key per finding (row, column < 2^15 (ZZZ), level < 4: exact in a double);
  // sorting the indices with Float64Array keys keeps the comparator free of lookups and the sort stable by index
  const n = findings.length;
  const sheetKey = new Float64Array(n);
  const cellKey = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    const loc = f.locations[0];
    const level = LEVEL_ORDER[f.level];
    if (!loc) {
      sheetKey[i] = -1;
      cellKey[i] = level;
    } else {
      const p = parseA1(loc.cell);
      sheetKey[i] = order.get(loc.sheet) ?? 1e6;
      cellKey[i] = (p.row * 32768 + p.col) * 4 + level;
    }
  }
  const idx: number[] = [];
  for (let i = 0; i < n; i++) idx.push(i);
  idx.sort((a, b) => sheetKey[a] - sheetKey[b] || cellKey[a] - cellKey[b] || a - b);
  const sorted = idx.map((i) => findings[i]);
  for (let i = 0; i < n; i++) findings[i] = sorted[i];
}
