/** The README "Finding ids" table is the registry's (regenerate it with `npm run docs:rules`; this test only reads). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { findingTable, readmeFindingTable, tableCells } from '../../src/cli/rules';
import { declaredFindings } from '../../src/core/registry';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README finding table', () => {
  it('has the generated table between its markers', () => {
    expect(readmeFindingTable(readme)).not.toBeNull();
  });

  it('lists exactly the registry, row for row (run `npm run docs:rules` after changing a rule)', () => {
    const inReadme = tableCells(readmeFindingTable(readme) ?? '');
    const fromRegistry = tableCells(findingTable());
    expect(inReadme).toEqual(fromRegistry);
    // header + separator + one row per declared finding
    expect(inReadme).toHaveLength(declaredFindings().length + 2);
  });

  it('notices a README row that differs from the registry', () => {
    const table = readmeFindingTable(readme) ?? '';
    const tampered = table.replace('| error ', '| info  ');
    expect(tableCells(tampered)).not.toEqual(tableCells(findingTable()));
  });
});
