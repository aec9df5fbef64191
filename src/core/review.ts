/**
 * The review engine: recognise what is in the workbook, run every registered rule, collect findings.
 * Rules never crash a review: a rule that throws becomes an info finding naming the rule.
 */
import { Catalog } from './catalog/types';
import { loadCatalog } from './catalog';
import { rangeToA1, parseA1 } from './model/address';
import { countByLevel, Finding, Level } from './model/findings';
import { Workbook } from './model/workbook';
import { findNarrativeCells } from './narrative/extract';
import { NarrativeCell } from './narrative/types';
import { recognizePerformanceForms } from './performance/recognize';
import { SelfEvaluationForm, TargetForm } from './performance/types';
import { allRules } from './rules';
import { Rule } from './rules/rule';
import { Settings, withSettings } from './settings';
import { recognizeBudgetTables } from './tables/recognize';
import { BudgetTable, SkippedSheet } from './tables/types';

export interface ReviewContext {
  workbook: Workbook;
  settings: Settings;
  catalog: Catalog;
  tables: BudgetTable[];
  targetForms: TargetForm[];
  selfEvaluations: SelfEvaluationForm[];
  narratives: NarrativeCell[];
}

/** One recognised table as reported in `gouji check --json`. */
export interface TableSummary {
  sheet: string;
  kind: string;
  range: string;
  unit: string | null;
}

export interface ReviewResult {
  context: ReviewContext;
  tables: TableSummary[];
  skipped: SkippedSheet[];
  findings: Finding[];
  counts: Record<Level, number>;
}

export function recognize(
  workbook: Workbook,
  settings: Settings,
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
  // sheets a reader could not read (damaged XML) are reported, never silently left out
  const unreadable = workbook.sheets.flatMap((s) =>
    s.unreadable ? [{ sheet: s.name, reason: s.unreadable }] : [],
  );
  return { ctx, skipped: [...unreadable, ...budget.skipped, ...perf.skipped] };
}

export function review(
  workbook: Workbook,
  partial?: Partial<Settings>,
  rules: Rule[] = allRules,
): ReviewResult {
  const settings = withSettings(partial);
  const { ctx, skipped } = recognize(workbook, settings);
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      for (const f of rule.check(ctx)) {
        if (f.level === 'info' && !settings.reportRounding && f.rule.endsWith('rounding')) continue;
        findings.push(f);
      }
    } catch (e) {
      findings.push({
        rule: 'engine/rule-failed',
        level: 'info',
        message: {
          zh: `规则 ${rule.id} 无法检查本工作簿（${(e as Error).message}），已跳过。`,
          en: `Rule ${rule.id} could not check this workbook (${(e as Error).message}); skipped.`,
        },
        locations: [],
      });
    }
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
  return out.sort(
    (a, b) =>
      (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) ||
      parseA1(a.range.split(':')[0]).row - parseA1(b.range.split(':')[0]).row,
  );
}

const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2 };

/** Sheet order, then row, then column of the first location; then level. */
export function sortFindings(findings: Finding[], workbook: Workbook): void {
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const key = (f: Finding) => {
    const loc = f.locations[0];
    if (!loc) return [-1, 0, 0];
    const p = parseA1(loc.cell);
    return [order.get(loc.sheet) ?? 1e6, p.row, p.col];
  };
  findings.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level];
  });
}
