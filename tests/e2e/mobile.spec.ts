/**
 * Teams for iOS and Android: the tab is the top document of a webview, not framed, and teams-js
 * reaches the host through the `window.nativeInterface` the app injects. host-sim/native-bridge.ts
 * plays the phone's Teams app (the injected script plus protocol.ts's TabSession behind it); this
 * spec opens the plan that way at a phone's size, as a steward, and makes a check-in on My goals.
 *
 * Shared state: the e2e stack's emulator is shared by every spec of a run. The check-in here is a
 * comment only on a measured goal (it leaves progress, status and the milestones other specs count
 * unchanged) and is found again by its unique comment.
 */
import { expect, test } from '@playwright/test';
import { DEMO_TEAMS, DEMO_TENANT_ID, demoPerson } from '../../emulator/seed/demo-tenant';
import { attachNativeHost } from '../../host-sim/native-bridge';
import { findTeam, tabLaunch, type EmulatorTeam, type EmulatorUser } from '../../host-sim/tab-context';
import { repositoryAs } from './support/graph';
import { hostStatus, openTab } from './support/host';
import { E2E_APP_URL } from './support/stack-env';
import { ownsGoal } from '../../src/domain/plan';

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
if (!alver) throw new Error('demo team missing');
const steward = 'ola.nesse@org365.example';
if (!alver.members.includes(steward)) throw new Error('demo tenant changed');

test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

test('on a phone the tab runs unframed through the native interface and a steward checks in', async ({ page }) => {
  const repo = repositoryAs(steward, alver.id);
  const snapshot = await repo.load();
  const measured = snapshot?.goals.find((g) => ownsGoal(g, demoPerson(steward).id) && g.kind === 'measured');
  if (!measured) throw new Error('the steward owns no measured goal');

  // The host's view of the tenant, from the emulator, as the host page reads it.
  const [users, teams] = await Promise.all([
    page.request.get('/_emulator/users').then(async (r) => ((await r.json()) as { value: EmulatorUser[] }).value),
    page.request.get('/_emulator/teams').then(async (r) => ((await r.json()) as { value: EmulatorTeam[] }).value),
  ]);
  const launch = tabLaunch({
    entryUrl: `${E2E_APP_URL}index.html`,
    tenantId: DEMO_TENANT_ID,
    users,
    view: 'tab',
    user: steward,
    team: findTeam(teams, alver.displayName),
    theme: 'default',
    locale: 'en-US',
    subEntityId: 'mine',
    clientType: 'android',
    sessionId: crypto.randomUUID(),
  });
  const native = await attachNativeHost(page, { context: launch.input });
  await page.goto(launch.src);

  await expect(page.getByRole('heading', { level: 1, name: 'My goals' })).toBeVisible({ timeout: 30_000 });
  // Not framed, no opener: the native interface is the only way to the host.
  const surroundings = await page.evaluate(() => ({
    topLevel: window.parent === window && window.top === window && window.frameElement === null,
    opener: window.opener as unknown,
    native: typeof (window as Window & { nativeInterface?: { framelessPostMessage?: unknown } }).nativeInterface
      ?.framelessPostMessage,
  }));
  expect(surroundings).toEqual({ topLevel: true, opener: null, native: 'function' });
  const funcs = native.log.map((entry) => entry.func);
  expect(funcs.slice(0, 2)).toEqual(['initialize', 'getContext']);
  await expect.poll(() => native.log.map((entry) => entry.func)).toContain('appInitialization.success');

  // The plan's goals for this steward, usable at 390 px without sideways scrolling.
  const item = page.locator(`li[data-goal-id="${measured.id}"]`);
  await expect(item).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const comment = `Fra mobilen ${Date.now()}`;
  await item.getByLabel('Comment').fill(comment);
  await item.getByRole('button', { name: 'Check in' }).tap();
  await expect(item.getByTestId('check-in-status')).toHaveText('Check-in saved.');

  // It reached the emulator, once, as the steward's.
  const stored = (await repo.checkInsOf(measured.id)).filter((c) => c.comment === comment);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ value: null, author: { id: demoPerson(steward).id } });
});

test('the host page tells how to open the current view as on a phone', async ({ page }) => {
  await openTab(page, { user: steward, team: alver.displayName, locale: 'en-US', subEntityId: 'mine' });
  // The tab's notifySuccess sets the status line too: wait for it, or it may overwrite the hint.
  await expect(hostStatus(page)).toHaveText('Tab ready', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Phone', exact: true }).click();
  await expect(hostStatus(page)).toContainText(
    `npx tsx host-sim/mobile.ts --user ${steward} --team "${alver.displayName}" --sub-entity mine --locale en-US --host `,
  );
});
