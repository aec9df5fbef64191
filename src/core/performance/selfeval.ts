/**
 * 项目支出绩效自评表 recognition (DOMAIN.md §5): the national template (财预〔2020〕10号 附件: 项目资金 block
 * with 年初预算数/全年预算数/全年执行数/分值/执行率/得分, indicator grid with 年度指标值/实际完成值/分值/得分/
 * 偏差原因, 总分, 自评等级) and the provincial layout of seed 002 (预算资金/实际支出资金 block, target/actual
 * block, 评分表 with 投入/过程/产出/效果 sub-totals and 指标分值/评价得分).
 */
import { cellNumber, parseNumber } from '../model/numbers';
import { getCell, Sheet } from '../model/workbook';
import { GridRole, isFormLabel, LABELS, roleOf } from './headers';
import { compact, SheetReader, statedPoints, stripPoints } from './sheet';
import { isNotApplicableName } from './target';
import { findGridHeaders } from './targets';
import { CellPos, EvaluatedIndicator, ScoreItem, ScoreSection, SelfEvaluationForm } from './types';

const TOTAL_LABEL = /^(总分|合计|总计|综合得分|自评总分|得分合计)[:：]?$/;
const GRADE_LABEL =
  /^(自评等级|自评等次|等次|评价等级|评价等次|绩效等级|评价结果等次|评价结果|自评结果)[:：]?$/;
const STOP = /^(评价人员|负责人|填报人|经办人|单位负责人|项目绩效情况|其他需说明|备注|注[:：])/;

interface FundColumns {
  row: number;
  budget?: number; // 全年预算数
  spent?: number; // 全年执行数
  weight?: number; // 分值
  rate?: number; // 执行率
  score?: number; // 得分
}

function findFundHeader(r: SheetReader, from: number, to: number): FundColumns | undefined {
  for (let row = from; row < to; row++) {
    const f: FundColumns = { row };
    for (const { col, text } of r.rowCells(row)) {
      const t = compact(text);
      if (/^(全年预算数|调整后预算数|全年预算|预算数)$/.test(t)) f.budget = col;
      else if (/^(全年执行数|预算执行数|执行数|实际执行数|全年实际支出)$/.test(t)) f.spent = col;
      else if (/^(分值|权重)$/.test(t)) f.weight = col;
      else if (/^(预算)?执行率$/.test(t)) f.rate = col;
      else if (/^得分$/.test(t)) f.score = col;
    }
    if (f.budget !== undefined && f.spent !== undefined && (f.rate !== undefined || f.score !== undefined))
      return f;
  }
  return undefined;
}

/** A rate as written: 0.5529 (a number, usually formatted as %), '55.29%', '55.29'. Returns a fraction. */
export function readRate(r: SheetReader, pos: CellPos): { value?: number; text: string } {
  const cell = getCell(r.sheet, pos.row, pos.col);
  const text = r.text(pos.row, pos.col).trim();
  if (!cell || text === '') return { text };
  if (typeof cell.value === 'number') {
    const pct = !!cell.numFmt && cell.numFmt.includes('%');
    return { value: pct || cell.value <= 1.5 ? cell.value : cell.value / 100, text };
  }
  const n = parseNumber(text);
  if (!n) return { text };
  return { value: n.percent ? n.value : n.value > 1.5 ? n.value / 100 : n.value, text };
}

function scoreAt(r: SheetReader, pos: CellPos): { value?: number; text: string } {
  const text = r.text(pos.row, pos.col).trim();
  const cell = getCell(r.sheet, pos.row, pos.col);
  if (cell?.formula && cell.noCachedValue) return { text };
  const n = cellNumber(cell);
  return { value: n && !n.percent ? n.value : undefined, text };
}

function findProjectName(r: SheetReader, from: number, to: number): { name: string; cell?: CellPos } {
  for (let row = from; row < to; row++) {
    for (const { col, text } of r.rowCells(row)) {
      if (!LABELS.projectName.test(compact(text))) continue;
      const v = r.valueRightOf(row, col, isFormLabel);
      return { name: v?.text.trim() ?? '', cell: v?.pos ?? r.slotRightOf(row, col) };
    }
  }
  return { name: '' };
}

function findGrade(
  r: SheetReader,
  from: number,
  to: number,
): { grade?: string; cell?: CellPos; row?: number } {
  for (let row = from; row <= to && row < r.rows; row++) {
    for (const { col, text } of r.rowCells(row)) {
      if (!GRADE_LABEL.test(compact(text))) continue;
      const v = r.valueRightOf(row, col);
      if (v && !GRADE_LABEL.test(compact(v.text))) return { grade: v.text.trim(), cell: v.pos, row };
      return { cell: r.slotRightOf(row, col), row };
    }
  }
  return {};
}

function lastRowWithText(r: SheetReader, from: number, to: number): number {
  let last = from;
  for (let row = from; row <= to && row < r.rows; row++) if (!r.rowIsBlank(row)) last = row;
  return last;
}

function rightEdge(r: SheetReader, top: number, bottom: number): number {
  let right = 0;
  for (let row = top; row <= bottom; row++)
    for (const c of r.rowCells(row)) right = Math.max(right, r.mergeRight(row, c.col));
  return right;
}

function isCost(level1: string, level2: string): boolean {
  return /成本/.test(level2) || /^成本/.test(level1);
}

function readEvaluatedRows(
  r: SheetReader,
  cols: Partial<Record<GridRole, number>>,
  first: number,
): { indicators: EvaluatedIndicator[]; endRow: number; level1Points: SelfEvaluationForm['level1Points'] } {
  const indicators: EvaluatedIndicator[] = [];
  const level1Points: SelfEvaluationForm['level1Points'] = [];
  let l1 = '';
  let l1Cell: CellPos | undefined;
  let l2 = '';
  let l2Cell: CellPos | undefined;
  let row = first;
  for (; row < r.rows; row++) {
    const cells = r.rowCells(row);
    if (cells.length === 0) break;
    const head = compact(cells[0].text);
    if (TOTAL_LABEL.test(head) || GRADE_LABEL.test(head) || STOP.test(head)) break;
    if (cells.some((c) => TOTAL_LABEL.test(compact(c.text)) && c.col < (cols.target ?? 0))) break;
    const t1 = cols.level1 !== undefined ? r.text(row, cols.level1).trim() : '';
    const t2 = cols.level2 !== undefined ? r.text(row, cols.level2).trim() : '';
    const name = r.text(row, cols.level3 as number).trim();
    if (roleOf(name) === 'level3') continue;
    if (t1 !== '') {
      const p = statedPoints(t1);
      const c1 = r.anchor(row, cols.level1 as number);
      if (p !== undefined && !level1Points.some((x) => x.cell.row === c1.row && x.cell.col === c1.col))
        level1Points.push({ level1: stripPoints(t1), points: p, cell: c1 });
      if (stripPoints(t1) !== l1) {
        l2 = '';
        l2Cell = undefined;
      }
      l1 = stripPoints(t1);
      l1Cell = c1;
    }
    if (t2 !== '') {
      l2 = t2;
      l2Cell = r.anchor(row, cols.level2 as number);
    }
    const target = cols.target !== undefined ? r.text(row, cols.target).trim() : '';
    const actual = cols.actual !== undefined ? r.text(row, cols.actual).trim() : '';
    if (name === '' && target === '' && actual === '') continue;
    const scoreCell = cols.score !== undefined ? r.anchor(row, cols.score) : undefined;
    const s = scoreCell ? scoreAt(r, scoreCell) : undefined;
    const reasonCell = cols.reason !== undefined ? r.anchor(row, cols.reason) : undefined;
    indicators.push({
      row,
      level1: l1,
      level1Cell: l1Cell,
      level2: l2,
      level2Cell: l2Cell,
      name,
      nameCell: r.anchor(row, cols.level3 as number),
      target,
      targetCell: cols.target !== undefined ? r.anchor(row, cols.target) : undefined,
      weight: cols.weight !== undefined ? r.number(row, cols.weight) : undefined,
      weightCell: cols.weight !== undefined ? r.anchor(row, cols.weight) : undefined,
      notApplicable: isNotApplicableName(name) || undefined,
      actual,
      actualCell: cols.actual !== undefined ? r.anchor(row, cols.actual) : undefined,
      score: s?.value,
      scoreText: s?.text || undefined,
      scoreCell,
      reason: reasonCell ? r.text(reasonCell.row, reasonCell.col).trim() || undefined : undefined,
      reasonCell,
      cost: isCost(l1, l2),
    });
  }
  return { indicators, endRow: row, level1Points };
}

function nationalForm(
  sheet: Sheet,
  r: SheetReader,
  h: { row: number; cols: Partial<Record<GridRole, number>> },
  headTop: number,
): SelfEvaluationForm {
  const fund = findFundHeader(r, headTop, h.row);
  const project = findProjectName(r, headTop, h.row);
  const form: SelfEvaluationForm = {
    sheet: sheet.name,
    range: { top: headTop, left: 0, bottom: h.row, right: 0 },
    projectName: project.name,
    projectNameCell: project.cell,
    layout: 'national',
    indicators: [],
    sections: [],
    level1Points: [],
  };
  for (let row = headTop; row < h.row; row++) {
    if (r.rowCells(row).some((c) => /自评表|评价表/.test(c.text))) {
      form.range.top = row;
      break;
    }
  }
  if (fund) {
    // the 年度资金总额 row: the first row under the header with an amount
    let dataRow = fund.row + 1;
    for (let row = fund.row + 1; row < h.row; row++) {
      if (r.rowCells(row).some((c) => /资金总额|总额|合计/.test(compact(c.text)))) {
        dataRow = row;
        break;
      }
    }
    const at = (col: number | undefined) => (col === undefined ? undefined : r.anchor(dataRow, col));
    form.budgetCell = at(fund.budget);
    form.budget = fund.budget !== undefined ? r.number(dataRow, fund.budget) : undefined;
    const spentCell = at(fund.spent);
    form.spentCells = spentCell ? [spentCell] : undefined;
    form.spent = fund.spent !== undefined ? r.number(dataRow, fund.spent) : undefined;
    form.executionWeightCell = at(fund.weight);
    form.executionWeight = fund.weight !== undefined ? r.number(dataRow, fund.weight) : undefined;
    form.executionRateCell = at(fund.rate);
    if (form.executionRateCell) {
      const rate = readRate(r, form.executionRateCell);
      form.executionRate = rate.value;
      form.executionRateText = rate.text || undefined;
    }
    form.executionScoreCell = at(fund.score);
    if (form.executionScoreCell) {
      const s = scoreAt(r, form.executionScoreCell);
      form.executionScore = s.value;
      form.executionScoreText = s.text || undefined;
    }
  }
  const grid = readEvaluatedRows(r, h.cols, h.row + 1);
  form.indicators = grid.indicators;
  form.level1Points = grid.level1Points;
  let bottom = grid.endRow - 1;
  // 总分 row
  for (let row = grid.endRow; row < Math.min(r.rows, grid.endRow + 3); row++) {
    const label = r.rowCells(row).find((c) => TOTAL_LABEL.test(compact(c.text)));
    if (!label) continue;
    bottom = row;
    if (h.cols.weight !== undefined) {
      form.totalWeightCell = r.anchor(row, h.cols.weight);
      form.totalWeight = r.number(row, h.cols.weight);
    }
    if (h.cols.score !== undefined) {
      form.totalCell = r.anchor(row, h.cols.score);
      const s = scoreAt(r, form.totalCell);
      form.total = s.value;
      form.totalText = s.text || undefined;
    }
    break;
  }
  const grade = findGrade(r, grid.endRow, bottom + 4);
  if (grade.row !== undefined) {
    form.grade = grade.grade;
    form.gradeCell = grade.cell;
    bottom = Math.max(bottom, grade.row);
  }
  form.range.bottom = bottom;
  form.range.right = rightEdge(r, form.range.top, bottom);
  return form;
}

interface ScoreTableHeader {
  row: number;
  level2?: number;
  level3?: number;
  weight: number;
  score: number;
}

function findScoreTables(r: SheetReader): ScoreTableHeader[] {
  const out: ScoreTableHeader[] = [];
  for (let row = 0; row < r.rows; row++) {
    let weight: number | undefined;
    let score: number | undefined;
    let level2: number | undefined;
    let level3: number | undefined;
    let actual = false;
    for (const { col, key: t, role } of r.rowCells(row)) {
      if (/^指标分值$|^分值$/.test(t)) weight = col;
      else if (/^(评价|自评)?得分$/.test(t)) score = col;
      else if (role === 'level2') level2 = col;
      else if (role === 'level3') level3 = col;
      else if (role === 'actual') actual = true;
    }
    if (
      weight !== undefined &&
      score !== undefined &&
      !actual &&
      (level2 !== undefined || level3 !== undefined)
    )
      out.push({ row, level2, level3, weight, score });
  }
  return out;
}

function provincialFunds(r: SheetReader, from: number, to: number, form: SelfEvaluationForm): void {
  const lastNumber = (row: number, fromCol: number): CellPos | undefined => {
    for (let c = r.cols - 1; c > fromCol; c--) {
      const pos = r.anchor(row, c);
      if (pos.row !== row) continue;
      if (r.number(row, c) !== undefined) return pos;
    }
    return undefined;
  };
  for (let row = from; row < to; row++) {
    for (const { col, text } of r.rowCells(row)) {
      const t = compact(text);
      if (form.budget === undefined && /^(预算下达资金|全年预算数|调整后预算数|预算资金合计)$/.test(t)) {
        const pos = lastNumber(row, r.mergeRight(row, col));
        if (pos) {
          form.budget = r.number(pos.row, pos.col);
          form.budgetCell = pos;
        }
      }
      if (form.spentCells === undefined && /^(实际支出资金|实际支出|实际支出数|全年执行数)$/.test(t)) {
        const bottom = r.mergeBottom(row, col);
        const cells: CellPos[] = [];
        let sum = 0;
        for (let rr = row; rr <= bottom; rr++) {
          const pos = lastNumber(rr, r.mergeRight(row, col));
          if (!pos) continue;
          cells.push(pos);
          sum += Math.round((r.number(pos.row, pos.col) ?? 0) * 100);
        }
        if (cells.length) {
          form.spentCells = cells;
          form.spent = sum / 100;
        }
      }
    }
  }
}

function provincialForm(
  sheet: Sheet,
  r: SheetReader,
  st: ScoreTableHeader,
  headTop: number,
): SelfEvaluationForm {
  const project = findProjectName(r, headTop, st.row);
  const form: SelfEvaluationForm = {
    sheet: sheet.name,
    range: { top: headTop, left: 0, bottom: st.row, right: 0 },
    projectName: project.name,
    projectNameCell: project.cell,
    layout: 'provincial',
    indicators: [],
    sections: [],
    level1Points: [],
  };
  for (let row = headTop; row < st.row; row++) {
    if (r.rowCells(row).some((c) => /自评表|评价表/.test(c.text))) {
      form.range.top = row;
      break;
    }
  }
  provincialFunds(r, headTop, st.row, form);
  // the target/actual block above the 评分表
  const grid = findGridHeaders(r, true).filter(
    (g) => g.row > headTop && g.row < st.row && g.cols.score === undefined,
  );
  if (grid.length) {
    const cols = { ...grid[0].cols };
    // the 一级 column often has no header of its own (seed 002): take it from the column left of 二级
    if (cols.level1 === undefined && cols.level2 !== undefined && cols.level2 > 0) {
      if (/(指标|目标)$/.test(compact(r.text(grid[0].row + 1, cols.level2 - 1))))
        cols.level1 = cols.level2 - 1;
    }
    form.indicators = readEvaluatedRows(r, cols, grid[0].row + 1).indicators;
  }
  // the 评分表
  const nameCol = st.level3 ?? (st.level2 as number);
  let section: ScoreSection | undefined;
  let bottom = st.row;
  for (let row = st.row + 1; row < r.rows; row++) {
    const cells = r.rowCells(row).filter((c) => c.col < st.weight);
    if (r.rowIsBlank(row)) {
      // a blank row inside a table split over pages: look one row further
      if (row + 1 < r.rows && !r.rowIsBlank(row + 1)) continue;
      break;
    }
    const labels = cells.map((c) => compact(c.text));
    if (labels.some((t) => STOP.test(t))) break;
    const ownLabel = cells
      .filter((c) => c.col > 0 || r.anchor(row, c.col).row === row)
      .map((c) => ({ ...c, t: compact(c.text) }));
    const weightPos = r.anchor(row, st.weight);
    const scorePos = r.anchor(row, st.score);
    const grade = ownLabel.find((c) => GRADE_LABEL.test(c.t));
    if (grade) {
      const v = r.valueRightOf(row, grade.col);
      form.grade = v && !GRADE_LABEL.test(compact(v.text)) ? v.text.trim() : undefined;
      form.gradeCell = v?.pos ?? r.slotRightOf(row, grade.col);
      bottom = row;
      break;
    }
    const total = ownLabel.find((c) => TOTAL_LABEL.test(c.t));
    if (total) {
      form.totalWeight = r.number(row, st.weight);
      form.totalWeightCell = weightPos;
      const s = scoreAt(r, scorePos);
      form.total = s.value;
      form.totalText = s.text || undefined;
      form.totalCell = scorePos;
      bottom = row;
      continue;
    }
    const sectionLabel = ownLabel.find(
      (c) => /^[^:：]{1,12}[:：]$/.test(c.t) && r.anchor(row, c.col).row === row,
    );
    if (sectionLabel) {
      const s = scoreAt(r, scorePos);
      section = {
        row,
        name: sectionLabel.t.replace(/[:：]$/, ''),
        labelCell: r.anchor(row, sectionLabel.col),
        weight: r.number(row, st.weight),
        weightCell: weightPos,
        score: s.value,
        scoreText: s.text || undefined,
        scoreCell: scorePos,
        items: [],
      };
      form.sections.push(section);
      bottom = row;
      continue;
    }
    const name = r.text(row, nameCol).trim();
    if (name === '') continue;
    const s = scoreAt(r, scorePos);
    const item: ScoreItem = {
      row,
      level2: st.level2 !== undefined && st.level2 !== nameCol ? r.text(row, st.level2).trim() : '',
      name,
      nameCell: r.anchor(row, nameCol),
      weight: r.number(row, st.weight),
      weightCell: weightPos,
      score: s.value,
      scoreText: s.text || undefined,
      scoreCell: scorePos,
      execution: /预算执行率|资金执行率/.test(compact(name)),
    };
    if (!section) {
      section = { row, name: '', labelCell: item.nameCell, items: [] };
      form.sections.push(section);
    }
    section.items.push(item);
    bottom = row;
  }
  const execution = form.sections.flatMap((s) => s.items).find((i) => i.execution);
  if (execution) {
    form.executionWeight = execution.weight;
    form.executionWeightCell = execution.weightCell;
    form.executionScore = execution.score;
    form.executionScoreText = execution.scoreText;
    form.executionScoreCell = execution.scoreCell;
  }
  form.range.bottom = lastRowWithText(r, st.row, bottom);
  form.range.right = rightEdge(r, form.range.top, form.range.bottom);
  return form;
}

/** Every self-evaluation form on a sheet. */
export function recognizeSelfEvaluations(sheet: Sheet, r = new SheetReader(sheet)): SelfEvaluationForm[] {
  const forms: SelfEvaluationForm[] = [];
  const scoreTables = findScoreTables(r);
  const grids = findGridHeaders(r, true).filter((g) => g.cols.score !== undefined);
  type Start = { row: number; kind: 'national' | 'provincial'; index: number };
  const starts: Start[] = [
    ...grids.map((g, index) => ({ row: g.row, kind: 'national' as const, index })),
    ...scoreTables.map((s, index) => ({ row: s.row, kind: 'provincial' as const, index })),
  ].sort((a, b) => a.row - b.row);
  let headTop = 0;
  for (const s of starts) {
    if (s.row < headTop) continue;
    const form =
      s.kind === 'national'
        ? nationalForm(sheet, r, grids[s.index], headTop)
        : provincialForm(sheet, r, scoreTables[s.index], headTop);
    forms.push(form);
    headTop = form.range.bottom + 1;
  }
  return forms;
}
