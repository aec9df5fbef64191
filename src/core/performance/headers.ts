/** Header words of the performance forms' grids, by role. Texts are compared without whitespace. */
import { rememberedPerText } from '../model/remembered';

export type GridRole =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'reason'
  | 'unit'
  | 'operator'
  | 'progress'
  | 'project'
  | 'amount'
  | 'goal';

const ROLE_PATTERNS: [GridRole, RegExp][] = [
  ['level1', /^一级指标/],
  ['level2', /^二级指标|^绩效指标[（(]二级[)）]/],
  ['level3', /^三级指标|^指标名称$|^绩效指标[（(]三级[)）]|^具体指标$/],
  ['actual', /^(全年)?实际完成(指标)?值|^实际值|^完成值|^全年实际值|^实际完成情况$/],
  ['target', /^(年度|全年|预期)?指标值$|^(年度)?目标值$|^年度指标值|^预期目标值|^指标值[（(]/],
  ['weight', /^分值|^权重|^指标权重|^指标分值|^分值权重/],
  ['score', /^(评价|自评)?得分$/],
  ['reason', /偏差原因|未完成原因|原因分析/],
  ['unit', /^(计量|度量)单位$/],
  ['operator', /^指标性质$|^指标值类型$|^性质$/],
  ['progress', /^完成进度|^完成率$/],
  ['project', /^项目名称$|^[（(]?单位[（(]?项目[)）]?名称|^（项目）名称|^项目$/],
  ['amount', /资金总额|预算金额|预算数|^金额|财政拨款预算/],
  ['goal', /^(当年|年度)?(绩效)?目标$/],
];

/** The role a header text plays, if any. */
export function roleOf(text: string): GridRole | undefined {
  return roleOfKey(text.replace(/[\s\u3000]+/g, ''));
}

/** Every pattern above needs one of these words: most cells are told apart by this one test. */
const ROLE_WORDS = /指|实际|完成|目标|分|权|得|原因|单位|性|项目|资金|预算|金额/;

/** The role of a text already without whitespace. */
export function roleOfKey(t: string): GridRole | undefined {
  if (t === '' || !ROLE_WORDS.test(t)) return undefined;
  // forms repeat their labels and values (500 forms, one set of words): each text's role is found once
  return roles(t);
}

const roles = rememberedPerText((t): GridRole | undefined => {
  for (let i = 0; i < ROLE_PATTERNS.length; i++) if (ROLE_PATTERNS[i][1].test(t)) return ROLE_PATTERNS[i][0];
  return undefined;
});

/** Labels of the amounts block of a 绩效目标表. */
export const LABELS = {
  projectName: /^项目名称[:：]?$/,
  /** 年度资金总额, 年度预算资金总额, 实施期资金总额, 资金总额, 项目本年度金额, 本年度金额, 当年预算. */
  total:
    /^(年度资金总额|年度预算资金总额|实施期资金总额|资金总额|项目本年度金额|本年度金额|项目当年金额|当年预算|年度预算数|年度金额)[:：]?$/,
  projectTotal: /^(项目总金额|项目总额|项目总投资|实施期总金额)[:：]?$/,
  fiscal: /^(其中[:：])?(当年|本年)?财政拨款(资金)?[:：]?$/,
  other: /^(其中[:：])?其他资金[:：]?$/,
  /** 上年结转 / 上年结转资金 / 上年财政拨款结转 (its own line of the amounts block). */
  carry: /^(其中[:：])?上年(财政拨款)?结转(结余)?(资金)?[:：]?$/,
  goal: /^(年度(绩效)?目标|年度总体目标|总体目标|当年绩效目标)[:：]?$/,
  remark: /^备注/,
};

const LABEL_PATTERNS = Object.values(LABELS);

/** Is a compact text any of the form's labels (so it is not a value)? */
export function isFormLabel(t: string): boolean {
  return (
    LABEL_PATTERNS.some((re) => re.test(t)) ||
    /^(主管部门|实施单位|单位编码|项目负责人|联系人|联系电话|资金用途)/.test(t)
  );
}
