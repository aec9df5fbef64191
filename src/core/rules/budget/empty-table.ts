/**
 * budget/empty-table (warning) — a budget table printed without any amount should say so (本表为空表 / 无数据 /
 * 本单位没有…支出); a silent blank table leaves the reader guessing (DOMAIN.md §3 warnings).
 */
import { Finding } from '../../model/findings';
import { Rule } from '../rule';
import { cellRef, tableName } from './common';

export const emptyTable: Rule = {
  id: 'budget/empty-table',
  level: 'warning',
  title: { zh: '空表未作说明', en: 'Empty table without a statement' },
  check(ctx) {
    const out: Finding[] = [];
    for (const t of ctx.tables) {
      if (!t.empty || t.emptyStatement) continue;
      const tn = tableName(t, ctx.tables);
      const at = t.titleCell ?? { row: t.range.top, col: t.range.left };
      out.push({
        rule: this.id,
        level: this.level,
        message: {
          zh: `${tn}“${t.title}”没有任何金额，也没有“本表为空表”之类的说明；无数据时应注明原因。`,
          en: `${tn} “${t.title}” prints no amounts and no statement that it is empty; say why when there is nothing to show.`,
        },
        locations: [cellRef(t, at.row, at.col)],
      });
    }
    return out;
  },
};
