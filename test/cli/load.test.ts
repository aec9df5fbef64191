/** The CLI reads workbooks with Node's native zlib; what it reads must be what the shared (fflate) reader reads. */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { loadWorkbook, nativeInflater } from '../../src/cli/load';
import { CliError } from '../../src/cli/io';
import { readXlsx } from '../../src/xlsx/read';
import { fflateInflater, setInflater } from '../../src/xlsx/zip';
import { REAL_BUDGETS } from '../helpers/data';

const files = readdirSync(REAL_BUDGETS).filter((f) => f.endsWith('.xlsx'));
const bytesOf = (f: string) => new Uint8Array(readFileSync(join(REAL_BUDGETS, f)));

afterAll(() => setInflater(fflateInflater));

test('native inflate reads every real budget exactly as fflate does', () => {
  expect(files.length).toBeGreaterThan(5);
  const native = files.map((f) => loadWorkbook(bytesOf(f), f)); // load.ts installed zlib's inflater
  setInflater(fflateInflater);
  files.forEach((f, i) => expect(native[i]).toEqual(readXlsx(bytesOf(f), f)));
});

test('native inflate rejects damaged part data with the reader’s message', () => {
  setInflater(nativeInflater);
  const bad = bytesOf(files[0]).slice();
  for (let i = 200; i < 2000; i++) bad[i] ^= 0x5a; // inside the first entries' compressed data
  expect(() => loadWorkbook(bad, 'bad.xlsx')).toThrow(CliError);
  expect(() => loadWorkbook(bad, 'bad.xlsx')).toThrow(/damaged/);
  // an entry that inflates to more than its declared size is refused, not read past its size
  expect(() => nativeInflater(new Uint8Array([75, 76, 76, 76, 4, 0]) /* "aaaa" */, 1)).toThrow();
});
