import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Area, LocalGoal } from '../../../domain/plan';
import type { GoalProgress } from '../../../domain/progress';
import { StatusBadge } from '../../../components/status-badge';
import type { ReactNode } from 'react';
import { ownerNames, ownersLabel } from '../../../components/owner-names';
import { useI18n } from '../../../i18n';
import { GoalProgressBar } from '../../../components/goal-progress-bar';

const useStyles = makeStyles({
  dl: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}` },
  dt: { flex: '0 0 11rem', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  dd: { flex: '1 1 16rem', margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  status: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Every field of the goal as a description list. */
export function GoalFacts({ goal, area, progress }: { goal: LocalGoal; area: Area | undefined; progress: GoalProgress }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, formatDate, formatNumber } = i18n;
  const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : formatNumber(n));
  const rows: Array<[string, ReactNode]> = [
    [t('goalDetail.area'), area ? t('goalDetail.areaValue', { number: area.number, title: area.title }) : t('goalDetail.notSet')],
    [t('plan.nationalGoal'), goal.nationalGoal ?? t('goalDetail.noNationalGoal')],
    [t('goal.kind'), t(`kind.${goal.kind}`)],
    [ownersLabel(goal.owners, t), ownerNames(goal.owners, i18n)],
    [
      t('goal.due'),
      <span className={progress.overdue ? styles.overdue : undefined}>
        {goal.due ? formatDate(goal.due) : t('goal.noDue')}
        {progress.overdue ? ` · ${t('goal.overdue')}` : ''}
      </span>,
    ],
    [t('statusReason.startLabel'), goal.start ? formatDate(progress.start) : t('statusReason.startDefault', { date: formatDate(progress.start) })],
    [
      t('goal.status'),
      <span className={styles.status}>
        <StatusBadge status={progress.status} />
        <Caption1>{goal.status ? t('goalDetail.statusBoard', { derived: t(`status.${progress.derivedStatus}`) }) : t('goalDetail.statusDerived')}</Caption1>
      </span>,
    ],
    [
      t('goal.progress'),
      <GoalProgressBar goal={goal} progress={progress} />,
    ],
  ];
  if (goal.measure) {
    rows.push([
      t('goalDetail.measure'),
      t('goalDetail.measureValue', {
        baseline: num(goal.measure.baseline ?? 0),
        target: num(goal.measure.target),
        unit: goal.measure.unit,
        current: num(progress.current ?? goal.measure.current),
      }),
    ]);
  }
  if (goal.recurrence) {
    rows.push([t('goalDetail.recurrence'), t('goalDetail.recurrenceValue', { count: goal.recurrence.count, per: t(`per.${goal.recurrence.per}`) })]);
  }
  rows.push([t('goal.tariffArea'), goal.tariffArea ? t(`tariff.${goal.tariffArea}`) : t('goal.none')]);
  return (
    <dl className={styles.dl}>
      {rows.map(([label, value]) => (
        <div className={styles.row} key={label}>
          <dt className={styles.dt}>{label}</dt>
          <dd className={styles.dd}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
