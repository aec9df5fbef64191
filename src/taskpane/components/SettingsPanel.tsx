/** The settings a reviewer may change; every change is saved and used by the next host call. */
import {
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  SpinButton,
  SpinButtonChangeEvent,
  SpinButtonOnChangeData,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { MAX_EXTRA_TOLERANCE, Settings } from '../../core/settings';
import { clampTolerance } from '../../core/settings-schema';
import { Translate } from '../i18n';
import { BandPreset, bandPreset, bandsOf } from '../settingsStore';
import { RuleLevels } from './RuleLevels';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  spin: { width: '96px' },
});

export interface SettingsPanelProps {
  settings: Settings;
  onChange(next: Settings): void;
  t: Translate;
}

export function SettingsPanel({ settings, onChange, t }: SettingsPanelProps) {
  const styles = useStyles();
  const setScoring = (patch: Partial<Settings['scoring']>) =>
    onChange({ ...settings, scoring: { ...settings.scoring, ...patch } });

  const onTolerance = (_e: SpinButtonChangeEvent, data: SpinButtonOnChangeData) => {
    const raw = data.value ?? (data.displayValue !== undefined ? Number(data.displayValue) : NaN);
    if (raw === null || !Number.isFinite(raw)) return;
    onChange({ ...settings, extraTolerance: clampTolerance(raw) });
  };

  return (
    <div className={styles.root}>
      <Field label={t('language')}>
        <RadioGroup
          layout="horizontal"
          value={settings.lang}
          onChange={(_e, d) => onChange({ ...settings, lang: d.value === 'en' ? 'en' : 'zh' })}
        >
          <Radio value="zh" label={t('langZh')} lang="zh-CN" />
          <Radio value="en" label={t('langEn')} lang="en-US" />
        </RadioGroup>
      </Field>
      <Field hint={t('reportRoundingHint')}>
        <Switch
          label={t('reportRounding')}
          checked={settings.reportRounding}
          onChange={(_e, d) => onChange({ ...settings, reportRounding: d.checked })}
        />
      </Field>
      <Field label={t('extraTolerance')} hint={t('extraToleranceHint')}>
        <SpinButton
          className={styles.spin}
          min={0}
          max={MAX_EXTRA_TOLERANCE}
          step={1}
          value={settings.extraTolerance}
          onChange={onTolerance}
        />
      </Field>
      <Field label={t('scoringVariant')}>
        <RadioGroup
          value={settings.scoring.reverseFormula}
          onChange={(_e, d) => setScoring({ reverseFormula: d.value === 'ratio' ? 'ratio' : 'linear' })}
        >
          <Radio value="linear" label={`${t('reverseLinear')} — ${t('reverseLinearHint')}`} />
          <Radio value="ratio" label={`${t('reverseRatio')} — ${t('reverseRatioHint')}`} />
        </RadioGroup>
      </Field>
      <Field label={t('gradeBands')}>
        <RadioGroup
          value={bandPreset(settings.scoring.gradeBands)}
          onChange={(_e, d) => setScoring({ gradeBands: bandsOf(d.value as BandPreset) })}
        >
          <Radio value="national" label={t('bandsNational')} />
          <Radio value="older" label={t('bandsOlder')} />
        </RadioGroup>
      </Field>
      <RuleLevels settings={settings} onChange={onChange} t={t} lang={settings.lang} />
    </div>
  );
}
