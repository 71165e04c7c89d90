import { Badge, makeStyles, type BadgeProps } from '@fluentui/react-components';

const useStyles = makeStyles({ badge: { flexShrink: 0, whiteSpace: 'nowrap' } });
import type { GoalStatus } from '../domain/plan';
import { useI18n } from '../i18n';

const COLOR: Record<GoalStatus, BadgeProps['color']> = {
  notStarted: 'informative',
  onTrack: 'success',
  atRisk: 'warning',
  behind: 'danger',
  done: 'brand',
};

export function StatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Badge appearance="tint" color={COLOR[status]} data-status={status} className={styles.badge}>
      {t(`status.${status}`)}
    </Badge>
  );
}
