/** The personal tab 'Mine mål': the signed-in person's goals across every team they belong to. */
import { Body1, Caption1, MessageBar, MessageBarBody, Subtitle1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { PlanSnapshot } from '../../domain/plan';
import { goalProgress } from '../../domain/progress';
import type { TeamInfo } from '../../domain/ports';
import { useI18n } from '../../i18n';
import { useServices } from '../../lib/services';
import { ErrorView, LoadingView } from '../../components/state-views';
import { StatusBadge } from '../../components/status-badge';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '900px', margin: '0 auto' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: { listStyleType: 'none', display: 'flex', gap: tokens.spacingHorizontalM, justifyContent: 'space-between', alignItems: 'flex-start', padding: tokens.spacingVerticalM, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

function TeamGoals({ team, query }: { team: TeamInfo; query: UseQueryResult<PlanSnapshot | null> }) {
  const styles = useStyles();
  const { t, formatDate } = useI18n();
  const { session } = useServices();
  if (query.isLoading) return null;
  if (query.error) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('myGoals.teamError', { team: team.displayName })}</MessageBarBody>
      </MessageBar>
    );
  }
  const snapshot = query.data;
  if (!snapshot) return <Caption1 className={styles.muted}>{t('myGoals.noPlan', { team: team.displayName })}</Caption1>;
  const me = session.user.userPrincipalName.toLowerCase();
  const mine = snapshot.goals.filter((g) => g.owner?.userPrincipalName.toLowerCase() === me);
  if (mine.length === 0) return null;
  const today = session.today();
  return (
    <section aria-labelledby={`team-${team.id}`}>
      <Subtitle1 as="h2" id={`team-${team.id}`}>
        {team.displayName}
      </Subtitle1>
      <ul className={styles.list}>
        {mine.map((goal) => {
          const progress = goalProgress(goal, snapshot.checkIns, snapshot.plan, today);
          return (
            <li key={goal.id} className={styles.item} data-goal-id={goal.id}>
              <div>
                <Body1>{goal.text}</Body1>
                <br />
                <Caption1 className={styles.muted}>{goal.due ? t('goal.dueOn', { date: formatDate(goal.due) }) : t('goal.noDue')}</Caption1>
              </div>
              <StatusBadge status={progress.status} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** With a team: the user's goals in that team's plan; without: across every team they belong to. */
export function MyGoalsPage({ team }: { team?: TeamInfo }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { directory, planRepository, session } = useServices();
  const teams = useQuery({
    queryKey: team ? ['team-info', team.id] : ['joined-teams'],
    queryFn: () => (team ? Promise.resolve([team]) : directory.joinedTeams()),
  });
  const plans = useQueries({
    queries: (teams.data ?? []).map((team) => ({ queryKey: ['plan', team.id], queryFn: () => planRepository(team.id).load() })),
  });
  if (teams.isLoading) return <LoadingView />;
  if (teams.error) return <ErrorView error={teams.error} onRetry={() => void teams.refetch()} />;
  const me = session.user.userPrincipalName.toLowerCase();
  const loading = plans.some((p) => p.isLoading);
  const count = plans.reduce((n, p) => n + (p.data?.goals.filter((g) => g.owner?.userPrincipalName.toLowerCase() === me).length ?? 0), 0);
  return (
    <main className={styles.page} aria-busy={loading}>
      <header>
        <Title2 as="h1">{t('myGoals.title')}</Title2>
        <br />
        <Caption1>{t('myGoals.intro')}</Caption1>
      </header>
      {(teams.data ?? []).map((team, i) => (
        <TeamGoals key={team.id} team={team} query={plans[i] as UseQueryResult<PlanSnapshot | null>} />
      ))}
      {loading ? <LoadingView /> : count === 0 && <Body1>{t('myGoals.empty')}</Body1>}
    </main>
  );
}
