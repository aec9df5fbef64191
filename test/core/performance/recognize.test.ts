import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { toA1 } from '../../../src/core/model/address';
import { sheetFromValues, Workbook } from '../../../src/core/model/workbook';
import { planFill } from '../../../src/core/performance/fill';
import { recognizePerformanceForms } from '../../../src/core/performance/recognize';
import { readXlsx } from '../../../src/xlsx';
import { REAL_BUDGETS } from '../../helpers/data';

const REAL = REAL_BUDGETS;
const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const load = (path: string) => readXlsx(new Uint8Array(readFileSync(path)));
const real = (city: string) => load(join(REAL, `${city}.xlsx`));

describe('绩效目标表 recognition on the real 2026 workbooks', () => {
  // form and indicator counts as listed in real-budgets/README.md
  test.each([
    ['烟台-信访局-2026-预算', 3, 32, 'stacked'],
    ['西安-审计局-2026-预算', 4, 45, 'stacked'],
    ['福州-商务局-2026-预算', 8, 69, 'stacked'],
    ['长沙-信访局-2026-预算', 4, 76, 'list'],
    ['重庆-人民政府办公厅-2026-预算', 1, 11, 'list'],
  ])('%s: %d forms, %d indicator rows (%s)', (file, forms, rows, layout) => {
    const res = recognizePerformanceForms(real(file));
    expect(res.targetForms).toHaveLength(forms);
    expect(res.targetForms.reduce((s, f) => s + f.indicators.length, 0)).toBe(rows);
    expect(res.targetForms.every((f) => f.layout === layout)).toBe(true);
    expect(res.selfEvaluations).toHaveLength(0);
  });

  test('烟台 stacked form: name, amounts, =100% stored as a formula without a cached value', () => {
    const [f] = recognizePerformanceForms(real('烟台-信访局-2026-预算')).targetForms;
    expect(f.projectName).toBe('实施公车统管费用');
    expect([f.total, f.fiscal, f.other, f.unit]).toEqual([15, 15, 0, '万元']);
    expect(toA1(f.totalCell!.row, f.totalCell!.col)).toBe('E5');
    const accuracy = f.indicators.find((i) => i.name === '实施公车统管费用支付准确率')!;
    expect(accuracy.target).toBe('=100%');
    expect([accuracy.level1, accuracy.level2]).toEqual(['产出指标', '质量指标']);
    // second form: 成本 rows share the merged 一级/二级 cells
    const second = recognizePerformanceForms(real('烟台-信访局-2026-预算')).targetForms[1];
    expect(second.indicators.filter((i) => i.level2 === '经济成本').map((i) => i.target)).toEqual([
      '≤145万元',
      '≤15.36万元',
      '≤43.97万元',
      '≤5万元',
    ]);
  });

  test('西安: weights and the stated 90 points, 执行率 10 points', () => {
    const forms = recognizePerformanceForms(real('西安-审计局-2026-预算')).targetForms;
    expect(forms.map((f) => f.weightsStated?.points)).toEqual([90, 90, 90, 90]);
    expect(forms.map((f) => f.executionPoints)).toEqual([10, 10, 10, 10]);
    // 8+8+6+6+7+7+8+15+15+10 = 90
    expect(forms[0].indicators.reduce((s, i) => s + (i.weight ?? 0), 0)).toBe(90);
    // the third form runs over a page break: the 质量 rows keep 一级 产出指标
    const quality = forms[2].indicators.find((i) => i.name === '培训出勤率')!;
    expect([quality.level1, quality.level2]).toEqual(['产出指标', '质量指标']);
    expect(forms[3]).toMatchObject({ fiscal: 0, other: 198.18, total: 198.18 });
  });

  test('长沙 list layout: projects repeated after page breaks join into one form; target = operator + value + unit', () => {
    const forms = recognizePerformanceForms(real('长沙-信访局-2026-预算')).targetForms;
    expect(forms.map((f) => f.projectName)).toEqual([
      '基层及其他信访业务工作经费专项',
      '人民来访接待中心及特护期运行专项',
      '人民来访接待中心业务专项',
      '信访业务工作专项',
    ]);
    expect(forms.map((f) => f.total)).toEqual([35.78, 10.22, 102.8, 138.11]);
    const first = forms[0];
    expect(first.indicators.map((i) => i.target).slice(0, 4)).toEqual(['≤35.78万元', '无', '无', '≥10个']);
    expect(first.indicators[1].notApplicable).toBe(true);
    // rows 7–14 and 15–22 are the same project (page break at row 15)
    expect(first.indicators.map((i) => i.row + 1)).toContain(15);
    expect(first.range.bottom + 1).toBe(22);
  });

  test('重庆: 表12 list without 一级/二级; 表11 published empty is skipped with the reason', () => {
    const res = recognizePerformanceForms(real('重庆-人民政府办公厅-2026-预算'));
    expect(res.targetForms[0].sheet).toBe('表12 项目支出绩效目标表');
    expect(res.targetForms[0].hasLevel2).toBe(false);
    expect(res.targetForms[0].indicators[0].target).toBe('≥70%');
    expect(res.skipped.map((s) => s.sheet)).toEqual(['表11 项目支出绩效目标表']);
  });

  test('workbooks without performance sheets yield nothing', () => {
    const res = recognizePerformanceForms(real('深圳-审计局-2026-预算'));
    expect(res.targetForms).toHaveLength(0);
    expect(res.selfEvaluations).toHaveLength(0);
    expect(res.skipped).toHaveLength(0);
  });
});

describe('seed 003: the 16 济源 forms', () => {
  const wb = load(join(FIXTURES, 'jiyuan-2021-budget.xlsx'));
  const forms = recognizePerformanceForms(wb).targetForms;
  test('16 forms whose 项目本年度金额 add up to 2104.7 万元', () => {
    expect(forms).toHaveLength(16);
    const cents = forms.reduce((s, f) => s + Math.round((f.total ?? 0) * 100), 0);
    expect(cents / 100).toBe(2104.7);
    expect(forms[0]).toMatchObject({ projectName: '车管业务经费', total: 272.5, projectTotal: 272.5 });
  });
  test('empty 二级 rows are kept as empty categories (质量/成本 of the 标志标线 form)', () => {
    const f = forms[1];
    expect(f.emptyCategories.map((e) => e.level2)).toEqual(expect.arrayContaining(['质量', '成本']));
    expect(f.indicators.find((i) => i.name === '道路标线施划面积')?.target).toBe('≥4.5万平方米');
  });
});

describe('strange sheets never crash recognition', () => {
  test('a header row with nothing under it, a lone label, odd merges', () => {
    const wb: Workbook = {
      sheets: [
        sheetFromValues(
          'odd',
          [['一级指标', '二级指标', '三级指标', '指标值'], [], ['项目名称']],
          [{ top: 0, left: 0, bottom: 5, right: 1 }],
        ),
        sheetFromValues('empty', []),
        sheetFromValues('self', [
          ['项目支出绩效自评表'],
          ['一级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ]),
      ],
    };
    const res = recognizePerformanceForms(wb);
    expect(res.targetForms).toHaveLength(0);
    expect(res.selfEvaluations.every((f) => f.indicators.length === 0)).toBe(true);
  });
});

describe('every strange fixture and real workbook: recognition and planFill never throw', () => {
  const files = [
    ...readdirSync(join(FIXTURES, 'strange')).map((f) => join(FIXTURES, 'strange', f)),
    ...readdirSync(REAL)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(REAL, f)),
  ];
  test.each(files)('%s', (file) => {
    let wb: Workbook;
    try {
      wb = load(file);
    } catch {
      return; // broken on purpose: the reader refuses it, nothing to recognise
    }
    expect(() => recognizePerformanceForms(wb)).not.toThrow();
    const plan = planFill(wb);
    // none of these holds a 自评表: nothing is written
    expect(plan.writes).toEqual([]);
  });
});
