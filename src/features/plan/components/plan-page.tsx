import { progressByGoal, type ProgressCache } from '../progress-cache';
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { Suspense, lazy, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { goalsWithoutArea, type Area, type LocalGoal } from '../../../domain/plan';
import type { TeamRole } from '../../../domain/ports';
import { useI18n, type MessageKey } from '../../../i18n';
import { useServices } from '../../../lib/services';
import { EmptyView, ErrorView, LoadingView } from '../../../components/state-views';
import { usePlan } from '../../../hooks/use-plan';
import { useSetupPlan } from '../../../hooks/use-setup-plan';
import { useAfterFirstPaint } from '../../../hooks/use-after-first-paint';
import { buildSearchIndex, filterFromView, filterGoals, isFilterActive, moveUpdates, ownersOf, viewFromFilter, type GoalFilter } from '../plan-filter';
import { parseTabView, tabViewHash, type PlanViewFilter } from '../../../lib/navigation';
import { usePlanViewPrefs } from '../table/use-view-prefs';
import { ViewSwitch, viewTabId } from '../table/view-switch';
import { useDeleteWithUndo, useReorderGoals, type DeleteOutcome } from '../use-plan-mutations';
import { ownerlessIds, selectedGoals, toggled, withAll } from '../planner-assign';
import { usePlannerPort } from '../use-planner-assign';
import type { CreateTasksReport } from '../../../domain/planner-port';
import { AreaSection, type SectionSelection } from './area-section';
import { WINDOWED_ABOVE } from './goal-list';
import { SelectionToolbar } from './selection-toolbar';
import type { EditorMode, EditorResult } from './goal-editor';
import { PlanFilters } from './plan-filters';
import { usePageStyles } from '../../../components/layout-styles';
import { PlannerSyncBar } from '../../../components/planner-sync-bar';

// Loaded when first shown: the board's editor and dialogs (the date picker and the people pickers
// are most of their code) and the table view, so that the list a steward opens on does not wait
// for them (issue 16).
const GoalEditor = lazy(() => import('./goal-editor').then((m) => ({ default: m.GoalEditor })));
const DeleteGoalDialog = lazy(() => import('./delete-goal-dialog').then((m) => ({ default: m.DeleteGoalDialog })));
const AssignTasksDialog = lazy(() => import('./assign-tasks-dialog').then((m) => ({ default: m.AssignTasksDialog })));
const PlanTable = lazy(() => import('../table/plan-table').then((m) => ({ default: m.PlanTable })));

const useStyles = makeStyles({
  messages: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The table wants the width a meeting's screen has.
  wide: { maxWidth: '1440px' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  viewBar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between' },
  heading: { ...typographyStyles.title2, margin: 0, ':focus': { outline: 'none' }, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

type Notice = { readonly key: MessageKey; readonly intent: 'success' | 'warning' | 'error' };

const EMPTY_GOALS: readonly LocalGoal[] = [];

/** The filter the address asks for (`#/tab/plan?area=…&status=…`: the overview's area rows link there), following its changes. */
function useRouteFilter(): PlanViewFilter | undefined {
  const read = () => {
    const view = parseTabView(window.location.hash);
    return view?.name === 'plan' ? view.filter : undefined;
  };
  const [filter, setFilter] = useState(read);
  useEffect(() => {
    const onChange = () => setFilter(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return filter;
}
const NO_SELECTION: ReadonlySet<string> = new Set();
/** About a screen's worth of goal cards: the areas that hold them are painted first (useAfterFirstPaint). */
const FIRST_PAINT_GOALS = 8;

export function PlanPage({ teamId, teamName, role }: { teamId: string; teamName: string; role: TeamRole }) {
  const styles = { ...usePageStyles(), ...useStyles() };
  const { t, formatDate, language } = useI18n();
  const { session } = useServices();
  const plan = usePlan(teamId);
  const setup = useSetupPlan(teamId, teamName);
  const isBoard = role === 'board';
  const today = session.today();
  const snapshot = plan.data ?? null;

  const [editor, setEditor] = useState<EditorMode | null>(null);
  const [deleting, setDeleting] = useState<LocalGoal | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Filters start from the address (a link from the overview) and follow it when it changes.
  const routeFilter = useRouteFilter();
  const routeKey = JSON.stringify(routeFilter ?? {});
  const [filter, setFilter] = useState<GoalFilter>(() => filterFromView(routeFilter));
  const [appliedRoute, setAppliedRoute] = useState(routeKey);
  if (appliedRoute !== routeKey) {
    setAppliedRoute(routeKey);
    setFilter(filterFromView(routeFilter));
  }
  // The address keeps up with the filters (without a new history entry), so a reload shows what was chosen.
  const filterView = JSON.stringify(viewFromFilter(filter));
  useEffect(() => {
    if (!window.location.hash.startsWith('#/tab/plan')) return;
    const hash = tabViewHash({ name: 'plan', filter: JSON.parse(filterView) as PlanViewFilter });
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
  }, [filterView]);
  // Cards or table, and the table's sort and grouping, as this person left them (table/use-view-prefs.ts).
  const [prefs, setPrefs] = usePlanViewPrefs();
  const panelId = useId();
  const deferredQuery = useDeferredValue(filter.query);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<string | null>(null);

  // The board's Select mode and the Planner action (issue 11).
  const [selecting, setSelecting] = useState(false);
  const [selection, setSelection] = useState<ReadonlySet<string>>(NO_SELECTION);
  const [assigning, setAssigning] = useState(false);
  const planner = usePlannerPort(teamId, role);

  const onDeleteSettled = useCallback((_goal: LocalGoal, outcome: DeleteOutcome) => {
    if (outcome === 'conflict') setNotice({ key: 'planEdit.deleteConflict', intent: 'warning' });
    else if (outcome === 'failed') setNotice({ key: 'planEdit.deleteFailed', intent: 'error' });
    else if (outcome === 'tasksFailed') setNotice({ key: 'plannerAssign.deleteTasks.failed', intent: 'error' });
  }, []);
  const { pending, remove, undo } = useDeleteWithUndo(teamId, onDeleteSettled, isBoard ? planner : null);
  const reorder = useReorderGoals(teamId);

  const allGoals = snapshot?.goals ?? EMPTY_GOALS;
  // Goals waiting for their delete (inside the undo window) are hidden.
  const goals = useMemo(() => {
    if (pending.length === 0) return allGoals;
    const hidden = new Set(pending.map((p) => p.goal.id));
    return allGoals.filter((g) => !hidden.has(g.id));
  }, [allGoals, pending]);

  // Progress per goal, once per plan load or change (progress-cache.ts): unchanged rows keep theirs.
  const progressCache = useRef<ProgressCache>(new Map());
  const progress = useMemo(() => {
    const computed = progressByGoal(snapshot, today, progressCache.current);
    progressCache.current = computed.cache;
    return computed.progress;
  }, [snapshot, today]);

  // The search index is built when a search first needs it (not before the first paint: 5,000
  // goals take a few dozen milliseconds), and kept for the same goals.
  const searchIndexRef = useRef<{ goals: readonly LocalGoal[]; index: ReadonlyMap<string, string> } | null>(null);
  const searching = deferredQuery.trim() !== '';
  const searchIndex = useMemo(() => {
    if (!searching) return undefined;
    if (searchIndexRef.current?.goals !== allGoals) searchIndexRef.current = { goals: allGoals, index: buildSearchIndex(allGoals) };
    return searchIndexRef.current.index;
  }, [allGoals, searching]);
  const owners = useMemo(() => ownersOf(allGoals), [allGoals]);
  const effectiveFilter = useMemo(() => ({ ...filter, query: deferredQuery }), [filter, deferredQuery]);
  const active = isFilterActive(effectiveFilter);
  const shownGoals = useMemo(
    () => (active ? filterGoals(goals, effectiveFilter, (g) => progress.get(g.id)?.status ?? 'notStarted', searchIndex) : goals),
    [active, goals, effectiveFilter, progress, searchIndex],
  );
  // Per-area lists that keep their identity while an area's matches stay the same, so the
  // memoised sections of untouched areas skip rendering on a keystroke.
  const byAreaRef = useRef(new Map<string, LocalGoal[]>());
  const byArea = useMemo(() => (byAreaRef.current = reuseLists(byAreaRef.current, groupByArea(shownGoals))), [shownGoals]);
  const allByAreaRef = useRef(new Map<string, LocalGoal[]>());
  const allByArea = useMemo(() => (allByAreaRef.current = reuseLists(allByAreaRef.current, groupByArea(goals))), [goals]);
  // The first paint shows the areas at the top with their goals and the others' headings; their
  // goals mount once that has been painted (a transition, in slices), so the plan shows sooner.
  const complete = useAfterFirstPaint(snapshot !== null);
  const firstPaint = useMemo(() => {
    const areas = new Set<string>();
    let goals = 0;
    for (const area of snapshot?.areas ?? []) {
      if (goals >= FIRST_PAINT_GOALS) break;
      areas.add(area.id);
      // The goals shown: an area the filters leave empty is hidden and fills no screen.
      goals += byArea.get(area.id)?.length ?? 0;
    }
    // The goals without an area come last: with the first paint only if the areas left room.
    return { areas, unplaced: goals < FIRST_PAINT_GOALS };
  }, [snapshot, byArea]);

  const moving = useRef(false);
  const onMove = useCallback(
    (goal: LocalGoal, direction: 'up' | 'down') => {
      if (moving.current) return;
      const updates = moveUpdates(goal.id, direction, goals);
      if (updates.length === 0) return;
      moving.current = true;
      focusAfter.current = `[data-goal-id="${goal.id}"] [data-move="${direction}"]`;
      setNotice(null);
      void reorder(updates).then((ok) => {
        moving.current = false;
        setNotice(ok ? { key: 'planEdit.moved', intent: 'success' } : { key: 'planEdit.moveFailed', intent: 'error' });
      });
    },
    [goals, reorder],
  );

  const actions = useMemo(
    () =>
      isBoard
        ? {
            onEdit: (goal: LocalGoal) => {
              setNotice(null);
              setEditor({ kind: 'edit', goal });
            },
            onAdd: (area: Area) => {
              setNotice(null);
              setEditor({ kind: 'create', areaId: area.id, nationalGoal: area.nationalGoals[0] ?? null });
            },
            onMove,
            onDelete: (goal: LocalGoal) => setDeleting(goal),
          }
        : null,
    [isBoard, onMove],
  );

  const onToggle = useCallback((goalId: string) => setSelection((s) => toggled(s, goalId)), []);
  const onToggleMany = useCallback((goalIds: readonly string[], on: boolean) => setSelection((s) => withAll(s, goalIds, on)), []);
  const sectionSelection = useMemo<SectionSelection | null>(
    () => (isBoard && selecting ? { selected: selection, onToggle, onToggleMany } : null),
    [isBoard, selecting, selection, onToggle, onToggleMany],
  );
  // Goals hidden while their delete waits are not counted, nor acted on.
  const chosen = useMemo(() => selectedGoals(goals, selection), [goals, selection]);

  // Moving a row in the DOM can drop focus; put it back on the button that was pressed.
  useEffect(() => {
    if (!focusAfter.current) return;
    const el = document.querySelector<HTMLElement>(focusAfter.current);
    if (el && document.activeElement !== el) el.focus();
    focusAfter.current = null;
  });

  const undoRef = useRef<HTMLButtonElement>(null);
  const latestPending = pending[pending.length - 1];
  useEffect(() => {
    if (latestPending) undoRef.current?.focus();
  }, [latestPending]);
  const hadPending = useRef(false);
  useEffect(() => {
    // When the undo bar goes away with focus inside it, focus returns to the page heading.
    if (hadPending.current && pending.length === 0 && (document.activeElement === document.body || !document.activeElement)) headingRef.current?.focus();
    hadPending.current = pending.length > 0;
  }, [pending.length]);

  if (plan.isLoading) return <LoadingView />;
  if (plan.error) return <ErrorView error={plan.error} onRetry={() => void plan.refetch()} />;

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

  const closeEditor = (result: EditorResult) => {
    setEditor(null);
    if (result === 'saved') setNotice({ key: 'goal.saved', intent: 'success' });
    if (result === 'created') setNotice({ key: 'planEdit.created', intent: 'success' });
  };

  // An area the filters leave empty stays mounted, hidden, so that clearing the search mounts nothing.
  const areaHidden = (area: Area): boolean => active && (byArea.get(area.id)?.length ?? 0) === 0;
  const unplacedAll = goalsWithoutArea(snapshot.areas, goals);
  const unplacedShown = active ? goalsWithoutArea(snapshot.areas, shownGoals) : unplacedAll;
  // Large plans (a county's plans together) render only the goal cards near the viewport.
  const windowed = goals.length > WINDOWED_ABOVE;
  const unplacedArea: Area = { id: UNPLACED_AREA_ID, planId: snapshot.plan.id, number: 0, title: t('plan.notPlaced'), nationalGoals: [], strategies: [] };

  return (
    <main className={mergeClasses(styles.page, prefs.view === 'table' && styles.wide)} aria-busy={plan.isFetching}>
      <header className={styles.header}>
        <Caption1 className={styles.muted}>{snapshot.plan.union}</Caption1>
        <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
          {t('plan.heading', { from: String(snapshot.plan.periodFrom), to: String(snapshot.plan.periodTo) })}
        </h1>
        <Caption1>
          {snapshot.plan.adoptedDate ? `${t('plan.adopted', { date: formatDate(snapshot.plan.adoptedDate) })} · ` : ''}
          {t('plan.goalsCount', { count: goals.length })} · {t('role.label', { role: t(isBoard ? 'role.board' : 'role.steward') })}
        </Caption1>
      </header>
      <div aria-live="polite" className={styles.messages}>
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{t(notice.key)}</MessageBarBody>
            <MessageBarActions
              containerAction={<Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('planEdit.dismiss')} onClick={() => setNotice(null)} />}
            />
          </MessageBar>
        )}
        {pending.map((p) => (
          <MessageBar key={p.goal.id} intent="info" data-pending-delete={p.goal.id}>
            <MessageBarBody>{t(p.deleteTasks ? 'plannerAssign.deleteTasks.pending' : 'planEdit.deleted')}</MessageBarBody>
            <MessageBarActions>
              <Button
                ref={p === latestPending ? undoRef : undefined}
                onClick={() => {
                  undo(p.goal.id);
                  focusAfter.current = `[data-goal-id="${p.goal.id}"] a`;
                  setNotice({ key: 'planEdit.restored', intent: 'success' });
                }}
              >
                {t('planEdit.undo')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ))}
      </div>
      {snapshot.issues.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('plan.dataIssues', { count: snapshot.issues.length })}</MessageBarBody>
        </MessageBar>
      )}
      <PlannerSyncBar teamId={teamId} />
      <PlanFilters filter={filter} onChange={setFilter} areas={snapshot.areas} owners={owners} shown={shownGoals.length} total={goals.length} />
      <div className={styles.viewBar}>
        <ViewSwitch view={prefs.view} panelId={panelId} onChange={(view) => setPrefs({ view })} />
      </div>
      {isBoard && prefs.view === 'cards' && (
        <SelectionToolbar
          selecting={selecting}
          count={chosen.length}
          onSelecting={(on) => {
            setSelecting(on);
            if (!on) setSelection(NO_SELECTION);
          }}
          onSelectOwnerless={() => setSelection(new Set(ownerlessIds(shownGoals)))}
          onClear={() => setSelection(NO_SELECTION)}
          onAssign={() => {
            setNotice(null);
            setAssigning(true);
          }}
        />
      )}
      {active && shownGoals.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t('planEdit.noMatches')}</MessageBarBody>
        </MessageBar>
      )}
      <div role="tabpanel" id={panelId} aria-labelledby={viewTabId(prefs.view)} className={styles.panel}>
        {prefs.view === 'table' ? (
          <Suspense fallback={<LoadingView />}>
            <PlanTable
              teamId={teamId}
              goals={shownGoals}
              areas={snapshot.areas}
              progress={progress}
              isBoard={isBoard}
              sort={prefs.sort}
              groupBy={prefs.groupBy}
              onSort={(sort) => setPrefs({ sort })}
              onGroupBy={(groupBy) => setPrefs({ groupBy })}
            />
          </Suspense>
        ) : (
          <>
            {snapshot.areas.map((area) => (
              <AreaSection
                key={area.id}
                area={area}
                hidden={areaHidden(area)}
                goalsLater={!complete && !firstPaint.areas.has(area.id)}
                goals={byArea.get(area.id) ?? EMPTY_GOALS}
                allGoals={allByArea.get(area.id) ?? EMPTY_GOALS}
                progress={progress}
                filtered={active}
                actions={actions}
                selection={sectionSelection}
                windowed={windowed}
              />
            ))}
            {unplacedShown.length > 0 && (
              <AreaSection
                area={unplacedArea}
                goals={unplacedShown}
                allGoals={unplacedAll}
                progress={progress}
                filtered={active}
                actions={actions}
                selection={sectionSelection}
                windowed={windowed}
                goalsLater={!complete && !firstPaint.unplaced}
                unplaced
              />
            )}
          </>
        )}
      </div>
      {/* The dialogs appear when their code has arrived (at once after the first time). */}
      <Suspense fallback={null}>
        {editor && (
          <GoalEditor teamId={teamId} planId={snapshot.plan.id} mode={editor} areas={snapshot.areas} goals={allGoals} onClose={closeEditor} />
        )}
        {deleting && (
          <DeleteGoalDialog
            goal={deleting}
            onCancel={() => setDeleting(null)}
            onConfirm={(deleteTasks) => {
              setNotice(null);
              remove(deleting, { deleteTasks, binding: snapshot.plan.planner ?? null });
              setDeleting(null);
            }}
          />
        )}
        {assigning && isBoard && chosen.length > 0 && (
          <AssignTasksDialog
            teamId={teamId}
            port={planner}
            snapshot={snapshot}
            goals={chosen}
            onClose={(report: CreateTasksReport | null) => {
              setAssigning(false);
              // What did not get its task stays selected, to try again.
              if (report) setSelection(new Set(report.failed.map((f) => f.goalId)));
            }}
          />
        )}
      </Suspense>
    </main>
  );
}

/** The section of goals whose area is gone (never an id SharePoint gives an item). */
const UNPLACED_AREA_ID = 'not-placed';

function groupByArea(goals: readonly LocalGoal[]): Map<string, LocalGoal[]> {
  const map = new Map<string, LocalGoal[]>();
  for (const g of goals) {
    const list = map.get(g.areaId);
    if (list) list.push(g);
    else map.set(g.areaId, [g]);
  }
  return map;
}

function reuseLists(previous: ReadonlyMap<string, LocalGoal[]>, next: Map<string, LocalGoal[]>): Map<string, LocalGoal[]> {
  for (const [key, list] of next) {
    const old = previous.get(key);
    if (old && old.length === list.length && old.every((g, i) => g === list[i])) next.set(key, old);
  }
  return next;
}
