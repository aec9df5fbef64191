/** Review settings; every variant DOMAIN.md names is a setting with the national default. */

export interface GradeBand {
  min: number; // inclusive lower bound of the total
  grade: string; // 优 / 良 / 中 / 差
}

export interface ScoringSettings {
  /** National template weights (财预〔2020〕10号). A sheet's own stated weights win. */
  weights: { execution: number; output: number; effect: number; satisfaction: number };
  /** 反向 indicators: 'linear' = (1 − (B − A)/A) × w between A and 2A (national); 'ratio' = A/B × w. */
  reverseFormula: 'linear' | 'ratio';
  /** Highest band first. */
  gradeBands: GradeBand[];
  /** Actual above target by more than this share needs a 偏差原因 (0.3 = 30%). */
  deviationThreshold: number;
  /**
   * Shortfall below target that needs a 偏差原因: 0 (default) = any shortfall (national 填报说明);
   * 0.3 = only a shortfall of 30 % or more.
   */
  deviationBelow?: number;
  /** A 绩效目标表 without a 满意度 indicator: 'info' (default), 'warning' (public services) or 'off'. */
  satisfactionIndicator?: 'warning' | 'info' | 'off';
}

export interface Settings {
  lang: 'zh' | 'en';
  /** Report rounding differences (尾差) as info findings; off drops them. */
  reportRounding: boolean;
  /** Extra rounding allowance in units of the last printed digit, on top of the per-term rule. */
  extraTolerance: number;
  scoring: ScoringSettings;
  /** Classification-code rules (rules/codes); missing fields take DEFAULT_CODE_SETTINGS. */
  codes?: Partial<CodeSettings>;
  /**
   * Per-finding levels, like ESLint's `rules`: `{ 'budget/hierarchy-rounding': 'off', 'codes/name': 'error' }`.
   * Keys are finding ids (`gouji rules` lists them); a finding not named keeps its declared level.
   */
  rules?: Record<string, RuleLevel>;
}

/** A finding's level as a user sets it: a level, or 'off' to drop the finding. */
export type RuleLevel = 'off' | 'error' | 'warning' | 'info';

/** The extra tolerance a user can set: a whole number of last-digit units from 0 to 10. */
export const MAX_EXTRA_TOLERANCE = 10;

export interface CodeSettings {
  /** Accept 309 资本性支出（基本建设） in 基本支出 (some places budget it there); default false = warn. */
  basicAllow309: boolean;
  /** An xx99 其他 code holding more than this share of its parent is reported (0.3 = 30%). */
  otherShareThreshold: number;
}

export const DEFAULT_CODE_SETTINGS: CodeSettings = { basicAllow309: false, otherShareThreshold: 0.3 };

export function codeSettings(settings: Settings): CodeSettings {
  return { ...DEFAULT_CODE_SETTINGS, ...(settings.codes ?? {}) };
}

export const NATIONAL_GRADE_BANDS: GradeBand[] = [
  { min: 90, grade: '优' },
  { min: 80, grade: '良' },
  { min: 60, grade: '中' },
  { min: 0, grade: '差' },
];

export const OLDER_PROVINCIAL_GRADE_BANDS: GradeBand[] = [
  { min: 80, grade: '优' },
  { min: 70, grade: '良' },
  { min: 60, grade: '中' },
  { min: 0, grade: '差' },
];

export const DEFAULT_SETTINGS: Settings = {
  lang: 'zh',
  reportRounding: true,
  extraTolerance: 0,
  scoring: {
    weights: { execution: 10, output: 50, effect: 30, satisfaction: 10 },
    reverseFormula: 'linear',
    gradeBands: NATIONAL_GRADE_BANDS,
    deviationThreshold: 0.3,
  },
};

/** Merge a partial (already validated, see settings-schema.ts) over the national defaults. */
export function withSettings(partial?: Partial<Settings>): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    scoring: { ...DEFAULT_SETTINGS.scoring, ...(partial?.scoring ?? {}) },
  };
}
