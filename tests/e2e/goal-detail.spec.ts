/**
 * The Goal screen through the local Teams host: a `goal:<id>` deep link opens it directly with
 * every field, the check-in chart (with its text alternative and table) and list; comments persist exactly
 * once; a change someone else makes shows in the change log; the link can be copied.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import type { LocalGoal, PlanSnapshot } from '../../src/domain/plan';
import { openTab } from './support/host';
import { repositoryAs } from './support/graph';
import { demoPerson } from '../../emulator/seed/demo-tenant';

const team = DEMO_TEAMS.find((t) => t.planKey === 'sor-varanger');
if (!team) throw new Error('demo team missing');
const [boardA, boardB] = team.owners as [string, string];
const steward = team.members[0] as string;

async function snapshot(): Promise<PlanSnapshot> {
  const loaded = await repositoryAs(boardA, team!.id).load();
  if (!loaded) throw new Error('demo plan missing');
  return loaded;
}

async function openGoal(page: Page, user: string, goal: LocalGoal, locale = 'nb-NO'): Promise<FrameLocator> {
  const tab = await openTab(page, { user, team: team!.displayName, locale, view: 'tab', subEntityId: `goal:${goal.id}` });
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(goal.text, { timeout: 30_000 });
  return tab;
}

test('a deep link opens a goal with its fields, check-in chart and list, and its link can be copied', async ({ page, context }) => {
  const data = await snapshot();
  const goal = data.goals.find((g) => g.kind === 'measured' && data.checkIns.some((c) => c.goalId === g.id && c.value !== null));
  if (!goal) throw new Error('no measured goal with check-ins in the demo plan');
  const reported = data.checkIns.filter((c) => c.goalId === goal.id);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const tab = await openGoal(page, steward, goal);

  await expect(tab.getByRole('heading', { level: 1 })).toBeFocused();
  const details = tab.getByRole('region', { name: 'Om målet' });
  for (const label of ['Satsingsområde', 'Nasjonalt mål', 'Måltype', 'Ansvarlig', 'Frist', 'Status', 'Fremdrift', 'Måltall', 'Tariffområde']) {
    await expect(details.locator('dt', { hasText: label }).first()).toBeVisible();
  }
  await expect(details).toContainText('Målt');
  await expect(details).toContainText(goal.owners[0]?.displayName ?? 'Ingen ansvarlig');

  const checkIns = tab.getByRole('region', { name: 'Innrapporteringer' });
  const values = reported.filter((c) => c.value !== null);
  await expect(checkIns.getByRole('img', { name: 'Rapporterte verdier mot målet' })).toBeVisible();
  await expect(checkIns.getByRole('img')).toHaveAccessibleDescription(new RegExp(`^${values.length === 1 ? 'Én verdi er rapportert' : `${values.length} verdier er rapportert`}`));
  // Every reported value is in the chart's table, with the expected line's start and end when there is a target.
  await checkIns.getByText('Vis som tabell', { exact: true }).click();
  await expect(checkIns.getByRole('table').locator('tbody tr')).toHaveCount(values.length + (goal.measure?.target != null ? 2 : 0));
  await expect(checkIns.locator('li[data-check-in-id]')).toHaveCount(reported.length);

  // A steward sees no edit; the back link leads to the plan.
  await expect(tab.getByRole('link', { name: 'Rediger i planen' })).toHaveCount(0);
  await expect(tab.getByRole('link', { name: 'Tilbake til planen' })).toHaveAttribute('href', '#/tab/plan');

  await tab.getByRole('button', { name: 'Kopier lenke' }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Lenken til målet er kopiert.' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
  expect(decodeURIComponent(copied)).toContain(`"subEntityId":"goal:${goal.id}"`);
});

test('a comment is stored once and is there after a reload; the board gets an edit link', async ({ page }) => {
  const data = await snapshot();
  const goal = data.goals.find((g) => g.kind === 'milestone') ?? data.goals[0];
  if (!goal) throw new Error('no goals');
  const text = `Vi tok dette opp på klubbmøtet ${Date.now()}`;

  let tab = await openGoal(page, steward, goal);
  const comments = tab.getByRole('region', { name: 'Kommentarer' });
  await comments.getByRole('button', { name: 'Legg til kommentar' }).click();
  await expect(comments.getByText('Skriv en kommentar først.')).toBeVisible();
  await comments.getByRole('textbox', { name: 'Din kommentar' }).fill(text);
  await comments.getByRole('button', { name: 'Legg til kommentar' }).click();
  await expect(comments.getByText('Kommentaren din er lagt til.')).toBeVisible();
  await expect(comments.locator('li', { hasText: text })).toContainText('Jan Erik Hansen');
  await expect(comments.getByRole('textbox', { name: 'Din kommentar' })).toHaveValue('');

  const stored = (await snapshot()).comments.filter((c) => c.text === text);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.goalId).toBe(goal.id);
  // The author is who SharePoint recorded from the token (createdBy), by Entra id.
  expect(stored[0]?.author?.id).toBe(demoPerson(steward).id);

  // A board member opens the same goal: the comment is there, and so is the way to edit.
  await page.reload();
  tab = await openGoal(page, boardA, goal);
  await expect(tab.getByRole('region', { name: 'Kommentarer' }).locator('li', { hasText: text })).toHaveCount(1);
  await expect(tab.getByRole('link', { name: 'Rediger i planen' })).toHaveAttribute('href', '#/tab/plan');
});

test('a change another board member makes shows in the change log', async ({ page }) => {
  const data = await snapshot();
  const goal = [...data.goals].reverse().find((g) => g.kind === 'milestone');
  if (!goal) throw new Error('no milestone goal');
  await repositoryAs(boardB, team.id).updateGoal(goal.id, { due: '2027-09', status: 'atRisk' }, { ifMatch: null });

  const tab = await openGoal(page, boardA, goal, 'en-US');
  const changes = tab.getByRole('region', { name: 'Changes' });
  await expect(changes.locator('li').first()).toContainText(/^Anne Mathisen changed deadline and status · \d{1,2} \w{3} \d{4}$/);
  await expect(changes.locator('li').last()).toContainText('created the goal');
  const details = tab.getByRole('region', { name: 'About the goal' });
  await expect(details).toContainText('September 2027');
  await expect(details).toContainText('Set by the board; from progress:');
});
