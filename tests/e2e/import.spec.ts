/**
 * The board imports an adopted plan in the tab: a real .docx generated at test time from a sample
 * plan, the preview with highlighted measures and deadlines and unplaced text, fixes, a save with
 * "replace", and the Plan view showing the stored plan. Bad files get a translated message and
 * write nothing; stewards have no Import tab; axe in all three themes.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { decodeText } from '../../src/import/extract/decode';
import { textToBlocks } from '../../src/import/extract/txt';
import { makeDocx } from '../import/helpers/make-docx';
import { RECIPE, truncatedZip } from '../import/helpers/bad-files';
import { openTab, type HostTheme } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorEndpoint, repositoryAs } from './support/graph';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';

const teamOf = (key: string) => {
  const found = DEMO_TEAMS.find((t) => t.planKey === key);
  if (!found) throw new Error(key);
  return found;
};
const sorVaranger = teamOf('sor-varanger');
const asker = teamOf('asker');
// The import replaces Sør-Varanger's demo plan; put a fresh copy of the demo plan (owners and
// check-ins included) back afterwards, so that specs running later find the demo data they expect.
test.afterAll(async () => {
  await seedTeamPlan(emulatorEndpoint(), sorVaranger);
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The Sør-Varanger sample as a Word file, with a deadline added to its first goal. */
async function sampleDocx(): Promise<Buffer> {
  const text = decodeText(new Uint8Array(readFileSync(new URL('../../fixtures/plans/sor-varanger.txt', import.meta.url)))).replace(
    'i arbeidet med verving av flerkulturelle arbeidstakere',
    'i arbeidet med verving av flerkulturelle arbeidstakere innen utgangen av 2027',
  );
  return Buffer.from(await makeDocx(textToBlocks(text)));
}

async function openImport(page: Page, user: string, team: string, locale = 'nb-NO', theme: HostTheme = 'default') {
  const tab = await openTab(page, { user, team, locale, theme, view: 'tab', subEntityId: 'import' });
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  return tab;
}

const fileInput = (tab: FrameLocator) => tab.locator('input[type="file"]');

test('the board imports a Word plan, fixes the preview and replaces the team plan', async ({ page }) => {
  const board = sorVaranger.owners[0] as string;
  const repo = repositoryAs(board, sorVaranger.id);
  const old = await repo.load();
  expect(old?.checkIns.length).toBeGreaterThan(0);

  const tab = await openImport(page, board, sorVaranger.displayName);
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Importer handlingsplanen');
  await fileInput(tab).setInputFiles({ name: 'handlingsplan-sor-varanger.docx', mimeType: DOCX, buffer: await sampleDocx() });

  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Sjekk importen', { timeout: 20_000 });
  await expect(tab.getByText('Fagforbundet Sør-Varanger · 2026–2027 · 40 mål')).toBeVisible();
  await expect(tab.getByRole('heading', { level: 2, name: /^1\. / })).toBeVisible();
  await expect(tab.locator('mark[data-highlight="measure"]')).toHaveText(['Måltall: 1 drøftingsmøter per år', 'Måltall: 3 Fane']);
  await expect(tab.locator('mark[data-highlight="due"]')).toHaveText(['Frist: desember 2027']);
  await expect(tab.getByRole('heading', { level: 2, name: 'Ikke plassert (1)' })).toBeVisible();
  await expect(tab.locator('li[data-unplaced]')).toContainText('Det partssammensatte Arbeidsmiljøutvalget');

  // Edit one goal's text.
  const first = tab.locator('li[data-preview-goal]').first();
  await first.getByRole('button', { name: 'Rediger tekst' }).click();
  await first.getByRole('textbox', { name: 'Måltekst' }).fill('Bruke mangfoldsnettverket i opplæringen av tillitsvalgte innen utgangen av 2027');
  await first.getByRole('button', { name: 'Ferdig' }).click();
  await expect(first).toContainText('Bruke mangfoldsnettverket i opplæringen');
  // Drop one measure, and leave the unplaced text out.
  await tab.getByRole('checkbox', { name: 'Måltall: 3 Fane' }).uncheck();
  await tab.locator('li[data-unplaced]').getByRole('button', { name: 'Utelat' }).click();
  await expect(tab.getByRole('heading', { level: 2, name: 'Ikke plassert (0)' })).toBeVisible();

  // The team has a plan: saving asks first.
  await tab.getByRole('button', { name: 'Lagre planen' }).click();
  await expect(tab.getByText('Velg erstatt eller legg til først.')).toBeVisible();
  await tab.getByRole('radio', { name: /^Erstatt den/ }).check();
  await tab.getByRole('button', { name: 'Lagre planen' }).click();
  await expect(tab.getByText('Planen er lagret')).toBeVisible({ timeout: 30_000 });
  await expect(tab.getByText('6 områder og 40 mål lagt til.')).toBeVisible();

  await tab.getByRole('button', { name: 'Åpne planen' }).click();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Handlingsplan 2026–2027');
  await expect(tab.getByText('Bruke mangfoldsnettverket i opplæringen av tillitsvalgte innen utgangen av 2027')).toBeVisible();

  const stored = await repo.load();
  expect(stored?.plan.id).not.toBe(old?.plan.id);
  expect(stored?.plan.union).toBe('Fagforbundet Sør-Varanger');
  expect(stored?.goals).toHaveLength(40);
  expect(stored?.checkIns).toEqual([]);
  const edited = stored?.goals.find((g) => g.text.startsWith('Bruke mangfoldsnettverket'));
  expect(edited?.due).toBe('2027-12');
  expect(stored?.goals.find((g) => g.text.startsWith('Foreningen skal ha 3 dedikerte'))).toMatchObject({ kind: 'milestone', measure: null });
  expect(stored?.goals.find((g) => g.text.startsWith('Gjennomføre drøftingsmøter'))).toMatchObject({ kind: 'recurring', recurrence: { count: 1, per: 'year' } });
});

test('bad files get a translated message and nothing is written', async ({ page }) => {
  const board = asker.owners[0] as string;
  const repo = repositoryAs(board, asker.id);
  const before = await repo.load();

  let tab = await openImport(page, board, asker.displayName, 'en-US');
  await fileInput(tab).setInputFiles({ name: 'cake.txt', mimeType: 'text/plain', buffer: Buffer.from(RECIPE) });
  await expect(tab.getByRole('alert')).toContainText('The document does not look like an action plan: no priority areas or goals found.');
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Import the action plan');

  tab = await openImport(page, board, asker.displayName, 'nn-NO');
  await fileInput(tab).setInputFiles({ name: 'plan.docx', mimeType: DOCX, buffer: Buffer.from(truncatedZip()) });
  await expect(tab.getByRole('alert')).toContainText('Word-fila er skadd eller ikkje ei gyldig .docx.');
  await fileInput(tab).setInputFiles({ name: 'tom.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(tab.getByRole('alert')).toContainText('Fila er tom.');

  const after = await repo.load();
  expect(after?.plan).toEqual(before?.plan);
  expect(after?.goals.map((g) => g.etag)).toEqual(before?.goals.map((g) => g.etag));
});

test('a steward has no Import tab and cannot open the view', async ({ page }) => {
  const steward = asker.members[0] as string;
  const tab = await openImport(page, steward, asker.displayName);
  await expect(tab.getByRole('tab', { name: 'Plan' })).toBeVisible();
  await expect(tab.getByRole('tab', { name: 'Import' })).toHaveCount(0);
  await expect(tab.getByRole('heading', { name: 'Importer handlingsplanen' })).toHaveCount(0);
});

for (const theme of ['default', 'dark', 'contrast'] as const) {
  test(`the import screen has no serious accessibility violations in the ${theme} theme`, async ({ page }) => {
    if (theme === 'contrast') await page.setViewportSize({ width: 360, height: 740 });
    const tab = await openImport(page, asker.owners[0] as string, asker.displayName, 'nb-NO', theme);
    await expect(tab.getByRole('button', { name: 'Velg fil' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await fileInput(tab).setInputFiles({ name: 'plan.docx', mimeType: DOCX, buffer: await sampleDocx() });
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Sjekk importen', { timeout: 20_000 });
    await expectNoSeriousA11yViolations(page);
    if (theme === 'contrast') {
      // Narrow screens: nothing wider than the frame.
      const overflow = await tab.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
}
