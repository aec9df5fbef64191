#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  process.stderr.write('gouji: the CLI is not built yet; run `npm ci` (or `npm run build:cli`) first.\n');
  process.exit(2);
}
cli.run(process.argv.slice(2)).then((code) => process.exit(code));
