/**
 * The statement grammar on sentences from real published 说明 (test/data/real-narratives) and the seeds (003 济源):
 * what each figure is (level / change / rate / share / flat), its subject, sign, comparison and the total it breaks
 * down. Expected values read off the sentences by hand.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { Fact, parseFacts, signedValue } from '../../../src/core/narrative/grammar';
import { classifyFact } from '../../../src/core/narrative/subjects';
import { SEEDS } from '../../helpers/data';

const facts = (text: string) => parseFacts(text).facts;
const brief = (f: Fact) =>
  `${f.kind} ${f.subject}${f.amount ? ` ${signedValue(f)}${f.amount.unit}` : ''}${f.percent ? ` ${signedValue(f)}%` : ''}${f.against ? ` vs ${f.against.text}` : ''}${f.parent ? ` ⊂ ${f.parent.subject}` : ''}`;

describe('levels and their subjects', () => {
  test('a bracketed breakdown belongs to the total before it (广州 A5)', () => {
    const text =
      '公务用车购置及运行维护费2.5万元（公务用车购置费0万元，比上年增加0万元；公务用车运行维护费2.5万元，比上年减少1万元。）比上年减少1万元，下降28.6%';
    const fs = facts(text);
    expect(fs.map(brief)).toEqual([
      'level 公务用车购置及运行维护费 2.5万元',
      'level 公务用车购置费 0万元 ⊂ 公务用车购置及运行维护费',
      'change 公务用车购置费 0万元 vs 比上年',
      'level 公务用车运行维护费 2.5万元 ⊂ 公务用车购置及运行维护费',
      'change 公务用车运行维护费 -1万元 vs 比上年',
      // after the bracket: the total's own change
      'change 公务用车购置及运行维护费 -1万元 vs 比上年',
      'rate 公务用车购置及运行维护费 -28.6% vs 比上年',
    ]);
    // the bracketed 0 is the 购置费, not the total
    expect(classifyFact(fs[1])).toEqual({ kind: 'three-public', measure: 'car-purchase' });
    expect(fs[1].quote).toBe('公务用车购置费0万元');
  });

  test('a bracket without figures is part of the word: 因公出国（境）费, 一般公共服务支出（类）', () => {
    const fs = facts(
      '（一）因公出国（境）费201.80万元，与2025年预算持平。一般公共服务支出（类）支出 2,906.63 万元。',
    );
    expect(fs.map(brief)).toEqual([
      'level 因公出国（境）费 201.8万元',
      'flat 因公出国（境）费 vs 与2025年预算',
      'level 一般公共服务支出（类）支出 2906.63万元',
    ]);
    expect(fs[1].against?.year).toBe(2025);
    expect(fs[1].against?.basis).toBe('budget');
  });

  test('the head after 的: 会议费, not the 一般公共预算 it is paid from (苏州 A75); 机关运行经费 is not checkable', () => {
    const [meeting, change] = facts(
      '苏州市审计局 2026 年度一般公共预算拨款安排的会议费预算支出 10 万元，比上年预算减少 7 万元，主要原因是会议费支出下降。',
    );
    expect([meeting.subject, meeting.year, meeting.context.scope]).toEqual([
      '会议费预算支出',
      2026,
      'general',
    ]);
    expect(classifyFact(meeting)).toEqual({ kind: 'three-public', measure: 'meeting' });
    expect(brief(change)).toBe('change 会议费预算支出 -7万元 vs 比上年预算');
    const [run] = facts(
      '2026 年本部门一般公共预算机关运行经费预算支出 395.6 万元，与上年相比减少 3.61 万元。',
    );
    expect(classifyFact(run)).toEqual({ kind: 'not-checkable', what: '机关运行经费' });
    const [fz] = facts('2026 年，福州市商务局一般公共预算拨款安排的机关运行经费支出 337.82 万元。');
    expect(classifyFact(fz)?.kind).toBe('not-checkable');
  });

  test('收入、支出预算总计 is one subject (、 joins nouns); 收、支 too', () => {
    const fs = facts(
      '苏州市审计局 2026 年度收入、支出预算总计 4,651.67 万元，与上年相比收、支预算总计各增加 47.15 万元，增长 1.02%。',
    );
    expect(fs.map(brief)).toEqual([
      'level 收入、支出预算总计 4651.67万元',
      'change 收、支预算总计 47.15万元 vs 与上年相比',
      'rate 收、支预算总计 1.02% vs 与上年相比',
    ]);
    expect(classifyFact(fs[0])).toMatchObject({ kind: 'income-total' });
  });

  test('a level with no subject of its own under a heading takes the heading (福州 （一）因公出国（境）经费)', () => {
    const [lv, flat] = facts('（一）因公出国（境）经费\n2026 年预算安排 70.00 万元，与上年持平。');
    expect([lv.subject, lv.subjectInherited, flat.kind, flat.subject]).toEqual([
      '因公出国（境）经费',
      true,
      'flat',
      '因公出国（境）经费',
    ]);
    expect(classifyFact(lv)).toEqual({ kind: 'three-public', measure: 'abroad' });
  });

  test('上年 figures and 执行数 are flagged, never current levels', () => {
    const fs = facts(
      '2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。上年结转结余的一般公共预算收入 0 万元。',
    );
    expect([fs[0].year, fs[0].basis]).toEqual([2025, 'execution']);
    expect(fs[2].kind).toBe('rate');
    expect(fs[2].against).toMatchObject({ year: 2025, basis: 'execution' });
    expect(fs[3].prior).toBe(true);
  });
});

describe('changes: sign, comparison and the breakdown they belong to', () => {
  test('烟台 A5–A7: the 其中 changes carry their sign and the comparison of the paragraph above', () => {
    const text = [
      '（三）增减变化情况：2026年收支预算1,717.85万元，比上年减少49.81万元，其中：',
      '1.收入预算减少49.81万元，其中一般公共预算收入减少49.81万元。',
      '2.支出预算减少49.81万元，其中基本支出增加75.19万元，项目支出减少125万元。',
    ].join('\n');
    const fs = facts(text);
    expect(fs.map(brief)).toEqual([
      'level 收支预算 1717.85万元',
      'change 收支预算 -49.81万元 vs 比上年',
      'change 收入预算 -49.81万元 vs 比上年',
      'change 一般公共预算收入 -49.81万元 vs 比上年 ⊂ 收入预算',
      'change 支出预算 -49.81万元 vs 比上年',
      'change 基本支出 75.19万元 vs 比上年 ⊂ 支出预算',
      'change 项目支出 -125万元 vs 比上年 ⊂ 支出预算',
    ]);
    // 收入 and 支出 each restate the 收支 total: they are not its parts
    expect(fs[2].parent).toBeUndefined();
    expect(fs[4].parent).toBeUndefined();
    expect(fs[4].children.map(signedValue).reduce((a, b) => a + b, 0)).toBeCloseTo(-49.81, 6);
    expect(fs[2].against?.inherited).toBe(true);
  });

  test('a change with no subject qualifies the level before it, in its sentence or paragraph (苏州 A18)', () => {
    const fs = facts(
      '（1）一般公共服务支出（类）支出 2,906.63 万元，主要用于审计事务。与上年相比减少 17.08 万元，减少 0.58%。',
    );
    expect(fs.map((f) => `${f.kind} ${f.of?.amount?.value ?? ''}`)).toEqual([
      'level ',
      'change 2906.63',
      'rate 2906.63',
    ]);
    expect(fs[1].quote).toBe(
      '（1）一般公共服务支出（类）支出 2,906.63 万元，主要用于审计事务。与上年相比减少 17.08 万元',
    );
  });

  test('持平 after a change is a comment (杭州 A5); a reason is not a statement', () => {
    expect(
      facts('2026 年收入预算 5,876.67 万元，比上年执行数增加48.92 万元，增长 0.8%，与上年基本持平。').map(
        (f) => f.kind,
      ),
    ).toEqual(['level', 'change', 'rate']);
    expect(
      facts('公务接待费2.3万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减变化。').map(
        (f) => f.kind,
      ),
    ).toEqual(['level', 'change', 'rate']);
  });

  test('the year compared with, as written (上海普陀 预算 A2: 比2026年预算)', () => {
    const fs = facts(
      '2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元；事业收入0万元。',
    );
    const change = fs.find((f) => f.kind === 'change')!;
    expect(change.against).toMatchObject({ year: 2026, basis: 'budget', text: '比2026年预算' });
    expect(change.subject).toBe('财政拨款收入');
    expect(fs.filter((f) => f.parent).map((f) => f.subject)).toEqual(['财政拨款收入', '事业收入']);
  });
});

describe('seed 003 (济源 说明): the sentences the old reader handled keep their meaning', () => {
  test('收、支总计各减少 208.8 万元，减少 4.89% against 2020', () => {
    const fs = facts(
      '济源市公安局交通管理支队 2021 年收入总计 4055.5 万元，支出总计 4055.5 万元，与 2020 年相比，收、支总计各减少 208.8 万元，减少 4.89%。',
    );
    expect(fs.map(brief)).toEqual([
      'level 收入总计 4055.5万元',
      'level 支出总计 4055.5万元',
      'change 收、支总计 -208.8万元 vs 与2020年相比',
      'rate 收、支总计 -4.89% vs 与2020年相比',
    ]);
  });

  test('其中 list with shares: 基本支出 1807.7 万元，占 44.6%', () => {
    const fs = facts(
      '2021 年支出合计 4055.5 万元，其中：基本支出 1807.7 万元，占 44.6%；项目支出 2247.8 万元，占 55.4%。',
    );
    expect(fs.map(brief)).toEqual([
      'level 支出合计 4055.5万元',
      'level 基本支出 1807.7万元 ⊂ 支出合计',
      // a share's subject is the base it names (none here: the total of the list); its part is the level before it
      'share  44.6%',
      'level 项目支出 2247.8万元 ⊂ 支出合计',
      'share  55.4%',
    ]);
    expect(fs[4].of?.subject).toBe('项目支出');
    expect(fs[2].of?.amount?.value).toBe(1807.7);
  });

  test('a paragraph the PDF cut mid-word: 公务用\\n车运行维护费 60 万元', () => {
    const fs = facts(
      '（三）公务用车购置及运行费 60 万元，其中，公务用\n车运行维护费 60 万元，预算数与 2020 年持平。公务用车购置费 0 万元，预算数与 2020 年持平。',
    );
    expect(fs.filter((f) => f.kind === 'level').map((f) => f.subject)).toEqual([
      '公务用车购置及运行费',
      '公务用车运行维护费',
      '公务用车购置费',
    ]);
  });

  test('公务用车购置及运行费32.00万元（公务用车购置费0万元，公务用车运行费32.00万元）: a complete bracketed breakdown', () => {
    const [total, buy, run] = facts(
      '公务用车购置及运行费32.00万元（公务用车购置费0万元，公务用车运行费32.00万元）。',
    );
    expect(total.children).toEqual([buy, run]);
    expect([buy.breakdown, classifyFact(buy), classifyFact(run)]).toEqual([
      'bracket',
      { kind: 'three-public', measure: 'car-purchase' },
      { kind: 'three-public', measure: 'car-running' },
    ]);
  });
});

describe('seed 003 as printed (test/data/seeds/003_…txt, 第二部分): every figure read with its kind and subject', () => {
  const raw = readFileSync(join(SEEDS, '003_94b6ab0ece475523.txt'), 'utf8');
  const part = raw.slice(raw.indexOf('一、收入支出预算总体情况说明'), raw.indexOf('（三）绩效目标设置情况'));
  const fs = parseFacts(part).facts;
  const line = (f: Fact) =>
    `${f.kind} ${f.subject} ${f.amount?.value ?? f.percent?.value ?? ''}${f.against ? ` vs ${f.against.year}` : ''}${f.parent ? ` ⊂ ${f.parent.subject}` : ''}${f.of ? ` of ${f.of.subject}` : ''}`;

  test('levels, their breakdowns and the shares of their items', () => {
    expect(fs.filter((f) => f.kind === 'level' || f.kind === 'share').map(line)).toEqual([
      'level 收入总计 4055.5',
      'level 支出总计 4055.5',
      'level 收入合计 4055.5',
      'level 一般公共预算收入 3912.4 ⊂ 收入合计',
      'level 部门结转 143.1 ⊂ 收入合计',
      'level 支出合计 4055.5',
      'level 基本支出 1807.7 ⊂ 支出合计',
      'share  44.6 of 基本支出',
      'level 项目支出 2247.8 ⊂ 支出合计',
      'share  55.4 of 项目支出',
      'level 一般公共预算收支预算 3912.4',
      // "…年初预算为 3912.4 万元。主要用于以下方面：" — the list is the next sentence
      'level 一般公共预算支出年初预算 3912.4',
      'level 行政运行公安（类）支出（公安） 1529.6 ⊂ 一般公共预算支出年初预算',
      'share  39.09 of 行政运行公安（类）支出（公安）',
      'level 特别业务（类）支出 2104.7 ⊂ 一般公共预算支出年初预算',
      'share  53.8 of 特别业务（类）支出',
      'level 行政单位离退休（类）支出 76.9 ⊂ 一般公共预算支出年初预算',
      'share  1.97 of 行政单位离退休（类）支出',
      'level 机关事业单位基本养老保险缴费（类）支出 115 ⊂ 一般公共预算支出年初预算',
      'share  2.94 of 机关事业单位基本养老保险缴费（类）支出',
      'level 住房保障（类）支出 86.2 ⊂ 一般公共预算支出年初预算',
      'share  2.2 of 住房保障（类）支出',
      'level “三公”经费预算 60',
      'level 因公出国（境）费 0',
      'level 公务接待费 0',
      'level 公务用车购置及运行费 60',
      // the PDF cut "公务用 / 车运行维护费" over two lines
      'level 公务用车运行维护费 60 ⊂ 公务用车购置及运行费',
      'level 公务用车购置费 0',
      'level 政府性基金预算支出 0',
      'level 机关运行经费支出预算 206.6',
      'level 政府采购预算安排 50.4',
      'level 政府采购货物预算 50.4 ⊂ 政府采购预算安排',
      'level 政府采购工程预算 0 ⊂ 政府采购预算安排',
      'level 政府采购服务预算 0 ⊂ 政府采购预算安排',
    ]);
  });

  test('changes, rates and 持平 against 2020, each qualifying the level it is about', () => {
    expect(fs.filter((f) => f.kind !== 'level' && f.kind !== 'share').map(line)).toEqual([
      'change 收、支总计 208.8 vs 2020 of 支出总计',
      'rate 收、支总计 4.89 vs 2020 of 支出总计',
      'change 一般公共预算收支预算 251.9 vs 2020 of 一般公共预算收支预算',
      'rate 一般公共预算收支预算 6.04 vs 2020 of 一般公共预算收支预算',
      'flat 2021年“三公”经费支出预算数  vs 2020 of “三公”经费预算',
      'flat 因公出国（境）费  vs 2020 of 因公出国（境）费',
      'flat 公务接待费  vs 2020 of 公务接待费',
      'flat 公务用车运行维护费  vs 2020 of 公务用车运行维护费',
      'flat 公务用车购置费  vs 2020 of 公务用车购置费',
      'change 机关运行经费支出预算 4.2 vs 2020 of 机关运行经费支出预算',
      'rate 机关运行经费支出预算 1.99 vs 2020 of 机关运行经费支出预算',
    ]);
    expect(fs.filter((f) => f.kind === 'change' || f.kind === 'rate').every((f) => f.sign === -1)).toBe(true);
  });
});
