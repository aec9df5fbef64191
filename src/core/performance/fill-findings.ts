/**
 * The findings only the fill planner mints (`gouji fill`, 填充评分) — declared here, where planFill (fill.ts) takes
 * their ids and levels, and listed by the registry (registry.ts, `gouji rules`) with every rule's messages.
 * (The planner's check-phase findings are the self-eval-* rules' declared messages.)
 */
import { Level } from '../model/findings';

export interface FillFindingMeta {
  id: string;
  group: 'performance' | 'workbook';
  level: Level;
  zh: string;
  en: string;
}

export const FILL_FINDINGS = {
  needsPerson: {
    id: 'performance/self-eval-needs-person',
    group: 'performance',
    level: 'warning',
    zh: '“{指标}”需人工评分（定性指标、缺少数据或评分规则不适用）',
    en: '"{indicator}" must be scored by a person (qualitative, missing data or no applicable rule)',
  },
  totalPending: {
    id: 'performance/self-eval-total-pending',
    group: 'performance',
    level: 'info',
    zh: '“{项目}”的总分和等次未填写（尚有得分需人工评定或有得分超过分值）',
    en: '"{project}": 总分 and 等次 not filled (scores still need a person, or a score exceeds its weight)',
  },
  unreadable: {
    id: 'performance/self-eval-unreadable',
    group: 'performance',
    level: 'info',
    zh: '无法评分“{项目}”（{原因}），已跳过',
    en: 'could not score "{project}" ({reason}); skipped',
  },
  protectedSheet: {
    id: 'workbook/protected-sheet',
    group: 'workbook',
    level: 'warning',
    zh: '工作表“{表}”受保护，评分未写入',
    en: 'The sheet "{sheet}" is protected, so no score was written',
  },
} as const satisfies Record<string, FillFindingMeta>;
