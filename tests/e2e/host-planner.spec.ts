/**
 * The host page's Planner view (host-sim/planner-board.ts) in real Chromium against the e2e stack's
 * emulator: a plan set up through Graph from the test shows as a board (buckets by orderHint, the
 * task card with its assignees' names and checklist), and what the user does on the board is in
 * Planner afterwards, read back through Graph (so the test fails if the board did not write).
 *
 * Own data: plans with a title unique to this run in Fagforbundet Asker, so no other spec's plans
 * or tasks are touched (the board's plan picker selects this spec's plan).
 */
import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_TEAMS, demoPerson } from '../../emulator/seed/demo-tenant';
import { emulatorOrigin } from './support/graph';

const TEAM = DEMO_TEAMS.find((t) => t.displayName === 'Fagforbundet Asker')!;
/** A steward (member, not owner) of Asker: the board's user. */
const USER = 'ahmed.hussain@org365.example';
/** Assignees: a member of the team, and a tenant user outside it (the board looks that name up by id). */
const LINDA = demoPerson('linda.strand@org365.example');
const PER = demoPerson('per.olsen@org365.example');
const NO_PLAN_TEXT = 'No Planner plan in this team yet. The board creates one from the plan tab.';

type Json = Record<string, unknown>;

/** Graph on the emulator as `upn` (the dev token), straight from the test process. */
function graphAs(request: APIRequestContext, upn: string) {
  const base = `${emulatorOrigin()}/v1.0`;
  return async (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, etag?: string): Promise<Json> => {
    const headers: Record<string, string> = { Authorization: `Bearer dev:${upn}`, Accept: 'application/json' };
    if (etag) headers['If-Match'] = etag;
    const response = await request.fetch(`${base}${path}`, { method, headers, ignoreHTTPSErrors: true, ...(body === undefined ? {} : { data: body }) });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
    return response.status() === 204 ? {} : ((await response.json()) as Json);
  };
}

interface Seeded {
  planTitle: string;
  taskTitle: string;
  taskId: string;
  /** Bucket names in orderHint order (ordinal). */
  bucketOrder: string[];
  /** Checklist items as created; the second sorts first (orderHint 'A' < 'B'). */
  items: { key: string; title: string; orderHint: string }[];
}

/** A plan (and a second one, so the board shows its plan picker), two buckets, one task with two assignees and a checklist of two. */
async function seedPlan(request: APIRequestContext, label: string): Promise<Seeded> {
  const graph = graphAs(request, USER);
  const suffix = `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const container = { url: `https://graph.microsoft.com/v1.0/groups/${TEAM.id}` };
  const plan = await graph('POST', '/planner/plans', { container, title: `Host board e2e ${suffix}` });
  await graph('POST', '/planner/plans', { container, title: `Host board e2e (other) ${suffix}` });
  const planId = plan.id as string;
  // No orderHint: each new bucket goes first, so the columns are not in creation order.
  const doing = await graph('POST', '/planner/buckets', { planId, name: 'Doing' });
  await graph('POST', '/planner/buckets', { planId, name: 'To do' });
  const buckets = ((await graph('GET', `/planner/plans/${planId}/buckets`)).value as Json[])
    .map((b) => ({ name: b.name as string, hint: b.orderHint as string }))
    .sort((a, b) => (a.hint < b.hint ? -1 : a.hint > b.hint ? 1 : 0));
  const assignment = { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' };
  const taskTitle = `Verve nye medlemmer ${suffix}`;
  const task = await graph('POST', '/planner/tasks', {
    planId,
    bucketId: doing.id,
    title: taskTitle,
    dueDateTime: '2026-05-20T12:00:00Z',
    assignments: { [LINDA.id]: assignment, [PER.id]: assignment },
  });
  const taskId = task.id as string;
  const details = await graph('GET', `/planner/tasks/${taskId}/details`);
  const items = [
    { key: randomUUID(), title: 'Book the room', orderHint: 'B' },
    { key: randomUUID(), title: 'Send the invitation', orderHint: 'A' },
  ];
  const checklist = Object.fromEntries(
    items.map((item) => [item.key, { '@odata.type': 'microsoft.graph.plannerChecklistItem', title: item.title, orderHint: item.orderHint }]),
  );
  await graph('PATCH', `/planner/tasks/${taskId}/details`, { checklist }, details['@odata.etag'] as string);
  return { planTitle: plan.title as string, taskTitle, taskId, bucketOrder: buckets.map((b) => b.name), items };
}

async function openBoard(page: Page, seeded: Seeded) {
  const params = new URLSearchParams({ user: USER, team: TEAM.displayName, view: 'planner' });
  await page.goto(`/?${params.toString()}`);
  await expect(page.getByLabel('View', { exact: true })).toHaveValue('planner');
  await expect(page.locator('#tab-frame')).toHaveCount(0);
  const board = page.locator('.planner-board');
  const picker = board.getByLabel('Plan', { exact: true });
  await expect(picker).toBeVisible();
  await picker.selectOption({ label: seeded.planTitle });
  await expect(board.getByRole('heading', { level: 2 })).toHaveText(`Planner: ${seeded.planTitle}`);
  const card = board.getByRole('article', { name: seeded.taskTitle });
  await expect(card).toBeVisible();
  return { board, card, status: board.getByRole('status') };
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.planner-board').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
}

test.describe('host page: Planner board', () => {
  test('shows the plan as a board, and ticking an item and completing the task write to Planner', async ({ page, request }) => {
    const seeded = await seedPlan(request, 'write');
    const { board, card, status } = await openBoard(page, seeded);
    await expect(page).toHaveURL(/[?&]view=planner/);

    // Columns in orderHint order (the bucket created last comes first), headed by the bucket's name.
    await expect(board.getByRole('heading', { level: 3 })).toHaveText(seeded.bucketOrder.map((name) => new RegExp(`^${name} \\(\\d+\\)$`)));
    const doing = board.getByRole('region', { name: /^Doing/ });
    await expect(doing.getByRole('article', { name: seeded.taskTitle })).toBeVisible();
    await expect(board.getByRole('region', { name: /^To do/ })).toContainText('No tasks');

    // The card: assignees by display name (one from the team's members, one looked up by id), due day, progress, checklist.
    await expect(card).toContainText('Linda Strand');
    await expect(card).toContainText('Per Olsen');
    await expect(card.locator('time')).toHaveText('2026-05-20');
    await expect(card).toContainText('Not started (0 %)');
    const first = card.getByRole('checkbox', { name: seeded.items[0]!.title });
    const second = card.getByRole('checkbox', { name: seeded.items[1]!.title });
    await expect(first).not.toBeChecked();
    await expect(second).not.toBeChecked();
    await expect(card.getByRole('group', { name: 'Checklist 0/2' })).toBeVisible();
    await expect(card.locator('.planner-checklist label')).toHaveText([seeded.items[1]!.title, seeded.items[0]!.title]);
    await expectNoSeriousViolations(page);

    await first.check();
    await expect(status).toHaveText(`Saved: “${seeded.items[0]!.title}” ticked.`);
    await expect(card.getByRole('group', { name: 'Checklist 1/2' })).toBeVisible();
    await card.getByRole('button', { name: `Complete: ${seeded.taskTitle}` }).click();
    await expect(status).toHaveText(`Saved: “${seeded.taskTitle}” completed.`);
    await expect(card.getByRole('button', { name: `Reopen: ${seeded.taskTitle}` })).toBeVisible();
    await expect(card).toContainText('Completed (100 %)');

    // In Planner now, read back through Graph (another user of the team).
    const graph = graphAs(request, 'linda.strand@org365.example');
    const task = await graph('GET', `/planner/tasks/${seeded.taskId}`);
    expect(task.percentComplete).toBe(100);
    expect(task.activeChecklistItemCount).toBe(1);
    const checklist = (await graph('GET', `/planner/tasks/${seeded.taskId}/details`)).checklist as Record<string, Json>;
    expect(checklist[seeded.items[0]!.key]?.isChecked).toBe(true);
    expect(checklist[seeded.items[1]!.key]?.isChecked).toBe(false);
    await expectNoSeriousViolations(page);
    // The board's colours in the host's dark and high-contrast themes too.
    for (const theme of ['dark', 'contrast'] as const) {
      await page.getByLabel('Theme', { exact: true }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoSeriousViolations(page);
    }
  });

  test('a stale etag is re-read and retried; progress, title and due day are edited by keyboard', async ({ page, request }) => {
    const seeded = await seedPlan(request, 'edit');
    const { card, status } = await openBoard(page, seeded);
    const graph = graphAs(request, 'linda.strand@org365.example');

    // Someone else (the app, another user) changes the task after the board read it: the board's etag is stale.
    const before = await graph('GET', `/planner/tasks/${seeded.taskId}`);
    const renamed = `${seeded.taskTitle} (renamed elsewhere)`;
    await graph('PATCH', `/planner/tasks/${seeded.taskId}`, { title: renamed }, before['@odata.etag'] as string);
    await card.getByRole('button', { name: `In progress: ${seeded.taskTitle}` }).click();
    await expect(status).toContainText('was changed elsewhere meanwhile (412)');
    const fresh = page.locator('.planner-board').getByRole('article', { name: renamed });
    await expect(fresh).toBeVisible();
    expect((await graph('GET', `/planner/tasks/${seeded.taskId}`)).percentComplete).toBe(0);

    // Again, with the re-read etag: in progress (50 %), the button pressed; focus stays on it.
    const progress = fresh.getByRole('button', { name: `In progress: ${renamed}` });
    await progress.focus();
    await page.keyboard.press('Enter');
    await expect(status).toHaveText(`Saved: “${renamed}” in progress.`);
    await expect(progress).toHaveAttribute('aria-pressed', 'true');
    await expect(progress).toBeFocused();
    expect((await graph('GET', `/planner/tasks/${seeded.taskId}`)).percentComplete).toBe(50);

    // A checklist item by keyboard (Space), then unticked again.
    const item = fresh.getByRole('checkbox', { name: seeded.items[1]!.title });
    await item.focus();
    await page.keyboard.press('Space');
    await expect(status).toHaveText(`Saved: “${seeded.items[1]!.title}” ticked.`);
    await expect(item).toBeChecked();
    await expect(item).toBeFocused();
    await page.keyboard.press('Space');
    await expect(status).toHaveText(`Saved: “${seeded.items[1]!.title}” unticked.`);
    const checklist = (await graph('GET', `/planner/tasks/${seeded.taskId}/details`)).checklist as Record<string, Json>;
    expect(checklist[seeded.items[1]!.key]?.isChecked).toBe(false);

    // Title and due day through the edit form (Enter submits).
    await fresh.getByRole('button', { name: `Edit: ${renamed}` }).click();
    const form = page.getByRole('form', { name: `Edit ${renamed}` });
    await expect(form.getByLabel('Title')).toBeFocused();
    await expectNoSeriousViolations(page);
    const edited = `Verve 20 nye medlemmer ${Date.now().toString(36)}`;
    await form.getByLabel('Title').fill(edited);
    await form.getByLabel('Due date').fill('2026-06-30');
    await form.getByLabel('Title').press('Enter');
    await expect(status).toHaveText(`Saved: “${edited}” edited.`);
    const editedCard = page.locator('.planner-board').getByRole('article', { name: edited });
    await expect(editedCard.locator('time')).toHaveText('2026-06-30');
    await expect(form).toHaveCount(0);
    const task = await graph('GET', `/planner/tasks/${seeded.taskId}`);
    expect(task.title).toBe(edited);
    expect(task.dueDateTime).toBe('2026-06-30T12:00:00Z');

    // Reopen from 50 %: Complete, then Reopen gives 0 %.
    await editedCard.getByRole('button', { name: `Complete: ${edited}` }).click();
    await expect(status).toHaveText(`Saved: “${edited}” completed.`);
    await editedCard.getByRole('button', { name: `Reopen: ${edited}` }).click();
    await expect(status).toHaveText(`Saved: “${edited}” reopened.`);
    expect((await graph('GET', `/planner/tasks/${seeded.taskId}`)).percentComplete).toBe(0);
  });

  test('a team without a plan shows the empty state; Refresh re-reads', async ({ page, request }) => {
    await seedPlan(request, 'empty');
    // The team's plan list answered empty at first (the teams have plans: this spec's, maybe others').
    let empty = true;
    await page.route('**/v1.0/groups/*/planner/plans', async (route) => {
      if (empty) await route.fulfill({ json: { value: [] } });
      else await route.fallback();
    });
    const params = new URLSearchParams({ user: USER, team: TEAM.displayName, view: 'planner' });
    await page.goto(`/?${params.toString()}`);
    const board = page.locator('.planner-board');
    await expect(board).toContainText(NO_PLAN_TEXT);
    await expect(board.getByLabel('Plan', { exact: true })).toBeHidden();
    await expectNoSeriousViolations(page);

    empty = false;
    await board.getByRole('button', { name: 'Refresh' }).click();
    await expect(board).not.toContainText(NO_PLAN_TEXT);
    await expect(board.getByRole('status')).toContainText('Read “');
  });
});
