/**
 * codes/unknown: a well-formed code that the catalog does not list. The catalog is incomplete by nature (no complete
 * machine-readable one is public), so this is a warning naming the catalog edition — and only info when the catalog
 * does not list the 项 of that 款 at all, or for a local subdivision, where nothing can be confirmed either way.
 * A retired code is a warning when the table's year is after the last edition known to list it.
 */
import { CatalogScheme, parentCode } from '../../catalog';
import { Finding, Level, Message } from '../../model/findings';
import { Rule } from '../rule';
import { codeCells, readCodes } from './read';

export const SCHEME_ZH: Record<CatalogScheme, string> = {
  functional: '支出功能分类',
  'economic-dept': '部门预算支出经济分类',
  'economic-gov': '政府预算支出经济分类',
};
export const SCHEME_EN: Record<CatalogScheme, string> = {
  functional: 'functional classification',
  'economic-dept': 'departmental economic classification',
  'economic-gov': 'government economic classification',
};

export const codeUnknown: Rule = {
  id: 'codes/unknown',
  level: 'warning',
  title: { zh: '科目编码不在目录中', en: 'Code not in the catalog' },
  check(ctx) {
    const out: Finding[] = [];
    for (const r of readCodes(ctx)) {
      if (!r.code || !r.scheme) continue;
      const entry = ctx.catalog.lookup(r.scheme, r.code);
      const meta = ctx.catalog.meta(r.scheme);
      const name = r.name ? ` ${r.name}` : '';
      let level: Level | undefined;
      let message: Message | undefined;
      if (!entry) {
        const parent = parentCode(r.code);
        const pe = parent ? ctx.catalog.lookup(r.scheme, parent) : undefined;
        if (r.code.length === 7 && r.scheme !== 'functional' && pe) {
          level = 'info';
          message = {
            zh: `编码 ${r.code}${name} 是经济分类款 ${parent} ${pe.name} 的地方细化科目，不在全国目录中，未能核对。`,
            en: `Code ${r.code}${name} is a local subdivision of economic 款 ${parent} ${pe.name}, not in the national catalog; not checked.`,
          };
        } else if (parent && pe && !ctx.catalog.hasChildrenListed(r.scheme, parent)) {
          level = 'info';
          message = {
            zh: `编码 ${r.code}${name}：本工具的${SCHEME_ZH[r.scheme]}目录（${meta.edition} 版）未列出 ${parent} ${pe.name} 的下级科目，无法核对。`,
            en: `Code ${r.code}${name}: the ${SCHEME_EN[r.scheme]} catalog (${meta.edition} edition) does not list the items of ${parent} ${pe.name}; not checked.`,
          };
        } else {
          level = 'warning';
          message = {
            zh: `编码 ${r.code}${name} 不在${SCHEME_ZH[r.scheme]}目录（${meta.edition} 版）中，请核对编码（本工具的目录可能不全）。`,
            en: `Code ${r.code}${name} is not in the ${SCHEME_EN[r.scheme]} catalog (${meta.edition} edition); check the code (the catalog may be incomplete).`,
          };
        }
      } else if (entry.retired) {
        const year = r.table.year;
        const late = year !== undefined && entry.until !== undefined && year > Number(entry.until);
        level = late ? 'warning' : 'info';
        const since = entry.until ? `（最后见于 ${entry.until} 版）` : '';
        const sinceEn = entry.until ? ` (last listed in the ${entry.until} edition)` : '';
        message = {
          zh: `编码 ${r.code} ${entry.name} 已不在现行${SCHEME_ZH[r.scheme]}目录中${since}，请按本年目录核对。`,
          en: `Code ${r.code} ${entry.name} is no longer in the current ${SCHEME_EN[r.scheme]} catalog${sinceEn}; check it against this year's catalog.`,
        };
      }
      if (!level || !message) continue;
      out.push({ rule: 'codes/unknown', level, message, locations: codeCells(r, true), actual: r.code });
    }
    return out;
  },
};
