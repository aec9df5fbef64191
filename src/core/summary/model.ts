/**
 * The summary model (issue 5): what the 审核汇总 sheet says, gathered from the recognised tables,
 * performance forms and findings. Pure data; `summarySheet` renders it.
 */
import { CellRef, Finding, Level, Message } from '../model/findings';
import { toA1 } from '../model/address';
import { convertMoney, MoneyUnit, roundHalfUp } from '../model/numbers';
import { cellText } from '../model/workbook';
import { CatalogScheme } from '../catalog/types';
import type { ReviewResult } from '../context';
import { BudgetTable, BudgetTableKind, Measure, TableRow } from '../tables/types';
import { SelfEvaluationForm, TargetForm } from '../performance/types';

export interface SourcedAmount {
  key: 'income' | 'expense' | 'basic' | 'project' | 'threePublic';
  label: Message;
  value?: number;
  source?: CellRef;
}

export interface ClassRow {
  code: string;
  name: string;
  amount: number;
  share: number;
  source: CellRef;
}

export interface ProjectRow {
  name: string;
  kind: 'targets' | 'self-evaluation';
  source: CellRef;
  amount?: number;
  share?: number;
  /** Indicator count by 二级 (数量, 质量, 时效, 成本, 社会效益…). */
  indicatorsBy: Record<string, number>;
  indicatorCount: number;
  /** Indicator kinds DOMAIN.md §4 expects that the form lacks. */
  missing: string[];
  executionRate?: number;
  total?: number;
  grade?: string;
}

export interface SummaryModel {
  unitName?: string;
  year?: number;
  moneyUnit: MoneyUnit;
  totals: SourcedAmount[];
  functional: ClassRow[];
  economic: ClassRow[];
  projects: ProjectRow[];
  counts: Record<Level, number>;
  bySheet: { sheet: string; counts: Record<Level, number> }[];
  findings: Finding[];
}

const EXPECTED_KINDS = ['数量', '质量', '时效', '成本', '社会效益', '满意度'];

/** Who and what a workbook is about: unit, year, money unit and the headline totals (a batch needs no more). */
export type SummaryHeadline = Pick<SummaryModel, 'unitName' | 'year' | 'moneyUnit' | 'totals'>;

export function summaryHeadline(result: ReviewResult): SummaryHeadline {
  const { tables, workbook } = result.context;
  const moneyUnit = mainUnit(tables);
  const totals: SourcedAmount[] = [
    twoSidedGrand(tables, 'income', { zh: '收入总计', en: 'Total revenue' }),
    twoSidedGrand(tables, 'expense', { zh: '支出总计', en: 'Total expenditure' }),
    columnTotal(tables, 'basic', { zh: '基本支出', en: 'Basic expenditure' }),
    columnTotal(tables, 'project', { zh: '项目支出', en: 'Project expenditure' }),
    threePublicTotal(tables),
  ].map((s) => {
    const t = s.table;
    return {
      key: s.key,
      label: s.label,
      value: t && s.value !== undefined ? inUnit(s.value, t.unit, moneyUnit) : undefined,
      source: s.source,
    };
  });
  const titles = tables.map((t) => t.title);
  return {
    unitName: unitNameFrom(
      workbook.sheets.flatMap((s) => s.rows.slice(0, 4).flatMap((r) => r?.map(cellText) ?? [])),
      titles,
    ),
    year: mostCommon(tables.map((t) => t.year).filter((y): y is number => !!y)) ?? yearFromTitles(titles),
    moneyUnit,
    totals,
  };
}

export function buildSummaryModel(result: ReviewResult): SummaryModel {
  const { tables, targetForms, selfEvaluations, workbook } = result.context;
  const headline = summaryHeadline(result);
  const { moneyUnit, totals } = headline;

  const className = (scheme: CatalogScheme) => (code: string) =>
    result.context.catalog.lookup(scheme, code)?.name;
  const functional = classRows(
    tables,
    ['expenditure', 'general-budget', 'fiscal-grant-expenditure'],
    moneyUnit,
    className('functional'),
  );
  const economic = classRows(
    tables,
    ['economic-classification', 'general-budget-basic', 'fiscal-grant-basic'],
    moneyUnit,
    className('economic-dept'),
  );
  const projectTotal = totals.find((t) => t.key === 'project')?.value;
  const projects = [
    ...targetForms.map((f) => targetRow(f, moneyUnit, projectTotal)),
    ...selfEvaluations.map((f) => selfEvaluationRow(f)),
  ];

  const sheetOrder = workbook.sheets.map((s) => s.name);
  const bySheet = new Map<string, Record<Level, number>>();
  for (const f of result.findings) {
    const sheet = f.locations[0]?.sheet ?? '';
    const c = bySheet.get(sheet) ?? { error: 0, warning: 0, info: 0 };
    c[f.level]++;
    bySheet.set(sheet, c);
  }
  return {
    ...headline,
    functional,
    economic,
    projects,
    counts: result.counts,
    bySheet: [...bySheet.entries()]
      .sort((a, b) => sheetOrder.indexOf(a[0]) - sheetOrder.indexOf(b[0]))
      .map(([sheet, counts]) => ({ sheet, counts })),
    findings: result.findings,
  };
}

/** A converted amount without binary noise (10.71 万元 → 107100 元, not 107100.00000000001). */
function inUnit(value: number, from: MoneyUnit, to: MoneyUnit): number {
  return roundHalfUp(convertMoney(value, from, to), 6);
}

function mainUnit(tables: BudgetTable[]): MoneyUnit {
  return mostCommon(tables.filter((t) => !t.empty).map((t) => t.unit)) ?? '万元';
}

function mostCommon<T>(items: T[]): T | undefined {
  const n = new Map<T, number>();
  let best: T | undefined;
  for (const i of items) {
    n.set(i, (n.get(i) ?? 0) + 1);
    if (best === undefined || n.get(i)! > n.get(best)!) best = i;
  }
  return best;
}

interface Picked {
  key: SourcedAmount['key'];
  label: Message;
  table?: BudgetTable;
  value?: number;
  source?: CellRef;
}

function pick(
  table: BudgetTable,
  row: TableRow,
  col: number,
): { table: BudgetTable; value: number; source: CellRef } | undefined {
  const v = row.values.get(col);
  return { table, value: v?.value ?? 0, source: { sheet: table.sheet, cell: toA1(row.row, col) } };
}

const byKind = (tables: BudgetTable[], kind: BudgetTableKind) =>
  tables.filter((t) => t.kind === kind && !t.empty);

function currentCol(table: BudgetTable, cols: number[]): number | undefined {
  const col = (c: number) => table.columns.find((x) => x.col === c);
  return cols.find((c) => (col(c)?.period ?? 'current') === 'current') ?? cols[0];
}

/** 收入总计 / 支出总计 of the 收支总表. */
function twoSidedGrand(tables: BudgetTable[], side: 'income' | 'expense', label: Message): Picked {
  for (const t of byKind(tables, 'revenue-expenditure')) {
    const section = t.sections?.find((s) => s.side === side);
    const row = t.rows.find((r) => r.side === side && r.role === 'grand');
    const col = section && currentCol(t, section.amountCols);
    if (row && col !== undefined) return { key: side, label, ...pick(t, row, col) };
  }
  return { key: side, label };
}

/** 基本支出 / 项目支出 from the 合计 row of the 支出总表 (else 一般公共预算支出表). */
function columnTotal(tables: BudgetTable[], measure: Measure, label: Message): Picked {
  for (const kind of ['expenditure', 'general-budget'] as BudgetTableKind[]) {
    for (const t of byKind(tables, kind)) {
      const cols = t.columns.filter((c) => c.measure === measure && !c.ofWhich).map((c) => c.col);
      const col = currentCol(t, cols);
      const row = t.rows.find((r) => r.level === 'total');
      if (row && col !== undefined)
        return { key: measure === 'basic' ? 'basic' : 'project', label, ...pick(t, row, col) };
    }
  }
  return { key: measure === 'basic' ? 'basic' : 'project', label };
}

function threePublicTotal(tables: BudgetTable[]): Picked {
  const label = { zh: '"三公"经费', en: '"Three public" expenses' };
  for (const t of byKind(tables, 'three-public')) {
    const col = currentCol(
      t,
      t.columns.filter((c) => c.measure === 'three-public' || c.measure === 'total').map((c) => c.col),
    );
    const row = t.rows.find((r) => (r.period ?? 'current') === 'current' && r.values.size > 0);
    if (row && col !== undefined) return { key: 'threePublic', label, ...pick(t, row, col) };
    const totalRow = t.rows.find((r) => r.measure === 'three-public' || r.level === 'total');
    const amountCol = t.columns.find((c) => c.role === 'amount' && (c.period ?? 'current') === 'current');
    if (totalRow && amountCol) return { key: 'threePublic', label, ...pick(t, totalRow, amountCol.col) };
  }
  return { key: 'threePublic', label };
}

/**
 * Amounts by 类 from the first table of the given kinds that has codes: its 类 rows where printed, else its
 * shallowest coded rows (e.g. only 项 rows) summed by their 3-digit 类 prefix, named from the catalog.
 */
function classRows(
  tables: BudgetTable[],
  kinds: BudgetTableKind[],
  unit: MoneyUnit,
  catalogName: (code: string) => string | undefined,
): ClassRow[] {
  for (const kind of kinds) {
    for (const t of byKind(tables, kind)) {
      const totalCol = currentCol(
        t,
        t.columns.filter((c) => c.role === 'amount' && c.measure === 'total').map((c) => c.col),
      );
      const col = totalCol ?? t.columns.find((c) => c.role === 'amount')?.col;
      const coded = t.rows.filter((r) => r.code && /^\d{3,7}$/.test(r.code) && r.level !== 'total');
      if (!coded.length || col === undefined) continue;
      const groups = new Map<string, TableRow[]>();
      for (const r of coded) {
        const lei = r.code!.slice(0, 3);
        groups.set(lei, [...(groups.get(lei) ?? []), r]);
      }
      const rows = [...groups].map(([lei, members]) => {
        const depth = Math.min(...members.map((r) => r.code!.length));
        const top = members.filter((r) => r.code!.length === depth);
        const amount = top.reduce((sum, r) => sum + (r.values.get(col)?.value ?? 0), 0);
        return {
          code: lei,
          name: depth === 3 ? top[0].name : (catalogName(lei) ?? lei),
          amount: inUnit(amount, t.unit, unit),
          source: { sheet: t.sheet, cell: toA1(top[0].row, col) },
        };
      });
      const sum = rows.reduce((acc, r) => acc + r.amount, 0);
      return rows.map((r) => ({ ...r, share: sum ? r.amount / sum : 0 }));
    }
  }
  return [];
}

function indicatorStats(levels: string[]): { by: Record<string, number>; missing: string[] } {
  const by: Record<string, number> = {};
  for (const l of levels) {
    const key = EXPECTED_KINDS.find((k) => l.includes(k)) ?? (l.trim() || '其他');
    by[key] = (by[key] ?? 0) + 1;
  }
  return { by, missing: EXPECTED_KINDS.filter((k) => !by[k]) };
}

function targetRow(f: TargetForm, unit: MoneyUnit, projectTotal?: number): ProjectRow {
  const stats = indicatorStats(f.indicators.map((i) => i.level2 || i.level1));
  const amount = f.total ?? f.fiscal;
  const converted = amount === undefined ? undefined : inUnit(amount, f.unit, unit);
  const cell = f.projectNameCell ?? { row: f.range.top, col: f.range.left };
  return {
    name: f.projectName,
    kind: 'targets',
    source: { sheet: f.sheet, cell: toA1(cell.row, cell.col) },
    amount: converted,
    share: converted !== undefined && projectTotal ? converted / projectTotal : undefined,
    indicatorsBy: stats.by,
    indicatorCount: f.indicators.length,
    missing: stats.missing,
  };
}

function selfEvaluationRow(f: SelfEvaluationForm): ProjectRow {
  const stats = indicatorStats(f.indicators.map((i) => i.level2 || i.level1));
  return {
    name: f.projectName,
    kind: 'self-evaluation',
    source: { sheet: f.sheet, cell: toA1(f.range.top, f.range.left) },
    amount: f.budget,
    indicatorsBy: stats.by,
    indicatorCount: f.indicators.length,
    missing: stats.missing,
    executionRate: f.executionRate,
    total: f.total,
    grade: f.grade,
  };
}

/** The budget unit's name: an explicit 编制单位/预算单位 line, else the title's text before the year. */
export function unitNameFrom(topTexts: string[], titles: string[]): string | undefined {
  for (const t of topTexts) {
    const m =
      /(?:编制单位|预算单位|单位名称|部门名称|部门[（(]单位[)）]|部门|单位)[:：]\s*([^\s，,（(]{2,40})/.exec(
        t,
      );
    if (m && !/^(?:人民币)?(?:亿元|万元|千元|元)$/.test(m[1])) return m[1];
  }
  const names = titles
    .map((t) => /^(.{2,40}?)(?:20\d{2}\s*年)/.exec(t.replace(/\s+/g, ''))?.[1])
    .filter((s): s is string => !!s && /(局|厅|委|办|队|院|中心|站|所|部|处|会|校|馆)$/.test(s));
  return mostCommon(names);
}

function yearFromTitles(titles: string[]): number | undefined {
  return mostCommon(
    titles
      .map((t) => /(20\d{2})\s*年/.exec(t)?.[1])
      .filter((y): y is string => !!y)
      .map(Number),
  );
}
