/** Rules that look at every cell of the workbook on its own (rules/workbook: error values, formulas without a result). */
import { defineRule, MessageMeta, Report, ReviewContext, Rule } from './context';
import { toA1 } from './model/address';
import { Message } from './model/findings';
import { Cell } from './model/workbook';

/**
 * A rule that looks at every cell on its own with one declared message: `explain` says what is wrong with a cell,
 * or nothing.
 */
export function cellRule<M extends string>(
  id: string,
  title: Message,
  messages: Record<M, MessageMeta>,
  explain: (cell: Cell) => Omit<Report<M>, 'locations'> | undefined,
  /** Cells (`sheet\u0000row,col`) the rule leaves alone in this workbook. */
  exempt?: (ctx: ReviewContext) => Set<string>,
): Rule {
  return defineRule({
    meta: { id, group: 'workbook', title, messages },
    check(ctx: ReviewContext) {
      const out: Report<M>[] = [];
      // the exempt cells are made only once a cell has something to say
      let skip: Set<string> | undefined;
      // plain loops, and the exemption key built only for a cell `explain` speaks of (explain is pure)
      for (const sheet of ctx.workbook.sheets) {
        // forEach over the rows: a sparse sheet (one cell at row 1,000,000) visits only its rows
        sheet.rows.forEach((row, r) => {
          if (!row) return;
          for (let c = 0; c < row.length; c++) {
            const cell = row[c];
            if (!cell) continue;
            const said = explain(cell);
            if (!said) continue;
            if (exempt && (skip ??= exempt(ctx)).has(`${sheet.name}\u0000${r},${c}`)) continue;
            out.push({ ...said, locations: [{ sheet: sheet.name, cell: toA1(r, c) }] });
          }
        });
      }
      return out;
    },
  });
}
