/**
 * Every string the task pane shows, in both languages. Placeholders are `{name}` and are filled by `t`.
 * `zh` is the reference: `en` must have exactly the same keys (the type enforces it, a test checks it).
 */
import { Level } from '../core/model/findings';

const zh = {
  appTitle: '勾稽',
  appSubtitle: '预算与绩效表审核',
  actionsLabel: '操作',
  review: '审核',
  reviewHint: '检查勾稽关系，并在工作表中标注有问题的单元格',
  fillScores: '填充评分',
  fillScoresHint: '在空白单元格中填入执行率、得分、总分和等次',
  buildSummary: '生成汇总',
  buildSummaryHint: '新建或更新审核汇总工作表',
  clear: '清除标注',
  clearHint: '移除勾稽添加的全部底色和批注，恢复原有格式',
  working: '正在处理…',
  progressLabel: '进度',
  settings: '设置',
  language: '界面与报告语言',
  langZh: '简体中文',
  langEn: 'English',
  reportRounding: '报告尾差',
  reportRoundingHint: '关闭后不再列出四舍五入造成的 0.01 级差异',
  extraTolerance: '额外容差',
  extraToleranceHint: '在逐项舍入规则之外再放宽的末位单位数',
  scoringVariant: '反向指标计分',
  reverseLinear: '线性（全国模板）',
  reverseLinearHint: '(1 − (B − A) / A) × 分值',
  reverseRatio: '比值',
  reverseRatioHint: 'A / B × 分值',
  gradeBands: '等次划分',
  bandsNational: '全国：优 ≥ 90，良 ≥ 80，中 ≥ 60',
  bandsOlder: '部分省份旧版：优 ≥ 80，良 ≥ 70，中 ≥ 60',
  ruleLevels: '各问题的级别',
  ruleLevelsHint: '可关闭某个问题编号，或改为错误、警告、提示（与命令行 --config 的 rules 相同）',
  ruleSearch: '搜索问题编号或说明',
  ruleNoMatch: '没有匹配的问题编号。',
  ruleSearchFirst: '共 {n} 个问题编号，均为默认级别；输入关键词查找（如 rounding、三公）',
  ruleMore: '另有 {n} 个，输入关键词缩小范围',
  ruleLevelOf: '{id} 的级别',
  ruleLevelDefault: '默认（{level}）',
  ruleLevel_off: '关闭',
  ruleLevel_error: '错误',
  ruleLevel_warning: '警告',
  ruleLevel_info: '提示',
  level_error: '错误',
  level_warning: '警告',
  level_info: '提示',
  filterAll: '全部',
  filterLabel: '按级别筛选',
  resultsLabel: '审核结果',
  tablesSummary: '识别 {tables} 张表，{skipped} 张工作表未识别',
  notReviewed: '点击“审核”检查当前工作簿。',
  noFindings: '未发现问题。',
  noFindingsForFilter: '该级别下没有问题。',
  expected: '应为',
  actual: '实为',
  goToCell: '定位到 {ref}',
  noLocation: '无单元格',
  alsoInvolves: '相关单元格：{cells}',
  wholeWorkbook: '整个工作簿',
  itemCount: '{n} 项',
  reviewDone: '审核完成，已标注 {highlighted} 个单元格。',
  fillDone: '已填入 {written} 个单元格。',
  fillNeedsPerson: '{n} 项需要人工判断，未自动评分：',
  needsPersonTitle: '需要人工判断',
  reviewAfterFill: '填充评分后重新审核：错误 {error} 项，警告 {warning} 项，提示 {info} 项。',
  reviewAfterFillChanged:
    '填充评分后重新审核：错误 {error} 项，警告 {warning} 项，提示 {info} 项（填充前：错误 {be} 项，警告 {bw} 项，提示 {bi} 项）。',
  summaryDone: '已生成汇总表“{sheet}”。',
  clearDone: '已清除 {removed} 处标注，原有格式已恢复。',
  errorTitle: '操作未完成',
  selectFailed: '无法定位到 {ref}：{message}',
  dismiss: '关闭',
  unknownError: '未知错误',
} satisfies Record<string, string>;

export type MessageKey = keyof typeof zh;
export type UiLang = 'zh' | 'en';

const en: Record<MessageKey, string> = {
  appTitle: 'Gouji',
  appSubtitle: 'Budget & performance review',
  actionsLabel: 'Actions',
  review: 'Review',
  reviewHint: 'Check the reconciliations and highlight the cells with problems',
  fillScores: 'Fill scores',
  fillScoresHint: 'Fill execution rates, scores, totals and grades into empty cells',
  buildSummary: 'Build summary',
  buildSummaryHint: 'Add or update the review summary sheet',
  clear: 'Clear highlights',
  clearHint: 'Remove every fill and note Gouji added and restore your formats',
  working: 'Working…',
  progressLabel: 'Progress',
  settings: 'Settings',
  language: 'Language of the pane and reports',
  langZh: '简体中文',
  langEn: 'English',
  reportRounding: 'Report rounding differences',
  reportRoundingHint: 'When off, differences of a last digit caused by rounding are not listed',
  extraTolerance: 'Extra tolerance',
  extraToleranceHint: 'Units of the last printed digit allowed on top of the per-term rounding rule',
  scoringVariant: 'Reverse indicator scoring',
  reverseLinear: 'Linear (national template)',
  reverseLinearHint: '(1 − (B − A) / A) × weight',
  reverseRatio: 'Ratio',
  reverseRatioHint: 'A / B × weight',
  gradeBands: 'Grade bands',
  bandsNational: 'National: excellent ≥ 90, good ≥ 80, fair ≥ 60',
  bandsOlder: 'Older provincial: excellent ≥ 80, good ≥ 70, fair ≥ 60',
  ruleLevels: 'Level of each finding',
  ruleLevelsHint:
    'Turn a finding id off, or make it an error, warning or info (the same as rules in the CLI --config)',
  ruleSearch: 'Search finding ids or descriptions',
  ruleNoMatch: 'No finding id matches.',
  ruleSearchFirst: '{n} finding ids, all at their default level; type to find one (e.g. rounding, codes/)',
  ruleMore: '{n} more; type to narrow the list',
  ruleLevelOf: 'Level of {id}',
  ruleLevelDefault: 'Default ({level})',
  ruleLevel_off: 'Off',
  ruleLevel_error: 'Error',
  ruleLevel_warning: 'Warning',
  ruleLevel_info: 'Info',
  level_error: 'Errors',
  level_warning: 'Warnings',
  level_info: 'Info',
  filterAll: 'All',
  filterLabel: 'Filter by level',
  resultsLabel: 'Review results',
  tablesSummary: 'Tables recognised: {tables} · sheets not recognised: {skipped}',
  notReviewed: 'Click Review to check this workbook.',
  noFindings: 'No problems found.',
  noFindingsForFilter: 'Nothing at this level.',
  expected: 'Expected',
  actual: 'Actual',
  goToCell: 'Go to {ref}',
  noLocation: 'No cell',
  alsoInvolves: 'Also involves {cells}',
  wholeWorkbook: 'Whole workbook',
  itemCount: '{n} found',
  reviewDone: 'Review finished. Cells highlighted: {highlighted}.',
  fillDone: 'Cells written: {written}.',
  fillNeedsPerson: 'Left for a person to judge, not scored: {n}',
  needsPersonTitle: 'Needs a person',
  reviewAfterFill: 'Reviewed again after filling: {error} error(s), {warning} warning(s), {info} info.',
  reviewAfterFillChanged:
    'Reviewed again after filling: {error} error(s), {warning} warning(s), {info} info (before filling: {be} error(s), {bw} warning(s), {bi} info).',
  summaryDone: 'Summary sheet “{sheet}” is ready.',
  clearDone: 'Highlights removed: {removed}. Your formats are back.',
  errorTitle: 'Could not finish',
  selectFailed: 'Could not go to {ref}: {message}',
  dismiss: 'Dismiss',
  unknownError: 'Unknown error',
};

export const DICTIONARY: Record<UiLang, Record<MessageKey, string>> = { zh, en };

/** BCP 47 tag of a pane language (for the `lang` attribute and number formatting). */
export const LOCALE: Record<UiLang, string> = { zh: 'zh-CN', en: 'en-US' };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: UiLang): Translate {
  const dict = DICTIONARY[lang];
  return (key, vars) => {
    const template = dict[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

export function levelKey(level: Level): MessageKey {
  return `level_${level}`;
}

/** A finding's expected/actual value as text: numbers grouped, at most 6 decimals. */
export function formatValue(v: number | string, lang: UiLang): string {
  if (typeof v === 'string') return v;
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 6 }).format(v);
}
