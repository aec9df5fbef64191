/** Bilingual names of what Gouji recognises, for reports and the task pane. */
import { Lang } from './model/findings';

const KIND_NAMES: Record<string, { zh: string; en: string }> = {
  'revenue-expenditure': { zh: '收支总表', en: 'Revenue and expenditure summary' },
  revenue: { zh: '收入总表', en: 'Revenue table' },
  expenditure: { zh: '支出总表', en: 'Expenditure table' },
  'fiscal-grant': { zh: '财政拨款收支总表', en: 'Fiscal grant summary' },
  'fiscal-grant-expenditure': { zh: '财政拨款支出表', en: 'Fiscal grant expenditure' },
  'fiscal-grant-basic': { zh: '财政拨款基本支出表', en: 'Fiscal grant basic expenditure' },
  'general-budget': { zh: '一般公共预算支出表', en: 'General public budget expenditure' },
  'general-budget-basic': { zh: '一般公共预算基本支出表', en: 'General public budget basic expenditure' },
  'general-budget-basic-functional': {
    zh: '一般公共预算基本支出功能表',
    en: 'Basic expenditure by function',
  },
  'economic-classification': { zh: '支出经济分类表', en: 'Expenditure by economic classification' },
  'three-public': { zh: '"三公"经费表', en: '"Three public" expenses' },
  'gov-fund': { zh: '政府性基金预算支出表', en: 'Government fund expenditure' },
  'state-capital': { zh: '国有资本经营预算支出表', en: 'State capital operation expenditure' },
  'performance-targets': { zh: '项目支出绩效目标表', en: 'Project performance targets' },
  'self-evaluation': { zh: '项目支出绩效自评表', en: 'Performance self-evaluation' },
  'unknown-budget': { zh: '预算表（未细分）', en: 'Budget table (unclassified)' },
};

export function kindName(kind: string, lang: Lang): string {
  return KIND_NAMES[kind]?.[lang] ?? kind;
}

const UNIT_NAMES: Record<string, { zh: string; en: string }> = {
  元: { zh: '元', en: 'yuan' },
  千元: { zh: '千元', en: '1,000 yuan' },
  万元: { zh: '万元', en: '10,000 yuan' },
  亿元: { zh: '亿元', en: '100 million yuan' },
};

/** A money unit in the report language: '万元' → '10,000 yuan' in English. */
export function unitName(unit: string, lang: Lang): string {
  return UNIT_NAMES[unit]?.[lang] ?? unit;
}

const INDICATOR_KINDS: Record<string, string> = {
  数量: 'Quantity',
  质量: 'Quality',
  时效: 'Timeliness',
  成本: 'Cost',
  社会效益: 'Social benefit',
  经济效益: 'Economic benefit',
  生态效益: 'Ecological benefit',
  可持续影响: 'Sustainability',
  满意度: 'Satisfaction',
};

/** A 二级/三级 indicator kind in the report language ('时效' → 'Timeliness'). */
export function indicatorKindName(kind: string, lang: Lang): string {
  return lang === 'zh' ? kind : (INDICATOR_KINDS[kind] ?? kind);
}

const GRADES: Record<string, string> = { 优: 'Excellent', 良: 'Good', 中: 'Fair', 差: 'Poor' };

/** A grade (等次) Gouji computed, in the report language. */
export function gradeName(grade: string, lang: Lang): string {
  return lang === 'zh' ? grade : (GRADES[grade] ?? grade);
}
