/**
 * The one schema of the review settings, used everywhere settings come from outside: the CLI's `--config` file
 * (strict: any problem is reported), the task pane's stored settings (lenient: a malformed field falls back to its
 * default) and the pane's settings panel (`clampTolerance`). Hand-written so the runtime needs no dependency.
 */
import { Level } from './model/findings';
import { MAX_EXTRA_TOLERANCE, RuleLevel, Settings } from './settings';

type Spec =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean }
  | { kind: 'object'; fields: Record<string, Spec> }
  | { kind: 'gradeBands' }
  | { kind: 'ruleLevels' };

const fraction: Spec = { kind: 'number', min: 0, max: 1 };
const points: Spec = { kind: 'number', min: 0, max: 100 };

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'error', 'warning', 'info'] satisfies (
  Level | 'off'
)[];

export const SETTINGS_SCHEMA: { kind: 'object'; fields: Record<keyof Settings, Spec> } = {
  kind: 'object',
  fields: {
    lang: { kind: 'enum', values: ['zh', 'en'] },
    reportRounding: { kind: 'boolean' },
    extraTolerance: { kind: 'number', min: 0, max: MAX_EXTRA_TOLERANCE, integer: true },
    scoring: {
      kind: 'object',
      fields: {
        weights: {
          kind: 'object',
          fields: { execution: points, output: points, effect: points, satisfaction: points },
        },
        reverseFormula: { kind: 'enum', values: ['linear', 'ratio'] },
        gradeBands: { kind: 'gradeBands' },
        deviationThreshold: { kind: 'number', min: 0 },
        deviationBelow: fraction,
        satisfactionIndicator: { kind: 'enum', values: ['warning', 'info', 'off'] },
      },
    },
    codes: {
      kind: 'object',
      fields: { basicAllow309: { kind: 'boolean' }, otherShareThreshold: fraction },
    },
    rules: { kind: 'ruleLevels' },
  },
};

export interface SettingsProblem {
  /** Where, as a dotted path: 'scoring.gradeBands', 'rules.codes/name'. */
  path: string;
  zh: string;
  en: string;
}

export interface ValidatedSettings {
  /** The valid fields (invalid ones left out). */
  settings: Partial<Settings>;
  problems: SettingsProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check `value` against `spec`; returns the value to keep, or undefined (and a problem) when it does not fit. */
function check(
  spec: Spec,
  value: unknown,
  path: string,
  problems: SettingsProblem[],
  known?: Set<string>,
): unknown {
  const bad = (zh: string, en: string) => {
    problems.push({ path, zh: `${path}：${zh}`, en: `${path}: ${en}` });
    return undefined;
  };
  switch (spec.kind) {
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? value
        : bad(`应为 ${spec.values.join(' / ')}`, `must be ${spec.values.join(' | ')}`);
    case 'boolean':
      return typeof value === 'boolean' ? value : bad('应为 true 或 false', 'must be true or false');
    case 'number': {
      const range = `${spec.min ?? '-∞'}–${spec.max ?? '∞'}`;
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (spec.integer && !Number.isInteger(value)) ||
        (spec.min !== undefined && value < spec.min) ||
        (spec.max !== undefined && value > spec.max)
      )
        return spec.integer
          ? bad(`应为 ${range} 之间的整数`, `must be a whole number from ${range}`)
          : bad(`应为 ${range} 之间的数`, `must be a number from ${range}`);
      return value;
    }
    case 'gradeBands':
      return Array.isArray(value) &&
        value.length > 0 &&
        value.every((b) => isObject(b) && typeof b.min === 'number' && typeof b.grade === 'string')
        ? value.map((b: { min: number; grade: string }) => ({ min: b.min, grade: b.grade }))
        : bad(
            '应为 [{"min": 数字, "grade": "等次"}…]（gradeBands）',
            'gradeBands must be [{"min": number, "grade": string}…]',
          );
    case 'ruleLevels': {
      if (!isObject(value))
        return bad(
          '应为 { "规则编号": "off" | "error" | "warning" | "info" }',
          'must be { "<finding id>": "off" | "error" | "warning" | "info" }',
        );
      const out: Record<string, RuleLevel> = {};
      for (const [id, level] of Object.entries(value)) {
        const at = `${path}.${id}`;
        if (known && !known.has(id)) {
          problems.push({
            path: at,
            zh: `${at}：没有这个审核项（gouji rules 列出全部编号）`,
            en: `${at}: no such finding id (gouji rules lists them all)`,
          });
          continue;
        }
        if (typeof level === 'string' && (RULE_LEVELS as readonly string[]).includes(level))
          out[id] = level as RuleLevel;
        else
          problems.push({
            path: at,
            zh: `${at}：应为 off / error / warning / info`,
            en: `${at}: must be off | error | warning | info`,
          });
      }
      return out;
    }
    case 'object': {
      if (!isObject(value)) return bad('应为一个 JSON 对象', 'must be a JSON object');
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const at = path ? `${path}.${k}` : k;
        const field = spec.fields[k];
        if (!field) {
          problems.push({ path: at, zh: `${at}：没有这个设置`, en: `${at}: no such setting` });
          continue;
        }
        const kept = check(field, v, at, problems, known);
        if (kept !== undefined) out[k] = kept;
      }
      return out;
    }
  }
}

/**
 * Validate settings from outside (a JSON object). `knownFindings`, when given, is the set of finding ids the
 * `rules` levels may name (an unknown id is a problem, as ESLint reports an unknown rule).
 */
export function validateSettings(input: unknown, knownFindings?: Set<string>): ValidatedSettings {
  const problems: SettingsProblem[] = [];
  if (!isObject(input))
    return {
      settings: {},
      problems: [{ path: '', zh: '设置应为一个 JSON 对象', en: 'settings must be one JSON object' }],
    };
  const settings = check(SETTINGS_SCHEMA, input, '', problems, knownFindings) as Partial<Settings>;
  return { settings, problems };
}

/** The extra tolerance as the schema allows it: a whole number of last-digit units, 0–10. */
export function clampTolerance(raw: number): number {
  return Math.max(0, Math.min(MAX_EXTRA_TOLERANCE, Math.round(raw)));
}
