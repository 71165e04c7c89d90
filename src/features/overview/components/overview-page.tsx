import { Body1, Caption1, Link, ProgressBar, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { DEADLINE_WINDOW_DAYS, planOverview, type AreaOverview, type CheckInItem } from '../../../domain/overview';
import { GOAL_STATUSES, type LocalGoal } from '../../../domain/plan';
import type { GoalProgress } from '../../../domain/progress';
import type { TeamRole } from '../../../domain/ports';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { StatusBadge } from '../../../components/status-badge';
import { usePlan } from '../../../hooks/use-plan';
import { useI18n, type I18n } from '../../../i18n';
import { tabViewHash } from '../../../lib/navigation';
import { useServices } from '../../../lib/services';
import { GoalLink } from './goal-link';
import { OverviewSection } from './section';
import { OverviewCharts } from '../../charts/overview-charts';
import { usePageStyles } from '../../../components/layout-styles';
import { ownersLine } from '../../../components/owner-names';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingVerticalL, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}` },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  areaTop: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalM}`, margin: 0, padding: 0, listStyleType: 'none' },
  comment: { fontStyle: 'italic' },
});

/** An area's row: its title opens the plan filtered by the area, each status count the plan filtered by area and status. */
function AreaRow({ row }: { row: AreaOverview }) {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t, formatPercent } = useI18n();
  const { summary } = row;
  const worst = summary.byStatus.behind > 0 ? 'error' : summary.byStatus.atRisk > 0 ? 'warning' : 'brand';
  const percent = summary.fraction === null ? null : formatPercent(summary.fraction);
  return (
    <li className={styles.item} data-area-id={row.area.id}>
      <div className={styles.areaTop}>
        <Body1>
          <Caption1 className={styles.muted}>{t('plan.area', { number: row.area.number })}</Caption1>{' '}
          <Link href={tabViewHash({ name: 'plan', filter: { area: row.area.id } })} data-area-link={row.area.id}>
            {row.area.title}
          </Link>
        </Body1>
        <Caption1 data-area-percent>{percent ?? t('progressSummary.none')}</Caption1>
      </div>
      {summary.fraction !== null && (
        <ProgressBar
          value={summary.fraction}
          max={1}
          thickness="large"
          color={worst}
          aria-label={t('overview.areas.progressLabel', { number: row.area.number, percent: percent ?? '' })}
        />
      )}
      {row.goalCount === 0 ? (
        <Caption1 className={styles.muted}>{t('overview.areas.noGoals')}</Caption1>
      ) : (
        <ul className={styles.counts}>
          <li>
            <Caption1>{t('plan.goalsCount', { count: row.goalCount })}</Caption1>
          </li>
          {GOAL_STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => (
            <li key={s} data-status-count={s}>
              <Caption1>
                <Link
                  href={tabViewHash({ name: 'plan', filter: { area: row.area.id, status: s } })}
                  aria-label={t('planTable.overview.statusLink', { status: t(`status.${s}`), count: summary.byStatus[s], number: row.area.number })}
                >
                  {t('overview.areas.statusCount', { status: t(`status.${s}`), count: summary.byStatus[s] })}
                </Link>
              </Caption1>
            </li>
          ))}
          {summary.counted < summary.total && summary.counted > 0 && (
            <li>
              <Caption1 className={styles.muted} title={t('progressSummary.rule')}>
                {t('progressSummary.counted', { counted: summary.counted, total: summary.total })}
              </Caption1>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function ownerText(goal: LocalGoal, i18n: I18n): string {
  return ownersLine(goal.owners, i18n);
}

function recurringText(goal: LocalGoal, progress: GoalProgress, i18n: I18n): string {
  const r = progress.recurring;
  if (!r || !goal.recurrence) return '';
  const base = i18n.t(goal.recurrence.per === 'year' ? 'goal.recurringYear' : 'goal.recurringMonth', { done: r.done, required: r.required });
  return r.nextDue ? `${base} · ${i18n.t('goal.nextDue', { date: i18n.formatDate(r.nextDue) })}` : base;
}

function checkInText({ checkIn, goal }: CheckInItem, i18n: I18n): string {
  const { t, formatNumber } = i18n;
  if (checkIn.value === null) return '';
  if (goal.kind === 'recurring' && checkIn.value === 1) return t('overview.checkIns.occurrence');
  const unit = goal.kind === 'measured' ? (goal.measure?.unit ?? '') : '';
  return t('overview.checkIns.value', { value: `${formatNumber(checkIn.value)}${unit ? ` ${unit}` : ''}` });
}

export function OverviewPage({ teamId, role }: { teamId: string; role: TeamRole }) {
  const styles = { ...usePageStyles(), ...useStyles() };
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { session } = useServices();
  const plan = usePlan(teamId);
  const today = session.today();
  const overview = useMemo(() => (plan.data ? planOverview(plan.data, today) : null), [plan.data, today]);

  if (plan.isLoading) return <LoadingView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  const snapshot = plan.data;
  if (!snapshot || !overview) {
    return role === 'board' ? (
      <EmptyView title={t('plan.empty.board.title')} body={t('plan.empty.board.body')} action={<Link href={tabViewHash({ name: 'plan' })}>{t('nav.plan')}</Link>} />
    ) : (
      <EmptyView title={t('plan.empty.steward.title')} body={t('plan.empty.steward.body')} />
    );
  }

  const days = DEADLINE_WINDOW_DAYS;
  return (
    <main className={styles.page} aria-busy={plan.isFetching}>
      <header className={styles.header}>
        <Title2 as="h1">{t('overview.title')}</Title2>
        <Caption1 className={styles.muted}>
          {t('overview.subtitle', { union: snapshot.plan.union, from: String(snapshot.plan.periodFrom), to: String(snapshot.plan.periodTo) })} ·{' '}
          {t('role.label', { role: t(role === 'board' ? 'role.board' : 'role.steward') })}
        </Caption1>
      </header>

      {overview.areas.length > 0 && (
        <OverviewSection id="charts" title={t('charts.overview.title')} isEmpty={false} emptyText="">
          <OverviewCharts overview={overview} />
        </OverviewSection>
      )}

      <OverviewSection id="areas" title={t('overview.areas.title')} isEmpty={overview.areas.length === 0} emptyText={t('overview.areas.empty')}>
        <ul className={styles.list}>
          {overview.areas.map((row) => (
            <AreaRow key={row.area.id} row={row} />
          ))}
        </ul>
      </OverviewSection>

      <div className={styles.grid}>
        <OverviewSection
          id="attention"
          title={t('overview.attention.title')}
          intro={t('overview.attention.intro')}
          isEmpty={overview.attention.length === 0}
          emptyText={t('overview.attention.empty')}
        >
          <ul className={styles.list}>
            {overview.attention.map(({ goal, progress, reason }) => (
              <li key={goal.id} className={styles.item} data-goal-id={goal.id}>
                <GoalLink goal={goal} />
                <div className={styles.meta}>
                  <StatusBadge status={progress.status} />
                  {goal.due && (
                    <Caption1 className={reason === 'overdue' ? styles.overdue : undefined}>
                      {t('goal.dueOn', { date: formatDate(goal.due) })}
                      {reason === 'overdue' ? ` · ${t('goal.overdue')}` : ''}
                    </Caption1>
                  )}
                  <Caption1 className={styles.muted}>{ownerText(goal, i18n)}</Caption1>
                </div>
              </li>
            ))}
          </ul>
        </OverviewSection>

        <OverviewSection
          id="deadlines"
          title={t('overview.deadlines.title', { days })}
          isEmpty={overview.deadlines.length === 0}
          emptyText={t('overview.deadlines.empty', { days })}
        >
          <ul className={styles.list}>
            {overview.deadlines.map(({ goal, progress, deadline, daysLeft }) => (
              <li key={goal.id} className={styles.item} data-goal-id={goal.id}>
                <GoalLink goal={goal} />
                <div className={styles.meta}>
                  <Caption1>
                    {t('goal.dueOn', { date: formatDate(deadline) })} · {t('overview.deadlines.daysLeft', { days: daysLeft })}
                  </Caption1>
                  <StatusBadge status={progress.status} />
                  <Caption1 className={styles.muted}>{ownerText(goal, i18n)}</Caption1>
                </div>
              </li>
            ))}
          </ul>
        </OverviewSection>

        <OverviewSection id="recurring" title={t('overview.recurring.title')} isEmpty={overview.recurringDue.length === 0} emptyText={t('overview.recurring.empty')}>
          <ul className={styles.list}>
            {overview.recurringDue.map(({ goal, progress }) => (
              <li key={goal.id} className={styles.item} data-goal-id={goal.id}>
                <GoalLink goal={goal} />
                <div className={styles.meta}>
                  <Caption1>{recurringText(goal, progress, i18n)}</Caption1>
                  <Caption1 className={styles.muted}>{ownerText(goal, i18n)}</Caption1>
                </div>
              </li>
            ))}
          </ul>
        </OverviewSection>

        <OverviewSection id="check-ins" title={t('overview.checkIns.title')} isEmpty={overview.latestCheckIns.length === 0} emptyText={t('overview.checkIns.empty')}>
          <ul className={styles.list}>
            {overview.latestCheckIns.map((item) => {
              const value = checkInText(item, i18n);
              return (
                <li key={item.checkIn.id} className={styles.item} data-check-in-id={item.checkIn.id}>
                  <GoalLink goal={item.goal} />
                  <Caption1>
                    {item.checkIn.author?.displayName ?? t('overview.checkIns.unknownAuthor')} · {formatDate(item.checkIn.date)}
                    {value ? ` · ${value}` : ''}
                  </Caption1>
                  {item.checkIn.comment && <Caption1 className={styles.comment}>{item.checkIn.comment}</Caption1>}
                </li>
              );
            })}
          </ul>
        </OverviewSection>
      </div>
    </main>
  );
}
