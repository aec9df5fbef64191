/**
 * Fuzz worker: runs `gouji check --json` in-process (the built CLI entry, lib/cli/main.js) on each case file named
 * in a list, one after another, and prints one JSON line per case: exit code, stderr, whether stdout parsed,
 * wall time and the process's peak RSS so far. The Jest test (fuzz.test.ts) starts two of these and bounds them.
 */
'use strict';
const { readFileSync, writeFileSync } = require('fs');
const { join } = require('path');
const { run } = require(join(__dirname, '..', '..', 'lib', 'cli', 'main.js'));

async function main() {
  const [listFile, outFile] = process.argv.slice(2);
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const lines = [];
  for (const file of files) {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      readFile: (p) => new Uint8Array(readFileSync(p)),
      writeFile: () => {},
    };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let code;
    try {
      code = await run(['check', file, '--json'], io);
    } catch (e) {
      code = -1;
      stderr += `THROWN ${e && e.stack}`;
    }
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const cpuMs = (c.user + c.system) / 1000;
    let parsed = false;
    if (code === 0 || code === 1) {
      try {
        JSON.parse(stdout);
        parsed = true;
      } catch {
        parsed = false;
      }
    }
    lines.push(
      JSON.stringify({
        file,
        code,
        stderr,
        parsed,
        ms,
        cpuMs,
        rssMiB: process.resourceUsage().maxRSS / 1024,
      }),
    );
    // results so far survive a kill
    writeFileSync(outFile, lines.join('\n') + '\n');
  }
}

main().then(
  () => (process.exitCode = 0),
  (e) => {
    process.stderr.write(String(e && e.stack));
    process.exitCode = 3;
  },
);
