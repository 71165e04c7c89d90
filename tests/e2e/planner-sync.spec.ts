/**
 * Both ways with Planner (issue 11), end to end through the local Teams host: a steward does the
 * work in Planner (the host's Planner view: ticks an occurrence of a recurring goal, completes a
 * milestone's task) and sees the goals' progress move when the tab opens, as check-ins 'via
 * Planner'; the board's sync adopts the tasks that refer to the goals, shows the goal's Planner
 * tasks on the goal page, and settles a conflict (both sides changed the due date) with
 * "Keep Planner's", which Graph then holds; then adds an activity to the goal on its page (a task of
 * its own in Planner with the goal's reference, linked to the goal as an activity).
 *
 * Own data: two goals this spec creates in Fagforbundet Asker (no other spec's goals) and a Planner
 * plan of its own, bound to Asker's plan only while this file runs (afterAll removes the binding,
 * the goals and the Planner plan again, so no later spec meets a sync bar or a sync).
 * The tasks are made as the app makes them (the domain's taskForGoal, the adapter's pure bodies and
 * the goal's reference key); only the plan's binding is written, never the goals' links: the sync
 * finds each goal's task by its reference (adoption).
 */
import { expect, test, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { demoPerson, demoTeam } from '../../emulator/seed/demo-tenant';
import { createTaskBody, detailsBody, goalReferenceUrl, referenceKey } from '../../src/adapters/planner/planner-resources';
import type { LocalGoal } from '../../src/domain/plan';
import { taskForGoal, type TaskDraft } from '../../src/domain/planner';
import { DEV_TEAMS_APP_ID } from '../../scripts/dev-stack';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorOrigin, repositoryAs } from './support/graph';
import { openTab } from './support/host';

test.describe.configure({ mode: 'serial' });

const TEAM = demoTeam('asker');
/** Board member (team owner). */
const BOARD = 'camilla.berg@org365.example';
/** Steward (team member, not owner) who owns both goals and does the work in Planner. */
const STEWARD = 'linda.strand@org365.example';
const LINDA = demoPerson(STEWARD);

type Json = Record<string, unknown>;

/** Graph on the emulator as `upn` (the dev token), straight from the test process. */
function graphAs(api: APIRequestContext, upn: string) {
  const base = `${emulatorOrigin()}/v1.0`;
  return async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, etag?: string): Promise<Json> => {
    const headers: Record<string, string> = { Authorization: `Bearer dev:${upn}`, Accept: 'application/json' };
    if (etag) headers['If-Match'] = etag;
    const response = await api.fetch(`${base}${path}`, { method, headers, ignoreHTTPSErrors: true, ...(body === undefined ? {} : { data: body }) });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
    return response.status() === 204 ? {} : ((await response.json()) as Json);
  };
}

interface Seeded {
  readonly planItemId: string;
  readonly plannerPlanId: string;
  readonly plannerPlanTitle: string;
  readonly recurring: LocalGoal;
  readonly milestone: LocalGoal;
  readonly recurringTask: { id: string; draft: TaskDraft };
  readonly milestoneTask: { id: string; draft: TaskDraft };
}

let seeded: Seeded | null = null;

/** A goal's task as the app creates it: the task, then its details with the checklist and the reference back to the goal. */
async function createGoalTask(graph: ReturnType<typeof graphAs>, planId: string, bucketId: string, goal: LocalGoal): Promise<{ id: string; draft: TaskDraft }> {
  const draft = taskForGoal(goal, { year: 2026, occurrenceTitle: (n, total) => `Gang ${n} av ${total}` });
  const task = await graph('POST', '/planner/tasks', createTaskBody(planId, bucketId, draft));
  const id = task.id as string;
  const details = await graph('GET', `/planner/tasks/${id}/details`);
  const key = referenceKey(goalReferenceUrl(DEV_TEAMS_APP_ID, goal.id));
  await graph('PATCH', `/planner/tasks/${id}/details`, detailsBody(draft, key, 'Målet i handlingsplanen'), details['@odata.etag'] as string);
  return { id, draft };
}

test.beforeAll(async ({ playwright }) => {
  const api = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  try {
    const repo = repositoryAs(BOARD, TEAM.id);
    const snapshot = await repo.load();
    if (!snapshot) throw new Error('Asker has no plan');
    const area = snapshot.areas[0];
    if (!area) throw new Error('Asker has no areas');
    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const sortOrder = Math.max(0, ...snapshot.goals.map((g) => g.sortOrder)) + 1;
    const owners = [{ id: LINDA.id, displayName: LINDA.displayName, email: LINDA.mail }];
    // Work on both started with the period: what is expected of them must not depend on whether
    // this run crossed midnight after the demo plan was seeded (a goal added on a later day than
    // the plan starts that day, domain/progress.ts goalStart).
    const common = { planId: snapshot.plan.id, areaId: area.id, nationalGoal: null, owners, status: null, measure: null, tariffArea: null, start: `${snapshot.plan.periodFrom}-01-01` } as const;
    const recurring = await repo.createGoal({ ...common, text: `Fire medlemsmøter i året (e2e ${suffix})`, kind: 'recurring', due: '2027-03-31', recurrence: { count: 4, per: 'year' }, sortOrder });
    const milestone = await repo.createGoal({ ...common, text: `Streikekomité på plass (e2e ${suffix})`, kind: 'milestone', due: '2027-06-30', recurrence: null, sortOrder: sortOrder + 1 });

    const graph = graphAs(api, BOARD);
    const plannerPlanTitle = `Handlingsplan e2e ${suffix}`;
    const plan = await graph('POST', '/planner/plans', { container: { url: `https://graph.microsoft.com/v1.0/groups/${TEAM.id}` }, title: plannerPlanTitle });
    const plannerPlanId = plan.id as string;
    const bucket = await graph('POST', '/planner/buckets', { planId: plannerPlanId, name: area.title });
    const bucketId = bucket.id as string;
    const recurringTask = await createGoalTask(graph, plannerPlanId, bucketId, recurring);
    const milestoneTask = await createGoalTask(graph, plannerPlanId, bucketId, milestone);
    // The plan's binding only (a field PATCH of the plan item); the goals' links are left to the sync.
    await repo.updatePlan(snapshot.plan.id, { planner: { planId: plannerPlanId, buckets: { [area.id]: bucketId } } });
    seeded = { planItemId: snapshot.plan.id, plannerPlanId, plannerPlanTitle, recurring, milestone, recurringTask, milestoneTask };
  } finally {
    await api.dispose();
  }
});

test.afterAll(async ({ playwright }) => {
  if (!seeded) return;
  const api = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  try {
    const repo = repositoryAs(BOARD, TEAM.id);
    await repo.updatePlan(seeded.planItemId, { planner: null });
    await repo.deleteGoal(seeded.recurring.id);
    await repo.deleteGoal(seeded.milestone.id);
    const graph = graphAs(api, BOARD);
    const plan = await graph('GET', `/planner/plans/${seeded.plannerPlanId}`);
    await graph('DELETE', `/planner/plans/${seeded.plannerPlanId}`, undefined, plan['@odata.etag'] as string);
  } finally {
    await api.dispose();
  }
});

function data(): Seeded {
  if (!seeded) throw new Error('not seeded');
  return seeded;
}

/** The host's Planner view as `user`, on this spec's plan. */
async function openPlannerBoard(page: Page, user: string) {
  const params = new URLSearchParams({ user, team: TEAM.displayName, view: 'planner' });
  await page.goto(`/?${params.toString()}`);
  const board = page.locator('.planner-board');
  const heading = board.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(/^Planner: /);
  // The host offers a plan picker only when the team has more than one plan (other specs may add theirs).
  const picker = board.getByLabel('Plan', { exact: true });
  if (await picker.isVisible()) await picker.selectOption({ label: data().plannerPlanTitle });
  await expect(heading).toHaveText(`Planner: ${data().plannerPlanTitle}`);
  return board;
}

function myGoalCard(tab: FrameLocator, goal: LocalGoal) {
  return tab.locator(`li[data-goal-id="${goal.id}"]`);
}

test('a steward ticks an occurrence and completes a task in Planner, and the goals move in the tab, via Planner', async ({ page }) => {
  const { recurring, milestone, recurringTask, milestoneTask } = data();

  // Before: nothing reported on either goal (the sync on opening finds nothing to bring in).
  let tab = await openTab(page, { user: STEWARD, team: TEAM.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'mine' });
  await expect(myGoalCard(tab, recurring).getByTestId('progress-text')).toHaveText(/^0 av 4 holdt i år/, { timeout: 30_000 });
  await expect(myGoalCard(tab, milestone).getByTestId('progress-text')).toHaveText(/^Ikke påbegynt; frist /);

  // In Planner (the host's Planner view, as the steward): the first occurrence ticked, the milestone's task completed.
  const board = await openPlannerBoard(page, STEWARD);
  const status = board.getByRole('status');
  const occurrence = recurringTask.draft.checklist[0]?.title as string;
  const recurringCard = board.getByRole('article', { name: recurringTask.draft.title });
  await recurringCard.getByRole('checkbox', { name: occurrence }).check();
  await expect(status).toHaveText(`Saved: “${occurrence}” ticked.`);
  await board.getByRole('article', { name: milestoneTask.draft.title }).getByRole('button', { name: `Complete: ${milestoneTask.draft.title}` }).click();
  await expect(status).toHaveText(`Saved: “${milestoneTask.draft.title}” completed.`);

  // The steward opens My goals again: the sync on opening brings both in, and the progress moves.
  tab = await openTab(page, { user: STEWARD, team: TEAM.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'mine' });
  const card = myGoalCard(tab, recurring);
  await expect(card.getByTestId('progress-text')).toHaveText(/^1 av 4 holdt i år/, { timeout: 30_000 });
  await expect(card.getByTestId('last-check-in')).toContainText('via Planner, av Linda Strand');
  await expect(myGoalCard(tab, milestone).getByTestId('progress-text')).toHaveText('Fullført');

  // Stored once each, authored by the steward (who synced) and naming who did it in Planner.
  const stored = (await repositoryAs(BOARD, TEAM.id).load())?.checkIns.filter((c) => c.goalId === recurring.id || c.goalId === milestone.id) ?? [];
  expect(stored.map((c) => ({ goalId: c.goalId, value: c.value, author: c.author?.id, taskId: c.via?.taskId, actor: c.via?.actor?.id })).sort((a, b) => a.goalId.localeCompare(b.goalId))).toEqual(
    [
      { goalId: recurring.id, value: 1, author: LINDA.id, taskId: recurringTask.id, actor: LINDA.id },
      { goalId: milestone.id, value: 1, author: LINDA.id, taskId: milestoneTask.id, actor: LINDA.id },
    ].sort((a, b) => a.goalId.localeCompare(b.goalId)),
  );
  // A steward's sync writes no goal (the goals list is the board's): the links wait for the board.
  const goal = await repositoryAs(BOARD, TEAM.id).getGoal(recurring.id);
  expect(goal.tasks ?? []).toEqual([]);
});

test('the board syncs on opening, settles a conflict with "Keep Planner\'s", sees the goal\'s Planner tasks and adds an activity', async ({ page, request }) => {
  const { recurring, recurringTask } = data();
  const repo = repositoryAs(BOARD, TEAM.id);

  // Opening the plan: the board's sync adopts both tasks (the goals' links are written).
  const tab = await openTab(page, { user: BOARD, team: TEAM.displayName, locale: 'en-US', view: 'tab', subEntityId: 'plan' });
  const bar = tab.getByRole('region', { name: 'Sync with Planner' });
  const status = bar.getByRole('status');
  await expect(status).toHaveText('Synced with Planner: 2 goals updated', { timeout: 30_000 });
  expect((await repo.getGoal(recurring.id)).tasks).toEqual([
    { taskId: recurringTask.id, main: true, base: { title: recurringTask.draft.title, dueDay: '2027-03-31', assigneeIds: [LINDA.id], completed: false } },
  ]);

  // Both sides change the due date differently: the plan (through Graph, as another board
  // member's edit) and the task in Planner.
  const fresh = await repo.getGoal(recurring.id);
  await repo.updateGoal(recurring.id, { due: '2027-04-30' }, { ifMatch: fresh.etag ?? null });
  const graph = graphAs(request, STEWARD);
  const task = await graph('GET', `/planner/tasks/${recurringTask.id}`);
  await graph('PATCH', `/planner/tasks/${recurringTask.id}`, { dueDateTime: '2027-05-05T12:00:00Z' }, task['@odata.etag'] as string);

  // Sync on demand: the conflict, with both values, and nothing written on either side.
  const syncButton = bar.getByRole('button', { name: 'Sync with Planner' });
  await syncButton.click();
  await expect(status).toHaveText('1 difference for the board to settle');
  const conflict = bar.getByRole('listitem');
  await expect(conflict).toHaveText(new RegExp(`^${escape(recurring.text)}: due date — plan: 30 Apr 2027, Planner: 5 May 2027`));
  await expect(bar.getByRole('group', { name: 'Differences between the plan and Planner' })).toBeVisible();
  expect((await repo.getGoal(recurring.id)).due).toBe('2027-04-30');
  await expectNoSeriousA11yViolations(page);

  const keepPlanner = conflict.getByRole('button', { name: `Keep Planner’s due date (5 May 2027) for “${recurring.text}”` });
  await expect(conflict.getByRole('button', { name: `Keep the plan’s due date (30 Apr 2027) for “${recurring.text}”` })).toBeVisible();
  await keepPlanner.click();
  await expect(status.locator('p')).toHaveText([`Kept Planner’s due date for “${recurring.text}”.`, 'Planner and the plan agree']);
  await expect(bar.getByRole('listitem')).toHaveCount(0);
  await expect(syncButton).toBeFocused();
  // Graph holds Planner's due date on the goal; the task kept it.
  const settled = await repo.getGoal(recurring.id);
  expect(settled.due).toBe('2027-05-05');
  expect(settled.tasks?.[0]?.base?.dueDay).toBe('2027-05-05');
  expect((await graph('GET', `/planner/tasks/${recurringTask.id}`)).dueDateTime).toBe('2027-05-05T12:00:00Z');

  // The goal page: its Planner task as it is in Planner now, and the check-in that came from there.
  const goalTab = await openTab(page, { user: BOARD, team: TEAM.displayName, locale: 'en-US', view: 'tab', subEntityId: `goal:${recurring.id}` });
  await expect(goalTab.getByRole('heading', { level: 1 })).toHaveText(recurring.text, { timeout: 30_000 });
  const section = goalTab.getByRole('region', { name: 'Planner tasks' });
  const item = section.getByRole('listitem', { name: recurringTask.draft.title });
  await expect(item).toContainText('The goal’s own task');
  await expect(item).toContainText('State:Not started');
  await expect(item).toContainText('Assigned to:Linda Strand');
  await expect(item).toContainText('Due:5 May 2027');
  await expect(item).toContainText('Checklist:1 of 4');
  const open = item.getByRole('link', { name: `Open in Planner: ${recurringTask.draft.title} (opens in a new window)` });
  await expect(open).toHaveAttribute('href', new RegExp(`/Home/Task/${recurringTask.id}$`));
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', /noopener/);
  const checkIns = goalTab.getByRole('region', { name: 'Check-ins' });
  await expect(checkIns.locator('li[data-via-planner]')).toHaveCount(1);
  await expect(checkIns.locator('li[data-via-planner]')).toContainText('Linda Strand · via Planner, by Linda Strand');
  await expectNoSeriousA11yViolations(page);

  // The board adds an activity to the goal on its page: a task of its own, assigned to the goal's owners.
  const { plannerPlanId } = data();
  const form = section.getByRole('form', { name: 'Add an activity' });
  await expect(form.getByTestId('activity-assignees')).toHaveText('Assigned to the goal’s owners: Linda Strand');
  const activityTitle = form.getByRole('textbox', { name: /^Activity title/ });
  await activityTitle.fill('  Medlemsmøte i mars ');
  await form.getByLabel('Due date (optional)').fill('2027-03-15');
  await form.getByRole('button', { name: 'Add activity' }).click();
  await expect(form.getByRole('status')).toHaveText('Added the activity “Medlemsmøte i mars” in Planner.', { timeout: 30_000 });
  await expect(activityTitle).toBeFocused();
  await expect(activityTitle).toHaveValue('');
  const activity = section.getByRole('listitem', { name: 'Medlemsmøte i mars' });
  await expect(activity).toContainText('Activity');
  await expect(activity).toContainText('Assigned to:Linda Strand');
  await expect(activity).toContainText('Due:15 Mar 2027');
  await expect(item).toContainText('The goal’s own task');
  await expectNoSeriousA11yViolations(page);
  // Graph: one task with that title in the plan, with the goal's reference, linked on the goal item as an activity.
  const boardGraph = graphAs(request, BOARD);
  const named = ((await boardGraph('GET', `/planner/plans/${plannerPlanId}/tasks`)).value as Json[]).filter((t) => t.title === 'Medlemsmøte i mars');
  expect(named).toHaveLength(1);
  const activityId = named[0]?.id as string;
  expect(named[0]?.dueDateTime).toBe('2027-03-15T12:00:00Z');
  expect(Object.keys((named[0]?.assignments as Json | undefined) ?? {})).toEqual([LINDA.id]);
  const details = await boardGraph('GET', `/planner/tasks/${activityId}/details`);
  expect(Object.keys((details.references as Json | undefined) ?? {})).toContain(referenceKey(goalReferenceUrl(DEV_TEAMS_APP_ID, recurring.id)));
  const links = (await repo.getGoal(recurring.id)).tasks ?? [];
  expect(links.map((l) => ({ taskId: l.taskId, main: l.main }))).toEqual([
    { taskId: recurringTask.id, main: true },
    { taskId: activityId, main: false },
  ]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
