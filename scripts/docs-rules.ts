// Write the "Finding ids" table into README.md between its markers, from the registry (`npm run docs:rules`).
// Run it on purpose after adding or changing a rule's messages; test/core/rules-doc.test.ts fails until you do.
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { findingTable, readmeFindingTable, tableCells, withFindingTable } from '../src/cli/rules';

const path = join(__dirname, '..', 'README.md');
const before = readFileSync(path, 'utf8');
const current = readmeFindingTable(before);
if (current !== null && JSON.stringify(tableCells(current)) === JSON.stringify(tableCells(findingTable()))) {
  console.log('README.md finding table already up to date');
} else {
  writeFileSync(path, withFindingTable(before));
  // the repository's Prettier pads the table's columns; the test compares cells, not padding
  execFileSync('npx', ['prettier', '--write', path], { stdio: 'inherit' });
  console.log('README.md finding table updated');
}
