/**
 * The roster in and out of spreadsheets, and a representative's own checklist (issue 13), through
 * the local Teams host: the board imports a .csv (written to a temporary file here) whose bad row
 * keeps Save off with the row's errors shown; the fixed file is saved, and the roster read back
 * through the app's own adapter holds each new person exactly once, even after Save was pressed
 * twice. The export downloads an .xlsx that the importer reads back with the same people. A steward
 * who is a representative confirms a training step on My goals, and the board sees it. Axe on the
 * preview dialog and the checklist.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS, demoPerson } from '../../emulator/seed/demo-tenant';
import type { Representative } from '../../src/domain/roster';
import { readRosterFile } from '../../src/import/roster';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorEndpoint, rosterAs } from './support/graph';
import { openTab } from './support/host';
import { graphClientAs } from '../../emulator/app-client';

const teamOf = (key: string) => {
  const found = DEMO_TEAMS.find((t) => t.planKey === key);
  if (!found) throw new Error(key);
  return found;
};
const asker = teamOf('asker');
const alver = teamOf('alver');
const askerBoard = asker.owners[0] as string;
const alverBoard = alver.owners[0] as string;
const steward = 'ola.nesse@org365.example';
if (!alver.members.includes(steward)) throw new Error('demo tenant changed');

const today = () => new Date().toISOString().slice(0, 10);
const NEW_PEOPLE = [
  ['Eline Testrud', 'eline.testrud@privat.example', 'KTV', 'KS', 'Asker bo- og behandlingssenter'],
  ['Jørn Prøvestad', 'jorn.provestad@privat.example', 'Plasstillitsvalgt', '', 'Asker kommune, renhold'],
] as const;
const FIXED_BAD = ['Wenche Feilstad', 'wenche.feilstad@privat.example', 'Verneombud', 'KS', 'Billingstad skole'] as const;
/** Tone Halvorsen is on Asker's demo roster (role other, no area, Vollen barnehage): the file moves her. */
const CHANGED_EMAIL = 'tone.halvorsen@privat.example';

let dir = '';
test.beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rollout-import-'));
});

/** What the import changed in Asker's roster is put back, so that specs running later find the demo data. */
test.afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  const roster = rosterAs(askerBoard, asker.id);
  const snapshot = await roster.refresh(today());
  const added = new Set<string>([...NEW_PEOPLE.map((p) => p[1]), FIXED_BAD[1]]);
  const graph = graphClientAs(emulatorEndpoint(), askerBoard);
  const site = await graph.get<{ id: string }>(`/groups/${asker.id}/sites/root?$select=id`);
  const lists = await graph.get<{ value: Array<{ id: string; displayName: string }> }>(`/sites/${site.id}/lists?$select=id,displayName`);
  const list = lists.value.find((l) => l.displayName === 'Tillitsvalgte');
  for (const rep of snapshot.reps.filter((r) => added.has(r.email))) {
    if (list) await graph.delete(`/sites/${site.id}/lists/${list.id}/items/${encodeURIComponent(rep.id)}`);
  }
  const tone = snapshot.reps.find((r) => r.email === CHANGED_EMAIL);
  if (tone) await roster.update(tone.id, { role: 'other', area: null, workplace: 'Vollen barnehage' }, { ifMatch: tone.etag ?? null });
});

function writeCsv(name: string, rows: ReadonlyArray<readonly string[]>): string {
  const file = path.join(dir, name);
  // As Norwegian Excel saves it: ';' separated, CRLF, with a BOM.
  writeFileSync(file, `\ufeff${[['Navn', 'E-post', 'Rolle', 'Tariffområde', 'Arbeidsplass'], ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
  return file;
}

async function openRollout(page: Page, user: string, team: string): Promise<FrameLocator> {
  const tab = await openTab(page, { user, team, locale: 'nb-NO', view: 'tab', subEntityId: 'rollout' });
  await expect(tab.getByRole('heading', { level: 1, name: 'Tillitsvalgte og Org365' })).toBeVisible({ timeout: 30_000 });
  await expect(tab.getByTestId('rollout-people')).toBeVisible({ timeout: 30_000 });
  return tab;
}

const importInput = (tab: FrameLocator) => tab.getByTestId('roster-import-input');

test('the board imports a .csv: a bad row blocks the save, the fixed file is saved exactly once', async ({ page }) => {
  const roster = rosterAs(askerBoard, asker.id);
  const before = await roster.refresh(today());
  const tone = before.reps.find((r) => r.email === CHANGED_EMAIL);
  expect(tone, 'Tone Halvorsen is on the demo roster').toBeTruthy();
  const changed = ['Tone Halvorsen', CHANGED_EMAIL, 'PTV', 'KS', 'Vollen skole'] as const;

  const tab = await openRollout(page, askerBoard, asker.displayName);
  await expect(tab.getByRole('button', { name: 'Importer fra regneark' })).toBeVisible();

  // A file with two new people, one change and a bad row.
  await importInput(tab).setInputFiles(writeCsv('med-feil.csv', [...NEW_PEOPLE, changed, ['Wenche Feilstad', 'wenche.feilstad(at)privat', 'Sjef', 'Mars', 'Billingstad skole']]));
  const dialog = tab.getByRole('dialog', { name: 'Kontroller importen' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  const counts = dialog.getByTestId('roster-import-counts');
  await expect(counts).toContainText('2 nye');
  await expect(counts).toContainText('1 endret');
  await expect(counts).toContainText('1 med feil');
  const rows = dialog.locator('tr[data-row]');
  await expect(rows).toHaveCount(4);
  await expect(dialog.locator('tr[data-status="changed"]')).toContainText('arbeidsplass: Vollen barnehage → Vollen skole');
  const bad = dialog.locator('tr[data-status="error"]');
  await expect(bad).toContainText('Dette er ikke en gyldig e-postadresse.');
  await expect(bad).toContainText('Ukjent rolle');
  await expect(bad).toContainText('Ukjent tariffområde');
  await expect(dialog.getByText('Rett radene med feil i filen og importer den på nytt.', { exact: false })).toBeVisible();
  await expect(dialog.getByTestId('roster-import-missing')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Lagre' })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await roster.refresh(today())).reps.length).toBe(before.reps.length);

  // The fixed file: saved, with Save pressed twice in one go.
  await importInput(tab).setInputFiles(writeCsv('rettet.csv', [...NEW_PEOPLE, changed, FIXED_BAD]));
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(counts).toContainText('3 nye');
  await expect(counts).toContainText('0 med feil');
  const save = dialog.getByRole('button', { name: 'Lagre' });
  await expect(save).toBeEnabled();
  await save.evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(dialog.getByText('Lista er lagret: 3 nye, 1 endret.')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Lukk' }).click();
  await expect(tab.getByTestId('rollout-people')).toContainText('Eline Testrud');

  const after = await roster.refresh(today());
  for (const email of [...NEW_PEOPLE.map((p) => p[1]), FIXED_BAD[1]]) expect(after.reps.filter((r) => r.email === email), email).toHaveLength(1);
  expect(after.reps.find((r) => r.email === 'eline.testrud@privat.example')).toMatchObject({ name: 'Eline Testrud', role: 'ktv', area: 'KS', retired: false });
  expect(after.reps.find((r) => r.email === 'jorn.provestad@privat.example')).toMatchObject({ role: 'ptv', area: null });
  expect(after.reps.filter((r) => r.email === CHANGED_EMAIL)).toEqual([expect.objectContaining({ role: 'ptv', area: 'KS', workplace: 'Vollen skole' })]);
  expect(after.reps.length).toBe(before.reps.length + 3);
  // Nobody missing from the file was retired.
  expect(after.reps.filter((r) => r.retired).length).toBe(before.reps.filter((r) => r.retired).length);
});

test('the export downloads an .xlsx that the importer reads back with the same people', async ({ page }) => {
  const tab = await openRollout(page, alverBoard, alver.displayName);
  const download = page.waitForEvent('download');
  await tab.getByRole('button', { name: 'Eksporter til Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${alver.displayName} tillitsvalgte.xlsx`);
  const bytes = new Uint8Array(readFileSync(await file.path()));
  const sheet = await readRosterFile({ name: file.suggestedFilename(), bytes });
  expect(sheet.format).toBe('xlsx');
  const active = (await rosterAs(alverBoard, alver.id).refresh(today())).reps.filter((r) => !r.retired);
  const key = (r: { email: string; name: string }) => `${r.email.toLowerCase()}|${r.name}`;
  expect(sheet.rows.map((r) => key(r.cells)).sort()).toEqual(active.map((r: Representative) => key(r)).sort());
});

test('a steward who is a representative confirms a training step on My goals, and the board sees it', async ({ page }) => {
  const me = demoPerson(steward);
  const tab = await openTab(page, { user: steward, team: alver.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'mine' });
  await expect(tab.getByRole('heading', { level: 1, name: 'Mine mål' })).toBeVisible({ timeout: 30_000 });
  const checklist = tab.getByRole('region', { name: 'Min sjekkliste for utrullingen' });
  await expect(checklist).toBeVisible({ timeout: 30_000 });
  const account = checklist.locator('li[data-step="org365"]');
  await expect(account).toContainText('Org365-konto: Gjort');
  await expect(account).toContainText('Oppdateres automatisk fra Microsoft 365.');
  await expect(account.getByRole('button')).toHaveCount(0);
  const klar = checklist.locator('li[data-step="klarTraining"]');
  await expect(klar).toContainText('Kurs i KL*AR: Ikke gjort');
  await expectNoSeriousA11yViolations(page);

  await klar.getByRole('button', { name: 'Jeg har gjort dette' }).click();
  await expect(checklist.getByText('«Kurs i KL*AR» er markert som gjort.')).toBeVisible();
  await expect(klar).toHaveAttribute('data-done', 'true');
  await expect(klar).toContainText('Du bekreftet dette');

  const stored = (await rosterAs(alverBoard, alver.id).refresh(today())).reps.find((r) => r.entraId === me.id);
  expect(stored?.marks.klarTraining).toEqual({ on: today(), by: 'self' });

  // The board sees it in the rollout view.
  const board = await openRollout(page, alverBoard, alver.displayName);
  await expect(board.locator(`tr[data-rep-id="${stored?.id ?? ''}"] td[data-step="klarTraining"]`)).toHaveAttribute('data-done', 'true');

  // Withdrawn again (the demo leaves Ola's KL*AR course for him to confirm).
  const again = await openTab(page, { user: steward, team: alver.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'mine' });
  const own = again.getByRole('region', { name: 'Min sjekkliste for utrullingen' }).locator('li[data-step="klarTraining"]');
  await own.getByRole('button', { name: 'Angre' }).click();
  await expect(own).toHaveAttribute('data-done', 'false');
  expect((await rosterAs(alverBoard, alver.id).refresh(today())).reps.find((r) => r.entraId === me.id)?.marks.klarTraining).toBeUndefined();
});
