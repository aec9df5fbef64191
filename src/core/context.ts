/**
 * What a rule sees and what it returns: the review context (the recognised workbook and the settings), the rule
 * contract with its declared messages (in the spirit of ESLint's `meta.messages`), and the observer tests use to
 * watch the identities the budget rules evaluate. The engine (review.ts) imports this module; rules and the core
 * libraries they call import this module — never the engine.
 */
import { Catalog } from './catalog/types';
import { CellRef, Finding, Level, Message } from './model/findings';
import { Workbook } from './model/workbook';
import { NarrativeCell } from './narrative/types';
import { SelfEvaluationForm, TargetForm } from './performance/types';
import { Settings } from './settings';
import { BudgetTable, SkippedSheet } from './tables/types';

export interface ReviewContext {
  workbook: Workbook;
  settings: Settings;
  catalog: Catalog;
  tables: BudgetTable[];
  targetForms: TargetForm[];
  selfEvaluations: SelfEvaluationForm[];
  narratives: NarrativeCell[];
  /** Watches the review (tests, coverage reports); nothing in a normal review. */
  observer?: ReviewObserver;
  /** Values computed once per review and shared by rules (see `memo`). */
  cache?: Map<string, unknown>;
}

/** How an evaluated identity came out: exact, within rounding (尾差), or wrong. */
export type Verdict = 'equal' | 'rounding' | 'mismatch';

/** One identity a budget rule evaluated (also the exact ones), for coverage reports and tests. */
export interface CheckRecord {
  rule: string;
  verdict: Verdict;
  /** Printed total (or the checked amount) first, then the parts. */
  locations: CellRef[];
  expected: number;
  actual: number;
}

export interface ReviewObserver {
  /** Every identity the budget rules evaluate, equal ones included. */
  onCheck?(record: CheckRecord): void;
}

/** Tell the context's observer (if any) about an evaluated identity. */
export function observeCheck(ctx: ReviewContext, record: CheckRecord): void {
  ctx.observer?.onCheck?.(record);
}

/**
 * The extra rounding allowance, in units of the last printed digit, on top of the per-term rule (DOMAIN.md §3).
 * Every rule reads the tolerance here; the settings schema keeps it a whole number from 0 to 10.
 */
export function tolerance(ctx: ReviewContext): number {
  return ctx.settings.extraTolerance;
}

/** Compute a value once per review (per context) under `key`. */
export function memo<T>(ctx: ReviewContext, key: string, compute: () => T): T {
  const cache = (ctx.cache ??= new Map());
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}

// ---- the rule contract ----

export type RuleGroup = 'budget' | 'codes' | 'narrative' | 'performance' | 'workbook';

/**
 * One kind of finding a rule can emit. `zh`/`en` describe it (what `gouji rules` lists; {placeholders} are fine);
 * the finding's own text is built by the rule. A `rounding` message is a 尾差 (shown only with reportRounding).
 */
export interface MessageMeta {
  level: Level;
  rounding?: true;
  zh: string;
  en: string;
}

export interface RuleMeta<M extends string = string> {
  /** `<group>/<name>`, the file's path under rules/. */
  id: string;
  group: RuleGroup;
  /** What the rule checks, in a few words. */
  title: Message;
  messages: Record<M, MessageMeta>;
}

/** What a rule returns: which declared message, its concrete text, every cell involved and, for numbers, both values. */
export interface Report<M extends string = string> {
  messageId: M;
  message: Message;
  /** The first location is where the problem shows; every cell involved follows. */
  locations: CellRef[];
  expected?: number | string;
  actual?: number | string;
}

/**
 * A rule: one module under rules/<group>/, registered in its group's index; the engine never changes for a new rule.
 * The engine turns each report into a finding whose id is the rule's id (`<id>-rounding` for a rounding message)
 * and whose level is the message's (or the user's `rules` setting).
 */
export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: ReviewContext): Report<M>[];
}

/**
 * Declare a rule. A check typed `Report<'a' | 'b'>[]` has its message ids checked against `meta.messages` by the
 * compiler; the engine checks every report at run time.
 */
export function defineRule<M extends string>(rule: {
  meta: RuleMeta<M>;
  check(ctx: ReviewContext): Report[];
}): Rule {
  return rule as unknown as Rule;
}

/** The id of the findings a message produces: `<rule id>`, or `<rule id>-rounding` for a rounding message. */
export function findingId(ruleId: string, message: MessageMeta): string {
  return message.rounding ? `${ruleId}-rounding` : ruleId;
}

/** One recognised table as reported in `gouji check --json`. */
export interface TableSummary {
  sheet: string;
  kind: string;
  range: string;
  unit: string | null;
}

/** What a review returns (the engine, review.ts). */
export interface ReviewResult {
  context: ReviewContext;
  tables: TableSummary[];
  skipped: SkippedSheet[];
  findings: Finding[];
  counts: Record<Level, number>;
}
