#!/usr/bin/env node
// Behaviour check for refactors: run `gouji check <file> --json` (from lib/, so `npm run build:cli` first) on every
// fixture and real workbook and compare the findings (rule, level, message, locations, expected, actual) with a
// saved baseline directory (one `<path with / → _>.json` per workbook, written the same way before the change).
//
//   node scripts/compare-findings.js <baseline-dir>          compare; exit 1 on any difference
//   node scripts/compare-findings.js <baseline-dir> --write  (re)write the baseline from this build
'use strict';
const { execFileSync } = require('child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('fs');
const { join, relative } = require('path');

const ROOTS = ['assets/sample', 'test/fixtures', 'test/data/real-budgets', 'test/data/real-narratives'];
const root = join(__dirname, '..');
const [dir, mode] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/compare-findings.js <baseline-dir> [--write]');
  process.exit(2);
}

function workbooks(d) {
  const abs = join(root, d);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .flatMap((n) => {
      const p = join(abs, n);
      return statSync(p).isDirectory()
        ? workbooks(relative(root, p))
        : n.endsWith('.xlsx')
          ? [relative(root, p)]
          : [];
    })
    .sort();
}

function check(file) {
  try {
    return execFileSync('node', ['bin/gouji.js', 'check', file, '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 28,
    });
  } catch (e) {
    return e.stdout ?? ''; // exit 1 = error findings; exit 2 = unreadable (no stdout)
  }
}

/** The part of a report that must not change: the findings, each as its six fields. */
function findings(text) {
  if (text.trim() === '') return [];
  return JSON.parse(text).findings.map((f) =>
    JSON.stringify([f.rule, f.level, f.message, f.locations, f.expected ?? null, f.actual ?? null]),
  );
}

let compared = 0;
let differing = 0;
const files = ROOTS.flatMap(workbooks);
if (mode === '--write') mkdirSync(dir, { recursive: true });
for (const file of files) {
  const out = check(file);
  const saved = join(dir, file.replace(/\//g, '_') + '.json');
  if (mode === '--write') {
    writeFileSync(saved, out);
    continue;
  }
  if (!existsSync(saved)) {
    console.log(`no baseline: ${file}`);
    continue;
  }
  compared++;
  const before = findings(readFileSync(saved, 'utf8'));
  const after = findings(out);
  const gone = before.filter((f) => !after.includes(f));
  const added = after.filter((f) => !before.includes(f));
  const order = gone.length === 0 && added.length === 0 && before.join('\n') !== after.join('\n');
  if (gone.length || added.length || order) {
    differing++;
    console.log(`DIFF ${file}: ${gone.length} gone, ${added.length} new${order ? ', order changed' : ''}`);
    for (const f of gone.slice(0, 5)) console.log(`  - ${f}`);
    for (const f of added.slice(0, 5)) console.log(`  + ${f}`);
  }
}
if (mode === '--write') console.log(`wrote ${files.length} reports to ${dir}`);
else console.log(`compared ${compared} workbooks, ${differing} with differences`);
process.exit(differing ? 1 : 0);
