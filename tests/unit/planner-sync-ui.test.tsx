// @vitest-environment jsdom
/**
 * The tab's side of the sync with Planner (issue 11): usePlannerSync (once per team per session,
 * only with a binding, never twice at once, the plan read again after it, failures as a state),
 * the plan view's sync bar (results in words, the board's conflicts and their resolution), the goal
 * page's Planner tasks and check-ins that came from Planner.
 */
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { conflictValue, PlannerSyncBar, syncSummary } from '../../src/components/planner-sync-bar';
import type { CheckIn, LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import type { PlannerPort, PlannerTaskView, SyncConflict, SyncReport } from '../../src/domain/planner-port';
import { AccessDeniedError, ConflictError, type TeamMember, type TeamRole } from '../../src/domain/ports';
import { CheckInList } from '../../src/features/goal-detail/components/check-in-list';
import { GoalDetailPage } from '../../src/features/goal-detail/components/goal-detail-page';
import { activityErrorReason, validateActivity } from '../../src/features/goal-detail/components/add-activity-form';
import { taskState } from '../../src/features/goal-detail/components/planner-tasks';
import { GoalCard } from '../../src/features/my-goals/goal-card';
import { TeamMyGoals } from '../../src/features/my-goals/my-goals-page';
import { goalProgress } from '../../src/domain/progress';
import { usePlannerSync } from '../../src/hooks/use-planner-sync';
import { type Language } from '../../src/i18n';
import { createI18n } from '../../src/i18n/catalogue';
import type { Services } from '../../src/lib/services';
import { renderWithServices, stubResizeObserver, testQueryClient } from '../support/render';

const TEAM = 'team-1';
const KARI: TeamMember = { id: '9eac2ecf-d749-5b51-ab14-7dcdf3193713', displayName: 'Kari Eide', role: 'board' };
const OLA: TeamMember = { id: '62aa6ed1-425b-56f2-8ed7-3664e9fd7083', displayName: 'Ola Nesse', role: 'steward' };
const OUTSIDER = 'fe749b0c-e061-5d52-b9e6-2d7c8fae8090';

const goal: LocalGoal = {
  id: '7',
  planId: '1',
  areaId: '2',
  nationalGoal: null,
  text: 'Fire medlemsmøter i året',
  kind: 'recurring',
  owners: [{ id: OLA.id, displayName: 'Ola Nesse' }],
  due: '2027-03-31',
  status: null,
  measure: null,
  recurrence: { count: 4, per: 'year' },
  tariffArea: null,
  sortOrder: 1,
  tasks: [{ taskId: 'task-main', main: true, base: null }],
  etag: '"1"',
};

function snapshotWith(options: { bound?: boolean; checkIns?: CheckIn[]; goals?: LocalGoal[] } = {}): PlanSnapshot {
  return {
    plan: {
      id: '1',
      union: 'Fagforbundet Test',
      periodFrom: 2026,
      periodTo: 2027,
      adoptedDate: null,
      language: 'nb',
      planner: options.bound === false ? null : { planId: 'plan-p', buckets: { '2': 'bucket-1' } },
    },
    areas: [{ id: '2', planId: '1', number: 1, title: 'Organisering', nationalGoals: [], strategies: [] }],
    goals: options.goals ?? [goal],
    checkIns: options.checkIns ?? [],
    situation: [],
    comments: [],
    issues: [],
  };
}

const report = (over: Partial<SyncReport> = {}): SyncReport => ({
  state: 'synced',
  checkIns: 0,
  tasksUpdated: 0,
  goalsUpdated: 0,
  unlinked: 0,
  adopted: 0,
  conflicts: [],
  deferred: 0,
  failures: [],
  ...over,
});

const conflict: SyncConflict = { goalId: '7', goalText: goal.text, taskId: 'task-main', field: 'dueDay', goalValue: '2027-03-31', taskValue: '2027-05-05' };

interface Fake {
  services: Services;
  load: ReturnType<typeof vi.fn<() => Promise<PlanSnapshot | null>>>;
  port: { [K in keyof PlannerPort]: ReturnType<typeof vi.fn<PlannerPort[K]>> };
  contexts: Array<{ role: TeamRole; members: readonly TeamMember[] }>;
}

function fake(options: { me?: TeamMember; snapshot?: () => PlanSnapshot | null; sync?: PlannerPort['sync']; loadDelay?: number } = {}): Fake {
  const me = options.me ?? KARI;
  const load = vi.fn(async () => {
    if (options.loadDelay) await new Promise((r) => setTimeout(r, options.loadDelay));
    return options.snapshot ? options.snapshot() : snapshotWith();
  });
  const port = {
    preview: vi.fn<PlannerPort['preview']>(),
    createTasks: vi.fn<PlannerPort['createTasks']>(),
    sync: vi.fn<PlannerPort['sync']>(options.sync ?? (async () => report())),
    resolve: vi.fn<PlannerPort['resolve']>(async () => undefined),
    tasksOf: vi.fn<PlannerPort['tasksOf']>(async () => []),
    deleteTasksOf: vi.fn<PlannerPort['deleteTasksOf']>(),
    addActivity: vi.fn<PlannerPort['addActivity']>(),
  };
  const contexts: Fake['contexts'] = [];
  const services = {
    session: {
      user: { id: me.id, userPrincipalName: 'kari@example', displayName: me.displayName },
      team: { id: TEAM, displayName: 'Test' },
      today: () => '2026-12-02',
      deepLink: () => null,
      openDeepLink: async () => undefined,
    },
    directory: {
      me: async () => ({ id: me.id, displayName: me.displayName }),
      joinedTeams: async () => [],
      teamMembers: async () => [KARI, OLA],
      channels: async () => [],
    },
    planRepository: () => ({ load, goalHistory: async () => [] }),
    planImporter: () => {
      throw new Error('not used');
    },
    planner: (_teamId: string, context: { role: TeamRole; members: readonly TeamMember[] }) => {
      contexts.push(context);
      return port;
    },
  } as unknown as Services;
  return { services, load, port, contexts };
}

/** Renders in English unless told otherwise, with a new QueryClient unless one is shared. */
function wrap(services: Services, ui: ReactElement, language: Language = 'en', queryClient?: QueryClient) {
  return renderWithServices(ui, services, { language, queryClient });
}

beforeAll(stubResizeObserver);

afterEach(() => {
  cleanup();
});

const en = createI18n('en');

describe('syncSummary', () => {
  it('should say what the sync did in words', () => {
    expect(syncSummary(report({ checkIns: 2, tasksUpdated: 1 }), en.t)).toEqual({ lines: ['Synced with Planner: 2 new check-ins, 1 task updated'], tone: 'ok' });
    expect(syncSummary(report({ checkIns: 1, goalsUpdated: 3 }), en.t).lines).toEqual(['Synced with Planner: 1 new check-in, 3 goals updated']);
    expect(syncSummary(report(), en.t)).toEqual({ lines: ['Planner and the plan agree'], tone: 'ok' });
    expect(syncSummary(report({ state: 'unreachable' }), en.t)).toEqual({
      lines: ['The team’s Planner plan can no longer be reached (deleted, or converted to a premium plan)'],
      tone: 'error',
    });
  });

  it('should not say that both agree when the board has differences to settle or writes failed', () => {
    expect(syncSummary(report({ conflicts: [conflict] }), en.t)).toEqual({ lines: ['1 difference for the board to settle'], tone: 'warning' });
    const failed = syncSummary(report({ tasksUpdated: 1, deferred: 2, failures: [{ goalId: '7', error: new Error('x') }] }), en.t);
    expect(failed.lines).toEqual([
      'Synced with Planner: 1 task updated',
      '2 goals were changed meanwhile and are compared at the next sync',
      '1 change could not be written; sync again to retry',
    ]);
    expect(failed.tone).toBe('warning');
    expect(syncSummary(report({ checkIns: 2 }), createI18n('nb').t).lines).toEqual(['Synkronisert med Planner: 2 nye innrapporteringer']);
    expect(syncSummary(report({ checkIns: 2 }), createI18n('nn').t).lines).toEqual(['Synkronisert med Planner: 2 nye innrapporteringar']);
  });

  it('should give conflicting values as people read them', () => {
    expect(conflictValue('dueDay', '2027-03-31', [], en)).toBe('31 Mar 2027');
    expect(conflictValue('dueDay', null, [], en)).toBe('none');
    expect(conflictValue('assigneeIds', [KARI.id, OUTSIDER, OLA.id], [KARI, OLA], en)).toBe('Kari Eide, someone outside the team and Ola Nesse');
    expect(conflictValue('assigneeIds', [], [KARI], en)).toBe('nobody');
    expect(conflictValue('title', 'Møte', [], en)).toBe('Møte');
    expect(conflictValue('completed', true, [], en)).toBe('done');
    expect(conflictValue('completed', false, [], en)).toBe('not done');
  });
});

function SyncProbe({ teamId = TEAM }: { teamId?: string }) {
  const planner = usePlannerSync(teamId);
  return (
    <div>
      <span data-testid="syncing">{String(planner.syncing)}</span>
      <span data-testid="state">{planner.report?.state ?? (planner.error ? 'error' : 'none')}</span>
      <button onClick={() => void planner.sync()}>sync</button>
    </div>
  );
}

describe('usePlannerSync', () => {
  it('should sync once when a view opens with a bound plan, as the user\'s role with the team\'s members, and read the plan again after', async () => {
    const f = fake({ sync: async () => report({ checkIns: 1 }) });
    const client = testQueryClient();
    const view = wrap(f.services, <SyncProbe />, 'en', client);
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('synced'));
    expect(f.port.sync).toHaveBeenCalledTimes(1);
    expect(f.port.sync.mock.calls[0]?.[0].plan.planner?.planId).toBe('plan-p');
    expect(f.contexts[0]).toEqual({ role: 'board', members: [KARI, OLA] });
    // One load to open, one after the sync brought a check-in in.
    await waitFor(() => expect(f.load).toHaveBeenCalledTimes(2));

    // Another view opening (same session): no second sync.
    view.unmount();
    wrap(f.services, <SyncProbe />, 'en', client);
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('synced'));
    await new Promise((r) => setTimeout(r, 50));
    expect(f.port.sync).toHaveBeenCalledTimes(1);
  });

  it('should not read the plan again when the sync changed nothing in it', async () => {
    const f = fake({ sync: async () => report({ tasksUpdated: 2 }) });
    wrap(f.services, <SyncProbe />);
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('synced'));
    await new Promise((r) => setTimeout(r, 50));
    expect(f.load).toHaveBeenCalledTimes(1);
  });

  it('should run a steward\'s sync too, as a steward', async () => {
    const f = fake({ me: OLA });
    wrap(f.services, <SyncProbe />);
    await waitFor(() => expect(f.port.sync).toHaveBeenCalledTimes(1));
    expect(f.contexts[0]?.role).toBe('steward');
  });

  it('should not sync a plan without a Planner binding', async () => {
    const f = fake({ snapshot: () => snapshotWith({ bound: false }) });
    wrap(f.services, <SyncProbe />);
    await waitFor(() => expect(f.load).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 50));
    expect(f.port.sync).not.toHaveBeenCalled();
    expect(screen.getByTestId('state').textContent).toBe('none');
  });

  it('should never run twice at once: asking again while it runs joins the run', async () => {
    let finish: (r: SyncReport) => void = () => undefined;
    const f = fake({ sync: () => new Promise<SyncReport>((resolve) => (finish = resolve)) });
    wrap(f.services, <SyncProbe />);
    await waitFor(() => expect(screen.getByTestId('syncing').textContent).toBe('true'));
    await userEvent.click(screen.getByRole('button', { name: 'sync' }));
    await userEvent.click(screen.getByRole('button', { name: 'sync' }));
    expect(f.port.sync).toHaveBeenCalledTimes(1);
    finish(report());
    await waitFor(() => expect(screen.getByTestId('syncing').textContent).toBe('false'));
    // Asked again once it is done: a new run.
    await userEvent.click(screen.getByRole('button', { name: 'sync' }));
    await waitFor(() => expect(f.port.sync).toHaveBeenCalledTimes(2));
  });

  it('should read the plan as stored before a sync someone asked for, so that goals changed meanwhile are not deferred', async () => {
    let due = '2027-03-31';
    const f = fake({ snapshot: () => snapshotWith({ goals: [{ ...goal, due }] }) });
    wrap(f.services, <SyncProbe />);
    await waitFor(() => expect(f.port.sync).toHaveBeenCalledTimes(1));
    expect(f.port.sync.mock.calls[0]?.[0].goals[0]?.due).toBe('2027-03-31');
    due = '2027-04-30';
    await userEvent.click(screen.getByRole('button', { name: 'sync' }));
    await waitFor(() => expect(f.port.sync).toHaveBeenCalledTimes(2));
    expect(f.port.sync.mock.calls[1]?.[0].goals[0]?.due).toBe('2027-04-30');
  });

  it('should keep a failed sync as a state (the page goes on), and not retry it by itself', async () => {
    const f = fake({ sync: async () => Promise.reject(Object.assign(new Error('Service unavailable'), { status: 503 })), loadDelay: 30 });
    const client = testQueryClient();
    wrap(f.services, <SyncProbe />, 'en', client);
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('error'));
    // The plan read again (a check-in, another view): still no second sync of its own.
    await client.invalidateQueries({ queryKey: ['plan', TEAM] });
    await waitFor(() => expect(f.load).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(f.port.sync).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('state').textContent).toBe('error');
  });
});

describe('PlannerSyncBar', () => {
  it('should show the result and, for the board, each conflict with both values; keeping Planner\'s resolves it and syncs again', async () => {
    let call = 0;
    const f = fake({ sync: async () => (++call === 1 ? report({ checkIns: 2, tasksUpdated: 1, conflicts: [conflict] }) : report()) });
    wrap(f.services, <PlannerSyncBar teamId={TEAM} />);
    const bar = await screen.findByRole('region', { name: 'Sync with Planner' });
    const status = within(bar).getByRole('status');
    await waitFor(() => expect(status.textContent).toContain('Synced with Planner: 2 new check-ins, 1 task updated'));
    expect(status.textContent).toContain('1 difference for the board to settle');
    const item = within(bar).getByRole('listitem');
    expect(item.textContent).toContain('Fire medlemsmøter i året: due date — plan: 31 Mar 2027, Planner: 5 May 2027');
    expect(within(bar).getByRole('group', { name: 'Differences between the plan and Planner' })).toBeTruthy();
    within(item).getByRole('button', { name: 'Keep the plan’s due date (31 Mar 2027) for “Fire medlemsmøter i året”' });

    await userEvent.click(within(item).getByRole('button', { name: /^Keep Planner’s due date \(5 May 2027\)/ }));
    await waitFor(() => expect(f.port.resolve).toHaveBeenCalledTimes(1));
    expect(f.port.resolve.mock.calls[0]?.slice(1)).toEqual(['task-main', 'dueDay', 'planner']);
    expect(f.port.resolve.mock.calls[0]?.[0].id).toBe('7');
    await waitFor(() => expect(f.port.sync).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(status.textContent).toContain('Kept Planner’s due date for “Fire medlemsmøter i året”.'));
    expect(status.textContent).toContain('Planner and the plan agree');
    expect(within(bar).queryByRole('listitem')).toBeNull();
    // Focus does not get lost with the conflict's row: it is on the sync button.
    await waitFor(() => expect(document.activeElement).toBe(within(bar).getByRole('button', { name: 'Sync with Planner' })));
  });

  it('should say when the choice could not be saved because the goal changed meanwhile, and keep the conflict', async () => {
    const f = fake({ sync: async () => report({ conflicts: [conflict] }) });
    f.port.resolve.mockRejectedValue(new ConflictError('goal', '7'));
    wrap(f.services, <PlannerSyncBar teamId={TEAM} />);
    const bar = await screen.findByRole('region', { name: 'Sync with Planner' });
    await userEvent.click(await within(bar).findByRole('button', { name: /^Keep the plan’s due date/ }));
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toContain('The goal was changed by someone else meanwhile.'));
    expect(within(bar).getAllByRole('listitem')).toHaveLength(1);
  });

  it('should show stewards the result and the button, never conflicts', async () => {
    const f = fake({ me: OLA, sync: async () => report({ checkIns: 1, conflicts: [conflict] }) });
    wrap(f.services, <PlannerSyncBar teamId={TEAM} />, 'nb');
    const bar = await screen.findByRole('region', { name: 'Synkronisering med Planner' });
    await waitFor(() => expect(within(bar).getByRole('status').textContent).toContain('Synkronisert med Planner: 1 ny innrapportering'));
    expect(within(bar).queryByRole('listitem')).toBeNull();
    expect(within(bar).getByRole('button', { name: 'Synkroniser med Planner' })).toBeTruthy();
  });

  it('should say so when the Planner plan is gone, and when the sync failed', async () => {
    let call = 0;
    const f = fake({ sync: async () => (++call === 1 ? report({ state: 'unreachable' }) : Promise.reject(Object.assign(new Error('offline'), { status: 0 }))) });
    wrap(f.services, <PlannerSyncBar teamId={TEAM} />);
    const bar = await screen.findByRole('region', { name: 'Sync with Planner' });
    const status = within(bar).getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('The team’s Planner plan can no longer be reached (deleted, or converted to a premium plan)'));
    await userEvent.click(within(bar).getByRole('button', { name: 'Sync with Planner' }));
    await waitFor(() => expect(status.textContent).toMatch(/^The sync with Planner failed\. /));
  });

  it('should not be shown when the plan has no Planner binding', async () => {
    const f = fake({ snapshot: () => snapshotWith({ bound: false }) });
    const { container } = wrap(f.services, <PlannerSyncBar teamId={TEAM} />);
    await waitFor(() => expect(f.load).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(container.querySelector('section')).toBeNull();
  });
});

const taskView = (over: Partial<PlannerTaskView> = {}): PlannerTaskView => ({
  id: 'task-main',
  title: 'Fire medlemsmøter i året',
  main: true,
  percentComplete: 0,
  dueDay: '2027-03-31',
  assigneeIds: [OLA.id],
  checklistDone: 1,
  checklistTotal: 4,
  webUrl: 'https://tasks.office.com/tenant/Home/Task/task-main',
  ...over,
});

describe('goal page: Planner tasks and check-ins from Planner', () => {
  it('should list the goal\'s tasks with their state, assignees, due day, checklist and a link into Planner', async () => {
    const f = fake();
    f.port.tasksOf.mockResolvedValue([taskView({ percentComplete: 50 }), taskView({ id: 'task-2', title: 'Book the room', main: false, percentComplete: 100, assigneeIds: [], dueDay: null, checklistDone: 0, checklistTotal: 0, webUrl: 'https://tasks.office.com/t/Home/Task/task-2' })]);
    wrap(f.services, <GoalDetailPage teamId={TEAM} goalId="7" role="board" />);
    const section = await screen.findByRole('region', { name: 'Planner tasks' });
    const main = await within(section).findByRole('listitem', { name: 'Fire medlemsmøter i året' });
    expect(main.textContent).toContain('The goal’s own task');
    expect(main.textContent).toContain('State:In progress (50');
    expect(main.textContent).toContain('Assigned to:Ola Nesse');
    expect(main.textContent).toContain('Due:31 Mar 2027');
    expect(main.textContent).toContain('Checklist:1 of 4');
    const link = within(main).getByRole('link', { name: 'Open in Planner: Fire medlemsmøter i året (opens in a new window)' });
    expect(link.getAttribute('href')).toBe('https://tasks.office.com/tenant/Home/Task/task-main');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    const other = within(section).getByRole('listitem', { name: 'Book the room' });
    expect(other.textContent).toContain('Activity');
    expect(other.textContent).toContain('State:Completed');
    expect(other.textContent).toContain('Assigned to:Nobody');
    expect(other.textContent).toContain('Due:No due date');
    expect(other.textContent).toContain('Checklist:No checklist');
    expect(f.port.tasksOf).toHaveBeenCalledWith(expect.objectContaining({ id: '7' }), { planId: 'plan-p', buckets: { '2': 'bucket-1' } });
  });

  it('should show the error state with a retry when Planner cannot be read', async () => {
    const f = fake();
    f.port.tasksOf.mockRejectedValueOnce(Object.assign(new Error('throttled'), { status: 429 })).mockResolvedValue([taskView()]);
    wrap(f.services, <GoalDetailPage teamId={TEAM} goalId="7" role="steward" />);
    const section = await screen.findByRole('region', { name: 'Planner tasks' });
    await userEvent.click(await within(section).findByRole('button', { name: 'Try again' }));
    expect(await within(section).findByRole('listitem', { name: 'Fire medlemsmøter i året' })).toBeTruthy();
  });

  it('should leave the section out for a goal without tasks or a plan without a binding', async () => {
    const f = fake({ snapshot: () => snapshotWith({ goals: [{ ...goal, tasks: [] }] }) });
    wrap(f.services, <GoalDetailPage teamId={TEAM} goalId="7" role="board" />);
    await screen.findByRole('heading', { level: 1, name: goal.text });
    expect(screen.queryByRole('region', { name: 'Planner tasks' })).toBeNull();
    cleanup();
    const g = fake({ snapshot: () => snapshotWith({ bound: false }) });
    wrap(g.services, <GoalDetailPage teamId={TEAM} goalId="7" role="board" />);
    await screen.findByRole('heading', { level: 1, name: goal.text });
    expect(screen.queryByRole('region', { name: 'Planner tasks' })).toBeNull();
    expect(g.port.tasksOf).not.toHaveBeenCalled();
  });

  it('should name who did it in Planner besides the author, or someone in Planner', () => {
    const checkIns: CheckIn[] = [
      { id: '1', planId: '1', goalId: '7', date: '2026-12-01', value: 1, comment: 'Huket av i Planner', author: { id: KARI.id, displayName: 'Kari Eide' }, via: { taskId: 'task-main', actor: { id: OLA.id, displayName: 'Ola Nesse' } } },
      { id: '2', planId: '1', goalId: '7', date: '2026-11-01', value: 1, comment: '', author: { id: OLA.id, displayName: 'Ola Nesse' }, via: { taskId: 'task-main', actor: null } },
      { id: '3', planId: '1', goalId: '7', date: '2026-10-01', value: 1, comment: '', author: { id: OLA.id, displayName: 'Ola Nesse' } },
    ];
    wrap(fake().services, <CheckInList goal={goal} checkIns={checkIns} />, 'nb');
    const items = screen.getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Kari Eide · via Planner, av Ola Nesse');
    expect(items[1]?.textContent).toContain('Ola Nesse · via Planner, av noen i Planner');
    expect(items[2]?.textContent).not.toContain('Planner');
  });

  it('should say on My goals when the last check-in came from Planner', () => {
    const checkIns: CheckIn[] = [
      { id: '1', planId: '1', goalId: '7', date: '2026-12-01', value: 1, comment: '', author: { id: KARI.id, displayName: 'Kari Eide' }, via: { taskId: 'task-main', actor: { id: OLA.id, displayName: 'Ola Nesse' } } },
    ];
    const snapshot = snapshotWith({ checkIns });
    const progress = goalProgress(goal, checkIns, snapshot.plan, '2026-12-02');
    wrap(fake().services, <ul><GoalCard teamId={TEAM} goal={goal} progress={progress} waiting={0} /></ul>, 'nn');
    expect(screen.getByTestId('last-check-in').textContent).toBe('Sist rapportert 1. des. 2026 · via Planner, av Ola Nesse');
  });

  it('should sync when My goals opens', async () => {
    const f = fake({ me: OLA });
    wrap(f.services, <TeamMyGoals team={{ id: TEAM, displayName: 'Test', description: '' }} />);
    await waitFor(() => expect(f.port.sync).toHaveBeenCalledTimes(1));
  });
});

describe('goal page: the board adds an activity', () => {
  const activityView = taskView({ id: 'task-activity', title: 'Medlemsmøte i mars', main: false, dueDay: '2027-03-15', checklistDone: 0, checklistTotal: 0, webUrl: 'https://tasks.office.com/t/Home/Task/task-activity' });

  it('should add the activity with the trimmed title and the due day, as the board, then read the plan and the tasks again', async () => {
    let added = false;
    const f = fake({ snapshot: () => snapshotWith({ goals: [{ ...goal, tasks: [...(goal.tasks ?? []), ...(added ? [{ taskId: 'task-activity', main: false, base: null }] : [])] }] }) });
    f.port.tasksOf.mockImplementation(async (g) => [taskView(), ...(g.tasks?.some((l) => l.taskId === 'task-activity') ? [activityView] : [])]);
    f.port.addActivity.mockImplementation(async () => {
      added = true;
      return activityView;
    });
    wrap(f.services, <GoalDetailPage teamId={TEAM} goalId="7" role="board" />);
    const section = await screen.findByRole('region', { name: 'Planner tasks' });
    await within(section).findByRole('listitem', { name: 'Fire medlemsmøter i året' });
    const form = within(section).getByRole('form', { name: 'Add an activity' });
    await waitFor(() => expect(within(form).getByTestId('activity-assignees').textContent).toBe('Assigned to the goal’s owners: Ola Nesse'));
    const title = within(form).getByRole('textbox', { name: /^Activity title/ });
    expect((title as HTMLInputElement).required).toBe(true);
    const loads = f.load.mock.calls.length;
    const reads = f.port.tasksOf.mock.calls.length;

    await userEvent.type(title, '  Medlemsmøte i mars  ');
    await userEvent.type(within(form).getByLabelText('Due date (optional)'), '2027-03-15');
    await userEvent.click(within(form).getByRole('button', { name: 'Add activity' }));

    await waitFor(() => expect(f.port.addActivity).toHaveBeenCalledTimes(1));
    const [sentGoal, binding, activity] = f.port.addActivity.mock.calls[0] ?? [];
    expect(sentGoal?.id).toBe('7');
    expect(binding).toEqual({ planId: 'plan-p', buckets: { '2': 'bucket-1' } });
    expect(activity).toEqual({ title: 'Medlemsmøte i mars', dueDay: '2027-03-15', assigneeIds: [] });
    expect(f.contexts.at(-1)?.role).toBe('board');

    // The list shows it (read again with the goal's new link), as an activity; the plan was read again.
    const item = await within(section).findByRole('listitem', { name: 'Medlemsmøte i mars' });
    expect(item.textContent).toContain('Activity');
    expect(item.textContent).toContain('Due:15 Mar 2027');
    expect(f.load.mock.calls.length).toBeGreaterThan(loads);
    expect(f.port.tasksOf.mock.calls.length).toBeGreaterThan(reads);
    expect(f.port.tasksOf.mock.calls.at(-1)?.[0].tasks?.map((l) => l.taskId)).toEqual(['task-main', 'task-activity']);
    await waitFor(() => expect(within(form).getByRole('status').textContent).toBe('Added the activity “Medlemsmøte i mars” in Planner.'));
    // The form is empty again, with focus in its first field for the next one.
    expect((title as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText('Due date (optional)') as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(title);
  });

  it('should send nothing without a title or with one too long, and say why on the field', async () => {
    const f = fake();
    f.port.tasksOf.mockResolvedValue([taskView()]);
    wrap(f.services, <GoalDetailPage teamId={TEAM} goalId="7" role="board" />);
    const form = await screen.findByRole('form', { name: 'Add an activity' });
    const title = within(form).getByRole('textbox', { name: /^Activity title/ });
    await userEvent.type(title, '   ');
    await userEvent.click(within(form).getByRole('button', { name: 'Add activity' }));
    const message = await within(form).findByText('Enter a title for the activity.');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(document.activeElement).toBe(title);

    await userEvent.clear(title);
    await userEvent.click(title);
    await userEvent.paste('x'.repeat(256));
    await userEvent.click(within(form).getByRole('button', { name: 'Add activity' }));
    expect(await within(form).findByText('The title can be at most 255 characters long; it is 256 now.')).toBeTruthy();
    expect(f.port.addActivity).not.toHaveBeenCalled();
  });

  it('should send it once however often it is submitted while it is being added', async () => {
    let finish: (task: PlannerTaskView) => void = () => undefined;
    const f = fake();
    f.port.tasksOf.mockResolvedValue([taskView()]);
    f.port.addActivity.mockImplementation(() => new Promise<PlannerTaskView>((resolve) => (finish = resolve)));
    wrap(f.services, <GoalDetailPage teamId={TEAM} goalId="7" role="board" />);
    const form = await screen.findByRole('form', { name: 'Add an activity' });
    await userEvent.type(within(form).getByRole('textbox', { name: /^Activity title/ }), 'Medlemsmøte i mars{Enter}{Enter}');
    const busy = await within(form).findByRole('button', { name: 'Adding the activity …' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(busy);
    expect(f.port.addActivity).toHaveBeenCalledTimes(1);
    expect(f.port.addActivity.mock.calls[0]?.[2]).toEqual({ title: 'Medlemsmøte i mars', dueDay: null, assigneeIds: [] });
    finish(taskView({ id: 'task-activity', title: 'Medlemsmøte i mars', main: false }));
    expect(await within(form).findByRole('button', { name: 'Add activity' })).toBeTruthy();
  });

  it('should say in words why Planner refused it, and keep what was typed', async () => {
    const f = fake();
    f.port.tasksOf.mockResolvedValue([taskView()]);
    f.port.addActivity.mockRejectedValueOnce(Object.assign(new Error('Forbidden'), { status: 403 }));
    wrap(f.services, <GoalDetailPage teamId={TEAM} goalId="7" role="board" />, 'nb');
    const form = await screen.findByRole('form', { name: 'Legg til en aktivitet' });
    const title = within(form).getByRole('textbox', { name: /^Tittel på aktiviteten/ });
    await userEvent.type(title, 'Medlemsmøte i mars');
    await userEvent.click(within(form).getByRole('button', { name: 'Legg til aktivitet' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('Microsoft Planner avviste den nye oppgaven: du har ikke lov til å endre denne planen.');
    expect((title as HTMLInputElement).value).toBe('Medlemsmøte i mars');
    expect(within(form).getByRole('status').textContent).toBe('');
  });

  it('should not offer stewards the form', async () => {
    const f = fake({ me: OLA });
    f.port.tasksOf.mockResolvedValue([taskView()]);
    wrap(f.services, <GoalDetailPage teamId={TEAM} goalId="7" role="steward" />);
    const section = await screen.findByRole('region', { name: 'Planner tasks' });
    await within(section).findByRole('listitem', { name: 'Fire medlemsmøter i året' });
    expect(within(section).queryByRole('form')).toBeNull();
    expect(within(section).queryByRole('textbox')).toBeNull();
  });

  it('should check the title and the due day', () => {
    expect(validateActivity('  Medlemsmøte  ', '')).toEqual({ activity: { title: 'Medlemsmøte', dueDay: null, assigneeIds: [] }, errors: {} });
    expect(validateActivity('Møte', '2028-02-29').activity?.dueDay).toBe('2028-02-29');
    expect(validateActivity(` ${'x'.repeat(255)} `, '').activity?.title).toHaveLength(255);
    expect(validateActivity('', '').errors).toEqual({ title: { key: 'plannerSync.activity.titleRequired' } });
    expect(validateActivity('x'.repeat(256), '').errors.title).toEqual({ key: 'plannerSync.activity.titleTooLong', params: { max: 255, count: 256 } });
    for (const day of ['2027-02-30', '2027-13-01', '15.03.2027', '2027-3-15']) expect(validateActivity('Møte', day).errors).toEqual({ dueDay: { key: 'plannerSync.activity.dueInvalid' } });
    expect(validateActivity('Møte', '', true).activity).toBeNull();
  });

  it('should give each failure its translated reason', () => {
    const limit = Object.assign(new Error('limit'), { name: 'PlannerLimitError', limit: 'tasksInPlan', status: 403 });
    const say = (error: unknown) => {
      const reason = activityErrorReason(error);
      return en.t(reason.key, reason.params);
    };
    expect(say(limit)).toBe('Planner refused the new task: the team’s plan holds the most tasks Planner allows (9,000).');
    expect(say(Object.assign(new Error('limit'), { name: 'PlannerLimitError', limit: 'somethingNew', status: 403 }))).toBe('Microsoft Planner refused the new task.');
    expect(say(Object.assign(new Error('Forbidden'), { status: 403 }))).toBe('Microsoft Planner refused the new task: you may not change this plan.');
    expect(say(new AccessDeniedError('goal', '7'))).toBe('Only the board (the team’s owners) may change the plan.');
    expect(say(new ConflictError('goal', '7'))).toBe('Someone changed the goal meanwhile. The activity is in Planner and is linked to the goal at the next sync.');
    expect(say(Object.assign(new Error('offline'), { status: 0 }))).toBe('Microsoft 365 could not be reached. Check your connection and try again.');
    expect(say(new TypeError('Failed to fetch'))).toBe('Microsoft 365 could not be reached. Check your connection and try again.');
    expect(say(Object.assign(new Error('busy'), { status: 429 }))).toBe('Microsoft 365 is busy right now. Wait a moment and try again.');
    expect(say(Object.assign(new Error('gone'), { status: 404 }))).toBe('The goal or the team’s Planner plan was deleted meanwhile.');
    expect(say(new Error('?'))).toBe('The activity could not be added. Try again.');
  });
});

describe('taskState', () => {
  it('should read Planner\'s three states from the percentage', () => {
    expect([0, 1, 50, 99, 100].map(taskState)).toEqual(['notStarted', 'inProgress', 'inProgress', 'inProgress', 'completed']);
  });
});
