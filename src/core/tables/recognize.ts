/**
 * Budget-table recognition (DOMAIN.md §1): find every budget table on every sheet from its title and
 * headers (never from the sheet name or position), read its unit, header paths, codes, names, levels and
 * amounts. See README.md in this folder.
 */
import { CellRange } from '../model/address';
import { cellNumber, MoneyUnit, parseUnitLine, unitInText } from '../model/numbers';
import { Workbook } from '../model/workbook';
import { classifyTitle, refineByCodes, TitleKind } from './classify';
import { Grid } from './grid';
import { isColumnNumberRow, isDataStart, isPreHeaderRow, readHeader } from './header';
import {
  codeInName,
  compact,
  ECONOMIC_LEI_NAMES,
  FUNCTIONAL_LEI_NAMES,
  isEmptyStatement,
  isGrandTotalLabel,
  isNoteText,
  isTotalLabel,
  isYearTotalLabel,
  measureOf,
  ordinalOf,
  periodOf,
  yearIn,
} from './text';
import { buildTree } from './tree';
import {
  BudgetTable,
  BudgetTableKind,
  RowLevel,
  SkippedSheet,
  TableColumn,
  TableRow,
  TableSection,
} from './types';

export function recognizeBudgetTables(workbook: Workbook): {
  tables: BudgetTable[];
  skipped: SkippedSheet[];
} {
  const tables: BudgetTable[] = [];
  const skipped: SkippedSheet[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.kind) continue;
    try {
      const found = recognizeSheet(new Grid(sheet));
      tables.push(...found.tables);
      skipped.push(...found.skipped);
    } catch (e) {
      skipped.push({
        sheet: sheet.name,
        reason: {
          zh: `无法读取本表的预算表结构（${(e as Error).message}），已跳过。`,
          en: `The budget table on this sheet could not be read (${(e as Error).message}); skipped.`,
        },
      });
    }
  }
  assumeUnits(tables);
  return { tables, skipped };
}

/** Tables without a unit line take the unit most tables of the workbook state (else 万元). */
function assumeUnits(tables: BudgetTable[]): void {
  const count = new Map<MoneyUnit, number>();
  for (const t of tables) if (t.unitFrom !== 'assumed') count.set(t.unit, (count.get(t.unit) ?? 0) + 1);
  let best: MoneyUnit = '万元';
  let n = 0;
  for (const [u, k] of count) if (k > n) [best, n] = [u, k];
  for (const t of tables) if (t.unitFrom === 'assumed') t.unit = best;
}

interface TitleRow {
  row: number;
  col: number;
  text: string;
  kind: TitleKind;
  /** A table printed without a recognisable title: found from its header row (this row). */
  headerTop?: number;
}

function findTitles(grid: Grid): TitleRow[] {
  const out: TitleRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    const cells = grid.rowCells(r);
    if (cells.length === 0 || cells.length > 6) continue;
    if (cells.some((c) => typeof c.cell.value === 'number')) continue;
    let best: TitleRow | undefined;
    // a title spread over cells (2026年 | XX局 | 一般公共预算 | 支出表 | 单位：万元) is read joined
    for (const c of cells.length <= 3 ? cells : []) {
      const k = classifyTitle(c.text);
      if (k && (!best || c.text.length > best.text.length))
        best = { row: r, col: c.col, text: c.text, kind: k };
    }
    if (!best && cells.length > 1) {
      const joined = cells.map((c) => c.text).join(' ');
      const k = classifyTitle(joined);
      if (k) best = { row: r, col: cells[0].col, text: joined, kind: k };
    }
    if (best) out.push(best);
  }
  return out;
}

function recognizeSheet(grid: Grid): { tables: BudgetTable[]; skipped: SkippedSheet[] } {
  const tables: BudgetTable[] = [];
  const skipped: SkippedSheet[] = [];
  // a title printed again after a page break (same words) continues the table above it
  const titles = findTitles(grid).filter(
    (t, i, all) => i === 0 || compact(t.text) !== compact(all[i - 1].text),
  );
  // a table above the first title (or on a sheet without one) is read from its header
  const untitled = findUntitled(grid, titles.length ? titles[0].row : grid.rows);
  if (untitled) titles.unshift(untitled);
  titles.forEach((t, i) => {
    const end = i + 1 < titles.length ? titles[i + 1].row - 1 : grid.rows - 1;
    const result = readTable(grid, t, end);
    if ('table' in result) tables.push(result.table);
    else if (t.headerTop !== undefined)
      skipped.push({
        sheet: grid.sheet.name,
        reason: {
          zh: `本表第${t.headerTop + 1}行起像是一张预算表（有表头和数字），但没有可识别的标题，且${result.zh}，未能读取，未作检查。`,
          en: `From row ${t.headerTop + 1} this sheet looks like a budget table (a header and numbers), but it has no recognisable title and ${result.en}; not read or checked.`,
        },
      });
    else
      skipped.push({
        sheet: grid.sheet.name,
        reason: {
          zh: `“${t.text}”看起来是预算表，但${result.zh}，未能读取。`,
          en: `“${t.text}” looks like a budget table but ${result.en}; not read.`,
        },
      });
  });
  if (titles.length === 0 && looksTabular(grid))
    skipped.push({
      sheet: grid.sheet.name,
      reason: {
        zh: '本表有表头文字和多行数字，像是一张预算表，但既没有可识别的标题，也没有可识别的表头（科目编码/科目名称与合计、基本支出等金额列），未能读取，未作检查。',
        en: 'This sheet has header words and rows of numbers like a budget table, but neither a recognisable title nor a recognisable header (科目编码/科目名称 with 合计, 基本支出 or other amount columns); not read or checked.',
      },
    });
  return { tables, skipped };
}

/** Words of a budget-table header: the label columns and the amount columns. */
const LABEL_HEADER = /(科目|功能|经济|分类).*(编码|代码|名称)|^科目$|^(项目|单位)名称$|^(类|款|项)$/;
const AMOUNT_HEADER =
  /^(合计|总计|基本支出|项目支出|人员经费|公用经费|本年预算|预算数|金额|一般公共预算|财政拨款|政府性基金)/;

/**
 * A table without a recognisable title above `before`: the first row whose cells name a label column (科目编码 /
 * 科目名称 / 经济分类科目…) and an amount column (合计 / 基本支出 / 项目支出…), with numbers in the rows under it.
 */
function findUntitled(grid: Grid, before: number): TitleRow | undefined {
  for (let r = 0; r < before; r++) {
    const cells = grid.rowCells(r);
    if (cells.length < 2 || cells.some((c) => typeof c.cell.value === 'number')) continue;
    const texts = cells.map((c) => compact(c.text));
    if (!texts.some((t) => LABEL_HEADER.test(t)) || !texts.some((t) => AMOUNT_HEADER.test(t))) continue;
    let numbers = 0;
    for (let d = r + 1; d < Math.min(before, r + 12); d++)
      if (grid.rowCells(d).some((c) => typeof c.cell.value === 'number')) numbers++;
    if (numbers === 0) return undefined;
    // the unit line just above the header, if any, opens the table
    let top = r;
    while (top > 0 && r - top < 2 && !grid.isBlankRow(top - 1) && isPreHeaderRow(grid, top - 1)) top--;
    return {
      row: top,
      col: -1,
      text: '',
      kind: { kind: 'unknown-budget', variant: 'budget' },
      headerTop: r,
    };
  }
  return undefined;
}

/** A block of header words over three or more rows of numbers (not a performance form). */
function looksTabular(grid: Grid): boolean {
  let numberRows = 0;
  let words = false;
  for (let r = 0; r < grid.rows; r++) {
    const cells = grid.rowCells(r);
    if (cells.some((c) => /绩效|目标|自评|指标|评分/.test(c.text))) return false;
    if (cells.filter((c) => typeof c.cell.value === 'number').length >= 2) numberRows++;
    else if (cells.some((c) => /编码|科目|合计|金额|支出|收入/.test(compact(c.text)))) words = true;
  }
  return words && numberRows >= 3;
}

type ReadResult = { table: BudgetTable } | { zh: string; en: string };

function readTable(grid: Grid, title: TitleRow, end: number): ReadResult {
  const finalTable = title.kind.variant === 'final';
  let unit: MoneyUnit | null = null;
  let unitFrom: BudgetTable['unitFrom'] = 'assumed';
  let r = title.row + 1;
  if (title.headerTop !== undefined) {
    for (let h = title.row; h < title.headerTop; h++)
      for (const c of grid.rowCells(h)) {
        const u = parseUnitLine(c.text);
        if (u) [unit, unitFrom] = [u, 'line'];
      }
    r = title.headerTop;
  } else {
    for (const c of grid.rowCells(title.row)) {
      const u = c.col === title.col ? unitInText(c.text) : (parseUnitLine(c.text) ?? unitInText(c.text));
      if (u) [unit, unitFrom] = [u, 'title'];
    }
  }
  // unit / issuer lines between the title and the header
  while (
    title.headerTop === undefined &&
    r <= end &&
    r - title.row <= 4 &&
    isPreHeaderRow(grid, r) &&
    !isDataStart(grid, r)
  ) {
    for (const c of grid.rowCells(r)) {
      const u = parseUnitLine(c.text);
      if (u) [unit, unitFrom] = [u, 'line'];
    }
    r++;
  }
  if (r > end) return { zh: '标题下没有表头', en: 'there is no header under the title' };
  const headerTop = r;
  const firstCol = grid.rowCells(headerTop)[0]?.col ?? 0;
  while (r <= end && !isDataStart(grid, r, firstCol) && r - headerTop < 8) r++;
  let headerBottom = r - 1;
  while (headerBottom > headerTop && grid.isBlankRow(headerBottom)) headerBottom--;
  if (headerBottom < headerTop)
    return { zh: '标题下没有表头行', en: 'there is no header row under the title' };
  const headerAll: number[] = [];
  for (let h = headerTop; h <= headerBottom; h++) headerAll.push(h);
  const numberRows = headerAll.filter((h) => isColumnNumberRow(grid, h));
  const headerRows = headerAll.filter((h) => !numberRows.includes(h) && !grid.isBlankRow(h));
  if (headerRows.length === 0) return { zh: '找不到表头文字', en: 'no header text was found' };
  for (const h of headerRows)
    for (const c of grid.rowCells(h)) {
      const u = parseUnitLine(c.text);
      if (u && unitFrom === 'assumed') [unit, unitFrom] = [u, 'header'];
    }

  // column span from the header cells (merged ranges included)
  let left = Infinity;
  let right = -1;
  for (const h of headerRows)
    for (const c of grid.rowCells(h)) {
      if (parseUnitLine(c.text)) continue;
      const m = grid.rangeAt(h, c.col);
      left = Math.min(left, m.left);
      right = Math.max(right, m.right);
    }
  if (right < 0) return { zh: '找不到表头文字', en: 'no header text was found' };

  // data rows, notes, repeated headers
  // rows repeated after a page break: the header, and the title and unit lines above it
  const headerSigs = new Set(headerRows.map((h) => signature(grid, h, left, right)));
  for (let h = title.row; h < headerTop; h++)
    if (!grid.isBlankRow(h)) headerSigs.add(signature(grid, h, left, right));
  const dataRows: number[] = [];
  const noteRows: number[] = [];
  const skippedRows: number[] = [...numberRows];
  let emptyStatement: string | undefined;
  let bottom = headerBottom;
  for (let rr = headerBottom + 1; rr <= end; rr++) {
    const cells = grid.rowCells(rr);
    if (cells.length === 0) continue;
    const hasNumber = cells.some((c) => c.col >= left && c.col <= right && typeof c.cell.value === 'number');
    // a row with a code or an amount cannot be a repeated header; only text rows are compared
    const codeLike = hasNumber || /^\d{3,9}$/.test(compact(cells[0].text));
    if (isColumnNumberRow(grid, rr) || (!codeLike && headerSigs.has(signature(grid, rr, left, right)))) {
      skippedRows.push(rr);
      bottom = rr;
      continue;
    }
    const first = cells[0].text;
    if (!hasNumber && (isNoteText(first) || isEmptyStatement(first) || noteRows.length > 0)) {
      noteRows.push(rr);
      if (isEmptyStatement(first) && !emptyStatement) emptyStatement = first;
      bottom = rr;
      continue;
    }
    if (noteRows.length > 0) break;
    dataRows.push(rr);
    bottom = rr;
  }

  const year = yearIn(title.text) ?? maxHeaderYear(grid, headerRows, left, right);
  const header = readHeader(grid, headerRows, dataRows, { left, right }, year, finalTable);
  markSplitCodes(grid, header.columns, dataRows);
  const amountCols = header.columns.filter((c) => c.role === 'amount');
  if (amountCols.length === 0) return { zh: '表头中没有金额列', en: 'its header has no amount column' };
  if (unitFrom === 'assumed') {
    for (const c of header.columns)
      for (const n of c.nodes ?? []) {
        const u = unitInText(n.text);
        if (u) [unit, unitFrom] = [u, 'header'];
      }
  }

  const table: BudgetTable = {
    kind: title.kind.kind,
    sheet: grid.sheet.name,
    title: title.headerTop !== undefined ? '（无标题）' : title.text,
    range: { top: title.row, left, bottom, right } as CellRange,
    unit: unit ?? '万元',
    unitFrom,
    variant: title.kind.variant,
    headerRows: { top: headerTop, bottom: headerBottom },
    columns: header.columns,
    rows: [],
    decimals: 2,
    empty: true,
    skippedRows,
    noteRows,
    year,
  };
  if (title.headerTop === undefined) table.titleCell = { row: title.row, col: title.col };
  if (emptyStatement) table.emptyStatement = emptyStatement;
  if (header.sections) {
    table.sections = header.sections;
    table.rows = twoSidedRows(grid, table, header.sections, dataRows);
  } else {
    table.rows = oneSidedRows(grid, table, dataRows);
  }
  finish(table);
  return { table };
}

function signature(grid: Grid, row: number, left: number, right: number): string {
  return grid
    .rowCells(row)
    .filter((c) => c.col >= left && c.col <= right)
    .map((c) => compact(c.text))
    .join('|');
}

function maxHeaderYear(grid: Grid, rows: number[], left: number, right: number): number | undefined {
  let y: number | undefined;
  for (const r of rows)
    for (const c of grid.rowCells(r)) {
      if (c.col < left || c.col > right) continue;
      const v = yearIn(c.text);
      if (v !== undefined && (y === undefined || v > y)) y = v;
    }
  return y;
}

function amountValues(grid: Grid, row: number, cols: TableColumn[]): TableRow['values'] {
  const values: TableRow['values'] = new Map();
  for (const c of cols) {
    const n = cellNumber(grid.cell(row, c.col));
    if (n && !n.percent) values.set(c.col, n);
  }
  return values;
}

/** Amount cells whose value cannot be known: a formula without a cached result, an error value (#REF!). */
function unknownCells(grid: Grid, row: number, cols: TableColumn[]): number[] {
  const out: number[] = [];
  for (const c of cols) {
    const cell = grid.cell(row, c.col);
    if (!cell) continue;
    if (cell.noCachedValue || (typeof cell.value === 'object' && cell.value !== null)) out.push(c.col);
  }
  return out;
}

const FUNCTIONAL_KINDS: BudgetTableKind[] = [
  'expenditure',
  'general-budget',
  'general-budget-basic-functional',
  'fiscal-grant-expenditure',
  'gov-fund',
  'state-capital',
];
const ECONOMIC_KINDS: BudgetTableKind[] = [
  'general-budget-basic',
  'economic-classification',
  'fiscal-grant-basic',
];

const SPLIT_LEVELS = ['lei', 'kuan', 'xiang'] as const;

/**
 * Mark 类 | 款 | 项 code columns: by their 类/款/项 header labels, or — when one merged 科目编码 header spans
 * several columns without such labels — by their content: a column of 3-digit codes followed by columns of
 * 1–2-digit parts ('03', '01') under the same header cell.
 */
export function markSplitCodes(grid: Grid, columns: TableColumn[], dataRows: number[]): void {
  for (const c of columns) {
    if (c.role !== 'code') continue;
    const deepest = compact(c.nodes?.[c.nodes.length - 1]?.text ?? '');
    const k = ['类', '款', '项'].indexOf(deepest);
    if (k >= 0) c.split = SPLIT_LEVELS[k];
  }
  const digits = (col: number) =>
    dataRows.map((r) => compact(grid.ownText(r, col))).filter((t) => /^\d+$/.test(t));
  for (let i = 0; i < columns.length; i++) {
    const first = columns[i];
    if (first.split || first.role !== 'code') continue;
    const lei = digits(first.col);
    if (lei.length === 0 || !lei.every((t) => t.length === 3)) continue;
    const top = first.nodes?.[0]?.range;
    const run = [first];
    for (let j = i + 1; j < columns.length && run.length < 3; j++) {
      const c = columns[j];
      if (c.col !== run[run.length - 1].col + 1 || c.split || c.role === 'name') break;
      const r = c.nodes?.[0]?.range;
      const sameHeader =
        (c.nodes ?? []).length === 0 ||
        (!!top && !!r && r.top === top.top && r.left === top.left && r.bottom === top.bottom);
      if (!sameHeader) break;
      const parts = digits(c.col);
      if (parts.length === 0 || !parts.every((t) => t.length <= 2)) break;
      run.push(c);
    }
    if (run.length < 2) continue;
    run.forEach((c, k) => {
      c.split = SPLIT_LEVELS[k];
      c.role = 'code';
      delete c.measure;
      delete c.period;
    });
    i += run.length - 1;
  }
}

/** 类/款/项 split columns, a 单位代码 column, or a joined classification code column. */
function codeKind(c: TableColumn): 'split' | 'unit' | 'joined' {
  if (c.split) return 'split';
  const texts = (c.nodes ?? []).map((n) => compact(n.text));
  const deepest = texts[texts.length - 1] ?? '';
  if (/^(类|款|项)$/.test(deepest)) return 'split';
  if (texts.some((t) => /(单位|部门)(代码|编码|编号)/.test(t))) return 'unit';
  return 'joined';
}

/** Runs of code columns: adjacent 类|款|项 columns form one run; any other code column is a run of its own. */
function codeRuns(columns: TableColumn[]): TableColumn[][] {
  const runs: TableColumn[][] = [];
  let cur: TableColumn[] = [];
  const flush = () => {
    if (cur.length) runs.push(cur);
    cur = [];
  };
  for (const c of columns) {
    if (c.role !== 'code') {
      flush();
      continue;
    }
    if (codeKind(c) === 'split') {
      cur.push(c);
      continue;
    }
    flush();
    runs.push([c]);
  }
  flush();
  return runs;
}

/** Read the code of a row from a run of code columns, carrying 类/款 down for split layouts. */
function readCode(
  grid: Grid,
  row: number,
  run: TableColumn[],
  ctx: (string | undefined)[],
): string | undefined {
  if (run.length === 1) {
    const t = compact(grid.ownText(row, run[0].col));
    return /^\d{3,9}$/.test(t) ? t : undefined;
  }
  const parts = run.map((c) => {
    const t = compact(grid.ownText(row, c.col));
    return /^\d{1,9}$/.test(t) ? t : undefined;
  });
  let deepest = -1;
  parts.forEach((p, i) => {
    if (p !== undefined) deepest = i;
  });
  if (deepest < 0) return undefined;
  // a 款/项 cell that holds the whole code ('20406') stands alone
  const whole = parts[deepest] as string;
  if (deepest > 0 && whole.length > 2) {
    for (let i = 0; i < ctx.length; i++) ctx[i] = undefined;
    ctx[0] = whole.slice(0, 3);
    return whole;
  }
  for (let i = 0; i <= deepest; i++) if (parts[i] !== undefined) ctx[i] = parts[i];
  for (let i = deepest + 1; i < ctx.length; i++) ctx[i] = undefined;
  const pieces = ctx.slice(0, deepest + 1);
  if (pieces.some((p) => p === undefined)) return undefined;
  return pieces.join('');
}

function levelOfCode(code: string, unitCodes: boolean): RowLevel {
  if (unitCodes) return 'item';
  if (!/^[235]/.test(code)) return 'other';
  if (code.length === 3) return 'lei';
  if (code.length === 5) return 'kuan';
  if (code.length === 7) return 'xiang';
  return 'other';
}

function oneSidedRows(grid: Grid, table: BudgetTable, dataRows: number[]): TableRow[] {
  const cols = table.columns;
  const amount = cols.filter((c) => c.role === 'amount');
  const names = cols.filter((c) => c.role === 'name');
  const runs = codeRuns(cols);
  const classRuns = runs.filter((r) => !(r.length === 1 && codeKind(r[0]) === 'unit'));
  const unitRun = runs.find((r) => r.length === 1 && codeKind(r[0]) === 'unit');
  // a table whose only code is the 单位代码 (西安 收入总表: 117 / 117001) reads it as the row code
  const primary = classRuns[0] ?? unitRun;
  const unitCodes = !!primary && primary === unitRun;
  const secondary = classRuns[1];
  const firstCode = primary ? primary[0].col : Infinity;
  const nameCol =
    (
      primary &&
      names.find((c) => c.col > primary[primary.length - 1].col && !/备注|说明/.test(c.path.join('')))
    )?.col ?? names.find((c) => !/备注|说明/.test(c.path.join('')))?.col;
  const labelCols = cols.filter((c) => c.role !== 'amount').map((c) => c.col);
  const ctx: (string | undefined)[] = primary ? primary.map(() => undefined) : [];
  const ctx2: (string | undefined)[] = secondary ? secondary.map(() => undefined) : [];
  const ctxUnit: (string | undefined)[] = [undefined];
  const periodCol = names.find((c) => /年度|年份/.test(c.path.join('')))?.col;
  if (periodCol !== undefined && table.year === undefined) {
    for (const r of dataRows) {
      const y = yearIn(grid.ownText(r, periodCol));
      if (y !== undefined && (table.year === undefined || y > table.year)) table.year = y;
    }
  }

  const rows: TableRow[] = [];
  for (const r of dataRows) {
    const labels = labelCols.map((c) => ({ col: c, text: grid.ownText(r, c) })).filter((l) => l.text !== '');
    const values = amountValues(grid, r, amount);
    const unknown = unknownCells(grid, r, amount);
    if (labels.length === 0 && values.size === 0 && unknown.length === 0) continue;
    let code = primary ? readCode(grid, r, primary, ctx) : undefined;
    const codeCols: number[] =
      code && primary ? primary.filter((c) => grid.ownText(r, c.col) !== '').map((c) => c.col) : [];
    let name = nameCol !== undefined ? grid.ownText(r, nameCol) : '';
    if (name === '') name = labels.find((l) => !/^\d+$/.test(compact(l.text)))?.text ?? '';
    if (!code) {
      const inName = codeInName(name);
      if (inName) {
        code = inName.code;
        name = inName.name;
        if (nameCol !== undefined) codeCols.push(nameCol);
      }
    }
    const total = labels.some((l) => isTotalLabel(l.text));
    const row: TableRow = {
      row: r,
      codeCols,
      name,
      level: total ? 'total' : code ? levelOfCode(code, unitCodes) : 'other',
      values,
    };
    if (unknown.length > 0) row.unknown = unknown;
    if (nameCol !== undefined) row.nameCol = nameCol;
    if (code && !total) row.code = code;
    if (total) row.role = 'grand';
    if (secondary) {
      const g = readCode(grid, r, secondary, ctx2);
      if (g) row.govCode = g;
    }
    if (unitRun && unitRun !== primary) {
      const u = readCode(grid, r, unitRun, ctxUnit);
      if (u) row.unitCode = u;
    }
    if (periodCol !== undefined) {
      const p = periodOf(grid.ownText(r, periodCol), table.year, table.variant === 'final');
      if (p) row.period = p;
    }
    rows.push(row);
  }

  const hasCodes = rows.some((r) => r.code);
  if (hasCodes) {
    // a row for one 预算单位 (a 单位代码 but no classification code, or a name in the 预算单位 column only)
    // stands above the coded rows that follow it
    for (const row of rows) {
      if (row.code || row.level === 'total') continue;
      const labels = labelCols.filter((c) => grid.ownText(row.row, c) !== '');
      const unitLabelOnly = labels.length > 0 && labels.every((c) => c !== nameCol && c < firstCode);
      if (row.unitCode || unitLabelOnly) {
        row.role = 'unit';
        row.level = 'item';
      }
    }
    // parent = nearest row above whose code is a proper prefix, else the 预算单位 row above
    const stack: number[] = [];
    let unit: number | undefined;
    rows.forEach((row, i) => {
      if (row.role === 'unit') {
        unit = i;
        stack.length = 0;
        return;
      }
      if (row.level === 'total') {
        unit = undefined;
        stack.length = 0;
        return;
      }
      if (!row.code) return;
      while (stack.length && !row.code.startsWith(rows[stack[stack.length - 1]].code as string)) stack.pop();
      const p = stack.length ? stack[stack.length - 1] : undefined;
      if (p !== undefined && rows[p].code !== row.code) row.parent = p;
      // the same code printed twice (two 30208 rows): a sibling of the first, summed into the same parent
      // (codes/duplicate reports it), not a top-level row of its own
      else if (p !== undefined) row.parent = rows[p].parent;
      else if (unit !== undefined) row.parent = unit;
      row.levelFrom = 'code';
      stack.push(i);
    });
  } else if (!rows.some((r) => r.period)) {
    const kind = table.kind;
    const functional = FUNCTIONAL_KINDS.includes(kind);
    const economic = ECONOMIC_KINDS.includes(kind);
    const list = rows.filter((r) => r.level !== 'total');
    const grand = rows.filter((r) => r.role === 'grand');
    const treeCols = amount.filter((c) => c.period !== 'change').map((c) => c.col);
    const tree = buildTree(list, {
      cols: treeCols,
      decimals: decimalsOf(rows, amount),
      maxDepth: functional ? 3 : 2,
      anchors: functional ? FUNCTIONAL_LEI_NAMES : economic ? ECONOMIC_LEI_NAMES : undefined,
      target: grand.length === 1 ? vector(grand[0], treeCols, decimalsOf(rows, amount)) : undefined,
    });
    applyTree(rows, list, tree, functional || economic);
  }
  for (const row of rows) if (!row.code && row.level !== 'total') row.measure = measureOf(row.name);
  return rows;
}

function vector(row: TableRow, cols: number[], decimals: number): number[] {
  return cols.map((c) => {
    const v = row.values.get(c);
    return v ? Math.round(v.value * 10 ** decimals) : 0;
  });
}

function applyTree(
  all: TableRow[],
  list: TableRow[],
  tree: ReturnType<typeof buildTree>,
  classified: boolean,
): void {
  const index = new Map(list.map((r, i) => [i, all.indexOf(r)]));
  list.forEach((row, i) => {
    const p = tree.parent[i];
    if (p !== undefined) row.parent = index.get(p);
    if (tree.breakdown[i] > 0) row.breakdown = tree.breakdown[i];
    row.levelFrom = tree.from[i];
    if (tree.ofWhich[i]) row.role = 'ofWhich';
    if (row.level === 'other' || row.level === 'item') {
      const d = tree.depth[i];
      row.level = classified ? (d === 0 ? 'lei' : d === 1 ? 'kuan' : d === 2 ? 'xiang' : 'other') : 'item';
    }
  });
}

function decimalsOf(rows: TableRow[], _amount: TableColumn[]): number {
  let d = 0;
  for (const r of rows) for (const v of r.values.values()) d = Math.max(d, Math.min(v.decimals, 6));
  return d;
}

/** A carry-over term of a 收支 side: 上年结转, 年末结转和结余, 结转下年, 年终结转结余 (not a 其中 line). */
const CARRY_ROW = /^(上年|年初|年末|年终|期末)[^其]*(结转|结余)|^结转下年|^上年结余/;

function twoSidedRows(
  grid: Grid,
  table: BudgetTable,
  sections: TableSection[],
  dataRows: number[],
): TableRow[] {
  const all: TableRow[] = [];
  const byCol = new Map(table.columns.map((c) => [c.col, c]));
  sections.forEach((s, si) => {
    const amount = s.amountCols.map((c) => byCol.get(c) as TableColumn);
    const labelCols = s.labelCols ?? [s.labelCol];
    const rows: TableRow[] = [];
    // 济源-style sides: a group label merged down the first column (一般公共预算收入) and items in the second;
    // a 小计 item stands for the group and the other items of the group sum to it
    const groupOf: (string | undefined)[] = [];
    for (const r of dataRows) {
      let nameCol = labelCols[labelCols.length - 1];
      let name = '';
      for (let k = labelCols.length - 1; k >= 0; k--) {
        const t = grid.ownText(r, labelCols[k]);
        if (t !== '') {
          [name, nameCol] = [t, labelCols[k]];
          break;
        }
      }
      const values = amountValues(grid, r, amount);
      const unknown = unknownCells(grid, r, amount);
      if (name === '' && values.size === 0 && unknown.length === 0) continue;
      let group: string | undefined;
      if (labelCols.length > 1 && nameCol !== labelCols[0]) {
        const m = grid.merge(r, labelCols[0]);
        if (m && m.bottom > m.top) group = `${m.top}:${grid.shownText(r, labelCols[0])}`;
      }
      const row: TableRow = {
        row: r,
        codeCols: [],
        name,
        nameCol,
        level: 'item',
        values,
        side: s.side,
        section: si,
      };
      if (unknown.length > 0) row.unknown = unknown;
      if (group && /^(小计|合计)$/.test(compact(name))) row.name = `${group.split(':')[1]}（${name}）`;
      groupOf.push(group);
      const ord = ordinalOf(name);
      if (group && /^(小计|合计)$/.test(compact(name))) {
        // the group's subtotal: an item of the side, not a side total
      } else if (isYearTotalLabel(name)) {
        row.role = 'year';
        if (ord.rank === 0) row.level = 'total';
      } else if (isGrandTotalLabel(name)) {
        row.role = 'grand';
        row.level = 'total';
      }
      const m = measureOf(row.name);
      if (m && row.level !== 'total') row.measure = m;
      rows.push(row);
    }
    // ranks for grouped rows: the group's 小计 heads the group, its other items sit one level below
    const ranks: (number | undefined)[] = rows.map(() => undefined);
    const groupsWithTotal = new Set(
      rows
        .filter((r, i) => groupOf[i] && /（(小计|合计)）$/.test(r.name))
        .map((r) => groupOf[rows.indexOf(r)]),
    );
    rows.forEach((r, i) => {
      const g = groupOf[i];
      if (groupsWithTotal.size === 0 || r.level === 'total') return;
      if (!g || !groupsWithTotal.has(g)) {
        // an item beside the groups (上年结余（结转） merged over both label columns) is their sibling
        if (ordinalOf(r.name).rank === 0) ranks[i] = 1;
        return;
      }
      ranks[i] = /（(小计|合计)）$/.test(r.name) ? 1 : 2;
    });
    // 本年支出合计 printed first, above the 类 rows (central-government layout), heads them like 一、本年支出: it is
    // not a total closing the rows above it; and an unnumbered 年末结转 / 结转下年 after a numbered list is a term of
    // the side, never a part of the last item (a 支出总计 is not the sum of a line and its own breakdown)
    const first = rows[0];
    if (first?.role === 'year' && first.level === 'total' && rows[1] && rows[1].level !== 'total')
      first.level = 'item';
    rows.forEach((r, i) => {
      const o = ordinalOf(r.name);
      const prev = rows[i - 1];
      const afterList = !!prev && prev.level !== 'total' && ordinalOf(prev.name).rank > 0;
      const headed = rows.some((h, k) => k < i && h.role === 'year' && h.level !== 'total');
      if (
        (afterList || headed) &&
        ranks[i] === undefined &&
        o.rank === 0 &&
        !o.ofWhich &&
        r.level !== 'total' &&
        CARRY_ROW.test(o.rest)
      )
        ranks[i] = 0.5;
    });
    const base = all.length;
    all.push(...rows);
    // regions between total rows: each region is its own list
    const decimals = decimalsOf(rows, amount);
    const cols = s.amountCols;
    let start = 0;
    const regions: { from: number; to: number; closer?: TableRow }[] = [];
    rows.forEach((row, i) => {
      if (row.level === 'total') {
        regions.push({ from: start, to: i, closer: row });
        start = i + 1;
      }
    });
    regions.push({ from: start, to: rows.length });
    let yearRow: TableRow | undefined;
    let afterYear = false;
    for (const reg of regions) {
      const list = rows.slice(reg.from, reg.to);
      if (list.length > 0) {
        let target: number[] | undefined;
        if (reg.closer && reg.closer.role === 'year') target = vector(reg.closer, cols, decimals);
        else if (reg.closer && reg.closer.role === 'grand') {
          target = vector(reg.closer, cols, decimals);
          if (yearRow) {
            const y = vector(yearRow, cols, decimals);
            target = target.map((v, k) => v - y[k]);
          }
        }
        const expense = s.side === 'expense';
        const tree = buildTree(list, {
          cols,
          decimals,
          ranks: ranks.slice(reg.from, reg.to),
          headings: list.map((r) => r.role === 'year' && r.level !== 'total' && ordinalOf(r.name).rank === 0),
          // a heading 一、本年支出合计 above the 类 rows is not a level of its own
          maxDepth: list.some((r) => r.role === 'year' && r.level !== 'total') ? 4 : 3,
          anchors: expense ? new Set([...FUNCTIONAL_LEI_NAMES, ...ECONOMIC_LEI_NAMES]) : undefined,
          target,
        });
        list.forEach((row, i) => {
          const p = tree.parent[i];
          if (p !== undefined) row.parent = base + reg.from + p;
          if (tree.breakdown[i] > 0) row.breakdown = tree.breakdown[i];
          row.levelFrom = tree.from[i];
          if (tree.ofWhich[i]) row.role = 'ofWhich';
          if (expense && tree.depth[i] === 0 && FUNCTIONAL_LEI_NAMES.has(ordinalOf(row.name).rest))
            row.level = 'lei';
          if (p === undefined && !tree.ofWhich[i]) {
            if (reg.closer?.role === 'year' && reg.closer.level === 'total')
              row.parent = base + rows.indexOf(reg.closer);
            else if (afterYear && row.role !== 'year') row.role = 'carry';
          }
          // a prefixed 本年收入 heading (一、本年收入) opens the year part; its top-level siblings are carry-overs
        });
        const prefixedYear = list.find((r) => r.role === 'year' && r.level !== 'total');
        if (prefixedYear) {
          yearRow = prefixedYear;
          for (const row of list)
            if (row !== prefixedYear && row.parent === undefined && row.role !== 'ofWhich')
              row.role = 'carry';
        }
      }
      if (reg.closer?.role === 'year') {
        yearRow = reg.closer;
        afterYear = true;
      }
    }
    // sub-items of the expense side (款/项 under a 类 name) get levels from their 类
    for (const row of rows) {
      if (row.level !== 'item' || row.parent === undefined) continue;
      const p = all[row.parent];
      if (p.level === 'lei') row.level = 'kuan';
      else if (p.level === 'kuan') row.level = 'xiang';
    }
  });
  return all;
}

function finish(table: BudgetTable): void {
  let decimals = 0;
  let any = false;
  let nonZero = false;
  for (const r of table.rows)
    for (const v of r.values.values()) {
      any = true;
      decimals = Math.max(decimals, Math.min(v.decimals, 6));
      if (v.value !== 0) nonZero = true;
    }
  table.decimals = any ? decimals : 2;
  table.empty = !nonZero;
  let functional = 0;
  let economic = 0;
  for (const r of table.rows) {
    if (!r.code) continue;
    if (/^2/.test(r.code)) functional++;
    else if (/^[35]/.test(r.code)) economic++;
  }
  table.kind = refineByCodes(table.kind, functional, economic);
}
