/**
 * Every finding id a user can meet, in one list: the messages each rule declares (rules/<group>/*.ts, `meta.messages`)
 * and the findings minted outside rules — by the fill planner (performance/fill.ts), the summary (summary/) and the
 * engine itself (review.ts). The engine refuses a report whose message its rule did not declare.
 */
import { findingId, MessageMeta, Rule, RuleGroup } from './context';
import { Level } from './model/findings';
import { FILL_FINDINGS } from './performance/fill-findings';
import { allRules } from './rules';

/** A rule reported a message id it does not declare in `meta.messages`. */
export class UndeclaredMessageError extends Error {
  constructor(ruleId: string, messageId: string) {
    super(`rule ${ruleId} reported the undeclared message "${messageId}"`);
    this.name = 'UndeclaredMessageError';
  }
}

/** The declared message a report names, with the finding id it produces. */
export function declaredMessage(rule: Rule, messageId: string): MessageMeta & { id: string } {
  // one resolved message per rule and id (a rule reporting 17,000 findings resolves its message once)
  let byId = declared.get(rule);
  if (!byId || byId.messages !== rule.meta.messages) {
    byId = { messages: rule.meta.messages, resolved: new Map() };
    declared.set(rule, byId);
  }
  const hit = byId.resolved.get(messageId);
  if (hit) return hit;
  const m = Object.prototype.hasOwnProperty.call(rule.meta.messages, messageId)
    ? rule.meta.messages[messageId]
    : undefined;
  if (!m) throw new UndeclaredMessageError(rule.meta.id, messageId);
  const out = Object.freeze({ ...m, id: findingId(rule.meta.id, m) });
  byId.resolved.set(messageId, out);
  return out;
}

const declared = new WeakMap<
  Rule,
  { messages: Rule['meta']['messages']; resolved: Map<string, MessageMeta & { id: string }> }
>();

/** Who mints a finding: a rule (during review), the fill planner, the summary, or the engine. */
export type FindingSource = 'rule' | 'fill' | 'summary' | 'engine' | 'excel';

export interface DeclaredFinding {
  /** The finding's id (`Finding.rule`). */
  id: string;
  group: RuleGroup | 'engine' | 'summary' | 'excel';
  source: FindingSource;
  /** The rule that reports it (source 'rule'). */
  rule?: string;
  /** The message id within the rule (source 'rule'). */
  messageId?: string;
  level: Level;
  rounding?: true;
  zh: string;
  en: string;
}

/** Findings no rule reports: the fill planner's (`gouji fill`, 填充评分), the summary's and the engine's. */
export const OTHER_FINDINGS: DeclaredFinding[] = [
  ...Object.values(FILL_FINDINGS).map((f): DeclaredFinding => ({ ...f, source: 'fill' })),
  {
    id: 'excel/protected-sheet',
    group: 'excel',
    source: 'excel',
    level: 'info',
    zh: '工作表“{表}”受保护，勾稽未在其中标注、写入或清除标注',
    en: 'The sheet "{sheet}" is protected, so Gouji did not mark, write or clear highlights in it',
  },
  {
    id: 'summary/name-taken',
    group: 'summary',
    source: 'summary',
    level: 'info',
    zh: '已有用户自己的“{名称}”工作表，汇总写入了“{新名称}”',
    en: 'A user sheet named "{name}" exists; the summary went to "{new name}"',
  },
  {
    id: 'engine/rule-failed',
    group: 'engine',
    source: 'engine',
    level: 'info',
    zh: '规则 {规则} 无法检查本工作簿（{原因}），已跳过',
    en: 'Rule {rule} could not check this workbook ({reason}); skipped',
  },
];

/** Where each non-rule source mints its findings (a rule's file is `src/core/rules/<rule id>.ts`). */
const SOURCE_FILES: Record<Exclude<FindingSource, 'rule'>, string> = {
  fill: 'src/core/performance/fill.ts',
  summary: 'src/core/summary/index.ts',
  engine: 'src/core/review.ts',
  excel: 'src/excel/highlight.ts',
};

/** The file, relative to the repository, where a declared finding is born. */
export function sourceFile(d: DeclaredFinding): string {
  return d.source === 'rule' ? `src/core/rules/${d.rule}.ts` : SOURCE_FILES[d.source];
}

/** The declaration of a finding id minted outside rules (fill, summary, engine, excel); throws on an unknown id. */
export function otherFinding(id: string): DeclaredFinding {
  const d = OTHER_FINDINGS.find((o) => o.id === id);
  if (!d) throw new Error(`undeclared finding id ${id}`);
  return d;
}

/** Every finding a user can meet: one entry per declared message of every rule, then OTHER_FINDINGS. */
export function declaredFindings(rules: Rule[] = allRules): DeclaredFinding[] {
  const out: DeclaredFinding[] = [];
  for (const rule of rules)
    for (const [messageId, m] of Object.entries(rule.meta.messages)) {
      const d: DeclaredFinding = {
        id: findingId(rule.meta.id, m),
        group: rule.meta.group,
        source: 'rule',
        rule: rule.meta.id,
        messageId,
        level: m.level,
        zh: m.zh,
        en: m.en,
      };
      if (m.rounding) d.rounding = true;
      out.push(d);
    }
  return [...out, ...OTHER_FINDINGS];
}

/** The set of every finding id (rule findings, fill, summary, engine). */
export function declaredFindingIds(rules: Rule[] = allRules): Set<string> {
  return new Set(declaredFindings(rules).map((d) => d.id));
}
