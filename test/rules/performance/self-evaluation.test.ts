import { readFileSync } from 'fs';
import { join } from 'path';
import { Finding } from '../../../src/core/model/findings';
import { review } from '../../helpers/review';
import { allRules } from '../../../src/core/rules';
import { rules } from '../../../src/core/rules/performance';
import { readXlsx } from '../../../src/xlsx';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const load = (name: string) => readXlsx(new Uint8Array(readFileSync(join(FIXTURES, name))));
const brief = (fs: Finding[]) => fs.map((f) => `${f.level} ${f.rule} ${f.locations[0]?.cell}`);

describe('review of 绩效自评表 (checks of filled cells)', () => {
  test('the performance rules are registered with the engine', () => {
    const ids = allRules.map((r) => r.meta.id);
    for (const r of rules) expect(ids).toContain(r.meta.id);
    expect(new Set(rules.map((r) => r.meta.id)).size).toBe(rules.length);
  });

  test('晋中: only the 等次 — 差 printed for 97.66 (优)', () => {
    const r = review(load('jinzhong-2021-self-evaluation.xlsx'), undefined, rules);
    expect(brief(r.findings)).toEqual(['error performance/self-eval-grade-mismatch E72']);
    expect(r.findings[0].message.zh).toContain('97.66');
    expect(r.tables.map((t) => t.kind)).toEqual(['self-evaluation']);
  });

  test('blank national sheet: one info that it can be filled, and the missing 偏差原因; no person-needed noise', () => {
    const r = review(load('national-self-evaluation-blank.xlsx'), undefined, rules);
    expect(brief(r.findings)).toEqual([
      'info performance/self-eval-unfilled I6',
      'warning performance/self-eval-deviation-reason I16',
    ]);
    expect(r.findings[0].message.zh).toContain('13 个单元格可自动填写');
    expect(r.findings[0].message.zh).toContain('1 项需人工评分');
  });

  test('filled national sheet: every deliberate error', () => {
    const r = review(load('national-self-evaluation-filled.xlsx'), undefined, rules);
    expect(brief(r.findings)).toEqual([
      'error performance/self-eval-execution-rate I6',
      'error performance/self-eval-score-over-weight H13',
      'warning performance/self-eval-score-mismatch H14',
      'warning performance/self-eval-deviation-reason I16',
      'warning performance/self-eval-deviation-reason I22',
      'error performance/self-eval-total-mismatch H25',
      'error performance/self-eval-grade-mismatch G26',
    ]);
    expect(r.counts).toEqual({ error: 4, warning: 3, info: 0 });
  });

  test('English messages', () => {
    const r = review(load('jinzhong-2021-self-evaluation.xlsx'), { lang: 'en' }, rules);
    expect(r.findings[0].message.en).toBe(
      '"交警支队专项业务经费": a total of 97.66 is graded "优", the sheet says "差"',
    );
  });
});
