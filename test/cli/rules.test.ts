/** `gouji rules`: every declared finding id, its level (after --config), source and file. */
import { existsSync } from 'fs';
import { join } from 'path';
import { declaredFindingIds, declaredFindings } from '../../src/core/registry';
import { gouji } from './helpers';

const root = join(__dirname, '..', '..');

describe('gouji rules', () => {
  it('--json lists every declared finding once, each with a file that exists', async () => {
    const r = await gouji(['rules', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as {
      id: string;
      level: string;
      file: string;
      source: string;
      zh: string;
      en: string;
    }[];
    expect(list.map((l) => l.id)).toEqual(declaredFindings().map((d) => d.id));
    // one entry per declared message: a rule's several non-rounding messages share its id
    expect(new Set(list.map((l) => l.id))).toEqual(declaredFindingIds());
    for (const l of list) {
      expect(existsSync(join(root, l.file))).toBe(true);
      expect(l.zh.length).toBeGreaterThan(0);
      expect(l.en.length).toBeGreaterThan(0);
    }
    const hierarchy = list.find((l) => l.id === 'budget/hierarchy-rounding');
    expect(hierarchy).toMatchObject({
      source: 'rule',
      level: 'info',
      file: 'src/core/rules/budget/hierarchy.ts',
    });
    expect(list.find((l) => l.id === 'engine/rule-failed')).toMatchObject({
      source: 'engine',
      file: 'src/core/review.ts',
    });
  });

  it('shows the level a --config gives, next to the default', async () => {
    const files = new Map([
      ['cfg.json', new TextEncoder().encode(JSON.stringify({ rules: { 'codes/other-share': 'off' } }))],
    ]);
    const r = await gouji(['rules', '--json', '--config', 'cfg.json'], files);
    const list = JSON.parse(r.stdout) as { id: string; level: string; defaultLevel: string }[];
    const other = list.find((l) => l.id === 'codes/other-share');
    expect(other?.level).toBe('off');
    expect(other?.defaultLevel).not.toBe('off');
    const text = await gouji(['rules', '--lang', 'en', '--config', 'cfg.json'], files);
    expect(text.stdout).toMatch(/codes\/other-share {2}off \(default \w+\)/);
    expect(text.stdout).toContain(`${list.length} finding ids`);
  });

  it('prints each id with its source file in text, and refuses a positional', async () => {
    const r = await gouji(['rules']);
    expect(r.stdout).toContain(
      'budget/column-sum  error  budget/column-sum · mismatch  src/core/rules/budget/column-sum.ts',
    );
    expect((await gouji(['rules', 'x.xlsx'])).code).toBe(2);
    expect((await gouji(['--help'])).stdout).toContain('gouji rules');
  });
});
