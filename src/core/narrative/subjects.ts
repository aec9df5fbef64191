/**
 * What a statement's subject names in the tables (the subject half of the grammar in grammar.ts). Pure.
 *
 * A subject is matched against an explicit list: the totals of the 收支总表, 一般公共预算 / 政府性基金 / 国有资本经营
 * totals, 基本支出 / 项目支出 / 人员经费 / 公用经费, the "三公" items and the 会议费 / 培训费 columns some "三公" tables
 * print, carry-overs, and 类/款/项 rows by name or code. Subjects that budget text states but the standard tables do
 * not carry — 机关运行经费, 政府采购, 委托业务费, 国有资产, 绩效目标 project funds, thresholds (单价 100 万元) — are
 * "not checkable"; anything else is not understood. Neither is ever compared (no guessing a nearby total).
 */
import type { Fact, Part } from './grammar';
import { threePublicMeasure } from './text';

export type Measure = 'basic' | 'project' | 'personnel' | 'public';
export type ThreePublicMeasure =
  'three-public' | 'abroad' | 'reception' | 'car' | 'car-purchase' | 'car-running' | 'meeting' | 'training';

export type SubjectTarget =
  | { kind: 'income-total'; year: boolean; either?: boolean }
  | { kind: 'expense-total'; year: boolean; either?: boolean }
  | { kind: 'gpb-income' }
  | { kind: 'gpb-total' }
  | { kind: 'fund-total' }
  | { kind: 'soe-total' }
  | { kind: 'measure'; measure: Measure; scope: 'general' | 'all' }
  | { kind: 'three-public'; measure: ThreePublicMeasure }
  | { kind: 'carry'; label: string }
  | {
      kind: 'class';
      scope: 'general' | 'all';
      part?: 'basic' | 'project';
      code?: string;
      name: string;
      /** 类/款/项 spelled out by level: 卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）. */
      path?: ClassStep[];
    };

export interface ClassStep {
  level: 'lei' | 'kuan' | 'xiang';
  name: string;
}

/** The 类/款/项 names a subject spells out with （类）（款）（项） markers, when it names a 款 or a 项. */
export function classPath(subject: string): ClassStep[] | undefined {
  const steps: ClassStep[] = [];
  const re = /([^（()）]+?)\s*[（(]\s*(类|款|项)\s*[)）]/g;
  for (const m of subject.matchAll(re)) {
    const name = m[1].replace(/^[\s，,、]+/, '').replace(/支出$/, (x) => (m[2] === '类' ? '' : x));
    steps.push({ level: m[2] === '类' ? 'lei' : m[2] === '款' ? 'kuan' : 'xiang', name });
  }
  return steps.some((x) => x.level !== 'lei') ? steps : undefined;
}

export type Classified = SubjectTarget | { kind: 'not-checkable'; what: string } | undefined;

/** Subject as compared: spaces, quotes and brackets dropped. */
export function normSubject(s: string): string {
  return s.replace(/[\s“”"'‘’「」『』（）()【】[\]《》、·]/g, '');
}

/** Figures the text states that no standard table carries. */
const NOT_CHECKABLE: [RegExp, string][] = [
  [/机关运行经费|行政经费/, '机关运行经费'],
  [/政府采购|采购预算|拟采购|预留/, '政府采购'],
  [/委托业务费/, '委托业务费'],
  [/固定资产|国有资产|资产总额|单价|单位价值|价值|设备/, '国有资产'],
  [/绩效|项目预算资金|涉及.*资金|财政性资金|预算资金$/, '绩效目标'],
  [/执行数|决算|实际数/, '执行数'],
  [/转移支付|补助县|对下/, '转移支付'],
];

/** Words that only introduce the figure: 预算, 安排, 数, 年初, 支出 (after a 三公 item) … */
function core(s: string): string {
  return normSubject(s)
    .replace(/^.*?\d{4}年度?/, '')
    .replace(/^(本部门|本单位|我单位)/, '')
    .replace(/(年初)?(预算)?(数)?(安排)?(为|是|达|共计?|合计为|约)?$/, '');
}

/** Classify a level fact's subject (its head; the qualifiers set the scope). */
export function classifyFact(f: Fact): Classified {
  const scope = f.context.scope;
  const part = f.context.part === 'basic' || f.context.part === 'project' ? f.context.part : undefined;
  return classifySubject(f.subject, scope, part, f.context.part);
}

export function classifySubject(
  subject: string,
  scope: 'general' | 'all',
  part?: 'basic' | 'project',
  context?: Part,
): Classified {
  const s = normSubject(subject);
  if (s === '') return undefined;
  for (const [re, what] of NOT_CHECKABLE) if (re.test(s)) return { kind: 'not-checkable', what };
  const tail = core(subject).replace(/(预算)?(支出)?(预算)?$/, (m) =>
    /公务用车|出国|接待|会议|培训/.test(s) ? '' : m,
  );

  // "三公" and its parts; 会议费 and 培训费 where a "三公" table prints them
  const threePublic = threePublicMeasure(s, tail);
  if (threePublic) return { kind: 'three-public', measure: threePublic };
  if (/^会议费$/.test(tail)) return { kind: 'three-public', measure: 'meeting' };
  if (/^培训费$/.test(tail)) return { kind: 'three-public', measure: 'training' };
  if (/会议费|培训费/.test(tail)) return undefined;

  if (/政府性基金/.test(tail) && /支出|收支|预算|收入|拨款/.test(tail) && !/基本支出|项目支出/.test(tail))
    return { kind: 'fund-total' };
  if (/国有资本经营/.test(tail) && /支出|收支|预算|收入/.test(tail)) return { kind: 'soe-total' };
  const measure: Measure | undefined = /基本支出/.test(tail)
    ? 'basic'
    : /项目支出/.test(tail)
      ? 'project'
      : /人员经费|^人员支出$/.test(tail)
        ? 'personnel'
        : /公用经费|^日常公用支出$/.test(tail)
          ? 'public'
          : undefined;
  // a functional code: "2011301-行政运行"; or spelled by level: "公共安全支出（204类）司法（06款）行政运行（01项）"
  const byLevel = /(2\d{2})类(?:.*?(\d{2})款(?:.*?(\d{2})项)?)?/.exec(s);
  if (byLevel && !measure)
    return {
      kind: 'class',
      scope,
      code: `${byLevel[1]}${byLevel[2] ?? ''}${byLevel[2] && byLevel[3] ? byLevel[3] : ''}`,
      name: s,
      ...(part ? { part } : {}),
    };
  const code = /^(2\d{2}(?:\d{2}){0,2})[-－—]?[\u4e00-\u9fff]/.exec(s);
  if (code && !measure)
    return {
      kind: 'class',
      scope,
      code: code[1],
      name: s.slice(code[0].length - 1),
      ...(part ? { part } : {}),
    };
  if (/一般公共预算|财政拨款/.test(tail)) {
    if (measure) return { kind: 'measure', measure, scope: 'general' };
    if (/收入$|拨款收入|收入预算/.test(tail) && !/支出|收支/.test(tail)) return { kind: 'gpb-income' };
    if (/^(一般公共预算)?(财政)?拨款$|当年拨款$/.test(tail)) return { kind: 'gpb-income' };
    if (/支出|收支|预算$/.test(tail)) return { kind: 'gpb-total' };
    return undefined;
  }
  const both = /收入?[、和及与]?支(出)?/.test(tail) && /收/.test(tail);
  if (
    /^(本年)?收入(预算)?(总计|合计)?$|^收入总预算$/.test(tail) ||
    (both && /总计|总预算|合计|预算$/.test(tail))
  )
    return { kind: 'income-total', year: /^本年收入/.test(tail), either: !/总计|合计/.test(tail) };
  if (/^(本年)?支出(预算)?(总计|合计)?$|^支出总预算$/.test(tail))
    return { kind: 'expense-total', year: /^本年支出/.test(tail), either: !/总计|合计/.test(tail) };
  if (measure) return { kind: 'measure', measure, scope };
  if (/^(部门|上年|上年度)?(结转|结余|结转结余)$/.test(tail)) return { kind: 'carry', label: tail };
  if (
    /[（(]\s*[类款项]\s*[)）]/.test(subject) ||
    (/支出$/.test(tail) && tail.length >= 4) ||
    (context === 'project' && tail.length >= 4)
  ) {
    const path = classPath(subject);
    return { kind: 'class', scope, name: subject, ...(part ? { part } : {}), ...(path ? { path } : {}) };
  }
  return undefined;
}
