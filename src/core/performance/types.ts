/** Performance forms (DOMAIN.md §4–5): 绩效目标表 and 绩效自评表. Owned by src/core/performance. */
import { CellRange } from '../model/address';

export interface CellPos {
  row: number;
  col: number;
}

export interface Indicator {
  row: number;
  level1: string; // 一级: 产出/效益/满意度/成本
  level2: string; // 二级: 数量/质量/时效/成本/社会效益…
  name: string; // 三级
  nameCell: CellPos;
  target: string; // 指标值 as written
  targetCell?: CellPos;
  weight?: number;
  weightCell?: CellPos;
}

export interface TargetForm {
  sheet: string;
  range: CellRange;
  projectName: string;
  projectNameCell?: CellPos;
  /** Amounts in 万元 unless `unit` says otherwise. */
  unit: '元' | '万元';
  total?: number; // 年度资金总额 / 项目本年度金额
  totalCell?: CellPos;
  fiscal?: number; // 财政拨款
  fiscalCell?: CellPos;
  indicators: Indicator[];
}

export interface SelfEvaluationForm {
  sheet: string;
  range: CellRange;
  projectName: string;
  layout: 'national' | 'provincial';
  budget?: number;
  spent?: number;
  executionRate?: number;
  total?: number;
  grade?: string;
  indicators: Indicator[];
}
