/** Cells whose value Gouji cannot know: error values (#REF!, #DIV/0!…) and formulas saved without a result. */
import { toA1 } from '../../model/address';
import { Finding, Level, Message } from '../../model/findings';
import { Cell, isCellError } from '../../model/workbook';
import type { ReviewContext } from '../../review';
import { Rule } from '../rule';

/** A rule that looks at every cell on its own: `explain` says what is wrong with one, or nothing. */
function cellRule(
  id: string,
  level: Level,
  title: Message,
  explain: (cell: Cell) => Pick<Finding, 'message' | 'actual'> | undefined,
  /** Cells (`sheet\u0000row,col`) the rule leaves alone in this workbook. */
  exempt?: (ctx: ReviewContext) => Set<string>,
): Rule {
  return {
    id,
    level,
    title,
    check(ctx: ReviewContext) {
      const out: Finding[] = [];
      const skip = exempt?.(ctx);
      for (const sheet of ctx.workbook.sheets)
        sheet.rows.forEach((row, r) =>
          row?.forEach((cell, c) => {
            if (skip?.has(`${sheet.name}\u0000${r},${c}`)) return;
            const said = cell && explain(cell);
            if (said)
              out.push({ rule: id, level, ...said, locations: [{ sheet: sheet.name, cell: toA1(r, c) }] });
          }),
        );
      return out;
    },
  };
}

export const errorValue = cellRule(
  'workbook/error-value',
  'warning',
  { zh: '单元格为错误值', en: 'Cell holds an error value' },
  (cell) => {
    if (!isCellError(cell.value)) return undefined;
    const code = cell.value.error;
    return {
      message: {
        zh: `单元格显示错误值 ${code}${cell.formula ? `（公式 =${cell.formula}）` : ''}，无法核对，请修正公式或填入数值。`,
        en: `The cell shows the error ${code}${cell.formula ? ` (formula =${cell.formula})` : ''}; it cannot be checked — fix the formula or enter the amount.`,
      },
      actual: code,
    };
  },
);

export const noCachedValue = cellRule(
  'workbook/no-cached-value',
  'info',
  { zh: '公式没有保存计算结果', en: 'Formula saved without its result' },
  (cell) =>
    cell.noCachedValue
      ? {
          message: {
            zh: `公式 =${cell.formula ?? ''} 在文件中没有保存计算结果，Gouji 无法得知其数值、未参与核对；请在 Excel 中打开并保存后再审核。`,
            en: `The formula =${cell.formula ?? ''} was saved without its result, so its value is unknown and was not checked; open and save the file in Excel, then review again.`,
          },
        }
      : undefined,
  // a 指标值 (or 实际完成值) written '=100%', '=0起', '=24小时/日' is a target with an operator that the
  // producing tool stored as a formula: the performance rules read it as written, there is no result to miss
  (ctx) => {
    const cells = new Set<string>();
    const add = (sheet: string, pos?: { row: number; col: number }) => {
      if (pos) cells.add(`${sheet}\u0000${pos.row},${pos.col}`);
    };
    for (const f of ctx.targetForms) for (const i of f.indicators) add(f.sheet, i.targetCell);
    for (const f of ctx.selfEvaluations)
      for (const i of f.indicators) {
        add(f.sheet, i.targetCell);
        add(f.sheet, i.actualCell);
      }
    return cells;
  },
);
