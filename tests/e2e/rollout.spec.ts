/**
 * The board's Org365 rollout view through the local Teams host: the counts are the domain's own
 * (rolloutSummary over the roster read through the real adapter), the 'missing' filter shows exactly
 * missingStep's people, the board adds a representative with an account to the team and ticks a
 * training step (both stored), a steward reads it without controls, and it is accessible in all
 * three themes and usable at 360 px.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { localDayOf } from '../../src/domain/calendar';
import { missingStep, rolloutProgress, rolloutSummary, stepDone, type RolloutGroup } from '../../src/domain/roster';
import type { RosterSnapshot } from '../../src/domain/roster-port';
import { rolloutNames } from '../../src/features/rollout/names';
import { canInvite, shownSteps } from '../../src/features/rollout/rollout-model';
import { createI18n } from '../../src/i18n/catalogue';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { repositoryAs, rosterAs } from './support/graph';
import { openTab, setHostTheme } from './support/host';

const team = DEMO_TEAMS.find((t) => t.planKey === 'alver');
if (!team) throw new Error('demo team missing');
const board = team.owners[0] as string;
const steward = 'ola.nesse@org365.example';
if (!team.members.includes(steward)) throw new Error('demo tenant changed');
const names = rolloutNames(createI18n('nb'));
const today = () => localDayOf(new Date());

/** The roster as the app's adapter reads it (without writing), as the board. */
const readRoster = (): Promise<RosterSnapshot> => rosterAs(board, team.id).refresh(today());

async function openRollout(page: Page, user: string): Promise<FrameLocator> {
  const tab = await openTab(page, { user, team: team?.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'rollout' });
  await expect(tab.getByRole('heading', { level: 1, name: 'Tillitsvalgte og Org365' })).toBeVisible({ timeout: 30_000 });
  await expect(tab.getByTestId('rollout-summary')).toBeVisible({ timeout: 30_000 });
  return tab;
}

const peopleRows = (tab: FrameLocator) => tab.getByTestId('rollout-people').locator('tr[data-rep-id]');
const rowOf = (tab: FrameLocator, id: string) => tab.getByTestId('rollout-people').locator(`tr[data-rep-id="${id}"]`);

test('the board sees the domain’s counts by role and area, and the missing filter shows exactly who lacks a step', async ({ page }) => {
  test.setTimeout(120_000);
  const snapshot = await readRoster();
  expect(snapshot.reps.length).toBeGreaterThan(5);
  expect(snapshot.facts).not.toBeNull();
  const summary = rolloutSummary(snapshot.reps, snapshot.steps, snapshot.facts);
  const steps = shownSteps(snapshot.steps);
  const tab = await openRollout(page, board);

  const checkTable = async (region: string, kind: 'role' | 'area', groups: readonly RolloutGroup[]) => {
    const table = tab.getByTestId('rollout-summary').getByRole('region', { name: region, exact: true });
    await expect(table.locator('tbody tr')).toHaveCount(groups.length);
    for (const group of [...groups, summary.all]) {
      const label = group.key === 'all' ? 'Alle' : names.group(kind, group.key);
      for (const step of steps) {
        const count = group.steps.find((s) => s.stepId === step.id);
        if (!count) throw new Error(`no count for ${step.id}`);
        const cell = table.getByRole('cell', { name: names.cell(label, step, count.done, count.total), exact: true });
        await expect(cell, `${region} ${label} ${step.id}`).toHaveText(`${count.done} av ${count.total}`);
      }
    }
  };
  await expect(tab.getByTestId('rollout-summary')).toContainText(`${summary.all.total} tillitsvalgte i alt`);
  await checkTable('Etter rolle', 'role', summary.byRole);
  await checkTable('Etter tariffområde', 'area', summary.byArea);

  // The people list shows every active representative.
  await expect(peopleRows(tab)).toHaveCount(summary.all.total);

  for (const stepId of ['klarTraining', 'org365']) {
    const step = steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`no step ${stepId}`);
    const missing = missingStep(snapshot.reps, step, snapshot.facts);
    expect(missing.length).toBeGreaterThan(0);
    const toggle = tab.getByRole('button', { name: `Mangler: ${names.step(step)} (${missing.length})`, exact: true });
    // By keyboard: focus the toggle and press Space.
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(peopleRows(tab)).toHaveCount(missing.length);
    const shown = await peopleRows(tab).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rep-id')));
    expect(shown.sort()).toEqual(missing.map((r) => r.id).sort());
    await expect(tab.getByTestId('rollout-filter-status')).toContainText(names.step(step));
    await tab.getByRole('button', { name: 'Vis alle', exact: true }).click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(peopleRows(tab)).toHaveCount(summary.all.total);
  }
});

test('the board adds a representative with an account to the team, and ticks a training step; both are stored', async ({ page }) => {
  test.setTimeout(120_000);
  const before = await readRoster();
  const teamStep = before.steps.find((s) => s.kind === 'teamMember');
  const klarAccess = before.steps.find((s) => s.id === 'klarAccess');
  if (!teamStep || !klarAccess) throw new Error('steps missing');
  const invitee = before.reps.find((r) => canInvite(r, before.steps, before.facts));
  if (!invitee) throw new Error('nobody with an account outside the team');
  const unticked = before.reps.find((r) => !r.retired && !r.marks.klarAccess);
  if (!unticked) throw new Error('everyone has KL*AR access');
  const tab = await openRollout(page, board);

  // Invite: the team step turns done, and the tenant says so.
  const inviteRow = rowOf(tab, invitee.id);
  await expect(inviteRow.locator('td[data-step="team"]')).toHaveAttribute('data-done', 'false');
  await inviteRow.getByRole('button', { name: `Legg ${invitee.name} til i teamet`, exact: true }).click();
  await expect(tab.getByTestId('rollout-notice')).toHaveText(`${invitee.name} er lagt til i teamet.`, { timeout: 30_000 });
  await expect(inviteRow.locator('td[data-step="team"]')).toHaveAttribute('data-done', 'true', { timeout: 30_000 });
  await expect(inviteRow.getByRole('button', { name: /til i teamet/ })).toHaveCount(0);
  const afterInvite = await readRoster();
  const invited = afterInvite.reps.find((r) => r.id === invitee.id);
  if (!invited) throw new Error('invitee gone');
  expect(stepDone(invited, teamStep, afterInvite.facts)).toBe(true);

  // Tick: stored with today's date, by the board.
  const box = rowOf(tab, unticked.id).getByRole('checkbox', { name: `${names.step(klarAccess)}: ${unticked.name}`, exact: true });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(tab.getByTestId('rollout-notice')).toHaveText(`${names.step(klarAccess)} er krysset av for ${unticked.name}.`, { timeout: 30_000 });
  await expect(box).toBeChecked();
  const afterTick = await readRoster();
  expect(afterTick.reps.find((r) => r.id === unticked.id)?.marks.klarAccess).toEqual({ on: today(), by: 'board' });
  // The counts follow.
  const summary = rolloutSummary(afterTick.reps, afterTick.steps, afterTick.facts);
  const count = summary.all.steps.find((s) => s.stepId === 'klarAccess');
  if (!count) throw new Error('no count');
  await expect(
    tab.getByTestId('rollout-summary').getByRole('region', { name: 'Etter rolle', exact: true }).getByRole('cell', { name: names.cell('Alle', klarAccess, count.done, count.total), exact: true }),
  ).toBeVisible();
});

test('a steward sees the counts read-only: no checkboxes, no board tools', async ({ page }) => {
  const snapshot = await readRoster();
  const summary = rolloutSummary(snapshot.reps, snapshot.steps, snapshot.facts);
  const tab = await openRollout(page, steward);
  await expect(tab.getByText('Bare styret kan endre listen.')).toBeVisible();
  await expect(peopleRows(tab)).toHaveCount(summary.all.total);
  await expect(tab.getByRole('checkbox')).toHaveCount(0);
  await expect(tab.getByRole('button', { name: 'Legg til tillitsvalgt' })).toHaveCount(0);
  await expect(tab.getByRole('button', { name: /til i teamet/ })).toHaveCount(0);
  await expect(tab.getByRole('button', { name: /^Rediger/ })).toHaveCount(0);
  await expect(tab.getByTestId('rollout-accounts')).toHaveCount(0);
  await expect(tab.getByTestId('rollout-steps')).toHaveCount(0);
  await expect(tab.getByRole('tab', { name: 'Tillitsvalgte' })).toHaveAttribute('aria-selected', 'true');
});

test('the rollout view: no serious axe violations in all three themes, and no page overflow at 360 px', async ({ page }) => {
  test.setTimeout(120_000);
  const tab = await openRollout(page, board);
  await expect(tab.getByTestId('rollout-chart').getByRole('img', { name: 'Utrullingen over tid' }).locator('svg').first()).toBeVisible();
  // The chart's table is checked too.
  await tab.getByText('Vis tallene som tabell').click();
  await expect(tab.getByRole('region', { name: 'Tillitsvalgte som hadde fullført hvert trinn' })).toBeVisible();
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    await setHostTheme(page, theme);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousA11yViolations(page);
  }

  await page.setViewportSize({ width: 360, height: 740 });
  await setHostTheme(page, 'default');
  // Cards instead of the wide table; the summary is on the first screen.
  await expect(tab.getByTestId('rollout-people').getByRole('table')).toHaveCount(0);
  await expect(tab.getByTestId('rollout-people').locator('li[data-rep-id]').first()).toBeVisible();
  const summaryTop = await tab.getByTestId('rollout-summary').evaluate((el) => el.getBoundingClientRect().top);
  expect(summaryTop).toBeLessThan(740);
  const overflow = await tab.locator('body').evaluate((body) => body.ownerDocument.documentElement.scrollWidth - body.ownerDocument.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
});

test('a goal measured by the rollout moves when the board ticks its step, and the plan shows it', async ({ page }) => {
  test.setTimeout(120_000);
  // The test measures a goal of its own choosing (not one the seed linked from the sample plan's wording).
  const repo = repositoryAs(board, team.id);
  const chosen = (await repo.load())?.goals.find((g) => g.kind !== 'recurring' && !g.rollout);
  if (!chosen) throw new Error('no goal to measure');
  const goal = await repo.updateGoal(
    chosen.id,
    { rollout: { stepId: 'teamsTraining', roles: [] }, kind: 'measured', measure: { unit: '%', baseline: 0, target: 100, current: null } },
    { ifMatch: chosen.etag ?? null },
  );
  if (!goal.rollout) throw new Error('rollout not stored');
  const before = await readRoster();
  const step = before.steps.find((s) => s.id === 'teamsTraining');
  const person = before.reps.find((r) => !r.retired && !r.marks.teamsTraining && (goal.rollout?.roles.length === 0 || goal.rollout?.roles.includes(r.role)));
  if (!step || !person) throw new Error('nobody left to tick');
  const tab = await openRollout(page, board);
  await rowOf(tab, person.id).getByRole('checkbox', { name: `${names.step(step)}: ${person.name}`, exact: true }).check();
  await expect(tab.getByTestId('rollout-notice')).toContainText(person.name, { timeout: 30_000 });

  const after = await readRoster();
  const expected = rolloutProgress(after.reps, after.steps, goal.rollout, after.facts).percent;
  expect(expected).not.toBe(goal.measure?.current ?? null);
  // Stored on the goal by the board's view, so every screen and reminder reads it.
  await expect.poll(async () => (await repo.getGoal(goal.id)).measure?.current, { timeout: 30_000 }).toBe(expected);
  await tab.getByRole('tab', { name: 'Plan' }).click();
  const formatted = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(expected ?? 0);
  await expect(tab.locator(`li[data-goal-id="${goal.id}"]`).getByTestId('progress-text')).toContainText(formatted, { timeout: 30_000 });
});
