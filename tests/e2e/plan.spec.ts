/**
 * The first screen through the local Teams host, in real Chromium: stewards read, the board edits,
 * edits persist in the emulator's SharePoint lists, and two people saving the same goal never
 * lose an edit silently.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { openTab } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { repositoryAs } from './support/graph';

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
if (!alver) throw new Error('demo team missing');
const [boardA, boardB] = alver.owners as [string, string];
const steward = alver.members[0] as string;
const team = alver.displayName;

const goals = (tab: FrameLocator) => tab.locator('li[data-goal-id]');

async function openPlan(page: Page, user: string, locale = 'nb-NO', theme: 'default' | 'dark' | 'contrast' = 'default') {
  const tab = await openTab(page, { user, team, locale, theme, view: 'tab', subEntityId: 'plan' });
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  return tab;
}

test('a steward sees the plan by area and national goal, and cannot edit', async ({ page }) => {
  const tab = await openPlan(page, steward, 'nn-NO');
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Handlingsplan 2026–2027');
  await expect(tab.getByText('Rolla di: Tillitsvald')).toBeVisible();
  await expect(tab.getByRole('heading', { level: 2, name: 'Tariffmakt og organisasjonsbygging' })).toBeVisible();
  await expect(tab.getByRole('heading', { level: 3, name: /Auke organisasjonsgraden/ }).first()).toBeVisible();
  expect(await goals(tab).count()).toBeGreaterThan(10);
  await expect(goals(tab).first().getByRole('progressbar')).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Rediger' })).toHaveCount(0);
});

test('a board member edits a goal and the edit is stored', async ({ page }) => {
  let tab = await openPlan(page, boardA, 'nb-NO');
  const first = goals(tab).first();
  const id = await first.getAttribute('data-goal-id');
  await first.getByRole('button', { name: 'Rediger' }).click();
  const dialog = tab.getByRole('dialog', { name: 'Rediger lokalt mål' });
  await dialog.getByRole('textbox', { name: 'Mål', exact: true }).fill('Organisasjonsgraden skal opp minst 3 prosent i kommunal sektor');
  await dialog.getByLabel('Frist').fill('2027-06');
  await dialog.getByLabel('Frist').press('Tab');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(tab.getByText('Målet er lagret.')).toBeVisible();
  await expect(tab.locator(`li[data-goal-id="${id}"]`)).toContainText('Organisasjonsgraden skal opp minst 3 prosent');

  await page.reload();
  tab = await openPlan(page, boardA, 'nb-NO');
  const again = tab.locator(`li[data-goal-id="${id}"]`);
  await expect(again).toContainText('Organisasjonsgraden skal opp minst 3 prosent i kommunal sektor');
  await expect(again).toContainText('Frist juni 2027');
});

test('bad input in the goal form gets a translated message and nothing is saved', async ({ page }) => {
  const repo = repositoryAs(boardA, alver.id);
  const tab = await openPlan(page, boardA, 'en-US');
  const id = await goals(tab).nth(2).getAttribute('data-goal-id');
  const before = (await repo.load())?.goals.find((g) => g.id === id);
  expect(before).toBeDefined();
  await goals(tab).nth(2).getByRole('button', { name: 'Edit' }).click();
  const dialog = tab.getByRole('dialog', { name: 'Edit local goal' });
  await dialog.getByRole('textbox', { name: 'Goal', exact: true }).fill('Never saved: the due date is invalid');
  await dialog.getByLabel('Due').fill('next spring');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Use a date (YYYY-MM-DD) or a month (YYYY-MM).')).toBeVisible();
  // Read the list: the goal is unchanged, down to its eTag (no write happened at all).
  const during = (await repo.load())?.goals.find((g) => g.id === id);
  expect(during).toEqual(before);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  const after = await repo.load();
  expect(after?.goals.find((g) => g.id === id)).toEqual(before);
  expect(after?.goals.some((g) => g.text === 'Never saved: the due date is invalid')).toBe(false);
});

test('two board members save the same goal: the second sees a conflict and chooses', async ({ browser }) => {
  const a = await browser.newPage();
  const b = await browser.newPage();
  try {
    const tabA = await openPlan(a, boardA, 'nb-NO');
    const tabB = await openPlan(b, boardB, 'nb-NO');
    const id = await goals(tabA).nth(1).getAttribute('data-goal-id');
    const inA = tabA.locator(`li[data-goal-id="${id}"]`);
    const inB = tabB.locator(`li[data-goal-id="${id}"]`);

    await inA.getByRole('button', { name: 'Rediger' }).click();
    await inB.getByRole('button', { name: 'Rediger' }).click();
    const dialogA = tabA.getByRole('dialog', { name: 'Rediger lokalt mål' });
    const dialogB = tabB.getByRole('dialog', { name: 'Rediger lokalt mål' });
    await dialogA.getByRole('textbox', { name: 'Mål', exact: true }).fill('Versjon fra A');
    await dialogB.getByRole('textbox', { name: 'Mål', exact: true }).fill('Versjon fra B');
    await dialogA.getByRole('button', { name: 'Lagre' }).click();
    await expect(tabA.getByText('Målet er lagret.')).toBeVisible();

    await dialogB.getByRole('button', { name: 'Lagre' }).click();
    const conflict = tabB.getByRole('alertdialog', { name: 'Noen andre har endret dette målet' });
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText('Ingrid Haugland');
    await conflict.getByRole('button', { name: 'Last inn deres versjon' }).click();
    await expect(dialogB.getByRole('textbox', { name: 'Mål', exact: true })).toHaveValue('Versjon fra A');

    // B decides to overwrite after all: edit again, save, conflict-free this time.
    await dialogB.getByRole('textbox', { name: 'Mål', exact: true }).fill('Versjon fra B');
    await dialogB.getByRole('button', { name: 'Lagre' }).click();
    await expect(tabB.getByText('Målet er lagret.')).toBeVisible();

    // A, still holding the old version, edits again and overwrites knowingly.
    await inA.getByRole('button', { name: 'Rediger' }).click();
    await dialogA.getByRole('textbox', { name: 'Mål', exact: true }).fill('Versjon fra A, andre gang');
    await dialogA.getByRole('button', { name: 'Lagre' }).click();
    const conflictA = tabA.getByRole('alertdialog');
    await expect(conflictA).toContainText('Sigurd Mjelde');
    await conflictA.getByRole('button', { name: 'Overskriv med mine' }).click();
    await expect(tabA.getByText('Målet er lagret.')).toBeVisible();

    await b.reload();
    const fresh = await openPlan(b, boardB, 'nb-NO');
    await expect(fresh.locator(`li[data-goal-id="${id}"]`)).toContainText('Versjon fra A, andre gang');
  } finally {
    await a.close();
    await b.close();
  }
});

const HEADINGS = { 'nb-NO': 'Handlingsplan 2026–2027', 'nn-NO': 'Handlingsplan 2026–2027', 'en-US': 'Action plan 2026–2027' } as const;
const ROLE = { 'nb-NO': 'Din rolle: Tillitsvalgt', 'nn-NO': 'Rolla di: Tillitsvald', 'en-US': 'Your role: Steward' } as const;

for (const theme of ['default', 'dark', 'contrast'] as const) {
  for (const locale of ['nb-NO', 'nn-NO', 'en-US'] as const) {
    test(`renders in ${theme} theme and ${locale}`, async ({ page }) => {
      const tab = await openPlan(page, steward, locale, theme);
      await expect(tab.getByRole('heading', { level: 1 })).toHaveText(HEADINGS[locale]);
      await expect(tab.getByText(ROLE[locale])).toBeVisible();
      await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(tab.locator('html')).toHaveAttribute('lang', locale === 'en-US' ? 'en-GB' : locale);
      if (locale === 'nb-NO') await expectNoSeriousA11yViolations(page);
    });
  }
}

test('opened outside Teams, the tab shows a clear notice at once', async ({ page }) => {
  const appUrl = process.env.E2E_APP_URL ?? 'https://localhost:5273/';
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: /Microsoft Teams/ })).toBeVisible();
  await expect(page.getByText(/Teams/).first()).toBeVisible();
  // "At once": the notice is up well before the 5 s the app would wait for a silent host, counted
  // in the page from the start of navigation (this includes loading the bundle, so the bound is generous).
  const shownAt = await page.evaluate(() => performance.now());
  expect(shownAt).toBeLessThan(3000);
});
