/** Cells whose value Gouji cannot know: error values (#REF!, #DIV/0!…) and formulas saved without a result. */
import { toA1 } from '../../model/address';
import { Finding } from '../../model/findings';
import { isCellError } from '../../model/workbook';
import { Rule } from '../rule';

export const errorValue: Rule = {
  id: 'workbook/error-value',
  level: 'warning',
  title: { zh: '单元格为错误值', en: 'Cell holds an error value' },
  check(ctx) {
    const out: Finding[] = [];
    for (const sheet of ctx.workbook.sheets) {
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell || !isCellError(cell.value)) return;
          const code = cell.value.error;
          const formula = cell.formula ? `（公式 =${cell.formula}）` : '';
          out.push({
            rule: 'workbook/error-value',
            level: 'warning',
            message: {
              zh: `单元格显示错误值 ${code}${formula}，无法核对，请修正公式或填入数值。`,
              en: `The cell shows the error ${code}${cell.formula ? ` (formula =${cell.formula})` : ''}; it cannot be checked — fix the formula or enter the amount.`,
            },
            locations: [{ sheet: sheet.name, cell: toA1(r, c) }],
            actual: code,
          });
        }),
      );
    }
    return out;
  },
};

export const noCachedValue: Rule = {
  id: 'workbook/no-cached-value',
  level: 'info',
  title: { zh: '公式没有保存计算结果', en: 'Formula saved without its result' },
  check(ctx) {
    const out: Finding[] = [];
    for (const sheet of ctx.workbook.sheets) {
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell?.noCachedValue) return;
          out.push({
            rule: 'workbook/no-cached-value',
            level: 'info',
            message: {
              zh: `公式 =${cell.formula ?? ''} 在文件中没有保存计算结果，Gouji 无法得知其数值、未参与核对；请在 Excel 中打开并保存后再审核。`,
              en: `The formula =${cell.formula ?? ''} was saved without its result, so its value is unknown and was not checked; open and save the file in Excel, then review again.`,
            },
            locations: [{ sheet: sheet.name, cell: toA1(r, c) }],
          });
        }),
      );
    }
    return out;
  },
};
