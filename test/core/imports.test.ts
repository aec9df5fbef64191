/**
 * The import graph of src/: no cycle anywhere (type-only imports included), rules never import rules, and the core
 * libraries rules call never import the rules or the engine. Read with the TypeScript scanner, so it sees every
 * `import`, `export … from` and `import()`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(n) && !/\.d\.ts$/.test(n) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

const files = sources(SRC);
const graph = new Map<string, string[]>(
  files.map((f) => [
    f,
    ts
      .preProcessFile(readFileSync(f, 'utf8'), true, true)
      .importedFiles.map((i) => resolveImport(f, i.fileName))
      .filter((x): x is string => x !== undefined),
  ]),
);
const rel = (f: string) => relative(ROOT, f);

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(rel(w));
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return out;
}

const RULES = join(SRC, 'core', 'rules');
const isRuleFile = (f: string) => f.startsWith(RULES + '/') && !/\/index\.ts$/.test(f);

describe('import graph of src/', () => {
  test('has no cycle', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(cycles()).toEqual([]);
  });

  test('rules never import rules (shared parts live in core libraries)', () => {
    const bad = files
      .filter(isRuleFile)
      .flatMap((f) =>
        (graph.get(f) ?? []).filter((d) => d.startsWith(RULES + '/')).map((d) => `${rel(f)} → ${rel(d)}`),
      );
    expect(bad).toEqual([]);
  });

  test('only the engine and the registry import the rules', () => {
    const allowed = new Set([join(SRC, 'core', 'review.ts'), join(SRC, 'core', 'registry.ts')]);
    const bad = files
      .filter((f) => !f.startsWith(RULES + '/') && !allowed.has(f))
      .flatMap((f) =>
        (graph.get(f) ?? []).filter((d) => d.startsWith(RULES + '/')).map((d) => `${rel(f)} → ${rel(d)}`),
      );
    expect(bad).toEqual([]);
  });

  test('rule files hold rules only: each exports exactly one rule declared in its own file', () => {
    const bad: string[] = [];
    for (const f of files.filter(isRuleFile)) {
      const text = readFileSync(f, 'utf8');
      const exported = [...text.matchAll(/^export (?:const|function|class|interface|type) (\w+)/gm)].map(
        (m) => m[1],
      );
      if (exported.length !== 1) bad.push(`${rel(f)}: exports ${exported.join(', ') || 'nothing'}`);
      const id = rel(f)
        .replace(/^src\/core\/rules\//, '')
        .replace(/\.ts$/, '');
      if (!text.includes(`'${id}'`)) bad.push(`${rel(f)}: does not declare the rule '${id}'`);
    }
    expect(bad).toEqual([]);
  });
});
