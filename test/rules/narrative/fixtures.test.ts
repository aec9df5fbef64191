/**
 * The narrative rules on the seed fixtures (济源 预算说明 + tables + 16 forms, 玉溪 and 保山 project texts), on the
 * clean copy, and with one number changed at a time: each change is reported at exactly the cell that was changed.
 * Arithmetic checked by hand:
 *   4.89%: 208.8 / (4055.5 + 208.8) = 208.8 / 4264.3 = 4.8965% → rounds to 4.90%, 4.89% is the truncation (info)
 *   6.04%: 251.9 / (3912.4 + 251.9) = 251.9 / 4164.3 = 6.0490% → 6.05%, truncated (info)
 *   39.09%: 1529.6 / 3912.4 = 39.0962% → 39.10%, truncated (info)
 *   1.99%: 4.2 / (206.6 + 4.2) = 1.9924% → 1.99% (exact); 44.6% = 1807.7 / 4055.5 = 44.574%; 53.8% = 53.796%
 *   Σ 16 forms = 272.5 + 123.4 + 50 + 49.4 + 150 + 179.2 + 40 + 21.6 + 700 + 27.8 + 200 + 91.8 + 170 + 20 + 7 + 2
 *              = 2104.7 = 一般公共预算支出表 项目支出 合计
 *   玉溪 项目一: 890 + 68 + 111 + 84 + 52.5 + 380 + 9.6 + 21.8075 + 760 + 28 + 20 = 2424.9075 ≠ 2425.91
 *   玉溪 项目三: 4807.57 + 430.56 + 261.91 = 5500.04 ≠ 5500 (0.04 is more than three 2-decimal terms can round to)
 *   保山: 650 + 567 + 200 + 100 + 100 = 1617 = 1617.00
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Finding } from '../../../src/core/model/findings';
import { parseA1 } from '../../../src/core/model/address';
import { Workbook } from '../../../src/core/model/workbook';
import { recognize, review } from '../../helpers/review';
import { rules } from '../../../src/core/rules/narrative';
import { withSettings } from '../../../src/core/settings';
import { readXlsx } from '../../../src/xlsx';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const load = (name: string): Workbook => readXlsx(new Uint8Array(readFileSync(join(FIXTURES, name))));
const run = (wb: Workbook, only?: string): Finding[] =>
  review(wb, {}, only ? rules.filter((r) => r.meta.id === only) : rules).findings;
const brief = (fs: Finding[]) =>
  fs.map((f) => `${f.level} ${f.rule} ${f.locations.map((l) => `${l.sheet}!${l.cell}`).join(' ')}`);

/** Replace text inside the one string cell of a sheet that contains it. */
function edit(wb: Workbook, sheet: string, from: string, to: string): string {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  const hits: string[] = [];
  s.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (typeof cell?.value === 'string' && cell.value.includes(from)) {
        cell.value = cell.value.replace(from, to);
        hits.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      }
    }),
  );
  expect(hits).toHaveLength(1);
  return hits[0];
}

function setNumber(wb: Workbook, sheet: string, a1: string, value: number): void {
  const { row, col } = parseA1(a1);
  const cell = wb.sheets.find((x) => x.name === sheet)!.rows[row]![col]!;
  expect(typeof cell.value).toBe('number');
  cell.value = value;
}

describe('济源 (seed 003): 预算说明 against the tables and forms', () => {
  test('the three truncated rates are info findings at their paragraphs; nothing else', () => {
    const fs = run(load('jiyuan-2021-budget.xlsx'));
    expect(brief(fs)).toEqual([
      'info narrative/change-rounding 预算说明!A5',
      'info narrative/change-rounding 预算说明!A11',
      'info narrative/share-rounding 预算说明!A13 一般公共预算支出!F8 一般公共预算支出!F6',
    ]);
    expect(fs.map((f) => [f.expected, f.actual])).toEqual([
      ['4.90%', '4.89%'],
      ['6.05%', '6.04%'],
      ['39.10%', '39.09%'],
    ]);
    expect(fs[2].message.zh).toContain('1529.6 ÷ 3912.4 = 39.0962%');
    expect(fs[0].message.en).toContain('truncates');
  });

  test('the clean copy: no finding at all', () => {
    expect(run(load('jiyuan-2021-budget-clean.xlsx'))).toEqual([]);
  });

  test('every amount of the narrative that names a table figure was compared (none skipped silently)', () => {
    // change each table-mapped amount by 1 万元 in turn: each one must be reported
    const subjects: [string, string, string][] = [
      ['收入总计 4055.5', '收入总计 4056.5', '表1!C33'],
      ['支出总计 4055.5', '支出总计 4056.5', '表1!E33'],
      ['一般公共预算收入 3912.4', '一般公共预算收入 3913.4', '表1!C7'],
      ['部门结转 143.1', '部门结转 144.1', '表1!C31'],
      ['基本支出 1807.7', '基本支出 1808.7', '表3 支出总体!G6'],
      ['项目支出 2247.8', '项目支出 2248.8', '表3 支出总体!K6'],
      ['收支预算 3912.4', '收支预算 3913.4', '一般公共预算支出!F6'],
      ['年初预算为 3912.4', '年初预算为 3913.4', '一般公共预算支出!F6'],
      ['（公安）1529.6', '（公安）1530.6', '一般公共预算支出!F8'],
      ['特别业务（类）支出 2104.7', '特别业务（类）支出 2105.7', '一般公共预算支出!F9'],
      ['离退休（类）支出 76.9', '离退休（类）支出 77.9', '一般公共预算支出!F10'],
      ['缴费（类）支出 115 万元', '缴费（类）支出 116 万元', '一般公共预算支出!F11'],
      ['住房保障（类）支出 86.2', '住房保障（类）支出 87.2', '一般公共预算支出!F12'], // Σ of the 221 rows (2210201)
      ['经费预算为 60 万元', '经费预算为 61 万元', '三公!B4'],
      ['（境）费 0 万元', '（境）费 1 万元', '三公!B5'],
      ['公务接待费 0 万元', '公务接待费 1 万元', '三公!B6'],
      ['运行费 60 万元', '运行费 61 万元', '三公!B7'],
      ['运行维护费 60 万元', '运行维护费 61 万元', '三公!B8'],
      ['公务用车购置费 0 万元', '公务用车购置费 1 万元', '三公!B9'],
      ['政府性基金预算支出 0 万元', '政府性基金预算支出 1 万元', '基金支出!A1'],
    ];
    for (const [from, to, tableCell] of subjects) {
      const wb = load('jiyuan-2021-budget.xlsx');
      const at = edit(wb, '预算说明', from, to);
      const fs = run(wb, 'narrative/amount');
      expect({ from, found: brief(fs) }).toEqual({
        from,
        found: [`error narrative/amount 预算说明!${at} ${tableCell}`],
      });
    }
  });

  test('amount: 基本支出 1807.7 → 1807.9 is an error at the paragraph and the 支出总表 cell, with both numbers', () => {
    const wb = load('jiyuan-2021-budget.xlsx');
    edit(wb, '预算说明', '基本支出 1807.7', '基本支出 1807.9');
    const [f, ...rest] = run(wb, 'narrative/amount');
    expect(rest).toEqual([]);
    expect(f.level).toBe('error');
    expect(f.locations).toEqual([
      { sheet: '预算说明', cell: 'A9' },
      { sheet: '表3 支出总体', cell: 'G6' },
    ]);
    expect([f.expected, f.actual]).toEqual([1807.7, 1807.9]);
    expect(f.message.zh).toContain('相差 0.2 万元');
  });

  test('amount: a changed table cell (特别业务 2104.7 → 2140.7 in 一般公共预算支出表) is found from the narrative', () => {
    const wb = load('jiyuan-2021-budget.xlsx');
    setNumber(wb, '一般公共预算支出', 'F9', 2140.7);
    expect(brief(run(wb, 'narrative/amount'))).toEqual([
      'error narrative/amount 预算说明!A13 一般公共预算支出!F9',
    ]);
  });

  test('amount: prose restating a finer table figure rounded the other way is info; at equal precision an error', () => {
    // the table prints 60.5 (1 decimal), the paragraph writes whole 万元: 60 is 60.5 cut, not rounded half-up
    const wb = load('jiyuan-2021-budget.xlsx');
    setNumber(wb, '三公', 'B4', 60.5);
    const fs = run(wb, 'narrative/amount');
    expect(brief(fs)).toEqual(['info narrative/amount-rounding 预算说明!A17 三公!B4']);
    expect(fs[0].message.zh).toContain('尾差');
    // 2247.8 → 2247.9 at the table's own precision cannot come from rounding
    const wb2 = load('jiyuan-2021-budget.xlsx');
    edit(wb2, '预算说明', '项目支出 2247.8', '项目支出 2247.9');
    expect(brief(run(wb2, 'narrative/amount'))).toEqual([
      'error narrative/amount 预算说明!A9 表3 支出总体!K6',
    ]);
  });

  test('share: 占 44.6% → 46.4% is an error at that paragraph; 44.5% (truncation of 44.57%) is info', () => {
    const wb = load('jiyuan-2021-budget-clean.xlsx');
    edit(wb, '预算说明', '占 44.6%', '占 46.4%');
    const fs = run(wb, 'narrative/share');
    expect(brief(fs)).toEqual(['error narrative/share 预算说明!A9 表3 支出总体!G6 表1!E33']);
    expect([fs[0].expected, fs[0].actual]).toEqual(['44.6%', '46.4%']);
    const wb2 = load('jiyuan-2021-budget-clean.xlsx');
    edit(wb2, '预算说明', '占 44.6%', '占 44.5%');
    expect(brief(run(wb2, 'narrative/share'))).toEqual([
      'info narrative/share-rounding 预算说明!A9 表3 支出总体!G6 表1!E33',
    ]);
  });

  test('share: computed from the tables, not from a total the text restates wrongly', () => {
    // 支出合计 4055.5 → 4065.5 in the text; the table still says 4055.5
    const wb = load('jiyuan-2021-budget-clean.xlsx');
    edit(wb, '预算说明', '支出合计 4055.5', '支出合计 4065.5');
    edit(wb, '预算说明', '占 44.6%', '占 45.6%');
    const fs = run(wb, 'narrative/share');
    // 45.6% is wrong: 1807.7 ÷ 4055.5 = 44.574% → 44.6% (not 44.464% → 44.5% by the text's 4065.5);
    // 55.4% is right by the tables (2247.8 ÷ 4055.5 = 55.43%) and is not reported
    expect(brief(fs)).toEqual(['error narrative/share 预算说明!A9 表3 支出总体!G6 表1!E33']);
    expect([fs[0].expected, fs[0].actual]).toEqual(['44.6%', '45.6%']);
    expect(fs[0].message.zh).toContain('1807.7 ÷ 4055.5');
    // the wrong total itself is narrative/amount's
    expect(brief(run(wb, 'narrative/amount'))).toEqual(['error narrative/amount 预算说明!A9 表1!E33']);
  });

  test('share: a share right by the text’s own wrong total is left to narrative/amount (one root cause)', () => {
    // 2247.8 ÷ 4065.5 = 55.29% → 55.3%: consistent with the text, wrong by the table, because of the total
    const wb = load('jiyuan-2021-budget-clean.xlsx');
    edit(wb, '预算说明', '支出合计 4055.5', '支出合计 4065.5');
    edit(wb, '预算说明', '占 55.4%', '占 55.3%');
    expect(brief(run(wb, 'narrative/share'))).toEqual([]);
    expect(brief(run(wb, 'narrative/amount'))).toEqual(['error narrative/amount 预算说明!A9 表1!E33']);
  });

  test('change: 减少 4.90% → 5.90% is an error at that paragraph; 下降 1.99% → 1.98% too', () => {
    const wb = load('jiyuan-2021-budget-clean.xlsx');
    edit(wb, '预算说明', '减少 4.90%', '减少 5.90%');
    const fs = run(wb, 'narrative/change');
    expect(brief(fs)).toEqual(['error narrative/change 预算说明!A5']);
    expect([fs[0].expected, fs[0].actual]).toEqual(['4.90%', '5.90%']);
    const wb2 = load('jiyuan-2021-budget-clean.xlsx');
    const at = edit(wb2, '预算说明', '下降 1.99%', '下降 1.89%');
    expect(brief(run(wb2, 'narrative/change'))).toEqual([`error narrative/change 预算说明!${at}`]);
  });

  test('itemised sum: 部门结转 143.1 → 134.1 breaks 收入合计 4055.5 = 3912.4 + 143.1', () => {
    const wb = load('jiyuan-2021-budget-clean.xlsx');
    edit(wb, '预算说明', '部门结转 143.1', '部门结转 134.1');
    const fs = run(wb, 'narrative/itemised-sum');
    expect(brief(fs)).toEqual(['error narrative/itemised-sum 预算说明!A7']);
    expect([fs[0].expected, fs[0].actual]).toEqual([4055.5, 4046.5]);
  });

  test('forms total: Σ 16 forms = 2104.7 = 项目支出; one form 10 万元 higher is a warning, lower an info', () => {
    const wb = load('jiyuan-2021-budget.xlsx');
    expect(run(wb, 'narrative/project-forms-total')).toEqual([]);
    const { ctx } = recognize(wb, withSettings());
    const form = ctx.targetForms[0];
    expect([form.projectName, form.total]).toEqual(['车管业务经费', 272.5]);
    const a1 = `${String.fromCharCode(65 + form.totalCell!.col)}${form.totalCell!.row + 1}`;

    const up = load('jiyuan-2021-budget.xlsx');
    setNumber(up, '绩效目标表', a1, 282.5);
    const [w, ...rest] = run(up, 'narrative/project-forms-total');
    expect(rest).toEqual([]);
    expect([w.level, w.expected, w.actual]).toEqual(['warning', 2104.7, 2114.7]);
    expect(w.locations[0]).toEqual({ sheet: '一般公共预算支出', cell: 'K6' });
    expect(w.locations).toContainEqual({ sheet: '绩效目标表', cell: a1 });
    expect(w.locations).toHaveLength(17);

    const down = load('jiyuan-2021-budget.xlsx');
    setNumber(down, '绩效目标表', a1, 262.5);
    const [i] = run(down, 'narrative/project-forms-total');
    expect([i.level, i.expected, i.actual]).toEqual(['info', 2104.7, 2094.7]);
  });
});

describe('玉溪 (seed 000) and 保山 (seed 001) project texts', () => {
  test('玉溪: 项目一 items 2424.9075 vs stated 2425.91, 项目三 5500.04 vs 5500 — both errors', () => {
    const fs = run(load('yuxi-2021-project-texts.xlsx'));
    expect(
      fs.map((f) => [f.level, f.rule, f.locations[0].sheet, f.locations[0].cell, f.expected, f.actual]),
    ).toEqual([
      ['error', 'narrative/itemised-sum', '项目一', 'B13', 2425.91, 2424.9075],
      ['error', 'narrative/itemised-sum', '项目三', 'B7', 5500, 5500.04],
    ]);
    // every item cell of the 项目一 table is named after the total
    expect(fs[0].locations.slice(1).map((l) => l.cell)).toEqual([
      'D15',
      'D16',
      'D17',
      'D18',
      'D19',
      'D20',
      'D21',
      'D22',
      'D23',
      'D24',
      'D25',
    ]);
    expect(fs[0].message.zh).toContain('相差 1.0025 万元');
    expect(fs[1].message.zh).toContain('4807.57 + 430.56 + 261.91');
  });

  test('玉溪: an item corrected so the table adds up (890 → 891.0025) leaves only 项目三', () => {
    const wb = load('yuxi-2021-project-texts.xlsx');
    setNumber(wb, '项目一', 'D15', 891.0025);
    expect(brief(run(wb)).map((b) => b.split(' ')[2])).toEqual(['项目三!B7']);
  });

  test('玉溪: the bracketed breakdown 84 = 64 + 20 is checked (64 → 54 is reported at the remark cell)', () => {
    const wb = load('yuxi-2021-project-texts.xlsx');
    edit(wb, '项目一', '设备采购64万', '设备采购54万');
    const fs = run(wb).filter((f) => f.locations[0].cell === 'D18');
    expect(brief(fs)).toEqual(['error narrative/itemised-sum 项目一!D18 项目一!E18']);
  });

  test('保山: 650 + 567 + 200 + 100 + 100 = 1617.00 — no finding; a changed heading amount is a warning', () => {
    expect(run(load('baoshan-2021-project-text.xlsx'))).toEqual([]);
    const wb = load('baoshan-2021-project-text.xlsx');
    const at = edit(wb, 'Sheet1', '信息化建设项目经费200万元', '信息化建设项目经费210万元');
    const fs = run(wb);
    expect(fs.map((f) => [f.level, f.rule, f.expected, f.actual])).toEqual([
      ['warning', 'narrative/itemised-sum', 1617, 1627],
    ]);
    expect(fs[0].locations.map((l) => l.cell)).toContain(at);
  });
});
