import { Button, Caption1, MessageBar, MessageBarBody, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { LocalGoal } from '../../../domain/plan';
import { goalProgress, type GoalProgress } from '../../../domain/progress';
import { useI18n } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { useTeamRole } from '../../../hooks/use-team-role';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { usePlan } from '../../../hooks/use-plan';
import { useSetupPlan } from '../../../hooks/use-setup-plan';
import { AreaSection } from './area-section';
import { GoalEditor } from './goal-editor';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL, maxWidth: '1100px', margin: '0 auto', boxSizing: 'border-box', width: '100%' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function PlanPage({ teamId, teamName }: { teamId: string; teamName: string }) {
  const styles = useStyles();
  const { t, formatDate, language } = useI18n();
  const { session } = useServices();
  const plan = usePlan(teamId);
  const { role, isLoading: roleLoading, error: roleError } = useTeamRole(teamId);
  const setup = useSetupPlan(teamId, teamName);
  const [editing, setEditing] = useState<LocalGoal | null>(null);
  const [saved, setSaved] = useState(false);
  const today = session.today();

  const progress = useMemo(() => {
    const map = new Map<string, GoalProgress>();
    const snapshot = plan.data;
    if (snapshot) for (const goal of snapshot.goals) map.set(goal.id, goalProgress(goal, snapshot.checkIns, snapshot.plan, today));
    return map;
  }, [plan.data, today]);

  if (plan.isLoading || roleLoading) return <LoadingView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;
  if (roleError) return <ErrorView error={roleError} />;
  const isBoard = role === 'board';

  const snapshot = plan.data;
  if (!snapshot) {
    return isBoard ? (
      <EmptyView
        title={t('plan.empty.board.title')}
        body={t('plan.empty.board.body')}
        action={
          <>
            {setup.error && <ErrorView error={setup.error} />}
            <Button appearance="primary" disabled={setup.isPending} onClick={() => setup.mutate(language === 'nn' ? 'nn' : 'nb')}>
              {t('plan.empty.board.action')}
            </Button>
          </>
        }
      />
    ) : (
      <EmptyView title={t('plan.empty.steward.title')} body={t('plan.empty.steward.body')} />
    );
  }

  const progressOf = (goal: LocalGoal) => progress.get(goal.id) ?? goalProgress(goal, snapshot.checkIns, snapshot.plan, today);

  return (
    <main className={styles.page} aria-busy={plan.isFetching}>
      <header className={styles.header}>
        <Caption1 className={styles.muted}>{snapshot.plan.union}</Caption1>
        <Title2 as="h1">{t('plan.heading', { from: String(snapshot.plan.periodFrom), to: String(snapshot.plan.periodTo) })}</Title2>
        <Caption1>
          {snapshot.plan.adoptedDate ? `${t('plan.adopted', { date: formatDate(snapshot.plan.adoptedDate) })} · ` : ''}
          {t('plan.goalsCount', { count: snapshot.goals.length })} · {t('role.label', { role: t(isBoard ? 'role.board' : 'role.steward') })}
        </Caption1>
      </header>
      <div aria-live="polite">
        {saved && (
          <MessageBar intent="success">
            <MessageBarBody>{t('goal.saved')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {snapshot.issues.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('plan.dataIssues', { count: snapshot.issues.length })}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot.areas.map((area) => (
        <AreaSection
          key={area.id}
          area={area}
          goals={snapshot.goals}
          progressOf={progressOf}
          canEdit={isBoard}
          onEdit={(goal) => {
            setSaved(false);
            setEditing(goal);
          }}
        />
      ))}
      {editing && (
        <GoalEditor
          teamId={teamId}
          goal={editing}
          onClose={(wasSaved) => {
            setEditing(null);
            setSaved(wasSaved);
          }}
        />
      )}
    </main>
  );
}
