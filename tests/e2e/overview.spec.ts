/**
 * The Overview screen (the tab's default view) through the local Teams host: its sections with the
 * demo plans for a steward and a board member, goal links that open the Goal screen by mouse and
 * keyboard, accessibility of both screens in every Teams theme, and a 360-px wide tab.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { openTab, type HostTheme } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { repositoryAs } from './support/graph';

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
const asker = DEMO_TEAMS.find((t) => t.planKey === 'asker');
if (!alver || !asker) throw new Error('demo team missing');

const SECTIONS = {
  nb: ['Fremdrift per område', 'Trenger oppfølging', 'Frister de neste 30 dagene', 'Faste aktiviteter som forfaller denne måneden', 'Siste innrapporteringer'],
  nn: ['Framdrift per område', 'Treng oppfølging', 'Fristar dei neste 30 dagane', 'Faste aktivitetar som forfell denne månaden', 'Siste innrapporteringar'],
} as const;

/** Opens the tab with no sub-page, which is the Overview. */
async function openOverview(page: Page, user: string, teamName: string, locale: string, theme: HostTheme = 'default'): Promise<FrameLocator> {
  const tab = await openTab(page, { user, team: teamName, locale, theme, view: 'tab' });
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(locale === 'en-US' ? 'Overview' : 'Oversikt', { timeout: 30_000 });
  return tab;
}

/** Every section is there, and each lists something or says it has nothing. */
async function expectSections(tab: FrameLocator, titles: readonly string[]) {
  for (const title of titles) {
    const section = tab.getByRole('region', { name: title });
    await expect(section).toBeVisible();
    const items = await section.locator('li').count();
    const empty = await section.locator('[data-empty]').count();
    expect(items > 0 || empty === 1, `${title}: items or an empty note`).toBe(true);
  }
}

test('a steward sees the plan at a glance and a goal link opens the Goal screen', async ({ page }) => {
  const stored = await repositoryAs(alver.owners[0] as string, alver.id).load();
  const tab = await openOverview(page, alver.members[0] as string, alver.displayName, 'nn-NO');
  await expect(tab.getByRole('tab', { name: 'Oversikt', selected: true })).toBeVisible();
  await expectSections(tab, SECTIONS.nn);

  const areas = tab.getByRole('region', { name: 'Framdrift per område' }).locator('li[data-area-id]');
  await expect(areas).toHaveCount(stored?.areas.length ?? -1);
  await expect(areas.first().getByRole('progressbar', { name: /^Framdrift i område 1: \d+\s?%$/ })).toBeVisible();
  await expect(areas.first()).toContainText(/lokale mål/);

  const latest = tab.getByRole('region', { name: 'Siste innrapporteringar' }).locator('li');
  await expect(latest).toHaveCount(10);
  await expect(tab.getByRole('region', { name: 'Treng oppfølging' }).locator('li').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Keyboard: focus a goal link and press Enter.
  const link = latest.first().getByRole('link');
  const text = (await link.textContent()) ?? '';
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(text);
  await expect(tab.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(tab.getByRole('region', { name: 'Kommentarar' })).toBeVisible();
});

test('a board member sees the same sections for their union; a click opens a goal', async ({ page }) => {
  const tab = await openOverview(page, asker.owners[0] as string, asker.displayName, 'nb-NO');
  await expectSections(tab, SECTIONS.nb);
  await expect(tab.getByText('Din rolle: Styret')).toBeVisible();
  await expect(tab.getByRole('region', { name: 'Fremdrift per område' }).getByRole('progressbar').first()).toBeVisible();
  const goalLink = tab.locator('main a[data-goal-link]').first();
  const text = (await goalLink.textContent()) ?? '';
  await goalLink.click();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(text);
  await expect(tab.getByRole('link', { name: 'Rediger i planen' })).toBeVisible();
});

for (const theme of ['default', 'dark', 'contrast'] as const) {
  test(`overview and goal screens have no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
    const tab = await openOverview(page, alver.owners[1] as string, alver.displayName, 'en-US', theme);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(tab.getByRole('region', { name: 'Latest check-ins' }).locator('li').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // A measured goal with reports, so its page has a chart (other specs may have reported on a
    // milestone last, and milestones have no chart).
    const stored = await repositoryAs(alver.owners[0] as string, alver.id).load();
    const measured = stored?.goals.find((g) => g.kind === 'measured' && g.measure?.target && stored.checkIns.some((c) => c.goalId === g.id && c.value !== null));
    if (!measured) throw new Error('no measured goal with reports in the demo plan');
    const goalTab = await openTab(page, { user: alver.owners[1] as string, team: alver.displayName, locale: 'en-US', theme, view: 'tab', subEntityId: `goal:${measured.id}` });
    await expect(goalTab.getByRole('region', { name: 'Changes' }).locator('li').first()).toBeVisible();
    await expect(goalTab.getByRole('region', { name: 'Check-ins' }).getByRole('img').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test('at 360 px neither screen scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const tab = await openOverview(page, alver.members[1] as string, alver.displayName, 'nb-NO');
  const overflow = () => tab.locator('html').evaluate((html) => ({ scroll: html.scrollWidth, client: html.clientWidth }));
  let size = await overflow();
  expect(size.client).toBeLessThanOrEqual(360);
  expect(size.scroll).toBeLessThanOrEqual(size.client);
  await tab.getByRole('region', { name: 'Siste innrapporteringer' }).getByRole('link').first().click();
  await expect(tab.getByRole('region', { name: 'Innrapporteringer' })).toBeVisible();
  await expect(tab.getByRole('region', { name: 'Endringer' }).locator('li').first()).toBeVisible();
  size = await overflow();
  expect(size.scroll).toBeLessThanOrEqual(size.client);
});
