#!/usr/bin/env node
'use strict';
// Exit codes are set, never forced with process.exit(): Node exits once stdout has drained, so a long report
// piped into another program arrives whole.

// V8 flags first, before any of the CLI's code is compiled or a worker starts (see src/cli/v8-flags.ts)
try {
  for (const flag of require('../lib/cli/v8-flags.js').CLI_V8_FLAGS) require('v8').setFlagsFromString(flag);
} catch {
  // not built yet: said below
}
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  process.stderr.write('gouji: the CLI is not built yet; run `npm ci` (or `npm run build:cli`) first.\n');
  process.exitCode = 2;
}
// A reader that stops early (`gouji check … --json | head`) closes the pipe: stop writing, keep the exit code.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.stdout.destroy();
  else throw e;
});
if (cli)
  cli.run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`gouji: 内部错误 / internal error: ${e && e.message}\n`);
      process.exitCode = 2;
    },
  );
