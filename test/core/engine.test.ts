/** The engine's side of the rule contract: declared messages, finding ids, rounding by flag, failures, the registry. */
import { defineRule, Rule } from '../../src/core/context';
import { sheetFromValues, Workbook } from '../../src/core/model/workbook';
import { declaredFindingIds, declaredFindings, UndeclaredMessageError } from '../../src/core/registry';
import { review, runRule } from '../../src/core/review';
import { allRules } from '../../src/core/rules';
import { validateSettings } from '../../src/core/settings-schema';

const workbook: Workbook = { name: 't.xlsx', sheets: [sheetFromValues('S', [['x']])] };
const at = [{ sheet: 'S', cell: 'A1' }];

const probe = (messageId: string): Rule =>
  defineRule({
    meta: {
      id: 'test/probe',
      group: 'workbook',
      title: { zh: '测试', en: 'probe' },
      messages: {
        wrong: { level: 'warning', zh: '错', en: 'wrong' },
        rounding: { level: 'info', rounding: true, zh: '尾差', en: 'rounding' },
      },
    },
    check: () => [{ messageId, message: { zh: '具体', en: 'concrete' }, locations: at, actual: 1 }],
  });

describe('engine', () => {
  test('the finding id is the rule id, or <id>-rounding for a rounding message; the level is declared', () => {
    expect(review(workbook, {}, [probe('wrong')]).findings).toEqual([
      {
        rule: 'test/probe',
        level: 'warning',
        message: { zh: '具体', en: 'concrete' },
        locations: at,
        actual: 1,
      },
    ]);
    const rounding = review(workbook, {}, [probe('rounding')]).findings;
    expect(rounding.map((f) => `${f.level} ${f.rule}`)).toEqual(['info test/probe-rounding']);
    // rounding is dropped by the declared flag, not by the id's spelling
    expect(review(workbook, { reportRounding: false }, [probe('rounding')]).findings).toEqual([]);
    expect(review(workbook, { reportRounding: false }, [probe('wrong')]).findings).toHaveLength(1);
  });

  test('an undeclared message id is refused: thrown in strict mode and by runRule, else engine/rule-failed', () => {
    expect(() => review(workbook, {}, [probe('nope')], { strict: true })).toThrow(UndeclaredMessageError);
    expect(() => runRule(probe('nope'), review(workbook, {}, []).context)).toThrow(
      /undeclared message "nope"/,
    );
    const f = review(workbook, {}, [probe('nope')]).findings;
    expect(f.map((x) => `${x.level} ${x.rule}`)).toEqual(['info engine/rule-failed']);
    expect(f[0].message.en).toContain('test/probe');
  });

  test('every real rule declares a group, a bilingual title and bilingual messages; ids are unique', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) {
      expect(r.meta.id.startsWith(`${r.meta.group}/`)).toBe(true);
      expect(r.meta.title.zh && r.meta.title.en).toBeTruthy();
      const messages = Object.values(r.meta.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(m.zh && m.en).toBeTruthy();
    }
  });

  test('the registry lists rule findings and those minted outside rules, once per message', () => {
    const ids = declaredFindingIds();
    for (const id of [
      'budget/column-sum',
      'budget/column-sum-rounding',
      'narrative/amount-rounding',
      'performance/self-eval-execution-rate-rounding',
      'performance/self-eval-needs-person',
      'workbook/protected-sheet',
      'summary/name-taken',
      'engine/rule-failed',
    ])
      expect(ids).toContain(id);
    const d = declaredFindings();
    expect(new Set(d.map((x) => `${x.id} ${x.messageId ?? ''}`)).size).toBe(d.length);
  });
});

describe('settings schema', () => {
  test('accepts valid settings and per-finding levels', () => {
    const v = validateSettings(
      { extraTolerance: 2, scoring: { reverseFormula: 'ratio' }, rules: { 'codes/name': 'off' } },
      declaredFindingIds(),
    );
    expect(v.problems).toEqual([]);
    expect(v.settings).toEqual({
      extraTolerance: 2,
      scoring: { reverseFormula: 'ratio' },
      rules: { 'codes/name': 'off' },
    });
  });

  test('reports each wrong field with its path and leaves it out', () => {
    const v = validateSettings(
      {
        extraTolerance: 0.5,
        lang: 'fr',
        colour: 'red',
        scoring: { gradeBands: [{ min: '90' }] },
        rules: { 'codes/nope': 'off', 'codes/name': 'loud' },
      },
      declaredFindingIds(),
    );
    expect(v.problems.map((p) => p.path)).toEqual([
      'extraTolerance',
      'lang',
      'colour',
      'scoring.gradeBands',
      'rules.codes/nope',
      'rules.codes/name',
    ]);
    expect(v.settings).toEqual({ scoring: {}, rules: {} });
    expect(validateSettings({ extraTolerance: 11 }).problems).toHaveLength(1);
    expect(validateSettings([]).problems).toHaveLength(1);
  });
});
