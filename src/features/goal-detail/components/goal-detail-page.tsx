import { Caption1, Link, Subtitle1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowLeft20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { TeamRole } from '../../../domain/ports';
import { goalProgress } from '../../../domain/progress';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { usePlan } from '../../../hooks/use-plan';
import { usePlannerSync } from '../../../hooks/use-planner-sync';
import { useI18n } from '../../../i18n';
import { tabViewHash } from '../../../lib/navigation';
import { useServices } from '../../../lib/services';
import { AddActivityForm } from './add-activity-form';
import { ChangeLog } from './change-log';
import { CheckInChart } from './check-in-chart';
import { CheckInList } from './check-in-list';
import { Comments } from './comments';
import { GoalFacts } from './goal-facts';
import { PlannerTasks } from './planner-tasks';
import { ShareLink } from './share-link';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '900px',
    margin: '0 auto',
    boxSizing: 'border-box',
    width: '100%',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { ...typographyStyles.title2, margin: 0, overflowWrap: 'anywhere', ':focus': { outline: 'none' }, '@media (max-width: 480px)': typographyStyles.title3 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
  iconLink: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby={`goal-${id}`} data-section={id}>
      <Subtitle1 as="h2" id={`goal-${id}`} className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}

export function GoalDetailPage({ teamId, goalId, role }: { teamId: string; goalId: string; role: TeamRole }) {
  const styles = useStyles();
  const shared = useSectionStyles();
  const { t } = useI18n();
  const { session } = useServices();
  const plan = usePlan(teamId);
  // Opening a goal syncs with Planner too (once per session), so its Planner work shows here.
  const planner = usePlannerSync(teamId);
  const today = session.today();
  const heading = useRef<HTMLHeadingElement>(null);
  const snapshot = plan.data;
  const goal = snapshot?.goals.find((g) => g.id === goalId);
  const checkIns = useMemo(() => snapshot?.checkIns.filter((c) => c.goalId === goalId) ?? [], [snapshot, goalId]);
  const comments = useMemo(() => snapshot?.comments.filter((c) => c.goalId === goalId) ?? [], [snapshot, goalId]);
  const found = goal !== undefined;

  // Moving to a goal is a page change: put focus on its title so screen readers announce it.
  useEffect(() => {
    if (found) heading.current?.focus();
  }, [found, goalId]);

  const back = (
    <Link href={tabViewHash({ name: 'plan' })} className={styles.iconLink}>
      <ArrowLeft20Regular aria-hidden />
      {t('goalDetail.back')}
    </Link>
  );

  if (plan.isLoading) return <LoadingView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!snapshot || !goal) return <EmptyView title={t('goalDetail.notFound.title')} body={t('goalDetail.notFound.body')} action={back} />;

  const area = snapshot.areas.find((a) => a.id === goal.areaId);
  const progress = goalProgress(goal, checkIns, snapshot.plan, today);
  const binding = snapshot.plan.planner ?? null;
  return (
    <main className={styles.page} aria-busy={plan.isFetching} data-goal-id={goal.id}>
      <nav className={styles.actions} aria-label={t('goalDetail.navLabel')}>
        {back}
        {role === 'board' && (
          <Link href={tabViewHash({ name: 'plan' })} className={styles.iconLink}>
            <Edit20Regular aria-hidden />
            {t('goalDetail.editInPlan')}
          </Link>
        )}
      </nav>
      <header className={styles.header}>
        {area && <Caption1 className={shared.muted}>{t('goalDetail.areaValue', { number: area.number, title: area.title })}</Caption1>}
        <h1 className={styles.title} ref={heading} tabIndex={-1}>
          {goal.text}
        </h1>
        <div className={styles.actions}>
          <ShareLink goal={goal} />
        </div>
      </header>
      <Section id="details" title={t('goalDetail.details')}>
        <GoalFacts goal={goal} area={area} progress={progress} />
      </Section>
      <Section id="check-ins" title={t('goalDetail.checkIns.title')}>
        {checkIns.length === 0 ? (
          <Caption1 className={shared.muted}>{t('goalDetail.checkIns.empty')}</Caption1>
        ) : (
          <>
            <CheckInChart goal={goal} checkIns={checkIns} progress={progress} plan={snapshot.plan} today={today} />
            <CheckInList goal={goal} checkIns={checkIns} />
          </>
        )}
      </Section>
      {binding && (goal.tasks?.length ?? 0) > 0 && (
        <Section id="planner" title={t('plannerSync.tasks.title')}>
          <PlannerTasks teamId={teamId} goal={goal} binding={binding} planner={planner} />
          {role === 'board' && <AddActivityForm teamId={teamId} goal={goal} binding={binding} members={planner.members} />}
        </Section>
      )}
      <Section id="comments" title={t('goalDetail.comments.title')}>
        <Comments teamId={teamId} goal={goal} comments={comments} />
      </Section>
      <Section id="changes" title={t('goalDetail.changes.title')}>
        <ChangeLog teamId={teamId} goal={goal} />
      </Section>
    </main>
  );
}
