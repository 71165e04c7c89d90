/**
 * My goals through the local Teams host: a steward sees only the goals they own, checks in with one
 * button and the progress changes at once; the check-in is stored exactly once. The personal tab
 * gathers a person's goals from every team. Accessible in all three themes, and at 360 px.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { openTab, setHostTheme } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { repositoryAs } from './support/graph';
import { DEMO_GUEST_UPN, demoPerson } from '../../emulator/seed/demo-tenant';
import { ownsGoal, type PlanSnapshot } from '../../src/domain/plan';

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
const asker = DEMO_TEAMS.find((t) => t.planKey === 'asker');
const sorVaranger = DEMO_TEAMS.find((t) => t.planKey === 'sor-varanger');
if (!alver || !asker || !sorVaranger) throw new Error('demo team missing');
const steward = 'ola.nesse@org365.example';
const ingrid = 'ingrid.haugland@org365.example';
if (!alver.members.includes(steward) || !asker.members.includes(ingrid) || !alver.owners.includes(ingrid)) throw new Error('demo tenant changed');

const goals = (tab: FrameLocator) => tab.locator('li[data-goal-id]');

async function openMyGoals(page: Page, user: string, locale = 'en-US') {
  const tab = await openTab(page, { user, team: alver?.displayName, locale, view: 'tab', subEntityId: 'mine' });
  await expect(tab.getByRole('heading', { level: 1, name: locale === 'en-US' ? 'My goals' : 'Mine mål' })).toBeVisible({ timeout: 30_000 });
  await expect(goals(tab).first()).toBeVisible();
  return tab;
}

test('a steward sees their own goals only and checks in with one button; stored exactly once', async ({ page }) => {
  const repo = repositoryAs(steward, alver.id);
  const snapshot = await repo.load();
  if (!snapshot) throw new Error('no plan');
  const own = snapshot.goals.filter((g) => ownsGoal(g, demoPerson(steward).id));
  expect(own.length).toBeGreaterThan(1);

  const tab = await openMyGoals(page, steward);
  await expect(goals(tab)).toHaveCount(own.length);
  const shown = await goals(tab).evaluateAll((items) => items.map((li) => li.getAttribute('data-goal-id')));
  expect(shown.sort()).toEqual(own.map((g) => g.id).sort());

  // A measured goal: the value is the new current value, labelled with the unit.
  const measured = own.find((g) => g.kind === 'measured' && g.measure?.target);
  if (!measured?.measure?.target) throw new Error('the steward owns no measured goal');
  const item = tab.locator(`li[data-goal-id="${measured.id}"]`);
  const value = Math.round(measured.measure.target * 0.9);
  const comment = `Rapport fra e2e ${Date.now()}`;
  await item.getByLabel(`New value (${measured.measure.unit})`).fill(String(value));
  await item.getByLabel('Comment').fill(comment);
  await expect(item.getByLabel('Date')).toHaveValue(new Date().toISOString().slice(0, 10));
  await item.getByRole('button', { name: 'Check in' }).click();
  await expect(item.getByTestId('check-in-status')).toHaveText('Check-in saved.');
  const formatted = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value);
  await expect(item.getByTestId('progress-text')).toContainText(`${formatted} of`);
  await expect(item.getByLabel(`New value (${measured.measure.unit})`)).toHaveValue('');

  // A milestone: a "done" check-in makes it done at once.
  const milestone = own.find((g) => g.kind === 'milestone' && g.status !== 'done');
  if (!milestone) throw new Error('the steward owns no open milestone');
  const ms = tab.locator(`li[data-goal-id="${milestone.id}"]`);
  await ms.getByRole('button', { name: 'Check in' }).click();
  await expect(ms.getByText('Enter a value or a comment.')).toBeVisible();
  await ms.getByRole('checkbox', { name: 'The milestone is reached' }).check();
  await ms.getByRole('button', { name: 'Check in' }).click();
  await expect(ms.getByTestId('check-in-status')).toHaveText('Check-in saved.');
  await expect(ms.locator('[data-status]')).toHaveAttribute('data-status', 'done');
  await expect(ms.getByTestId('progress-text')).toHaveText('Done');

  const stored = (await repo.checkInsOf(measured.id)).filter((c) => c.comment === comment);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ value, author: { id: demoPerson(steward).id } });
  expect(stored[0]?.clientId).toMatch(/^[0-9a-f-]{36}$/);
  const done = (await repo.checkInsOf(milestone.id)).filter((c) => c.value === 1);
  expect(done).toHaveLength(1);
});

test('a guest (external UPN, own e-mail) and a user without a mailbox find their goals, matched by Entra id', async ({ page }) => {
  for (const upn of [DEMO_GUEST_UPN, 'ola.nesse@org365.example']) {
    const snapshot = await repositoryAs(upn, alver?.id ?? '').load();
    const own = (snapshot?.goals ?? []).filter((g) => ownsGoal(g, demoPerson(upn).id));
    expect(own.length, upn).toBeGreaterThan(0);
    const tab = await openMyGoals(page, upn);
    await expect(goals(tab)).toHaveCount(own.length);
    const shown = await goals(tab).evaluateAll((items) => items.map((li) => li.getAttribute('data-goal-id')));
    expect(shown.sort()).toEqual(own.map((g) => g.id).sort());
  }
});

test('the personal tab lists Ingrid’s goals from both Alver and Asker', async ({ page }) => {
  const [inAlver, inAsker] = await Promise.all([repositoryAs(ingrid, alver.id).load(), repositoryAs(ingrid, asker.id).load()]);
  const mine = (goalsOf: PlanSnapshot | null) => (goalsOf?.goals ?? []).filter((g) => ownsGoal(g, demoPerson(ingrid).id)).map((g) => g.id);
  const alverIds = mine(inAlver);
  const askerIds = mine(inAsker);
  expect(alverIds.length).toBeGreaterThan(0);
  expect(askerIds.length).toBeGreaterThan(0);

  const tab = await openTab(page, { user: ingrid, locale: 'nb-NO', view: 'personal' });
  await expect(tab.getByRole('heading', { level: 1, name: 'Mine mål' })).toBeVisible({ timeout: 30_000 });
  const alverSection = tab.getByRole('region', { name: alver.displayName });
  const askerSection = tab.getByRole('region', { name: asker.displayName });
  await expect(alverSection.locator('li[data-goal-id]')).toHaveCount(alverIds.length, { timeout: 20_000 });
  await expect(askerSection.locator('li[data-goal-id]')).toHaveCount(askerIds.length);
  const shownAsker = await askerSection.locator('li[data-goal-id]').evaluateAll((items) => items.map((li) => li.getAttribute('data-goal-id')));
  expect(shownAsker.sort()).toEqual([...askerIds].sort());
  await expect(tab.getByRole('region', { name: sorVaranger.displayName })).toHaveCount(0);
  await expect(askerSection.getByRole('button', { name: 'Rapporter' }).first()).toBeVisible();
});

test('my goals and the check-in form: no serious axe violations in all three themes, usable at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const tab = await openMyGoals(page, steward, 'nb-NO');
  const first = tab.locator('li[data-kind="measured"]').first();
  // Show the form's validation message too, so that it is checked.
  await first.getByRole('button', { name: 'Rapporter' }).click();
  await expect(first.getByText('Skriv inn en verdi eller en kommentar.')).toBeVisible();
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    await setHostTheme(page, theme);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousA11yViolations(page);
  }
  const overflow = await tab.locator('body').evaluate((body) => body.ownerDocument.documentElement.scrollWidth - body.ownerDocument.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Keyboard only: value, then date (the browser's date field has its own day/month/year stops),
  // then comment and the button; Enter on the button sends the check-in.
  await first.getByLabel(/^Ny verdi/).focus();
  await page.keyboard.press('Tab');
  await expect(first.getByLabel('Dato')).toBeFocused();
  await first.getByLabel('Kommentar').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(first.getByLabel('Dato')).toBeFocused();
  await first.getByLabel('Kommentar').focus();
  await page.keyboard.type('Fra tastaturet');
  await page.keyboard.press('Tab');
  await expect(first.getByRole('button', { name: 'Rapporter' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(first.getByTestId('check-in-status')).toHaveText('Rapporten er lagret.');
});
