/**
 * Work rules share, done once per review and read by every rule that needs it: the sheets by name and each
 * indicator's parsed 指标值. Built lazily on first use (a review without forms never parses a target).
 */
import { memo, ReviewContext } from './context';
import { Sheet } from './model/workbook';
import { parseValue, ParsedValue } from './performance/target';
import { Indicator } from './performance/types';

export interface ReviewIndex {
  /** The workbook's sheet of that name. */
  sheet(name: string): Sheet | undefined;
  /** The parsed 指标值 of an indicator (parseValue(indicator.target), parsed once). */
  target(indicator: Indicator): ParsedValue;
}

export function reviewIndex(ctx: ReviewContext): ReviewIndex {
  return memo(ctx, 'review-index', () => buildIndex(ctx));
}

function buildIndex(ctx: ReviewContext): ReviewIndex {
  const sheets = new Map<string, Sheet>();
  // the first sheet of a name, as sheets.find() found it
  for (const s of ctx.workbook.sheets) if (!sheets.has(s.name)) sheets.set(s.name, s);
  const targets = new Map<Indicator, ParsedValue>();
  return {
    sheet: (name) => sheets.get(name),
    target(indicator) {
      let v = targets.get(indicator);
      if (!v) {
        v = parseValue(indicator.target);
        targets.set(indicator, v);
      }
      return v;
    },
  };
}
