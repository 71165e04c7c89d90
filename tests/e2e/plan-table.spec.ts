/**
 * The plan table for the board's meeting (issue 14) through the local Teams host: the board
 * switches the Plan screen to the table, sorts by deadline (the order table-model.ts gives, no
 * deadline last), groups by status (headers with the domain's counts), moves through the cells
 * with the arrow keys and opens a goal with Enter, changes a status in the row (stored with
 * If-Match, read back through the app's own repository; a concurrent change gives the conflict
 * dialog) and finds the table as left after a reload. A steward reads it. The overview's area rows
 * open the plan filtered. At 360 px the filters are one button and the views that do not fit the
 * tab strip are under 'Mer'. No serious axe violations in the three themes. The test leaves the
 * demo plan as it found it.
 */
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { localDayOf } from '../../src/domain/calendar';
import { planProgress } from '../../src/domain/overview';
import type { PlanSnapshot } from '../../src/domain/plan';
import { shortGoalText } from '../../src/features/plan/components/goal-item';
import { STATUS_URGENCY, buildTable, sortRows, tableGoals } from '../../src/features/plan/table/table-model';
import { createI18n } from '../../src/i18n/catalogue';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { repositoryAs } from './support/graph';
import { openTab, setHostTheme } from './support/host';

const team = DEMO_TEAMS.find((t) => t.planKey === 'alver');
if (!team) throw new Error('demo team missing');
const board = team.owners[0] as string;
const steward = 'ola.nesse@org365.example';
if (!team.members.includes(steward)) throw new Error('demo tenant changed');
const nb = createI18n('nb');
const today = () => localDayOf(new Date());
const repo = () => repositoryAs(board, team.id);

async function load(): Promise<PlanSnapshot> {
  const snapshot = await repo().load();
  if (!snapshot) throw new Error('demo plan missing');
  return snapshot;
}

async function openPlan(page: Page, user: string): Promise<FrameLocator> {
  const tab = await openTab(page, { user, team: team?.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'plan' });
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  return tab;
}

const grid = (tab: FrameLocator) => tab.getByRole('grid', { name: 'Mål i planen' });
/** An option of the open status list (not of the filters' native selects). */
const option = (tab: FrameLocator, name: string) => tab.getByRole('listbox').getByRole('option', { name, exact: true });
const goalRows = (tab: FrameLocator) => grid(tab).locator('tr[data-goal-id]');
const rowIds = (tab: FrameLocator) => goalRows(tab).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-goal-id')));

async function showTable(tab: FrameLocator): Promise<void> {
  await tab.getByRole('tab', { name: 'Tabell' }).click();
  await expect(tab.getByRole('tab', { name: 'Tabell' })).toHaveAttribute('aria-selected', 'true');
  await expect(grid(tab)).toBeVisible();
}

/** The element that has the focus inside the tab's frame: its cell's column and its row's goal. */
function focusedCell(page: Page) {
  return page.frame({ name: 'tab' })?.evaluate(() => {
    const el = document.activeElement;
    const cell = el?.closest('td, th');
    return { column: cell?.getAttribute('data-column') ?? null, goal: el?.closest('tr')?.getAttribute('data-goal-id') ?? null, role: el?.getAttribute('role') ?? el?.tagName ?? null };
  });
}

test('the board switches to the table, sorts by deadline, groups by status, and finds it so after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const snapshot = await load();
  const progress = planProgress(snapshot, today());
  const rows = tableGoals(snapshot.goals, progress, snapshot.areas);
  let tab = await openPlan(page, board);
  await expect(tab.locator('li[data-goal-id]').first()).toBeVisible();
  await showTable(tab);
  await expect(goalRows(tab)).toHaveCount(snapshot.goals.length);

  // Dense: a row is about 40 px, so 35 goals fit a screen or two.
  const heights = await goalRows(tab).evaluateAll((list) => list.map((r) => r.getBoundingClientRect().height).sort((a, b) => a - b));
  expect(heights[Math.floor(heights.length / 2)]).toBeLessThanOrEqual(48);

  // Sort by deadline: the model's order (no deadline last), aria-sort on the header.
  const due = grid(tab).getByRole('columnheader', { name: 'Frist' });
  await expect(due).toHaveAttribute('aria-sort', 'none');
  await due.getByRole('button').click();
  await expect(due).toHaveAttribute('aria-sort', 'ascending');
  const ascending = sortRows(rows, { column: 'due', direction: 'ascending' }, 'nb-NO').map((r) => r.goal.id);
  await expect.poll(() => rowIds(tab)).toEqual(ascending);
  const dues = await goalRows(tab).evaluateAll((list) => list.map((r) => r.getAttribute('data-due')));
  const firstEmpty = dues.indexOf('');
  expect(firstEmpty).toBeGreaterThan(0);
  expect(dues.slice(firstEmpty).every((d) => d === '')).toBe(true);
  await due.getByRole('button').click();
  await expect(due).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => rowIds(tab)).toEqual(sortRows(rows, { column: 'due', direction: 'descending' }, 'nb-NO').map((r) => r.goal.id));
  await due.getByRole('button').click();
  await expect(due).toHaveAttribute('aria-sort', 'ascending');

  // Group by status: a header per status with the domain's count, the most urgent first.
  await tab.getByLabel('Grupper etter').selectOption({ label: 'Status' });
  const groups = buildTable(rows, { column: 'due', direction: 'ascending' }, 'status', 'nb-NO');
  const expectedHeaders = groups.map((g) => (g.value.by === 'status' ? `${nb.t(`status.${g.value.status}`)} · ${g.rows.length} mål` : ''));
  expect(groups.map((g) => (g.value.by === 'status' ? g.value.status : null))).toEqual(STATUS_URGENCY.filter((s) => [...progress.values()].some((p) => p.status === s)));
  await expect(grid(tab).locator('[data-group-header]')).toHaveText(expectedHeaders);
  for (const group of groups) {
    const statuses = await grid(tab).locator(`tbody[data-group="${group.key}"] tr[data-goal-id]`).evaluateAll((list) => list.map((r) => r.getAttribute('data-status')));
    expect(statuses).toEqual(group.rows.map((r) => r.progress.status));
  }

  // Remembered per person: after a reload the table comes back as left.
  await page.reload();
  tab = await openPlan(page, board);
  await expect(tab.getByRole('tab', { name: 'Tabell' })).toHaveAttribute('aria-selected', 'true');
  await expect(grid(tab)).toBeVisible();
  await expect(grid(tab).getByRole('columnheader', { name: 'Frist' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(tab.getByLabel('Grupper etter')).toHaveValue('status');
  await expect(grid(tab).locator('[data-group-header]')).toHaveText(expectedHeaders);

  // Another person in the same browser has their own choice: a steward gets the cards.
  tab = await openPlan(page, steward);
  await expect(tab.getByRole('tab', { name: 'Kort' })).toHaveAttribute('aria-selected', 'true');
  await expect(tab.locator('li[data-goal-id]').first()).toBeVisible();
});

test('the arrow keys move between cells, across a closed status list, and Enter opens a goal', async ({ page }) => {
  test.setTimeout(90_000);
  const tab = await openPlan(page, board);
  await showTable(tab);
  const [first, second] = (await rowIds(tab)) as [string, string];
  const row = (id: string) => grid(tab).locator(`tr[data-goal-id="${id}"]`);

  await row(first).locator('td[data-column="area"]').click();
  expect(await focusedCell(page)).toMatchObject({ column: 'area', goal: first });
  await page.keyboard.press('ArrowRight');
  expect(await focusedCell(page)).toMatchObject({ column: 'owners', goal: first });
  await page.keyboard.press('ArrowRight');
  expect(await focusedCell(page)).toMatchObject({ column: 'status', goal: first, role: 'combobox' });
  // A closed list does not take the arrows: the next cell does.
  await page.keyboard.press('ArrowRight');
  expect(await focusedCell(page)).toMatchObject({ column: 'progress', goal: first });
  await expect(tab.getByRole('listbox')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  expect(await focusedCell(page)).toMatchObject({ column: 'progress', goal: second });
  await page.keyboard.press('ArrowUp');
  expect(await focusedCell(page)).toMatchObject({ column: 'progress', goal: first });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await focusedCell(page)).toMatchObject({ column: 'goal', goal: first });
  await page.keyboard.press('ArrowDown');
  expect(await focusedCell(page)).toMatchObject({ column: 'goal', goal: second });

  // Enter on the status cell opens the list; Escape closes it and leaves the focus there.
  await page.keyboard.press('ArrowUp');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  expect(await focusedCell(page)).toMatchObject({ column: 'status', goal: first });
  await page.keyboard.press('Enter');
  await expect(tab.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(tab.getByRole('listbox')).toHaveCount(0);
  expect(await focusedCell(page)).toMatchObject({ column: 'status', goal: first });

  // The grid is one Tab stop: Shift+Tab leaves it, Tab comes back to the cell left.
  await page.keyboard.press('Shift+Tab');
  expect((await focusedCell(page))?.column).toBeNull();
  await page.keyboard.press('Tab');
  expect(await focusedCell(page)).toMatchObject({ column: 'status', goal: first });

  // Enter on a goal's link opens the goal.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  expect(await focusedCell(page)).toMatchObject({ column: 'goal', goal: second });
  await page.keyboard.press('Enter');
  await expect.poll(() => page.frame({ name: 'tab' })?.evaluate(() => window.location.hash)).toBe(`#/tab/goal/${second}`);
});

test('the board changes a status in the row: stored with If-Match, a concurrent change asks first', async ({ page }) => {
  test.setTimeout(120_000);
  const snapshot = await load();
  const goal = snapshot.goals.find((g) => g.status === null && g.kind === 'milestone') ?? snapshot.goals.find((g) => g.status === null);
  if (!goal) throw new Error('no goal with a computed status');
  const derived = planProgress(snapshot, today()).get(goal.id)?.derivedStatus;
  if (!derived) throw new Error('no progress');
  const name = `Status for «${shortGoalText(goal.text)}»`;
  try {
    const tab = await openPlan(page, board);
    await showTable(tab);
    const box = grid(tab).getByRole('combobox', { name });
    const row = grid(tab).locator(`tr[data-goal-id="${goal.id}"]`);
    await box.click();
    await option(tab, 'Fullført').click();
    await expect(row).toHaveAttribute('data-status', 'done');
    await expect(tab.getByTestId('plan-table-announcement')).toHaveText(`Statusen for «${shortGoalText(goal.text)}» er lagret: Fullført.`);
    await expect.poll(async () => (await repo().getGoal(goal.id)).status, { timeout: 20_000 }).toBe('done');
    await expect(box).toBeFocused();

    // Someone else changes it meanwhile: the board is asked, and overwrites knowingly.
    const stored = await repo().getGoal(goal.id);
    await repo().updateGoal(goal.id, { status: 'atRisk' }, { ifMatch: stored.etag ?? null });
    await box.click();
    await option(tab, 'Forsinket').click();
    const dialog = tab.getByRole('alertdialog', { name: 'Noen andre har endret dette målet' });
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Overskriv med mine' }).click();
    await expect.poll(async () => (await repo().getGoal(goal.id)).status, { timeout: 20_000 }).toBe('behind');
    await expect(row).toHaveAttribute('data-status', 'behind');

    // Back to 'computed' (null) through the list.
    await box.click();
    await option(tab, `Beregnet: ${nb.t(`status.${derived}`)}`).click();
    await expect.poll(async () => (await repo().getGoal(goal.id)).status, { timeout: 20_000 }).toBeNull();
    await expect(box).toBeFocused();
  } finally {
    const now = await repo().getGoal(goal.id);
    if (now.status !== null) await repo().updateGoal(goal.id, { status: null }, { ifMatch: now.etag ?? null });
  }
});

test('a steward sees the table read-only', async ({ page }) => {
  const snapshot = await load();
  const tab = await openPlan(page, steward);
  await showTable(tab);
  await expect(goalRows(tab)).toHaveCount(snapshot.goals.length);
  await expect(tab.getByText('Bare styret kan endre status og ansvarlige.')).toBeVisible();
  await expect(grid(tab).getByRole('combobox')).toHaveCount(0);
  await expect(grid(tab).getByRole('button', { name: /^Endre ansvarlige/ })).toHaveCount(0);
  await expect(grid(tab).locator('[data-status]').first()).toBeVisible();
});

test('the overview’s area rows open the plan filtered by the area, and by area and status', async ({ page }) => {
  test.setTimeout(90_000);
  const snapshot = await load();
  const progress = planProgress(snapshot, today());
  const area = snapshot.areas.find((a) => snapshot.goals.filter((g) => g.areaId === a.id).length > 1);
  if (!area) throw new Error('no area with goals');
  const inArea = snapshot.goals.filter((g) => g.areaId === area.id);
  const status = STATUS_URGENCY.find((s) => inArea.some((g) => progress.get(g.id)?.status === s));
  if (!status) throw new Error('no status');
  const withStatus = inArea.filter((g) => progress.get(g.id)?.status === status);
  const tab = await openTab(page, { user: board, team: team.displayName, locale: 'nb-NO', view: 'tab' });
  const row = tab.locator(`li[data-area-id="${area.id}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });

  await row.getByRole('link', { name: area.title, exact: true }).click();
  const search = tab.getByRole('search', { name: 'Filtrer mål' });
  await expect(search.getByLabel('Område', { exact: true })).toHaveValue(area.id);
  await expect(search.getByLabel('Status', { exact: true })).toHaveValue('');
  await expect(search.getByRole('status')).toHaveText(new RegExp(`^Viser ${inArea.length} av ${snapshot.goals.length} `));
  await expect(tab.locator('li[data-goal-id]:visible')).toHaveCount(inArea.length);

  await tab.getByRole('tab', { name: 'Oversikt' }).click();
  await row.locator(`li[data-status-count="${status}"]`).getByRole('link').click();
  await expect(search.getByLabel('Område', { exact: true })).toHaveValue(area.id);
  await expect(search.getByLabel('Status', { exact: true })).toHaveValue(status);
  await expect(search.getByRole('status')).toHaveText(new RegExp(`^Viser ${withStatus.length} av ${snapshot.goals.length} `));
  const shown = await tab.locator('li[data-goal-id]:visible').evaluateAll((items) => items.map((i) => i.getAttribute('data-goal-id')).sort());
  expect(shown).toEqual(withStatus.map((g) => g.id).sort());
  // Clearing the filters clears them from the address too, so a reload shows the whole plan.
  await search.getByRole('button', { name: 'Fjern filtre' }).click();
  await expect.poll(() => page.frame({ name: 'tab' })?.evaluate(() => window.location.hash)).toBe('#/tab/plan');
});

test('at 360 px the filters are one button and the views that do not fit the tab strip are under “Mer”', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 740 });
  const tab = await openPlan(page, board);
  const search = tab.getByRole('search', { name: 'Filtrer mål' });
  const button = search.getByRole('button', { name: 'Filtre', exact: true });
  await expect(button).toBeVisible();
  await expect(search.getByLabel('Status', { exact: true })).toHaveCount(0);
  // Folded, the filters take one line, not the first screen.
  const folded = await search.boundingBox();
  expect(folded?.height ?? Infinity).toBeLessThanOrEqual(80);

  await button.click();
  const drawer = tab.getByRole('dialog', { name: 'Filtre' });
  await expect(drawer).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await drawer.getByLabel('Status').selectOption({ label: 'Forsinket' });
  await drawer.getByRole('button', { name: /^(Vis \d+ mål|Ingen mål å vise)$/ }).click();
  await expect(drawer).toBeHidden();
  await expect(search.getByRole('button', { name: 'Filtre (1)' })).toBeFocused();

  // The tab strip: what does not fit is under 'Mer', nothing runs past the screen.
  const more = tab.getByRole('tab', { name: /^Mer: \d+ visninger? til$/ });
  await expect(more).toBeVisible();
  const overflow = await tab.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const stripRight = await tab.getByRole('tablist').first().evaluate((el) => el.getBoundingClientRect().right);
  expect(stripRight).toBeLessThanOrEqual(360);
  await expect(tab.getByRole('tab', { name: 'Plan', exact: true })).toBeVisible();
  await more.click();
  const settings = tab.getByRole('menuitem', { name: 'Innstillinger' });
  await expect(settings).toBeVisible();
  await settings.click();
  await expect(tab.getByRole('tab', { name: 'Innstillinger' })).toHaveAttribute('aria-selected', 'true');
  await expect(tab.getByRole('tab', { name: 'Innstillinger' })).toBeVisible();
});

test('the table: no serious axe violations in the default, dark and contrast themes', async ({ page }) => {
  test.setTimeout(120_000);
  const tab = await openPlan(page, board);
  await showTable(tab);
  await tab.getByLabel('Grupper etter').selectOption({ label: 'Ansvarlig' });
  await expect(tab.getByText('Et mål med flere ansvarlige står under hver av dem.')).toBeVisible();
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    await setHostTheme(page, theme);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousA11yViolations(page);
  }
  // The owner picker's popover too.
  const owners: Locator = grid(tab).getByRole('button', { name: /^Endre ansvarlige/ }).first();
  await owners.click();
  const popover = tab.getByRole('dialog', { name: /^Ansvarlige for/ });
  await expect(popover).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(owners).toBeFocused();
});
