/**
 * codes/project-wages: 项目支出 carrying 301 工资福利支出 or 303 对个人和家庭的补助 — wages and personal subsidies
 * belong in 基本支出 (DOMAIN.md §3, warnings). Reported on the 款 rows, or on the 类 row when its 款 are not printed.
 */
import { toA1 } from '../../model/address';
import { defineRule, Report } from '../../context';
import { amountColumns, isProjectColumn } from '../../codes/amounts';
import { codeCells, readCodes } from '../../codes/read';

const WAGE_LEI: Record<string, { zh: string; en: string }> = {
  '301': { zh: '工资福利支出', en: 'wages and benefits' },
  '303': { zh: '对个人和家庭的补助', en: 'subsidies to individuals and households' },
};

export const codeProjectWages = defineRule({
  meta: {
    id: 'codes/project-wages',
    group: 'codes',
    title: {
      zh: '项目支出中列了工资福利或对个人补助',
      en: 'Wages or personal subsidies in project expenditure',
    },
    messages: {
      wages: {
        level: 'warning',
        zh: '项目支出中列支工资福利（301）或对个人和家庭的补助（303）',
        en: 'project spending lists wages (301) or personal subsidies (303)',
      },
    },
  },
  check(ctx) {
    const out: Report[] = [];
    const readings = readCodes(ctx).filter(
      (r) => r.scheme === 'economic-dept' && r.code && WAGE_LEI[r.code.slice(0, 3)],
    );
    for (const r of readings) {
      const cols = amountColumns(r.table).filter(isProjectColumn);
      if (cols.length === 0) continue;
      // a 类 row only when none of its 款 is printed in the same table
      if (
        r.level === 1 &&
        readings.some((x) => x.table === r.table && x.level === 2 && x.code!.startsWith(r.code!))
      )
        continue;
      for (const c of cols) {
        const v = r.row.values.get(c.col);
        if (!v || v.value === 0) continue;
        const lei = WAGE_LEI[r.code!.slice(0, 3)];
        const name = r.name ? ` ${r.name}` : '';
        out.push({
          messageId: 'wages',
          message: {
            zh: `项目支出列了 ${r.code}${name}（${v.value}）：${lei.zh}一般应在基本支出中安排，请说明。`,
            en: `Project expenditure carries ${r.code}${name} (${v.value}): ${lei.en} normally belong in basic expenditure; explain it.`,
          },
          locations: [{ sheet: r.sheet.name, cell: toA1(r.row.row, c.col) }, ...codeCells(r, true)],
          expected: 0,
          actual: v.value,
        });
      }
    }
    return out;
  },
});
