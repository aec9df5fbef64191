/** @jest-environment jsdom */
import {
  DEFAULT_SETTINGS,
  NATIONAL_GRADE_BANDS,
  OLDER_PROVINCIAL_GRADE_BANDS,
  withSettings,
} from '../../src/core/settings';
import { createSettingsStore, fromStored, SETTINGS_KEY, toStored } from '../../src/taskpane/settingsStore';
import { luminance, officeThemeKind } from '../../src/taskpane/theme';

const g = globalThis as unknown as { Office?: unknown };

afterEach(() => {
  delete g.Office;
  localStorage.clear();
});

describe('settings store', () => {
  const custom = withSettings({
    lang: 'en',
    reportRounding: false,
    extraTolerance: 3,
    scoring: {
      ...DEFAULT_SETTINGS.scoring,
      reverseFormula: 'ratio',
      gradeBands: OLDER_PROVINCIAL_GRADE_BANDS,
    },
  });

  it('round-trips what the pane lets the user change', () => {
    expect(fromStored(JSON.stringify(toStored(custom)))).toEqual(custom);
    expect(fromStored(toStored(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to defaults for missing or malformed values', () => {
    expect(fromStored(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(fromStored('not json')).toEqual(DEFAULT_SETTINGS);
    const s = fromStored({
      lang: 'fr',
      extraTolerance: -1,
      reverseFormula: 'cubic',
      gradeBands: 'x',
      reportRounding: 'yes',
    });
    expect(s).toEqual(DEFAULT_SETTINGS);
    expect(s.scoring.gradeBands).toBe(NATIONAL_GRADE_BANDS);
  });

  it('keeps per-finding levels, checked by the settings schema (unknown ids and levels dropped)', () => {
    const withLevels = withSettings({
      ...custom,
      rules: { 'codes/name': 'off', 'budget/hierarchy': 'warning' },
    });
    expect(fromStored(JSON.stringify(toStored(withLevels)))).toEqual(withLevels);
    expect(
      fromStored({ rules: { 'codes/name': 'loud', 'no/such': 'off', 'codes/format': 'info' } }).rules,
    ).toEqual({
      'codes/format': 'info',
    });
  });

  it('uses localStorage outside Office', () => {
    createSettingsStore().save(custom);
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!)).toEqual(toStored(custom));
    expect(createSettingsStore().load()).toEqual(custom);
  });

  it('uses the document settings inside Office', () => {
    const values = new Map<string, unknown>();
    const saveAsync = jest.fn();
    g.Office = {
      context: {
        document: {
          settings: {
            get: (k: string) => values.get(k) ?? null,
            set: (k: string, v: unknown) => values.set(k, v),
            saveAsync,
          },
        },
      },
    };
    const store = createSettingsStore();
    expect(store.load()).toEqual(DEFAULT_SETTINGS);
    store.save(custom);
    expect(saveAsync).toHaveBeenCalled();
    expect(localStorage.getItem(SETTINGS_KEY)).toBeNull();
    expect(store.load()).toEqual(custom);
  });
});

describe('theme', () => {
  it('follows the Office body background', () => {
    expect(officeThemeKind()).toBe('light');
    g.Office = { context: { officeTheme: { bodyBackgroundColor: '#262626' } } };
    expect(officeThemeKind()).toBe('dark');
    g.Office = { context: { officeTheme: { bodyBackgroundColor: '#ffffff' } } };
    expect(officeThemeKind()).toBe('light');
    g.Office = { context: {} };
    expect(officeThemeKind()).toBe('light');
  });

  it('computes luminance of hex colours', () => {
    expect(luminance('#000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('red')).toBeUndefined();
  });
});
