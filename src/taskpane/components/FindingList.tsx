/**
 * Findings grouped by sheet, then level. Each finding is a button: click, Enter or Space goes to its
 * cell; Up/Down arrows move between findings, Tab visits each.
 */
import { makeStyles, mergeClasses, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import { LEVEL_FILL } from '../../core/model/edits';
import { CellRef, Finding, Lang } from '../../core/model/findings';
import { IndexedFinding, SheetGroup } from '../group';
import { readableValue, summariseCells } from '../../core/readable';
import { levelKey, Translate } from '../i18n';
import { LevelIcon } from './LevelIcon';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sheetHeading: {
    margin: 0,
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  sheetCount: {
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
  },
  levelHeading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  item: {
    display: 'flex',
    width: '100%',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  // the level also shows as a bar at the item's start (the heading above names it)
  error: { borderLeft: `3px solid ${tokens.colorStatusDangerBorderActive}` },
  warning: { borderLeft: `3px solid ${tokens.colorStatusWarningBorderActive}` },
  info: { borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  body: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, flexGrow: 1 },
  message: { display: 'block', overflowWrap: 'anywhere' },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    // the same fill the cell gets in the sheet, with dark text so it reads in both themes
    color: '#242424',
    border: `${tokens.strokeWidthThin} solid rgba(0,0,0,0.12)`,
  },
  values: { overflowWrap: 'anywhere', minWidth: 0 },
  valueLabel: { color: tokens.colorNeutralForeground3 },
  also: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  rule: { color: tokens.colorNeutralForeground4, fontSize: tokens.fontSizeBase100, overflowWrap: 'anywhere' },
});

export function findingKey(prefix: string, item: IndexedFinding): string {
  return `${prefix}:${item.index}`;
}

export interface FindingListProps {
  groups: SheetGroup[];
  lang: Lang;
  t: Translate;
  /** Distinguishes two lists on one pane (review results, needs-a-person). */
  keyPrefix: string;
  selectedKey?: string;
  onSelect(key: string, finding: Finding, ref: CellRef): void;
  /** Heading level of sheet names (levels get the next one). */
  headingLevel?: 3 | 4;
  'aria-label'?: string;
}

export function FindingList(props: FindingListProps) {
  const { groups, t, headingLevel = 3 } = props;
  const styles = useStyles();
  const arrowNav = useArrowNavigationGroup({ axis: 'vertical', tabbable: true, memorizeCurrent: true });
  const SheetH = `h${headingLevel}` as const;
  const LevelH = `h${headingLevel + 1}` as 'h4' | 'h5';
  return (
    <div className={styles.root} {...arrowNav} aria-label={props['aria-label']} role="region">
      {groups.map((g) => (
        <section key={g.sheet ?? '\u0000workbook'} aria-label={g.sheet ?? t('wholeWorkbook')}>
          <SheetH className={styles.sheetHeading}>
            {/* a sheet name is the workbook's own text, whatever the pane language */}
            <span data-quoted={g.sheet !== null ? 'workbook' : undefined}>
              {g.sheet ?? t('wholeWorkbook')}
            </span>
            <span className={styles.sheetCount}>{t('itemCount', { n: g.count })}</span>
          </SheetH>
          {g.levels.map(({ level, items }) => (
            <div key={level}>
              <LevelH className={styles.levelHeading}>
                <LevelIcon level={level} />
                {t(levelKey(level))}
              </LevelH>
              <ul className={styles.list}>
                {items.map((item) => (
                  <FindingItem key={item.index} item={item} {...props} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function FindingItem({
  item,
  lang,
  t,
  keyPrefix,
  selectedKey,
  onSelect,
}: FindingListProps & { item: IndexedFinding }) {
  const styles = useStyles();
  const { finding } = item;
  const key = findingKey(keyPrefix, item);
  const loc = finding.locations[0];
  const others = finding.locations.slice(1).filter((l) => !(l.sheet === loc?.sheet && l.cell === loc?.cell));
  const otherText = others.length ? summariseCells(others, loc?.sheet, lang) : '';
  const selected = key === selectedKey;
  const content = (
    <>
      <span className={styles.body}>
        <span className={styles.message}>{finding.message[lang]}</span>
        <span className={styles.meta}>
          {loc ? (
            <span
              className={styles.cell}
              style={{ backgroundColor: `#${LEVEL_FILL[finding.level].slice(2)}` }}
            >
              {loc.cell}
            </span>
          ) : (
            <span>{t('noLocation')}</span>
          )}
          {finding.expected !== undefined && (
            <span className={styles.values}>
              <span className={styles.valueLabel}>{t('expected')} </span>
              {readableValue(finding.expected, lang)}
            </span>
          )}
          {finding.actual !== undefined && (
            <span className={styles.values}>
              <span className={styles.valueLabel}>{t('actual')} </span>
              {readableValue(finding.actual, lang)}
            </span>
          )}
        </span>
        {otherText && <span className={styles.also}>{t('alsoInvolves', { cells: otherText })}</span>}
        <span className={styles.rule}>{finding.rule}</span>
      </span>
    </>
  );
  return (
    <li>
      {loc ? (
        <button
          type="button"
          className={mergeClasses(styles.item, styles[finding.level], selected && styles.selected)}
          aria-current={selected ? 'true' : undefined}
          title={t('goToCell', { ref: `${loc.sheet}!${loc.cell}` })}
          data-finding-key={key}
          data-sheet={loc.sheet}
          data-cell={loc.cell}
          onClick={() => onSelect(key, finding, loc)}
        >
          {content}
        </button>
      ) : (
        <div
          className={mergeClasses(styles.item, styles[finding.level])}
          style={{ cursor: 'default' }}
          tabIndex={0}
          data-finding-key={key}
        >
          {content}
        </div>
      )}
    </li>
  );
}
