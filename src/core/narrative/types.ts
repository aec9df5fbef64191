/** Narrative text cells (预算说明, project texts) that state amounts, shares and changes. */
import { MoneyUnit } from '../model/numbers';

export interface NarrativeCell {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

/** Offsets into the text a statement was read from (start inclusive, end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** What an amount does in its sentence. */
export type AmountRole =
  /** a stated amount: 基本支出 1807.7 万元 */
  | 'plain'
  /** the size of a change: 减少 208.8 万元 */
  | 'change'
  /** a previous-year amount a change is measured from: 比上年的 3000 万元 */
  | 'previous';

/** A money amount written in prose: number + unit (万元, 元, 亿元, 千元; a bare 万 in a money paragraph). */
export interface AmountToken {
  value: number;
  /** Digits after the decimal point as written. */
  decimals: number;
  unit: MoneyUnit;
  span: Span;
  /** The number and unit as written. */
  text: string;
  /** Bracket depth: 0 outside （…）. */
  depth: number;
  role: AmountRole;
  /** Clause text before the number (from the last ，。；： or line start), trimmed. */
  subject: string;
  /** Index of the paragraph (hard line) the amount sits in. */
  para: number;
}

/** A percentage written in prose: 44.6%, 39.09％. */
export interface PercentToken {
  /** As written, in percent: 44.6 for 44.6%. */
  value: number;
  decimals: number;
  span: Span;
  text: string;
  depth: number;
  para: number;
}

/** A stated amount with its subject: 收入总计 4055.5 万元. */
export interface AmountStatement {
  kind: 'amount';
  subject: string;
  amount: AmountToken;
  /**
   * 'general' when the paragraph speaks of 一般公共预算 / 财政拨款 (its heading or its lead sentence),
   * so 基本支出 / 项目支出 / 类 names refer to the 一般公共预算支出表; 'all' otherwise (支出总表).
   */
  scope: 'general' | 'all';
  /** A year named in the subject (2020 年…), when there is one. */
  year?: number;
  /** The subject speaks of last year (上年, 去年). */
  prior: boolean;
  span: Span;
}

/** 基本支出 1807.7 万元，占 44.6% — a share of the enclosing total stated earlier. */
export interface ShareStatement {
  kind: 'share';
  amount: AmountToken;
  share: PercentToken;
  /** The total the share is of (the 其中 / 主要用于 list's total), when the text states one. */
  base?: AmountToken;
  span: Span;
}

/** 与 2020 年相比 … 减少 208.8 万元，减少 4.89%. */
export interface ChangeStatement {
  kind: 'change';
  subject: string;
  direction: 'increase' | 'decrease';
  /** The current amount the change belongs to (stated before it). */
  current?: AmountToken;
  change?: AmountToken;
  /** A previous-year amount stated in the sentence. */
  previous?: AmountToken;
  rate?: PercentToken;
  /** The year compared with, as written (2020), or 'prior' for 上年. */
  since?: string;
  span: Span;
}

/** 预算数与 2020 年持平. */
export interface FlatStatement {
  kind: 'flat';
  subject: string;
  current?: AmountToken;
  previous?: AmountToken;
  since?: string;
  span: Span;
}

/** A stated total and the items it is made of. */
export interface ItemisedStatement {
  kind: 'itemised';
  /**
   * inline: 其中：A x 万元，B y 万元 in the same sentence; numbered: 1. … 2. … lines under "其中："; table: a
   * 序号/内容/金额 table under "其中："; headings: （一）…x 万元 headings of one section with the total in the
   * 资金安排 section; parenthetical: 84 万元（设备采购 64 万，场地装修及租用 20 万元）.
   */
  layout: 'inline' | 'numbered' | 'table' | 'headings' | 'parenthetical';
  total: AmountToken;
  items: AmountToken[];
  /**
   * complete: the list claims to be whole (numbered lines or a table under "其中：", a 总/合计 total, 分别为, a bracketed
   * breakdown); main: it names the main items only (主要用于, 主要包括, 含, 包括); unknown: a bare 其中 that may be partial.
   */
  completeness: 'complete' | 'unknown' | 'main';
  span: Span;
}

/** 2450*12*420=1234.80万元, 4807.57+430.56+261.91=5500 万元 written as a formula. */
export interface EquationStatement {
  kind: 'equation';
  op: '+' | '*';
  operands: { value: number; decimals: number; span: Span }[];
  result: AmountToken;
  span: Span;
}

export type Statement =
  AmountStatement | ShareStatement | ChangeStatement | FlatStatement | ItemisedStatement | EquationStatement;
