/**
 * The rule layer's promises, checked: every file under src/core/rules/<group>/ is one registered rule (in its group's
 * index and in allRules) whose id is its path; every rule has a test that names its id; every finding id that the
 * reviews and fill plans of all fixtures and real workbooks produce is declared, and `gouji rules --json` lists it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { CliError } from '../../src/cli/io';
import { loadWorkbook } from '../../src/cli/load';
import { Rule } from '../../src/core/context';
import { planFill } from '../../src/core/performance/fill';
import { declaredFindingIds, declaredFindings } from '../../src/core/registry';
import { allRules } from '../../src/core/rules';
import { gouji } from '../cli/helpers';
import { review } from '../helpers/review';

const ROOT = join(__dirname, '..', '..');
const RULES = join(ROOT, 'src', 'core', 'rules');
const TEST = join(ROOT, 'test');

function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p, ext) : p.endsWith(ext) ? [p] : [];
    })
    .sort();
}

const isRule = (v: unknown): v is Rule =>
  typeof v === 'object' &&
  v !== null &&
  'meta' in v &&
  'check' in v &&
  typeof (v as Rule).check === 'function';

const groups = readdirSync(RULES).filter((n) => statSync(join(RULES, n)).isDirectory());
const ruleFiles = groups.flatMap((g) =>
  readdirSync(join(RULES, g))
    .filter((n) => n.endsWith('.ts') && n !== 'index.ts')
    .map((n) => ({ group: g, name: n.replace(/\.ts$/, ''), id: `${g}/${n.replace(/\.ts$/, '')}` })),
);

describe('every file under src/core/rules/ is one registered rule', () => {
  test('the rule files (one per rule)', () => {
    expect(ruleFiles.length).toBe(allRules.length);
    expect(ruleFiles.length).toBeGreaterThan(40);
  });

  test.each(ruleFiles)(
    '$id: exports one rule with that id, in its group index and in allRules',
    ({ group, id }) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(RULES, id)) as Record<string, unknown>;
      const exported = Object.values(mod).filter(isRule);
      expect(exported.map((r) => r.meta.id)).toEqual([id]);
      const rule = exported[0];
      expect(rule.meta.group).toBe(group);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const index = (require(join(RULES, group)) as { rules: Rule[] }).rules;
      expect(index).toContain(rule);
      expect(allRules).toContain(rule);
    },
  );
});

/** The test of a rule: test/rules/<group>/<name>.test.ts, else the test files anywhere under test/ that name its id. */
const testFiles = filesUnder(TEST, '.ts').filter((p) => /\.test\.ts$/.test(p));
const testText = new Map(testFiles.map((p) => [p, readFileSync(p, 'utf8')]));
function testsOf(id: string): string[] {
  const own = join(TEST, 'rules', `${id}.test.ts`);
  const names = new RegExp(
    `${id.replace(/[/-]/g, '\\$&')}(?![a-z-])|${id.replace(/[/-]/g, '\\$&')}-rounding`,
  );
  const naming = testFiles.filter((p) => names.test(testText.get(p) ?? ''));
  return existsSync(own) ? [own, ...naming.filter((p) => p !== own)] : naming;
}

describe('every rule has a test that names its id', () => {
  test.each(ruleFiles)('$id', ({ id }) => {
    const tests = testsOf(id).map((p) => relative(ROOT, p));
    expect(tests.length).toBeGreaterThan(0);
  });
});

/** The workbooks scripts/compare-findings.js checks: the sample, the fixtures and the real workbooks. */
const WORKBOOKS = [
  'assets/sample',
  'test/fixtures',
  'test/data/real-budgets',
  'test/data/real-narratives',
].flatMap((d) => filesUnder(join(ROOT, d), '.xlsx'));

describe('every finding id the workbooks produce is declared and listed by gouji rules', () => {
  const seen = new Map<string, string>();
  /** The levels the fill planner gave each id it minted. */
  const fillLevels = new Map<string, Set<string>>();
  let reviewed = 0;
  beforeAll(() => {
    for (const path of WORKBOOKS) {
      let wb;
      try {
        wb = loadWorkbook(new Uint8Array(readFileSync(path)), path);
      } catch (e) {
        if (e instanceof CliError) continue; // test/fixtures/strange: deliberately unreadable files
        throw e;
      }
      reviewed++;
      const where = relative(ROOT, path);
      // strict review (helpers/review) with rounding shown, so every -rounding id is produced too
      for (const f of review(wb, { reportRounding: true }).findings)
        if (!seen.has(f.rule)) seen.set(f.rule, where);
      for (const f of planFill(wb).findings) {
        if (!seen.has(f.rule)) seen.set(f.rule, where);
        fillLevels.set(f.rule, (fillLevels.get(f.rule) ?? new Set()).add(f.level));
      }
    }
  });

  test('the workbooks', () => {
    expect(WORKBOOKS.length).toBeGreaterThan(30);
  });

  test('each id seen is declared', () => {
    const declared = declaredFindingIds();
    expect([...seen.keys()].filter((id) => !declared.has(id))).toEqual([]);
    // the reviews meet a good part of what is declared (a sanity floor, not a target)
    expect(seen.size).toBeGreaterThan(30);
  });

  test('the fill planner gives each finding a level its declaration has (rules and fill alike)', () => {
    const declared = new Map<string, Set<string>>();
    for (const d of declaredFindings()) declared.set(d.id, (declared.get(d.id) ?? new Set()).add(d.level));
    const wrong = [...fillLevels].flatMap(([id, levels]) =>
      [...levels].filter((l) => !declared.get(id)?.has(l)).map((l) => `${id} ${l}`),
    );
    expect(wrong).toEqual([]);
    expect(fillLevels.size).toBeGreaterThan(3);
  });

  test('`gouji rules --json` lists every id seen', async () => {
    const listed = new Set(
      (JSON.parse((await gouji(['rules', '--json'])).stdout) as { id: string }[]).map((l) => l.id),
    );
    expect([...seen.keys()].filter((id) => !listed.has(id))).toEqual([]);
    console.log(
      `rules guard: ${ruleFiles.length} rule files, ${declaredFindingIds().size} ids declared, ${seen.size} ids seen in ${reviewed} readable workbooks`,
    );
  });
});
