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
  await expect(tab.getByRole('heading', { level: 2, name: /^Tekst som ikke er brukt \(\d+\)$/ })).toBeVisible();
  await expect(tab.locator('li[data-leftover][data-kind="unplaced"]')).toContainText('Det partssammensatte Arbeidsmiljøutvalget');
  await expect(tab.locator('li[data-leftover][data-kind="unplaced"]')).toContainText('Kunne ikke plasseres');

  // Edit one goal's text (from its menu, by keyboard).
  const first = tab.locator('li[data-preview-goal]').first();
  await first.getByRole('button', { name: 'Endre' }).focus();
  await page.keyboard.press('Enter');
  await tab.getByRole('menuitem', { name: 'Rediger tekst' }).press('Enter');
  await first.getByRole('textbox', { name: 'Måltekst' }).fill('Bruke mangfoldsnettverket i opplæringen av tillitsvalgte innen utgangen av 2027');
  await first.getByRole('button', { name: 'Ferdig' }).click();
  await expect(first).toContainText('Bruke mangfoldsnettverket i opplæringen');
  // Drop one measure, and leave the unplaced text out.
  await tab.getByRole('checkbox', { name: 'Måltall: 3 Fane' }).uncheck();
  const leftovers = await tab.locator('li[data-leftover]').count();
  await tab.locator('li[data-leftover][data-kind="unplaced"]').getByRole('button', { name: 'Bruk' }).click();
  await tab.getByRole('menuitem', { name: 'Utelat' }).click();
  await expect(tab.getByRole('heading', { level: 2, name: `Tekst som ikke er brukt (${leftovers - 1})` })).toBeVisible();
  await expect(tab.locator('li[data-leftover][data-kind="unplaced"]')).toHaveCount(0);

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

test('the board repairs the preview: national goals, kinds, merge and split, areas, text not used, and the union’s name', async ({ page }) => {
  // Some twenty repairs and three axe scans of a preview with every text listed: more than the default minute on a busy machine.
  test.setTimeout(150_000);
  const board = sorVaranger.owners[0] as string;
  const repo = repositoryAs(board, sorVaranger.id);
  const before = await repo.load();
  if (!before) throw new Error('no plan');
  // The team's plan carries another name than the file's union.
  await repo.updatePlan(before.plan.id, { union: 'Fagforbundet Sør-Varanger og Neiden' });

  const tab = await openImport(page, board, sorVaranger.displayName);
  await fileInput(tab).setInputFiles({ name: 'handlingsplan-sor-varanger.docx', mimeType: DOCX, buffer: await sampleDocx() });
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Sjekk importen', { timeout: 20_000 });
  await expect(tab.getByTestId('import-counts')).toHaveText(/^\d+ tekst(er)? fra filen er ikke brukt · (ingenting å sjekke|\d+ punkt(er)? bør sjekkes)$/);

  const area = (n: number) => tab.locator('section[data-preview-area]').nth(n - 1);
  const goal = (text: string) => tab.locator('li[data-preview-goal]', { hasText: text });
  const menu = async (scope: ReturnType<typeof goal>, item: string, trigger = 'Endre') => {
    await scope.getByRole('button', { name: trigger }).first().click();
    await tab.getByRole('menuitem', { name: item }).click();
  };

  // axe with a goal's menu open, and with a text's menu open.
  await goal('Vervekampanje i april').getByRole('button', { name: 'Endre' }).click();
  await expect(tab.getByRole('menuitem', { name: 'Slå sammen med neste mål' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await tab.locator('li[data-leftover]').first().getByRole('button', { name: 'Bruk' }).click();
  await expect(tab.getByRole('menuitem', { name: 'Som strategi …' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');

  // Merge two goals the file wrote as one; split one the file wrote as two.
  await menu(goal('Vervekampanje i april'), 'Slå sammen med neste mål');
  const merged = 'Vervekampanje i april og en i november. Verve konkurranse beste verver for hele året priser blir delt ut på årsmøte.';
  await expect(goal(merged)).toHaveCount(1);
  await menu(goal('Gjennomføre drøftingsmøter'), 'Del i to …');
  const split = tab.getByRole('dialog', { name: 'Del målet i to' });
  await expect(split.getByRole('textbox', { name: 'Første mål' })).toHaveValue(/retningslinjer\.$/);
  await split.getByRole('textbox', { name: 'Andre mål' }).fill('Fremme krav etter arbeidsmiljølovens kapittel 14 for alle som har rettmessige krav');
  await split.getByRole('button', { name: 'Del' }).click();
  await expect(goal('Fremme krav etter arbeidsmiljølovens kapittel 14 for alle som har rettmessige krav')).toHaveCount(1);

  // Move a national goal (its goals go with it) to area 6.
  const national = 'Øke organisasjonsgraden i kommunal sektor og i Spekter helse';
  await area(1).locator('[data-national]', { hasText: national }).getByRole('button', { name: 'Endre' }).click();
  await tab.getByRole('menuitem', { name: 'Flytt til et annet område …' }).click();
  const move = tab.getByRole('dialog', { name: 'Flytt det nasjonale målet' });
  await move.getByRole('combobox', { name: 'Satsingsområde' }).selectOption({ label: '6. Digitalisering' });
  await move.getByRole('button', { name: 'Flytt' }).click();
  await expect(area(6).getByRole('heading', { level: 3, name: national })).toBeVisible();
  await expect(area(6).locator('li[data-preview-goal]', { hasText: merged })).toHaveCount(1);
  await expect(area(1).getByRole('heading', { level: 3, name: national })).toHaveCount(0);

  // A goal that is really a national goal.
  const heltid = 'Det er Politisk vedtatt at Sør-Varanger kommune skal lyse ut 100% stillinger';
  await menu(goal(heltid), 'Gjør til nasjonalt mål');
  await expect(area(2).getByRole('heading', { level: 3, name: new RegExp(`^${heltid}`) })).toBeVisible();
  await expect(goal(heltid)).toHaveCount(0);

  // A new area, renamed, with a goal from the unplaced text and a strategy from text read as the frame.
  await tab.getByRole('button', { name: 'Legg til et område' }).click();
  const add = tab.getByRole('dialog', { name: 'Nytt område' });
  await add.getByRole('textbox', { name: 'Navn på området' }).fill('Lokale saker');
  await add.getByRole('button', { name: 'Legg til området' }).click();
  await expect(tab.getByRole('heading', { level: 2, name: '7. Lokale saker' })).toBeFocused();
  await area(7).getByRole('button', { name: 'Endre' }).click();
  await tab.getByRole('menuitem', { name: 'Gi nytt navn …' }).click();
  const rename = tab.getByRole('dialog', { name: 'Gi området nytt navn' });
  await rename.getByRole('textbox', { name: 'Navn på området' }).fill('Lokale saker i Sør-Varanger');
  await rename.getByRole('button', { name: 'Endre navnet' }).click();
  await expect(tab.getByRole('heading', { level: 2, name: '7. Lokale saker i Sør-Varanger' })).toBeVisible();

  await menu(tab.locator('li[data-leftover][data-kind="unplaced"]'), 'Som mål …', 'Bruk');
  const place = tab.getByRole('dialog', { name: 'Lag et mål' });
  await place.getByRole('textbox', { name: 'Måltekst' }).fill('Følge opp vedtaket i Arbeidsmiljøutvalget innen juni 2027');
  await place.getByRole('combobox', { name: 'Satsingsområde' }).selectOption({ label: '7. Lokale saker i Sør-Varanger' });
  await place.getByRole('button', { name: 'Legg til målet' }).click();
  await expect(area(7).locator('mark[data-highlight="due"]')).toHaveText('Frist: juni 2027');
  const frame = tab.locator('li[data-leftover]:not([data-kind="unplaced"])').first();
  const frameText = (await frame.locator('span').first().innerText()).trim();
  await menu(frame, 'Som strategi …', 'Bruk');
  const strategy = tab.getByRole('dialog', { name: 'Lag en strategi' });
  await strategy.getByRole('combobox', { name: 'Satsingsområde' }).selectOption({ label: '7. Lokale saker i Sør-Varanger' });
  await strategy.getByRole('button', { name: 'Legg til strategien' }).click();
  await expect(area(7).locator('li[data-strategy]')).toHaveCount(1);

  // Replacing a plan named for another union asks first; keeping its name is the default.
  await tab.getByRole('radio', { name: /^Erstatt den/ }).check();
  await tab.getByRole('button', { name: 'Lagre planen' }).click();
  const question = tab.getByRole('dialog', { name: 'Hvilket navn skal planen ha?' });
  await expect(question).toContainText('Planen i teamet heter «Fagforbundet Sør-Varanger og Neiden», men den importerte filen er fra «Fagforbundet Sør-Varanger».');
  await expect(question.getByRole('radio', { name: 'Behold «Fagforbundet Sør-Varanger og Neiden»' })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await question.getByRole('button', { name: 'Lagre planen' }).click();
  await expect(tab.getByText('Planen er lagret')).toBeVisible({ timeout: 30_000 });
  await expect(tab.getByText('7 områder og 40 mål lagt til.')).toBeVisible();

  const stored = await repo.load();
  if (!stored) throw new Error('no plan');
  expect(stored.plan.union).toBe('Fagforbundet Sør-Varanger og Neiden');
  const byNumber = (n: number) => stored.areas.find((a) => a.number === n);
  const goalsIn = (n: number) => stored.goals.filter((g) => g.areaId === byNumber(n)?.id).map((g) => g.text);
  expect(byNumber(7)).toMatchObject({ title: 'Lokale saker i Sør-Varanger', strategies: [frameText] });
  expect(goalsIn(7)).toEqual(['Følge opp vedtaket i Arbeidsmiljøutvalget innen juni 2027']);
  expect(stored.goals.find((g) => g.text.startsWith('Følge opp vedtaket'))?.due).toBe('2027-06');
  expect(byNumber(1)?.nationalGoals).not.toContain(national);
  expect(byNumber(6)?.nationalGoals).toContain(national);
  expect(goalsIn(6)).toContain(merged);
  expect(stored.goals.filter((g) => g.nationalGoal === national).every((g) => g.areaId === byNumber(6)?.id)).toBe(true);
  expect(byNumber(2)?.nationalGoals.some((n) => n.startsWith(heltid))).toBe(true);
  expect(stored.goals.some((g) => g.text.startsWith(heltid))).toBe(false);
  expect(goalsIn(2)).toEqual(expect.arrayContaining([expect.stringMatching(/retningslinjer\.$/), 'Fremme krav etter arbeidsmiljølovens kapittel 14 for alle som har rettmessige krav']));
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
    // Four axe scans of the whole preview (every text the file holds, with menus open).
    test.setTimeout(150_000);
    if (theme === 'contrast') await page.setViewportSize({ width: 360, height: 740 });
    const tab = await openImport(page, asker.owners[0] as string, asker.displayName, 'nb-NO', theme);
    await expect(tab.getByRole('button', { name: 'Velg fil' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await fileInput(tab).setInputFiles({ name: 'plan.docx', mimeType: DOCX, buffer: await sampleDocx() });
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Sjekk importen', { timeout: 20_000 });
    await expectNoSeriousA11yViolations(page);
    // The menus of a national goal and of a text not used, open.
    await tab.locator('[data-national]').first().getByRole('button', { name: 'Endre' }).click();
    await expect(tab.getByRole('menuitem', { name: 'Flytt til et annet område …' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
    await tab.locator('li[data-leftover]').first().getByRole('button', { name: 'Bruk' }).click();
    await expect(tab.getByRole('menuitem', { name: 'Som mål …' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Escape');
    if (theme === 'contrast') {
      // Narrow screens: nothing wider than the frame.
      const overflow = await tab.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
}
