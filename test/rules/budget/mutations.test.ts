/**
 * Mutation tests on clean real workbooks (README: 上海普陀-司法局-2026-预算 230 exact / 0 fail, 福州-商务局-2026-预算
 * 131 / 0 / 0): change one number in the model so that exactly one budget rule fires, and check that rule reports
 * exactly that cell and that nothing else is an error.
 *
 * A printed total is also a sum inside its own table, so a cross-table rule cannot be made to fire alone by a large
 * change. Those mutations move a total by 0.02 where its own table adds up 3 or more rounded terms (so the table's
 * rules see a 尾差, info) while the other table holds the amount once (so the link is off by more than rounding).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseA1 } from '../../../src/core/model/address';
import { Finding } from '../../../src/core/model/findings';
import { Workbook } from '../../../src/core/model/workbook';
import { review } from '../../helpers/review';
import { rules } from '../../../src/core/rules/budget';
import { readXlsx } from '../../../src/xlsx/read';
import { REAL_BUDGETS } from '../../helpers/data';

const DIR = REAL_BUDGETS;
const PUTUO = '上海普陀-司法局-2026-预算.xlsx';
const FUZHOU = '福州-商务局-2026-预算.xlsx';

const load = (file: string): Workbook => readXlsx(new Uint8Array(readFileSync(join(DIR, file))), file);
const at = (f: Finding) => `${f.locations[0].sheet}!${f.locations[0].cell}`;

/** Set one cell (sheet!A1) to a number, keeping its number format. */
function mutate(wb: Workbook, ref: string, value: number | null): number | null {
  const [sheetName, a1] = ref.split('!');
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const { row, col } = parseA1(a1);
  const cell = sheet.rows[row]?.[col];
  const before = cell && typeof cell.value === 'number' ? cell.value : null;
  if (!sheet.rows[row]) sheet.rows[row] = [];
  sheet.rows[row][col] = { ...(cell ?? {}), value };
  return before;
}

const errors = (wb: Workbook) => review(wb, {}, rules).findings.filter((f) => f.level === 'error');

test.each([PUTUO, FUZHOU])('%s is clean before any mutation', (file) => {
  expect(errors(load(file))).toEqual([]);
});

interface Case {
  rule: string;
  file: string;
  cell: string;
  /** The new value, from the one printed there. */
  to: (printed: number) => number;
  /** First location expected (the printed total / the amount checked). */
  reported: string;
}

const CASES: Case[] = [
  // 三公 合计 = 出国 + 接待 + 用车
  {
    rule: 'budget/column-sum',
    file: PUTUO,
    cell: '表9 三公经费表!A6',
    to: (v) => v + 10,
    reported: '表9 三公经费表!A6',
  },
  // 30101 基本工资 under 301 工资福利支出
  {
    rule: 'budget/hierarchy',
    file: FUZHOU,
    cell: '表9 一般公共预算基本支出表!C6',
    to: (v) => v + 100,
    reported: '表9 一般公共预算基本支出表!C5',
  },
  // 1.一般公共预算 under 一、财政拨款收入
  {
    rule: 'budget/balance',
    file: PUTUO,
    cell: '表1 收支总表!B6',
    to: (v) => v - 1000,
    reported: '表1 收支总表!B5',
  },
  // 财政拨款收支总表 支出总计 (一般公共预算 column) against the 一般公共预算支出表 合计
  {
    rule: 'budget/fiscal-grant-links',
    file: PUTUO,
    cell: '表4 财政拨款收支总表!E18',
    to: (v) => v + 0.02,
    reported: '表5 一般公共预算支出表!E27',
  },
  // 基本支出表 合计 against 一般公共预算支出表 基本支出
  {
    rule: 'budget/basic-links',
    file: FUZHOU,
    cell: '表9 一般公共预算基本支出表!C4',
    to: (v) => v + 0.02,
    reported: '表9 一般公共预算基本支出表!C4',
  },
  // 支出总表 合计 against 收支总表 本年支出合计
  {
    rule: 'budget/summary-links',
    file: FUZHOU,
    cell: '表3 支出总表!C4',
    to: (v) => v + 0.02,
    reported: '表3 支出总表!C4',
  },
  // 三公 公务接待费 0.83 万元 against 30217 公务接待费 8,265 元
  {
    rule: 'budget/three-public-economic',
    file: PUTUO,
    cell: '表9 三公经费表!C6',
    to: (v) => v - 0.02,
    reported: '表9 三公经费表!C6',
  },
];

describe.each(CASES)('$rule', ({ rule, file, cell, to, reported }) => {
  test(`one number changed at ${cell}: only ${rule} reports an error, at ${reported}`, () => {
    const wb = load(file);
    const printed = mutate(wb, cell, 0);
    expect(printed).not.toBeNull();
    mutate(wb, cell, to(printed as number));
    const found = errors(wb);
    expect(found.map((f) => `${f.rule} ${at(f)}`)).toEqual([`${rule} ${reported}`]);
    expect(found[0].locations.map((l) => `${l.sheet}!${l.cell}`)).toContain(cell);
    expect(typeof found[0].expected).toBe('number');
    expect(found[0].expected).not.toBe(found[0].actual);
  });
});

test('budget/personnel-codes: 0.01 of 30201 办公费 moved under 人员经费 → one warning there, no error', () => {
  const wb = load(PUTUO);
  mutate(wb, '表8 一般公共预算基本支出表!E16', 0.01);
  const res = review(wb, {}, rules);
  expect(res.findings.filter((f) => f.level === 'error')).toEqual([]);
  const warnings = res.findings.filter((f) => f.level === 'warning');
  expect(warnings.map((f) => `${f.rule} ${at(f)}`)).toEqual([
    'budget/personnel-codes 表8 一般公共预算基本支出表!E16',
  ]);
});

test('budget/empty-table: an empty table whose 空表 note is removed → one warning at its title, no error', () => {
  const wb = load(PUTUO);
  const s = wb.sheets.find((x) => x.name === '表6 政府性基金预算支出表');
  if (!s) throw new Error('no 表6');
  // the statement is text, not a number: remove the 注 line and the lone 无
  for (const row of s.rows)
    for (let c = 0; row && c < row.length; c++)
      if (/空表|^无$/.test(String(row[c]?.value ?? ''))) row[c] = undefined;
  const res = review(wb, {}, rules);
  expect(res.findings.filter((f) => f.level === 'error')).toEqual([]);
  expect(res.findings.filter((f) => f.level === 'warning').map((f) => `${f.rule} ${at(f)}`)).toEqual([
    'budget/empty-table 表6 政府性基金预算支出表!A1',
  ]);
});

// The real workbooks are 预算; the 决算 identity is exercised on the clean generated 决算 (scripts/fixtures/final-accounts.ts).
test('budget/carry-over: 年末结转和结余 and the 支出 总计 of a clean 决算 moved together → one error at 年末', () => {
  const file = join(__dirname, '..', '..', 'fixtures', 'final-accounts-2025.xlsx');
  const wb = readXlsx(new Uint8Array(readFileSync(file)), file);
  expect(errors(wb)).toEqual([]);
  const sheet = '公开01表 收入支出决算总表';
  // 47.95 + 1 and 3,919.52 + 1: the 支出 side still adds up to its 总计, but no longer to the 收入 side
  const carry = mutate(wb, `${sheet}!H35`, 0) as number;
  const total = mutate(wb, `${sheet}!H36`, 0) as number;
  mutate(wb, `${sheet}!H35`, carry + 1);
  mutate(wb, `${sheet}!H36`, total + 1);
  const found = errors(wb);
  expect(found.map((f) => `${f.rule} ${at(f)}`)).toEqual([`budget/carry-over ${sheet}!H35`]);
  expect(found[0]).toMatchObject({ expected: 47.95, actual: 48.95 });
});

test('every budget rule is exercised by a mutation above', () => {
  const covered = new Set([
    ...CASES.map((c) => c.rule),
    'budget/carry-over',
    'budget/personnel-codes',
    'budget/empty-table',
  ]);
  expect(rules.map((r) => r.meta.id).filter((id) => !covered.has(id))).toEqual([]);
});
