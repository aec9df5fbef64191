/**
 * Issue 10 (tables): table rules on formats not in the dev set — a 中央部门-style budget whose 财政拨款收支总表 prints
 * 一、本年支出 covering 本年收入 plus 上年结转 (16,474.82 + 2,254.12 = 18,728.94) while its 一般公共预算支出表 prints
 * 本年 only; a 支出 side whose 本年支出合计 stands above its 类 rows; a 基本支出表 printing the code 30208 twice; and the
 * 2026 codes 21598 / 2159802 (超长期特别国债). Each pattern: a clean version (silent) and a wrong one (reported at its
 * cell with both numbers).
 */
import { parseRange } from '../../../src/core/model/address';
import { Finding } from '../../../src/core/model/findings';
import { CellValue, Sheet, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../../src/core/review';
import { readXlsx } from '../../../src/xlsx/read';
import { excelJsBytes } from '../../xlsx/helpers';

/** Amounts print with two decimals and thousands separators, as the published tables do. */
function sheet(name: string, values: CellValue[][], merges: string[] = []): Sheet {
  const s = sheetFromValues(name, values, merges.map(parseRange));
  for (const row of s.rows)
    for (const cell of row ?? []) if (cell && typeof cell.value === 'number') cell.numFmt = '#,##0.00';
  return s;
}

interface CentralSpec {
  /** Label of the 支出 side's year row and of its carry row. */
  yearLabel?: string;
  carryOutLabel?: string;
  /** 类 labels of the 支出 side (default （一）…（四）). */
  classLabels?: string[];
  /** 支出总计 as printed (default 18,728.94). */
  expenseTotal?: number;
  /** 一、本年支出 as printed (default 18,728.94). */
  expenseYear?: number;
}

/** 表4 财政拨款收支总表, central layout: 收入 本年收入 + 上年结转 = 收入总计; 支出 一、本年支出 covers both. */
function fiscalGrant(spec: CentralSpec = {}): Sheet {
  const labels = spec.classLabels ?? [
    '（一）一般公共服务支出',
    '（二）社会保障和就业支出',
    '（三）资源勘探工业信息等支出',
    '（四）住房保障支出',
  ];
  const year = spec.expenseYear ?? 18728.94;
  const total = spec.expenseTotal ?? 18728.94;
  return sheet(
    '表4 财政拨款收支总表',
    [
      ['财政拨款收支总表'],
      ['单位：万元'],
      ['收    入', null, '支    出', null, null, null, null],
      ['项    目', '预算数', '项    目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'],
      ['一、本年收入', 16474.82, spec.yearLabel ?? '一、本年支出', year, year, null, null],
      ['（一）一般公共预算资金', 16474.82, labels[0], 15674.82, 15674.82, null, null],
      ['（二）政府性基金预算资金', null, labels[1], 1500, 1500, null, null],
      ['（三）国有资本经营预算资金', null, labels[2], 1054.12, 1054.12, null, null],
      ['二、上年结转', 2254.12, labels[3], 500, 500, null, null],
      ['（一）一般公共预算资金', 2254.12, null, null, null, null, null],
      ['（二）政府性基金预算资金', null, null, null, null, null, null],
      ['（三）国有资本经营预算资金', null, spec.carryOutLabel ?? '二、年末结转', null, null, null, null],
      ['收入总计', 18728.94, '支出总计', total, total, null, null],
    ],
    ['A3:B3', 'C3:G3'],
  );
}

/** 表5 一般公共预算支出表: 本年 only (16,474.82), joined codes, 2026 codes 21598 / 2159802. */
function generalBudget(opts: { auditWork?: number; code2159802?: string } = {}): Sheet {
  const audit = opts.auditWork ?? 5674.82;
  const c201 = 8000 + audit;
  const project = audit + 800;
  return sheet('表5 一般公共预算支出表', [
    ['一般公共预算支出表'],
    ['单位：万元'],
    ['科目编码', '科目名称', '本年一般公共预算支出', null, null],
    [null, null, '合计', '基本支出', '项目支出'],
    [null, '合计', c201 + 1500 + 800 + 500, 10000, project],
    ['201', '一般公共服务支出', c201, 8000, audit],
    ['20108', '审计事务', c201, 8000, audit],
    ['2010801', '行政运行', 8000, 8000, null],
    ['2010804', '审计业务', audit, null, audit],
    ['208', '社会保障和就业支出', 1500, 1500, null],
    ['20805', '行政事业单位养老支出', 1500, 1500, null],
    ['2080505', '机关事业单位基本养老保险缴费支出', 1500, 1500, null],
    ['215', '资源勘探工业信息等支出', 800, null, 800],
    ['21598', '超长期特别国债安排的支出', 800, null, 800],
    // the 项 name is not confirmed in Gouji's catalog; any printed name is accepted for 2159802
    [opts.code2159802 ?? '2159802', '超长期特别国债安排的设备更新支出', 800, null, 800],
    ['221', '住房保障支出', 500, 500, null],
    ['22102', '住房改革支出', 500, 500, null],
    ['2210201', '住房公积金', 500, 500, null],
  ]);
}

/** 表6 一般公共预算基本支出表 with 30208 printed twice (the second one named 物业管理费, i.e. 30209). */
function basicExpenditure(opts: { c302?: number } = {}): Sheet {
  return sheet('表6 一般公共预算基本支出表', [
    ['一般公共预算基本支出表'],
    ['单位：万元'],
    ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    [null, '合计', 8500 + (opts.c302 ?? 1500), 8500, opts.c302 ?? 1500],
    ['301', '工资福利支出', 8500, 8500, null],
    ['30101', '基本工资', 5000, 5000, null],
    ['30102', '津贴补贴', 3000, 3000, null],
    ['30113', '住房公积金', 500, 500, null],
    ['302', '商品和服务支出', opts.c302 ?? 1500, null, opts.c302 ?? 1500],
    ['30201', '办公费', 600, null, 600],
    ['30208', '取暖费', 300, null, 300],
    ['30208', '物业管理费', 200, null, 200],
    ['30299', '其他商品和服务支出', 400, null, 400],
  ]);
}

const check = (sheets: Sheet[]): Finding[] => review({ sheets } as Workbook).findings;
const at = (f: Finding) => `${f.locations[0].sheet}!${f.locations[0].cell}`;
const errors = (fs: Finding[]) => fs.filter((f) => f.level === 'error');
const rule = (fs: Finding[], prefix: string) => fs.filter((f) => f.rule.startsWith(prefix));

describe('财政拨款收支总表 一、本年支出 covering 上年结转 (central-government format)', () => {
  test('clean: 一般公共预算支出表 16,474.82 = 本年收入 一般公共预算资金, no error anywhere', () => {
    const fs = check([fiscalGrant(), generalBudget(), basicExpenditure()]);
    expect(errors(fs).map((f) => `${f.rule} ${at(f)}`)).toEqual([]);
    expect(rule(fs, 'budget/fiscal-grant-links')).toEqual([]);
  });

  test('wrong: 一般公共预算支出表 prints 16,574.82 → error at its 合计, against the 本年 16,474.82 (not 18,728.94)', () => {
    const fs = rule(
      check([fiscalGrant(), generalBudget({ auditWork: 5774.82 })]),
      'budget/fiscal-grant-links',
    );
    expect(fs.map((f) => `${f.level} ${at(f)}`)).toContain('error 表5 一般公共预算支出表!C5');
    const f = fs.find((x) => at(x) === '表5 一般公共预算支出表!C5') as Finding;
    expect(f).toMatchObject({ expected: 16474.82, actual: 16574.82 });
    expect(f.locations.map((l) => `${l.sheet}!${l.cell}`)).toContain('表4 财政拨款收支总表!B6');
    expect(f.message.zh).toContain('16,574.82');
    expect(f.message.zh).toContain('16,474.82');
    expect(f.message.zh).toContain('上年结转');
    expect(f.message.en).toContain('carry-over');
    // no finding compares with the amount that includes the carry-over
    for (const x of fs) expect(x.expected).not.toBe(18728.94);
  });

  test('a 财政拨款收支总表 whose 本年支出 = 本年收入 (no carry-over) still compares with 本年支出', () => {
    const t4 = sheet('表4', [
      ['财政拨款收支总表'],
      ['单位：万元'],
      ['收入', null, '支出', null, null],
      ['项目', '预算数', '项目', '合计', '一般公共预算'],
      ['一、本年收入', 16474.82, '一、本年支出', 16474.82, 16474.82],
      ['（一）一般公共预算资金', 16474.82, '（一）一般公共服务支出', 16474.82, 16474.82],
      ['二、上年结转', null, '二、年末结转', null, null],
      ['收入总计', 16474.82, '支出总计', 16474.82, 16474.82],
    ]);
    expect(errors(check([t4, generalBudget()]))).toEqual([]);
    const wrong = rule(check([t4, generalBudget({ auditWork: 5774.82 })]), 'budget/fiscal-grant-links');
    expect(wrong.map((f) => [at(f), f.expected, f.actual])).toContainEqual([
      '表5 一般公共预算支出表!C5',
      16474.82,
      16574.82,
    ]);
  });
});

describe('a 支出总计 is never the sum of a line and its own breakdown', () => {
  const variants: [string, CentralSpec][] = [
    ['一、本年支出 … 二、年末结转', {}],
    [
      '本年支出合计 above the 类 rows, unnumbered 年末结转',
      { yearLabel: '本年支出合计', carryOutLabel: '年末结转' },
    ],
    [
      '本年支出 heading numbered 类 一、… and 结转下年',
      {
        yearLabel: '本年支出',
        carryOutLabel: '结转下年',
        classLabels: [
          '一、一般公共服务支出',
          '二、社会保障和就业支出',
          '三、资源勘探工业信息等支出',
          '四、住房保障支出',
        ],
      },
    ],
    [
      '本年支出合计 above unnumbered 类 names',
      {
        yearLabel: '本年支出合计',
        carryOutLabel: '年末结转',
        classLabels: ['一般公共服务支出', '社会保障和就业支出', '资源勘探工业信息等支出', '住房保障支出'],
      },
    ],
  ];
  test.each(variants)('clean (%s): no balance finding', (_, spec) => {
    expect(rule(check([fiscalGrant(spec), generalBudget()]), 'budget/balance')).toEqual([]);
  });
  test.each(variants)(
    'wrong 支出总计 (%s): one error per column at 支出总计, = 本年支出 + 年末结转',
    (_, spec) => {
      const fs = rule(check([fiscalGrant({ ...spec, expenseTotal: 18828.94 })]), 'budget/balance');
      // Σ of the side in 合计 and 一般公共预算, and 支出总计 = 收入总计
      expect(fs.map((f) => `${f.level} ${at(f)}`)).toEqual([
        'error 表4 财政拨款收支总表!D13',
        'error 表4 财政拨款收支总表!D13',
        'error 表4 财政拨款收支总表!E13',
      ]);
      for (const f of fs) expect(f).toMatchObject({ expected: 18728.94, actual: 18828.94 });
      // the terms are the year line and the carry line, never the 类 rows beside them
      expect(fs[0].locations.map((l) => l.cell)).toEqual(['D13', 'D5', 'D12']);
      expect(fs[2].locations.map((l) => l.cell)).toEqual(['E13', 'E5', 'E12']);
      expect(fs[1].locations.map((l) => l.cell)).toEqual(['D13', 'B13']);
    },
  );
  test.each(variants)('wrong year line (%s): error at 本年支出 = Σ 类', (_, spec) => {
    const fs = rule(
      check([fiscalGrant({ ...spec, expenseYear: 18828.94, expenseTotal: 18828.94 })]),
      'budget/balance',
    );
    const first = fs.find((f) => at(f) === '表4 财政拨款收支总表!D5') as Finding;
    expect(first).toMatchObject({ level: 'error', expected: 18728.94, actual: 18828.94 });
    expect(first.locations.map((l) => l.cell)).toEqual(['D5', 'D6', 'D7', 'D8', 'D9']);
  });
});

describe('a code printed twice in one table', () => {
  test('clean sums: the second 30208 is reported as a duplicate at its row; no sum error, no name finding', () => {
    const fs = check([basicExpenditure()]);
    expect(errors(fs)).toEqual([]);
    const dup = rule(fs, 'codes/duplicate');
    expect(dup.map((f) => `${f.level} ${at(f)}`)).toEqual(['warning 表6 一般公共预算基本支出表!A12']);
    expect(dup[0].locations.map((l) => l.cell)).toEqual(['A12', 'A11']);
    expect(dup[0].message.zh).toContain('30208');
    expect(dup[0].message.zh).toContain('物业管理费');
    expect(dup[0].message.zh).toContain('取暖费');
    expect(dup[0].message.en).toContain('twice');
    expect(rule(fs, 'codes/name')).toEqual([]);
  });
  test('wrong 302: the sum counts both 30208 rows and the message adds up', () => {
    const fs = errors(check([basicExpenditure({ c302: 1600 })])).filter(
      (f) => at(f) === '表6 一般公共预算基本支出表!C9',
    );
    const tree = fs.find((f) => f.rule === 'budget/hierarchy') as Finding;
    expect(tree).toMatchObject({ expected: 1500, actual: 1600 });
    expect(tree.locations.map((l) => l.cell)).toEqual(['C9', 'C10', 'C11', 'C12', 'C13']);
    expect(tree.message.zh).toContain('30201、30208、30208、30299');
    expect(tree.message.zh).toContain('1,500.00');
    // 600 + 300 + 200 + 400 = 1,500: the printed arithmetic is right
    expect(600 + 300 + 200 + 400).toBe(tree.expected);
  });
});

describe('2026 codes: 21598 / 2159802 超长期特别国债安排的支出', () => {
  test('clean: known codes, no codes/unknown and no codes/name finding', () => {
    const fs = check([generalBudget()]);
    const codes = fs.filter(
      (f) => f.rule.startsWith('codes/') && /215/.test(f.locations.map((l) => l.cell).join()),
    );
    expect(fs.filter((f) => f.rule === 'codes/unknown' || f.rule === 'codes/name')).toEqual([]);
    expect(codes).toEqual([]);
  });
  test('wrong: a mistyped 2159820 under 21598 is reported at its code cell', () => {
    const fs = check([generalBudget({ code2159802: '2159820' })]).filter((f) => f.rule === 'codes/unknown');
    expect(fs.map((f) => `${f.level} ${at(f)} ${f.actual}`)).toEqual([
      'warning 表5 一般公共预算支出表!A15 2159820',
    ]);
  });
});

describe('the same workbooks as .xlsx files (written with ExcelJS, read back by Gouji)', () => {
  /** Bytes of an .xlsx holding the sheets: values, number formats and merged cells as built above. */
  const xlsx = (sheets: Sheet[]) =>
    excelJsBytes((wb) => {
      for (const s of sheets) {
        const ws = wb.addWorksheet(s.name);
        s.rows.forEach((row, r) =>
          (row ?? []).forEach((cell, c) => {
            if (!cell) return;
            const x = ws.getCell(r + 1, c + 1);
            x.value = cell.value as string | number;
            if (cell.numFmt) x.numFmt = cell.numFmt;
          }),
        );
        for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      }
    });
  const brief = (fs: Finding[]) => fs.map((f) => `${f.level} ${f.rule} ${at(f)} ${f.expected} ${f.actual}`);
  test.each([
    ['clean', () => [fiscalGrant(), generalBudget(), basicExpenditure()]],
    [
      'wrong',
      () => [
        fiscalGrant({ expenseTotal: 18828.94 }),
        generalBudget({ auditWork: 5774.82 }),
        basicExpenditure({ c302: 1600 }),
      ],
    ],
  ])('%s: the findings read from the file are the in-memory ones', async (_, build) => {
    const fromFile = review(readXlsx(await xlsx(build()), 'central.xlsx')).findings;
    expect(brief(fromFile)).toEqual(brief(check(build())));
    expect(fromFile.filter((f) => f.level === 'error').length > 0).toBe(_ === 'wrong');
  });
});
