// @vitest-environment jsdom
/**
 * The board's Planner action on the Plan screen (issue 11), with a stub Planner port: the dialog's
 * preview, owners for only the goals without one (two createTasks calls, the second from the plan
 * as stored after the first), one run per click, the summary with translated reasons, an
 * unreachable plan replaced on request; deleting a goal with its tasks, tasks first.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import type { CreateTasksReport, PlannerPort, TaskPreview } from '../../src/domain/planner-port';
import { AccessDeniedError, type TeamMember } from '../../src/domain/ports';
import { AssignTasksDialog } from '../../src/features/plan/components/assign-tasks-dialog';
import { DeleteGoalDialog } from '../../src/features/plan/components/delete-goal-dialog';
import { UNDO_WINDOW_MS, useDeleteWithUndo, type DeleteOutcome } from '../../src/features/plan/use-plan-mutations';
import { I18nProvider } from '../../src/i18n';
import { createI18n } from '../../src/i18n/catalogue';
import { ServicesProvider, type Services } from '../../src/lib/services';
import { makeGoal } from '../support/factories';
import { renderWithServices, stubResizeObserver } from '../support/render';

const TEAM = 'team-1';
const KARI: TeamMember = { id: 'kari-id', displayName: 'Kari Eide', email: 'kari@example.org', role: 'board' };
const OLA: TeamMember = { id: 'ola-id', displayName: 'Ola Nesse', role: 'steward' };

const free = makeGoal('1', { text: 'Verve 40 nye medlemmer', areaId: 'a1' });
const owned = makeGoal('2', { text: 'Fire medlemsmøter', areaId: 'a1', owners: [{ id: OLA.id, displayName: OLA.displayName }] });

function snapshotWith(goals: LocalGoal[] = [free, owned], planner: PlanSnapshot['plan']['planner'] = null): PlanSnapshot {
  return {
    plan: { id: 'p', union: 'Fagforbundet Test', periodFrom: 2026, periodTo: 2027, adoptedDate: null, language: 'nb', planner },
    areas: [{ id: 'a1', planId: 'p', number: 1, title: 'Organisering', nationalGoals: [], strategies: [] }],
    goals,
    checkIns: [],
    situation: [],
    comments: [],
    issues: [],
  };
}

const previewOf = (over: Partial<TaskPreview> = {}): TaskPreview => ({
  createsPlan: true,
  newBuckets: ['Organisering'],
  tasks: [
    { goalId: '1', title: free.text, areaTitle: 'Organisering', assigneeIds: [], dueDay: '2027-03-31', checklistItems: 0 },
    { goalId: '2', title: owned.text, areaTitle: 'Organisering', assigneeIds: [OLA.id], dueDay: null, checklistItems: 4 },
  ],
  alreadyLinked: [],
  limits: [],
  ...over,
});

const reportOf = (over: Partial<CreateTasksReport> = {}): CreateTasksReport => ({ planId: 'plan-1', created: 1, existing: 0, failed: [], alreadyLinked: 0, ...over });

function stubPort(over: Partial<PlannerPort> = {}): PlannerPort {
  return {
    preview: vi.fn(async () => previewOf()),
    createTasks: vi.fn(async () => reportOf()),
    sync: vi.fn(),
    resolve: vi.fn(),
    tasksOf: vi.fn(async () => []),
    deleteTasksOf: vi.fn(async () => 1),
    ...over,
  } as PlannerPort;
}

function setup(port: PlannerPort, options: { snapshot?: PlanSnapshot; reloaded?: PlanSnapshot } = {}) {
  const snapshot = options.snapshot ?? snapshotWith();
  const load = vi.fn(async () => options.reloaded ?? snapshot);
  const services = {
    directory: { teamMembers: vi.fn(async () => [KARI, OLA]) },
    planRepository: () => ({ load }),
    planner: () => port,
  } as unknown as Services;
  const onClose = vi.fn();
  renderWithServices(<AssignTasksDialog teamId={TEAM} port={port} snapshot={snapshot} goals={snapshot.goals} onClose={onClose} />, services, { language: 'en' });
  return { onClose, load, snapshot };
}

beforeAll(stubResizeObserver);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('AssignTasksDialog', () => {
  it('should preview the tasks, give the owner to the goal without one only, and create in two calls', async () => {
    const port = stubPort({ createTasks: vi.fn(async (_s, ids: readonly string[]) => reportOf({ created: ids.length })) });
    const reloaded = snapshotWith([free, owned], { planId: 'plan-1', buckets: { a1: 'b1' } });
    const { load, snapshot, onClose } = setup(port, { reloaded });
    const dialog = await screen.findByRole('dialog', { name: 'Assign and create Planner tasks' });

    expect(await within(dialog).findByText('The team’s Planner plan “Handlingsplan 2026–2027” will be created first.')).toBeTruthy();
    expect(within(dialog).getByText('New buckets: Organisering')).toBeTruthy();
    const table = within(dialog).getByRole('table', { name: 'Tasks to create' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('No one');
    expect(rows[0]?.textContent).toContain('31 Mar 2027');
    expect(rows[1]?.textContent).toContain('Ola Nesse');
    expect(port.preview).toHaveBeenCalledWith(snapshot, ['1', '2'], null);

    // Kari, picked by typing, goes on the row of the goal without an owner only.
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Owners (optional)' }), 'Kari');
    await userEvent.click(await screen.findByRole('option', { name: /Kari Eide/ }));
    await waitFor(() => expect(rows[0]?.textContent).toContain('Kari Eide'));
    expect(rows[1]?.textContent).toContain('Ola Nesse');
    expect(rows[1]?.textContent).not.toContain('Kari Eide');
    expect((within(dialog).getByRole('radio', { name: 'the selected goals without an owner' }) as HTMLInputElement).checked).toBe(true);
    expect(port.preview).toHaveBeenCalledTimes(1);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Create 2 tasks' }));
    expect(await within(dialog).findByText('2 tasks created.')).toBeTruthy();
    expect(port.createTasks).toHaveBeenCalledTimes(2);
    expect(port.createTasks).toHaveBeenNthCalledWith(1, snapshot, ['1'], [expect.objectContaining({ id: KARI.id, displayName: 'Kari Eide' })], undefined);
    // The second call starts from the plan as stored after the first (its Planner binding).
    expect(load).toHaveBeenCalledTimes(1);
    expect(port.createTasks).toHaveBeenNthCalledWith(2, reloaded, ['2'], null, undefined);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledWith(expect.objectContaining({ created: 2 }));
  });

  it('should give the owners to every goal when asked, in one call', async () => {
    const port = stubPort();
    const { snapshot } = setup(port);
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('table');
    await userEvent.type(within(dialog).getByRole('combobox', { name: 'Owners (optional)' }), 'Kari');
    await userEvent.click(await screen.findByRole('option', { name: /Kari Eide/ }));
    await userEvent.click(within(dialog).getByRole('radio', { name: 'all selected goals' }));
    await waitFor(() => expect(within(dialog).getAllByText('Kari Eide').length).toBeGreaterThanOrEqual(2));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create 2 tasks' }));
    await within(dialog).findByText('1 task created.');
    expect(port.createTasks).toHaveBeenCalledTimes(1);
    expect(port.createTasks).toHaveBeenCalledWith(snapshot, ['1', '2'], [expect.objectContaining({ id: KARI.id })], undefined);
  });

  it('should run once however often Create is pressed, show progress, and report failures per goal in words', async () => {
    let finish: (report: CreateTasksReport) => void = () => undefined;
    const limitError = Object.assign(new Error('MaximumChecklistItemsOnTask'), { name: 'PlannerLimitError', limit: 'checklistItemsPerTask', status: 403 });
    const port = stubPort({ createTasks: vi.fn(() => new Promise<CreateTasksReport>((resolve) => (finish = resolve))) });
    setup(port);
    const dialog = await screen.findByRole('dialog');
    const create = await within(dialog).findByRole('button', { name: 'Create 2 tasks' });
    await userEvent.click(create);
    await userEvent.click(create);
    expect(within(dialog).getByText('Creating the tasks in Planner…')).toBeTruthy();
    expect(create.getAttribute('aria-disabled')).toBe('true');
    expect((within(dialog).getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () =>
      finish(
        reportOf({
          created: 0,
          existing: 1,
          alreadyLinked: 1,
          failed: [{ goalId: '1', error: limitError }],
        }),
      ),
    );
    expect(port.createTasks).toHaveBeenCalledTimes(1);
    expect(await within(dialog).findByText('0 tasks created.')).toBeTruthy();
    expect(within(dialog).getByText('1 task was in Planner already and is now linked to its goal.')).toBeTruthy();
    expect(within(dialog).getByText('1 goal had a task already.')).toBeTruthy();
    expect(within(dialog).getByText('Verve 40 nye medlemmer: A Planner task can have at most 20 checklist items.')).toBeTruthy();
  });

  it('should say that only the board may, when the run is refused, and let the board try again', async () => {
    const port = stubPort({ createTasks: vi.fn().mockRejectedValueOnce(new AccessDeniedError('goal', '1')).mockResolvedValue(reportOf({ created: 2 })) });
    setup(port);
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Create 2 tasks' }));
    expect(await within(dialog).findByText(/^Only the board \(the team’s owners\)/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create 2 tasks' }));
    expect(await within(dialog).findByText('2 tasks created.')).toBeTruthy();
  });

  it('should explain an unreachable Planner plan and create a new basic plan when asked', async () => {
    const unreachable = Object.assign(new Error('gone'), { name: 'PlannerPlanUnreachableError' });
    const port = stubPort({
      preview: vi.fn(async () => previewOf({ createsPlan: false })),
      createTasks: vi.fn().mockRejectedValueOnce(unreachable).mockResolvedValue(reportOf({ created: 2 })),
    });
    const { snapshot } = setup(port, { snapshot: snapshotWith([free, owned], { planId: 'old', buckets: {} }) });
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('The tasks go into the team’s Planner plan.')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create 2 tasks' }));
    expect(await within(dialog).findByText('The team’s Planner plan can no longer be reached')).toBeTruthy();
    expect(within(dialog).getByText(/converted to a premium plan, which the Planner API cannot reach/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create a new basic plan' }));
    expect(await within(dialog).findByText('2 tasks created.')).toBeTruthy();
    expect(port.createTasks).toHaveBeenLastCalledWith(snapshot, ['1', '2'], null, { newPlan: true });
  });

  it('should not let the board create what Planner would refuse, nor what exists already', async () => {
    const port = stubPort({ preview: vi.fn(async () => previewOf({ limits: ['tasksInPlan', 'bucketsInPlan'] })) });
    setup(port);
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Planner would refuse this')).toBeTruthy();
    expect(within(dialog).getByText(/at most 9,000 tasks/)).toBeTruthy();
    expect(within(dialog).getByText(/at most 200 buckets/)).toBeTruthy();
    const create = within(dialog).getByRole('button', { name: 'Create 2 tasks' });
    expect(create.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(create);
    expect(port.createTasks).not.toHaveBeenCalled();
  });

  it('should say when every selected goal has its task already', async () => {
    const port = stubPort({ preview: vi.fn(async () => previewOf({ tasks: [], newBuckets: [], createsPlan: false, alreadyLinked: ['1', '2'] })) });
    setup(port);
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('2 selected goals already have a task and are left out.')).toBeTruthy();
    expect(within(dialog).getByText(/there is nothing to create/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Create 0 tasks' }).getAttribute('aria-disabled')).toBe('true');
  });
});

describe('DeleteGoalDialog', () => {
  const renderDialog = (goal: LocalGoal, onConfirm: (deleteTasks: boolean) => void) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <I18nProvider i18n={createI18n('nb')}>
          <DeleteGoalDialog goal={goal} onConfirm={onConfirm} onCancel={() => undefined} />
        </I18nProvider>
      </FluentProvider>,
    );
  const linked = makeGoal('5', { text: 'Et mål med oppgaver', tasks: [{ taskId: 't1', main: true, base: null }, { taskId: 't2', main: false, base: null }] });

  it('should keep the tasks in Planner unless the board chooses to delete them', async () => {
    const onConfirm = vi.fn();
    renderDialog(linked, onConfirm);
    const dialog = await screen.findByRole('alertdialog', { name: 'Slette dette målet?' });
    expect(within(dialog).getByRole('radiogroup', { name: 'Målet har 2 oppgaver i Planner' })).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: 'Behold oppgavene i Planner' }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slett målet' }));
    expect(onConfirm).toHaveBeenLastCalledWith(false);
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Slett oppgavene i Planner også' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slett målet' }));
    expect(onConfirm).toHaveBeenLastCalledWith(true);
  });

  it('should not ask about tasks for a goal without any', async () => {
    const onConfirm = vi.fn();
    renderDialog(makeGoal('6'), onConfirm);
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).queryByRole('radio')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Slett målet' }));
    expect(onConfirm).toHaveBeenCalledWith(false);
  });
});

describe('useDeleteWithUndo with Planner tasks', () => {
  const linked = makeGoal('5', { etag: '"3"', tasks: [{ taskId: 't1', main: true, base: null }] });
  const binding = { planId: 'plan-1', buckets: {} };

  function hook(port: PlannerPort, deleteGoal = vi.fn(async () => undefined)) {
    const services = { planRepository: () => ({ deleteGoal }) } as unknown as Services;
    const queryClient = new QueryClient();
    const settled = vi.fn<(goal: LocalGoal, outcome: DeleteOutcome) => void>();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ServicesProvider services={services}>{children}</ServicesProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useDeleteWithUndo(TEAM, settled, port), { wrapper });
    return { result, settled, deleteGoal };
  }

  it('should delete the tasks first and then the goal, when the undo window closes', async () => {
    vi.useFakeTimers();
    const order: string[] = [];
    const port = stubPort({ deleteTasksOf: vi.fn(async () => (order.push('tasks'), 1)) });
    const { result, settled, deleteGoal } = hook(port, vi.fn(async () => void order.push('goal')));
    act(() => result.current.remove(linked, { deleteTasks: true, binding }));
    expect(result.current.pending[0]?.deleteTasks).toBe(true);
    await act(async () => vi.advanceTimersByTime(UNDO_WINDOW_MS));
    await vi.waitFor(() => expect(settled).toHaveBeenCalledWith(linked, 'deleted'));
    expect(order).toEqual(['tasks', 'goal']);
    expect(port.deleteTasksOf).toHaveBeenCalledWith(linked, binding);
    expect(deleteGoal).toHaveBeenCalledWith('5', { ifMatch: '"3"' });
  });

  it('should keep the goal when its tasks could not be deleted', async () => {
    vi.useFakeTimers();
    const port = stubPort({ deleteTasksOf: vi.fn(async () => Promise.reject(Object.assign(new Error('busy'), { status: 503 }))) });
    const { result, settled, deleteGoal } = hook(port);
    act(() => result.current.remove(linked, { deleteTasks: true, binding }));
    await act(async () => vi.advanceTimersByTime(UNDO_WINDOW_MS));
    await vi.waitFor(() => expect(settled).toHaveBeenCalledWith(linked, 'tasksFailed'));
    expect(deleteGoal).not.toHaveBeenCalled();
    expect(result.current.pending).toEqual([]);
  });

  it('should leave the tasks alone when the board keeps them, or undoes', async () => {
    vi.useFakeTimers();
    const port = stubPort();
    const { result, settled, deleteGoal } = hook(port);
    act(() => result.current.remove(linked, { deleteTasks: false, binding }));
    await act(async () => vi.advanceTimersByTime(UNDO_WINDOW_MS));
    await vi.waitFor(() => expect(settled).toHaveBeenCalledWith(linked, 'deleted'));
    expect(deleteGoal).toHaveBeenCalledTimes(1);
    act(() => result.current.remove(makeGoal('6', { tasks: [{ taskId: 't9', main: true, base: null }] }), { deleteTasks: true, binding }));
    act(() => result.current.undo('6'));
    await act(async () => vi.advanceTimersByTime(UNDO_WINDOW_MS * 2));
    expect(port.deleteTasksOf).not.toHaveBeenCalled();
    expect(deleteGoal).toHaveBeenCalledTimes(1);
  });
});
