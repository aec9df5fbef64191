/**
 * codes/hierarchy: a code whose level contradicts its place — a 款/项 code in a split 类 column, a 项 without its
 * 款 — and a 款/项 row that does not sit under its own 类/款 in the table (the parent is missing above it, or the
 * row is inside another parent's block). Tables that print no 类 (or no 款) rows at all are not held to it.
 */
import { toA1 } from '../../model/address';
import { CellRef } from '../../model/findings';
import { defineRule, Report } from '../../context';
import { codeCells, CodeReading, readCodes } from '../../codes/read';
import { BudgetTable } from '../../tables/types';

const LEVEL_ZH = { 1: '类', 2: '款', 3: '项' } as const;
const LEVEL_EN = { 1: '类 (class)', 2: '款 (section)', 3: '项 (item)' } as const;

export const codeHierarchy = defineRule({
  meta: {
    id: 'codes/hierarchy',
    group: 'codes',
    title: { zh: '科目层级不对', en: 'Code out of its hierarchy' },
    messages: {
      misplaced: {
        level: 'error',
        zh: '{编码}的层级与其位置不符，或不在其上级科目之下',
        en: '{code} has the wrong level for its place, or is not under its parent',
      },
    },
  },
  check(ctx) {
    const out: Report[] = [];
    const all = readCodes(ctx);
    for (let i = 0; i < all.length; i++) {
      const r = all[i];
      if (r.problem?.kind !== 'level') continue;
      out.push({
        messageId: 'misplaced',
        message: r.problem.message,
        locations: [{ sheet: r.sheet.name, cell: toA1(r.row.row, r.problem.part.col) }],
        expected: r.problem.expected,
        actual: r.problem.part.text,
      });
    }
    // block check, per table and code group
    // in the order each (table, group) is first met; looked up by table, then group
    const groups: CodeReading[][] = [];
    const byTable = new Map<BudgetTable, CodeReading[][]>();
    for (let i = 0; i < all.length; i++) {
      const r = all[i];
      if (!r.problem && (!r.code || !r.level)) continue;
      let inTable = byTable.get(r.table);
      if (!inTable) byTable.set(r.table, (inTable = []));
      let g = inTable[r.group];
      if (!g) groups.push((inTable[r.group] = g = []));
      g.push(r);
    }
    for (const list of groups) {
      const has = { 1: list.some((r) => r.level === 1), 2: list.some((r) => r.level === 2) };
      let lei: CodeReading | undefined;
      let kuan: CodeReading | undefined;
      // after a row whose code could not be read, its block is unknown: no findings that would only echo it
      let brokenLei = false;
      let brokenKuan = false;
      for (let i = 0; i < list.length; i++) {
        const r = list[i];
        if (r.problem) {
          if (
            r.problem.part.kind === 'lei' ||
            r.problem.part.kind === 'joined' ||
            r.problem.part.kind === 'embedded'
          ) {
            brokenLei = true;
            lei = undefined;
          }
          brokenKuan = true;
          kuan = undefined;
          continue;
        }
        const code = r.code!;
        const level = r.level!;
        if (level === 1) {
          lei = r;
          kuan = undefined;
          brokenLei = brokenKuan = false;
          continue;
        }
        // the nearest parent level the table prints
        const parentLevel: 1 | 2 | undefined = level === 3 && has[2] ? 2 : has[1] ? 1 : undefined;
        if (level === 2) {
          kuan = r;
          brokenKuan = false;
        }
        if (!parentLevel) continue;
        if (!(parentLevel === 1 ? lei : kuan) && (parentLevel === 1 ? brokenLei : brokenKuan)) continue;
        const parentCode = code.slice(0, parentLevel === 1 ? 3 : 5);
        const block = parentLevel === 1 ? lei : kuan;
        if (block?.code === parentCode) continue;
        const present = list.some((x) => x.code === parentCode);
        const name = r.name ? ` ${r.name}` : '';
        const blockText = block ? `${block.code}${block.name ? ' ' + block.name : ''}` : '';
        const locations: CellRef[] = codeCells(r);
        if (block) locations.push(...codeCells(block));
        out.push({
          messageId: 'misplaced',
          message: present
            ? {
                zh: `${LEVEL_ZH[level]} ${code}${name} 不在其${LEVEL_ZH[parentLevel]} ${parentCode} 之下，而在${block ? `${LEVEL_ZH[parentLevel]} ${blockText} 之下` : '表的开头'}：请把它移到 ${parentCode} 的下面。`,
                en: `${LEVEL_EN[level]} ${code}${name} is not under its ${LEVEL_EN[parentLevel]} ${parentCode} but ${block ? `under ${blockText}` : 'at the top of the table'}; move it below ${parentCode}.`,
              }
            : {
                zh: `${LEVEL_ZH[level]} ${code}${name} 的上级${LEVEL_ZH[parentLevel]} ${parentCode} 在本表中未列出（其上方是 ${blockText || '表头'}）。`,
                en: `The ${LEVEL_EN[parentLevel]} ${parentCode} of ${LEVEL_EN[level]} ${code}${name} is not printed in this table (above it: ${blockText || 'the header'}).`,
              },
          locations,
          expected: parentCode,
          actual: block?.code ?? '',
        });
      }
    }
    return out;
  },
});
