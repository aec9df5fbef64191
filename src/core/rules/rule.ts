import { Finding, Level, Message } from '../model/findings';
import type { ReviewContext } from '../review';

/**
 * A rule: a small module with an id, a default level, a bilingual title and a check.
 * A check returns findings that name every cell involved and, for numbers, both values.
 * Register it in its group's index (rules/budget, rules/performance, rules/narrative); the engine
 * itself never changes for a new rule.
 */
export interface Rule {
  id: string;
  level: Level;
  title: Message;
  check(ctx: ReviewContext): Finding[];
}
