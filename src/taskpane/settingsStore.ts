/**
 * Where the pane keeps the user's settings: the document's add-in settings when running in Office
 * (they travel with the workbook), else the browser's localStorage, else nowhere.
 */
import {
  DEFAULT_SETTINGS,
  GradeBand,
  NATIONAL_GRADE_BANDS,
  OLDER_PROVINCIAL_GRADE_BANDS,
  Settings,
  withSettings,
} from '../core/settings';
import { declaredFindingIds } from '../core/registry';
import { validateSettings } from '../core/settings-schema';

export const SETTINGS_KEY = 'gouji.settings';

export type BandPreset = 'national' | 'older';

export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): void;
}

/** What is stored: only what the pane lets the user change, so new defaults still reach old documents. */
interface StoredSettings {
  lang?: Settings['lang'];
  reportRounding?: boolean;
  extraTolerance?: number;
  reverseFormula?: Settings['scoring']['reverseFormula'];
  gradeBands?: BandPreset;
  /** Per-finding levels (Settings.rules). */
  rules?: Settings['rules'];
}

export function bandPreset(bands: GradeBand[]): BandPreset {
  return bands[0]?.min === OLDER_PROVINCIAL_GRADE_BANDS[0].min ? 'older' : 'national';
}

export function bandsOf(preset: BandPreset): GradeBand[] {
  return preset === 'older' ? OLDER_PROVINCIAL_GRADE_BANDS : NATIONAL_GRADE_BANDS;
}

export function toStored(s: Settings): StoredSettings {
  return {
    lang: s.lang,
    reportRounding: s.reportRounding,
    extraTolerance: s.extraTolerance,
    reverseFormula: s.scoring.reverseFormula,
    gradeBands: bandPreset(s.scoring.gradeBands),
    ...(s.rules && Object.keys(s.rules).length > 0 ? { rules: s.rules } : {}),
  };
}

/** Parse what was stored; anything missing or malformed falls back to the default. */
export function fromStored(raw: unknown): Settings {
  let v: unknown = raw;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      v = undefined;
    }
  }
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  // the settings schema checks each stored field; a malformed one is left out and takes its default
  const { settings: valid } = validateSettings(
    {
      lang: o.lang,
      reportRounding: o.reportRounding,
      extraTolerance: o.extraTolerance,
      scoring: { reverseFormula: o.reverseFormula },
      ...(o.rules === undefined ? {} : { rules: o.rules }),
    },
    declaredFindingIds(),
  );
  const lang = valid.lang ?? DEFAULT_SETTINGS.lang;
  const reportRounding = valid.reportRounding ?? DEFAULT_SETTINGS.reportRounding;
  const extraTolerance = valid.extraTolerance ?? DEFAULT_SETTINGS.extraTolerance;
  const reverseFormula = valid.scoring?.reverseFormula ?? DEFAULT_SETTINGS.scoring.reverseFormula;
  const gradeBands =
    o.gradeBands === 'older' || o.gradeBands === 'national' ? bandsOf(o.gradeBands) : NATIONAL_GRADE_BANDS;
  return withSettings({
    lang,
    reportRounding,
    extraTolerance,
    scoring: { ...DEFAULT_SETTINGS.scoring, reverseFormula, gradeBands },
    ...(valid.rules && Object.keys(valid.rules).length > 0 ? { rules: valid.rules } : {}),
  });
}

/** Office.context.document.settings, when the pane runs inside Office. */
function officeDocumentSettings(): Office.Settings | undefined {
  try {
    if (typeof Office === 'undefined') return undefined;
    return Office.context?.document?.settings ?? undefined;
  } catch {
    return undefined;
  }
}

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function createSettingsStore(): SettingsStore {
  return {
    load() {
      const doc = officeDocumentSettings();
      if (doc) {
        try {
          return fromStored(doc.get(SETTINGS_KEY));
        } catch {
          // fall through to the browser's storage
        }
      }
      const storage = browserStorage();
      return fromStored(storage?.getItem(SETTINGS_KEY) ?? undefined);
    },
    save(settings) {
      const text = JSON.stringify(toStored(settings));
      const doc = officeDocumentSettings();
      if (doc) {
        try {
          doc.set(SETTINGS_KEY, text);
          doc.saveAsync();
          return;
        } catch {
          // fall through to the browser's storage
        }
      }
      try {
        browserStorage()?.setItem(SETTINGS_KEY, text);
      } catch {
        // storage full or disabled: settings last for this session only
      }
    },
  };
}

/** A store that keeps nothing (tests that don't care about persistence). */
export function memorySettingsStore(
  initial: Settings = DEFAULT_SETTINGS,
): SettingsStore & { saved: Settings[] } {
  let current = initial;
  const saved: Settings[] = [];
  return {
    saved,
    load: () => current,
    save: (s) => {
      current = s;
      saved.push(s);
    },
  };
}
