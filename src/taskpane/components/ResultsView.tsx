/** Counts by level (as the filter tabs' badges) and the findings of the last review. */
import { Badge, Caption1, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import { CellRef, Finding, Lang, LEVELS } from '../../core/model/findings';
import { ReviewOutcome } from '../../core/host';
import { groupFindings, LevelFilter } from '../group';
import { levelKey, Translate } from '../i18n';
import { FindingList } from './FindingList';
import { BADGE_COLOR } from './LevelIcon';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  tabs: { flexWrap: 'wrap', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tabBadge: { marginLeft: tokens.spacingHorizontalXS },
  empty: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalM} 0`,
  },
  ok: { color: tokens.colorStatusSuccessForeground1, fontSize: '20px' },
  caption: { color: tokens.colorNeutralForeground3 },
});

export interface ResultsViewProps {
  outcome: ReviewOutcome | null;
  filter: LevelFilter;
  onFilter(filter: LevelFilter): void;
  lang: Lang;
  t: Translate;
  selectedKey?: string;
  onSelect(key: string, finding: Finding, ref: CellRef): void;
}

export function ResultsView({ outcome, filter, onFilter, lang, t, selectedKey, onSelect }: ResultsViewProps) {
  const styles = useStyles();
  if (!outcome) {
    return (
      <section className={styles.root} aria-labelledby="gouji-results-heading">
        <h2 id="gouji-results-heading" className={styles.heading}>
          {t('resultsLabel')}
        </h2>
        <Text className={styles.caption}>{t('notReviewed')}</Text>
      </section>
    );
  }
  const total = outcome.findings.length;
  const groups = groupFindings(outcome.findings, filter);
  return (
    <section className={styles.root} aria-labelledby="gouji-results-heading">
      <h2 id="gouji-results-heading" className={styles.heading}>
        {t('resultsLabel')}
      </h2>
      <Caption1 className={styles.caption}>
        {t('tablesSummary', { tables: outcome.tables.length, skipped: outcome.skipped.length })}
      </Caption1>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={filter}
        onTabSelect={(_e, d) => onFilter(d.value as LevelFilter)}
        aria-label={t('filterLabel')}
      >
        <Tab value="all" data-level="all">
          {t('filterAll')}
          <Badge className={styles.tabBadge} size="small" appearance="tint" color="subtle" data-count="all">
            {total}
          </Badge>
        </Tab>
        {LEVELS.map((level) => (
          <Tab key={level} value={level} data-level={level}>
            {t(levelKey(level))}
            <Badge
              className={styles.tabBadge}
              size="small"
              appearance={outcome.counts[level] > 0 ? 'filled' : 'tint'}
              color={outcome.counts[level] > 0 ? BADGE_COLOR[level] : 'subtle'}
              data-count={level}
            >
              {outcome.counts[level]}
            </Badge>
          </Tab>
        ))}
      </TabList>
      {total === 0 ? (
        <div className={styles.empty} role="status">
          <CheckmarkCircleFilled className={styles.ok} aria-hidden />
          {t('noFindings')}
        </div>
      ) : groups.length === 0 ? (
        <div className={styles.empty}>{t('noFindingsForFilter')}</div>
      ) : (
        <FindingList
          groups={groups}
          lang={lang}
          t={t}
          keyPrefix="review"
          selectedKey={selectedKey}
          onSelect={onSelect}
          aria-label={t('resultsLabel')}
        />
      )}
    </section>
  );
}
