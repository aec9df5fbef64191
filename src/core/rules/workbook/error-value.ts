/** workbook/error-value: a cell showing an error value (#REF!, #DIV/0!…) cannot be checked. */
import { cellRule } from '../../cells';
import { isCellError } from '../../model/workbook';

export const errorValue = cellRule(
  'workbook/error-value',
  { zh: '单元格为错误值', en: 'Cell holds an error value' },
  {
    error: {
      level: 'warning',
      zh: '单元格显示错误值 {错误}，无法核对',
      en: 'the cell shows the error {error}; it cannot be checked',
    },
  },
  (cell) => {
    if (!isCellError(cell.value)) return undefined;
    const code = cell.value.error;
    return {
      messageId: 'error',
      message: {
        zh: `单元格显示错误值 ${code}${cell.formula ? `（公式 =${cell.formula}）` : ''}，无法核对，请修正公式或填入数值。`,
        en: `The cell shows the error ${code}${cell.formula ? ` (formula =${cell.formula})` : ''}; it cannot be checked — fix the formula or enter the amount.`,
      },
      actual: code,
    };
  },
);
