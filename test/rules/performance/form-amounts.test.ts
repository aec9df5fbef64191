/**
 * Issue 10 (tables): 绩效目标表 amounts and weights on real-looking forms (the 西安 / 中央 layout: 项目资金 block with
 * 年度资金总额 / 其中：财政拨款 / 上年结转 / 其他资金, a 分值 column). Each pattern has a clean and a wrong version: the
 * wrong one is reported at its cell with both numbers, the clean one is silent.
 */
import { parseRange } from '../../../src/core/model/address';
import { Finding } from '../../../src/core/model/findings';
import { CellValue, Sheet, sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { review } from '../../../src/core/review';
import { rules } from '../../../src/core/rules/performance';
import { readXlsx } from '../../../src/xlsx/read';
import { excelJsBytes } from '../../xlsx/helpers';

type Amount = number | null | 'absent';

interface FormSpec {
  total: Amount;
  fiscal: Amount;
  carry?: Amount;
  other?: Amount;
  /** Header of the weight column, e.g. '分值（90）'. */
  weightHeader?: string;
  /** Text beside the amounts, e.g. '执行率分值（10）'. */
  execution?: string;
  weights?: number[];
}

/** A 项目支出绩效目标表 as the 西安 / 中央 forms print it (万元, two decimals, merged label cells). */
function targetForm(spec: FormSpec, name = '表14 项目支出绩效目标表'): Sheet {
  const w = spec.weights ?? [20, 20, 10, 10, 10, 10, 10];
  const lines: [string, Amount][] = [
    ['年度资金总额：', spec.total],
    ['其中：财政拨款', spec.fiscal],
    ['上年结转', spec.carry ?? 'absent'],
    ['其他资金', spec.other ?? null],
  ];
  const printed = lines.filter(([, v]) => v !== 'absent') as [string, number | null][];
  const rows: CellValue[][] = [
    ['部门专项业务经费绩效目标表（2026年度）', null, null, null, null, null],
    ['单位：万元', null, null, null, null, null],
    ['项目名称', null, null, '审计业务', null, null],
    ['主管部门', null, null, '某市审计局', null, null],
  ];
  const top = rows.length;
  printed.forEach(([label, v], i) =>
    rows.push([
      i === 0 ? '资金金额(万元)' : null,
      null,
      null,
      label,
      v,
      i === 0 ? (spec.execution ?? null) : null,
    ]),
  );
  rows.push(['总体目标', '开展审计项目，促进财经秩序规范。', null, null, null, null]);
  const head = rows.length;
  rows.push(['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值', spec.weightHeader ?? '分值']);
  const grid: [string, string, string, string][] = [
    ['产出指标', '数量指标', '完成审计项目数', '≥18个'],
    [null as unknown as string, '质量指标', '审计报告合规率', '=100%'],
    [null as unknown as string, '时效指标', '审计报告按期完成时间', '≤2026年12月'],
    ['成本指标', '经济成本指标', '审计外勤经费标准', '≤130元/人/天'],
    ['效益指标', '社会效益指标', '问题整改率', '≥90%'],
    [null as unknown as string, '可持续影响指标', '促进制度完善数', '≥5项'],
    ['满意度指标', '服务对象满意度指标', '被审计单位满意度', '≥90%'],
  ];
  grid.forEach((g, i) => rows.push([null, ...g, w[i]]));
  const merges = [
    'A1:F1',
    'A3:C3',
    'D3:F3',
    'A4:C4',
    'D4:F4',
    `A${top + 1}:C${top + printed.length}`,
    `B${head}:F${head}`,
    `A${head + 1}:A${head + 1 + grid.length}`,
    `B${head + 2}:B${head + 4}`,
    `B${head + 6}:B${head + 7}`,
  ];
  return twoDecimals(sheetFromValues(name, rows, merges.map(parseRange)));
}

/** Amounts print with two decimals, as the published forms and tables do. */
function twoDecimals(s: Sheet): Sheet {
  for (const row of s.rows)
    for (const cell of row ?? []) if (cell && typeof cell.value === 'number') cell.numFmt = '#,##0.00';
  return s;
}

const run = (spec: FormSpec): Finding[] =>
  review({ sheets: [targetForm(spec)] } as Workbook, {}, rules).findings;
const amountFindings = (fs: Finding[]) =>
  fs.filter((f) => f.rule.startsWith('performance/target-amount-parts'));
const brief = (fs: Finding[]) =>
  fs.map((f) => `${f.level} ${f.rule} ${f.locations.map((l) => l.cell).join(',')}`);

describe('年度资金总额 = 其中：财政拨款 + 其他资金 (blank = 0)', () => {
  test('clean: 142 = 132 + 10 is silent; 132 = 132 with a blank 其他资金 is silent', () => {
    expect(amountFindings(run({ total: 142, fiscal: 132, other: 10 }))).toEqual([]);
    expect(amountFindings(run({ total: 132, fiscal: 132, other: null }))).toEqual([]);
  });
  test('wrong: 142 stated with 财政拨款 132 and 其他资金 blank → error at the 年度资金总额 cell, both numbers', () => {
    const fs = amountFindings(run({ total: 142, fiscal: 132, other: null }));
    expect(brief(fs)).toEqual(['error performance/target-amount-parts E5,E6,E7']);
    expect(fs[0]).toMatchObject({ expected: 132, actual: 142 });
    expect(fs[0].message.zh).toContain('142.00');
    expect(fs[0].message.zh).toContain('132.00');
    expect(fs[0].message.en).toContain('142.00');
  });
  test('a form without any 其他资金 / 上年结转 line states only 其中 a part: no identity, no finding', () => {
    expect(amountFindings(run({ total: 142, fiscal: 132, other: 'absent' }))).toEqual([]);
  });
});

describe('资金总额 = 财政拨款 + 上年结转 + 其他资金 where the form has a 上年结转 line', () => {
  test('clean: 142 = 120 + 22 + blank is silent', () => {
    expect(amountFindings(run({ total: 142, fiscal: 120, carry: 22, other: null }))).toEqual([]);
  });
  test('wrong: 142 ≠ 120 + 12 + blank → error at 年度资金总额 naming the 上年结转 term', () => {
    const fs = amountFindings(run({ total: 142, fiscal: 120, carry: 12, other: null }));
    expect(brief(fs)).toEqual(['error performance/target-amount-parts E5,E6,E7,E8']);
    expect(fs[0]).toMatchObject({ expected: 132, actual: 142 });
    expect(fs[0].message.zh).toContain('上年结转 12.00');
    expect(fs[0].message.en).toContain('carry-over 12.00');
  });
});

describe('weights: 分值（90）for the indicators beside 执行率分值（10）', () => {
  const weights = (fs: Finding[]) => fs.filter((f) => f.rule === 'performance/target-weights');
  test('clean: indicators 90 + 执行率 10 add up; no weight finding', () => {
    const spec = { total: 132, fiscal: 132, weightHeader: '分值（90）', execution: '执行率分值（10）' };
    expect(weights(run({ ...spec, weights: [20, 20, 10, 10, 10, 10, 10] }))).toEqual([]);
  });
  test('wrong: indicators add up to 95 under 分值（90）→ a warning at the header with both numbers', () => {
    const spec = { total: 132, fiscal: 132, weightHeader: '分值（90）', execution: '执行率分值（10）' };
    const fs = weights(run({ ...spec, weights: [25, 20, 10, 10, 10, 10, 10] }));
    expect(fs.map((f) => [f.level, f.locations[0].cell, f.expected, f.actual])).toEqual([
      ['warning', 'F9', 90, 95],
    ]);
  });
  test('执行率分值（10）alone (plain 分值 header) also makes the indicators 90', () => {
    const spec = { total: 132, fiscal: 132, execution: '执行率分值（10）' };
    expect(weights(run({ ...spec, weights: [20, 20, 10, 10, 10, 10, 10] }))).toEqual([]);
    expect(
      weights(run({ ...spec, weights: [20, 20, 20, 10, 10, 10, 10] })).map((f) => [f.expected, f.actual]),
    ).toEqual([[90, 100]]);
  });
});

describe('Σ forms ↔ 项目支出 uses each form’s 年度资金总额', () => {
  /** 表5 一般公共预算支出表 with a 项目支出 column; 表3 支出总表 (all funds) when `all` is given. */
  const tables = (project: number, all?: number): Sheet[] => {
    const t5 = twoDecimals(
      sheetFromValues('表5 一般公共预算支出表', [
        ['一般公共预算支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [null, '合计', 500 + project, 500, project],
        ['201', '一般公共服务支出', 500 + project, 500, project],
        ['20108', '审计事务', 500 + project, 500, project],
        ['2010801', '行政运行', 500, 500, null],
        ['2010804', '审计业务', project, null, project],
      ]),
    );
    if (all === undefined) return [t5];
    const t3 = twoDecimals(
      sheetFromValues('表3 支出总表', [
        ['支出总表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        [null, '合计', 500 + all, 500, all],
        ['201', '一般公共服务支出', 500 + all, 500, all],
        ['20108', '审计事务', 500 + all, 500, all],
        ['2010801', '行政运行', 500, 500, null],
        ['2010804', '审计业务', all, null, all],
      ]),
    );
    return [t3, t5];
  };
  const forms = (spec: FormSpec, others: Sheet[]) =>
    review({ sheets: [...others, targetForm(spec)] } as Workbook).findings.filter((f) =>
      f.rule.endsWith('project-forms-total'),
    );
  test('clean: a form of 142 = 142 + blank against 项目支出 142 is silent', () => {
    expect(forms({ total: 142, fiscal: 142 }, tables(142))).toEqual([]);
  });
  test('clean: 142 = 132 + 其他资金 10 matches the 支出总表 项目支出 142 (all funds), not the 一般公共预算 132', () => {
    expect(forms({ total: 142, fiscal: 132, other: 10 }, tables(132, 142))).toEqual([]);
  });
  test('wrong: a form stating 142 (财政拨款 132, no 其他资金) is not “satisfied” by 项目支出 132', () => {
    const fs = forms({ total: 142, fiscal: 132 }, tables(132));
    expect(fs.map((f) => [f.level, f.expected, f.actual])).toEqual([['warning', 132, 142]]);
    expect(fs[0].locations.map((l) => `${l.sheet}!${l.cell}`)).toEqual([
      '表5 一般公共预算支出表!E4',
      '表14 项目支出绩效目标表!E5',
    ]);
    expect(fs[0].message.zh).toContain('142.00');
    expect(fs[0].message.zh).toContain('132.00');
  });
});

test('the forms written as .xlsx (ExcelJS) and read back give the same amount and weight findings', async () => {
  const specs: FormSpec[] = [
    { total: 142, fiscal: 132, other: null },
    { total: 142, fiscal: 120, carry: 12, other: null },
    { total: 132, fiscal: 132, weightHeader: '分值（90）', execution: '执行率分值（10）' },
  ];
  for (const spec of specs) {
    const s = targetForm(spec);
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet(s.name);
      s.rows.forEach((row, r) =>
        (row ?? []).forEach((cell, c) => {
          if (!cell) return;
          ws.getCell(r + 1, c + 1).value = cell.value as string | number;
          if (cell.numFmt) ws.getCell(r + 1, c + 1).numFmt = cell.numFmt;
        }),
      );
      for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    });
    const fromFile = review(readXlsx(bytes, 'form.xlsx'), {}, rules).findings;
    expect(brief(fromFile)).toEqual(brief(run(spec)));
  }
});
