/**
 * 'Mine mål': the signed-in person's goals with status, progress and a one-step check-in. In a
 * team's tab, the goals in that team's plan; in the personal tab, across every team they belong to.
 */
import type { ReactNode } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { ownsGoal, type LocalGoal, type PlanSnapshot } from '../../domain/plan';
import { planProgress } from '../../domain/overview';
import type { GoalProgress } from '../../domain/progress';
import type { TeamInfo } from '../../domain/ports';
import { planQueryKey } from '../../hooks/use-plan';
import { useCheckInQueue } from '../../hooks/use-check-in';
import { useMe } from '../../hooks/use-me';
import { usePlannerSync } from '../../hooks/use-planner-sync';
import { useI18n } from '../../i18n';
import { useServices } from '../../lib/services';
import { navigate } from '../../lib/navigation';
import { EmptyView, ErrorView, LoadingView } from '../../components/state-views';
import { GoalCard } from './goal-card';
import { QueueStatus } from './queue-status';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: '900px',
    margin: '0 auto',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The goals the person with this Entra id owns (alone or with others), in plan order. */
export function ownGoals(snapshot: PlanSnapshot, userId: string | null): LocalGoal[] {
  if (userId === null) return [];
  return snapshot.goals.filter((g) => ownsGoal(g, userId)).sort((a, b) => a.sortOrder - b.sortOrder);
}

function GoalList({ team, snapshot, focusGoalId }: { team: TeamInfo; snapshot: PlanSnapshot; focusGoalId?: string }) {
  const styles = useStyles();
  const { session } = useServices();
  const { state } = useCheckInQueue();
  const me = useMe();
  const today = session.today();
  const mine = ownGoals(snapshot, me.id);
  const progress = planProgress({ ...snapshot, goals: mine }, today);
  const waiting = (goalId: string) => state.items.filter((item) => item.failure === null && item.payload.checkIn.goalId === goalId).length;
  return (
    <ul className={styles.list}>
      {mine.map((goal) => (
        <GoalCard key={goal.id} teamId={team.id} goal={goal} progress={progress.get(goal.id) as GoalProgress} waiting={waiting(goal.id)} focused={goal.id === focusGoalId} />
      ))}
    </ul>
  );
}

/** One team's section of the personal tab (nothing when the user owns no goal there). */
function TeamSection({ team, query }: { team: TeamInfo; query: UseQueryResult<PlanSnapshot | null> }) {
  const styles = useStyles();
  const { t } = useI18n();
  const me = useMe();
  if (query.isPending) return null;
  if (query.error && !query.data) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('myGoals.teamError', { team: team.displayName })}</MessageBarBody>
        <MessageBarActions>
          <Button size="small" onClick={() => void query.refetch()}>
            {t('app.retry')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  const snapshot = query.data;
  if (!snapshot) return <Caption1 className={styles.muted}>{t('myGoals.noPlan', { team: team.displayName })}</Caption1>;
  if (ownGoals(snapshot, me.id).length === 0) return null;
  const headingId = `my-goals-team-${team.id}`;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-team-id={team.id}>
      <Subtitle1 as="h2" id={headingId}>
        {team.displayName}
      </Subtitle1>
      <GoalList team={team} snapshot={snapshot} />
    </section>
  );
}

/** A reminder's 'Report progress' opened by someone who does not own the goal: say so, and offer the goal itself. */
function NotYourGoal({ snapshot, goalId }: { snapshot: PlanSnapshot; goalId: string }) {
  const { t } = useI18n();
  const goal = snapshot.goals.find((g) => g.id === goalId);
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{goal ? t('myGoals.notYours', { goal: goal.text }) : t('myGoals.goalGone')}</MessageBarBody>
      {goal && (
        <MessageBarActions>
          <Button size="small" onClick={() => navigate({ name: 'goal', goalId })}>
            {t('myGoals.openGoal')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** My goals in one team (the team tab's 'mine' view); `before` goes under the heading, before the goals (the rollout checklist). */
export function TeamMyGoals({ team, focusGoalId, before }: { team: TeamInfo; focusGoalId?: string; before?: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { planRepository } = useServices();
  const me = useMe();
  const plan = useQuery({ queryKey: planQueryKey(team.id), queryFn: () => planRepository(team.id).load() });
  // Opening My goals syncs with Planner (once per session), so work done there counts here.
  usePlannerSync(team.id);
  const header = (
    <header className={styles.header}>
      <Title2 as="h1">{t('myGoals.title')}</Title2>
      <Caption1>{t('checkIn.intro.team', { team: team.displayName })}</Caption1>
    </header>
  );
  if (plan.isPending || me.isLoading) return <LoadingView />;
  if (plan.error && !plan.data) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  if (me.id === null) return <ErrorView error={me.error} onRetry={me.refetch} />;
  const snapshot = plan.data;
  const count = snapshot ? ownGoals(snapshot, me.id).length : 0;
  return (
    <main className={styles.page}>
      {header}
      <QueueStatus />
      {before}
      {snapshot && focusGoalId && !ownGoals(snapshot, me.id).some((g) => g.id === focusGoalId) && <NotYourGoal snapshot={snapshot} goalId={focusGoalId} />}
      {snapshot && count > 0 ? <GoalList team={team} snapshot={snapshot} focusGoalId={focusGoalId} /> : <EmptyView title={t('myGoals.title')} body={t('myGoals.empty')} />}
    </main>
  );
}

/** The personal tab: my goals across every team I belong to. */
export function MyGoalsPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { directory, planRepository } = useServices();
  const me = useMe();
  const teams = useQuery({ queryKey: ['joined-teams'], queryFn: () => directory.joinedTeams() });
  const plans = useQueries({
    queries: (teams.data ?? []).map((team) => ({ queryKey: planQueryKey(team.id), queryFn: () => planRepository(team.id).load() })),
  });
  if (teams.isPending) return <LoadingView />;
  if (teams.error && !teams.data) return <ErrorView error={teams.error} onRetry={() => void teams.refetch()} />;
  const loading = plans.some((p) => p.isPending) || me.isLoading;
  const count = plans.reduce((n, p) => n + (p.data ? ownGoals(p.data, me.id).length : 0), 0);
  return (
    <main className={styles.page} aria-busy={loading}>
      <header className={styles.header}>
        <Title2 as="h1">{t('myGoals.title')}</Title2>
        <Caption1>{t('myGoals.intro')}</Caption1>
      </header>
      <QueueStatus />
      {(teams.data ?? []).map((team, i) => (
        <TeamSection key={team.id} team={team} query={plans[i] as UseQueryResult<PlanSnapshot | null>} />
      ))}
      {loading ? <LoadingView /> : count === 0 && <Body1>{t('myGoals.empty')}</Body1>}
    </main>
  );
}
