#!/usr/bin/env node
'use strict';
// Exit codes are set, never forced with process.exit(): Node exits once stdout has drained, so a long report
// piped into another program arrives whole.

// A review is a short run, and a batch keeps every core busy with its workers. Measured on 2 cores: with
// TurboFan's inlining, up to 40 % of the CPU went to background compilation (a 200-file batch on one thread:
// 8.0 → 5.2 s CPU without it; one bench 1× check: 2.2 → 1.6 s), and background compile threads only competed
// with the other worker (--jobs 2: 4.4 → 3.7 s wall). Both are compiler flags, set before any of the CLI's code
// is compiled or a worker starts (garbage-collector flags must not be changed at run time: V8 aborts).
require('v8').setFlagsFromString('--no-turbo-inlining');
require('v8').setFlagsFromString('--no-concurrent-recompilation');
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
