/** workbook/no-cached-value: a formula saved without its result has no value Gouji can check. */
import { cellRule } from '../../cells';

export const noCachedValue = cellRule(
  'workbook/no-cached-value',
  { zh: '公式没有保存计算结果', en: 'Formula saved without its result' },
  {
    noResult: {
      level: 'info',
      zh: '公式 ={公式} 在文件中没有保存计算结果，未参与核对',
      en: 'the formula ={formula} was saved without its result and was not checked',
    },
  },
  (cell) =>
    cell.noCachedValue
      ? {
          messageId: 'noResult',
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
