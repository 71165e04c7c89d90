/** One of my goals: status, progress, the latest check-in and the check-in form. */
import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { LocalGoal } from '../../domain/plan';
import type { GoalProgress } from '../../domain/progress';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../../components/status-badge';
import { personName } from '../../components/owner-names';
import { CheckInForm } from './check-in-form';
import { GoalProgressBar } from '../../components/goal-progress-bar';

const useStyles = makeStyles({
  item: {
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    border: `${tokens.strokeWidthThin} solid transparent`,
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', justifyContent: 'space-between' },
  text: { flexGrow: 1, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  waiting: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function GoalCard({ teamId, goal, progress, waiting, focused = false }: { teamId: string; goal: LocalGoal; progress: GoalProgress; waiting: number; focused?: boolean }) {
  const item = useRef<HTMLLIElement>(null);
  // Opened from a reminder's 'Report progress': the goal is brought into view with its first field focused.
  useEffect(() => {
    if (!focused || !item.current) return;
    item.current.scrollIntoView({ block: 'center' });
    item.current.querySelector<HTMLElement>('form input, form textarea, form button')?.focus();
  }, [focused]);
  const styles = useStyles();
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const textId = `my-goal-${goal.id}-text`;
  const progressId = `my-goal-${goal.id}-progress`;
  const last = progress.lastCheckIn;
  return (
    <li ref={item} className={styles.item} aria-labelledby={textId} data-goal-id={goal.id} data-kind={goal.kind} data-focused={focused || undefined}>
      <div className={styles.top}>
        <Body1 id={textId} className={styles.text}>
          {goal.text}
        </Body1>
        <StatusBadge status={progress.status} />
      </div>
      <GoalProgressBar goal={goal} progress={progress} textId={progressId} />
      <div className={styles.meta}>
        <Caption1 className={progress.overdue ? styles.overdue : undefined}>
          {goal.due ? t('goal.dueOn', { date: formatDate(goal.due) }) : t('goal.noDue')}
          {progress.overdue ? ` · ${t('goal.overdue')}` : ''}
        </Caption1>
        <Caption1 data-testid="last-check-in">
          {last ? t('checkIn.last', { date: formatDate(last.date) }) : t('checkIn.none')}
          {last?.via ? ` · ${t('plannerSync.via', { name: last.via.actor ? personName(last.via.actor, t) : t('plannerSync.via.someone') })}` : ''}
        </Caption1>
        {waiting > 0 && <Caption1 className={styles.waiting}>{t('checkIn.waitingForGoal', { count: waiting })}</Caption1>}
      </div>
      <CheckInForm teamId={teamId} goal={goal} describedBy={textId} />
    </li>
  );
}
