/**
 * Statement extraction on sentences copied from the seeds (003 济源 预算说明, 000 玉溪 and 001 保山 project texts).
 * Every expected value below was read off the seed text by hand.
 */
import { extractStatements } from '../../../src/core/narrative/statements';
import {
  AmountStatement,
  ChangeStatement,
  EquationStatement,
  FlatStatement,
  ItemisedStatement,
  ShareStatement,
  Statement,
} from '../../../src/core/narrative/types';

const of = <K extends Statement['kind']>(text: string, kind: K) =>
  extractStatements(text).statements.filter((s): s is Extract<Statement, { kind: K }> => s.kind === kind);
const amounts = (text: string) => of(text, 'amount') as AmountStatement[];
const values = (list: { value: number }[]) => list.map((a) => a.value);

describe('amounts with their subject (seed 003, 第二部分)', () => {
  const p1 =
    '济源市公安局交通管理支队 2021 年收入总计 4055.5 万元，支出总计 4055.5 万元，与 2020 年相比，收、支总计各减少 208.8 万元，减少 4.89%。主要原因是：一是年初对人员职务和级别工资进行调整；二是全年受疫情影响，各方面收入下降。';

  test('收入总计 / 支出总计: value, unit, decimals, subject; the 减少 amount is a change, not a stated amount', () => {
    const a = amounts(p1);
    expect(a.map((s) => [s.subject, s.amount.value, s.amount.unit, s.amount.decimals])).toEqual([
      ['济源市公安局交通管理支队2021年收入总计', 4055.5, '万元', 1],
      ['支出总计', 4055.5, '万元', 1],
    ]);
    expect(a[0].year).toBe(2021);
    expect(a[0].prior).toBe(false);
    // the span covers the number and unit as written
    expect(p1.slice(a[1].amount.span.start, a[1].amount.span.end)).toBe('4055.5 万元');
  });

  test('year-on-year change: 收、支总计各减少 208.8 万元，减少 4.89% against the current 4055.5', () => {
    const [c] = of(p1, 'change') as ChangeStatement[];
    expect(c.subject).toBe('收、支总计');
    expect(c.direction).toBe('decrease');
    expect(c.current?.value).toBe(4055.5);
    expect(c.change?.value).toBe(208.8);
    expect(c.rate?.value).toBe(4.89);
    expect(c.rate?.decimals).toBe(2);
    expect(c.since).toBe('2020');
    expect(p1.slice(c.rate!.span.start, c.rate!.span.end)).toBe('4.89%');
  });

  test('其中 list: 收入合计 4055.5 = 一般公共预算收入 3912.4 + 部门结转 143.1', () => {
    const text =
      '济源市公安局交通管理支队 2021 年收入合计 4055.5 万元，其中：一般公共预算收入 3912.4 万元，部门结转 143.1 万元。';
    const [l] = of(text, 'itemised') as ItemisedStatement[];
    expect(l.layout).toBe('inline');
    expect(l.total.value).toBe(4055.5);
    expect(values(l.items)).toEqual([3912.4, 143.1]);
    expect(l.completeness).toBe('complete'); // the total is a 合计
    expect(amounts(text).map((s) => s.subject)).toEqual([
      '济源市公安局交通管理支队2021年收入合计',
      '一般公共预算收入',
      '部门结转',
    ]);
  });

  test('shares of the enclosing total: 基本支出 1807.7 万元，占 44.6%', () => {
    const text =
      '济源市公安局交通管理支队 2021 年支出合计 4055.5 万元，其中：基本支出 1807.7 万元，占 44.6%；项目支出 2247.8 万元，占 55.4%。';
    const shares = of(text, 'share') as ShareStatement[];
    expect(shares.map((s) => [s.amount.value, s.share.value, s.share.decimals, s.base?.value])).toEqual([
      [1807.7, 44.6, 1, 4055.5],
      [2247.8, 55.4, 1, 4055.5],
    ]);
    const [l] = of(text, 'itemised') as ItemisedStatement[];
    expect(values(l.items)).toEqual([1807.7, 2247.8]);
  });

  test('shares of a total stated in the sentence before (一般公共预算支出 3912.4 主要用于…); scope general', () => {
    const text =
      '济源市公安局交通管理支队 2021 年一般公共预算支出年初预算为 3912.4 万元。主要用于以下方面：行政运行公安（类）支出（公安）1529.6 万元，占 39.09%；特别业务（类）支出 2104.7 万元，占 53.8%；行政单位离退休（类）支出 76.9 万元，占 1.97%；机关事业单位基本养老保险缴费（类）支出 115 万元，占 2.94%；住房保障（类）支出 86.2 万元，占 2.2%。';
    const shares = of(text, 'share') as ShareStatement[];
    expect(shares.map((s) => [s.amount.value, s.share.value, s.base?.value])).toEqual([
      [1529.6, 39.09, 3912.4],
      [2104.7, 53.8, 3912.4],
      [76.9, 1.97, 3912.4],
      [115, 2.94, 3912.4],
      [86.2, 2.2, 3912.4],
    ]);
    const a = amounts(text);
    expect(a[1].subject).toBe('行政运行公安（类）支出（公安）');
    expect(a.every((s) => s.scope === 'general')).toBe(true);
    const [l] = of(text, 'itemised') as ItemisedStatement[];
    expect(values(l.items)).toEqual([1529.6, 2104.7, 76.9, 115, 86.2]);
    expect(l.completeness).toBe('main'); // "主要用于" names the main items
  });

  test('scope follows the section heading: 基本支出 under 五、一般公共预算… is general, under 三、支出… is all', () => {
    const text = [
      '三、支出预算总体情况说明',
      '2021 年支出合计 100 万元，其中：基本支出 60 万元，项目支出 40 万元。',
      '五、一般公共预算支出预算情况说明',
      '2021 年基本支出 50 万元。',
    ].join('\n');
    expect(amounts(text).map((s) => [s.subject, s.scope])).toEqual([
      ['2021年支出合计', 'all'],
      ['基本支出', 'all'],
      ['项目支出', 'all'],
      ['2021年基本支出', 'general'],
    ]);
  });

  test('change against the amount of the same subject: 一般公共预算收支预算减少 251.9 万元，减少 6.04%', () => {
    const text =
      '济源市公安局交通管理支队 2021 年一般公共预算收支预算 3912.4 万元。与 2020 年相比，一般公共预算收支预算减少 251.9 万元，减少 6.04%，主要原因是：一是年初对人员职务和级别工资进行调整。';
    const [c] = of(text, 'change') as ChangeStatement[];
    expect([c.subject, c.current?.value, c.change?.value, c.rate?.value]).toEqual([
      '一般公共预算收支预算',
      3912.4,
      251.9,
      6.04,
    ]);
  });

  test('change written "比 2020 年减少 4.2 万元，下降 1.99%" (机关运行经费 206.6)', () => {
    const text =
      '济源市公安局交通管理支队 2021 年机关运行经费支出预算 206.6 万元，主要保障机构正常运转及正常履职需要，比 2020 年减少 4.2 万元，下降 1.99%，主要原因：单位厉行节约，缩减机关运行经费的预算。';
    const [c] = of(text, 'change') as ChangeStatement[];
    expect([c.current?.value, c.change?.value, c.rate?.value, c.direction, c.since]).toEqual([
      206.6,
      4.2,
      1.99,
      'decrease',
      '2020',
    ]);
  });

  test('持平, and a paragraph the PDF cut mid-word ("公务用" / blank line / "车运行维护费")', () => {
    const text = [
      '济源市公安局交通管理支队 2021 年“三公”经费预算为 60 万元。2021 年“三公”经费支出预算数与 2020 年持平。',
      '（一）因公出国（境）费 0 万元，预算数与 2020 年持平。',
      '（三）公务用车购置及运行费 60 万元，其中，公务用',
      '',
      '车运行维护费 60 万元，主要用于公务用车及执法执勤车辆燃油费、维修费、保险费、过路过桥费等，预算数与 2020 年持平。公务用车购置费 0 万元，预算数与 2020 年持平。',
    ].join('\n');
    expect(amounts(text).map((s) => [s.subject, s.amount.value])).toEqual([
      ['济源市公安局交通管理支队2021年“三公”经费预算为', 60],
      ['因公出国（境）费', 0],
      ['公务用车购置及运行费', 60],
      ['公务用车运行维护费', 60],
      ['公务用车购置费', 0],
    ]);
    const flats = of(text, 'flat') as FlatStatement[];
    expect(flats.map((f) => [f.subject, f.current?.value, f.since])).toEqual([
      ['2021年“三公”经费支出预算数', 60, '2020'],
      ['预算数', 0, '2020'],
      ['预算数', 60, '2020'],
      ['预算数', 0, '2020'],
    ]);
    // the span of the joined amount points into the raw text
    const run = amounts(text)[3].amount;
    expect(text.slice(run.span.start, run.span.end)).toBe('60 万元');
  });

  test('a stated previous-year amount: 比上年的 3000 万元增加 200 万元，增长 6.67%', () => {
    const text = '2021 年项目支出 3200 万元，比上年的 3000 万元增加 200 万元，增长 6.67%。';
    const [c] = of(text, 'change') as ChangeStatement[];
    expect([c.current?.value, c.previous?.value, c.change?.value, c.rate?.value, c.since]).toEqual([
      3200,
      3000,
      200,
      6.67,
      'prior',
    ]);
    expect(amounts(text).map((s) => s.amount.value)).toEqual([3200]);
  });
});

describe('number forms', () => {
  test('full-width digits, ％, full-width point', () => {
    const text = '其中：基本支出１８０７．７万元，占４４．６％。';
    expect(amounts(text)[0].amount).toMatchObject({ value: 1807.7, decimals: 1, unit: '万元' });
    expect((of(text, 'share') as ShareStatement[])[0].share).toMatchObject({ value: 44.6, decimals: 1 });
  });

  test('spaces a PDF left inside numbers: "4 055.5 万元", "2104. 7 万元", "万 元"', () => {
    expect(amounts('收入总计 4 055.5 万元。').map((s) => s.amount.value)).toEqual([4055.5]);
    expect(amounts('特别业务支出 2104. 7 万 元。').map((s) => [s.amount.value, s.amount.decimals])).toEqual([
      [2104.7, 1],
    ]);
    // but a year and an amount stay apart
    expect(amounts('与 2020 年相比，支出 100 万元。').map((s) => s.amount.value)).toEqual([100]);
  });

  test('元, 亿元, thousands separators; a bare 万 only in a money paragraph and not before a measure word', () => {
    expect(amounts('确保人均实发工资不低于2650元。')[0].amount).toMatchObject({ value: 2650, unit: '元' });
    expect(
      amounts('总投资5.06 亿元，年考试能力25万人次。').map((s) => [s.amount.value, s.amount.unit]),
    ).toEqual([[5.06, '亿元']]);
    expect(amounts('合计 1,807.70 万元。')[0].amount).toMatchObject({ value: 1807.7, decimals: 2 });
    expect(amounts('采购预算资金90万，施划12.6万平米，共100万元。').map((s) => s.amount.value)).toEqual([
      90, 100,
    ]);
    expect(amounts('采购预算资金90万，施划12.6万平米。')).toEqual([]); // no 元 in the paragraph: 万 is a count
  });

  test('"，825万元" after a full-width comma is its own number, not a thousands group', () => {
    expect(
      amounts('其中：1925万元由公司出资，825万元由管委会承担；2750万元纳入预算。').map((s) => s.amount.value),
    ).toEqual([1925, 825, 2750]);
  });
});

describe('itemised lists in the project texts (seeds 000 and 001)', () => {
  // seed 000 项目一, as printed: the list runs over numbered lines, item 8's amount sits in brackets cut by a line break
  const yuxi1 = [
    '资金安排情况',
    '项目资金需求。本项目总投资2425.91万元人民币。其中： ',
    '1.社会力量购买考试服务费890万元；',
    '2.两个教育及警示教育中心日常运用68万元（含满分教育、审验教育年服务费用总额40万元，日常服务28万元）。',
    '3.便民服务站租赁费111万元；',
    '4.24小时自助设备建设经费84万元（设备采购64万，场地装修及租用20万元）；',
    '5.公安交通管理业务综合监管系统（第一期）52.5万元；',
    '6.交警支队车管所九溪改造修缮项目工程尾款380万元 ；',
    '7.公交客运服务车辆租赁费9.6万元，合同延续；',
    '8.电子档案系统、监管系统建设B包、远程查验B包（合',
    '同延续合计21.8075万元）；',
    '9.车管业务成本经费760万元。',
    '10.流动服务站28万元；',
    '11.业务设备运维20万元。',
    '项目实施计划',
  ].join('\n');

  test('项目一: eleven numbered items (2424.9075) under the stated 2425.91', () => {
    const lists = of(yuxi1, 'itemised') as ItemisedStatement[];
    const main = lists.find((l) => l.layout === 'numbered')!;
    expect(main.total).toMatchObject({ value: 2425.91, decimals: 2 });
    expect(values(main.items)).toEqual([890, 68, 111, 84, 52.5, 380, 9.6, 21.8075, 760, 28, 20]);
    expect(main.completeness).toBe('complete');
    // "4.24小时…" is item 4, not the number 4.24
    expect(main.items[3].value).toBe(84);
  });

  test('项目一: the bracketed breakdowns 68 = 40 + 28 ("含…", may be partial) and 84 = 64 + 20', () => {
    const lists = (of(yuxi1, 'itemised') as ItemisedStatement[]).filter((l) => l.layout === 'parenthetical');
    expect(lists.map((l) => [l.total.value, values(l.items), l.completeness])).toEqual([
      [68, [40, 28], 'main'],
      [84, [64, 20], 'complete'],
    ]);
  });

  test('项目一 as the fixture lays it out: an item table (tabs) under "其中："', () => {
    const text = [
      '资金安排情况',
      '项目资金需求。本项目总投资2425.91万元人民币。其中：',
      '\t序号\t支出内容\t金额（万元）\t备注',
      '\t1\t社会力量购买考试服务费\t890',
      '\t2\t两个教育及警示教育中心日常运用\t68\t含满分教育、审验教育年服务费用总额40万元，日常服务28万元',
      '\t3\t便民服务站租赁费\t111',
      '项目实施计划',
    ].join('\n');
    const lists = of(text, 'itemised') as ItemisedStatement[];
    const table = lists.find((l) => l.layout === 'table')!;
    expect(values(table.items)).toEqual([890, 68, 111]);
    expect(table.items.map((i) => i.subject)).toEqual([
      '社会力量购买考试服务费',
      '两个教育及警示教育中心日常运用',
      '便民服务站租赁费',
    ]);
    expect(text.slice(table.items[1].span.start, table.items[1].span.end)).toBe('68');
    const remark = lists.find((l) => l.layout === 'parenthetical')!;
    expect([remark.total.value, values(remark.items)]).toEqual([68, [40, 28]]);
  });

  test('项目三: 5500 = 4807.57 + 430.56 + 261.91 (really 5500.04), with shares 87.41 / 7.83 / 4.76 of 5500', () => {
    const text =
      '根据中心城区道路交通设施规划方案，项目总投资概算5500万元。其中：预算工程费4807.57万元、其他费用430.56万元（含设计费、招标代理费、监理费、拦标编制费、审计费等）、预备费261.91万元。项目为一次性规划、2019年启动2020年建成、资金分三年付款。其中：工程费用 4807.57万元占建设投资的87.41%。工程建设其它费用430.56万元占建设投资的7.83%。预备费261.91万元占建设投资的4.76%。';
    const [l] = of(text, 'itemised') as ItemisedStatement[];
    expect([l.total.value, l.total.decimals, values(l.items), l.completeness]).toEqual([
      5500,
      0,
      [4807.57, 430.56, 261.91],
      'complete',
    ]);
    const shares = of(text, 'share') as ShareStatement[];
    expect(shares.map((s) => [s.amount.value, s.share.value, s.base?.value])).toEqual([
      [4807.57, 87.41, 5500],
      [430.56, 7.83, 5500],
      [261.91, 4.76, 5500],
    ]);
  });

  test('项目二: the formula 2450*12*420=1234.80万元', () => {
    const text = '扣除财政定额承担部分（2450*12*420=1234.80万元），实际项目资金需求约为1097.02万元。';
    const [e] = of(text, 'equation') as EquationStatement[];
    expect(e.op).toBe('*');
    expect(e.operands.map((o) => o.value)).toEqual([2450, 12, 420]);
    expect(e.result).toMatchObject({ value: 1234.8, decimals: 2, unit: '万元' });
  });

  test('项目四: 621.60 = seven amounts written with a bare 万', () => {
    const text =
      '项目资金总需求：621.60万元，其中：百度地图服务采购项目采购项目预算资金90万，交警支队边界接入平台优化完善项目资金59万，交警支队第二会议室显示屏及附属设施项目资金150万，交警支队指挥中心显示屏升级改造项目资金100万，单兵视频对讲调度指挥系统建设项目资金150万，交警支队及各县区大队高清视频会议系统项目尾款28.7万，交警支队公安交通管理信息安全监管系统项目尾款43.9万。';
    const [l] = of(text, 'itemised') as ItemisedStatement[];
    expect([l.total.value, values(l.items), l.completeness]).toEqual([
      621.6,
      [90, 59, 150, 100, 150, 28.7, 43.9],
      'complete', // 总需求
    ]);
  });

  test('seed 001: five headings (一)…(五) with amounts, the total in 六、资金安排情况 (1617.00)', () => {
    const text = [
      '五、项目实施内容',
      '(一)直属二大队业务技术用房建设项目经费650万元',
      '根据《保山市发展和改革委员会关于……的批复》（保发改投资〔2017〕740号），在隆阳区经六路以西新建综合业务技术用房1幢。',
      '（二）交通安全管理基础设施和科技管控设施建设经费567万元',
      '根据要求：落实交通安全设施与道路建设主体工程同步规划。',
      '（三）信息化建设项目经费200万元',
      '根据总队指导性要求，建设卡口图片人脸特征识别与预警系统。',
      '（四）“智慧党建·警营文化”项目建设经费100万元',
      '为深入贯彻新时代党的建设总要求和新时代党的组织路线。',
      '（五）道路交通安全防控体系建设经费100万元',
      '深入贯彻落实国务院《关于加强道路交通安全工作的意见》（国发〔2012〕30号）等文件精神。',
      '六、资金安排情况',
      '2021年2月19日，保山市财政局以《保山市财政局关于2021年部门预算的批复》（保财行〔2021〕32号）批复2021年道路交通安全管理及基础设施建设项目经费1617.00万元。根据非税收入收缴进度情况有序安排项目资金，确保年初既定目标完成。',
      '项目实施计划',
    ].join('\n');
    const [l] = of(text, 'itemised') as ItemisedStatement[];
    expect(l.layout).toBe('headings');
    expect(values(l.items)).toEqual([650, 567, 200, 100, 100]);
    expect(l.total).toMatchObject({ value: 1617, decimals: 2 });
  });

  test('no list where the 其中 list has one item, or the lines under "其中：" are not numbered from 1', () => {
    expect(of('公务用车购置及运行费 60 万元，其中，公务用车运行维护费 60 万元。', 'itemised')).toEqual([]);
    expect(of('总投资 100 万元。其中：\n2.设备 60 万元；\n3.服务 40 万元。', 'itemised')).toEqual([]);
  });

  test('a nested 其中 in one sentence is not summed as one level', () => {
    expect(
      of('支出 100 万元，其中：基本支出 60 万元，其中人员经费 50 万元，项目支出 40 万元。', 'itemised'),
    ).toEqual([]);
  });
});
