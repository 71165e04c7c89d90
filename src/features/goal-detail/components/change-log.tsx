import { Caption1, Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { goalChanges, type GoalChange } from '../../../domain/overview';
import type { LocalGoal } from '../../../domain/plan';
import { useI18n, type I18n } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { localDay, useSectionStyles } from './styles';

export function changeLine(change: GoalChange, i18n: I18n): string {
  const { t, locale } = i18n;
  const name = change.modifiedBy || t('goalDetail.changes.someone');
  if (change.created) return t('goalDetail.changes.created', { name });
  const fields = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(change.fields.map((f) => t(`goalDetail.field.${f}`)));
  return t('goalDetail.changes.changed', { name, fields });
}

/** Who changed what when, read from the goal's version history when the screen opens. */
export function ChangeLog({ teamId, goal }: { teamId: string; goal: LocalGoal }) {
  const styles = useSectionStyles();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { planRepository } = useServices();
  // Keyed by the goal's version, so that a newer goal in the plan query brings a fresh history.
  const history = useQuery({
    queryKey: ['goal-history', teamId, goal.id, goal.etag ?? goal.modified ?? ''],
    queryFn: () => planRepository(teamId).goalHistory(goal.id),
    select: goalChanges,
  });
  if (history.isLoading) return <Spinner size="tiny" label={t('goalDetail.changes.loading')} />;
  if (history.error) return <Caption1 role="alert">{t('goalDetail.changes.failed')}</Caption1>;
  const changes = history.data ?? [];
  if (changes.length === 0) return <Caption1 className={styles.muted}>{t('goalDetail.changes.empty')}</Caption1>;
  return (
    <ul className={styles.list}>
      {changes.map((c) => (
        <li key={c.version} className={styles.item} data-version={c.version}>
          <span>
            {changeLine(c, i18n)} · {formatDate(localDay(c.modified))}
          </span>
        </li>
      ))}
    </ul>
  );
}
