/**
 * Offline check-ins and the persisted cache through the local Teams host: check-ins made offline
 * are queued in IndexedDB and sent exactly once when the connection returns; a check-in the server
 * refuses stays visible with the reason and a retry; reopening the tab shows the last plan from the
 * persisted cache before slow Graph answers arrive, then refreshes it.
 */
import { expect, test, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { ownsGoal, type LocalGoal } from '../../src/domain/plan';
import { openTab } from './support/host';
import { emulatorOrigin, repositoryAs } from './support/graph';
import { demoPerson } from '../../emulator/seed/demo-tenant';

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
if (!alver) throw new Error('demo team missing');
const steward = 'marte.hjelmeland@org365.example';
const otherSteward = 'eirik.fosse@org365.example';
if (!alver.members.includes(steward) || !alver.members.includes(otherSteward)) throw new Error('demo tenant changed');

async function openMyGoals(page: Page, user: string): Promise<FrameLocator> {
  const tab = await openTab(page, { user, team: alver?.displayName, locale: 'en-US', view: 'tab', subEntityId: 'mine' });
  await expect(tab.getByRole('heading', { level: 1, name: 'My goals' })).toBeVisible({ timeout: 30_000 });
  await expect(tab.locator('li[data-goal-id]').first()).toBeVisible();
  return tab;
}

async function ownGoals(user: string): Promise<LocalGoal[]> {
  const snapshot = await repositoryAs(user, alver?.id ?? '').load();
  return (snapshot?.goals ?? []).filter((g) => ownsGoal(g, demoPerson(user).id));
}

async function setFaults(request: APIRequestContext, faults: Record<string, unknown>): Promise<void> {
  const response = await request.put(`${emulatorOrigin()}/_emulator/faults`, { data: faults, ignoreHTTPSErrors: true });
  expect(response.ok()).toBe(true);
}

/** The persisted query cache as the tab stored it in IndexedDB ('' until it exists). */
async function persistedCache(page: Page): Promise<string> {
  const frame = await (await page.locator('#tab-frame').elementHandle())?.contentFrame();
  if (!frame) return '';
  return frame.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('handlingsplan-cache')) return '';
    return new Promise<string>((resolve) => {
      const open = indexedDB.open('handlingsplan-cache');
      open.onerror = () => resolve('');
      open.onsuccess = () => {
        try {
          const get = open.result.transaction('queries').objectStore('queries').get('handlingsplan-query-cache');
          get.onsuccess = () => resolve(typeof get.result === 'string' ? get.result : '');
          get.onerror = () => resolve('');
        } catch {
          resolve('');
        }
      };
    });
  });
}

test('check-ins made offline are queued, sent once back online, and the plan reopens from the cache while Graph is slow', async ({ page, request }) => {
  test.setTimeout(150_000);
  const own = await ownGoals(steward);
  const measured = own.find((g) => g.kind === 'measured' && g.measure?.target);
  const milestone = own.find((g) => g.kind === 'milestone');
  if (!measured?.measure?.target || !milestone) throw new Error('the steward needs a measured goal and a milestone');
  const repo = repositoryAs(steward, alver.id);
  const value = Math.round(measured.measure.target * 0.8);
  const comment = `Uten nett ${Date.now()}`;
  const milestoneComment = `Milepæl uten nett ${Date.now()}`;

  const tab = await openMyGoals(page, steward);
  const item = tab.locator(`li[data-goal-id="${measured.id}"]`);
  const ms = tab.locator(`li[data-goal-id="${milestone.id}"]`);
  const queueStatus = tab.getByTestId('queue-status');
  // The plan is stored before the user has changed anything, so a tab closed untouched reopens
  // from the cache (that keeping starts with what the cache holds is unit-tested: keepPersisted).
  await expect(item).toBeVisible();
  await expect.poll(() => persistedCache(page), { timeout: 10_000 }).toContain(measured.id);

  await page.context().setOffline(true);
  await item.getByLabel(`New value (${measured.measure.unit})`).fill(String(value));
  await item.getByLabel('Comment').fill(comment);
  await item.getByRole('button', { name: 'Check in' }).click();
  await expect(item.getByTestId('check-in-status')).toHaveText('Saved offline — will be sent when you are back online.');
  await expect(queueStatus).toHaveText('Saved offline — will be sent when you are back online. 1 check-in is waiting.');
  await expect(item).toContainText('1 check-in waiting to be sent');

  await ms.getByLabel('Comment').fill(milestoneComment);
  await ms.getByRole('button', { name: 'Check in' }).click();
  await expect(queueStatus).toHaveText('Saved offline — will be sent when you are back online. 2 check-ins are waiting.');
  expect((await repo.checkInsOf(measured.id)).filter((c) => c.comment === comment)).toHaveLength(0);

  await page.context().setOffline(false);
  await expect(queueStatus).toHaveText('Sent. 2 check-ins saved offline are now stored.', { timeout: 20_000 });
  await expect(item.getByTestId('check-in-status')).toHaveText('Check-in saved.');
  await expect(item).not.toContainText('waiting to be sent');
  const formatted = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value);
  await expect(item.getByTestId('progress-text')).toContainText(`${formatted} of`);
  await expect(ms.getByTestId('last-check-in')).toContainText(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date()));

  const stored = (await repo.checkInsOf(measured.id)).filter((c) => c.comment === comment);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.value).toBe(value);
  expect((await repo.checkInsOf(milestone.id)).filter((c) => c.comment === milestoneComment)).toHaveLength(1);

  // The persisted cache holds the refreshed plan; reopen with every Graph answer 4 s late.
  await expect.poll(() => persistedCache(page), { timeout: 15_000 }).toContain(comment);
  try {
    await setFaults(request, { latencyMs: 4000 });
    await page.reload();
    const again = page.frameLocator('#tab-frame');
    const cachedItem = again.locator(`li[data-goal-id="${measured.id}"]`);
    await expect(cachedItem.getByTestId('progress-text')).toContainText(`${formatted} of`, { timeout: 30_000 });
    // Shown while the refresh from Graph is still under way: it came from the persisted cache.
    const refreshing = again.getByTestId('refreshing');
    await expect(refreshing).toBeVisible({ timeout: 1000 });
    await expect(refreshing).toHaveText('Updating…');
    await expect(refreshing).toBeHidden({ timeout: 60_000 });
    await expect(cachedItem.getByTestId('progress-text')).toContainText(`${formatted} of`);
  } finally {
    await setFaults(request, {});
  }
});

test('a queued check-in the server refuses stays visible with the reason, and can be retried', async ({ page, request }) => {
  const own = await ownGoals(otherSteward);
  const goal = own[0];
  if (!goal) throw new Error('the steward owns no goal');
  const comment = `Avvist først ${Date.now()}`;
  const repo = repositoryAs(otherSteward, alver.id);

  const tab = await openMyGoals(page, otherSteward);
  const item = tab.locator(`li[data-goal-id="${goal.id}"]`);
  await page.context().setOffline(true);
  await item.getByLabel('Comment').fill(comment);
  await item.getByRole('button', { name: 'Check in' }).click();
  await expect(tab.getByTestId('queue-status')).toContainText('1 check-in is waiting.');

  try {
    await setFaults(request, { failureRate: 1, failureStatuses: [403] });
    await page.context().setOffline(false);
    const refused = tab.getByRole('region', { name: 'Check-ins that were not accepted' });
    await expect(refused).toBeVisible({ timeout: 20_000 });
    await expect(refused).toContainText(goal.text);
    await expect(refused).toContainText('You do not have permission to report on this plan.');
  } finally {
    await setFaults(request, {});
  }
  expect((await repo.checkInsOf(goal.id)).filter((c) => c.comment === comment)).toHaveLength(0);

  await tab.getByRole('button', { name: 'Try again' }).click();
  await expect(tab.getByTestId('queue-status')).toHaveText('Sent. 1 check-in saved offline is now stored.', { timeout: 20_000 });
  await expect(tab.getByRole('region', { name: 'Check-ins that were not accepted' })).toHaveCount(0);
  expect((await repo.checkInsOf(goal.id)).filter((c) => c.comment === comment)).toHaveLength(1);
});
