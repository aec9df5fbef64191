/** The user's per-finding levels (`rules: { id: 'off' | level }`, like ESLint's `rules`), for review and fill alike. */
import { Finding } from './model/findings';
import { RuleLevel } from './settings';

/** Drop the findings set 'off' and give the others the level the settings name (findings keep their own fields). */
export function applyLevels<F extends Finding>(
  findings: F[],
  levels: Record<string, RuleLevel> | undefined,
): F[] {
  if (!levels) return findings;
  const out: F[] = [];
  for (const f of findings) {
    const l = levels[f.rule];
    if (l === 'off') continue;
    out.push(l && l !== f.level ? { ...f, level: l } : f);
  }
  return out;
}
