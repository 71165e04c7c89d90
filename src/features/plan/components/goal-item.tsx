import { Avatar, Body1, Button, Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons';
import type { LocalGoal } from '../../../domain/plan';
import type { GoalProgress } from '../../../domain/progress';
import { useI18n, type I18n } from '../../../i18n';
import { StatusBadge } from '../../../components/status-badge';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    listStyleType: 'none',
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', justifyContent: 'space-between' },
  text: { flexGrow: 1, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, alignItems: 'center' },
  owner: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export function progressText(goal: LocalGoal, progress: GoalProgress, i18n: I18n): string {
  const { t, formatNumber, formatDate } = i18n;
  switch (goal.kind) {
    case 'measured': {
      const unit = goal.measure?.unit ?? '';
      if (progress.target === null) return t('goal.measuredNoValue', { target: '–', unit });
      if (progress.current === null) return t('goal.measuredNoValue', { target: formatNumber(progress.target), unit });
      return t('goal.measured', { current: formatNumber(progress.current), target: formatNumber(progress.target), unit });
    }
    case 'recurring': {
      const r = progress.recurring;
      if (!r || !goal.recurrence) return '';
      const base = t(goal.recurrence.per === 'year' ? 'goal.recurringYear' : 'goal.recurringMonth', { done: r.done, required: r.required });
      return r.nextDue ? `${base} · ${t('goal.nextDue', { date: formatDate(r.nextDue) })}` : base;
    }
    case 'milestone':
      return progress.fraction >= 1 ? t('goal.milestoneDone') : t('goal.milestoneOpen');
  }
}

export function GoalItem({ goal, progress, canEdit, onEdit }: { goal: LocalGoal; progress: GoalProgress; canEdit: boolean; onEdit: () => void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, formatDate, formatPercent } = i18n;
  const textId = `goal-${goal.id}-text`;
  return (
    <li className={styles.item} aria-labelledby={textId} data-goal-id={goal.id}>
      <div className={styles.top}>
        <Body1 id={textId} className={styles.text}>
          {goal.text}
        </Body1>
        <StatusBadge status={progress.status} />
      </div>
      <div className={styles.progress}>
        <ProgressBar
          value={progress.fraction}
          max={1}
          thickness="large"
          color={progress.status === 'behind' ? 'error' : progress.status === 'atRisk' ? 'warning' : 'brand'}
          aria-label={t('goal.progressLabel', { percent: formatPercent(progress.fraction) })}
        />
        <Caption1>{progressText(goal, progress, i18n)}</Caption1>
      </div>
      <div className={styles.meta}>
        <span className={styles.owner}>
          <Avatar size={20} name={goal.owner?.displayName} aria-hidden />
          <Caption1>
            {t('goal.owner')}: {goal.owner?.displayName ?? t('goal.noOwner')}
          </Caption1>
        </span>
        <Caption1 className={progress.overdue ? styles.overdue : undefined}>
          {goal.due ? t('goal.dueOn', { date: formatDate(goal.due) }) : t('goal.noDue')}
          {progress.overdue ? ` · ${t('goal.overdue')}` : ''}
        </Caption1>
        {canEdit && (
          <Button size="small" appearance="subtle" icon={<Edit20Regular />} onClick={onEdit} aria-describedby={textId}>
            {t('goal.edit')}
          </Button>
        )}
      </div>
    </li>
  );
}
