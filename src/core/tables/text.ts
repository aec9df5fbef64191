/**
 * Text helpers for reading budget tables: label normalisation, ordinal prefixes (一、 （一） 1、 (1)),
 * total labels, codes, and what a header or row label means (Measure).
 */
import { normalizeDigits } from '../model/numbers';
import { rememberedPerText } from '../model/remembered';
import { Measure, Period } from './types';

/** Every character compact() changes or removes (normalizeDigits' included). */
const COMPACTED = /[\s\u00a0\u3000（）【】：“”"「」『』０-９．。，－—–−＋％]/;

/** Compact form for matching: no spaces, half-width brackets and colons, full-width digits → ASCII. */
export function compact(text: string): string {
  // plain ASCII without spaces or quotes (codes, most numbers) is already compact
  if (/^[!#-~]*$/.test(text)) return text;
  // nor is text without any character the steps below change
  if (!COMPACTED.test(text)) return text;
  return compacted(text);
}

const compacted = rememberedPerText((text) =>
  normalizeDigits(text)
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/【/g, '[')
    .replace(/】/g, ']')
    .replace(/：/g, ':')
    .replace(/[“”"「」『』]/g, ''),
);

/** Display form: trimmed, inner runs of spaces kept as one (收   入 → 收 入 is shown as 收入). */
export function tidy(text: string): string {
  if (!/[\s\u00a0\u3000]/.test(text)) return text;
  const t = text.replace(/[\u00a0\u3000]/g, ' ').trim();
  // spaced-out headers such as '收   入' / '项   目'
  if (/^[\u4e00-\u9fff](\s+[\u4e00-\u9fff])+$/.test(t)) return t.replace(/\s+/g, '');
  return t.replace(/\s+/g, ' ');
}

const CN_NUM = '一二三四五六七八九十百零〇';

/** Ordinal prefixes by rank, made once (ordinalOf runs for most labels). */
const ORDINALS: [number, RegExp][] = [
  [1, new RegExp(`^[${CN_NUM}]+[、.．,，]`)],
  [2, new RegExp(`^\\([${CN_NUM}]+\\)[、.．]?`)],
  [3, /^\d{1,2}[、.．](?!\d)/],
  [4, /^\(\d{1,2}\)[、.．]?/],
  [5, /^[①-⑳]/],
];

export interface Ordinal {
  /** 1 = 一、 2 = （一） 3 = 1、/1. 4 = (1)/（1） 5 = ①. */
  rank: number;
  /** The label without its ordinal prefix (and without 其中：). */
  rest: string;
  /** The label started with 其中 (a part of the row above). */
  ofWhich: boolean;
}

/** Read a leading ordinal prefix and 其中：. Returns rank 0 when there is no ordinal (a shared, frozen result). */
export function ordinalOf(label: string): Readonly<Ordinal> {
  return ordinals(label);
}

const ordinals = rememberedPerText((label): Readonly<Ordinal> => Object.freeze(readOrdinal(label)));

function readOrdinal(label: string): Ordinal {
  let s = compact(label);
  let ofWhich = false;
  const q = /^其中[:,，、]?/.exec(s);
  if (q) {
    ofWhich = true;
    s = s.slice(q[0].length);
  }
  for (let i = 0; i < ORDINALS.length; i++) {
    const m = ORDINALS[i][1].exec(s);
    if (m) return { rank: ORDINALS[i][0], rest: s.slice(m[0].length), ofWhich };
  }
  return { rank: 0, rest: s, ofWhich };
}

/** Label without ordinal prefix or 其中, compacted. */
export function bareLabel(label: string): string {
  return ordinalOf(label).rest;
}

/** 合计 / 总计 / 小计 as a row label (after removing ordinal prefixes). */
export function isTotalLabel(label: string): boolean {
  if (!/[计年]/.test(label)) return false;
  const s = bareLabel(label);
  return /^(合计|总计|小计|共计|合计数|总计数|收入合计|支出合计|收入总计|支出总计|收支总计|本年收入合计|本年支出合计|本年收入|本年支出|本年合计)$/.test(
    s,
  );
}

/** 本年收入合计 / 本年支出合计 (and 本年收入 / 本年支出 used as a heading). */
export function isYearTotalLabel(label: string): boolean {
  return /^本年(收入|支出)(合计|总计|小计)?$|^本年合计$/.test(bareLabel(label));
}

/** 收入总计 / 支出总计 / 收入合计 / 支出合计 / 合计 / 总计. */
export function isGrandTotalLabel(label: string): boolean {
  return /^(合计|总计|共计|收入合计|支出合计|收入总计|支出总计|收支总计)$/.test(bareLabel(label));
}

/** A header cell that names a total column. */
export function isTotalHeader(text: string): boolean {
  const s = compact(text).replace(/\(.*?\)$/, '');
  return (
    /^(合计|总计|小计|共计|合计数|总计数|金额合计)$/.test(s) ||
    /^(收入|支出|本年支出|本年收入|预算)(总计|合计)$/.test(s) ||
    /三公.*(合计|总计|小计)$/.test(s)
  );
}

/** A note under a table: 注：…, 备注：…, 说明：… */
export function isNoteText(text: string): boolean {
  const s = compact(text);
  return (
    /^\(?(注|备注|说明|附注|填表说明)\d*[:.、)]/.test(s) || /^\(?注[:：]/.test(s) || /^注\d*[、.]/.test(s)
  );
}

/** The table says it is empty: 本表为空表, 无数据, 没有…支出, 本年无发生额, a lone 无. */
export function isEmptyStatement(text: string): boolean {
  const s = compact(text);
  return (
    /^(无|空表|本表为空|此表为空)$/.test(s) ||
    /空表|无数据|无发生额|没有.*(收入|支出|安排|预算|经费)|无.*(收入|支出|安排的)|此表如无数字|未安排/.test(s)
  );
}

/** A classification code as printed: 3/5/7 digits (functional, economic), or 2 digits in a split 款/项 column. */
export function isCodeText(text: string): boolean {
  return /^\d{2,9}$/.test(compact(text));
}

/** '[2014001]行政运行' / '2014001 行政运行' / '【201】一般公共服务支出' → code and name. */
export function codeInName(text: string): { code: string; name: string } | null {
  const s = normalizeDigits(text).trim();
  const m = /^[[【(（]\s*(\d{3,9})\s*[\]】)）]\s*(.*)$/.exec(s) ?? /^(\d{3,9})\s+(\S.*)$/.exec(s);
  return m ? { code: m[1], name: m[2].trim() } : null;
}

/** 类 names of the 支出功能分类 (2026 edition and recent renamings). */
export const FUNCTIONAL_LEI_NAMES = new Set(
  [
    '一般公共服务支出',
    '外交支出',
    '国防支出',
    '公共安全支出',
    '教育支出',
    '科学技术支出',
    '文化旅游体育与传媒支出',
    '文化体育与传媒支出',
    '社会保障和就业支出',
    '社会保险基金支出',
    '卫生健康支出',
    '医疗卫生与计划生育支出',
    '节能环保支出',
    '城乡社区支出',
    '农林水支出',
    '交通运输支出',
    '资源勘探工业信息等支出',
    '资源勘探信息等支出',
    '商业服务业等支出',
    '金融支出',
    '援助其他地区支出',
    '自然资源海洋气象等支出',
    '国土海洋气象等支出',
    '住房保障支出',
    '粮油物资储备支出',
    '国有资本经营预算支出',
    '灾害防治及应急管理支出',
    '预备费',
    '其他支出',
    '转移性支出',
    '债务还本支出',
    '债务付息支出',
    '债务发行费用支出',
    '抗疫特别国债安排的支出',
  ].map(compact),
);

/** 类 names of the 部门 and 政府 支出经济分类. */
export const ECONOMIC_LEI_NAMES = new Set(
  [
    '工资福利支出',
    '商品和服务支出',
    '对个人和家庭的补助',
    '对个人和家庭补助',
    '债务利息及费用支出',
    '资本性支出（基本建设）',
    '资本性支出',
    '对企业补助（基本建设）',
    '对企业补助',
    '对社会保障基金补助',
    '其他支出',
    '机关工资福利支出',
    '机关商品和服务支出',
    '机关资本性支出（一）',
    '机关资本性支出（二）',
    '机关资本性支出',
    '机关资本性支出（基本建设）',
    '对事业单位经常性补助',
    '对事业单位资本性补助',
    '对企业资本性支出',
    '债务还本支出',
    '转移性支出',
    '预备费及预留',
  ].map(compact),
);

/** What a header text or a row label names (see Measure). Order matters: the first match wins. */
export function measureOf(text: string): Measure | undefined {
  return measures(text);
}

const measures = rememberedPerText(readMeasure);

function readMeasure(text: string): Measure | undefined {
  const s = bareLabel(text);
  if (!s) return undefined;
  if (/非财政拨款|政府采购|中小企业|小型、?微型|^备注|^说明/.test(s)) return undefined;
  if (isTotalHeader(s) || /^(合计|总计|小计)$/.test(s)) return /三公/.test(s) ? 'three-public' : 'total';
  if (/三公/.test(s)) return 'three-public';
  if (/出国/.test(s)) return 'abroad';
  if (/公务用车/.test(s) || /^(购置费|运行费|小计)$/.test(s)) {
    if (/购置及运行|购置和运行|购置及运维/.test(s)) return 'car';
    if (/购置/.test(s)) return 'car-purchase';
    if (/运行/.test(s)) return 'car-running';
    return 'car';
  }
  if (/^购置费$/.test(s)) return 'car-purchase';
  if (/^运行(维护)?费$/.test(s)) return 'car-running';
  if (/公务接待/.test(s)) return 'reception';
  if (/^会议费/.test(s)) return 'meeting';
  if (/^培训费/.test(s)) return 'training';
  if (/^基本支出/.test(s)) return 'basic';
  if (/^(人员经费|人员支出|人员类|人员经费支出)/.test(s) && !/公用/.test(s)) return 'personnel';
  if (/^(公用经费|日常公用|公用支出|公用经费支出)/.test(s) && !/人员/.test(s)) return 'public';
  if (/^(项目支出|专项业务经费|项目经费)/.test(s)) return 'project';
  if (/上缴上级/.test(s)) return 'handover';
  if (/附属单位/.test(s)) return 'affiliated';
  if (/经营(收入|支出|服务收入)/.test(s)) return 'operating';
  if (/财政专户/.test(s)) return 'special';
  // 年末结转和结余 / 年末财政拨款结转和结余 is what is left at the year end (支出 side of a 决算), not a source of money
  if (/^年末.*(结转|结余)/.test(s)) return undefined;
  if (/^(上年|年初)(结转|结余)|^年初.*(结转|结余)|^上年结转|^部门结转|结转结余$|^使用.*结余/.test(s)) {
    return /^使用/.test(s) ? 'reserve' : 'carry';
  }
  if (/一般公共预算/.test(s)) return 'gpb';
  if (/政府性基金/.test(s)) return 'fund';
  if (/国有资本经营/.test(s)) return 'soe';
  if (/财政拨款/.test(s)) return 'fiscal';
  if (/上级补助/.test(s)) return 'superior';
  if (/^事业收入/.test(s)) return 'business';
  if (/^其[他它]收入/.test(s)) return 'other';
  return undefined;
}

/** Year printed in a text ('2026年预算数' → 2026). */
export function yearIn(text: string): number | undefined {
  const m = /(20\d{2})\s*年/.exec(normalizeDigits(text));
  return m ? Number(m[1]) : undefined;
}

const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算/g;

/** Period a header or row label speaks of, given the table's year. */
export function periodOf(
  text: string,
  tableYear: number | undefined,
  finalTable: boolean,
): Period | undefined {
  const s = compact(text);
  if (/增减|变化|增长|比上年|同比|较上年/.test(s)) return 'change';
  // 预算 inside a fund's name (一般公共预算财政拨款, 政府性基金预算) is not a 预算数 column
  const budgetWord = /预算/.test(s.replace(FUND_NAMES, ''));
  const y = yearIn(s);
  if (y !== undefined && tableYear !== undefined) {
    if (y < tableYear) return 'prior';
    if (y >= tableYear) return finalTable && budgetWord && !/决算/.test(s) ? 'budget' : 'current';
  }
  if (/^上年(预算|预算数|决算|决算数|数)?$|^上年度/.test(s)) return 'prior';
  if (/^(当年|本年)(预算|预算数|决算|决算数|数)?$/.test(s)) return 'current';
  if (finalTable) {
    if (/决算/.test(s)) return 'current';
    if (budgetWord) return 'budget';
  }
  return undefined;
}
