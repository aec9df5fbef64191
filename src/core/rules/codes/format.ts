/** codes/format: a code cell that is not a well-formed code for its column (功能 3/5/7 digits, split 3/2/2, 经济 3/5). */
import { toA1 } from '../../model/address';
import { Finding } from '../../model/findings';
import { Rule } from '../rule';
import { readCodes } from './read';

export const codeFormat: Rule = {
  id: 'codes/format',
  level: 'error',
  title: { zh: '科目编码格式不对', en: 'Malformed classification code' },
  check(ctx) {
    const out: Finding[] = [];
    for (const r of readCodes(ctx)) {
      if (r.problem?.kind !== 'format') continue;
      out.push({
        rule: 'codes/format',
        level: 'error',
        message: r.problem.message,
        locations: [{ sheet: r.sheet.name, cell: toA1(r.row.row, r.problem.part.col) }],
        expected: r.problem.expected,
        actual: r.problem.part.text,
      });
    }
    return out;
  },
};
