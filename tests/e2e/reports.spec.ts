/**
 * The board's Reports view through the local Teams host: the board sees what changed since the
 * last meeting (a check-in made for the test), downloads the meeting report as .docx and reads it
 * back with mammoth, saves it in the channel's Files and sees a confirmation (and the file is
 * there), and the printable view leaves the tab's chrome out; a steward has no such view; no
 * serious axe violations in the three themes and at 360 px.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import mammoth from 'mammoth';
import { graphClientAs } from '../../emulator/app-client';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { GraphTeamFiles } from '../../src/adapters/files/graph-team-files';
import { localDayOf } from '../../src/domain/calendar';
import type { PlanSnapshot } from '../../src/domain/plan';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorEndpoint, repositoryAs } from './support/graph';
import { openTab, setHostTheme } from './support/host';

const team = DEMO_TEAMS.find((t) => t.planKey === 'asker');
if (!team) throw new Error('demo team missing');
const board = team.owners[0] as string;
const steward = team.members[0] as string;
const general = team.channels[0];
if (!general || general.displayName !== 'General') throw new Error('demo tenant changed');
const today = () => localDayOf(new Date());
const comment = `Rapporttest ${randomUUID().slice(0, 8)}`;

async function openReports(page: Page, user = board): Promise<FrameLocator> {
  const tab = await openTab(page, { user, team: team?.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'reports' });
  await expect(tab.getByRole('heading', { level: 1, name: 'Rapporter' })).toBeVisible({ timeout: 30_000 });
  await expect(tab.getByTestId('report-preview')).toBeVisible({ timeout: 30_000 });
  return tab;
}

let snapshot: PlanSnapshot;

test.beforeAll(async () => {
  // A steward reports progress today, as 'My goals' would store it.
  const repo = repositoryAs(steward, team.id);
  snapshot = (await repo.load()) as PlanSnapshot;
  const goal = snapshot.goals.find((g) => g.kind === 'measured') ?? snapshot.goals[0];
  if (!goal) throw new Error('the demo plan has no goals');
  await repo.addCheckIn({ planId: snapshot.plan.id, goalId: goal.id, date: today(), value: 7, comment, clientId: randomUUID() });
});

test('the board sees what changed since the last meeting, and downloads the meeting report as .docx', async ({ page }) => {
  test.setTimeout(120_000);
  const tab = await openReports(page);
  await expect(tab.getByRole('tab', { name: 'Rapporter', selected: true })).toBeVisible();
  const since = tab.getByTestId('since-last-meeting');
  await expect(since.getByRole('heading', { name: 'Siden forrige møte' })).toBeVisible();
  // No board report in the team's files yet: 30 days back, said so.
  await expect(tab.getByText('Ingen tidligere styrerapport i teamets filer: 30 dager tilbake.')).toBeVisible();
  await expect(since.locator('[data-since-group="check-ins"]')).toContainText(comment);

  const [download] = await Promise.all([page.waitForEvent('download'), tab.getByRole('button', { name: 'Last ned .docx' }).click()]);
  expect(download.suggestedFilename()).toBe(`Styrerapport ${today()}.docx`);
  const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(await download.path()) });
  expect(html).toContain('<h1>Sammendrag</h1>');
  for (const area of snapshot.areas) expect(html).toContain(`<h1>${area.number}. ${area.title.replace(/&/g, '&amp;')}</h1>`);
  expect(html).toContain(comment);
});

test('the printable view leaves the tab’s chrome and the controls out', async ({ page }) => {
  test.setTimeout(120_000);
  const tab = await openReports(page);
  await expect(tab.getByRole('navigation')).toBeVisible();
  // window.print() opens the browser's dialog; here it only records that it was asked for.
  await tab.locator('body').evaluate(() => {
    (window as Window & { printed?: number }).printed = 0;
    window.print = () => {
      (window as Window & { printed?: number }).printed = ((window as Window & { printed?: number }).printed ?? 0) + 1;
    };
  });
  await tab.getByRole('button', { name: 'Skriv ut' }).click();
  expect(await tab.locator('body').evaluate(() => (window as Window & { printed?: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(tab.getByRole('navigation')).toBeHidden();
  await expect(tab.getByRole('button', { name: 'Last ned .docx' })).toBeHidden();
  await expect(tab.getByTestId('since-last-meeting')).toBeHidden();
  await expect(tab.getByTestId('report-preview')).toBeVisible();
  await expect(tab.getByTestId('report-preview').getByRole('heading', { level: 2 })).toHaveText(`Styrerapport: ${snapshot.plan.union}`);
  await page.emulateMedia({ media: 'screen' });
  await expect(tab.getByRole('navigation')).toBeVisible();
});

test('the board saves the report in the channel’s files, sees it confirmed, and the next report starts from it', async ({ page }) => {
  test.setTimeout(120_000);
  const tab = await openReports(page);
  const name = `Styrerapport ${today()}.docx`;
  await tab.getByRole('button', { name: 'Lagre i teamets filer' }).click();
  await expect(tab.getByRole('status').filter({ hasText: `${name} er lagret i filene til General.` })).toBeVisible({ timeout: 30_000 });

  const files = new GraphTeamFiles(graphClientAs(emulatorEndpoint(), board), team.id);
  const folder = await files.channelFolder(general.id);
  const stored = (await files.list(folder)).filter((f) => f.name === name);
  expect(stored).toHaveLength(1);

  // Saved again: the same file, replaced.
  await tab.getByRole('button', { name: 'Lagre i teamets filer' }).click();
  await expect(tab.getByRole('button', { name: 'Lagre i teamets filer' })).toBeEnabled({ timeout: 30_000 });
  expect((await files.list(folder)).filter((f) => f.name === name)).toHaveLength(1);

  // The view starts 'since' from the report just saved.
  await expect(tab.getByText(/^Den siste styrerapporten i teamets filer er fra /)).toBeVisible();
  await expect(tab.getByLabel('Endringer siden')).toHaveValue(today());
});

test('the annual report is offered for a year and the whole period, in the language chosen', async ({ page }) => {
  test.setTimeout(120_000);
  const tab = await openReports(page);
  await tab.getByRole('radio', { name: 'Årsberetning' }).check();
  await tab.getByLabel('Språk i dokumentet').selectOption('nn');
  const preview = tab.getByTestId('report-preview');
  await expect(preview.getByRole('heading', { name: 'Slik vert måla vurderte' })).toBeVisible();
  await tab.getByLabel('År', { exact: true }).selectOption('period');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText(`Årsmelding ${snapshot.plan.periodFrom}–${snapshot.plan.periodTo}: ${snapshot.plan.union}`);
  const [download] = await Promise.all([page.waitForEvent('download'), tab.getByRole('button', { name: 'Last ned .docx' }).click()]);
  expect(download.suggestedFilename()).toBe(`Årsmelding ${snapshot.plan.periodFrom}-${snapshot.plan.periodTo}.docx`);
});

test('a steward has no Reports view', async ({ page }) => {
  const tab = await openTab(page, { user: steward, team: team.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'reports' });
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Oversikt', { timeout: 30_000 });
  await expect(tab.getByRole('tab', { name: 'Oversikt' })).toBeVisible();
  await expect(tab.getByRole('tab', { name: 'Rapporter' })).toHaveCount(0);
});

test('the Reports view: no serious axe violations in all three themes, and no page overflow at 360 px', async ({ page }) => {
  test.setTimeout(120_000);
  const tab = await openReports(page);
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    await setHostTheme(page, theme);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousA11yViolations(page);
  }
  await page.setViewportSize({ width: 360, height: 740 });
  await setHostTheme(page, 'default');
  await expect(tab.getByRole('button', { name: 'Lagre i teamets filer' })).toBeVisible();
  const overflow = await tab.locator('body').evaluate((body) => body.ownerDocument.documentElement.scrollWidth - body.ownerDocument.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
});
