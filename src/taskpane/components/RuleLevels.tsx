/** Per-finding levels (Settings.rules, like ESLint's `rules`): a searchable list of every declared finding id. */
import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { declaredFindings } from '../../core/registry';
import { RuleLevel, Settings } from '../../core/settings';
import { Translate, UiLang } from '../i18n';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: '320px',
    overflowY: 'auto',
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  desc: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  select: { maxWidth: '200px' },
});

interface Entry {
  id: string;
  level: string;
  zh: string;
  en: string;
}

/** One entry per finding id (a rule's several messages share its id): the first declaration's level and text. */
export function findingEntries(): Entry[] {
  const byId = new Map<string, Entry>();
  for (const d of declaredFindings())
    if (!byId.has(d.id)) byId.set(d.id, { id: d.id, level: d.level, zh: d.zh, en: d.en });
  return [...byId.values()];
}

const CHOICES: RuleLevel[] = ['off', 'error', 'warning', 'info'];
/**
 * Rows shown at once (the pane stays light): with no search, only the ids whose level was changed; a search shows
 * its matches, changed ids first.
 */
const MAX_SHOWN = 12;

export interface RuleLevelsProps {
  settings: Settings;
  onChange(next: Settings): void;
  t: Translate;
  lang: UiLang;
}

export function RuleLevels({ settings, onChange, t, lang }: RuleLevelsProps) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const entries = useMemo(findingEntries, []);
  const q = query.trim().toLowerCase();
  const changed = (e: Entry) => settings.rules?.[e.id] !== undefined;
  const matching = (
    q
      ? entries.filter((e) => [e.id, e.zh, e.en].some((s) => s.toLowerCase().includes(q)))
      : entries.filter(changed)
  ).sort((a, b) => Number(changed(b)) - Number(changed(a)));
  const shown = matching.slice(0, MAX_SHOWN);

  const setLevel = (id: string, value: string) => {
    const rules = { ...(settings.rules ?? {}) };
    if ((CHOICES as string[]).includes(value)) rules[id] = value as RuleLevel;
    else delete rules[id];
    onChange({ ...settings, rules });
  };

  return (
    <Field label={t('ruleLevels')} hint={t('ruleLevelsHint')}>
      <Input
        type="search"
        aria-label={t('ruleSearch')}
        placeholder={t('ruleSearch')}
        value={query}
        onChange={(_e, d) => setQuery(d.value)}
      />
      {!q && shown.length === 0 ? (
        <div className={styles.desc}>{t('ruleSearchFirst', { n: entries.length })}</div>
      ) : shown.length === 0 ? (
        <div className={styles.desc}>{t('ruleNoMatch')}</div>
      ) : (
        <ul className={styles.list} aria-label={t('ruleLevels')}>
          {shown.map((e) => (
            <li key={e.id} className={styles.row}>
              <span className={styles.id}>{e.id}</span>
              <span className={styles.desc} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
                {lang === 'zh' ? e.zh : e.en}
              </span>
              <Select
                className={styles.select}
                aria-label={t('ruleLevelOf', { id: e.id })}
                value={settings.rules?.[e.id] ?? 'default'}
                onChange={(_ev, d) => setLevel(e.id, d.value)}
              >
                <option value="default">
                  {t('ruleLevelDefault', { level: t(`ruleLevel_${e.level as RuleLevel}`) })}
                </option>
                {CHOICES.map((c) => (
                  <option key={c} value={c}>
                    {t(`ruleLevel_${c}`)}
                  </option>
                ))}
              </Select>
            </li>
          ))}
          {matching.length > shown.length && (
            <li className={styles.desc}>{t('ruleMore', { n: matching.length - shown.length })}</li>
          )}
        </ul>
      )}
    </Field>
  );
}
