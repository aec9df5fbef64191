import { allRules } from '../../../src/core/rules';
import { rules } from '../../../src/core/rules/codes';
import { codeBasicEconomic } from '../../../src/core/rules/codes/basic-economic';
import { codeFormat } from '../../../src/core/rules/codes/format';
import { codeHierarchy } from '../../../src/core/rules/codes/hierarchy';
import { codeName } from '../../../src/core/rules/codes/name';
import { codeOtherShare } from '../../../src/core/rules/codes/other-share';
import { codeProjectWages } from '../../../src/core/rules/codes/project-wages';
import { readCodes } from '../../../src/core/codes/read';
import { codeUnknown } from '../../../src/core/rules/codes/unknown';
import {
  ALL_CLEAN,
  BASIC,
  change,
  contextOf,
  ECONOMIC,
  EMBEDDED,
  JOINED,
  run,
  SPLIT,
  SPLIT_BLANK_PARENTS,
  TableSpec,
} from './helpers';

// Sheet rows: title 1, unit 2, header from 3. SPLIT / SPLIT_BLANK_PARENTS / BASIC data start at row 5, JOINED / ECONOMIC
// at row 4, EMBEDDED at row 5.

const cells = (fs: { locations: { cell: string }[] }[]) => fs.map((f) => f.locations.map((l) => l.cell));

describe('registration', () => {
  test('every codes rule is registered once, with a codes/ id, a level and a bilingual title', () => {
    expect(rules.map((r) => r.meta.id)).toEqual([
      'codes/format',
      'codes/unknown',
      'codes/duplicate',
      'codes/name',
      'codes/hierarchy',
      'codes/basic-economic',
      'codes/project-wages',
      'codes/other-share',
    ]);
    for (const r of rules) {
      expect(allRules).toContain(r);
      expect(r.meta.title.zh).toBeTruthy();
      expect(r.meta.title.en).toBeTruthy();
    }
  });
});

describe('reading codes', () => {
  test('joined, split, split with blank parents, embedded and side-by-side 部门/政府 codes', () => {
    const codes = (spec: TableSpec) => readCodes(contextOf([spec])).map((r) => r.code);
    expect(codes(SPLIT)).toEqual([
      '201',
      '20108',
      '2010801',
      '2010804',
      '208',
      '20805',
      '2080505',
      '2080599',
      '20808',
      '2080801',
    ]);
    expect(codes(SPLIT_BLANK_PARENTS)).toEqual(['201', '20140', '2014001', '2014050', '2014004']);
    expect(codes(EMBEDDED)).toEqual(['201', '20140', '2014001', '2014004']);
    expect(codes(JOINED)).toHaveLength(11);
    const eco = readCodes(contextOf([ECONOMIC]));
    expect(eco.filter((r) => r.group === 0).map((r) => r.scheme)).toEqual(Array(11).fill('economic-dept'));
    expect(eco.filter((r) => r.group === 1).map((r) => [r.code, r.name])).toContainEqual([
      '50905',
      '离退休费',
    ]);
  });

  test('a 款 stored as the number 8 with number format 00 reads as 08', () => {
    const ctx = contextOf([SPLIT]);
    const sheet = ctx.workbook.sheets[0];
    sheet.rows[5][1] = { value: 8, numFmt: '00' };
    expect(readCodes(ctx)[1].code).toBe('20108');
  });
});

describe('clean tables', () => {
  test.each(rules.map((r) => [r.meta.id, r] as const))('%s: nothing on the clean layouts', (_id, rule) => {
    expect(run(rule, ALL_CLEAN)).toEqual([]);
  });
});

describe('codes/format', () => {
  test('a malformed joined code is an error at that cell', () => {
    const f = run(codeFormat, [change(JOINED, 3, 0, '201080')]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      level: 'error',
      locations: [{ sheet: '表1', cell: 'A7' }],
      actual: '201080',
    });
    expect(f[0].message.zh).toContain('201080');
    expect(f[0].message.en).toContain('malformed');
  });

  test('a letter O for a zero, a 1-digit 款, a functional column with an economic code', () => {
    expect(cells(run(codeFormat, [change(SPLIT, 1, 0, '2O1')]))).toEqual([['A6']]);
    expect(cells(run(codeFormat, [change(SPLIT, 2, 2, '1')]))).toEqual([['C7']]);
    expect(cells(run(codeFormat, [change(JOINED, 1, 0, '301')]))).toEqual([['A5']]);
    expect(cells(run(codeFormat, [change(ECONOMIC, 1, 2, '5010')]))).toEqual([['C5']]);
  });

  test('an economic 7-digit local subdivision is well-formed; text without digits is not a code', () => {
    expect(run(codeFormat, [change(ECONOMIC, 1, 0, '3010101')])).toEqual([]);
    expect(run(codeFormat, [change(SPLIT, 0, 0, '无')])).toEqual([]);
  });

  test('a malformed code inside the name cell', () => {
    expect(cells(run(codeFormat, [change(EMBEDDED, 3, 0, '[201400]行政运行')]))).toEqual([['A8']]);
  });
});

describe('codes/unknown', () => {
  test('a well-formed code missing from the catalog is a warning naming the edition', () => {
    const f = run(codeUnknown, [change(JOINED, 4, 0, '2010898')]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ level: 'warning', actual: '2010898' });
    expect(f[0].locations.map((l) => l.cell)).toEqual(['A8', 'B8']);
    expect(f[0].message.zh).toMatch(/2025 版/);
    expect(f[0].message.en).toMatch(/2025 edition/);
  });

  test('unknown in split columns points at the printed parts', () => {
    const f = run(codeUnknown, [change(SPLIT, 3, 2, '07')]);
    expect(f).toHaveLength(1);
    expect(f[0].locations.map((l) => l.cell)).toEqual(['A8', 'B8', 'C8', 'D8']);
    expect(f[0].actual).toBe('2010807');
  });

  test('an item under a 款 whose items the catalog does not list is info, not a warning', () => {
    const f = run(codeUnknown, [change(JOINED, 4, 0, '2190101')]);
    expect(f.map((x) => x.level)).toEqual(['info']);
  });

  test('a local economic subdivision not in the local list is info; a listed one is silent', () => {
    expect(run(codeUnknown, [change(ECONOMIC, 2, 0, '3010299')]).map((x) => x.level)).toEqual(['info']);
    expect(run(codeUnknown, [change(change(ECONOMIC, 2, 0, '3010201'), 2, 1, '规范性津补贴')])).toEqual([]);
  });

  test('a retired code is info (the year it left the catalog is not known)', () => {
    const f = run(codeUnknown, [change(change(BASIC, 5, 0, '30203'), 5, 1, '咨询费')]);
    expect(f.map((x) => [x.level, x.actual])).toEqual([['info', '30203']]);
  });
});

describe('codes/name', () => {
  test('a wrong name is a warning at the name cell, then the code cell, with both names', () => {
    const f = run(codeName, [change(JOINED, 4, 1, '审计业务费')]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      level: 'warning',
      expected: '审计业务',
      actual: '审计业务费',
      locations: [
        { sheet: '表1', cell: 'B8' },
        { sheet: '表1', cell: 'A8' },
      ],
    });
  });

  test('bracket width and spaces are ignored; 的 is not', () => {
    expect(run(codeName, [change(BASIC, 8, 1, '退休 费')])).toEqual([]);
    expect(run(codeName, [change(ECONOMIC, 10, 3, '离 退休费')])).toEqual([]);
    const f = run(codeName, [change(BASIC, 9, 1, '资本性支出(基本建设)')]);
    expect(f).toEqual([]);
    expect(cells(run(codeName, [change(BASIC, 7, 1, '对个人和家庭补助的')]))).toEqual([['B12', 'A12']]);
  });

  test('the 政府 name beside a 政府 code is checked too', () => {
    const f = run(codeName, [change(ECONOMIC, 5, 3, '办公费')]);
    expect(f.map((x) => [x.expected, x.actual, x.locations[0].cell])).toEqual([['办公经费', '办公费', 'D9']]);
  });

  test('split and embedded layouts', () => {
    expect(cells(run(codeName, [change(SPLIT, 6, 3, '机关事业单位基本养老保险缴费')]))).toEqual([
      ['D11', 'A11', 'B11', 'C11'],
    ]);
    expect(cells(run(codeName, [change(SPLIT_BLANK_PARENTS, 4, 3, '事业单位运行')]))).toEqual([['D9', 'C9']]);
    const f = run(codeName, [change(EMBEDDED, 4, 0, '[2014004]信访业务费')]);
    expect(f.map((x) => [x.expected, x.actual, x.locations.map((l) => l.cell)])).toEqual([
      ['信访业务', '信访业务费', ['A9']],
    ]);
  });

  test('an older edition name is accepted for its year and reported for a later year', () => {
    const older = (year: number): TableSpec => ({
      ...change(change(JOINED, 1, 0, '213'), 1, 1, '农林水支出'),
      year,
      rows: [
        ['213', '农林水支出', 10, 10, null],
        ['21305', '扶贫', 10, 10, null],
      ],
    });
    expect(run(codeName, [older(2021)])).toEqual([]);
    const f = run(codeName, [older(2026)]);
    expect(f.map((x) => [x.expected, x.actual])).toEqual([['巩固脱贫攻坚成果衔接乡村振兴', '扶贫']]);
  });
});

describe('codes/hierarchy', () => {
  test('a 款 code in the 类 column is an error there (not a format error)', () => {
    const spec = change(SPLIT, 1, 0, '20108');
    const f = run(codeHierarchy, [spec]);
    expect(cells(f)).toEqual([['A6']]);
    expect(f[0].level).toBe('error');
    expect(run(codeFormat, [spec])).toEqual([]);
  });

  test('a 项 row inside another 款 block is an error at its code cells and the block row', () => {
    // 2080801 死亡抚恤 moved under 20805: change the 款 of the last row to 05 → 2080501 under 20808
    const f = run(codeHierarchy, [change(change(SPLIT, 9, 1, '05'), 9, 3, '行政单位离退休')]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ expected: '20805', actual: '20808' });
    expect(f[0].locations.map((l) => l.cell)).toEqual(['A14', 'B14', 'C14', 'A13', 'B13']);
  });

  test('a 款 whose 类 is not printed at all', () => {
    const f = run(codeHierarchy, [change(change(JOINED, 6, 0, '20608'), 6, 1, '科技交流与合作')]);
    // 20608 sits under 205; 206 is not printed anywhere
    expect(f.map((x) => [x.expected, x.actual])).toContainEqual(['206', '205']);
    expect(f[0].message.zh).toContain('未列出');
  });

  test('a 项 without 款 in split columns', () => {
    const f = run(codeHierarchy, [change(SPLIT, 2, 1, null)]);
    expect(cells(f)).toEqual([['A7']]);
  });

  test('a table that prints only 项 rows (seed 003) is not held to parent rows', () => {
    const onlyItems: TableSpec = { ...SPLIT, rows: SPLIT.rows.filter((r) => r[2] !== null) };
    expect(run(codeHierarchy, [onlyItems])).toEqual([]);
  });
});

describe('codes/basic-economic', () => {
  test('an amount under 307 in a 基本支出 table is a warning at the amount and code cells', () => {
    const spec = change(change(change(BASIC, 9, 0, '307'), 9, 1, '债务利息及费用支出'), 9, 4, 5);
    const f = run(codeBasicEconomic, [spec]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ level: 'warning', actual: '307', expected: '301/302/303/310' });
    expect(f[0].locations.map((l) => l.cell)).toEqual(['E14', 'A14', 'B14']);
  });

  test('309 is a warning by default and accepted by the setting; reported on the 款, not again on its 类', () => {
    const spec = change(change(BASIC, 10, 2, 3), 10, 4, 3);
    const f = run(codeBasicEconomic, [spec]);
    expect(f.map((x) => [x.actual, x.locations[0].cell])).toEqual([['30902', 'C15']]);
    expect(run(codeBasicEconomic, [spec], { codes: { basicAllow309: true } })).toEqual([]);
  });

  test('basic columns of an economic table without 基本支出 in its title', () => {
    const spec: TableSpec = {
      ...ECONOMIC,
      rows: [...ECONOMIC.rows, ['399', '其他支出', null, null, 2, null, 2, null]],
    };
    expect(cells(run(codeBasicEconomic, [spec]))).toEqual([['G15', 'A15', 'B15']]);
  });
});

describe('codes/project-wages', () => {
  test('301 in a project column is a warning at that amount', () => {
    const f = run(codeProjectWages, [change(ECONOMIC, 2, 7, 12)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ level: 'warning', actual: 12, expected: 0 });
    expect(f[0].locations.map((l) => l.cell)).toEqual(['H6', 'A6', 'B6']);
  });

  test('303 too; 302 in projects is fine', () => {
    expect(cells(run(codeProjectWages, [change(ECONOMIC, 10, 7, 3)]))).toEqual([['H14', 'A14', 'B14']]);
    expect(run(codeProjectWages, [change(ECONOMIC, 5, 7, 99)])).toEqual([]);
  });
});

describe('codes/other-share', () => {
  test('an xx99 code above 30% of its parent is a warning with the share', () => {
    const spec = change(change(SPLIT, 7, 4, 119.7), 5, 4, 231.9);
    const f = run(codeOtherShare, [spec]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ level: 'warning', actual: '51.6%', expected: '≤ 30%' });
    expect(f[0].locations.map((l) => l.cell)).toEqual(['E12', 'E10', 'A12', 'B12', 'C12']);
  });

  test('the threshold is a setting; a 99 under an “other” parent is ignored', () => {
    const spec = change(change(SPLIT, 7, 4, 119.7), 5, 4, 231.9);
    expect(run(codeOtherShare, [spec], { codes: { otherShareThreshold: 0.6 } })).toEqual([]);
    const other: TableSpec = {
      ...JOINED,
      rows: [
        ['208', '社会保障和就业支出', 100, 100, null],
        ['20899', '其他社会保障和就业支出', 10, 10, null],
        ['2089999', '其他社会保障和就业支出', 10, 10, null],
      ],
    };
    expect(run(codeOtherShare, [other])).toEqual([]);
  });

  test('the same code and amounts in several tables is one finding naming every cell', () => {
    const spec = change(change(SPLIT, 7, 4, 119.7), 5, 4, 231.9);
    const f = run(codeOtherShare, [spec, { ...spec, sheet: '表5' }]);
    expect(f).toHaveLength(1);
    expect(f[0].locations.map((l) => l.sheet)).toEqual([
      '表1',
      '表1',
      '表1',
      '表1',
      '表1',
      '表5',
      '表5',
      '表5',
      '表5',
      '表5',
    ]);
  });
});
