/** Performance forms (DOMAIN.md §4–5): 绩效目标表 and 绩效自评表. Owned by src/core/performance. */
import { CellRange } from '../model/address';

export interface CellPos {
  row: number;
  col: number;
}

export interface Indicator {
  row: number;
  level1: string; // 一级: 产出/效益/满意度/成本 (a stated '(50分)' removed)
  level1Cell?: CellPos;
  level2: string; // 二级: 数量/质量/时效/成本/社会效益…
  level2Cell?: CellPos;
  name: string; // 三级
  nameCell: CellPos;
  target: string; // 指标值 as written (list layouts: operator + value + unit joined)
  targetCell?: CellPos;
  weight?: number;
  weightCell?: CellPos;
  /** Rows that say 无 / 不适用 (长沙 lists them per 二级): kept, never checked. */
  notApplicable?: boolean;
}

/** A 二级 row with no 三级 indicator beside it (济源: 质量 | — | —). */
export interface EmptyCategory {
  row: number;
  level1: string;
  level2: string;
  cell: CellPos;
}

export interface TargetForm {
  sheet: string;
  range: CellRange;
  layout: 'stacked' | 'list';
  projectName: string;
  projectNameCell?: CellPos;
  /** Amounts in 万元 unless `unit` says otherwise. */
  unit: '元' | '万元';
  total?: number; // 年度资金总额 / 项目本年度金额 / 资金总额
  totalCell?: CellPos;
  projectTotal?: number; // 项目总金额 (multi-year)
  projectTotalCell?: CellPos;
  fiscal?: number; // 财政拨款
  fiscalCell?: CellPos;
  other?: number; // 其他资金
  otherCell?: CellPos;
  /** 上年结转 (a line of its own in some forms: 资金总额 = 财政拨款 + 上年结转 + 其他资金). */
  carry?: number;
  carryCell?: CellPos;
  /** Decimals the amounts print with. */
  decimals: number;
  goal?: string; // 年度目标 / 年度绩效目标
  /** The indicator grid has a 二级 column (list layouts such as 重庆 表12 have none). */
  hasLevel2: boolean;
  /** Header row of the indicator grid. */
  headerRow: number;
  indicators: Indicator[];
  emptyCategories: EmptyCategory[];
  /** Points the weight column header states: '分值权重（90分）'. */
  weightsStated?: { points: number; cell: CellPos };
  /** 执行率 points stated beside the amounts: '执行率分值（10分）'. */
  executionPoints?: number;
  /** Points stated beside a 一级 name: '产出指标(50分)'. */
  level1Points?: { level1: string; points: number; cell: CellPos }[];
}

/** One indicator of a self-evaluation with its actual value and score cells. */
export interface EvaluatedIndicator extends Indicator {
  actual: string;
  actualCell?: CellPos;
  /** 得分 as on the sheet; undefined when the cell is empty or not a number. */
  score?: number;
  scoreText?: string;
  scoreCell?: CellPos;
  reason?: string;
  reasonCell?: CellPos;
  /** 成本 indicators are 反向 even without an operator. */
  cost: boolean;
}

/** A line of a 评分表 (provincial layout): 指标分值 and 评价得分. */
export interface ScoreItem {
  row: number;
  level2: string;
  name: string;
  nameCell: CellPos;
  weight?: number;
  weightCell?: CellPos;
  score?: number;
  scoreText?: string;
  scoreCell?: CellPos;
  /** 预算执行率: computed from the amounts; other items are a person's judgement. */
  execution: boolean;
}

/** A sub-total of the 评分表 (投入 / 过程 / 产出 / 效果). */
export interface ScoreSection {
  row: number;
  name: string;
  labelCell: CellPos;
  weight?: number;
  weightCell?: CellPos;
  score?: number;
  scoreText?: string;
  scoreCell?: CellPos;
  items: ScoreItem[];
}

export interface SelfEvaluationForm {
  sheet: string;
  range: CellRange;
  projectName: string;
  projectNameCell?: CellPos;
  layout: 'national' | 'provincial';
  /** 全年预算数 (national) / 预算下达资金 (provincial). */
  budget?: number;
  budgetCell?: CellPos;
  /** 全年执行数 / Σ 实际支出资金. */
  spent?: number;
  spentCells?: CellPos[];
  /** 执行率 as on the sheet (a fraction: 0.5529); undefined when empty. */
  executionRate?: number;
  executionRateText?: string;
  executionRateCell?: CellPos;
  executionWeight?: number;
  executionWeightCell?: CellPos;
  executionScore?: number;
  executionScoreText?: string;
  executionScoreCell?: CellPos;
  /** 总分 / 综合得分 as on the sheet. */
  total?: number;
  totalText?: string;
  totalCell?: CellPos;
  totalWeight?: number;
  totalWeightCell?: CellPos;
  /** 等次 / 自评等级 as on the sheet. */
  grade?: string;
  gradeCell?: CellPos;
  indicators: EvaluatedIndicator[];
  /** Provincial 评分表 sections; empty for the national template. */
  sections: ScoreSection[];
  /** Points stated beside a 一级 name: '产出指标(50分)'. */
  level1Points: { level1: string; points: number; cell: CellPos }[];
}
