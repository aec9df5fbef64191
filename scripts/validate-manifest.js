#!/usr/bin/env node
/**
 * Validates an add-in manifest against the Office add-in XSDs, offline:
 *   node scripts/validate-manifest.js [manifest.xml]
 * The schemas are bundled in schemas/office-addin-manifest (copied from the Office add-in XSDs; override with
 * GOUJI_MANIFEST_SCHEMAS). Needs `xmllint` (Debian/Ubuntu: apt-get install libxml2-utils).
 * Exit codes: 0 valid, 1 schema or XML errors, 2 cannot validate (xmllint or schemas missing).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const repo = path.resolve(__dirname, '..');
const manifest = path.resolve(process.argv[2] || path.join(repo, 'manifest.xml'));
const schemaDir = path.resolve(
  process.env.GOUJI_MANIFEST_SCHEMAS || path.join(repo, 'schemas', 'office-addin-manifest'),
);
const schema = path.join(schemaDir, 'OfficeAppManifestV1_1.xsd');

function fail(code, msg) {
  process.stderr.write(`validate-manifest: ${msg}\n`);
  process.exit(code);
}

if (!fs.existsSync(manifest)) fail(2, `manifest not found: ${manifest}`);
if (!fs.existsSync(schema))
  fail(2, `schema not found: ${schema} (set GOUJI_MANIFEST_SCHEMAS to the schema folder)`);

const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
if (probe.error) {
  fail(
    2,
    'xmllint is not installed, so the manifest cannot be validated.\n' +
      '  Install it with: sudo apt-get install -y libxml2-utils   (macOS: brew install libxml2)',
  );
}

// --nonet: the schemas import each other by relative path; nothing may be fetched from the network.
const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, manifest], { encoding: 'utf8' });
const out = `${run.stdout || ''}${run.stderr || ''}`.trim();
if (run.status === 0) {
  process.stdout.write(
    `${path.relative(process.cwd(), manifest) || manifest} is valid (${path.basename(schema)}).\n`,
  );
  process.exit(0);
}
process.stderr.write(`${out}\n`);
fail(1, `${manifest} does not match the Office add-in manifest schema (xmllint exit ${run.status}).`);
