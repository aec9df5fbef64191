/**
 * Work rules share, done once per review and read by every rule that needs it: the sheets by name. Built lazily on
 * first use. (An indicator's parsed 指标值 is parseValue(indicator.target): remembered per text there.)
 */
import { memo, ReviewContext } from './context';
import { Sheet } from './model/workbook';

export interface ReviewIndex {
  /** The workbook's sheet of that name. */
  sheet(name: string): Sheet | undefined;
}

export function reviewIndex(ctx: ReviewContext): ReviewIndex {
  return memo(ctx, 'review-index', () => buildIndex(ctx));
}

function buildIndex(ctx: ReviewContext): ReviewIndex {
  const sheets = new Map<string, Sheet>();
  // the first sheet of a name, as sheets.find() found it
  for (const s of ctx.workbook.sheets) if (!sheets.has(s.name)) sheets.set(s.name, s);
  return { sheet: (name) => sheets.get(name) };
}
