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

export interface TableColumn {
  col: number;
  /** Header texts from the top header row down, merged cells repeated: ['本年支出', '基本支出', '人员经费']. */
  path: string[];
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
  values: Map<number, ParsedNumber>;
}

export interface BudgetTable {
  kind: BudgetTableKind;
  sheet: string;
  title: string;
  titleCell?: { row: number; col: number };
  range: CellRange;
  unit: MoneyUnit;
  /** 'final' for 决算 tables with 预算数 / 决算数 columns. */
  variant: 'budget' | 'final';
  headerRows: { top: number; bottom: number };
  columns: TableColumn[];
  rows: TableRow[];
  /** Printed precision of the amounts (max decimals seen / number format). */
  decimals: number;
  /** No numeric data rows (空表). */
  empty: boolean;
}

export interface SkippedSheet {
  sheet: string;
  reason: Message;
}
