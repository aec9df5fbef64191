/**
 * codes/duplicate: one code printed on two rows of one table (two 30208 rows, the second named 物业管理费 — most
 * likely 30209). Reported at the second row; budget sums count both rows (recognition makes the second a sibling
 * of the first), so their messages add up.
 */
import { codeCells, codeLabel, reviewDuplicates } from '../../codes/read';
import { defineRule, Report } from '../../context';
import { toA1 } from '../../model/address';

export const codeDuplicate = defineRule({
  meta: {
    id: 'codes/duplicate',
    group: 'codes',
    title: { zh: '同一表内科目编码重复', en: 'A code printed twice in one table' },
    messages: {
      duplicate: {
        level: 'warning',
        zh: '编码 {编码} 在同一表中出现两次',
        en: 'code {code} appears twice in one table',
      },
    },
  },
  check(ctx) {
    const out: Report<'duplicate'>[] = [];
    for (const [again, first] of reviewDuplicates(ctx)) {
      const code = codeLabel(again);
      const name = (r: typeof again) => (r.name ? `“${r.name}”` : '');
      const nameEn = (r: typeof again) => (r.name ? ` "${r.name}"` : '');
      const firstAt = toA1(first.row.row, first.parts[0]?.col ?? 0);
      out.push({
        messageId: 'duplicate',
        message: {
          zh: `${again.table.sheet} 第${again.row.row + 1}行编码 ${code}${name(again)}与第${first.row.row + 1}行（${firstAt}）${code}${name(first)}重复：同一编码在一张表中只应出现一次，请核对编码。`,
          en: `${again.table.sheet}, row ${again.row.row + 1}: code ${code}${nameEn(again)} is printed twice — also on row ${first.row.row + 1} (${firstAt})${nameEn(first)}; check the code.`,
        },
        locations: [...codeCells(again), ...codeCells(first)],
        actual: code,
      });
    }
    return out;
  },
});
