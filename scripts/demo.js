#!/usr/bin/env node
// `npm run demo`: review the bundled sample and write a reviewed copy to out/.
'use strict';
const { mkdirSync } = require('fs');
const { join } = require('path');
const { run } = require('../lib/cli/main.js');

const sample = join('assets', 'sample', '济源交管支队-2021-预算与绩效.xlsx');
const outDir = 'out';

async function main() {
  mkdirSync(outDir, { recursive: true });
  const reviewed = join(outDir, '济源交管支队-2021-审核.xlsx');
  const code = await run(['check', sample, '--annotate', reviewed]);
  if (code === 2) process.exit(2);
  console.log(`\n已写出审核副本 / reviewed copy written: ${reviewed}`);
}

main();
