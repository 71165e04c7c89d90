/**
 * The Situation screen through the local Teams host: a table on wide screens and cards on
 * narrow ones; stewards read only; the board adds, edits (with eTag conflict handling) and
 * deletes rows, and the edits are stored. The test restores the demo data it changed.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { openTab, setHostTheme } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { repositoryAs } from './support/graph';

const team = DEMO_TEAMS.find((t) => t.planKey === 'alver');
if (!team) throw new Error('demo team missing');
const board = team.owners[1] as string;
const steward = team.members[1] as string;

async function openSituation(page: Page, user: string) {
  const tab = await openTab(page, { user, team: team!.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'situation' });
  await expect(tab.getByRole('heading', { level: 1, name: 'Nåsituasjon og utfordringer' })).toBeVisible({ timeout: 30_000 });
  return tab;
}

test('a steward reads the table on a wide screen and cards on a narrow one, without edit controls', async ({ page }) => {
  const rows = (await repositoryAs(board, team.id).load())?.situation ?? [];
  expect(rows.length).toBeGreaterThan(0);
  const tab = await openSituation(page, steward);
  const table = tab.getByRole('table', { name: 'Nåsituasjon og utfordringer' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Område', 'Nåsituasjon', 'Utfordringer på kort sikt', 'Utfordringer på lang sikt']);
  await expect(table.getByRole('rowheader')).toHaveText(rows.map((r) => r.area));
  await expect(tab.getByRole('button', { name: 'Legg til rad' })).toHaveCount(0);
  await expect(tab.getByRole('button', { name: /^(Rediger|Slett)/ })).toHaveCount(0);
  await expect(tab.getByRole('tab', { name: 'Nåsituasjon' })).toHaveAttribute('aria-selected', 'true');

  await page.setViewportSize({ width: 360, height: 740 });
  await expect(tab.getByRole('table')).toHaveCount(0);
  const cards = tab.getByRole('list', { name: 'Nåsituasjon og utfordringer' }).getByRole('listitem');
  await expect(cards).toHaveCount(rows.length);
  await expect(cards.first().getByRole('heading', { level: 2 })).toHaveText(rows[0]?.area ?? '');
  await expect(cards.first()).toContainText('Utfordringer på lang sikt');
  const overflow = await page.frame({ name: 'tab' })?.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await expectNoSeriousA11yViolations(page);
});

test('the board adds, edits and deletes rows; edits persist and a conflicting save asks first', async ({ page }) => {
  test.setTimeout(120_000);
  const repo = repositoryAs(board, team.id);
  const original = await repo.load();
  if (!original) throw new Error('no plan');
  const first = original.situation[0];
  if (!first) throw new Error('no situation rows');
  let tab = await openSituation(page, board);

  // Axe with the board's controls, in all three themes (switched live).
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    await setHostTheme(page, theme);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousA11yViolations(page);
  }
  await setHostTheme(page, 'default');

  // Add a row.
  const area = `E2E-område ${Date.now()}`;
  await tab.getByRole('button', { name: 'Legg til rad' }).click();
  let dialog = tab.getByRole('dialog', { name: 'Ny rad' });
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(dialog.getByText('Raden må ha et område.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Område' }).fill(area);
  await dialog.getByRole('textbox', { name: 'Nåsituasjon' }).fill('Tre klubber uten tillitsvalgt.');
  await dialog.getByRole('textbox', { name: 'Utfordringer på kort sikt' }).fill('Få valgt tillitsvalgte før sommeren.');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(tab.getByText('Raden er lagret.')).toBeVisible();
  const added = tab.getByRole('row').filter({ has: tab.getByRole('rowheader', { name: area }) });
  await expect(added).toContainText('Tre klubber uten tillitsvalgt.');
  await expect(added).toContainText('Ikke beskrevet');

  // Edit an existing row while someone else changes it: the save meets a conflict.
  await tab.getByRole('button', { name: `Rediger ${first.area}` }).click();
  dialog = tab.getByRole('dialog', { name: 'Rediger rad' });
  await expect(dialog.getByRole('textbox', { name: 'Område' })).toHaveValue(first.area);
  await repo.updateSituationRow(first.id, { longTerm: 'Endret av et annet styremedlem.' }, { ifMatch: first.etag ?? null });
  await dialog.getByRole('textbox', { name: 'Nåsituasjon' }).fill('Organisasjonsgraden er 61 prosent.');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  const conflict = tab.getByRole('alertdialog', { name: 'Noen andre har endret denne raden' });
  await conflict.getByRole('button', { name: 'Last inn deres versjon' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Utfordringer på lang sikt' })).toHaveValue('Endret av et annet styremedlem.');
  await expect(dialog.getByRole('textbox', { name: 'Nåsituasjon' })).toHaveValue(first.now);
  await dialog.getByRole('textbox', { name: 'Nåsituasjon' }).fill('Organisasjonsgraden er 61 prosent.');
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(tab.getByText('Raden er lagret.')).toBeVisible();

  // After a reload, both edits are there.
  await page.reload();
  tab = await openSituation(page, board);
  const edited = tab.getByRole('row').filter({ has: tab.getByRole('rowheader', { name: first.area, exact: true }) });
  await expect(edited).toContainText('Organisasjonsgraden er 61 prosent.');
  await expect(edited).toContainText('Endret av et annet styremedlem.');
  await expect(tab.getByRole('rowheader', { name: area })).toBeVisible();

  // Delete the added row (asked first); it is gone from the list too.
  await tab.getByRole('button', { name: `Slett ${area}` }).click();
  const confirm = tab.getByRole('alertdialog', { name: 'Slette denne raden?' });
  await expect(confirm).toContainText(area);
  await confirm.getByRole('button', { name: 'Slett' }).click();
  await expect(tab.getByText('Raden er slettet.')).toBeVisible();
  await expect(tab.getByRole('rowheader', { name: area })).toHaveCount(0);
  const stored = await repo.load();
  expect(stored?.situation.map((r) => r.area)).not.toContain(area);
  const storedFirst = stored?.situation.find((r) => r.id === first.id);
  expect(storedFirst).toMatchObject({ now: 'Organisasjonsgraden er 61 prosent.', longTerm: 'Endret av et annet styremedlem.' });

  // Leave the demo data as it was.
  await repo.updateSituationRow(first.id, { now: first.now, shortTerm: first.shortTerm, longTerm: first.longTerm }, { ifMatch: null });
});
