/**
 * The header block of a budget table: where it ends, each column's header path (merged cells
 * repeated), the column's role (code / name / amount) and what an amount column holds.
 */
import { CellRange } from '../model/address';
import { parseNumber } from '../model/numbers';
import { Grid } from './grid';
import {
  codeInName,
  compact,
  isCodeText,
  isEmptyStatement,
  isNoteText,
  isTotalHeader,
  bareLabel,
  measureOf,
  ordinalOf,
  periodOf,
} from './text';
import { HeaderNode, TableColumn, TableSection } from './types';

/** 栏次 row: '栏次 1 2 3', '*** 1 2 3' (numbers as text or numbers). */
export function isColumnNumberRow(grid: Grid, row: number): boolean {
  const cells = grid.rowCells(row);
  if (cells.length < 2) return false;
  let ints = 0;
  let last = 0;
  let marker = false;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i].cell.value;
    let v: number;
    // a number is never a marker: its text is not made
    if (typeof value === 'number') v = value;
    else {
      const s = compact(cells[i].text);
      if (/^(栏次|\*+|—|-|行次|序号)$/.test(s)) {
        marker = true;
        continue;
      }
      v = /^\d{1,2}$/.test(s) ? Number(s) : NaN;
    }
    if (!Number.isInteger(v) || v <= 0 || v > 60 || v <= last) return false;
    last = v;
    ints++;
  }
  return ints >= 2 || (ints === 1 && marker);
}

/** A row that starts the data part of a table (or says the table is empty). */
export function isDataStart(grid: Grid, row: number, firstCol = 0): boolean {
  const cells = grid.rowCells(row);
  if (cells.length === 0) return false;
  if (isColumnNumberRow(grid, row)) return false;
  for (const { cell, text } of cells) {
    if (typeof cell.value === 'number') return true;
    if (/^\d{3,9}$/.test(compact(text)) || codeInName(text)) return true;
    // amounts stored as text: '1,807.70', '１０００'
    if (/[\d０-９]/.test(text) && parseNumber(text)) return true;
  }
  const first = cells[0].text;
  if (ordinalOf(first).rank > 0 && !ordinalOf(first).ofWhich) return true;
  if (isNoteText(first) || isEmptyStatement(first)) return true;
  // a 合计 row with nothing printed yet (an empty table) — in the label columns, not a 小计 under a header group
  const distinct = new Set(cells.map((c) => compact(c.text)));
  if (
    cells[0].col <= firstCol + 2 &&
    [...distinct].every((t) => /^(合计|总计|小计|共计)$/.test(bareLabel(t)))
  )
    return true;
  return false;
}

/** A unit line, issuer line or similar between the title and the header. */
export function isPreHeaderRow(grid: Grid, row: number): boolean {
  const cells = grid.rowCells(row);
  if (cells.length === 0) return true;
  if (cells.length > 4) return false;
  const joined = compact(cells.map((c) => c.text).join(''));
  if (/(金额)?单位[:：]?(人民币)?(亿元|万元|千元|元)/.test(joined)) return true;
  if (
    /^(编制单位|编报单位|部门名称|单位名称|部门\(单位\)|部门|单位|预算单位|资金主管部门|主管部门|填报单位)[:：]/.test(
      joined,
    )
  )
    return true;
  if (/^\d{4}年度?$/.test(joined)) return true;
  // the form number printed above the 部门 line of 决算公开 tables: 公开01表, 附表3
  if (/^(公开|附)?(\d{1,2}|[一二三四五六七八九十]+)表$/.test(joined)) return true;
  return false;
}

const CODE_HEADER = /编码|代码|编号|^类$|^款$|^项$/;
const NAME_HEADER =
  /名称|^项目$|^科目$|功能科目$|经济科目$|分类科目$|^单位$|预算单位|^部门$|^年度$|^年份$|按大类|^收入$|^支出$|^收入项目$|^支出项目$|^项目\(按|^科目名称/;
const RATIO_HEADER = /率|%|％|比重|占比|百分比/;

/** Build header nodes for one column: the distinct header cells top to bottom, 栏次 rows skipped. */
function nodesFor(grid: Grid, col: number, headerRows: number[]): HeaderNode[] {
  const nodes: HeaderNode[] = [];
  let lastKey = '';
  for (const r of headerRows) {
    const range = grid.rangeAt(r, col);
    const key = `${range.top}:${range.left}`;
    if (key === lastKey) continue;
    lastKey = key;
    const text = grid.shownText(r, col);
    if (text === '') continue;
    nodes.push({ text, range });
  }
  return nodes;
}

export interface HeaderInfo {
  columns: TableColumn[];
  sections?: TableSection[];
  left: number;
  right: number;
}

/**
 * Columns of a table: header paths and roles. `dataRows` are used to tell code and name columns from
 * amount columns when the header does not say (blank headers, 三公 tables whose first column is a number).
 */
export function readHeader(
  grid: Grid,
  headerRows: number[],
  dataRows: number[],
  span: { left: number; right: number },
  tableYear: number | undefined,
  finalTable: boolean,
): HeaderInfo {
  const columns: TableColumn[] = [];
  for (let c = span.left; c <= span.right; c++) {
    const nodes = nodesFor(grid, c, headerRows);
    const path: string[] = [];
    for (const r of headerRows) {
      const t = grid.shownText(r, c);
      if (t !== '' && path[path.length - 1] !== t) path.push(t);
      else if (t !== '' && path[path.length - 1] === t) {
        // a vertical merge repeats its text: keep it once; a different cell with the same text is kept
        const prevRange = grid.rangeAt(r - 1, c);
        const range = grid.rangeAt(r, c);
        if (prevRange.top !== range.top || prevRange.left !== range.left) path.push(t);
      }
    }
    const role = roleOf(grid, c, nodes, dataRows);
    if (!role && nodes.length === 0) continue;
    // a column no word or number makes an amount (ratios, prose under a title) keeps its path but no role
    const column: TableColumn = { col: c, path, nodes };
    if (role) column.role = role;
    columns.push(column);
  }
  const amount = columns.filter((c) => c.role === 'amount');
  for (const c of amount) {
    const texts = (c.nodes ?? []).map((n) => n.text);
    c.measure = columnMeasure(texts);
    for (const t of texts) {
      const p = periodOf(t, tableYear, finalTable);
      if (p) c.period = p === 'current' && c.period ? c.period : p;
    }
    // a 决算 table speaks of the year's actuals unless a header says 预算数: its columns are 决算数 by default, so
    // a 合计 never takes a 年初预算数 column beside it as one of its parts
    if (finalTable && !c.period) c.period = 'current';
  }
  markOfWhich(columns);
  const sections = findSections(columns, grid, headerRows);
  return { columns, sections, left: span.left, right: span.right };
}

function roleOf(
  grid: Grid,
  col: number,
  nodes: HeaderNode[],
  dataRows: number[],
): TableColumn['role'] | undefined {
  const texts = nodes.map((n) => compact(n.text));
  const deepest = texts[texts.length - 1] ?? '';
  // 行次 (line numbers of 决算 tables) is neither a label nor an amount
  if (/^(行次|栏次)$/.test(deepest)) return undefined;
  if (texts.some((t) => CODE_HEADER.test(t) && !/名称/.test(t))) return 'code';
  if (/^(备注|说明|附注)$/.test(deepest)) return 'name';
  if (NAME_HEADER.test(deepest) || (texts.some((t) => NAME_HEADER.test(t)) && !isAmountWord(deepest)))
    return 'name';
  if (RATIO_HEADER.test(deepest)) return undefined;
  // no word decides: look at the data
  let numbers = 0;
  let words = 0;
  let percents = 0;
  for (let i = 0; i < dataRows.length; i++) {
    const cell = grid.cell(dataRows[i], col);
    if (!cell || cell.value === null) continue;
    if (typeof cell.value === 'number') {
      numbers++;
      // a percent format, as cellNumber reads it
      if (cell.numFmt?.includes('%')) percents++;
    } else if (typeof cell.value === 'string') {
      const s = compact(cell.value);
      if (s === '') continue;
      if (isCodeText(s) && !/[.,]/.test(s)) words += 0.5;
      else if (parseNumber(s)) numbers++;
      else words++;
    }
  }
  if (percents > 0 && percents >= numbers / 2) return undefined;
  if (words > numbers) return texts.length === 0 || !isAmountWord(deepest) ? 'name' : 'amount';
  // no numbers below it: an amount column only when its header says so
  if (numbers === 0 && !texts.some(isAmountWord)) return undefined;
  return 'amount';
}

function isAmountWord(t: string): boolean {
  return /合计|总计|小计|支出|收入|经费|费|金额|预算|决算|拨款|资金|结转|结余|数$/.test(t);
}

/** The measure of an amount column from its header texts (deepest meaningful word wins). */
export function columnMeasure(texts: string[]): TableColumn['measure'] {
  const i = texts.length - 1;
  if (i < 0) return undefined;
  const t = texts[i];
  if (isTotalHeader(t)) {
    // a group's 小计 stands for the group (基本支出/小计 → basic, 公务用车…/小计 → car)
    if (i > 0) {
      const parent = measureOf(texts[i - 1]);
      if (parent && parent !== 'total') return parent;
    }
    return /三公/.test(compact(t)) ? 'three-public' : 'total';
  }
  // a part under a group without a word of its own (基本支出/工资福利支出) is not the group
  return measureOf(t);
}

/**
 * 其中 columns are parts of the column before them, not summed with their siblings — except a 其中
 * that opens the list of parts right after a total (小计 | 其中：基本支出 | 项目支出).
 */
function markOfWhich(columns: TableColumn[]): void {
  const amount = columns.filter((c) => c.role === 'amount');
  for (const c of amount) {
    const nodes = c.nodes ?? [];
    for (let d = 0; d < nodes.length; d++) {
      const n = nodes[d];
      if (!/^其中/.test(compact(n.text))) continue;
      // siblings: nodes at the same top row under the same parent
      const parent = d > 0 ? nodes[d - 1].range : undefined;
      const sibs = siblingNodes(amount, n.range, parent);
      const idx = sibs.findIndex((s) => s.left === n.range.left);
      const before = sibs[idx - 1];
      const beforeIsTotal = before && isTotalHeader(textOf(amount, before));
      const followers = sibs.slice(idx + 1).filter((s) => !/^其中/.test(compact(textOf(amount, s))));
      const children = new Set(
        amount
          .filter((a) => a.col >= n.range.left && a.col <= n.range.right)
          .map((a) => (a.nodes ?? [])[d + 1]?.range.left),
      );
      const opensList = beforeIsTotal && (followers.length > 0 || children.size >= 2);
      if (!opensList) c.ofWhich = true;
    }
  }
}

function textOf(columns: TableColumn[], range: CellRange): string {
  for (const c of columns)
    for (const n of c.nodes ?? [])
      if (n.range.top === range.top && n.range.left === range.left) return n.text;
  return '';
}

/** Header nodes that start on the same row as `node`, inside `parent`'s columns (or anywhere when top level). */
export function siblingNodes(
  columns: TableColumn[],
  node: CellRange,
  parent: CellRange | undefined,
): CellRange[] {
  const seen = new Map<string, CellRange>();
  for (const c of columns) {
    if (parent && (c.col < parent.left || c.col > parent.right)) continue;
    for (const n of c.nodes ?? []) {
      if (n.range.top !== node.top) continue;
      seen.set(`${n.range.top}:${n.range.left}`, n.range);
    }
  }
  return [...seen.values()].sort((a, b) => a.left - b.left);
}

/** Two-sided tables: label column, amounts, label column, amounts… (收入 | 预算数 | 支出 | 预算数). */
function findSections(columns: TableColumn[], grid: Grid, headerRows: number[]): TableSection[] | undefined {
  if (columns.some((c) => c.role === 'code')) return undefined;
  const sections: TableSection[] = [];
  let current: TableSection | undefined;
  for (const c of columns) {
    if (c.role === 'name') {
      if (current && current.amountCols.length === 0) {
        // label columns side by side (a group column and an item column) belong to one side
        current.labelCols = [...(current.labelCols ?? [current.labelCol]), c.col];
        continue;
      }
      current = {
        side: 'expense',
        labelCol: c.col,
        labelCols: [c.col],
        amountCols: [],
        title: (c.nodes ?? [])[0]?.text ?? '',
      };
      sections.push(current);
    } else if (c.role === 'amount' && current) current.amountCols.push(c.col);
  }
  if (sections.length < 2 || sections.some((s) => s.amountCols.length === 0)) return undefined;
  // a one-sided table with a unit column and a name column is not two-sided: both sides must have few label columns
  if (sections.some((s) => (s.labelCols ?? []).length > 2)) return undefined;
  sections.forEach((s, i) => {
    const top = compact(grid.shownText(headerRows[0], s.labelCol));
    s.side = /收入/.test(top) || (i === 0 && !/支出/.test(top)) ? 'income' : 'expense';
  });
  if (!sections.some((s) => s.side === 'income')) sections[0].side = 'income';
  return sections;
}
