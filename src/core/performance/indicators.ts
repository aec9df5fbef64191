/**
 * What the 项目支出绩效目标表 rules (rules/performance/target-*.ts and the indicator rules, DOMAIN.md §4) share:
 * where a form's finding shows, the indicators a reviewer reads, and the report they return. Warnings unless an
 * arithmetic identity fails (财政拨款 > 年度资金总额, 资金总额 ≠ 财政拨款 + 其他资金: errors).
 */
import type { Report, ReviewContext } from '../context';
import { toA1 } from '../model/address';
import { CellRef, Finding } from '../model/findings';
import { isNotApplicableName } from './target';
import { CellPos, Indicator, TargetForm } from './types';

export const at = (f: TargetForm, p: CellPos | undefined): CellRef[] =>
  p ? [{ sheet: f.sheet, cell: toA1(p.row, p.col) }] : [];

/** Where a form-level finding shows: the project name, else the first indicator. */
export function formCell(f: TargetForm): CellRef[] {
  return at(f, f.projectNameCell ?? f.indicators[0]?.nameCell ?? { row: f.range.top, col: f.range.left });
}

export function label(f: TargetForm): string {
  return f.projectName || `${f.sheet}!${toA1(f.range.top, f.range.left)}`;
}

/** Indicators a reviewer reads: named, not 无/不适用. Callers must not change the list. */
export function real(f: TargetForm): Indicator[] {
  // a dozen rules ask for every form's list: filtered once per indicators array
  const hit = realCache.get(f);
  if (hit && hit.of === f.indicators) return hit.list;
  const list = f.indicators.filter((i) => !i.notApplicable && i.name !== '' && !isNotApplicableName(i.name));
  realCache.set(f, { of: f.indicators, list });
  return list;
}

const realCache = new WeakMap<TargetForm, { of: Indicator[]; list: Indicator[] }>();

/** A report of one of the rule's declared messages. */
export function report<M extends string>(
  messageId: M,
  locations: CellRef[],
  zh: string,
  en: string,
  extra: Pick<Finding, 'expected' | 'actual'> = {},
): Report<M> {
  return { messageId, message: { zh, en }, locations, ...extra };
}

/** Run a check on every 绩效目标表 form of the review. */
export function forEachForm(ctx: ReviewContext, fn: (f: TargetForm) => Report[]): Report[] {
  return ctx.targetForms.flatMap(fn);
}

/** An indicator name as compared: spaces and punctuation dropped. */
export const nameKey = (n: string) => n.replace(/[\s\u3000，,。.、；;：:（）()“”"'‘’]/g, '');

/** Decimals the amounts of a form are compared and shown at. */
export function dec(f: TargetForm): number {
  return Math.max(f.decimals, 2);
}
