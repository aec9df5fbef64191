import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import { Level } from '../../core/model/findings';

const useStyles = makeStyles({
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

/** Decorative level icon (the level is also said in text next to it). */
export function LevelIcon({ level, className }: { level: Level; className?: string }) {
  const styles = useStyles();
  const cls = mergeClasses(styles[level], className);
  if (level === 'error') return <ErrorCircleFilled className={cls} aria-hidden />;
  if (level === 'warning') return <WarningFilled className={cls} aria-hidden />;
  return <InfoFilled className={cls} aria-hidden />;
}

export const BADGE_COLOR: Record<Level, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};
