/**
 * The Org365 rollout (issue 13): where it stands by role and bargaining area, who is missing what,
 * each representative's steps, the accounts the tenant's administrators must create, the rollout
 * over time and the board's steps. Everyone sees it; only the board changes it (SharePoint enforces
 * that too: a steward's write is refused and shown as such).
 */
import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Switch, Title2, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useCallback, useId, useState, type ReactNode } from 'react';
import type { TeamRole } from '../../../domain/ports';
import type { RosterSnapshot } from '../../../domain/roster-port';
import { missingStep, type Representative, type RolloutStep } from '../../../domain/roster';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { usePageStyles } from '../../../components/layout-styles';
import { usePlan } from '../../../hooks/use-plan';
import { useI18n } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { useRolloutNames } from '../names';
import { shownSteps, visibleReps, writeFailure } from '../rollout-model';
import { useMeasuredGoalSync, useRoster, useRosterActions } from '../use-roster';
import { useMediaQuery } from '../../../hooks/use-media-query';
import { AccountsToCreate } from './accounts-to-create';
import { PeopleList } from './people-list';
import { RepDialog } from './rep-dialog';
import { RolloutChart } from './rollout-chart';
import { RolloutSummary } from './rollout-summary';
import { RolloutToolbar } from './rollout-toolbar';
import { StepsEditor } from './steps-editor';
import { useRolloutStyles } from './styles';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  page: { maxWidth: '1280px' },
  peopleHeader: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'baseline', justifyContent: 'space-between' },
});

/** What the board's import and export buttons need (wired in rollout-view.tsx). */
export interface BoardToolsContext {
  readonly teamId: string;
  readonly teamName: string;
  readonly snapshot: RosterSnapshot;
  /** Call after an import wrote the roster: it is read again. */
  readonly onImported: () => void;
}

type Notice = { readonly text: string; readonly intent: 'success' | 'error' | 'warning' };

export function RolloutPage({ teamId, teamName, role, boardTools }: { teamId: string; teamName: string; role: TeamRole; boardTools?: (context: BoardToolsContext) => ReactNode }) {
  const page = usePageStyles();
  const styles = useRolloutStyles();
  const own = useStyles();
  const { t, locale } = useI18n();
  const names = useRolloutNames();
  const { session } = useServices();
  const narrow = useMediaQuery('(max-width: 719px)');
  const roster = useRoster(teamId, role);
  const plan = usePlan(teamId);
  const actions = useRosterActions(teamId);
  useMeasuredGoalSync(teamId, role, roster.data, roster.dataUpdatedAt);
  const peopleId = useId();
  const [filter, setFilter] = useState<string | null>(null);
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<Representative | 'new' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  // A tick shows at once while it is written, and goes back if the write fails.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isBoard = role === 'board';
  const { reload } = actions;

  const track = useCallback(async (key: string, work: () => Promise<void>) => {
    setBusy((b) => new Set(b).add(key));
    try {
      await work();
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(key);
        return next;
      });
    }
  }, []);

  /** A refused write, said in the user's language; the roster is read again when it changed underneath. */
  const failed = useCallback(
    (err: unknown, rep: Representative) => {
      const kind = writeFailure(err);
      if (kind === 'conflict' || kind === 'gone') void reload();
      const key = kind === 'conflict' ? 'rollout.error.conflict' : kind === 'gone' ? 'rollout.error.gone' : kind === 'denied' ? 'rollout.error.denied' : 'rollout.error.failed';
      setNotice({ text: t(key, { name: rep.name }), intent: 'error' });
    },
    [reload, t],
  );

  if (roster.isLoading) return <LoadingView label={t('rollout.loading')} />;
  if (!roster.data) return <ErrorView error={roster.error} onRetry={() => void roster.refetch()} />;
  const snapshot = roster.data;
  const steps = shownSteps(snapshot.steps);
  const filterStep = steps.find((s) => s.id === filter) ?? null;
  const active = snapshot.reps.filter((r) => !r.retired);
  const shown = visibleReps(snapshot.reps, filterStep, showRetired, snapshot.facts, locale);

  const onMark = (rep: Representative, step: RolloutStep, on: boolean) => {
    const key = `${rep.id}:${step.id}`;
    setPending((p) => new Map(p).set(key, on));
    void track(key, async () => {
      try {
        await actions.setMark(rep, step.id, on);
        setNotice({ text: t(on ? 'rollout.notice.marked' : 'rollout.notice.unmarked', { step: names.step(step), name: rep.name }), intent: 'success' });
      } catch (err) {
        failed(err, rep);
      } finally {
        setPending((p) => {
          const next = new Map(p);
          next.delete(key);
          return next;
        });
      }
    });
  };

  const onInvite = (rep: Representative) =>
    void track(`${rep.id}:invite`, async () => {
      try {
        await actions.invite(rep);
        setNotice({ text: t('rollout.notice.invited', { name: rep.name }), intent: 'success' });
      } catch (err) {
        const kind = writeFailure(err);
        if (kind === 'gone' || kind === 'conflict') void reload();
        const key = kind === 'denied' ? 'rollout.error.inviteDenied' : kind === 'gone' ? 'rollout.error.inviteGone' : 'rollout.error.inviteFailed';
        setNotice({ text: t(key, { name: rep.name }), intent: 'error' });
      }
    });

  const onRetire = (rep: Representative) =>
    void track(`${rep.id}:retire`, async () => {
      try {
        await actions.update(rep, { retired: !rep.retired }, rep.etag ?? null);
        setNotice({ text: t(rep.retired ? 'rollout.notice.reinstated' : 'rollout.notice.retired', { name: rep.name }), intent: 'success' });
      } catch (err) {
        failed(err, rep);
      }
    });

  const toolbar = (
    <RolloutToolbar
      isBoard={isBoard}
      refreshing={roster.isFetching}
      onRefresh={() => void roster.refetch()}
      onAdd={() => setEditing('new')}
      extra={isBoard && boardTools ? boardTools({ teamId, teamName, snapshot, onImported: () => void reload() }) : undefined}
    />
  );

  return (
    <main className={mergeClasses(page.page, own.page)} aria-busy={roster.isFetching}>
      <header className={page.header}>
        {plan.data && <Caption1 className={page.muted}>{plan.data.plan.union}</Caption1>}
        <Title2 as="h1">{t('rollout.title')}</Title2>
        <Body1>{t('rollout.intro')}</Body1>
        {!isBoard && <Body1 className={page.muted}>{t('rollout.readOnly')}</Body1>}
      </header>
      {toolbar}
      <div aria-live="polite">
        {notice && (
          <MessageBar intent={notice.intent} data-testid="rollout-notice">
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {roster.error !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('rollout.refreshFailed')}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot.facts === null && (
        <MessageBar intent="warning" layout="multiline" data-testid="rollout-facts-missing">
          <MessageBarBody>
            <MessageBarTitle>{t('rollout.factsMissing.title')}</MessageBarTitle>
            {t('rollout.factsMissing.body')}
          </MessageBarBody>
        </MessageBar>
      )}
      {isBoard && snapshot.stepProblems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('rollout.stepProblems', { count: snapshot.stepProblems.length })}</MessageBarBody>
        </MessageBar>
      )}
      {snapshot.reps.length === 0 ? (
        <EmptyView title={t('rollout.empty.title')} body={t(isBoard ? 'rollout.empty.board' : 'rollout.empty.steward')} />
      ) : (
        <>
          <RolloutSummary snapshot={snapshot} />
          <section className={styles.section} aria-labelledby={peopleId} data-testid="rollout-people">
            <div className={own.peopleHeader}>
              <Subtitle1 as="h2" id={peopleId} className={styles.heading}>
                {t('rollout.people.heading')}
              </Subtitle1>
              <Caption1>{t('rollout.people.count', { count: shown.length })}</Caption1>
            </div>
            <div className={own.filters} role="group" aria-label={t('rollout.filter.label')}>
              {steps.map((step) => (
                <ToggleButton
                  key={step.id}
                  size="small"
                  checked={filter === step.id}
                  data-filter={step.id}
                  onClick={() => setFilter(filter === step.id ? null : step.id)}
                >
                  {t('rollout.filter.missing', { step: names.step(step), count: missingStep(snapshot.reps, step, snapshot.facts).length })}
                </ToggleButton>
              ))}
              {filterStep && (
                <Button size="small" appearance="subtle" icon={<Dismiss20Regular />} onClick={() => setFilter(null)}>
                  {t('rollout.filter.clear')}
                </Button>
              )}
            </div>
            <Body1 aria-live="polite" data-testid="rollout-filter-status">
              {filterStep ? t('rollout.filter.status', { count: shown.length, step: names.step(filterStep) }) : ''}
            </Body1>
            {!filterStep && active.length < snapshot.reps.length && (
              <Switch checked={showRetired} onChange={(_, d) => setShowRetired(d.checked)} label={t('rollout.showRetired')} />
            )}
            <PeopleList
              reps={shown}
              steps={steps}
              facts={snapshot.facts}
              isBoard={isBoard}
              narrow={narrow}
              busy={busy}
              pending={pending}
              labelledBy={peopleId}
              onMark={onMark}
              onInvite={onInvite}
              onEdit={(rep) => setEditing(rep)}
              onRetire={onRetire}
            />
          </section>
          {isBoard && <AccountsToCreate reps={snapshot.reps} steps={snapshot.steps} facts={snapshot.facts} />}
          <RolloutChart reps={snapshot.reps} steps={snapshot.steps} periodFrom={plan.data?.plan.periodFrom ?? null} today={session.today()} narrow={narrow} />
        </>
      )}
      {isBoard && <StepsEditor teamId={teamId} snapshot={snapshot} />}
      {editing && (
        <RepDialog
          teamId={teamId}
          rep={editing === 'new' ? null : editing}
          reps={snapshot.reps}
          onClose={(saved, added) => {
            setEditing(null);
            if (saved) setNotice({ text: t(added ? 'rollout.notice.added' : 'rollout.notice.saved', { name: saved.name }), intent: 'success' });
          }}
        />
      )}
    </main>
  );
}
