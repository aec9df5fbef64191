import {
  parseUnit,
  parseValue,
  ParsedValue,
  toBase,
  unitFromName,
  unitsCompatible,
} from '../../../src/core/performance/target';

function num(text: string) {
  const v = parseValue(text);
  if (v.kind !== 'number') throw new Error(`${text} parsed as ${v.kind}`);
  return v;
}

describe('parseValue: operators', () => {
  test.each([
    ['≥95%', '≥', 95, '%'],
    ['>=95%', '≥', 95, '%'],
    ['＞10次', '>', 10, '次'],
    ['=0起', '=', 0, '起'],
    ['＝100%', '=', 100, '%'],
    ['≤24小时', '≤', 24, '小时'],
    ['<5天', '<', 5, '天'],
    ['≈50万元', '≈', 50, '万元'],
    ['约50万元', '≈', 50, '万元'],
    ['大于10个', '>', 10, '个'],
    ['不低于90%', '≥', 90, '%'],
    ['不少于1000人次', '≥', 1000, '人次'],
    ['小于3次', '<', 3, '次'],
    ['不超过145万元', '≤', 145, '万元'],
    ['不高于5%', '≤', 5, '%'],
    ['达到100%', '≥', 100, '%'],
    ['95%以上', '≥', 95, '%'],
    ['3个月内', '≤', 3, '个月'],
    ['24小时以内', '≤', 24, '小时'],
    ['100万元左右', '≈', 100, '万元'],
  ])('%s → %s %d %s', (text, op, value, unit) => {
    const v = num(text);
    expect(v.operator).toBe(op);
    expect(v.value).toBe(value);
    expect(v.unit?.text).toBe(unit);
  });

  test('a number without an operator or a unit', () => {
    const v = num('35');
    expect(v.operator).toBeUndefined();
    expect(v.unit).toBeUndefined();
    expect(num('≥85').unit).toBeUndefined();
  });

  test('full-width digits, full-width percent and thousands separators', () => {
    const v = num('≥１，２００份');
    expect(v.value).toBe(1200);
    expect(num('100％').unit?.family).toBe('percent');
  });
});

describe('parseValue: unit families and scale', () => {
  test.each([
    ['≥95%', 'percent', '%', 1],
    ['≥100百分比', 'percent', '%', 1],
    ['≤1.45万元', 'money', '元', 10000],
    ['50元', 'money', '元', 1],
    ['≥10亿元', 'money', '元', 1e8],
    ['≥1.8万次', 'count', '次', 10000],
    ['≥3000人次', 'count', '人次', 1],
    ['1套', 'count', '套', 1],
    ['1批', 'count', '批', 1],
    ['≥30辆', 'count', '辆', 1],
    ['2台', 'count', '台', 1],
    ['≥200件', 'count', '件', 1],
    ['≤24小时', 'time', 'h', 1],
    ['≤5天', 'time', 'h', 24],
    ['≤5日', 'time', 'h', 24],
    ['≤30分钟', 'time', 'h', 1 / 60],
    ['≤3个月', 'time', 'h', 720],
    ['≤2年', 'time', 'h', 8760],
    ['872公里', 'length', 'm', 1000],
    ['≥500米', 'length', 'm', 1],
    ['≥4.5万平方米', 'area', 'm2', 10000],
    ['≥1000吨', 'weight', 'kg', 1000],
    ['8.48万', 'scalar', '', 10000],
  ])('%s → %s', (text, family, base, factor) => {
    const u = num(text).unit!;
    expect(u.family).toBe(family);
    expect(u.base).toBe(base);
    expect(u.factor).toBeCloseTo(factor, 10);
  });

  test('compound units x/y convert both parts', () => {
    const u = num('≤1.45万元/公里').unit!;
    expect(u.family).toBe('compound');
    expect(u.base).toBe('元/m');
    // 1.45 万元 per 公里 = 14500 元 per 1000 m = 14.5 元/m
    expect(toBase(1.45, u)).toBeCloseTo(14.5, 10);
    expect(num('24小时/日').unit?.base).toBe('h/h');
    expect(parseUnit('元/人/天')?.base).toBe('元/人/h');
  });

  test('万次 vs 次 and 万元 vs 元 compare after conversion; different families do not', () => {
    const a = num('≥1.8万次');
    const b = num('19000次');
    expect(unitsCompatible(a.unit, b.unit)).toBe(true);
    expect(toBase(a.value, a.unit)).toBe(18000);
    expect(toBase(b.value, b.unit)).toBe(19000);
    expect(unitsCompatible(num('8.48万元').unit, num('84800元').unit)).toBe(true);
    expect(unitsCompatible(num('1套').unit, num('1个').unit)).toBe(false);
    expect(unitsCompatible(num('95%').unit, num('95').unit)).toBe(false);
    expect(unitsCompatible(num('3天').unit, num('72小时').unit)).toBe(true);
    expect(unitsCompatible(num('3次').unit, num('3人次').unit)).toBe(false);
  });

  test('a unit in the indicator name', () => {
    expect(unitFromName('市内外勤经费标准（元/人/天）')?.family).toBe('compound');
    expect(unitFromName('提交审计报告和信息（篇）')?.base).toBe('篇');
    expect(unitFromName('群众满意度')).toBeNull();
  });
});

describe('parseValue: dates and periods', () => {
  function date(text: string): Extract<ParsedValue, { kind: 'date' }> {
    const v = parseValue(text);
    if (v.kind !== 'date') throw new Error(`${text} parsed as ${v.kind}`);
    return v;
  }
  test('≤2025年10月', () => {
    const v = date('≤2025年10月');
    expect(v.operator).toBe('≤');
    expect(v.date).toEqual({ year: 2025, month: 10 });
  });
  test('10月底前', () => {
    const v = date('10月底前');
    expect(v.operator).toBe('≤');
    expect(v.date).toEqual({ month: 10, end: true });
  });
  test('2021年12月31日前 and 2021-12-31', () => {
    expect(date('2021年12月31日前').date).toEqual({ year: 2021, month: 12, day: 31 });
    expect(date('2021-12-31').date).toEqual({ year: 2021, month: 12, day: 31 });
  });
  test('年底前', () => {
    expect(date('年底前').date).toEqual({ month: 12, end: true });
  });
  test('1—12月 and 当年 are periods', () => {
    const v = parseValue('1—12月');
    expect(v.kind).toBe('period');
    if (v.kind === 'period') expect([v.from.month, v.to.month]).toEqual([1, 12]);
    expect(parseValue('当年').kind).toBe('period');
    expect(parseValue('2021-01-01至2021-09-30').kind).toBe('period');
  });
});

describe('parseValue: qualitative, empty and actual values', () => {
  test.each([
    '健全',
    '明显改善',
    '达标',
    '满足驾驶员科目三考试需求',
    '及时',
    '未支付',
    '较上年提高',
    '当年完成质保金支付',
    '达到行业标准',
  ])('%s is qualitative', (text) => {
    expect(parseValue(text).kind).toBe('qualitative');
  });
  test('empty', () => {
    expect(parseValue('  ').kind).toBe('empty');
  });
  test('actual values parse like targets', () => {
    expect(num('872公里').value).toBe(872);
    expect(num('92.5%').value).toBe(92.5);
    expect(num('1个').unit?.base).toBe('个');
    expect(num('0').value).toBe(0);
    expect(num('-3').value).toBe(-3);
    expect(num('43.56万').unit?.factor).toBe(10000);
  });
  test('a magnitude before an unknown unit word keeps the scale (≥3.5万付)', () => {
    const u = num('≥3.5万付').unit!;
    expect(u.family).toBe('other');
    expect(u.base).toBe('付');
    expect(u.factor).toBe(10000);
  });
});

describe('parseValue: a text met again', () => {
  test('gives the same value, frozen, so no rule can change what another reads', () => {
    const a = parseValue('≤2026年12月');
    expect(parseValue('≤2026年12月')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a).toMatchObject({ kind: 'date', operator: '≤', date: { year: 2026, month: 12 } });
    expect(() => {
      (a as { kind: string }).kind = 'qualitative';
    }).toThrow(TypeError);
    expect(parseValue('≤2026年12月').kind).toBe('date');
    // its parts too: a date or a unit read by one rule is the one every rule reads
    const d = a as Extract<ParsedValue, { kind: 'date' }>;
    expect(() => {
      d.date.year = 2025;
    }).toThrow(TypeError);
    const n = parseValue('≥95%') as Extract<ParsedValue, { kind: 'number' }>;
    expect(() => {
      (n.unit as { factor: number }).factor = 2;
    }).toThrow(TypeError);
    expect(parseValue('≥95%')).toMatchObject({ value: 95, unit: { text: '%' } });
  });
});
