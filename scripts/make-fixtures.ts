/**
 * Regenerates test/fixtures/*.xlsx from the seed documents.
 * Each module in scripts/fixtures/ exports `fixtures: FixtureSpec[]`; run `npm run fixtures`.
 */
import { mkdirSync, readdirSync } from 'fs';
import { join } from 'path';
import type { FixtureSpec } from './fixtures/spec';

async function main(): Promise<void> {
  const outDir = join(__dirname, '..', 'test', 'fixtures');
  mkdirSync(outDir, { recursive: true });
  const only = process.argv.slice(2);
  const dir = join(__dirname, 'fixtures');
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file === 'spec.ts' || file.startsWith('_')) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, file)) as { fixtures?: FixtureSpec[] };
    for (const spec of mod.fixtures ?? []) {
      if (only.length && !only.some((o) => spec.file.includes(o))) continue;
      await spec.write(join(outDir, spec.file));
      console.log(`wrote test/fixtures/${spec.file}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
