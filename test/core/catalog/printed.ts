/** Code/name pairs printed in the real 2026 workbooks, read straight from the cells (no table recognition). */
import { readdirSync } from 'fs';
import { Workbook } from '../../../src/core/model/workbook';
import { REAL_BUDGETS } from '../../helpers/data';

export const DIR = REAL_BUDGETS;
export const FILES = readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));

export interface Printed {
  code: string;
  name: string;
  where: string;
  sheet: string;
  /** 政府 code printed beside a 部门 code in the same row. */
  gov?: string;
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** Code/name pairs of one workbook: joined codes, split 类/款/项 columns (blank parents inherited), '[code]name'. */
export function printedPairs(wb: Workbook, file: string): Printed[] {
  const out: Printed[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.name.includes('绩效')) continue;
    let lei = '';
    let kuan = '';
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      const c = Array.from(row, (cell) => text(cell?.value));
      const where = `${file} ${sheet.name}!${r + 1}`;
      const found: Printed[] = [];
      for (let j = 0; j < c.length; j++) {
        const bracket = /^\[(\d+)\](.+)$/.exec(c[j]);
        if (bracket) {
          found.push({ code: bracket[1], name: bracket[2], where, sheet: sheet.name });
          continue;
        }
        const nextName = (k: number) => {
          while (k < c.length && c[k] === '') k++;
          return k;
        };
        // split layout: 类 | 款 | 项 | name, where 类 (and 款) may be blank under their parent row
        const splitStart = /^\d{3}$/.test(c[j]) && /^(\d{2})?$/.test(c[j + 1] ?? 'x');
        const blankParent =
          j === 0 &&
          c[0] === '' &&
          lei !== '' &&
          (/^\d{2}$/.test(c[1]) || (c[1] === '' && /^\d{2}$/.test(c[2])));
        if (splitStart || blankParent) {
          if (splitStart) {
            lei = c[j];
            kuan = '';
          }
          let code = lei;
          let k = splitStart ? j + 1 : 1;
          if (/^\d{2}$/.test(c[k])) {
            kuan = c[k];
            code += kuan;
          } else if (/^\d{2}$/.test(c[k + 1] ?? '') && kuan) code += kuan;
          k++;
          if (/^\d{2}$/.test(c[k] ?? '')) {
            code += c[k];
            k++;
          }
          k = nextName(k);
          if (c[k]) found.push({ code, name: c[k], where, sheet: sheet.name });
          j = k;
          continue;
        }
        if (/^[235]\d{2}(\d{2}){0,2}$/.test(c[j])) {
          const k = nextName(j + 1);
          if (c[k]) found.push({ code: c[j], name: c[k], where, sheet: sheet.name });
          j = k;
        }
      }
      const dept = found.find((p) => p.code.startsWith('3'));
      const gov = found.find((p) => p.code.startsWith('5'));
      if (dept && gov) dept.gov = gov.code;
      out.push(...found);
    });
  }
  return out;
}
