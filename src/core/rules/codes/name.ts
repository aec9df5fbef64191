/**
 * codes/name: the name printed beside a code is not the catalog's name for it (bracket width and spaces ignored,
 * names of the edition the table follows accepted). A name of an older edition in a newer table is reported too.
 */
import { matchName } from '../../catalog';
import { toA1 } from '../../model/address';
import { defineRule, Report } from '../../context';
import { codeCells, reviewDuplicates, readCodes } from '../../codes/read';

export const codeName = defineRule({
  meta: {
    id: 'codes/name',
    group: 'codes',
    title: { zh: '科目名称与编码不符', en: 'Name does not match the code' },
    messages: {
      mismatch: {
        level: 'warning',
        zh: '编码 {编码} 的科目名称应为“{目录名称}”',
        en: 'code {code} is named "{catalog name}" in the catalog',
      },
    },
  },
  check(ctx) {
    const out: Report[] = [];
    // a code printed a second time is reported by codes/duplicate; its name is not that code's to compare
    const repeated = new Set(reviewDuplicates(ctx).map(([again]) => again));
    const readings = readCodes(ctx);
    for (let i = 0; i < readings.length; i++) {
      const r = readings[i];
      if (repeated.has(r)) continue;
      if (!r.code || !r.scheme || !r.name || r.nameCol === undefined) continue;
      const entry = ctx.catalog.lookup(r.scheme, r.code);
      if (!entry) continue;
      const m = matchName(r.name, entry, ctx.catalog);
      if (m && m.kind !== 'alias') continue;
      const nameCell = toA1(r.row.row, r.nameCol);
      const locations = [
        { sheet: r.sheet.name, cell: nameCell },
        ...codeCells(r).filter((c) => c.cell !== nameCell),
      ];
      if (!m) {
        out.push({
          messageId: 'mismatch',
          message: {
            zh: `编码 ${r.code} 的科目名称应为“${entry.name}”，表中为“${r.name}”（${entry.edition} 版目录）。`,
            en: `Code ${r.code} is named "${entry.name}" in the catalog (${entry.edition} edition); the table prints "${r.name}".`,
          },
          locations,
          expected: entry.name,
          actual: r.name,
        });
      } else if (
        m.kind === 'alias' &&
        m.edition &&
        r.table.year !== undefined &&
        r.table.year > Number(m.edition)
      ) {
        out.push({
          messageId: 'mismatch',
          message: {
            zh: `编码 ${r.code} 的名称“${r.name}”是 ${m.edition} 年及以前的旧名称，${r.table.year} 年应为“${entry.name}”。`,
            en: `"${r.name}" is the name of code ${r.code} up to ${m.edition}; for ${r.table.year} it is "${entry.name}".`,
          },
          locations,
          expected: entry.name,
          actual: r.name,
        });
      }
    }
    return out;
  },
});
