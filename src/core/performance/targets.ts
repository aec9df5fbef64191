/**
 * 项目支出绩效目标表 recognition (DOMAIN.md §4): stacked forms (one or many per sheet: 济源, 烟台, 西安,
 * 福州) and list layouts (one row per indicator, project cells repeated after page breaks: 长沙, 重庆 表12).
 */
import { formatDecimals, valueDecimals } from '../model/numbers';
import { Sheet, getCell } from '../model/workbook';
import { GridRole, isFormLabel, LABELS, roleOf } from './headers';
import { compact, SheetReader, statedPoints, stripPoints } from './sheet';
import { isNotApplicableName } from './target';
import { CellPos, EmptyCategory, Indicator, TargetForm } from './types';

interface GridHeader {
  row: number;
  cols: Partial<Record<GridRole, number>>;
  /** Header texts by column (for stated points). */
  texts: Map<number, string>;
}

/** Header rows of indicator grids: a 三级/指标名称 column and a 指标值 column, and no 实际完成值 column. */
export function findGridHeaders(r: SheetReader, selfEvaluation = false): GridHeader[] {
  const out: GridHeader[] = [];
  for (let row = 0; row < r.rows; row++) {
    const cells = r.rowCells(row);
    // most rows have no role at all: their columns and texts are never collected
    let cols: Partial<Record<GridRole, number>> | undefined;
    for (let i = 0; i < cells.length; i++) {
      const { col, role } = cells[i];
      if (role && (cols ??= {})[role] === undefined) cols[role] = col;
    }
    if (cols?.level3 === undefined) continue;
    if (selfEvaluation ? cols.actual === undefined : cols.actual !== undefined) continue;
    if (cols.target === undefined) continue;
    const texts = new Map<number, string>();
    for (let i = 0; i < cells.length; i++) texts.set(cells[i].col, cells[i].key);
    out.push({ row, cols, texts });
  }
  return out;
}

/**
 * Points a weight header states: '分值权重（90分）', and also without the 分 where the header itself says it holds
 * points ('分值（90）', '执行率分值（10）', '权重(90)').
 */
function headerPoints(text: string): number | undefined {
  const stated = statedPoints(text);
  if (stated !== undefined) return stated;
  if (!/分值|权重/.test(text)) return undefined;
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*[)）]/.exec(text);
  const n = m ? Number(m[1]) : NaN;
  return n > 0 && n <= 100 ? n : undefined;
}

function decimalsOf(sheet: Sheet, pos: CellPos | undefined, value: number | undefined): number {
  if (!pos || value === undefined) return 0;
  const c = getCell(sheet, pos.row, pos.col);
  return formatDecimals(c?.numFmt) ?? valueDecimals(value);
}

/** The unit line that governs a row: the nearest one above it (or in the head), default 万元. */
function unitAbove(r: SheetReader, fromRow: number, toRow: number): '元' | '万元' | undefined {
  return r.unitAbove(fromRow, toRow);
}

/** Target text of a list-layout row: operator column + value + unit column ('≥' '95' '%' → '≥95%'). */
function composeTarget(op: string, value: string, unit: string): string {
  const o = compact(op);
  const v = value.trim();
  if (v === '') return '';
  const u = compact(unit);
  const isOp = /^(≥|≤|>|<|=|＝|＞|＜|≈|>=|<=)$/.test(o);
  if (!isOp) return u && /^[\d.,]+$/.test(v) ? `${v}${u}` : v;
  return `${o}${v}${/^[\d.,]+$/.test(v) ? u : ''}`;
}

function readGridRows(
  r: SheetReader,
  h: GridHeader,
  first: number,
  last: number,
  acceptRow: (row: number) => boolean,
): {
  indicators: Indicator[];
  emptyCategories: EmptyCategory[];
  lastRow: number;
  level1Points: NonNullable<TargetForm['level1Points']>;
} {
  const { cols } = h;
  const indicators: Indicator[] = [];
  const level1Points: NonNullable<TargetForm['level1Points']> = [];
  const emptyCategories: EmptyCategory[] = [];
  let l1 = '';
  let l1Cell: CellPos | undefined;
  let l2 = '';
  let l2Cell: CellPos | undefined;
  let lastRow = h.row;
  for (let row = first; row <= last; row++) {
    if (!acceptRow(row)) break;
    const t1 = cols.level1 !== undefined ? r.text(row, cols.level1).trim() : '';
    const t2 = cols.level2 !== undefined ? r.text(row, cols.level2).trim() : '';
    const name = r.text(row, cols.level3 as number).trim();
    // a header row repeated after a page break
    if (roleOf(name) === 'level3') continue;
    if (t1 !== '') {
      const points = statedPoints(t1);
      const c1 = r.anchor(row, cols.level1 as number);
      if (points !== undefined && !level1Points.some((p) => p.cell.row === c1.row && p.cell.col === c1.col))
        level1Points.push({ level1: stripPoints(t1), points, cell: c1 });
      if (stripPoints(t1) !== l1) {
        l2 = '';
        l2Cell = undefined;
      }
      l1 = stripPoints(t1);
      l1Cell = r.anchor(row, cols.level1 as number);
    }
    if (t2 !== '') {
      l2 = t2;
      l2Cell = r.anchor(row, cols.level2 as number);
    }
    let target = '';
    let targetCell: CellPos | undefined;
    if (cols.target !== undefined) {
      targetCell = r.anchor(row, cols.target);
      const v = r.text(row, cols.target);
      target =
        cols.operator !== undefined || cols.unit !== undefined
          ? composeTarget(
              cols.operator !== undefined ? r.text(row, cols.operator) : '',
              v,
              cols.unit !== undefined ? r.text(row, cols.unit) : '',
            )
          : v.trim();
    }
    lastRow = row;
    if (name === '' && target === '') {
      const own = cols.level2 !== undefined ? r.ownText(row, cols.level2).trim() : '';
      if (own !== '' && l2Cell && l2Cell.row === row) {
        emptyCategories.push({ row, level1: l1, level2: l2, cell: l2Cell });
      }
      continue;
    }
    const weight = cols.weight !== undefined ? r.number(row, cols.weight) : undefined;
    indicators.push({
      row,
      level1: l1,
      level1Cell: l1Cell,
      level2: l2,
      level2Cell: l2Cell,
      name,
      nameCell: r.anchor(row, cols.level3 as number),
      target,
      targetCell,
      weight,
      weightCell: cols.weight !== undefined ? r.anchor(row, cols.weight) : undefined,
      notApplicable: isNotApplicableName(name) || undefined,
    });
  }
  // a merged 二级 cell whose only row carries an indicator is not empty; drop duplicates of real ones
  const withIndicators = new Set(indicators.map((i) => `${i.level1}|${i.level2}`));
  return {
    indicators,
    emptyCategories: emptyCategories.filter((e) => !withIndicators.has(`${e.level1}|${e.level2}`)),
    lastRow,
    level1Points,
  };
}

const STOP_ROW = /^(备注|注[:：]|项目名称|单位[:：]|填报|审核)/;

function isStopRow(r: SheetReader, row: number, h: GridHeader): boolean {
  if (r.rowIsBlank(row)) return true;
  const cells = r.rowCells(row);
  // a cell's key is its text compacted
  const first = cells[0]?.key ?? '';
  if (STOP_ROW.test(first)) return true;
  if (/绩效目标表/.test(first) && cells.length === 1) return true;
  // a new form's amounts block
  const before = (h.cols.level3 ?? 0) + 1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.col < before && (LABELS.total.test(c.key) || LABELS.projectName.test(c.key))) return true;
  }
  return false;
}

/** Every label a form head is read for below has one of these characters: other cells need no test. */
const HEAD_WORD = /[目项分额预总拨资结]/;
const AMOUNT_KEYS = ['total', 'projectTotal', 'fiscal', 'carry', 'other'] as const;

/** The last column any cell (or merge) of rows top…bottom reaches. */
function rightEdge(r: SheetReader, top: number, bottom: number): number {
  let right = 0;
  for (let row = top; row <= bottom; row++) {
    const cells = r.rowCells(row);
    for (let i = 0; i < cells.length; i++) right = Math.max(right, r.mergeRight(row, cells[i].col));
  }
  return right;
}

function stackedForm(
  sheet: Sheet,
  r: SheetReader,
  h: GridHeader,
  headTop: number,
  nextHeader: number,
): TargetForm | null {
  let projectName = '';
  let projectNameCell: CellPos | undefined;
  const amounts: {
    key: 'total' | 'projectTotal' | 'fiscal' | 'carry' | 'other';
    value?: number;
    pos?: CellPos;
  }[] = [];
  let goal: string | undefined;
  let executionPoints: number | undefined;
  let top = h.row;
  for (let row = headTop; row < h.row; row++) {
    const cells = r.rowCells(row);
    for (let i = 0; i < cells.length; i++) {
      const { col, key: t } = cells[i];
      if (!HEAD_WORD.test(t)) continue;
      if (/绩效目标表/.test(t) || LABELS.projectName.test(t)) top = Math.min(top, row);
      if (LABELS.projectName.test(t)) {
        const v = r.valueRightOf(row, col, isFormLabel);
        projectName = v?.text.trim() ?? '';
        projectNameCell = v?.pos ?? r.slotRightOf(row, col);
        continue;
      }
      if (/执行率分值/.test(t)) executionPoints = headerPoints(t);
      for (let k = 0; k < AMOUNT_KEYS.length; k++) {
        const key = AMOUNT_KEYS[k];
        if (!LABELS[key].test(t) || (key !== 'carry' && /上年/.test(t))) continue;
        const v = r.valueRightOf(row, col, isFormLabel);
        amounts.push({
          key,
          value: v ? r.number(v.pos.row, v.pos.col) : undefined,
          pos: v?.pos ?? r.slotRightOf(row, col),
        });
      }
      if (LABELS.goal.test(t)) goal = r.valueRightOf(row, col)?.text;
    }
  }
  if (top === h.row) top = headTop;
  const grid = readGridRows(r, h, h.row + 1, nextHeader - 1, (row) => !isStopRow(r, row, h));
  if (!projectName && grid.indicators.length === 0) return null;
  const pick = (key: string) => amounts.find((a) => a.key === key);
  const total = pick('total');
  const unit = unitAbove(r, headTop, h.row) ?? unitAbove(r, 0, headTop) ?? '万元';
  const right = rightEdge(r, top, grid.lastRow);
  const weightText = h.cols.weight !== undefined ? h.texts.get(h.cols.weight) : undefined;
  const points = weightText ? headerPoints(weightText) : undefined;
  return {
    sheet: sheet.name,
    range: { top, left: 0, bottom: grid.lastRow, right },
    layout: 'stacked',
    projectName,
    projectNameCell,
    unit,
    total: total?.value,
    totalCell: total?.pos,
    projectTotal: pick('projectTotal')?.value,
    projectTotalCell: pick('projectTotal')?.pos,
    fiscal: pick('fiscal')?.value,
    fiscalCell: pick('fiscal')?.pos,
    other: pick('other')?.value,
    otherCell: pick('other')?.pos,
    carry: pick('carry')?.value,
    carryCell: pick('carry')?.pos,
    decimals: Math.max(...amounts.map((a) => decimalsOf(sheet, a.pos, a.value)), 0),
    goal,
    hasLevel2: h.cols.level2 !== undefined,
    headerRow: h.row,
    indicators: grid.indicators,
    emptyCategories: grid.emptyCategories,
    weightsStated:
      points !== undefined && h.cols.weight !== undefined
        ? { points, cell: { row: h.row, col: h.cols.weight } }
        : undefined,
    executionPoints,
    level1Points: grid.level1Points.length ? grid.level1Points : undefined,
  };
}

/** Column roles of a list layout, read from the header band (the grid header and up to two rows above). */
function listColumns(r: SheetReader, h: GridHeader): Partial<Record<GridRole, number>> | null {
  const cols: Partial<Record<GridRole, number>> = { ...h.cols };
  for (let row = Math.max(0, h.row - 2); row <= h.row; row++) {
    for (const { col, role } of r.rowCells(row)) {
      if (role === 'project') {
        // a column header, not a label: the cell to its right is another header, not the project's name
        const right = r.valueRightOf(row, col);
        if (right && roleOf(right.text) === undefined) continue;
      }
      if ((role === 'project' || role === 'amount' || role === 'goal') && cols[role] === undefined)
        cols[role] = col;
    }
  }
  if (cols.project === undefined || cols.project >= (cols.level3 as number)) return null;
  return cols;
}

function listForms(
  sheet: Sheet,
  r: SheetReader,
  h: GridHeader,
  cols: Partial<Record<GridRole, number>>,
  end: number,
): TargetForm[] {
  const forms: TargetForm[] = [];
  const unit = unitAbove(r, Math.max(0, h.row - 4), h.row) ?? '万元';
  const projectCol = cols.project as number;
  type Group = { name: string; nameCell: CellPos; first: number; last: number; rows: number[] };
  const groups: Group[] = [];
  let current: Group | undefined;
  for (let row = h.row + 1; row < end; row++) {
    const name = r.text(row, cols.level3 as number).trim();
    const project = r.text(row, projectCol).trim();
    if (
      /^(合计|总计)/.test(compact(project)) ||
      /^(注|备注)[:：]/.test(compact(r.rowCells(row)[0]?.text ?? ''))
    ) {
      current = undefined;
      continue;
    }
    if (name === '' || roleOf(name) === 'level3') continue;
    const projectName = project || current?.name || '';
    if (!current || current.name !== projectName) {
      current = { name: projectName, nameCell: r.anchor(row, projectCol), first: row, last: row, rows: [] };
      groups.push(current);
    }
    current.last = row;
    current.rows.push(row);
  }
  for (const g of groups) {
    const rows = new Set(g.rows);
    const grid = readGridRows(r, { ...h, cols }, g.first, g.last, () => true);
    grid.indicators = grid.indicators.filter((i) => rows.has(i.row));
    const amountPos = cols.amount !== undefined ? r.anchor(g.first, cols.amount) : undefined;
    const total = cols.amount !== undefined ? r.number(g.first, cols.amount) : undefined;
    const right = rightEdge(r, g.first, g.last);
    const weightText = cols.weight !== undefined ? h.texts.get(cols.weight) : undefined;
    const points = weightText ? headerPoints(weightText) : undefined;
    forms.push({
      sheet: sheet.name,
      range: { top: g.first, left: 0, bottom: g.last, right },
      layout: 'list',
      projectName: g.name,
      projectNameCell: g.nameCell,
      unit,
      total,
      totalCell: amountPos,
      decimals: decimalsOf(sheet, amountPos, total),
      goal: cols.goal !== undefined ? r.text(g.first, cols.goal).trim() || undefined : undefined,
      hasLevel2: cols.level2 !== undefined,
      headerRow: h.row,
      indicators: grid.indicators,
      emptyCategories: grid.emptyCategories.filter((e) => rows.has(e.row) || e.row <= g.last),
      weightsStated:
        points !== undefined && cols.weight !== undefined
          ? { points, cell: { row: h.row, col: cols.weight } }
          : undefined,
    });
  }
  return forms;
}

/** Every 绩效目标表 form on a sheet. Forms without a single indicator are returned too (empty as published). */
export function recognizeTargetForms(sheet: Sheet, r = new SheetReader(sheet)): TargetForm[] {
  // a grid header repeated after a page break (no form head in between) continues the form above
  const headers = findGridHeaders(r).filter((h, i, all) => {
    if (i === 0) return true;
    for (let row = all[i - 1].row + 1; row < h.row; row++) if (isStopRow(r, row, all[i - 1])) return true;
    return false;
  });
  const forms: TargetForm[] = [];
  let headTop = 0;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const next = i + 1 < headers.length ? headers[i + 1].row : r.rows;
    const cols = listColumns(r, h);
    if (cols) {
      forms.push(...listForms(sheet, r, h, cols, next));
      headTop = next;
      continue;
    }
    // the head of the next form starts right after this grid ends
    const form = stackedForm(sheet, r, h, headTop, next);
    if (form) {
      forms.push(form);
      headTop = form.range.bottom + 1;
    } else headTop = h.row + 1;
  }
  return forms;
}
