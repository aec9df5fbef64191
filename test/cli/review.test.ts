import { readFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'path';
import { review } from '../helpers/review';
import { readXlsx } from '../../src/xlsx';
import { gouji } from './helpers';

const SAMPLE = join(__dirname, '..', '..', 'assets', 'sample', '济源交管支队-2021-预算与绩效.xlsx');

describe('gouji review (the demo job)', () => {
  test('fills scores, highlights every finding and adds the summary, touching no value the user typed', async () => {
    const r = await gouji(['review', SAMPLE, '-o', '/out.xlsx', '--json']);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(r.code).toBe(json.counts.error > 0 ? 1 : 0);
    const input = readXlsx(new Uint8Array(readFileSync(SAMPLE)));
    const output = readXlsx(r.files.get('/out.xlsx')!);
    expect(output.sheets.map((s) => s.name)).toEqual([...input.sheets.map((s) => s.name), '审核汇总']);

    // every non-empty input cell keeps its value; new values only where the input was empty
    let added = 0;
    input.sheets.forEach((sheet, i) => {
      const out = output.sheets[i];
      const rows = Math.max(sheet.rows.length, out.rows.length);
      for (let r = 0; r < rows; r++) {
        const cols = Math.max(sheet.rows[r]?.length ?? 0, out.rows[r]?.length ?? 0);
        for (let c = 0; c < cols; c++) {
          const a = sheet.rows[r]?.[c];
          const b = out.rows[r]?.[c];
          if (a?.value !== null && a?.value !== undefined) expect(b?.value).toEqual(a.value);
          else if (b?.value !== null && b?.value !== undefined) added++;
        }
      }
    });
    expect(added).toBe(json.filled);
    expect(json.filled).toBeGreaterThan(0);

    // the findings are those of a fresh review of the filled workbook, each with a note at its first cell
    const filledReview = review({ ...output, sheets: output.sheets.filter((s) => s.name !== '审核汇总') });
    for (const f of filledReview.findings)
      expect(json.findings.some((g: { rule: string }) => g.rule === f.rule)).toBe(true);
    const parts = unzipSync(r.files.get('/out.xlsx')!);
    const notes = Object.keys(parts)
      .filter((p) => /^xl\/comments\d*\.xml$/.test(p))
      .map((p) => strFromU8(parts[p]))
      .join('');
    for (const f of json.findings)
      if (f.locations[0]) expect(notes).toContain(`ref="${f.locations[0].cell}"`);
  });

  test('refuses to overwrite its input', async () => {
    const r = await gouji(['review', SAMPLE, '-o', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/overwrite/);
  });
});
