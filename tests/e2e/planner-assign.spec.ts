/**
 * What the board does with Planner from the Plan screen (issue 11), in real Chromium through the
 * local Teams host against the e2e stack's emulator: Select mode, the quick selection of goals
 * without an owner plus one more goal, the dialog's owner picker and preview (the team's Planner
 * plan to be created, a row per task with its assignees, due day and checklist), the run and its
 * summary; then what is stored is read back through Graph (the team's plan, its tasks with their
 * assignees) and seen on the host's Planner board; finally a goal is deleted with its task.
 *
 * Own data: three goals whose text carries a tag unique to this run, in Fagforbundet Sør-Varanger;
 * the search narrows the list to them, so the quick selections see no one else's goals. The test
 * removes its goals, tasks and (when it created it) the Planner plan and the plan's link to it.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_TEAMS, demoPerson } from '../../emulator/seed/demo-tenant';
import type { LocalGoal, PlannerBinding } from '../../src/domain/plan';
import { newGoal } from '../support/factories';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorOrigin, repositoryAs } from './support/graph';
import { openTab } from './support/host';

const team = DEMO_TEAMS.find((t) => t.planKey === 'sor-varanger');
if (!team) throw new Error('demo team missing');
const BOARD = team.owners[0] as string;
/** The owner picked in the dialog (a steward of the team), and the owner one goal has already. */
const SIV = demoPerson('siv.isaksen@org365.example');
const JAN = demoPerson('jan.erik.hansen@org365.example');

type Json = Record<string, unknown>;

/** Graph on the emulator as `upn` (the dev token), straight from the test process. */
function graphAs(request: APIRequestContext, upn: string) {
  const base = `${emulatorOrigin()}/v1.0`;
  return async (method: 'GET' | 'DELETE', path: string, etag?: string): Promise<{ status: number; body: Json }> => {
    const headers: Record<string, string> = { Authorization: `Bearer dev:${upn}`, Accept: 'application/json' };
    if (etag) headers['If-Match'] = etag;
    const response = await request.fetch(`${base}${path}`, { method, headers, ignoreHTTPSErrors: true });
    const text = await response.text();
    return { status: response.status(), body: text ? (JSON.parse(text) as Json) : {} };
  };
}

async function openPlan(page: Page) {
  const tab = await openTab(page, { user: BOARD, team: team!.displayName, locale: 'en-US', view: 'tab', subEntityId: 'plan' });
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(tab.locator('li[data-goal-id]').first()).toBeVisible();
  return tab;
}

test('the board selects goals, assigns an owner and creates their Planner tasks; a goal is deleted with its task', async ({ page, request }) => {
  test.setTimeout(180_000);
  const graph = graphAs(request, BOARD);
  const repo = repositoryAs(BOARD, team.id);
  const before = await repo.load();
  if (!before) throw new Error('no plan');
  const bindingBefore: PlannerBinding | null = before.plan.planner ?? null;
  const [area1, area2] = before.areas as [(typeof before.areas)[number], (typeof before.areas)[number]];
  const tag = `pa${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  // Two goals without an owner (one recurring: a checklist item per meeting), one with an owner.
  const created: LocalGoal[] = [];
  let planIdAfter: string | null = null;
  try {
    const meetings = await repo.createGoal(
      newGoal({ planId: before.plan.id, areaId: area1.id, text: `Planner ${tag}: medlemsmøte på hver arbeidsplass`, kind: 'recurring', recurrence: { count: 4, per: 'year' }, due: '2027-03' }),
    );
    created.push(meetings);
    const shifts = await repo.createGoal(newGoal({ planId: before.plan.id, areaId: area2.id, text: `Planner ${tag}: tillitsvalgt på alle skift`, due: '2026-12-15' }));
    created.push(shifts);
    const recruit = await repo.createGoal(
      newGoal({ planId: before.plan.id, areaId: area1.id, text: `Planner ${tag}: verveaksjon i helse`, owners: [{ id: JAN.id, displayName: JAN.displayName, email: JAN.mail }] }),
    );
    created.push(recruit);

    const tab = await openPlan(page);
    // Only this run's goals are shown, so the quick selections act on them alone.
    await tab.getByRole('search', { name: 'Filter goals' }).getByRole('searchbox', { name: 'Search' }).fill(tag);
    await expect(tab.locator('li[data-goal-id]:visible')).toHaveCount(3);

    // Select mode, by keyboard.
    const toolbar = tab.getByRole('group', { name: 'Goals and Planner' });
    const select = toolbar.getByRole('button', { name: 'Select', exact: true });
    await expect(select).toHaveAttribute('aria-pressed', 'false');
    await select.focus();
    await page.keyboard.press('Enter');
    await expect(select).toHaveAttribute('aria-pressed', 'true');
    const status = toolbar.getByRole('status');
    await expect(status).toHaveText('0 goals selected');
    const assign = toolbar.getByRole('button', { name: 'Assign and create Planner tasks…' });
    await expect(assign).toHaveAttribute('aria-disabled', 'true');

    await toolbar.getByRole('button', { name: 'All goals without an owner' }).click();
    await expect(status).toHaveText('2 goals selected');
    await expect(tab.getByRole('checkbox', { name: meetings.text })).toBeChecked();
    await expect(tab.getByRole('checkbox', { name: shifts.text })).toBeChecked();
    const recruitBox = tab.getByRole('checkbox', { name: recruit.text });
    await expect(recruitBox).not.toBeChecked();
    // One more goal, with Space.
    await recruitBox.focus();
    await page.keyboard.press('Space');
    await expect(recruitBox).toBeChecked();
    await expect(status).toHaveText('3 goals selected');
    // 'Select all in this area' shows the area as fully selected.
    await expect(tab.locator(`section[data-area-id="${area1.id}"]`).getByRole('checkbox', { name: 'Select all in this area' })).toBeChecked();

    await assign.click();
    const dialog = tab.getByRole('dialog', { name: 'Assign and create Planner tasks' });
    await expect(dialog).toContainText('3 goals are selected.');
    const picker = dialog.getByRole('combobox', { name: 'Owners (optional)' });
    await picker.fill(SIV.givenName);
    // The picker's own option (the plan's owner filter behind the dialog is a native <select> whose
    // <option>s may name the same person once another spec has given them a goal).
    await tab.locator('div[role="option"]').filter({ hasText: SIV.displayName }).click();
    await expect(dialog.getByRole('listbox', { name: 'Chosen owners' }).getByRole('option')).toHaveText([new RegExp(SIV.displayName)]);
    await expect(dialog.getByRole('radio', { name: 'the selected goals without an owner' })).toBeChecked();

    // The preview: the plan (created unless the team has one), the buckets, a row per task.
    const planTitle = `Handlingsplan ${before.plan.periodFrom}–${before.plan.periodTo}`;
    if (bindingBefore) await expect(dialog).toContainText('The tasks go into the team’s Planner plan.');
    else await expect(dialog).toContainText(`The team’s Planner plan “${planTitle}” will be created first.`);
    const table = dialog.getByRole('table', { name: 'Tasks to create' });
    await expect(table.locator('tbody tr')).toHaveCount(3);
    const row = (goal: LocalGoal) => table.locator(`tr[data-goal-id="${goal.id}"]`);
    await expect(row(meetings)).toContainText(SIV.displayName);
    await expect(row(meetings)).toContainText('31 Mar 2027');
    await expect(row(meetings).locator('td').last()).toHaveText('4');
    await expect(row(meetings)).toContainText(area1.title);
    await expect(row(shifts)).toContainText(SIV.displayName);
    await expect(row(shifts)).toContainText('15 Dec 2026');
    // The goal with an owner keeps it ('the selected goals without an owner').
    await expect(row(recruit)).toContainText(JAN.displayName);
    await expect(row(recruit)).not.toContainText(SIV.displayName);
    await expectNoSeriousA11yViolations(page);

    await dialog.getByRole('button', { name: 'Create 3 tasks' }).click();
    await expect(dialog).toContainText('3 tasks created.', { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
    // The goals show their task, and the new owner.
    for (const goal of created) await expect(tab.locator(`li[data-goal-id="${goal.id}"]`)).toContainText('Planner: 1 task');
    await expect(tab.locator(`li[data-goal-id="${meetings.id}"]`)).toContainText(`Owner: ${SIV.displayName}`);
    await expect(status).toHaveText('0 goals selected');

    // Stored: owners in SharePoint, the plan's link to its Planner plan, the tasks in Planner.
    const after = await repo.load();
    const binding = after?.plan.planner ?? null;
    expect(binding).not.toBeNull();
    planIdAfter = binding!.planId;
    if (bindingBefore) expect(binding!.planId).toBe(bindingBefore.planId);
    const stored = new Map(after!.goals.map((g) => [g.id, g]));
    expect(stored.get(meetings.id)?.owners.map((o) => o.id)).toEqual([SIV.id]);
    expect(stored.get(shifts.id)?.owners.map((o) => o.id)).toEqual([SIV.id]);
    expect(stored.get(recruit.id)?.owners.map((o) => o.id)).toEqual([JAN.id]);

    const plans = (await graph('GET', `/groups/${team.id}/planner/plans`)).body.value as Json[];
    const plan = plans.find((p) => p.id === binding!.planId);
    expect(plan?.title).toBe(planTitle);
    const tasks = (await graph('GET', `/planner/plans/${binding!.planId}/tasks`)).body.value as Json[];
    const taskOf = (goal: LocalGoal) => tasks.find((t) => t.title === goal.text);
    for (const goal of created) expect(taskOf(goal), goal.text).toBeDefined();
    expect(Object.keys(taskOf(meetings)!.assignments as Json)).toEqual([SIV.id]);
    expect(Object.keys(taskOf(shifts)!.assignments as Json)).toEqual([SIV.id]);
    expect(Object.keys(taskOf(recruit)!.assignments as Json)).toEqual([JAN.id]);
    expect(taskOf(meetings)!.dueDateTime).toMatch(/^2027-03-31T/);
    const details = (await graph('GET', `/planner/tasks/${taskOf(meetings)!.id as string}/details`)).body;
    expect(Object.keys(details.checklist as Json)).toHaveLength(4);

    // The host's Planner board shows the task.
    const host = await page.context().newPage();
    await host.goto(`/?${new URLSearchParams({ user: BOARD, team: team.displayName, view: 'planner' }).toString()}`);
    const board = host.locator('.planner-board');
    const planPicker = board.getByLabel('Plan', { exact: true });
    await expect(board.getByRole('heading', { level: 2 })).toHaveText(/^Planner: /);
    if (await planPicker.isVisible()) await planPicker.selectOption(binding!.planId);
    await expect(board.getByRole('heading', { level: 2 })).toHaveText(`Planner: ${planTitle}`);
    await expect(board.getByRole('article', { name: meetings.text })).toBeVisible();
    await expect(board.getByRole('article', { name: meetings.text })).toContainText(SIV.displayName);
    await host.close();

    // Delete a goal with its task: the dialog asks; after the undo window both are gone.
    const shiftsTask = taskOf(shifts)!.id as string;
    const item = tab.locator(`li[data-goal-id="${shifts.id}"]`);
    await item.getByRole('button', { name: 'Delete' }).click();
    const confirm = tab.getByRole('alertdialog', { name: 'Delete this goal?' });
    await expect(confirm.getByRole('radio', { name: 'Keep the tasks in Planner' })).toBeChecked();
    await confirm.getByRole('radio', { name: 'Delete the tasks in Planner too' }).check();
    await confirm.getByRole('button', { name: 'Delete goal' }).click();
    await expect(tab.getByText('The goal was deleted. Its Planner tasks are deleted with it.')).toBeVisible();
    await expect(tab.getByRole('button', { name: 'Undo' })).toBeHidden({ timeout: 20_000 });
    await expect.poll(async () => (await graph('GET', `/planner/tasks/${shiftsTask}`)).status).toBe(404);
    await expect.poll(async () => repo.getGoal(shifts.id).then(() => 'present', (err: Error) => err.name)).toBe('NotFoundError');
    // The other tasks stay.
    expect((await graph('GET', `/planner/tasks/${taskOf(meetings)!.id as string}`)).status).toBe(200);
  } finally {
    // Leave the demo plan as it was: this run's goals and tasks go, and the Planner plan when this run made it.
    for (const goal of created) await repo.deleteGoal(goal.id).catch(() => undefined);
    const planId = planIdAfter ?? (await repo.load())?.plan.planner?.planId ?? null;
    if (planId && !bindingBefore) {
      const plan = await graph('GET', `/planner/plans/${planId}`);
      if (plan.status === 200) await graph('DELETE', `/planner/plans/${planId}`, plan.body['@odata.etag'] as string);
      await repo.updatePlan(before.plan.id, { planner: null });
    } else if (planId) {
      const tasks = ((await graph('GET', `/planner/plans/${planId}/tasks`)).body.value as Json[] | undefined) ?? [];
      for (const task of tasks.filter((t) => String(t.title).includes(tag))) await graph('DELETE', `/planner/tasks/${task.id as string}`, task['@odata.etag'] as string);
    }
  }
});
