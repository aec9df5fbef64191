/** Hand-made recognised tables for the codes/* rule tests: a sheet laid out like the real tables and its BudgetTable. */
import { loadCatalog } from '../../../src/core/catalog';
import { cellNumber } from '../../../src/core/model/numbers';
import { CellValue, Sheet, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import type { ReviewContext } from '../../../src/core/context';
import { Rule } from '../../../src/core/context';
import { runRule } from '../../../src/core/review';
import { Settings, withSettings } from '../../../src/core/settings';
import {
  BudgetTable,
  BudgetTableKind,
  RowLevel,
  TableColumn,
  TableRow,
} from '../../../src/core/tables/types';

export interface TableSpec {
  sheet?: string;
  kind: BudgetTableKind;
  title: string;
  year?: number;
  /** Header rows, top to bottom (merged texts repeated). */
  header: string[][];
  /** Data rows. */
  rows: CellValue[][];
  /** Columns holding codes (split 类/款/项 or joined). */
  codeCols: number[];
  nameCol: number;
}

/** Title in row 1, unit line in row 2, header from row 3, data below — like the real workbooks. */
export function buildTable(spec: TableSpec): { sheet: Sheet; table: BudgetTable } {
  const name = spec.sheet ?? '表1';
  const width = Math.max(...spec.header.map((h) => h.length), ...spec.rows.map((r) => r.length));
  const values: CellValue[][] = [[spec.title], ['单位：万元'], ...spec.header, ...spec.rows];
  const sheet = sheetFromValues(name, values);
  const top = 2;
  const bottom = top + spec.header.length - 1;
  const columns: TableColumn[] = [];
  for (let c = 0; c < width; c++) {
    const path = spec.header.map((h) => h[c] ?? '');
    const role = spec.codeCols.includes(c) ? 'code' : c === spec.nameCol ? 'name' : 'amount';
    columns.push({ col: c, path, role });
  }
  const rows: TableRow[] = spec.rows.map((cells, i) => {
    const row = bottom + 1 + i;
    const values = new Map<number, ReturnType<typeof cellNumber> & object>();
    cells.forEach((v, c) => {
      if (spec.codeCols.includes(c) || c === spec.nameCol) return;
      const n = cellNumber(v === null || v === undefined ? undefined : { value: v });
      if (n) values.set(c, n);
    });
    const code = spec.codeCols
      .map((c) => (typeof cells[c] === 'string' ? (cells[c] as string) : ''))
      .join('');
    const nm = String(cells[spec.nameCol] ?? '');
    const level: RowLevel = /^合计|^总计/.test(nm)
      ? 'total'
      : code.length === 3
        ? 'lei'
        : code.length === 5
          ? 'kuan'
          : code.length === 7
            ? 'xiang'
            : 'other';
    return {
      row,
      code: /^\d+$/.test(code) ? code : undefined,
      codeCols: spec.codeCols.filter((c) => cells[c] !== null && cells[c] !== undefined && cells[c] !== ''),
      name: nm,
      nameCol: spec.nameCol,
      level,
      values,
    };
  });
  const table: BudgetTable = {
    kind: spec.kind,
    sheet: name,
    title: spec.title,
    range: { top: 0, left: 0, bottom: bottom + spec.rows.length, right: width - 1 },
    unit: '万元',
    variant: 'budget',
    headerRows: { top, bottom },
    columns,
    rows,
    decimals: 2,
    empty: false,
    year: spec.year,
  };
  return { sheet, table };
}

export function contextOf(specs: TableSpec[], settings?: Partial<Settings>): ReviewContext {
  const built = specs.map((s, i) => buildTable({ ...s, sheet: s.sheet ?? `表${i + 1}` }));
  const workbook: Workbook = { name: 'test.xlsx', sheets: built.map((b) => b.sheet) };
  return {
    workbook,
    settings: withSettings(settings),
    catalog: loadCatalog(),
    tables: built.map((b) => b.table),
    targetForms: [],
    selfEvaluations: [],
    narratives: [],
  };
}

export function run(rule: Rule, specs: TableSpec[], settings?: Partial<Settings>) {
  return runRule(rule, contextOf(specs, settings));
}

/** Deep copy of a spec with one cell changed (row index into spec.rows, column). */
export function change(spec: TableSpec, row: number, col: number, value: CellValue): TableSpec {
  const rows = spec.rows.map((r) => [...r]);
  rows[row][col] = value;
  return { ...spec, rows };
}

// ---- layouts of the real 2026 tables ----

/** 上海-style split 类 | 款 | 项 | name | 合计 | 基本支出 | 项目支出 (data starts at sheet row 6 → A6). */
export const SPLIT: TableSpec = {
  kind: 'expenditure',
  title: '2026年预算单位支出预算总表',
  year: 2026,
  header: [
    [
      '功能分类科目编码',
      '功能分类科目编码',
      '功能分类科目编码',
      '功能分类科目名称',
      '合计',
      '基本支出',
      '项目支出',
    ],
    ['类', '款', '项', '功能分类科目名称', '合计', '基本支出', '项目支出'],
  ],
  codeCols: [0, 1, 2],
  nameCol: 3,
  rows: [
    ['201', null, null, '一般公共服务支出', 1343.4, 1144.8, 198.6],
    ['201', '08', null, '审计事务', 1343.4, 1144.8, 198.6],
    ['201', '08', '01', '行政运行', 1144.8, 1144.8, null],
    ['201', '08', '04', '审计业务', 198.6, null, 198.6],
    ['208', null, null, '社会保障和就业支出', 139.9, 131.9, 8],
    ['208', '05', null, '行政事业单位养老支出', 131.9, 131.9, null],
    ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 112.2, 112.2, null],
    ['208', '05', '99', '其他行政事业单位养老支出', 19.7, 19.7, null],
    ['208', '08', null, '抚恤', 8, null, 8],
    ['208', '08', '01', '死亡抚恤', 8, null, 8],
    ['合计', '合计', '合计', '合计', 1483.3, 1276.7, 206.6],
  ],
};

/** 烟台-style split layout whose 款/项 rows leave the 类 (and 款) cells blank. */
export const SPLIT_BLANK_PARENTS: TableSpec = {
  kind: 'general-budget',
  title: '公开表5 一般公共预算支出情况表',
  year: 2026,
  header: [
    ['科目编码', '科目编码', '科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'],
  ],
  codeCols: [0, 1, 2],
  nameCol: 3,
  rows: [
    [null, null, null, '合计', 1378.84, 854.84, 524],
    ['201', null, null, '一般公共服务支出', 1378.84, 854.84, 524],
    [null, '40', null, '信访事务', 1378.84, 854.84, 524],
    [null, null, '01', '行政运行', 507.97, 507.97, null],
    [null, null, '50', '事业运行', 346.87, 346.87, null],
    [null, null, '04', '信访业务', 524, null, 524],
  ],
};

/** 西安/广州-style joined codes: 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出. */
export const JOINED: TableSpec = {
  kind: 'general-budget',
  title: '表5 一般公共预算支出表',
  year: 2026,
  header: [['功能科目编码', '功能科目名称', '合计', '基本支出', '项目支出']],
  codeCols: [0],
  nameCol: 1,
  rows: [
    [null, '合计', 4005.29, 3354.42, 650.87],
    ['201', '一般公共服务支出', 2974.11, 2338.24, 635.87],
    ['20108', '审计事务', 2974.11, 2338.24, 635.87],
    ['2010801', '行政运行', 2338.24, 2338.24, null],
    ['2010804', '审计业务', 635.87, null, 635.87],
    ['205', '教育支出', 21, 6, 15],
    ['20508', '进修及培训', 21, 6, 15],
    ['2050803', '培训支出', 21, 6, 15],
    ['221', '住房保障支出', 1010.18, 1010.18, null],
    ['22102', '住房改革支出', 1010.18, 1010.18, null],
    ['2210201', '住房公积金', 235.34, 235.34, null],
    ['2210203', '购房补贴', 774.84, 774.84, null],
  ],
};

/** 广州-style: the code inside the name cell, '[2014001]行政运行'. */
export const EMBEDDED: TableSpec = {
  kind: 'general-budget',
  title: '表5 一般公共预算支出情况表（按功能分类科目）',
  year: 2026,
  header: [
    ['功能科目名称', '一般公共预算支出', '一般公共预算支出', '一般公共预算支出'],
    ['功能科目名称', '小计', '其中：基本支出', '项目支出'],
  ],
  codeCols: [],
  nameCol: 0,
  rows: [
    ['合计', 2570.71, 1831.41, 739.3],
    ['[201]一般公共服务支出', 2570.71, 1831.41, 739.3],
    ['[20140]信访事务', 2570.71, 1831.41, 739.3],
    ['[2014001]行政运行', 1859.41, 1831.41, 28],
    ['[2014004]信访业务', 711.3, null, 711.3],
  ],
};

/** 西安-style economic table: 部门 code | name | 政府 code | name | 合计 | 人员经费 | 公用经费 | 专项业务经费. */
export const ECONOMIC: TableSpec = {
  kind: 'economic-classification',
  title: '表6 一般公共预算支出明细表（按支出经济分类科目）',
  year: 2026,
  header: [
    [
      '部门经济科目编码',
      '部门经济科目名称',
      '政府经济科目编码',
      '政府经济科目名称',
      '合计',
      '人员经费支出',
      '公用经费支出',
      '专项业务经费支出',
    ],
  ],
  codeCols: [0, 2],
  nameCol: 1,
  rows: [
    ['301', '工资福利支出', null, null, 1481.28, 1481.28, null, null],
    ['30101', '基本工资', '50101', '工资奖金津补贴', 705.96, 705.96, null, null],
    ['30102', '津贴补贴', '50101', '工资奖金津补贴', 716.52, 716.52, null, null],
    ['30199', '其他工资福利支出', '50199', '其他工资福利支出', 58.8, 58.8, null, null],
    ['302', '商品和服务支出', null, null, 956.41, null, 305.54, 650.87],
    ['30201', '办公费', '50201', '办公经费', 50.03, null, 40, 10.03],
    ['30211', '差旅费', '50201', '办公经费', 280, null, 35, 245],
    ['30227', '委托业务费', '50205', '委托业务费', 350, null, null, 350],
    ['30299', '其他商品和服务支出', '50299', '其他商品和服务支出', 276.38, null, 230.54, 45.84],
    ['303', '对个人和家庭的补助', null, null, 57.6, 57.6, null, null],
    ['30302', '退休费', '50905', '离退休费', 57.6, 57.6, null, null],
  ],
};

/** 苏州-style 基本支出 table (every amount column is 基本支出). */
export const BASIC: TableSpec = {
  kind: 'general-budget-basic',
  title: '公开08表 一般公共预算基本支出表',
  year: 2026,
  header: [
    [
      '部门预算支出经济分类科目',
      '部门预算支出经济分类科目',
      '本年一般公共预算基本支出',
      '本年一般公共预算基本支出',
      '本年一般公共预算基本支出',
    ],
    ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
  ],
  codeCols: [0],
  nameCol: 1,
  rows: [
    ['合计', '合计', 431.2, 391.6, 39.6],
    ['301', '工资福利支出', 358.5, 358.5, null],
    ['30101', '基本工资', 46.9, 46.9, null],
    ['30102', '津贴补贴', 311.6, 311.6, null],
    ['302', '商品和服务支出', 39.6, null, 39.6],
    ['30201', '办公费', 29.6, null, 29.6],
    ['30299', '其他商品和服务支出', 10, null, 10],
    ['303', '对个人和家庭的补助', 33.1, 33.1, null],
    ['30302', '退休费', 33.1, 33.1, null],
    ['309', '资本性支出（基本建设）', null, null, null],
    ['30902', '办公设备购置', null, null, null],
  ],
};

export const ALL_CLEAN = [SPLIT, SPLIT_BLANK_PARENTS, JOINED, EMBEDDED, ECONOMIC, BASIC];
