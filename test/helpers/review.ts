/**
 * The review tests run: the engine's review with `strict: true`, so a rule reporting a message it does not declare
 * fails the test (UndeclaredMessageError) instead of becoming an engine/rule-failed finding — and any finding whose id
 * the registry does not declare (declaredFindings(), what `gouji rules` lists) fails it too.
 */
import { declaredFindingIds } from '../../src/core/registry';
import { Rule } from '../../src/core/context';
import { Workbook } from '../../src/core/model/workbook';
import { review as engineReview, ReviewOptions, ReviewResult } from '../../src/core/review';
import { Settings } from '../../src/core/settings';

export { recognize, runRule } from '../../src/core/review';

export function review(
  workbook: Workbook,
  partial?: Partial<Settings>,
  rules?: Rule[],
  options: ReviewOptions = {},
): ReviewResult {
  const result = engineReview(workbook, partial, rules, { strict: true, ...options });
  const declared = declaredFindingIds(rules);
  const undeclared = result.findings.filter(
    (f) => !declared.has(f.rule) && !declaredFindingIds().has(f.rule),
  );
  if (undeclared.length > 0)
    throw new Error(`undeclared finding ids: ${[...new Set(undeclared.map((f) => f.rule))].join(', ')}`);
  return result;
}
