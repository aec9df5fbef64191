/** A small argument parser: positionals, boolean flags and flags with a value. */
import type { Settings } from '../core/settings';
import { validateSettings } from '../core/settings-schema';
import { CliError, CliIO, readInput } from './io';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** `valued` lists flags that take a value; aliases map short names ('-o') to long ones ('--output'). */
export function parseArgs(
  argv: string[],
  spec: { valued: string[]; boolean: string[]; aliases?: Record<string, string> },
): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      continue;
    }
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    a = spec.aliases?.[a] ?? a;
    if (spec.valued.includes(a)) {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliError(`${a} 需要一个值 / ${a} needs a value`);
      flags.set(a, v);
    } else if (spec.boolean.includes(a)) {
      flags.set(a, true);
    } else {
      throw new CliError(`未知选项 / unknown option: ${a}`);
    }
  }
  return { positionals, flags };
}

export function langFlag(args: ParsedArgs): 'zh' | 'en' {
  const v = args.flags.get('--lang');
  if (v === undefined) return 'zh';
  if (v === 'zh' || v === 'en') return v;
  throw new CliError(`--lang 只能是 zh 或 en / --lang must be zh or en`);
}

/**
 * `--config <settings.json>`: review settings as JSON (any part of Settings, e.g.
 * {"scoring": {"reverseFormula": "ratio", "gradeBands": [{"min": 80, "grade": "优"}, …]}, "rules": {"codes/name": "off"}}),
 * checked against the settings schema (src/core/settings-schema.ts), plus --lang.
 */
export function settingsFlag(args: ParsedArgs, io: CliIO): Partial<Settings> {
  const lang = langFlag(args);
  const path = args.flags.get('--config');
  if (typeof path !== 'string') return { lang };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(readInput(io, path)));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      `配置文件不是有效的 JSON / the config file is not valid JSON: ${path} (${(e as Error).message})`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CliError(`配置文件应为一个 JSON 对象 / the config file must hold one JSON object: ${path}`);
  // the rule registry (every rule module) is loaded only when a config file is read
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { declaredFindingIds } = require('../core/registry') as typeof import('../core/registry');
  const { settings, problems } = validateSettings(parsed, declaredFindingIds());
  if (problems.length > 0)
    throw new CliError(
      `配置文件有误 / the config file is wrong: ${path}: ${problems.map((p) => `${p.zh} / ${p.en}`).join('; ')}`,
    );
  return { ...settings, lang: args.flags.has('--lang') ? lang : (settings.lang ?? lang) };
}
