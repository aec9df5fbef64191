/** Which budget table a title names (DOMAIN.md §1). Titles vary by province and year; the words decide, never the sheet name. */
import { compact } from './text';
import { BudgetTableKind } from './types';

export interface TitleKind {
  kind: BudgetTableKind;
  variant: 'budget' | 'final';
}

/** Words that make a row a title candidate at all. */
const TITLE_END = /表(\(.*\)|（.*）|\d{4}年度?|[-－—_]+[^表]{1,12})*$/;

/** A unit printed in the title cell (表5：一般公共预算支出表 单位：万元 / …表（单位：元）) is not part of the title. */
const UNIT_TAIL = /[(（]?(金额)?单位[:：]?(人民币)?(亿元|万元|千元|元)[)）]?$/;

/**
 * Classify a title. Returns null for rows that are not a budget-table title (performance forms,
 * prose, unit lines, headers).
 */
export function classifyTitle(text: string): TitleKind | null {
  // every title ends in 表 (TITLE_END): text without it needs none of the work below
  if (!text.includes('表')) return null;
  const s = stripNumber(text).replace(UNIT_TAIL, '');
  if (s.length < 4 || s.length > 80) return null;
  if (!TITLE_END.test(s)) return null;
  if (/绩效|自评|评价|目标表|项目库|政府采购|资产|编制说明/.test(s)) return null;
  if (/^(单位|编制单位|部门|金额单位)[:：]/.test(s)) return null;
  const variant: 'budget' | 'final' = /决算/.test(s) ? 'final' : 'budget';
  const k = kindOf(s);
  return k ? { kind: k, variant } : null;
}

/**
 * The title without its table number. The number is cut off before spaces are removed (表五 一般公共预算支出表:
 * the space ends the number); without a space, a numeral that starts the title is given back (表五一般… / 表八三公…).
 */
export function stripNumber(text: string): string {
  const spaced = normalizeSpaces(text).trim();
  const m =
    /^(公开\s*)?(附表|附件|表)?\s*(\d+(\s*[-－—.．]\s*\d+)*(?!\s*[-－—.．]?\s*\d)|[一二三四五六七八九十]+)\s*(表)?\s*([-－—、.．:：]|\s)\s*/.exec(
      spaced,
    );
  if (m && (m[2] || m[5] || /[-－—、.．:：]/.test(m[6]))) return compact(spaced.slice(m[0].length));
  const s = compact(text);
  const p = /^(公开)?(附表|附件|表)?(\d+([-－—.．]\d+)*(?![-－—.．]?\d)|[一二三四五六七八九十]+)(表)?/.exec(
    s,
  );
  if (!p || (!p[2] && !p[5] && !/^\d/.test(p[3]))) return s.replace(/^[-、.:：]/, '');
  let cut = p[0].length;
  let rest = s.slice(cut);
  if (!p[5] && /[一二三四五六七八九十]$/.test(p[3])) {
    // give back a numeral that belongs to the title: 一般 / 三公 / 二〇二五年
    const last = p[3][p[3].length - 1];
    if (
      (last === '一' && /^般/.test(rest)) ||
      (last === '三' && /^公/.test(rest)) ||
      (last === '二' && /^[〇零]/.test(rest))
    ) {
      if (p[3].length > 1 || p[2]) {
        cut--;
        rest = s.slice(cut);
      }
    }
  }
  // digits that are a year (2025年…) are not a table number
  if (!p[2] && !p[5] && /^年/.test(rest)) return s;
  return rest.replace(/^[-、.:：]/, '');
}

function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u3000]/g, ' ');
}

function kindOf(s: string): BudgetTableKind | null {
  if (/三公/.test(s)) return 'three-public';
  if (/财政拨款收支/.test(s)) return 'fiscal-grant';
  // 决算: 财政拨款收入支出决算总表 (not 政府性基金预算财政拨款收入支出决算表, a fund table)
  if (/财政拨款收入支出/.test(s) && !/政府性基金|国有资本经营/.test(s)) return 'fiscal-grant';
  if (/政府性基金/.test(s)) return 'gov-fund';
  if (/国有资本经营/.test(s)) return 'state-capital';
  if (/收支(预算|决算)?(总|总体|汇总|情况|总体情况)/.test(s) || /收支(预算|决算)?总表/.test(s))
    return 'revenue-expenditure';
  if (/收入支出(预算|决算)?(总表|总体情况|汇总)/.test(s)) return 'revenue-expenditure';
  // 一般公共预算财政拨款(基本)支出决算表: the 一般公共预算 tables, not 苏州's all-fund 财政拨款 pair
  if (/一般公共预算(财政)?拨款/.test(s) && /基本支出/.test(s))
    return /功能/.test(s) ? 'general-budget-basic-functional' : 'general-budget-basic';
  if (/一般公共预算(财政)?拨款/.test(s) && /支出/.test(s)) return 'general-budget';
  if (/财政拨款/.test(s) && /基本支出/.test(s)) return 'fiscal-grant-basic';
  if (/财政拨款/.test(s) && /支出/.test(s)) return 'fiscal-grant-expenditure';
  if (/基本支出/.test(s)) {
    if (/功能/.test(s)) return 'general-budget-basic-functional';
    return 'general-budget-basic';
  }
  if (/经济分类|经济科目/.test(s)) return 'economic-classification';
  if (/一般公共预算/.test(s) && /支出/.test(s)) return 'general-budget';
  if (/收入(预算|决算)?(总表|总体情况|汇总|情况|明细)/.test(s)) return 'revenue';
  if (/支出(预算|决算)?(总表|总体情况|汇总|情况|明细)/.test(s)) return 'expenditure';
  // 决算公开 收入决算表 / 支出决算表 (公开02表, 公开03表)
  if (/(^|年度?|部门|单位)收入决算表$/.test(s)) return 'revenue';
  if (/(^|年度?|部门|单位)支出决算表$/.test(s)) return 'expenditure';
  if (/(预算|决算).*(收入|支出).*表$/.test(s)) return 'unknown-budget';
  return null;
}

/** A 基本支出 table whose rows turn out to carry 功能分类 codes is the 功能 variant, and vice versa. */
export function refineByCodes(kind: BudgetTableKind, functional: number, economic: number): BudgetTableKind {
  if (kind === 'general-budget-basic' && functional > economic) return 'general-budget-basic-functional';
  if (kind === 'general-budget-basic-functional' && economic > functional) return 'general-budget-basic';
  return kind;
}
