/** The four commands, two by two so they fit a 320px pane. */
import { Button, makeStyles, Spinner, tokens, Tooltip } from '@fluentui/react-components';
import {
  CalculatorRegular,
  DocumentSearchRegular,
  EraserRegular,
  TableSimpleRegular,
} from '@fluentui/react-icons';
import { ReactElement } from 'react';
import { MessageKey, Translate } from '../i18n';

export type Action = 'review' | 'fill' | 'summary' | 'clear';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(128px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  button: { justifyContent: 'flex-start', minWidth: 0, textAlign: 'start' },
});

const ACTIONS: { action: Action; label: MessageKey; hint: MessageKey; icon: ReactElement }[] = [
  { action: 'review', label: 'review', hint: 'reviewHint', icon: <DocumentSearchRegular /> },
  { action: 'fill', label: 'fillScores', hint: 'fillScoresHint', icon: <CalculatorRegular /> },
  { action: 'summary', label: 'buildSummary', hint: 'buildSummaryHint', icon: <TableSimpleRegular /> },
  { action: 'clear', label: 'clear', hint: 'clearHint', icon: <EraserRegular /> },
];

export interface ActionBarProps {
  t: Translate;
  /** The action under way, if any: every button is disabled meanwhile. */
  busy: Action | null;
  onAction(action: Action): void;
}

export function ActionBar({ t, busy, onAction }: ActionBarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label={t('actionsLabel')}>
      {ACTIONS.map(({ action, label, hint, icon }) => (
        <Tooltip key={action} content={t(hint)} relationship="description" withArrow>
          <Button
            className={styles.button}
            appearance={action === 'review' ? 'primary' : 'secondary'}
            icon={busy === action ? <Spinner size="extra-tiny" aria-hidden /> : icon}
            disabledFocusable={busy !== null}
            aria-busy={busy === action ? true : undefined}
            data-action={action}
            onClick={() => onAction(action)}
          >
            {t(label)}
          </Button>
        </Tooltip>
      ))}
    </div>
  );
}
