/**
 * budget/empty-table (warning) — a budget table printed without any amount should say so (本表为空表 / 无数据 /
 * 本单位没有…支出); a silent blank table leaves the reader guessing (DOMAIN.md §3 warnings).
 */
import { cellRef, tableName } from '../../budget/checks';
import { defineRule, Report } from '../../context';

export const emptyTable = defineRule({
  meta: {
    id: 'budget/empty-table',
    group: 'budget',
    title: { zh: '空表未作说明', en: 'Empty table without a statement' },
    messages: {
      unexplained: {
        level: 'warning',
        zh: '{表}没有任何金额，也没有“本表为空表”之类的说明',
        en: '{table} prints no amounts and no statement that it is empty',
      },
    },
  },
  check(ctx) {
    const out: Report<'unexplained'>[] = [];
    for (const t of ctx.tables) {
      if (!t.empty || t.emptyStatement) continue;
      const tn = tableName(t, ctx.tables);
      const at = t.titleCell ?? { row: t.range.top, col: t.range.left };
      out.push({
        messageId: 'unexplained',
        message: {
          zh: `${tn}“${t.title}”没有任何金额，也没有“本表为空表”之类的说明；无数据时应注明原因。`,
          en: `${tn} “${t.title}” prints no amounts and no statement that it is empty; say why when there is nothing to show.`,
        },
        locations: [cellRef(t, at.row, at.col)],
      });
    }
    return out;
  },
});
