/**
 * A plan far larger than any union's (a county's plans together, issue 16): the Plan view renders
 * only the goal cards near the viewport, and still reads as the whole plan: every goal reachable by
 * scrolling, by search and by the keyboard, each card telling assistive technology its place among
 * all of its list's goals, no card drawn over another, and no serious axe violation.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { seedPlan } from '../../emulator/seed/synthetic-plans';
import { openTab } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorEndpoint } from './support/graph';

const team = (() => {
  const found = DEMO_TEAMS.find((t) => t.planKey === 'sor-varanger');
  if (!found) throw new Error('demo team missing');
  return found;
})();
const steward = team.members[0] as string;
/** Six areas of 200 goals, two national goals each: 100 goals a list (emulator/seed/synthetic-plans.ts). */
const GOALS = 1200;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await seedPlan(emulatorEndpoint(), team, GOALS);
});
// Specs running later expect the demo plan (as import.spec.ts does after its replace).
test.afterAll(async () => {
  test.setTimeout(180_000);
  await seedTeamPlan(emulatorEndpoint(), team);
});

const cards = (tab: FrameLocator) => tab.locator('li[data-goal-id]');

async function openPlan(page: Page): Promise<FrameLocator> {
  const tab = await openTab(page, { user: steward, team: team.displayName, locale: 'en-US', view: 'tab', subEntityId: 'plan' });
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(cards(tab).first()).toBeVisible();
  return tab;
}

/** The rendered cards of the first list, in order, with their place and box. */
async function renderedRows(tab: FrameLocator) {
  return tab.locator('ul:has(> li[data-goal-id])').first().evaluate((list) =>
    [...list.querySelectorAll<HTMLElement>(':scope > li[data-goal-id]')]
      .map((li) => ({ pos: Number(li.getAttribute('aria-posinset')), size: Number(li.getAttribute('aria-setsize')), top: li.getBoundingClientRect().top, bottom: li.getBoundingClientRect().bottom }))
      .sort((a, b) => a.pos - b.pos),
  );
}

test('a plan of 1,200 goals renders the cards near the viewport, each knowing its place, none over another', async ({ page }) => {
  const tab = await openPlan(page);
  await expect(tab.getByTestId('goal-count')).toContainText(/1,?200/);
  const rendered = await cards(tab).count();
  expect(rendered).toBeGreaterThan(3);
  // Only the lists near the viewport render cards: twelve lists of 100, each with its overscan, would be 84 or more.
  expect(rendered).toBeLessThan(30);

  const rows = await renderedRows(tab);
  expect(rows[0]).toMatchObject({ pos: 1, size: GOALS / 12 });
  rows.forEach((row, i) => {
    if (i === 0) return;
    const previous = rows[i - 1];
    expect(row.pos).toBe((previous?.pos ?? 0) + 1);
    expect(row.top).toBeGreaterThanOrEqual((previous?.bottom ?? 0) - 0.5);
  });

  // The last goal of the plan is reached by scrolling to the end.
  await tab.locator('body').evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(tab.getByText(`Mål ${GOALS}:`, { exact: false })).toBeInViewport();
  await expectNoSeriousA11yViolations(page);
});

test('search finds a goal deep in the plan, and clearing it brings the whole plan back', async ({ page }) => {
  const tab = await openPlan(page);
  const search = tab.getByRole('searchbox', { name: 'Search' });
  await search.fill(`Mål ${GOALS - 13}:`);
  await expect(tab.getByTestId('goal-count')).toContainText(/Showing 1 of 1,?200/);
  await expect(cards(tab)).toHaveCount(1);
  await expect(cards(tab).first()).toContainText(`Mål ${GOALS - 13}:`);
  await search.fill('');
  await expect(tab.getByTestId('goal-count')).toContainText(/Showing 1,?200 of 1,?200/);
  await expect(cards(tab).first()).toContainText('Mål 1:');
});

test('Tab walks from goal to goal past the cards first rendered', async ({ page }) => {
  const tab = await openPlan(page);
  const firstList = tab.locator('ul:has(> li[data-goal-id])').first();
  const initiallyRendered = await firstList.locator(':scope > li[data-goal-id]').count();
  await firstList.locator(':scope > li[data-goal-id]').first().getByRole('link').focus();
  const steps = initiallyRendered + 10;
  for (let step = 1; step <= steps; step++) {
    await page.keyboard.press('Tab');
    const focused = await tab.locator(':focus').evaluate((el) => ({
      pos: Number(el.closest('li[data-goal-id]')?.getAttribute('aria-posinset') ?? 0),
      inView: el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= window.innerHeight,
    }));
    expect(focused, `after ${step} Tab presses`).toEqual({ pos: step + 1, inView: true });
  }
});
