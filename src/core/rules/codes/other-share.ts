/**
 * codes/other-share: an xx99 “其他…” code holding more than a set share (default 30%) of its parent. A warning
 * (DOMAIN.md §3 lists it among the 提示性 checks): 其他 codes are legitimate but a large share usually means spending
 * that has a proper code of its own, and the unit should explain it. Compared in the table's total column; the same
 * code with the same amounts in several tables (收入总表, 支出总表, 一般公共预算支出表…) is one finding with every cell.
 */
import { parentCode } from '../../catalog';
import { readableNumber } from '../../readable';
import { toA1 } from '../../model/address';
import { CellRef } from '../../model/findings';
import { codeSettings } from '../../settings';
import { defineRule, Report } from '../../context';
import { totalColumn } from '../../codes/amounts';
import { codeCells, CodeReading, readCodes } from '../../codes/read';
import { BudgetTable, TableColumn } from '../../tables/types';

interface Hit {
  r: CodeReading;
  parent: CodeReading;
  value: number;
  parentValue: number;
  cells: CellRef[];
}

export const codeOtherShare = defineRule({
  meta: {
    id: 'codes/other-share',
    group: 'codes',
    title: { zh: '“其他”科目占比过大', en: 'Large share in an “other” code' },
    messages: {
      large: {
        level: 'warning',
        zh: '“其他”科目 {编码} 占上级科目的比重过高（超过 {阈值}）',
        en: 'the 其他 code {code} holds too large a share of its parent (over {threshold})',
      },
    },
  },
  check(ctx) {
    const threshold = codeSettings(ctx.settings).otherShareThreshold;
    const all = readCodes(ctx);
    const hits = new Map<string, Hit[]>();
    // the latest reading of each code so far, per table and code group (the parent is the nearest one above)
    const latest = new Map<BudgetTable, Map<string, CodeReading>[]>();
    const totals = new Map<BudgetTable, TableColumn | undefined>();
    for (let i = 0; i < all.length; i++) {
      const r = all[i];
      if (r.code) {
        let groups = latest.get(r.table);
        if (!groups) latest.set(r.table, (groups = []));
        (groups[r.group] ??= new Map()).set(r.code, r);
      }
      if (!r.code || !r.scheme || !r.level || r.level < 2 || !r.code.endsWith('99')) continue;
      const pc = parentCode(r.code);
      if (!pc) continue;
      // a 99 under a parent that is itself “other” (2089999 under 20899 其他社会保障和就业支出) says nothing
      const pe = ctx.catalog.lookup(r.scheme, pc);
      if (pc.endsWith('99') || (pe && pe.name.startsWith('其他'))) continue;
      if (!totals.has(r.table)) totals.set(r.table, totalColumn(r.table));
      const col = totals.get(r.table);
      if (!col) continue;
      // pc differs from r.code, so r (already recorded) is never its own parent
      const parent = latest.get(r.table)?.[r.group]?.get(pc);
      if (!parent) continue;
      const v = r.row.values.get(col.col)?.value ?? 0;
      const pv = parent.row.values.get(col.col)?.value ?? 0;
      if (pv <= 0 || v <= 0 || v / pv <= threshold) continue;
      const key = `${r.scheme}:${r.code}:${v}:${pv}`;
      const cells = [
        { sheet: r.sheet.name, cell: toA1(r.row.row, col.col) },
        { sheet: parent.sheet.name, cell: toA1(parent.row.row, col.col) },
        ...codeCells(r),
      ];
      const hit: Hit = { r, parent, value: v, parentValue: pv, cells };
      const same = hits.get(key);
      if (same) same.push(hit);
      else hits.set(key, [hit]);
    }
    const out: Report[] = [];
    for (const list of hits.values()) {
      const { r, parent, value, parentValue } = list[0];
      const share = `${((value / parentValue) * 100).toFixed(1)}%`;
      const limit = `${Math.round(threshold * 1000) / 10}%`;
      const name = r.name ? ` ${r.name}` : '';
      const pname = parent.name ? ` ${parent.name}` : '';
      out.push({
        messageId: 'large',
        message: {
          zh: `“其他”科目 ${r.code}${name} 占其上级 ${parent.code}${pname} 的 ${share}（${readableNumber(value)} / ${readableNumber(parentValue)}），超过 ${limit}：请核实能否列入具体科目，或说明原因。`,
          en: `The “other” code ${r.code}${name} holds ${share} of its parent ${parent.code}${pname} (${readableNumber(value)} / ${readableNumber(parentValue)}), above ${limit}: check whether it has a proper code, or explain it.`,
        },
        locations: list.flatMap((h) => h.cells),
        expected: `≤ ${limit}`,
        actual: share,
      });
    }
    return out;
  },
});
