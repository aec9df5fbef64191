/**
 * codes/basic-economic: 基本支出 uses only the economic 类 301 工资福利支出, 302 商品和服务支出, 303 对个人和家庭的补助
 * and 310 资本性支出 (DOMAIN.md §2); 309 资本性支出（基本建设） is accepted where a setting says so. An amount under
 * another 类 in a 基本支出 table or column is a warning (the unit has to explain it), never an error.
 */
import { toA1 } from '../../model/address';
import { CellRef } from '../../model/findings';
import { codeSettings } from '../../settings';
import { defineRule, Report } from '../../context';
import { amountColumns, isBasicColumn } from '../../codes/amounts';
import { codeCells, CodeReading, readCodes } from '../../codes/read';

export const codeBasicEconomic = defineRule({
  meta: {
    id: 'codes/basic-economic',
    group: 'codes',
    title: {
      zh: '基本支出使用了不应有的经济分类',
      en: 'Basic expenditure under an unexpected economic class',
    },
    messages: {
      notBasic: {
        level: 'warning',
        zh: '基本支出中出现不应列入基本支出的经济分类科目 {编码}',
        en: '{code} is an economic class that does not belong in 基本支出',
      },
    },
  },
  check(ctx) {
    const allowed = new Set(['301', '302', '303', '310']);
    if (codeSettings(ctx.settings).basicAllow309) allowed.add('309');
    const allowedText = [...allowed].sort().join('/');
    const out: Report[] = [];
    const byTable = new Map<number, CodeReading[]>();
    const readings = readCodes(ctx);
    for (let i = 0; i < readings.length; i++) {
      const r = readings[i];
      if (r.scheme !== 'economic-dept' || !r.code) continue;
      const t = ctx.tables.indexOf(r.table);
      const list = byTable.get(t);
      if (list) list.push(r);
      else byTable.set(t, [r]);
    }
    for (const [t, readings] of byTable) {
      const table = ctx.tables[t];
      const cols = amountColumns(table).filter((c) => isBasicColumn(table, c));
      if (cols.length === 0) continue;
      const flaggedLei = new Set<string>();
      const sorted = [...readings].sort((a, b) => (b.level ?? 0) - (a.level ?? 0)); // 款 before their 类
      for (const r of sorted) {
        const lei = r.code!.slice(0, 3);
        if (allowed.has(lei)) continue;
        if (r.level === 1 && flaggedLei.has(lei)) continue;
        const cells: CellRef[] = [];
        let first: number | undefined;
        for (const c of cols) {
          const v = r.row.values.get(c.col);
          if (v && v.value !== 0) {
            cells.push({ sheet: r.sheet.name, cell: toA1(r.row.row, c.col) });
            first ??= v.value;
          }
        }
        if (first === undefined) continue;
        flaggedLei.add(lei);
        const name = r.name ? ` ${r.name}` : '';
        out.push({
          messageId: 'notBasic',
          message: {
            zh: `基本支出列了经济分类 ${r.code}${name}（${first}）：基本支出一般只用 ${allowedText} 类，请说明或改列项目支出。`,
            en: `Basic expenditure carries economic code ${r.code}${name} (${first}): basic expenditure normally uses only classes ${allowedText}; explain it or move it to project expenditure.`,
          },
          locations: [...cells, ...codeCells(r, true)],
          expected: allowedText,
          actual: r.code!,
        });
      }
    }
    return out;
  },
});
