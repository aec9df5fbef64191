/**
 * The narrative rules on real published 说明 (test/data/real-narratives: eight real 2026 budgets with the explanatory
 * text their PDFs print, one paragraph per cell). The truth is the README's table: one real text defect — 上海普陀 预算
 * A2 and A3 compare the 2026 budget "比2026年预算增加 793.14 万元" (the year should be 2025) — and no other narrative
 * error. Then each pattern of that text with one figure changed: the change is reported at its cell, quoting the
 * clause, with both numbers; the unchanged text is silent. Numbers checked by hand against the sheets:
 *   广州 表8 三公: 合计 4.8 = 0 + 2.5 (购置 0 + 运行 2.5) + 2.3
 *   烟台 A7: 支出 −49.81 = 基本 +75.19 + 项目 −125; 表7 三公 2025 → 2026: 合计 22 → 17, 运行维护 20 → 15, 接待 2 → 2
 *   苏州 表9: 会议费 10, 培训费 43 (columns G and H of the "三公" table); A37 4312.17 ÷ 4651.67 = 92.70%
 *   杭州 A16: 13.59 ÷ (5753.07 − 13.59) = 0.237% → 0.2%
 *   福州 A36: 公务用车购置及运行费 8.00 = 运行费 8.00 + 购置费 0.00 (表10 B7 = B9 + B8)
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Finding } from '../../../src/core/model/findings';
import { Workbook } from '../../../src/core/model/workbook';
import { review } from '../../../src/core/review';
import { readXlsx } from '../../../src/xlsx';
import { REAL_NARRATIVES } from '../../helpers/data';

const load = (file: string): Workbook => readXlsx(new Uint8Array(readFileSync(join(REAL_NARRATIVES, file))));
const narrative = (wb: Workbook) => review(wb).findings.filter((f) => f.rule.startsWith('narrative/'));
const brief = (f: Finding) =>
  `${f.level} ${f.rule} ${f.locations.map((l) => `${l.sheet}!${l.cell}`).join(' ')}`;

/** The text sheet is the last sheet; replace text inside the one cell that holds it. */
function edit(wb: Workbook, from: string, to: string): string {
  const s = wb.sheets[wb.sheets.length - 1];
  const hits: string[] = [];
  s.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (typeof cell?.value === 'string' && cell.value.includes(from)) {
        cell.value = cell.value.replace(from, to);
        hits.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      }
    }),
  );
  expect({ from, hits: hits.length }).toEqual({ from, hits: 1 });
  return hits[0];
}

const FORMS_YANTAI = 'info narrative/project-forms-total 表5 一般公共预算支出表!I5';
const FORMS_FUZHOU = 'info narrative/project-forms-total 表5 一般公共预算支出表!E5';

/** Per file, every narrative finding a reviewer expects (first location only; the forms info is not about text). */
const EXPECTED: Record<string, string[]> = {
  '上海-审计局-2026-单位预算.xlsx': [],
  '上海普陀-司法局-2026-单位预算.xlsx': [],
  '上海普陀-司法局-2026-预算.xlsx': [
    'warning narrative/year 部门预算编制说明!A2',
    'warning narrative/year 部门预算编制说明!A3',
  ],
  '广州-信访局-2026-预算.xlsx': [],
  '杭州-气象局-2026-预算.xlsx': [],
  '烟台-信访局-2026-预算.xlsx': [FORMS_YANTAI],
  '福州-商务局-2026-预算.xlsx': [FORMS_FUZHOU],
  '苏州-审计局-2026-预算.xlsx': [],
};

describe('real published 说明: exactly the findings a reviewer expects', () => {
  test.each(Object.keys(EXPECTED))('%s', (file) => {
    const fs = narrative(load(file));
    expect(fs.filter((f) => f.rule === 'engine/rule-failed')).toEqual([]);
    expect(fs.map((f) => `${f.level} ${f.rule} ${f.locations[0].sheet}!${f.locations[0].cell}`)).toEqual(
      EXPECTED[file],
    );
    expect(fs.filter((f) => f.level === 'error')).toEqual([]);
  });

  test('上海普陀 预算: the year warnings quote the clauses they read, with the year found and the year expected', () => {
    const fs = narrative(load('上海普陀-司法局-2026-预算.xlsx'));
    expect(fs.map((f) => [f.expected, f.actual])).toEqual([
      ['2025', '2026'],
      ['2025', '2026'],
    ]);
    expect(fs[0].message.zh).toContain('“财政拨款收入9628.22万元，比2026年预算增加793.14万元”');
    expect(fs[1].message.zh).toContain('“财政拨款支出预算9628.22万元，比2026年预算增加793.14万元”');
    expect(fs[1].message.zh).toContain('“政府性基金拨款支出预算0万元，与2026年预算持平”');
    expect(fs[1].message.en).toContain('should be 2025');
  });

  test('上海普陀 预算 with the year corrected to 2025: silent', () => {
    const wb = load('上海普陀-司法局-2026-预算.xlsx');
    const s = wb.sheets[wb.sheets.length - 1];
    for (const r of [1, 2]) {
      const cell = s.rows[r]![0]!;
      cell.value = String(cell.value).replace(/2026年预算/g, '2025年预算');
    }
    expect(narrative(wb)).toEqual([]);
  });
});

interface Case {
  file: string;
  from: string;
  to: string;
  /** brief, expected, actual, quoted clause */
  findings: [string, number | string | undefined, number | string | undefined, string][];
}

const CASES: Record<string, Case> = {
  '广州 A5: the bracketed 购置费 is its own figure (0 → 1), and the bracket no longer adds up': {
    file: '广州-信访局-2026-预算.xlsx',
    from: '公务用车购置费0万元',
    to: '公务用车购置费1万元',
    findings: [
      ['error narrative/amount 部门预算情况说明!A5 表8 三公经费表!B8', 0, 1, '公务用车购置费1万元'],
      ['error narrative/itemised-sum 部门预算情况说明!A5', 2.5, 3.5, '公务用车购置及运行维护费2.5万元'],
    ],
  },
  '烟台 A7: 项目支出减少 135 breaks the signed sum −49.81 = +75.19 − 125': {
    file: '烟台-信访局-2026-预算.xlsx',
    from: '项目支出减少125万元',
    to: '项目支出减少135万元',
    // a bare 其中 may be partial: a warning
    findings: [
      [
        'warning narrative/itemised-sum 部门预算情况和重要事项说明!A7',
        -49.81,
        -59.81,
        '2.支出预算减少49.81万元',
      ],
    ],
  },
  '烟台 A7: a sign turned (基本支出减少 75.19) is reported, not summed as a level': {
    file: '烟台-信访局-2026-预算.xlsx',
    from: '基本支出增加75.19万元',
    to: '基本支出减少75.19万元',
    findings: [
      [
        'warning narrative/itemised-sum 部门预算情况和重要事项说明!A7',
        -49.81,
        -200.19,
        '2.支出预算减少49.81万元',
      ],
    ],
  },
  '烟台 A10: a change the 2025 column contradicts (减少 6 against 22 → 17)': {
    file: '烟台-信访局-2026-预算.xlsx',
    from: '比上年减少5万元，下降22.73％',
    to: '比上年减少6万元，下降22.73％',
    findings: [
      [
        'error narrative/change 部门预算情况和重要事项说明!A10 表7 三公经费表!G6 表7 三公经费表!A6',
        -5,
        -6,
        '2026年通过一般公共预算财政拨款安排的「三公」经费预算共17万元，比上年减少6万元',
      ],
    ],
  },
  '烟台 A13: a change in the wrong direction (增加 5 where 20 → 15)': {
    file: '烟台-信访局-2026-预算.xlsx',
    from: '公务用车运行维护费15万元，比上年减少5万元',
    to: '公务用车运行维护费15万元，比上年增加5万元',
    findings: [
      [
        'error narrative/change 部门预算情况和重要事项说明!A13 表7 三公经费表!K6 表7 三公经费表!E6',
        -5,
        5,
        '公务用车运行维护费15万元，比上年增加5万元',
      ],
    ],
  },
  '苏州 A75: 会议费 against the 会议费 column of the "三公" table, not the 一般公共预算 total': {
    file: '苏州-审计局-2026-预算.xlsx',
    from: '会议费预算支出 10 万元',
    to: '会议费预算支出 12 万元',
    findings: [
      [
        'error narrative/amount 部门预算情况说明!A75 表9 三公经费表!G5',
        10,
        12,
        '苏州市审计局 2026 年度一般公共预算拨款安排的会议费预算支出 12 万元',
      ],
    ],
  },
  '苏州 A82: 机关运行经费 has no table — changed, still not checkable': {
    file: '苏州-审计局-2026-预算.xlsx',
    from: '机关运行经费预算支出 395.6 万元',
    to: '机关运行经费预算支出 399.6 万元',
    findings: [],
  },
  '苏州 A37: a share of the total stated before it (占 93.7% where 4312.17 ÷ 4651.67 = 92.70%)': {
    file: '苏州-审计局-2026-预算.xlsx',
    from: '占 92.7%',
    to: '占 93.7%',
    findings: [
      [
        'error narrative/share 部门预算情况说明!A37 表3 支出总表!D4 表1 收支总表!D37',
        '92.7%',
        '93.7%',
        '基本支出 4,312.17 万元，占 93.7%',
      ],
    ],
  },
  '杭州 A16: a rate that its own change and level contradict (增长 2.2%)': {
    file: '杭州-气象局-2026-预算.xlsx',
    from: '增加 13.59 万元，增长 0.2%',
    to: '增加 13.59 万元，增长 2.2%',
    findings: [
      [
        'error narrative/change 部门预算安排情况说明!A16',
        '0.2%',
        '2.2%',
        '2026 年一般公共预算当年拨款 5,753.07 万元，比上年执行数增加 13.59 万元，增长 2.2%',
      ],
    ],
  },
  '福州 A36: a 其中 item under a heading-named total (公务用车运行费 7.00 where the table says 8.00)': {
    file: '福州-商务局-2026-预算.xlsx',
    from: '公务用车运行费 8.00万元',
    to: '公务用车运行费 7.00万元',
    findings: [
      ['error narrative/amount 部门预算情况说明!A36 表10 三公经费表!B9', 8, 7, '公务用车运行费 7.00万元'],
      ['warning narrative/itemised-sum 部门预算情况说明!A36', 8, 7, '2026 年预算安排 8.00 万元'],
    ],
  },
  '上海 A12: a 2026 budget compared with 2026 (与2026年预算持平) is a year warning': {
    file: '上海-审计局-2026-单位预算.xlsx',
    from: '2026年“三公”经费预算数为237.92万元，与2025年预算持平',
    to: '2026年“三公”经费预算数为237.92万元，与2026年预算持平',
    findings: [
      [
        'warning narrative/year 单位预算编制说明!A12',
        '2025',
        '2026',
        '2026年「三公」经费预算数为237.92万元，与2026年预算持平',
      ],
    ],
  },
};

describe('real 说明 with one figure changed: reported at its cell with both numbers, quoting the clause', () => {
  test.each(Object.keys(CASES))('%s', (name) => {
    const c = CASES[name];
    const base = narrative(load(c.file)).map(brief);
    const wb = load(c.file);
    edit(wb, c.from, c.to);
    const fs = narrative(wb).filter((f) => !base.includes(brief(f)));
    expect(fs.map((f) => [brief(f), f.expected, f.actual])).toEqual(c.findings.map(([b, e, a]) => [b, e, a]));
    fs.forEach((f, i) => expect(f.message.zh).toContain(`“${c.findings[i][3]}”`));
    fs.forEach((f, i) => expect(f.message.en).toContain(`“${c.findings[i][3]}”`));
    // English says nothing in Chinese of its own: only the quoted text and sheet names are the workbook's
    const sheets = wb.sheets.map((s) => s.name).sort((a, b) => b.length - a.length);
    for (const f of fs) {
      const own = sheets.reduce((t, n) => t.split(n).join(''), f.message.en.replace(/“[^”]*”/g, '""'));
      expect(own).not.toMatch(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/);
    }
  });
});
