/**
 * Reading the classification codes of recognised tables, cell by cell, for the codes/* rules.
 *
 * Table recognition says which rows are data rows and which columns carry codes and names; this module reads the
 * printed text of those cells itself, so that a malformed code (which recognition may not take for a code at all)
 * is still seen. Layouts: a joined code column (2040201), split 类 | 款 | 项 columns (204 | 02 | 01, with blank
 * 类/款 cells under their parent row inherited), a code inside the name cell ('[2014001]行政运行'), and tables that
 * print a 部门 and a 政府 economic code side by side (two code groups).
 */
import { CatalogScheme, codeLevel, schemeOf } from '../catalog';
import { toA1 } from '../model/address';
import { CellRef } from '../model/findings';
import { normalizeDigits } from '../model/numbers';
import { Cell, getCell, isCellError, mergeAt, Sheet } from '../model/workbook';
import { memo, ReviewContext } from '../context';
import { reviewIndex } from '../review-index';
import { BudgetTable, TableColumn, TableRow } from '../tables/types';

/** Which catalog family a code column holds: 功能分类 (2xx) or 经济分类 (3xx 部门 / 5xx 政府). */
export type CodeFamily = 'functional' | 'economic';

export type PartKind = 'joined' | 'lei' | 'kuan' | 'xiang' | 'embedded';

export interface CodePart {
  col: number;
  kind: PartKind;
  /** Text as printed (trimmed); for an inherited part, the parent row's text. */
  text: string;
  /** Taken from the row above (a blank 类/款 cell under its parent), not printed in this row. */
  inherited?: boolean;
}

export interface CodeProblem {
  /** format: not a code of this column's shape; level: a well-formed code of another level in this column. */
  kind: 'format' | 'level';
  part: CodePart;
  expected: string;
  message: { zh: string; en: string };
}

export interface CodeReading {
  table: BudgetTable;
  sheet: Sheet;
  row: TableRow;
  /** Index into table.rows. */
  rowIndex: number;
  family: CodeFamily;
  /** Code group within the table: 0 = the first (功能 or 部门经济) code, 1 = a 政府经济 code beside it. */
  group: number;
  parts: CodePart[];
  /** Joined code when well-formed. */
  code?: string;
  scheme?: CatalogScheme;
  level?: 1 | 2 | 3;
  problem?: CodeProblem;
  /** Printed name belonging to this code, and where. */
  name?: string;
  nameCol?: number;
}

const ECONOMIC_KINDS = new Set(['general-budget-basic', 'economic-classification', 'fiscal-grant-basic']);

const DIGITS = /^\d+$/;
const compact = (s: string) => (DIGITS.test(s) ? s : normalizeDigits(s).replace(/[\s\u00a0\u3000]+/g, ''));

/** Text of a cell as shown: numbers padded to a '00' number format (款 08 stored as 8 with format 00). */
export function shownText(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (v === null || v === undefined || isCellError(v) || typeof v === 'boolean') return '';
  if (typeof v === 'number') {
    const s = String(v);
    const fmt = cell.numFmt?.trim();
    if (fmt && /^0+$/.test(fmt) && Number.isInteger(v) && v >= 0 && s.length < fmt.length)
      return s.padStart(fmt.length, '0');
    return s;
  }
  return v.trim();
}

function pathText(col: TableColumn | undefined): string {
  return col ? col.path.join('|').replace(/\s+/g, '') : '';
}

function leaf(col: TableColumn | undefined): string {
  return col && col.path.length ? col.path[col.path.length - 1].replace(/\s+/g, '') : '';
}

function splitKind(col: TableColumn | undefined): PartKind {
  // split columns recognised from their labels or their content (merged 科目编码 over 类 | 款 | 项)
  if (col?.split) return col.split;
  const l = leaf(col);
  if (l === '类') return 'lei';
  if (l === '款') return 'kuan';
  if (l === '项') return 'xiang';
  return 'joined';
}

interface Group {
  cols: { col: number; kind: PartKind }[];
  family: CodeFamily;
  nameCol?: number;
}

/** 单位编码 117001, 部门代码 024: organisation codes, not classification codes. */
const NOT_A_CODE_COLUMN = /单位|(部门|机构)(编码|代码)/;

const EMBEDDED_RE = /^[[【(（]\s*(\d{3,9})\s*[\]】)）]\s*(.*)$/;

/** The code columns of a table, grouped (split 类/款/项 columns form one group), each with its family and name column. */
export function codeGroups(table: BudgetTable): Group[] {
  const byCol = new Map(table.columns.map((c) => [c.col, c]));
  const cols = new Set<number>();
  for (const c of table.columns) if (c.role === 'code') cols.add(c.col);
  // index loops: this runs a few times a review over every row, mostly before it is optimised
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const codeCols = rows[i].codeCols;
    for (let k = 0; k < codeCols.length; k++) cols.add(codeCols[k]);
  }
  if (cols.size === 0) {
    for (const c of table.columns) {
      const p = pathText(c);
      if (NOT_A_CODE_COLUMN.test(p)) continue;
      if (/(科目)?编码|代码/.test(p) || splitKind(c) !== 'joined') cols.add(c.col);
    }
  }
  const nameCols = new Set(
    table.columns.filter((c) => c.role === 'name' || /名称/.test(pathText(c))).map((c) => c.col),
  );
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i].nameCol;
    if (c !== undefined) nameCols.add(c);
  }
  const sorted = [...cols]
    .filter((c) => !NOT_A_CODE_COLUMN.test(pathText(byCol.get(c))))
    .sort((a, b) => a - b);
  const groups: Group[] = [];
  let cur: Group | undefined;
  for (const col of sorted) {
    const kind = splitKind(byCol.get(col));
    const prev = cur?.cols[cur.cols.length - 1];
    const continues =
      cur &&
      prev &&
      col === prev.col + 1 &&
      ((prev.kind === 'lei' && kind === 'kuan') || (prev.kind === 'kuan' && kind === 'xiang'));
    if (continues && cur) cur.cols.push({ col, kind });
    else {
      cur = { cols: [{ col, kind }], family: 'functional' };
      groups.push(cur);
    }
  }
  for (const g of groups) {
    const last = g.cols[g.cols.length - 1].col;
    // the nearest name column right of the codes
    for (const c of nameCols) if (c > last && (g.nameCol === undefined || c < g.nameCol)) g.nameCol = c;
    const texts = [
      ...g.cols.map((c) => pathText(byCol.get(c.col))),
      pathText(byCol.get(g.nameCol ?? -1)),
    ].join('|');
    if (/经济/.test(texts)) g.family = 'economic';
    else if (/功能/.test(texts)) g.family = 'functional';
    else g.family = ECONOMIC_KINDS.has(table.kind) ? 'economic' : 'functional';
  }
  return groups;
}

const FIRST_DIGIT: Record<CodeFamily, RegExp> = { functional: /^2/, economic: /^[35]/ };

const FAMILY_ZH: Record<CodeFamily, string> = { functional: '支出功能分类', economic: '支出经济分类' };
const FAMILY_EN: Record<CodeFamily, string> = {
  functional: 'functional classification',
  economic: 'economic classification',
};

function wellFormedJoined(code: string, family: CodeFamily): boolean {
  if (!FIRST_DIGIT[family].test(code)) return false;
  if (family === 'functional') return /^\d{3}(\d{2}){0,2}$/.test(code);
  // economic: 类 3, 款 5; a 7-digit local subdivision of a 部门 款 (重庆 3010201)
  return /^\d{3}(\d{2})?$/.test(code) || /^3\d{6}$/.test(code);
}

function expectJoined(family: CodeFamily): { zh: string; en: string; short: string } {
  return family === 'functional'
    ? {
        zh: '3、5 或 7 位数字、以 2 开头',
        en: '3, 5 or 7 digits starting with 2',
        short: '2xx / 2xxxx / 2xxxxxx',
      }
    : {
        zh: '3 或 5 位数字、以 3（部门经济分类）或 5（政府经济分类）开头',
        en: '3 or 5 digits starting with 3 (部门) or 5 (政府)',
        short: '3xx / 3xxxx / 5xx / 5xxxx',
      };
}

const LEVEL_ZH = { 1: '类', 2: '款', 3: '项' } as const;
const LEVEL_EN = { 1: '类 (class)', 2: '款 (section)', 3: '项 (item)' } as const;
const KIND_LEVEL: Record<'lei' | 'kuan' | 'xiang', 1 | 2 | 3> = { lei: 1, kuan: 2, xiang: 3 };

function formatProblem(part: CodePart, family: CodeFamily): CodeProblem {
  if (part.kind === 'lei' || part.kind === 'kuan' || part.kind === 'xiang') {
    const digits = part.kind === 'lei' ? 3 : 2;
    const lvl = KIND_LEVEL[part.kind];
    const first = part.kind === 'lei' ? (family === 'functional' ? '、以 2 开头' : '、以 3 或 5 开头') : '';
    const firstEn =
      part.kind === 'lei' ? (family === 'functional' ? ' starting with 2' : ' starting with 3 or 5') : '';
    return {
      kind: 'format',
      part,
      expected: `${digits} 位${LEVEL_ZH[lvl]}编码`,
      message: {
        zh: `“${LEVEL_ZH[lvl]}”栏的编码“${part.text}”格式不对：应为 ${digits} 位数字${first}（${FAMILY_ZH[family]}）。`,
        en: `Code "${part.text}" in the ${LEVEL_EN[lvl]} column is malformed: expected ${digits} digits${firstEn} (${FAMILY_EN[family]}).`,
      },
    };
  }
  const e = expectJoined(family);
  return {
    kind: 'format',
    part,
    expected: e.short,
    message: {
      zh: `科目编码“${part.text}”格式不对：${FAMILY_ZH[family]}编码应为${e.zh}。`,
      en: `Code "${part.text}" is malformed: a ${FAMILY_EN[family]} code has ${e.en}.`,
    },
  };
}

/** A whole code (3/5/7 digits, right first digit) printed in a split column of another level. */
function levelInSplitColumn(part: CodePart, family: CodeFamily): CodeProblem | undefined {
  if (part.kind !== 'lei' && part.kind !== 'kuan' && part.kind !== 'xiang') return undefined;
  const t = compact(part.text);
  if (!/^\d+$/.test(t) || !wellFormedJoined(t, family)) return undefined;
  const lvl = (t.length === 3 ? 1 : t.length === 5 ? 2 : 3) as 1 | 2 | 3;
  const colLvl = KIND_LEVEL[part.kind];
  if (part.kind === 'lei' ? t.length === 3 : t.length === 2) return undefined;
  return {
    kind: 'level',
    part,
    expected: `${part.kind === 'lei' ? 3 : 2} 位${LEVEL_ZH[colLvl]}编码`,
    message: {
      zh: `“${LEVEL_ZH[colLvl]}”栏填了${LEVEL_ZH[lvl]}级编码“${part.text}”：分栏编码的“${LEVEL_ZH[colLvl]}”栏只能填本级的 ${part.kind === 'lei' ? 3 : 2} 位编码。`,
      en: `The ${LEVEL_EN[colLvl]} column holds a ${LEVEL_EN[lvl]} code "${part.text}": a split ${LEVEL_EN[colLvl]} column takes only its own ${part.kind === 'lei' ? 3 : 2}-digit part.`,
    },
  };
}

function hasDigit(s: string): boolean {
  return /\d/.test(normalizeDigits(s));
}

/** Every code printed in the recognised tables (computed once per review). */
export function readCodes(ctx: ReviewContext): CodeReading[] {
  return memo(ctx, 'codes/read', () => {
    const index = reviewIndex(ctx);
    const out: CodeReading[] = [];
    for (const t of ctx.tables) {
      const readings = readTableCodes(t, index.sheet(t.sheet));
      for (let i = 0; i < readings.length; i++) out.push(readings[i]);
    }
    return out;
  });
}

/** duplicateCodes(readCodes(ctx)), computed once per review (codes/duplicate and codes/name both read it). */
export function reviewDuplicates(ctx: ReviewContext): [CodeReading, CodeReading][] {
  return memo(ctx, 'codes/duplicates', () => duplicateCodes(readCodes(ctx)));
}

export function readTableCodes(table: BudgetTable, sheet: Sheet | undefined): CodeReading[] {
  if (!sheet) return [];
  const groups = codeGroups(table);
  const out: CodeReading[] = [];
  const state = groups.map(() => ({ lei: '', kuan: '' }));
  const skipped = new Set([...(table.skippedRows ?? []), ...(table.noteRows ?? [])]);
  const rows = table.rows;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    const row = rows[rowIndex];
    if (skipped.has(row.row) || row.level === 'total' || row.role === 'grand' || row.role === 'year')
      continue;
    let any = false;
    for (let gi = 0; gi < groups.length; gi++) {
      const r = readGroup(table, sheet, row, rowIndex, groups[gi], gi, state[gi]);
      if (r) {
        out.push(r);
        any = true;
      }
    }
    if (!any && row.nameCol !== undefined) {
      // a code printed inside the name cell: '[2014001]行政运行'
      const col = row.nameCol;
      const m = embedded(text(sheet, row.row, col));
      if (!m) continue;
      const family: CodeFamily = /^[35]/.test(m[1]) ? 'economic' : 'functional';
      out.push(readEmbedded(newReading(table, sheet, row, rowIndex, family, 0), col, m));
    }
  }
  return out;
}

/** A reading with every field in place (one shape for all: none is added later). */
function newReading(
  table: BudgetTable,
  sheet: Sheet,
  row: TableRow,
  rowIndex: number,
  family: CodeFamily,
  group: number,
): CodeReading {
  return {
    table,
    sheet,
    row,
    rowIndex,
    family,
    group,
    parts: [],
    code: undefined,
    scheme: undefined,
    level: undefined,
    problem: undefined,
    name: undefined,
    nameCol: undefined,
  };
}

/** The shown text of a cell, or of the merge covering it (its top-left cell). */
function text(sheet: Sheet, row: number, col: number): string {
  const m = mergeAt(sheet, row, col);
  return shownText(m ? getCell(sheet, m.top, m.left) : getCell(sheet, row, col));
}

/** '[2014001]行政运行' read by EMBEDDED_RE; most texts fail on their first character, so that is tested first. */
function embedded(t: string): RegExpExecArray | null {
  return /^[[【(（]/.test(t) ? EMBEDDED_RE.exec(normalizeDigits(t)) : null;
}

/** A code printed inside the name cell: the bracketed digits are the code, the rest is the name. */
function readEmbedded(reading: CodeReading, col: number, m: RegExpExecArray): CodeReading {
  const part: CodePart = { col, kind: 'embedded', text: m[1] };
  reading.parts = [part];
  reading.family = /^[35]/.test(m[1]) ? 'economic' : 'functional';
  if (wellFormedJoined(m[1], reading.family)) setCode(reading, m[1]);
  else reading.problem = formatProblem(part, reading.family);
  reading.name = m[2].trim();
  reading.nameCol = col;
  return reading;
}

function setCode(r: CodeReading, code: string): void {
  r.code = code;
  r.scheme = schemeOf(code);
  r.level = r.scheme ? codeLevel(r.scheme, code) : undefined;
}

function readGroup(
  table: BudgetTable,
  sheet: Sheet,
  row: TableRow,
  rowIndex: number,
  g: Group,
  gi: number,
  st: { lei: string; kuan: string },
): CodeReading | undefined {
  const cols = g.cols;
  // a joined code (or a lone split column) alone: no list of printed parts
  const joined = cols.length === 1 && cols[0].kind === 'joined';
  let printed: CodePart[] | undefined;
  let first = '';
  // plain digits (most codes): no normalising, no embedded code
  let plain = false;
  if (joined) {
    first = text(sheet, row.row, cols[0].col);
    plain = DIGITS.test(first);
    if (!plain && !hasDigit(first)) return undefined;
  } else {
    let digits = false;
    printed = [];
    for (const c of cols) {
      const t = text(sheet, row.row, c.col);
      if (!digits && hasDigit(t)) digits = true;
      printed.push({ col: c.col, kind: c.kind, text: t });
    }
    if (!digits) return undefined;
  }
  const reading = newReading(table, sheet, row, rowIndex, g.family, gi);
  if (g.nameCol !== undefined) {
    reading.nameCol = g.nameCol;
    reading.name = text(sheet, row.row, g.nameCol);
  }
  if (gi === 0 && row.nameCol !== undefined && g.nameCol === undefined) {
    reading.nameCol = row.nameCol;
    reading.name = row.name;
  }
  if (!printed) {
    const m = plain ? null : embedded(first);
    if (m) return readEmbedded(reading, cols[0].col, m);
    const part: CodePart = { col: cols[0].col, kind: 'joined', text: first };
    reading.parts = [part];
    const t = plain ? first : compact(first);
    if ((plain || DIGITS.test(t)) && wellFormedJoined(t, g.family)) setCode(reading, t);
    else reading.problem = formatProblem(part, g.family);
    return reading;
  }
  // split 类 | 款 | 项
  let lei: CodePart | undefined;
  let kuan: CodePart | undefined;
  let xiang: CodePart | undefined;
  for (const p of printed) {
    if (p.kind === 'lei') lei ??= p;
    else if (p.kind === 'kuan') kuan ??= p;
    else if (p.kind === 'xiang') xiang ??= p;
  }
  const parts: CodePart[] = [];
  for (const p of [lei, kuan, xiang]) {
    if (p && p.text !== '') parts.push({ col: p.col, kind: p.kind, text: p.text });
  }
  reading.parts = parts;
  for (const p of parts) {
    const lvl = levelInSplitColumn(p, g.family);
    if (lvl) {
      reading.problem = lvl;
      return reading;
    }
    const t = compact(p.text);
    const ok = p.kind === 'lei' ? /^\d{3}$/.test(t) && FIRST_DIGIT[g.family].test(t) : /^\d{2}$/.test(t);
    if (!ok) {
      reading.problem = formatProblem(p, g.family);
      return reading;
    }
  }
  const leiText = lei && lei.text !== '' ? compact(lei.text) : '';
  const kuanText = kuan && kuan.text !== '' ? compact(kuan.text) : '';
  const xiangText = xiang && xiang.text !== '' ? compact(xiang.text) : '';
  let l = leiText;
  let k = kuanText;
  if (!l && lei && st.lei) {
    l = st.lei;
    reading.parts.unshift({ col: lei.col, kind: 'lei', text: st.lei, inherited: true });
  }
  if (!k && xiangText && kuan && st.kuan && !leiText) {
    k = st.kuan;
    reading.parts.splice(1, 0, { col: kuan.col, kind: 'kuan', text: st.kuan, inherited: true });
  }
  if (!l || (xiangText && !k)) {
    const p = parts[0];
    const what = !l ? '类' : '款';
    const whatEn = !l ? '类 (class)' : '款 (section)';
    reading.problem = {
      kind: 'level',
      part: p,
      expected: `${what}编码`,
      message: {
        zh: `编码“${parts.map((x) => x.text).join(' ')}”缺少${what}：分栏编码的下级行必须在同一${what}之下。`,
        en: `Code "${parts.map((x) => x.text).join(' ')}" has no ${whatEn}: a lower-level row of a split code must sit under its parent.`,
      },
    };
    return reading;
  }
  const code = l + k + xiangText;
  if (!wellFormedJoined(code, g.family)) {
    reading.problem = formatProblem({ ...parts[0], kind: 'joined', text: code }, g.family);
    return reading;
  }
  setCode(reading, code);
  if (leiText) {
    st.lei = leiText;
    st.kuan = '';
  }
  if (kuanText) st.kuan = kuanText;
  return reading;
}

/** The cells of a reading that are printed in this row (inherited parts are not), then the name cell. */
export function codeCells(r: CodeReading, withName = false): CellRef[] {
  const sheet = r.sheet.name;
  if (r.parts.length === 1 && !r.parts[0].inherited) {
    // one printed part (most codes): lists made to size, a finding keeps them to the end of the review
    const col = r.parts[0].col;
    const code = { sheet, cell: toA1(r.row.row, col) };
    return withName && r.nameCol !== undefined && r.nameCol !== col
      ? [code, { sheet, cell: toA1(r.row.row, r.nameCol) }]
      : [code];
  }
  const cells: CellRef[] = [];
  let nameShown = false;
  for (let i = 0; i < r.parts.length; i++) {
    const p = r.parts[i];
    if (p.col === r.nameCol) nameShown = true;
    if (!p.inherited) cells.push({ sheet, cell: toA1(r.row.row, p.col) });
  }
  if (withName && r.nameCol !== undefined && !nameShown)
    cells.push({ sheet, cell: toA1(r.row.row, r.nameCol) });
  return cells;
}

/** How a code is shown in messages: '2040201' (joined) or '204 02 01' as printed in split columns. */
export function codeLabel(r: CodeReading): string {
  return r.code ?? r.parts.map((p) => p.text).join(' ');
}

/**
 * Readings whose code an earlier row of the same block of the same table already printed: [the repeated reading, the
 * first one]. Two 30208 rows with different names are one code printed twice. A block ends at a 合计 row or a
 * 预算单位 row (tables printing one block per unit or per fund repeat their codes); where a 政府经济分类 code is printed
 * beside the 部门 code, the pair is compared (the 政府 codes alone repeat by nature).
 */
export function duplicateCodes(readings: CodeReading[]): [CodeReading, CodeReading][] {
  const out: [CodeReading, CodeReading][] = [];
  // per table (sheet + top row, as one key: two recognised tables there are one table here), then per block and code
  const tableKeys = new Map<BudgetTable, string>();
  const tableKey = (t: BudgetTable): string => {
    let k = tableKeys.get(t);
    if (k === undefined) {
      k = `${t.sheet}|${t.range.top}`;
      tableKeys.set(t, k);
    }
    return k;
  };
  const blocks = new Map<BudgetTable, number[]>();
  const blocksOf = (t: BudgetTable): number[] => {
    let b = blocks.get(t);
    if (!b) {
      let n = 0;
      b = t.rows.map((row) => (row.level === 'total' || row.role === 'unit' ? ++n : n));
      blocks.set(t, b);
    }
    return b;
  };
  // a 部门 code printed beside a 政府 code: the pair is the row's code (301 with 501 机关 and again with 505 事业单位)
  const beside = new Map<string, Map<number, string>>();
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    if (r.group === 1 && r.code) {
      const k = tableKey(r.table);
      let m = beside.get(k);
      if (!m) beside.set(k, (m = new Map()));
      m.set(r.rowIndex, r.code);
    }
  }
  // per table and block, the first reading of each code (with its 政府 code after a '|', codes having none);
  // readings come table by table, row by row: the current table's and block's maps are kept at hand
  const seen = new Map<string, Map<number, Map<string, CodeReading>>>();
  let table: BudgetTable | undefined;
  let inTable = new Map<number, Map<string, CodeReading>>();
  let tableBlocks: number[] = [];
  let govCodes: Map<number, string> | undefined;
  let blockNo = -1;
  let inBlock = new Map<string, CodeReading>();
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    if (!r.code || r.group !== 0) continue;
    if (r.table !== table) {
      table = r.table;
      const t = tableKey(table);
      let m = seen.get(t);
      if (!m) seen.set(t, (m = new Map()));
      inTable = m;
      tableBlocks = blocksOf(table);
      govCodes = beside.get(t);
      blockNo = -1;
    }
    const block = tableBlocks[r.rowIndex] ?? 0;
    if (block !== blockNo) {
      blockNo = block;
      let m = inTable.get(block);
      if (!m) inTable.set(block, (m = new Map()));
      inBlock = m;
    }
    const gov = govCodes?.get(r.rowIndex);
    const key = gov ? `${r.code}|${gov}` : r.code;
    const first = inBlock.get(key);
    if (first) out.push([r, first]);
    else inBlock.set(key, r);
  }
  return out;
}
