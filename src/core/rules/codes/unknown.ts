/**
 * codes/unknown: a well-formed code that the catalog does not list. The catalog is incomplete by nature (no complete
 * machine-readable one is public), so this is a warning naming the catalog edition — and only info when the catalog
 * does not list the 项 of that 款 at all, or for a local subdivision, where nothing can be confirmed either way.
 * A retired code is a warning when the table's year is after the last edition known to list it.
 */
import { CatalogScheme, parentCode } from '../../catalog';
import { codeCells, readCodes } from '../../codes/read';
import { defineRule, Report } from '../../context';
import { Message } from '../../model/findings';

const SCHEME_ZH: Record<CatalogScheme, string> = {
  functional: '支出功能分类',
  'economic-dept': '部门预算支出经济分类',
  'economic-gov': '政府预算支出经济分类',
};
const SCHEME_EN: Record<CatalogScheme, string> = {
  functional: 'functional classification',
  'economic-dept': 'departmental economic classification',
  'economic-gov': 'government economic classification',
};

type UnknownMessage = 'notInCatalog' | 'localSubdivision' | 'itemsNotListed' | 'retired' | 'retiredLater';

export const codeUnknown = defineRule({
  meta: {
    id: 'codes/unknown',
    group: 'codes',
    title: { zh: '科目编码不在目录中', en: 'Code not in the catalog' },
    messages: {
      notInCatalog: {
        level: 'warning',
        zh: '编码 {编码} 不在{分类}目录（{版本} 版）中',
        en: 'code {code} is not in the {scheme} catalog ({edition} edition)',
      },
      localSubdivision: {
        level: 'info',
        zh: '编码 {编码} 是经济分类款的地方细化科目，不在全国目录中，未能核对',
        en: 'code {code} is a local subdivision of an economic 款; not checked',
      },
      itemsNotListed: {
        level: 'info',
        zh: '目录未列出 {上级} 的下级科目，编码 {编码} 无法核对',
        en: 'the catalog does not list the items of {parent}; code {code} not checked',
      },
      retired: {
        level: 'warning',
        zh: '编码 {编码} 在本表年度之前已不在目录中',
        en: 'code {code} left the catalog before the table’s year',
      },
      retiredLater: {
        level: 'info',
        zh: '编码 {编码} 已不在现行目录中，请按本年目录核对',
        en: 'code {code} is no longer in the current catalog; check it against this year’s',
      },
    },
  },
  check(ctx) {
    const out: Report<UnknownMessage>[] = [];
    // the end of the notInCatalog message depends on the scheme only (17,000 made-up codes share three)
    const tails = new Map<CatalogScheme, Message>();
    const readings = readCodes(ctx);
    for (let i = 0; i < readings.length; i++) {
      const r = readings[i];
      if (!r.code || !r.scheme) continue;
      const entry = ctx.catalog.lookup(r.scheme, r.code);
      if (entry && !entry.retired) continue;
      const name = r.name ? ` ${r.name}` : '';
      let messageId: UnknownMessage;
      let message: Message;
      if (!entry) {
        const parent = parentCode(r.code);
        const pe = parent ? ctx.catalog.lookup(r.scheme, parent) : undefined;
        if (r.code.length === 7 && r.scheme !== 'functional' && pe) {
          messageId = 'localSubdivision';
          message = {
            zh: `编码 ${r.code}${name} 是经济分类款 ${parent} ${pe.name} 的地方细化科目，不在全国目录中，未能核对。`,
            en: `Code ${r.code}${name} is a local subdivision of economic 款 ${parent} ${pe.name}, not in the national catalog; not checked.`,
          };
        } else if (parent && pe && !ctx.catalog.hasChildrenListed(r.scheme, parent)) {
          const meta = ctx.catalog.meta(r.scheme);
          messageId = 'itemsNotListed';
          message = {
            zh: `编码 ${r.code}${name}：本工具的${SCHEME_ZH[r.scheme]}目录（${meta.edition} 版）未列出 ${parent} ${pe.name} 的下级科目，无法核对。`,
            en: `Code ${r.code}${name}: the ${SCHEME_EN[r.scheme]} catalog (${meta.edition} edition) does not list the items of ${parent} ${pe.name}; not checked.`,
          };
        } else {
          let tail = tails.get(r.scheme);
          if (!tail) {
            const edition = ctx.catalog.meta(r.scheme).edition;
            tail = {
              zh: ` 不在${SCHEME_ZH[r.scheme]}目录（${edition} 版）中，请核对编码（本工具的目录可能不全）。`,
              en: ` is not in the ${SCHEME_EN[r.scheme]} catalog (${edition} edition); check the code (the catalog may be incomplete).`,
            };
            tails.set(r.scheme, tail);
          }
          messageId = 'notInCatalog';
          message = { zh: `编码 ${r.code}${name}${tail.zh}`, en: `Code ${r.code}${name}${tail.en}` };
        }
      } else {
        const year = r.table.year;
        const late = year !== undefined && entry.until !== undefined && year > Number(entry.until);
        messageId = late ? 'retired' : 'retiredLater';
        const since = entry.until ? `（最后见于 ${entry.until} 版）` : '';
        const sinceEn = entry.until ? ` (last listed in the ${entry.until} edition)` : '';
        message = {
          zh: `编码 ${r.code} ${entry.name} 已不在现行${SCHEME_ZH[r.scheme]}目录中${since}，请按本年目录核对。`,
          en: `Code ${r.code} ${entry.name} is no longer in the current ${SCHEME_EN[r.scheme]} catalog${sinceEn}; check it against this year's catalog.`,
        };
      }
      out.push({ messageId, message, locations: codeCells(r, true), actual: r.code });
    }
    return out;
  },
});
