import { Caption1 } from '@fluentui/react-components';
import type { CheckIn, LocalGoal } from '../../../domain/plan';
import { personName } from '../../../components/owner-names';
import { useI18n, type I18n } from '../../../i18n';
import { useSectionStyles } from './styles';

/** 'via Planner, by Kari Eide' for a check-in that records work done in Planner, else null. */
export function viaPlanner(checkIn: Pick<CheckIn, 'via'>, t: I18n['t']): string | null {
  if (!checkIn.via) return null;
  return t('plannerSync.via', { name: checkIn.via.actor ? personName(checkIn.via.actor, t) : t('plannerSync.via.someone') });
}

/** The goal's check-ins, newest first. */
export function CheckInList({ goal, checkIns }: { goal: LocalGoal; checkIns: readonly CheckIn[] }) {
  const styles = useSectionStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const sorted = [...checkIns].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id, 'en', { numeric: true }));
  const unit = goal.kind === 'measured' ? (goal.measure?.unit ?? '') : '';
  return (
    <ul className={styles.list}>
      {sorted.map((c) => (
        <li key={c.id} className={styles.item} data-check-in-id={c.id} data-via-planner={c.via ? 'true' : undefined}>
          <Caption1>
            {formatDate(c.date)} · {c.author?.displayName ?? t('goalDetail.unknownPerson')}
            {c.via ? ` · ${viaPlanner(c, t)}` : ''}
            {c.value !== null ? ` · ${t('goalDetail.checkIns.value', { value: `${formatNumber(c.value)}${unit ? ` ${unit}` : ''}` })}` : ''}
          </Caption1>
          {c.comment && <span>{c.comment}</span>}
        </li>
      ))}
    </ul>
  );
}
