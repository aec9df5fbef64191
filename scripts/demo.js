#!/usr/bin/env node
// `npm run demo`: the whole job on the bundled sample — fill scores, review, highlight, summarise — into out/.
'use strict';
const { mkdirSync } = require('fs');
const { join } = require('path');
const { run } = require('../lib/cli/main.js');

const sample = join('assets', 'sample', '济源交管支队-2021-预算与绩效.xlsx');
const reviewed = join('out', '济源交管支队-2021-审核.xlsx');

mkdirSync('out', { recursive: true });
run(['review', sample, '-o', reviewed]).then((code) => {
  // exit 1 only means the sample has error-level findings, which it is meant to show
  process.exit(code === 2 ? 2 : 0);
});
