/**
 * Budget-table recognition (DOMAIN.md §1): find every budget table on every sheet from its title and
 * headers (never from the sheet name or position), read its unit, header paths, codes, names, levels and
 * amounts. See README.md in this folder. This module assembles a table from the parts read by
 * titles.ts (where tables start), span.ts (the header rows and columns), units.ts, body.ts (data and note rows),
 * header.ts (the columns), one-sided.ts / two-sided.ts (the rows).
 */
import { CellRange } from '../model/address';
import { ParsedNumber } from '../model/numbers';
import { Workbook } from '../model/workbook';
import { readBody, TableBody } from './body';
import { refineByCodes } from './classify';
import { markSplitCodes } from './code-columns';
import { Grid } from './grid';
import { readHeader } from './header';
import { oneSidedRows } from './one-sided';
import { decimalsOf } from './row-values';
import { findHeaderSpan, HeaderSpan, Unreadable } from './span';
import { compact, yearIn } from './text';
import { findTitles, findUntitled, looksTabular, TitleRow } from './titles';
import { BudgetTable, SkippedSheet } from './types';
import { twoSidedRows } from './two-sided';
import { assumeUnits, UnitReading, unitOfColumns } from './units';

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
      for (const t of found.tables) tables.push(t);
      for (const s of found.skipped) skipped.push(s);
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
    else skipped.push({ sheet: grid.sheet.name, reason: unreadableReason(t, result) });
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

function unreadableReason(t: TitleRow, why: Unreadable): Unreadable {
  if (t.headerTop !== undefined)
    return {
      zh: `本表第${t.headerTop + 1}行起像是一张预算表（有表头和数字），但没有可识别的标题，且${why.zh}，未能读取，未作检查。`,
      en: `From row ${t.headerTop + 1} this sheet looks like a budget table (a header and numbers), but it has no recognisable title and ${why.en}; not read or checked.`,
    };
  return {
    zh: `“${t.text}”看起来是预算表，但${why.zh}，未能读取。`,
    en: `“${t.text}” looks like a budget table but ${why.en}; not read.`,
  };
}

/** Read the table under `title`, ending at row `end` at the latest. */
function readTable(grid: Grid, title: TitleRow, end: number): { table: BudgetTable } | Unreadable {
  const unit: UnitReading = { unit: null, from: 'assumed' };
  const span = findHeaderSpan(grid, title, end, unit);
  if (!('rows' in span)) return span;
  const body = readBody(grid, title, span, end);
  const { left, right } = span;
  const year = yearIn(title.text) ?? maxHeaderYear(grid, span.rows, left, right);
  const finalTable = title.kind.variant === 'final';
  const header = readHeader(grid, span.rows, body.dataRows, { left, right }, year, finalTable);
  markSplitCodes(grid, header.columns, body.dataRows);
  if (!header.columns.some((c) => c.role === 'amount'))
    return { zh: '表头中没有金额列', en: 'its header has no amount column' };
  unitOfColumns(header.columns, unit);
  const table = newTable(grid, title, span, body, unit, year);
  table.columns = header.columns;
  if (header.sections) {
    table.sections = header.sections;
    table.rows = twoSidedRows(grid, table, header.sections, body.dataRows);
  } else {
    table.rows = oneSidedRows(grid, table, body.dataRows);
  }
  finish(table);
  return { table };
}

function newTable(
  grid: Grid,
  title: TitleRow,
  span: HeaderSpan,
  body: TableBody,
  unit: UnitReading,
  year: number | undefined,
): BudgetTable {
  const table: BudgetTable = {
    kind: title.kind.kind,
    sheet: grid.sheet.name,
    title: title.headerTop !== undefined ? '（无标题）' : title.text,
    range: { top: title.row, left: span.left, bottom: body.bottom, right: span.right } as CellRange,
    unit: unit.unit ?? '万元',
    unitFrom: unit.from,
    variant: title.kind.variant,
    headerRows: { top: span.top, bottom: span.bottom },
    columns: [],
    rows: [],
    decimals: 2,
    empty: true,
    skippedRows: body.skippedRows,
    noteRows: body.noteRows,
    year,
  };
  if (title.headerTop === undefined) table.titleCell = { row: title.row, col: title.col };
  if (body.emptyStatement) table.emptyStatement = body.emptyStatement;
  return table;
}

/** The latest year named in the header cells (when the title names none). */
function maxHeaderYear(grid: Grid, rows: number[], left: number, right: number): number | undefined {
  let y: number | undefined;
  for (let i = 0; i < rows.length; i++) {
    const cells = grid.rowCells(rows[i]);
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c.col < left || c.col > right) continue;
      const v = yearIn(c.text);
      if (v !== undefined && (y === undefined || v > y)) y = v;
    }
  }
  return y;
}

/** Printed decimals, emptiness, and the kind refined by the codes the table holds. */
function finish(table: BudgetTable): void {
  const rows = table.rows;
  let any = false;
  let nonZero = false;
  // index loops and forEach: no iterator objects for every row and amount (this runs before it is optimised)
  const amount = (v: ParsedNumber) => {
    any = true;
    if (v.value !== 0) nonZero = true;
  };
  for (let i = 0; i < rows.length; i++) rows[i].values.forEach(amount);
  table.decimals = any ? decimalsOf(rows) : 2;
  table.empty = !nonZero;
  let functional = 0;
  let economic = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!r.code) continue;
    const first = r.code[0];
    if (first === '2') functional++;
    else if (first === '3' || first === '5') economic++;
  }
  table.kind = refineByCodes(table.kind, functional, economic);
}
