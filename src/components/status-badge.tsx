import { Badge, type BadgeProps } from '@fluentui/react-components';
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
  return (
    <Badge appearance="tint" color={COLOR[status]} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
