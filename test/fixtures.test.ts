/**
 * The committed fixtures (test/fixtures/**, assets/sample/**): they exist, open with ExcelJS and with our reader,
 * are up to date with their builders, and what they transcribe matches the seed text in test/data/seeds
 * (set GOUJI_SEEDS to read the seeds elsewhere; the seed comparisons are skipped when the folder is absent).
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { cellText, isCellError, Workbook } from '../src/core/model/workbook';
import { readXlsx, XlsxReadError } from '../src/xlsx';
import type { FixtureSpec } from '../scripts/fixtures/spec';
import {
  fixtures as seedFixtures,
  JIYUAN_CORRECTIONS,
  JIYUAN_SHEETS,
  jiyuanCleanData,
  jiyuanData,
} from '../scripts/fixtures/seeds';
import { fixtures as strangeFixtures, hugeText } from '../scripts/fixtures/strange';
import { fixtures as sampleFixtures, SELF_EVALUATION_SHEET } from '../scripts/fixtures/sample';
import { BAOSHAN_SECTIONS, YUXI_P1_ITEMS, YUXI_PROJECTS } from '../scripts/fixtures/seed-data/project-texts';
import { SEEDS as SEED_DIR } from './helpers/data';

jest.setTimeout(60_000);

const FIXTURES = join(__dirname, 'fixtures');
const SEEDS = process.env.GOUJI_SEEDS ?? SEED_DIR;
const haveSeeds = existsSync(join(SEEDS, '003_94b6ab0ece475523.txt'));
const describeSeeds = haveSeeds ? describe : describe.skip;

const ALL: FixtureSpec[] = [...seedFixtures, ...strangeFixtures, ...sampleFixtures];
const path = (spec: FixtureSpec): string => join(FIXTURES, spec.file);
const bytes = (file: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, file)));

/** Files that are broken on purpose, with the XlsxReadError code the reader gives. */
const BROKEN: Record<string, string> = {
  'strange/truncated.xlsx': 'corrupt',
  'strange/not-a-workbook.xlsx': 'not-zip',
  'strange/old-binary.xls': 'xls',
};

const JIYUAN = Object.values(JIYUAN_SHEETS);
const performanceBuilderExists = existsSync(join(__dirname, '..', 'scripts', 'fixtures', 'performance.ts'));

/** Expected sheet names as our reader lists them (chart sheets included). */
const SHEETS: Record<string, string[]> = {
  'jiyuan-2021-budget.xlsx': JIYUAN,
  'jiyuan-2021-budget-clean.xlsx': JIYUAN,
  'yuxi-2021-project-texts.xlsx': ['项目一', '项目二', '项目三', '项目四', '项目五', '项目六'],
  'baoshan-2021-project-text.xlsx': ['Sheet1'],
  'strange/empty.xlsx': ['Sheet1'],
  'strange/shopping-list.xlsx': ['购物清单'],
  'strange/ref-errors.xlsx': ['支出总表'],
  'strange/fullwidth-digits.xlsx': ['一般公共预算支出'],
  'strange/huge-text.xlsx': ['说明'],
  'strange/hidden-and-chart.xlsx': ['数据', '图表1', '底稿', '配置'],
  'strange/formula-no-cache.xlsx': ['一般公共预算支出'],
  [sampleFixtures[0].file]: performanceBuilderExists ? [...JIYUAN, SELF_EVALUATION_SHEET] : JIYUAN,
};

async function openExcelJS(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(FIXTURES, file)) as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: Workbook, name: string) {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** All non-empty cells of a sheet: [A1, value]. */
function cells(wb: Workbook, name: string): { a1: string; value: string | number; numFmt?: string }[] {
  const s = sheet(wb, name);
  const out: { a1: string; value: string | number; numFmt?: string }[] = [];
  s.rows.forEach((row, r) =>
    row?.forEach((c, k) => {
      if (!c || c.value === null || c.value === '' || typeof c.value === 'boolean' || isCellError(c.value))
        return;
      out.push({ a1: `${String.fromCharCode(65 + k)}${r + 1}`, value: c.value, numFmt: c.numFmt });
    }),
  );
  return out;
}

const at = (wb: Workbook, name: string, a1: string) => {
  const col = a1.charCodeAt(0) - 65;
  const row = Number(a1.slice(1)) - 1;
  return sheet(wb, name).rows[row]?.[col];
};

// ------------------------------------------------------------------------------------------ files

describe('fixture files', () => {
  it.each(ALL.map((s) => [s.file, s]))('%s exists', (_file, spec) => {
    expect(existsSync(path(spec as FixtureSpec))).toBe(true);
  });

  it('every fixture has an expected-sheets entry or is broken on purpose', () => {
    for (const s of ALL) expect(s.file in SHEETS || s.file in BROKEN).toBe(true);
  });

  it.each(Object.entries(SHEETS))(
    '%s opens with ExcelJS with the expected worksheets',
    async (file, names) => {
      const wb = await openExcelJS(file);
      // ExcelJS does not load chart sheets.
      expect(wb.worksheets.map((w) => w.name)).toEqual(names.filter((n) => n !== '图表1'));
    },
  );

  it.each(Object.entries(SHEETS))('%s opens with readXlsx with the expected sheets', (file, names) => {
    const wb = readXlsx(bytes(file), file);
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
  });

  it.each(Object.entries(BROKEN))('%s is refused by readXlsx with code %s', (file, code) => {
    let err: unknown;
    try {
      readXlsx(bytes(file));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as XlsxReadError).code).toBe(code);
  });

  it('the truncated file is the first half of a real workbook, the .xls an OLE2 container', () => {
    const t = bytes('strange/truncated.xlsx');
    expect([t[0], t[1], t[2], t[3]]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(Array.from(bytes('strange/old-binary.xls').slice(0, 8))).toEqual([
      0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1,
    ]);
  });

  it('readXlsx and ExcelJS agree on every cell value of every readable fixture', async () => {
    for (const file of Object.keys(SHEETS)) {
      const ours = readXlsx(bytes(file));
      const theirs = await openExcelJS(file);
      for (const ws of theirs.worksheets) {
        const s = sheet(ours, ws.name);
        ws.eachRow({ includeEmpty: false }, (row, r) =>
          row.eachCell({ includeEmpty: false }, (c, k) => {
            if (c.isMerged && c.master !== c) return;
            const v = c.value as ExcelJS.CellValue;
            const mine = s.rows[r - 1]?.[k - 1];
            const where = `${file} ${ws.name}!${c.address}`;
            if (v && typeof v === 'object' && 'formula' in v) {
              expect([where, mine?.formula]).toEqual([where, v.formula]);
              const res = (v as ExcelJS.CellFormulaValue).result;
              if (res === undefined) expect([where, mine?.noCachedValue]).toEqual([where, true]);
              else if (typeof res === 'object' && res && 'error' in res)
                expect([where, mine?.value]).toEqual([where, res]);
              else expect([where, mine?.value]).toEqual([where, res]);
            } else if (v && typeof v === 'object' && 'error' in v) {
              expect([where, mine?.value]).toEqual([where, { error: v.error }]);
            } else if (typeof v === 'number' || typeof v === 'string') {
              expect([where, mine?.value]).toEqual([where, v]);
            }
          }),
        );
      }
    }
  });
});

describe('fixtures are up to date with their builders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gouji-fixtures-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The sample depends on performance.ts, which another module owns; seeds and strange files are checked byte for byte.
  it.each([...seedFixtures, ...strangeFixtures].map((s) => [s.file, s]))('%s', async (file, spec) => {
    const out = join(dir, file as string);
    await (spec as FixtureSpec).write(out);
    expect(Buffer.compare(readFileSync(out), readFileSync(join(FIXTURES, file as string)))).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------ strange

describe('strange files hold what they claim', () => {
  it('hidden-and-chart: chart sheet, hidden and very hidden sheets', () => {
    const wb = readXlsx(bytes('strange/hidden-and-chart.xlsx'));
    expect(sheet(wb, '图表1').kind).toBe('chartsheet');
    expect(sheet(wb, '底稿').hidden).toBe(true);
    expect(sheet(wb, '配置').hidden).toBe(true);
    expect(sheet(wb, '数据').hidden).toBeFalsy();
  });

  it('huge-text: one cell of 100,000 characters', () => {
    const wb = readXlsx(bytes('strange/huge-text.xlsx'));
    const text = cellText(at(wb, '说明', 'B1'));
    expect(text.length).toBe(100_000);
    expect(text).toBe(hugeText());
  });

  it('formula-no-cache: formulas without cached values', () => {
    const wb = readXlsx(bytes('strange/formula-no-cache.xlsx'));
    for (const a1 of ['C4', 'D4', 'E4', 'C5', 'C9']) {
      const c = at(wb, '一般公共预算支出', a1);
      expect(c?.formula).toBeTruthy();
      expect(c?.noCachedValue).toBe(true);
    }
    expect(at(wb, '一般公共预算支出', 'C4')?.formula).toBe('SUM(C5:C9)');
  });

  it('ref-errors: error values and error results', () => {
    const wb = readXlsx(bytes('strange/ref-errors.xlsx'));
    const v = (a1: string) => at(wb, '支出总表', a1);
    expect(v('C5')?.value).toEqual({ error: '#REF!' });
    expect(v('C4')).toMatchObject({ formula: 'SUM(#REF!)', value: { error: '#REF!' } });
    expect(v('D6')).toMatchObject({ formula: 'C6/0', value: { error: '#DIV/0!' } });
    expect(v('C7')?.value).toEqual({ error: '#N/A' });
    expect(v('D8')?.value).toEqual({ error: '#VALUE!' });
    expect(v('E8')?.value).toEqual({ error: '#NAME?' });
  });

  it('fullwidth-digits: amounts are text in full-width digits', () => {
    const wb = readXlsx(bytes('strange/fullwidth-digits.xlsx'));
    expect(at(wb, '一般公共预算支出', 'C4')?.value).toBe('３，９１２．４０');
    expect(at(wb, '一般公共预算支出', 'D4')?.value).toBe('１，８０７．７０');
    expect(at(wb, '一般公共预算支出', 'E5')?.value).toBe('－');
    expect(at(wb, '一般公共预算支出', 'D8')?.value).toBe('115.00 ');
    const numbers = cells(wb, '一般公共预算支出').filter((c) => typeof c.value === 'number');
    expect(numbers).toEqual([]);
  });

  it('empty: one sheet, no cells', () => {
    const wb = readXlsx(bytes('strange/empty.xlsx'));
    expect(wb.sheets).toHaveLength(1);
    expect(cells(wb, 'Sheet1')).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------ 济源 data

describe('济源 workbook data (no seed file needed)', () => {
  const wb = readXlsx(bytes('jiyuan-2021-budget.xlsx'));
  const clean = readXlsx(bytes('jiyuan-2021-budget-clean.xlsx'));

  /** Every amount to the right of a label in the forms sheet. */
  const formAmounts = (w: Workbook, label: string): number[] => {
    const s = sheet(w, JIYUAN_SHEETS.forms);
    const out: number[] = [];
    s.rows.forEach((row) =>
      row?.forEach((c, k) => {
        if (c?.value === label) {
          const v = row[k + 1]?.value;
          if (typeof v === 'number') out.push(v);
        }
      }),
    );
    return out;
  };

  it('16 forms whose 项目本年度金额 sum to 2104.7 = 一般公共预算 项目支出', () => {
    const amounts = formAmounts(wb, '项目本年度金额');
    expect(amounts).toHaveLength(16);
    const sum = Math.round(amounts.reduce((a, b) => a + b, 0) * 100) / 100;
    expect(sum).toBe(2104.7);
    expect(at(wb, JIYUAN_SHEETS.t5, 'K6')?.value).toBe(2104.7);
    expect(formAmounts(wb, '项目总金额')).toEqual(amounts);
  });

  it('tables reconcile as the seed prints them', () => {
    const v = (s: string, a1: string) => at(wb, s, a1)?.value;
    // 收支总体: 收入合计 = 支出合计 = 4055.5; 本年合计 3912.4 + 部门结转 143.1
    expect(v(JIYUAN_SHEETS.t1, 'C33')).toBe(4055.5);
    expect(v(JIYUAN_SHEETS.t1, 'E33')).toBe(4055.5);
    expect(v(JIYUAN_SHEETS.t1, 'C30')).toBe(3912.4);
    expect(v(JIYUAN_SHEETS.t1, 'C31')).toBe(143.1);
    // 支出总体 合计 row and 一般公共预算 合计 row
    expect(v(JIYUAN_SHEETS.t3, 'F6')).toBe(4055.5);
    expect(v(JIYUAN_SHEETS.t5, 'F6')).toBe(3912.4);
    expect(v(JIYUAN_SHEETS.t5, 'G6')).toBe(1807.7);
    // 三公 共计 60
    expect(v(JIYUAN_SHEETS.t7, 'B4')).toBe(60);
    // 财政拨款 收入合计 / 支出合计
    expect(v(JIYUAN_SHEETS.t4, 'C44')).toBe(3912.4);
    expect(v(JIYUAN_SHEETS.t4, 'E44')).toBe(3912.4);
    // derived tables agree with the printed ones
    expect(v(JIYUAN_SHEETS.t2, 'D5')).toBe(4055.5);
    expect(v(JIYUAN_SHEETS.t6, 'C5')).toBe(1807.7);
  });

  it('类/项 rows of 支出总体 and 一般公共预算支出 add up to their 合计 row, column by column', () => {
    for (const t of [jiyuanData().t3, jiyuanData().t5]) {
      const [total, , ...items] = t.rows;
      for (let k = 0; k < 8; k++) {
        const sum = items.reduce((a, r) => a + (r.values[k] ?? 0), 0);
        expect(Math.round(sum * 10) / 10).toBe(total.values[k] ?? 0);
      }
    }
  });

  it('the clean workbook differs exactly by the listed corrections', () => {
    const seed = jiyuanData();
    const fixed = jiyuanCleanData();
    const changed = seed.narrative.filter((p, i) => p !== fixed.narrative[i]);
    expect(changed).toHaveLength(3);
    expect(JIYUAN_CORRECTIONS.map((c) => c.id)).toHaveLength(4);
    const text = (w: Workbook) =>
      cells(w, JIYUAN_SHEETS.narrative)
        .map((c) => String(c.value))
        .join('\n');
    for (const [bad, good] of [
      ['减少 4.89%', '减少 4.90%'],
      ['减少 6.04%', '减少 6.05%'],
      ['占 39.09%', '占 39.10%'],
    ]) {
      expect(text(wb)).toContain(bad);
      expect(text(clean)).toContain(good);
      expect(text(clean)).not.toContain(bad);
    }
    expect(cells(clean, JIYUAN_SHEETS.t4).some((c) => c.value === '三十四、抗疫特别国债安排的支出')).toBe(
      true,
    );
  });

  /** Shares "X 万元，占 P%" and changes "减少 X 万元，减少 P%" recomputed at the printed precision. */
  function narrativeMismatches(w: Workbook): string[] {
    const paras = cells(w, JIYUAN_SHEETS.narrative).map((c) => String(c.value));
    const bad: string[] = [];
    const round = (x: number, d: number) => (Math.round(x * 10 ** d) / 10 ** d).toFixed(d);
    const decimals = (p: string) => (p.split('.')[1] ?? '').length;
    const base = (p: string) => (p.includes('一般公共预算支出') ? 3912.4 : 4055.5);
    for (const p of paras) {
      for (const m of p.matchAll(/([\d.]+) 万元，占 ([\d.]+)%/g)) {
        const want = round((Number(m[1]) / base(p)) * 100, decimals(m[2]));
        if (want !== m[2]) bad.push(`${m[0]} → ${want}%`);
      }
      for (const m of p.matchAll(/减少 ([\d.]+) 万元，(?:减少|下降) ([\d.]+)%/g)) {
        const now =
          /机关运行经费支出预算 ([\d.]+)/.exec(p)?.[1] ?? /(?:收入总计|收支预算) ([\d.]+) 万元/.exec(p)?.[1];
        const want = round((Number(m[1]) / (Number(now) + Number(m[1]))) * 100, decimals(m[2]));
        if (want !== m[2]) bad.push(`${m[0]} → ${want}%`);
      }
    }
    return bad;
  }

  it('narrative shares and rates: 3 truncations in the seed, none in the clean file', () => {
    expect(narrativeMismatches(wb)).toEqual([
      '减少 208.8 万元，减少 4.89% → 4.90%',
      '减少 251.9 万元，减少 6.04% → 6.05%',
      '1529.6 万元，占 39.09% → 39.10%',
    ]);
    expect(narrativeMismatches(clean)).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------ against the seeds

/** Whitespace removed: the seed text wraps cells ("一般 公共 预算 收入") and puts spaces around numbers. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** A number as the seed prints it, from the cell's number format. */
function printed(v: number, numFmt: string | undefined): string {
  const d = /0\.(0+)/.exec(numFmt ?? '')?.[1].length ?? 0;
  if (!numFmt || numFmt === 'General') return String(v);
  return numFmt.includes(',')
    ? v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
    : v.toFixed(d);
}

describeSeeds('transcriptions match the seed text', () => {
  const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');
  const s003 = haveSeeds ? seed('003_94b6ab0ece475523.txt') : '';
  const s000 = haveSeeds ? seed('000_d154f450a6c8da07.txt') : '';
  const s001 = haveSeeds ? seed('001_12733391a676bfdc.txt') : '';
  const wb = readXlsx(bytes('jiyuan-2021-budget.xlsx'));

  it('anchor numbers parsed from the seed narrative are the table cells', () => {
    const n = (re: RegExp) => Number(re.exec(s003)?.[1]);
    expect(n(/收入总计 ([\d.]+) 万元/)).toBe(at(wb, JIYUAN_SHEETS.t1, 'C33')?.value);
    expect(n(/一般公共预算收入 ([\d.]+) 万元/)).toBe(at(wb, JIYUAN_SHEETS.t1, 'C30')?.value);
    expect(n(/部门结转 ([\d.]+) 万元/)).toBe(at(wb, JIYUAN_SHEETS.t1, 'C31')?.value);
    expect(n(/基本支出 ([\d.]+) 万元/)).toBe(at(wb, JIYUAN_SHEETS.t5, 'G6')?.value);
    expect(n(/项目支出 ([\d.]+) 万元/)).toBe(at(wb, JIYUAN_SHEETS.t3, 'K6')?.value);
    expect(n(/特别业务（类）支出 ([\d.]+) 万元/)).toBe(at(wb, JIYUAN_SHEETS.t5, 'K6')?.value);
    expect(n(/“三公”经费预算为 ([\d.]+) 万元/)).toBe(at(wb, JIYUAN_SHEETS.t7, 'B4')?.value);
    // the seed's 16 forms: 项目本年度金额 as printed, summed
    const printedAmounts = [...s003.matchAll(/项目本年度金额\t([\d.]+)/g)].map((m) => Number(m[1]));
    expect(printedAmounts).toHaveLength(16);
    expect(Math.round(printedAmounts.reduce((a, b) => a + b, 0) * 100) / 100).toBe(2104.7);
    expect(jiyuanData().forms.map((f) => f.thisYear)).toEqual(printedAmounts);
  });

  it.each([
    JIYUAN_SHEETS.t1,
    JIYUAN_SHEETS.t3,
    JIYUAN_SHEETS.t4,
    JIYUAN_SHEETS.t5,
    JIYUAN_SHEETS.t7,
    JIYUAN_SHEETS.t8,
  ])('济源 sheet %s: every number (as printed) and every text is in the seed', (name) => {
    const text = squash(s003);
    for (const c of cells(wb, name)) {
      const want = typeof c.value === 'number' ? printed(c.value, c.numFmt) : squash(c.value);
      expect([c.a1, text.includes(squash(want))]).toEqual([c.a1, true]);
    }
  });

  it('济源 forms sheet: every text and amount is in the seed (phone numbers masked)', () => {
    const text = squash(s003);
    for (const c of cells(wb, JIYUAN_SHEETS.forms)) {
      if (typeof c.value === 'string' && c.value.includes('****')) continue;
      const want = typeof c.value === 'number' ? printed(c.value, c.numFmt) : squash(c.value);
      expect([c.a1, text.includes(want)]).toEqual([c.a1, true]);
    }
  });

  it('济源 预算说明: every paragraph is in the seed', () => {
    const text = squash(s003);
    for (const c of cells(wb, JIYUAN_SHEETS.narrative))
      expect([c.a1, text.includes(squash(String(c.value)))]).toEqual([c.a1, true]);
  });

  it('玉溪: every paragraph is in seed 000; project 1 items sum to 2424.9075 against the stated 2425.91', () => {
    const text = squash(s000);
    for (const p of YUXI_PROJECTS)
      for (const s of p.sections) {
        expect(text).toContain(squash(s.heading));
        for (const para of s.paragraphs)
          expect([p.label, text.includes(squash(para))]).toEqual([p.label, true]);
      }
    const items = YUXI_P1_ITEMS.rows.map((r) => r[2] as number);
    for (const r of YUXI_P1_ITEMS.rows) {
      expect(text).toContain(`${r[2]}万`);
      expect(text).toContain(squash(String(r[1])));
    }
    expect(items).toHaveLength(11);
    expect(Math.round(items.reduce((a, b) => a + b, 0) * 10000) / 10000).toBe(2424.9075);
    expect(text).toContain('本项目总投资2425.91万元');
    // project 3: 4807.57 + 430.56 + 261.91 = 5500.04, stated 5500, shares 87.41 / 7.83 / 4.76
    expect(text).toContain('预算工程费4807.57万元、其他费用430.56万元');
    expect(text).toContain('预备费261.91万元');
    for (const s of ['87.41%', '7.83%', '4.76%', '总投资概算5500万元']) expect(text).toContain(s);
    expect(Math.round((4807.57 + 430.56 + 261.91) * 100) / 100).toBe(5500.04);
  });

  it('玉溪 workbook: project 1 table cells and project 3 text', () => {
    const y = readXlsx(bytes('yuxi-2021-project-texts.xlsx'));
    const p1 = cells(y, '项目一');
    const amounts = p1
      .filter((c) => c.a1.startsWith('D') && typeof c.value === 'number')
      .map((c) => c.value as number);
    expect(amounts).toEqual(YUXI_P1_ITEMS.rows.map((r) => r[2]));
    expect(p1.some((c) => String(c.value).includes('2425.91'))).toBe(true);
    expect(cells(y, '项目三').some((c) => String(c.value).includes('4807.57万元占建设投资的87.41%'))).toBe(
      true,
    );
  });

  it('保山: every paragraph is in seed 001; parts sum to 1617.00', () => {
    const text = squash(s001);
    for (const s of BAOSHAN_SECTIONS) for (const para of s.paragraphs) expect(text).toContain(squash(para));
    const parts = BAOSHAN_SECTIONS.flatMap((s) => s.paragraphs)
      .filter((p) => /^[（(][一二三四五][）)]/.test(p))
      .map((p) => Number(/([\d.]+)万元$/.exec(p)?.[1]));
    expect(parts).toEqual([650, 567, 200, 100, 100]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1617);
    expect(text).toContain('项目经费1617.00万元');
  });
});
