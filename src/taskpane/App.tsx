/**
 * The task pane. Everything it does goes through a GoujiHost: the Office.js adapter in Excel, the
 * in-memory fake in the preview, a test double in tests.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarGroup,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, SettingsRegular, ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { GoujiHost, Progress, ReviewOutcome } from '../core/host';
import type { MessageKey } from './i18n';
import { CellRef, Finding, Lang, LEVELS } from '../core/model/findings';
import { Settings } from '../core/settings';
import { Action, ActionBar } from './components/ActionBar';
import { FindingList } from './components/FindingList';
import { ResultsView } from './components/ResultsView';
import { SettingsPanel } from './components/SettingsPanel';
import { groupFindings, LevelFilter, refText } from './group';
import { LOCALE, Translate, translator } from './i18n';
import { createSettingsStore, SettingsStore } from './settingsStore';
import { fluentTheme, officeThemeKind, ThemeKind } from './theme';

const useStyles = makeStyles({
  // layout lives on an inner element: FluentProvider passes its className on to portal mount nodes
  surface: { flexGrow: 1, backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: 'border-box',
    minWidth: '280px',
    maxWidth: '720px',
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  logo: { fontSize: '28px', color: tokens.colorBrandForeground1, flexShrink: 0 },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  settings: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
  },
  needsPerson: { marginTop: tokens.spacingVerticalS },
  noticeText: { overflowWrap: 'anywhere' },
});

type Intent = 'success' | 'warning' | 'error' | 'info';

/** A notice's text is made when it is shown, so it follows the pane language. */
type NoticeText = (t: Translate, lang: Lang) => string;

interface Notice {
  id: number;
  intent: Intent;
  title?: NoticeText;
  text: NoticeText;
  /** Fill results that need a person, listed inside the bar. */
  findings?: Finding[];
}

interface Busy {
  action: Action;
  step: string;
  fraction?: number;
}

/** An error's text in the pane language: host errors may carry both (`{ zh, en }`), others only `message`. */
export function errorMessage(e: unknown, lang: Lang): string {
  if (e && typeof e === 'object') {
    const own = (e as Partial<Record<Lang, unknown>>)[lang];
    if (typeof own === 'string' && own) return own;
    if (e instanceof Error) return e.message;
  }
  return e === undefined || e === null ? '' : String(e);
}

export interface AppProps {
  host: GoujiHost;
  /** Where settings live; defaults to Office document settings, else localStorage. */
  settingsStore?: SettingsStore;
  /** Light or dark; defaults to Office's theme. */
  theme?: ThemeKind;
}

export function App({ host, settingsStore, theme }: AppProps) {
  const styles = useStyles();
  const store = useMemo(() => settingsStore ?? createSettingsStore(), [settingsStore]);
  const [settings, setSettings] = useState<Settings>(() => store.load());
  const [themeKind] = useState<ThemeKind>(() => theme ?? officeThemeKind());
  const [busy, setBusy] = useState<Busy | null>(null);
  const busyRef = useRef(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const noticeId = useRef(0);
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const [filter, setFilter] = useState<LevelFilter>('all');
  const [selectedKey, setSelectedKey] = useState<string | undefined>();

  const lang = settings.lang;
  const t = useMemo(() => translator(lang), [lang]);

  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = LOCALE[lang];
  }, [lang]);

  const changeSettings = useCallback(
    (next: Settings) => {
      setSettings(next);
      store.save(next);
    },
    [store],
  );

  const notice = useCallback((n: Omit<Notice, 'id'>): Notice => ({ ...n, id: ++noticeId.current }), []);

  const errorText =
    (e: unknown): NoticeText =>
    (tr, l) =>
      errorMessage(e, l) || tr('unknownError');
  const say =
    (key: MessageKey, vars?: Record<string, string | number>): NoticeText =>
    (tr) =>
      tr(key, vars);

  const run = useCallback(
    async (action: Action) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy({ action, step: t('working') });
      setNotices([]);
      const progress: Progress = (step, fraction) =>
        setBusy((b) =>
          b
            ? {
                ...b,
                step: step || b.step,
                fraction: Number.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : undefined,
              }
            : b,
        );
      try {
        if (action === 'review') {
          const result = await host.review(settings, progress);
          setOutcome(result);
          setSelectedKey(undefined);
          setNotices([
            notice({ intent: 'success', text: say('reviewDone', { highlighted: result.highlighted }) }),
          ]);
        } else if (action === 'fill') {
          const result = await host.fillScores(settings, progress);
          const list: Notice[] = [
            notice({ intent: 'success', text: say('fillDone', { written: result.written }) }),
          ];
          if (result.findings.length > 0)
            list.push(
              notice({
                intent: 'warning',
                title: say('needsPersonTitle'),
                text: say('fillNeedsPerson', { n: result.findings.length }),
                findings: result.findings,
              }),
            );
          // what was filled changes what the review sees: review again, as `gouji review` does, and say so
          if (result.written > 0) {
            setNotices(list);
            const before = outcome;
            const after = await host.review(settings, progress);
            setOutcome(after);
            setSelectedKey(undefined);
            const counts = after.counts;
            const changed =
              before !== null && LEVELS.some((l) => before.counts[l] !== counts[l])
                ? { be: before.counts.error, bw: before.counts.warning, bi: before.counts.info }
                : undefined;
            list.push(
              notice({
                intent: 'info',
                text: changed
                  ? say('reviewAfterFillChanged', { ...counts, ...changed })
                  : say('reviewAfterFill', { ...counts }),
              }),
            );
          }
          setNotices(list);
        } else if (action === 'summary') {
          const result = await host.buildSummary(settings, progress);
          setNotices([notice({ intent: 'success', text: say('summaryDone', { sheet: result.sheet }) })]);
        } else {
          const result = await host.clear();
          setSelectedKey(undefined);
          setNotices([notice({ intent: 'success', text: say('clearDone', { removed: result.removed }) })]);
        }
      } catch (e) {
        setNotices([notice({ intent: 'error', title: say('errorTitle'), text: errorText(e) })]);
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [host, settings, t, notice, outcome],
  );

  const select = useCallback(
    async (key: string, _finding: Finding, ref: CellRef) => {
      setSelectedKey(key);
      try {
        await host.select(ref);
      } catch (e) {
        setNotices((ns) => [
          ...ns,
          notice({
            intent: 'error',
            title: say('errorTitle'),
            text: (tr, l) =>
              tr('selectFailed', { ref: refText(ref.sheet, ref.cell), message: errorText(e)(tr, l) }),
          }),
        ]);
      }
    },
    [host, notice],
  );

  const dismiss = (id: number) => setNotices((ns) => ns.filter((n) => n.id !== id));

  return (
    <FluentProvider
      theme={fluentTheme(themeKind)}
      data-theme={themeKind}
      style={{ minHeight: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <div className={styles.surface}>
        <main className={styles.root} lang={LOCALE[lang]} aria-busy={busy !== null}>
          <header className={styles.header}>
            <ShieldCheckmarkRegular className={styles.logo} aria-hidden />
            <div className={styles.titles}>
              <h1 className={styles.title}>{t('appTitle')}</h1>
              <span className={styles.subtitle}>{t('appSubtitle')}</span>
            </div>
          </header>

          <ActionBar t={t} busy={busy?.action ?? null} onAction={(a) => void run(a)} />

          {busy && (
            <div className={styles.progress}>
              <Field label={t('progressLabel')} hint={<span aria-live="polite">{busy.step}</span>}>
                <ProgressBar value={busy.fraction} max={1} thickness="large" aria-valuetext={busy.step} />
              </Field>
            </div>
          )}

          {notices.length > 0 && (
            <MessageBarGroup animate="exit-only">
              {notices.map((n) => (
                <MessageBar
                  key={n.id}
                  intent={n.intent}
                  layout={n.findings ? 'multiline' : 'auto'}
                  data-intent={n.intent}
                >
                  <MessageBarBody className={styles.noticeText}>
                    {n.title && <MessageBarTitle>{n.title(t, lang)}</MessageBarTitle>}
                    {n.text(t, lang)}
                    {n.findings && (
                      <div className={styles.needsPerson}>
                        <FindingList
                          groups={groupFindings(n.findings)}
                          lang={lang}
                          t={t}
                          keyPrefix={`fill${n.id}`}
                          selectedKey={selectedKey}
                          onSelect={(k, f, r) => void select(k, f, r)}
                          headingLevel={4}
                          aria-label={t('needsPersonTitle')}
                        />
                      </div>
                    )}
                  </MessageBarBody>
                  <MessageBarActions
                    containerAction={
                      <Button
                        appearance="transparent"
                        icon={<DismissRegular />}
                        aria-label={t('dismiss')}
                        onClick={() => dismiss(n.id)}
                      />
                    }
                  />
                </MessageBar>
              ))}
            </MessageBarGroup>
          )}

          <Accordion collapsible className={styles.settings}>
            <AccordionItem value="settings">
              <AccordionHeader icon={<SettingsRegular />} expandIconPosition="end">
                {t('settings')}
              </AccordionHeader>
              <AccordionPanel>
                <SettingsPanel settings={settings} onChange={changeSettings} t={t} />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>

          <ResultsView
            outcome={outcome}
            filter={filter}
            onFilter={setFilter}
            lang={lang}
            t={t}
            selectedKey={selectedKey}
            onSelect={(k, f, r) => void select(k, f, r)}
          />
        </main>
      </div>
    </FluentProvider>
  );
}
