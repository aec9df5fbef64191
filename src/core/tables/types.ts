/** Recognised budget tables (DOMAIN.md §1). Produced by tables/recognize.ts, read by rules and the summary. */
import { CellRange } from '../model/address';
import { Message } from '../model/findings';
import { MoneyUnit, ParsedNumber } from '../model/numbers';

export type BudgetTableKind =
  | 'revenue-expenditure' // T1 收支总表
  | 'revenue' // T2 收入总表
  | 'expenditure' // T3 支出总表
  | 'fiscal-grant' // T4 财政拨款收支总表
  | 'fiscal-grant-expenditure' // 财政拨款支出表
  | 'fiscal-grant-basic' // 财政拨款基本支出表
  | 'general-budget' // T5 一般公共预算支出表
  | 'general-budget-basic' // T6 一般公共预算基本支出表 (经济分类)
  | 'general-budget-basic-functional' // 一般公共预算基本支出功能表
  | 'economic-classification' // 一般公共预算支出经济分类表 / 支出经济分类汇总表
  | 'three-public' // T7 三公经费
  | 'gov-fund' // T8 政府性基金预算支出表
  | 'state-capital' // T9 国有资本经营预算支出表
  | 'unknown-budget';

/**
 * What an amount column holds, from its header words (not its position):
 * total 合计/总计/小计 of the whole table; basic 基本支出; personnel 人员经费/人员支出; public 公用经费/日常公用支出;
 * project 项目支出/专项业务经费; gpb 一般公共预算; fund 政府性基金; soe 国有资本经营; fiscal 财政拨款 (all funds);
 * special 财政专户; business 事业收入; operating 事业单位经营收支; superior 上级补助; affiliated 附属单位上缴/补助;
 * other 其他收入; carry 上年结转(结余) / 年初结转和结余; reserve 使用非财政拨款结余; handover 上缴上级支出;
 * abroad 因公出国(境); car 公务用车购置及运行; car-purchase 公务用车购置; car-running 公务用车运行维护;
 * reception 公务接待; three-public “三公”经费合计; meeting 会议费; training 培训费.
 */
export type Measure =
  | 'total'
  | 'basic'
  | 'personnel'
  | 'public'
  | 'project'
  | 'gpb'
  | 'fund'
  | 'soe'
  | 'fiscal'
  | 'special'
  | 'business'
  | 'operating'
  | 'superior'
  | 'affiliated'
  | 'other'
  | 'carry'
  | 'reserve'
  | 'handover'
  | 'abroad'
  | 'car'
  | 'car-purchase'
  | 'car-running'
  | 'reception'
  | 'three-public'
  | 'meeting'
  | 'training';

/** Which year a column or row speaks of: current (本年/当年/the title's year), prior (上年/2025年), change (增减), budget (预算数 in a 决算 table). */
export type Period = 'current' | 'prior' | 'change' | 'budget';

/** One header cell (a merged range counts once) in a column's header path. */
export interface HeaderNode {
  text: string;
  range: CellRange;
}

export interface TableColumn {
  col: number;
  /** Header texts from the top header row down, merged cells repeated: ['本年支出', '基本支出', '人员经费']. */
  path: string[];
  /** code = 科目编码/类/款/项 column; name = 科目名称/项目/单位名称 column; amount = numbers. */
  role?: 'code' | 'name' | 'amount';
  /** The header cells above this column (vertical merges once), top to bottom. */
  nodes?: HeaderNode[];
  /** What the amount column holds (see Measure), when the header says so. */
  measure?: Measure;
  period?: Period;
  /** An amount column is a 其中 (of which) sub-item of the column before it, not a part of the sums. */
  ofWhich?: boolean;
  /**
   * A split code column (类 | 款 | 项): from its 类/款/项 header label, or from its content under one merged
   * 科目编码 header (a 3-digit column followed by 2-digit columns).
   */
  split?: 'lei' | 'kuan' | 'xiang';
}

export type RowLevel = 'total' | 'lei' | 'kuan' | 'xiang' | 'item' | 'other';

export interface TableRow {
  row: number;
  /** Joined code ('2040201') when the row carries one. */
  code?: string;
  /** Columns the code was read from (one when joined, up to three when split). */
  codeCols: number[];
  name: string;
  nameCol?: number;
  level: RowLevel;
  /** Numeric cells by column; blank = absent (reads as 0 in sums). */
  values: ReadonlyMap<number, ParsedNumber>;
  /** Two-sided tables (收支总表, 财政拨款收支总表): the side this row belongs to. */
  side?: 'income' | 'expense';
  /** Section index in `BudgetTable.sections` (two-sided tables). */
  section?: number;
  /**
   * Structural role: grand = 收入总计/支出总计 (or the table's 合计 row); year = 本年收入合计/本年支出合计;
   * carry = 上年结转, 结转下年 and the like between the year total and the grand total; ofWhich = a 其中 line
   * (a part of its parent that is not summed); unit = a row for one 预算单位 in a coded table (its coded rows sum to it).
   */
  role?: 'grand' | 'year' | 'carry' | 'ofWhich' | 'unit';
  /** Index (into `rows`) of the row this one is summed into, when known (code prefix, ordinal, or inferred). */
  parent?: number;
  /**
   * Alternative breakdowns of one parent (济源 表1: 二、项目支出 = 一般性项目 + 专项资金, and again = 1、… 9、 by
   * economic class): rows with the same parent and the same `breakdown` add up to it; absent = 0.
   */
  breakdown?: number;
  /** Amount cells whose value is unknown (a formula without a cached result, an error value): never compared. */
  unknown?: number[];
  /** 单位代码 printed on the row (tables listing 预算单位 beside the classification code). */
  unitCode?: string;
  /** How `parent`/`level` were found. */
  levelFrom?: 'code' | 'ordinal' | 'name' | 'amounts' | 'label';
  /** 政府预算支出经济分类 code printed beside the 部门 code (501…), when the table has both. */
  govCode?: string;
  /** A row that stands for one year (三公 tables with a 年度 column). */
  period?: Period;
  /** The measure a row stands for, from its name (收支总表 items: 一般公共预算, 事业收入, 基本支出, 三公 rows…). */
  measure?: Measure;
}

/** One side of a two-sided table: the label column and the amount columns that belong to it. */
export interface TableSection {
  side: 'income' | 'expense';
  /** First label column of the side. */
  labelCol: number;
  /** All label columns of the side (a group column and an item column, 济源-style), left to right. */
  labelCols?: number[];
  amountCols: number[];
  /** Header text above the label column (收入 / 支出 / 支出功能分类科目（按大类）…). */
  title: string;
}

export interface BudgetTable {
  kind: BudgetTableKind;
  sheet: string;
  title: string;
  titleCell?: { row: number; col: number };
  range: CellRange;
  unit: MoneyUnit;
  /** Where the unit was read: a unit line, the title, a header, or assumed from the workbook's other tables. */
  unitFrom?: 'line' | 'title' | 'header' | 'assumed';
  /** 'final' for 决算 tables with 预算数 / 决算数 columns. */
  variant: 'budget' | 'final';
  headerRows: { top: number; bottom: number };
  columns: TableColumn[];
  rows: TableRow[];
  /** Printed precision of the amounts (max decimals seen / number format). */
  decimals: number;
  /** No numeric data rows (空表), or nothing but zeros. */
  empty: boolean;
  /** The table states that it is empty (本表为空表 / 无数据 / 没有…安排的支出). */
  emptyStatement?: string;
  /** Two-sided tables: the sides; absent for one-sided tables. */
  sections?: TableSection[];
  /** 栏次 row and header rows repeated after page breaks (skipped). */
  skippedRows?: number[];
  /** Rows of 注 lines under the table. */
  noteRows?: number[];
  /** The year the table speaks of (from its title or headers), when printed. */
  year?: number;
}

export interface SkippedSheet {
  sheet: string;
  reason: Message;
}
