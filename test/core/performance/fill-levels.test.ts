/** The `rules` levels apply to the fill planner's findings (gouji fill, 填充评分) as they do to the review's. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { planFill } from '../../../src/core/performance/fill';
import { FILL_FINDINGS } from '../../../src/core/performance/fill-findings';
import { declaredFindings } from '../../../src/core/registry';
import { readXlsx } from '../../../src/xlsx';
import { gouji } from '../../cli/helpers';

const FILE = join(__dirname, '..', '..', 'fixtures', 'national-self-evaluation-blank.xlsx');
const load = () => readXlsx(new Uint8Array(readFileSync(FILE)));
const NEEDS = FILL_FINDINGS.needsPerson.id;

describe('fill planner findings honour the rules setting', () => {
  test('by default the blank national sheet has one item for a person, at its declared level', () => {
    const needs = planFill(load()).findings.filter((f) => f.rule === NEEDS);
    expect(needs).toHaveLength(1);
    expect(needs[0].level).toBe(declaredFindings().find((d) => d.id === NEEDS)?.level);
  });

  test("'off' drops the finding but not a single write; a level changes it", () => {
    const plain = planFill(load());
    const off = planFill(load(), { rules: { [NEEDS]: 'off' } });
    expect(off.findings.filter((f) => f.rule === NEEDS)).toEqual([]);
    expect(off.writes).toEqual(plain.writes);
    expect(off.findings).toHaveLength(plain.findings.length - 1);
    const info = planFill(load(), { rules: { [NEEDS]: 'info' } });
    expect(info.findings.filter((f) => f.rule === NEEDS).map((f) => f.level)).toEqual(['info']);
  });

  test('gouji fill --config with the id off reports no item for a person', async () => {
    const files = new Map([
      ['cfg.json', new TextEncoder().encode(JSON.stringify({ rules: { [NEEDS]: 'off' } }))],
    ]);
    const on = await gouji(['fill', FILE, '-o', 'out.xlsx', '--json'], files);
    const off = await gouji(['fill', FILE, '-o', 'out2.xlsx', '--json', '--config', 'cfg.json'], files);
    expect(on.stdout).toContain(NEEDS);
    expect(off.stdout).not.toContain(NEEDS);
    expect(off.code).toBe(on.code);
  });
});
