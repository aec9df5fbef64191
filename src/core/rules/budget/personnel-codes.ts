/**
 * budget/personnel-codes (warning) — in the 基本支出 经济分类 table, 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助
 * and 公用经费 = 302 商品和服务支出 + 310 资本性支出 (309 in some places). An amount of a 302/310 款 printed under
 * 人员经费 (or of a 301/303 款 under 公用经费) departs from that split; some provinces do so on purpose
 * (e.g. 其他交通费用 as 人员经费), so it is a warning the unit must explain, not an error.
 */
import { compact } from '../../tables/text';
import { BudgetTable, TableRow } from '../../tables/types';
import { cellRef, fmt, measureColumn, rowName, tableName } from '../../budget/checks';
import { defineRule, Report } from '../../context';

const CLASS_BY_NAME: Record<string, string> = {
  工资福利支出: '301',
  商品和服务支出: '302',
  对个人和家庭的补助: '303',
  对个人和家庭补助: '303',
  资本性支出: '310',
  '资本性支出(基本建设)': '309',
};

const PERSONNEL = new Set(['301', '303']);
const PUBLIC = new Set(['302', '309', '310']);

/** 类 (301/302/…) of a row: from its code, or from the name of its 类 row in name-only tables. */
function classOf(table: BudgetTable, row: TableRow): string | undefined {
  if (row.code) return /^3\d{2}/.test(row.code) ? row.code.slice(0, 3) : undefined;
  let r: TableRow | undefined = row;
  while (r) {
    const c = CLASS_BY_NAME[compact(r.name)];
    if (c) return c;
    r = r.parent !== undefined ? table.rows[r.parent] : undefined;
  }
  return undefined;
}

export const personnelCodes = defineRule({
  meta: {
    id: 'budget/personnel-codes',
    group: 'budget',
    title: {
      zh: '人员经费、公用经费与经济分类口径不一致',
      en: 'Personnel / public split departs from the economic classes',
    },
    messages: {
      wrongColumn: {
        level: 'warning',
        zh: '{行}属 {类} 类，金额却列在{人员经费|公用经费}（人员经费 = 301 + 303，公用经费 = 302 + 310）',
        en: '{row} is in class {class} but its amount is listed as {personnel|public} expenditure',
      },
    },
  },
  check(ctx) {
    const out: Report<'wrongColumn'>[] = [];
    for (const table of ctx.tables) {
      if (table.empty || !['general-budget-basic', 'fiscal-grant-basic'].includes(table.kind)) continue;
      const pc = measureColumn(table, 'personnel');
      const uc = measureColumn(table, 'public');
      if (!pc || !uc) continue;
      const hasChildren = new Set(table.rows.map((r) => r.parent).filter((p) => p !== undefined));
      table.rows.forEach((row, i) => {
        if (row.level === 'total' || hasChildren.has(i) || row.role === 'ofWhich') return;
        const cls = classOf(table, row);
        if (!cls) return;
        const wrong = PERSONNEL.has(cls) ? uc : PUBLIC.has(cls) ? pc : undefined;
        const v = wrong ? row.values.get(wrong.col)?.value : undefined;
        if (!wrong || !v) return;
        const isPersonnelCol = wrong === pc;
        const rn = rowName(row);
        const tn = tableName(table, ctx.tables);
        out.push({
          messageId: 'wrongColumn',
          message: {
            zh: `${tn} ${rn.zh}属 ${cls} 类，却有 ${fmt(v, table.decimals)} 列在${isPersonnelCol ? '人员经费' : '公用经费'}；按经济分类口径，人员经费 = 301 + 303，公用经费 = 302 + 310，口径不同请在说明中注明。`,
            en: `${tn}, ${rn.en} is in class ${cls} but ${fmt(v, table.decimals)} is listed as ${isPersonnelCol ? 'personnel' : 'public'} expenditure; by the economic classes personnel = 301 + 303 and public = 302 + 310 — explain the local split if intended.`,
          },
          locations: [
            cellRef(table, row.row, wrong.col),
            ...row.codeCols.map((c) => cellRef(table, row.row, c)),
          ],
          actual: v,
          expected: 0,
        });
      });
    }
    return out;
  },
});
