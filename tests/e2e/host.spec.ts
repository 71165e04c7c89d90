/**
 * The local Teams host page (host-sim/) and the Teams seam (src/teams) in real Chromium with the
 * real teams-js: the host answers the protocol, the probe page and the app receive context and live
 * theme changes, and a tab outside any host does not hang.
 */
import { expect, test, type Frame, type Page } from '@playwright/test';
import { hostSaveButton, hostStatus, openTab, setHostTheme } from './support/host';
import { E2E_APP_URL } from './support/stack-env';

const BOARD_MEMBER = 'ingrid.haugland@org365.example';
const STEWARD = 'ola.nesse@org365.example';
const PROBE = '/tests/e2e/pages/teams-probe.html';

function tabFrame(page: Page): Frame {
  const frame = page.frame({ name: 'tab' });
  if (!frame) throw new Error('tab frame missing');
  return frame;
}

test.describe('host page', () => {
  test('lists users and teams from the emulator and writes its state into the URL', async ({ page }) => {
    await page.goto('/');
    const users = page.getByLabel('User', { exact: true });
    await expect(users.locator('option')).not.toHaveCount(0);
    await expect(users.locator('option', { hasText: 'Ingrid Haugland (ingrid.haugland@org365.example)' })).toHaveCount(1);
    const teams = page.getByLabel('Team', { exact: true });
    await expect(teams.locator('option')).toHaveText(['Fagforbundet Alver', 'Fagforbundet Sør-Varanger', 'Fagforbundet Asker']);
    await expect(page.getByLabel('Channel', { exact: true }).locator('option')).toHaveText(['General', 'Styret', 'Påminnelser']);
    await expect(page).toHaveURL(/[?&]user=[^&]+&team=Fagforbundet%20Alver/);
    // The content URL's context placeholders filled in, as Teams does (teams/context-hints.ts).
    await expect(page.locator('#tab-frame')).toHaveAttribute('src', `${E2E_APP_URL}index.html?locale=nb-NO&theme=default&page=#/tab`);
  });

  test('reproduces a view from its URL', async ({ page }) => {
    await page.goto(`/?user=${STEWARD}&team=Fagforbundet%20Asker&channel=Styret&theme=dark&locale=en-US&view=config`);
    await expect(page.getByLabel('User', { exact: true })).toHaveValue(STEWARD);
    await expect(page.getByLabel('Team', { exact: true })).toHaveValue('97fefc9c-4463-57d4-bb0d-f454ee9501b7');
    await expect(page.getByLabel('Channel', { exact: true }).locator('option:checked')).toHaveText('Styret');
    await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('dark');
    await expect(page.getByLabel('Locale', { exact: true })).toHaveValue('en-US');
    await expect(page.getByLabel('View', { exact: true })).toHaveValue('config');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('#tab-frame')).toHaveAttribute('src', /#\/config$/);
    await expect(hostSaveButton(page)).toBeVisible();
    // Not a member of Asker: the host still loads the tab, with a warning.
    await expect(hostStatus(page)).toContainText('not a member of Fagforbundet Asker');
  });

  test('picker changes reload the tab and update the URL', async ({ page }) => {
    await openTab(page, { user: BOARD_MEMBER, team: 'Fagforbundet Alver' });
    await page.getByLabel('View', { exact: true }).selectOption('personal');
    await expect(page).toHaveURL(/view=personal/);
    await expect(page.locator('#tab-frame')).toHaveAttribute('src', /#\/personal$/);
    await expect(page.getByLabel('Team', { exact: true })).toBeDisabled();
    await page.getByLabel('Locale', { exact: true }).selectOption('nn-NO');
    await expect(page).toHaveURL(/locale=nn-NO/);
  });
});

test.describe('teams-js against the host page (probe page)', () => {
  test('initializes and receives the context', async ({ page }) => {
    const tab = await openTab(page, {
      user: BOARD_MEMBER,
      team: 'Fagforbundet Alver',
      locale: 'nn-NO',
      subEntityId: 'goal-2',
      tabPath: PROBE,
    });
    await expect(tab.locator('#probe')).toHaveAttribute('data-state', 'connected');
    const fact = (name: string) => tab.locator(`[data-fact="${name}"]`);
    await expect(fact('hostName')).toHaveText('Teams');
    await expect(fact('frameContext')).toHaveText('content');
    await expect(fact('user')).toHaveText(BOARD_MEMBER);
    await expect(fact('userId')).toHaveText('d16ac1ac-24a9-53db-bfb7-3bd73d39e6c1');
    await expect(fact('tenantId')).toHaveText('81563b80-a35d-5c55-af96-7287cafa8b0f');
    await expect(fact('team')).toHaveText('Fagforbundet Alver');
    await expect(fact('groupId')).toHaveText('af1a4781-485e-5fbe-af5a-e65a9b437966');
    await expect(fact('teamRole')).toHaveText('owner');
    await expect(fact('channel')).toHaveText('General');
    await expect(fact('locale')).toHaveText('nn-NO');
    await expect(fact('theme')).toHaveText('default');
    await expect(fact('pageId')).toHaveText('handlingsplan');
    await expect(fact('subPageId')).toHaveText('goal-2');
    await expect(tab.locator('html')).toHaveAttribute('lang', 'nn');
    await expect(hostStatus(page)).toHaveText('Tab ready');
  });

  test('a theme change reaches the open tab live', async ({ page }) => {
    const tab = await openTab(page, { user: BOARD_MEMBER, team: 'Fagforbundet Alver', tabPath: PROBE });
    await expect(tab.locator('#probe')).toHaveAttribute('data-state', 'connected');
    await tabFrame(page).evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same document';
    });
    await setHostTheme(page, 'dark');
    await expect(tab.locator('html')).toHaveAttribute('data-theme', 'dark');
    await setHostTheme(page, 'contrast');
    await expect(tab.locator('html')).toHaveAttribute('data-theme', 'contrast');
    await expect(page).toHaveURL(/theme=contrast/);
    const marker = await tabFrame(page).evaluate(() => (window as unknown as { marker?: string }).marker);
    expect(marker).toBe('same document');
  });

  test('the configuration page saves through the host, which then opens the tab', async ({ page }) => {
    const tab = await openTab(page, { user: BOARD_MEMBER, team: 'Fagforbundet Alver', view: 'config', tabPath: PROBE });
    await expect(tab.locator('[data-fact="frameContext"]')).toHaveText('settings');
    await expect(hostSaveButton(page)).toBeEnabled();
    await hostSaveButton(page).click();
    await expect(page).toHaveURL(/^(?!.*view=config)/);
    await expect(tab.locator('[data-fact="frameContext"]')).toHaveText('content');
    await expect(tab.locator('[data-fact="pageId"]')).toHaveText('probe-tab');
    await expect(page.locator('#tab-frame')).toHaveAttribute('src', `${E2E_APP_URL}tests/e2e/pages/teams-probe.html#/tab`);
    await expect(hostStatus(page)).toHaveText('Tab ready');
  });

  test('deep links and sub-page navigation reload the tab with the new sub-entity', async ({ page }) => {
    const tab = await openTab(page, { user: BOARD_MEMBER, team: 'Fagforbundet Alver', tabPath: PROBE });
    await expect(tab.locator('#probe')).toHaveAttribute('data-state', 'connected');
    await tab.getByRole('button', { name: 'Open deep link' }).click();
    await expect(tab.locator('[data-fact="subPageId"]')).toHaveText('from-deep-link');
    await expect(page).toHaveURL(/subEntityId=from-deep-link/);
    await tab.getByRole('button', { name: 'Navigate to sub-page' }).click();
    await expect(tab.locator('[data-fact="subPageId"]')).toHaveText('from-navigate');
    await expect(page).toHaveURL(/subEntityId=from-navigate/);
  });
});

test.describe('outside any host', () => {
  test('connectToHost returns null at once when the tab is not framed', async ({ page }) => {
    await page.goto(`${E2E_APP_URL}${PROBE.slice(1)}`);
    const probe = page.locator('#probe');
    await expect(probe).toHaveAttribute('data-state', 'standalone');
    expect(Number(await probe.getAttribute('data-connect-ms'))).toBeLessThan(500);
  });

  test('connectToHost gives up after its timeout when the parent never answers', async ({ page }) => {
    await page.goto(`${E2E_APP_URL}tests/e2e/pages/silent-parent.html`);
    const probe = page.frameLocator('#child').locator('#probe');
    await expect(probe).toHaveAttribute('data-state', 'standalone', { timeout: 5000 });
    const elapsed = Number(await probe.getAttribute('data-connect-ms'));
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(3000);
  });
});

test.describe('the app in the host page', () => {
  test('receives locale and theme, and follows a theme change live', async ({ page }) => {
    const tab = await openTab(page, { user: BOARD_MEMBER, team: 'Fagforbundet Alver', locale: 'nn-NO' });
    const root = tab.locator('html');
    await expect(root).toHaveAttribute('data-theme', 'default', { timeout: 20_000 });
    await expect(root).toHaveAttribute('lang', /^nn/);
    await expect(hostStatus(page)).toHaveText('Tab ready');
    await setHostTheme(page, 'dark');
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await expect(tab.locator('[data-theme="dark"]').nth(1)).toBeAttached();
  });

  test('its configuration page saves through the host, which then opens the tab', async ({ page }) => {
    await openTab(page, { user: BOARD_MEMBER, team: 'Fagforbundet Alver', view: 'config' });
    await expect(hostSaveButton(page)).toBeEnabled({ timeout: 20_000 });
    await hostSaveButton(page).click();
    await expect(page.getByLabel('View', { exact: true })).toHaveValue('tab');
    // The page saved the content URL with the context placeholders; the host filled them in.
    await expect(page.locator('#tab-frame')).toHaveAttribute('src', `${E2E_APP_URL}index.html?locale=nb-NO&theme=default&page=#/tab`);
    await expect(hostStatus(page)).toHaveText('Tab ready', { timeout: 20_000 });
  });

});

test.describe('the app outside any host', () => {
  test.use({ locale: 'en-US' });

  test('opened outside Teams, the app does not hang', async ({ page }) => {
    await page.goto(E2E_APP_URL, { waitUntil: 'commit' });
    // Its real content: the notice that says where to open it (not merely any render, which the
    // configuration error page would also be).
    await expect(page.getByText('Open this app in Microsoft Teams', { exact: true })).toBeVisible({ timeout: 10_000 });
    // Time from navigation start to the notice, measured in the page.
    const renderedAt = await page.evaluate(() => performance.now());
    test.info().annotations.push({ type: 'outside-host render (ms)', description: String(Math.round(renderedAt)) });
    expect(renderedAt).toBeLessThan(10_000);
    await expect(page.getByText('Handlingsplan is a tab in your union’s team in Microsoft Teams.', { exact: false })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
    // No error message of any kind.
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await expect(page.getByText('not set up correctly', { exact: false })).toHaveCount(0);
    await expect(page.getByText('Invalid app configuration', { exact: false })).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
