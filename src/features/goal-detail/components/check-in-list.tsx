import { Caption1 } from '@fluentui/react-components';
import type { CheckIn, LocalGoal } from '../../../domain/plan';
import { useI18n } from '../../../i18n';
import { useSectionStyles } from './styles';

/** The goal's check-ins, newest first. */
export function CheckInList({ goal, checkIns }: { goal: LocalGoal; checkIns: readonly CheckIn[] }) {
  const styles = useSectionStyles();
  const { t, formatDate, formatNumber } = useI18n();
  const sorted = [...checkIns].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id, 'en', { numeric: true }));
  const unit = goal.kind === 'measured' ? (goal.measure?.unit ?? '') : '';
  return (
    <ul className={styles.list}>
      {sorted.map((c) => (
        <li key={c.id} className={styles.item} data-check-in-id={c.id}>
          <Caption1>
            {formatDate(c.date)} · {c.author?.displayName ?? t('goalDetail.unknownPerson')}
            {c.value !== null ? ` · ${t('goalDetail.checkIns.value', { value: `${formatNumber(c.value)}${unit ? ` ${unit}` : ''}` })}` : ''}
          </Caption1>
          {c.comment && <span>{c.comment}</span>}
        </li>
      ))}
    </ul>
  );
}
