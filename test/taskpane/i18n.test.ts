import { DICTIONARY, formatValue, translator } from '../../src/taskpane/i18n';

describe('task pane strings', () => {
  it('has the same keys in both languages and no empty string', () => {
    const zh = Object.keys(DICTIONARY.zh).sort();
    const en = Object.keys(DICTIONARY.en).sort();
    expect(en).toEqual(zh);
    for (const lang of ['zh', 'en'] as const)
      for (const [key, text] of Object.entries(DICTIONARY[lang]))
        expect({ lang, key, empty: text.trim() === '' }).toEqual({ lang, key, empty: false });
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(DICTIONARY.zh) as (keyof typeof DICTIONARY.zh)[])
      expect({ key, en: names(DICTIONARY.en[key]) }).toEqual({ key, en: names(DICTIONARY.zh[key]) });
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(translator('zh')('fillDone', { written: 4 })).toBe('已填入 4 个单元格。');
    expect(translator('en')('summaryDone', { sheet: '勾稽汇总' })).toBe('Summary sheet “勾稽汇总” is ready.');
    expect(translator('en')('fillDone')).toBe('Cells written: {written}.');
  });

  it('formats numbers for the pane language', () => {
    expect(formatValue(1234567.891, 'zh')).toBe('1,234,567.891');
    expect(formatValue('≥95%', 'en')).toBe('≥95%');
  });
});
