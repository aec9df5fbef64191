/** codes/format: a code cell that is not a well-formed code for its column (功能 3/5/7 digits, split 3/2/2, 经济 3/5). */
import { toA1 } from '../../model/address';
import { defineRule, Report } from '../../context';
import { readCodes } from '../../codes/read';

export const codeFormat = defineRule({
  meta: {
    id: 'codes/format',
    group: 'codes',
    title: { zh: '科目编码格式不对', en: 'Malformed classification code' },
    messages: {
      malformed: {
        level: 'error',
        zh: '{编码}不是本列应有的编码格式（功能分类 3/5/7 位，经济分类 3/5 位）',
        en: '{code} is not a well-formed code for its column (functional 3/5/7 digits, economic 3/5)',
      },
    },
  },
  check(ctx) {
    const out: Report[] = [];
    const readings = readCodes(ctx);
    for (let i = 0; i < readings.length; i++) {
      const r = readings[i];
      if (r.problem?.kind !== 'format') continue;
      out.push({
        messageId: 'malformed',
        message: r.problem.message,
        locations: [{ sheet: r.sheet.name, cell: toA1(r.row.row, r.problem.part.col) }],
        expected: r.problem.expected,
        actual: r.problem.part.text,
      });
    }
    return out;
  },
});
