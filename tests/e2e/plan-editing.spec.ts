/**
 * The Plan screen's filters and the board's editing through the local Teams host: filters and
 * search narrow the list; the board adds a goal, reorders it, moves it to another area and picks
 * its deadline in the calendar, deletes it and undoes, and a delete left alone is stored. The
 * editor fits a 360 px screen, passes axe, and gives the focus back to the button that opened it;
 * each goal's buttons name the goal. A steward gets no editing controls. What is stored is checked
 * through the app's own data layer. The test leaves the demo plan as it found it.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { DEMO_TEAMS, demoPerson } from '../../emulator/seed/demo-tenant';
import { openTab, setHostTheme } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { repositoryAs } from './support/graph';
import { newGoal } from '../support/factories';

const team = DEMO_TEAMS.find((t) => t.planKey === 'sor-varanger');
if (!team) throw new Error('demo team missing');
const board = team.owners[0] as string;
const steward = team.members[0] as string;

const goals = (scope: FrameLocator | ReturnType<FrameLocator['locator']>) => scope.locator('li[data-goal-id]:visible');

async function openPlan(page: Page, user: string, locale = 'nb-NO') {
  const tab = await openTab(page, { user, team: team!.displayName, locale, view: 'tab', subEntityId: 'plan' });
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(goals(tab).first()).toBeVisible();
  return tab;
}

function countOf(text: string | null): { shown: number; total: number } {
  const match = /(\d+)\D+(\d+)/.exec((text ?? '').replace(/\s/g, ''));
  if (!match) throw new Error(`no count in "${text}"`);
  return { shown: Number(match[1]), total: Number(match[2]) };
}

test('filters and search narrow the list, clear brings every goal back; a steward gets no editing controls', async ({ page }) => {
  const tab = await openPlan(page, steward);
  const search = tab.getByRole('search', { name: 'Filtrer mål' });
  const count = search.getByRole('status');
  const all = countOf(await count.textContent());
  expect(all.shown).toBe(all.total);
  expect(await goals(tab).count()).toBe(all.total);

  // A steward reads: no add, edit, reorder or delete, and no Settings tab.
  for (const name of [/^Legg til mål/, /^Rediger/, /^Flytt opp/, /^Flytt ned/, /^Slett/]) {
    await expect(tab.getByRole('button', { name })).toHaveCount(0);
  }
  // The search box's clear button speaks Norwegian too.
  await search.getByRole('searchbox', { name: 'Søk' }).fill('medlem');
  await expect(search.getByRole('button', { name: 'Tøm søket' })).toBeVisible();
  await search.getByRole('button', { name: 'Tøm søket' }).click();
  await expect(search.getByRole('searchbox', { name: 'Søk' })).toHaveValue('');
  await expect(tab.getByRole('tab', { name: 'Innstillinger' })).toHaveCount(0);
  await expect(tab.getByRole('tab', { name: 'Plan' })).toBeVisible();

  // Status: only goals with that effective status remain.
  await search.getByLabel('Status').selectOption({ label: 'Forsinket' });
  await expect(count).not.toHaveText(/Viser (\d+) av \1 /);
  const behind = countOf(await count.textContent());
  expect(behind.shown).toBeLessThan(all.total);
  await expect(goals(tab)).toHaveCount(behind.shown);
  if (behind.shown > 0) {
    const statuses = await tab.locator('li[data-goal-id]:visible [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set(['behind']));
  }

  // Clear, then the owner filter: every shown goal is that person's.
  await search.getByRole('button', { name: 'Fjern filtre' }).click();
  await expect(count).toHaveText(new RegExp(`Viser ${all.total} av ${all.total} `));
  const ownerName = (await search.getByLabel('Ansvarlig').locator('option').nth(2).textContent()) ?? '';
  await search.getByLabel('Ansvarlig').selectOption({ label: ownerName });
  const byOwner = countOf(await count.textContent());
  expect(byOwner.shown).toBeGreaterThan(0);
  expect(byOwner.shown).toBeLessThan(all.total);
  const owners = await goals(tab).evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  expect(owners).toHaveLength(byOwner.shown);
  // One owner or one of two ('Ansvarlige: Kari Eide og Ola Nesse').
  expect(owners.every((text) => /Ansvarlige?: /.test(text) && text.includes(ownerName))).toBe(true);

  // Area plus free text: one area, then only goals with the word.
  await search.getByRole('button', { name: 'Fjern filtre' }).click();
  await search.getByLabel('Område', { exact: true }).selectOption({ index: 1 });
  const inArea = countOf(await count.textContent());
  await expect(tab.locator('section[data-area-id]:visible')).toHaveCount(1);
  const firstText = ((await goals(tab).first().getByRole('link').textContent()) ?? '').trim();
  const word = firstText.split(/\s+/).find((w) => w.length > 6) ?? firstText.split(/\s+/)[0] ?? '';
  await search.getByRole('searchbox', { name: 'Søk' }).fill(word.toUpperCase());
  await expect(async () => {
    const narrowed = countOf(await count.textContent());
    expect(narrowed.shown).toBeGreaterThan(0);
    expect(narrowed.shown).toBeLessThanOrEqual(inArea.shown);
    expect(await goals(tab).count()).toBe(narrowed.shown);
  }).toPass();
  const texts = await goals(tab).evaluateAll((els) => els.map((e) => (e.textContent ?? '').toLowerCase()));
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.every((text) => text.includes(word.toLowerCase()))).toBe(true);
  await search.getByRole('searchbox', { name: 'Søk' }).fill('ingen mål har denne teksten zzq');
  await expect(tab.getByText('Ingen mål passer med filtrene.')).toBeVisible();
  await expect(goals(tab)).toHaveCount(0);
  await search.getByRole('button', { name: 'Fjern filtre' }).click();
  await expect(goals(tab)).toHaveCount(all.total);

  // At 360 px the filters fold into one button, and the goals fit without sideways scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(search.getByRole('button', { name: /^Filtre/ })).toBeVisible();
  await expect(search.getByLabel('Status')).toBeHidden();
  const wide = await page.frame({ name: 'tab' })?.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('nav'))
      .map((el) => `${el.tagName}.${el.className}`.slice(0, 80)),
  );
  expect(wide).toEqual([]);

  // Clicking a goal's text opens its Goal screen.
  const id = await goals(tab).first().getAttribute('data-goal-id');
  await goals(tab).first().getByRole('link').click();
  await expect(page.locator('#tab-frame')).toBeAttached();
  expect(await page.frame({ name: 'tab' })?.evaluate(() => window.location.hash)).toBe(`#/tab/goal/${id}`);
});

test('the board adds a goal, reorders it, moves it to another area, deletes and undoes, and a delete without undo is stored', async ({ page }) => {
  test.setTimeout(180_000);
  const repo = repositoryAs(board, team.id);
  const before = await repo.load();
  if (!before) throw new Error('no plan');
  const [area1, area2] = before.areas as [(typeof before.areas)[number], (typeof before.areas)[number]];
  // A goal of the test's own, to delete without undo.
  const doomed = await repo.createGoal(newGoal({ planId: before.plan.id, areaId: area2.id, text: `E2E: et mål som slettes ${Date.now()}`, sortOrder: 10_000 }));
  const tab = await openPlan(page, board);
  const section1 = tab.locator(`section[data-area-id="${area1.id}"]`);
  const section2 = tab.locator(`section[data-area-id="${area2.id}"]`);

  // Axe with the board's controls, in all three themes (switched live, one page load).
  await expectNoSeriousA11yViolations(page);
  await setHostTheme(page, 'dark');
  await expect(tab.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoSeriousA11yViolations(page);
  await setHostTheme(page, 'contrast');
  await expect(tab.locator('html')).toHaveAttribute('data-theme', 'contrast');
  await expectNoSeriousA11yViolations(page);
  await setHostTheme(page, 'default');

  // Add: under area 1's first national goal (the button names its area).
  await section1.getByRole('button', { name: `Legg til mål: ${area1.title}` }).click();
  const dialog = tab.getByRole('dialog', { name: 'Nytt lokalt mål' });
  await expect(dialog.getByLabel('Nasjonalt mål')).toHaveValue(area1.nationalGoals[0] as string);
  const text = `E2E: minst 40 nye medlemmer i barnehagene ${Date.now()}`;
  await dialog.getByRole('textbox', { name: 'Mål', exact: true }).fill(text);
  await dialog.getByLabel('Måltype').selectOption({ label: 'Måltall' });
  await dialog.getByLabel('Målverdi').fill('40');
  await dialog.getByLabel('Enhet').fill('medlemmer');
  await dialog.getByLabel('Frist').fill('juni 2027');
  await dialog.getByLabel('Tariffområde').selectOption('KS');
  // Two owners, by typing a name and choosing, as a keyboard user would.
  const [first, second] = [demoPerson(team.members[0] as string), demoPerson(team.members[1] as string)];
  const picker = dialog.getByRole('combobox', { name: 'Ansvarlige', exact: true });
  for (const person of [first, second]) {
    await picker.fill(person.givenName);
    await dialog.page().keyboard.press('ArrowDown');
    // The picker's own option, not a native <option> of the owner filter behind the editor.
    await tab.locator('div[role="option"]').filter({ hasText: person.displayName }).click();
  }
  // With the list of people open, Escape closes the list only (Fluent handles it), not the dialog.
  await picker.fill(first.givenName.slice(0, 2));
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  await picker.press('Escape');
  await expect(picker).toHaveAttribute('aria-expanded', 'false');
  await expect(dialog).toBeVisible();
  await picker.fill('');
  const chosen = dialog.getByRole('listbox', { name: 'Valgte ansvarlige' });
  await expect(chosen.getByRole('option')).toHaveText([first.displayName, second.displayName].map((n) => new RegExp(n)));
  await dialog.getByRole('button', { name: 'Lagre' }).click();
  await expect(tab.getByText('Målet er lagt til.')).toBeVisible();
  const added = section1.locator('li[data-goal-id]', { hasText: text });
  await expect(added).toBeVisible();
  const id = (await added.getAttribute('data-goal-id')) as string;
  const stored = await repo.getGoal(id);
  expect(stored).toMatchObject({ text, areaId: area1.id, nationalGoal: area1.nationalGoals[0], kind: 'measured', due: '2027-06', tariffArea: 'KS' });
  expect(stored.measure).toMatchObject({ unit: 'medlemmer', target: 40 });
  // Owners are stored by Entra id, in the order chosen.
  expect(stored.owners.map((o) => o.id)).toEqual([first.id, second.id]);
  await expect(added).toContainText(`Ansvarlige: ${first.displayName} og ${second.displayName}`);
  // Each of the goal's buttons names the goal for screen readers.
  for (const action of ['Rediger', 'Flytt opp', 'Flytt ned', 'Slett']) {
    await expect(added.getByRole('button', { name: `${action}: ${text}`, exact: true })).toHaveCount(1);
  }

  // Reorder: the new goal is last under its national goal; move it up, then down again.
  const group = added.locator('xpath=..');
  const order = () => group.locator(':scope > li[data-goal-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-goal-id')));
  const initial = await order();
  expect(initial[initial.length - 1]).toBe(id);
  await expect(added.getByRole('button', { name: 'Flytt ned' })).toHaveAttribute('aria-disabled', 'true');
  await added.getByRole('button', { name: 'Flytt opp' }).click();
  await expect(tab.getByText('Målet er flyttet.')).toBeVisible();
  const swapped = [...initial];
  swapped.splice(initial.length - 2, 2, id, initial[initial.length - 2] as string);
  await expect.poll(order).toEqual(swapped);
  await expect(added.getByRole('button', { name: 'Flytt opp' })).toBeFocused();
  const neighbour = initial[initial.length - 2] as string;
  expect((await repo.getGoal(id)).sortOrder).toBeLessThan((await repo.getGoal(neighbour)).sortOrder);
  await added.getByRole('button', { name: 'Flytt ned' }).press('Enter');
  await expect.poll(order).toEqual(initial);
  await expect.poll(async () => (await repo.getGoal(id)).sortOrder > (await repo.getGoal(neighbour)).sortOrder).toBe(true);

  // At 360 px the editor and its calendar fit the screen; axe finds nothing serious in the open
  // dialog; Escape closes the calendar, then the dialog, and the focus is back on 'Rediger'.
  const editButton = added.getByRole('button', { name: /^Rediger:/ });
  await page.setViewportSize({ width: 360, height: 740 });
  await editButton.click();
  const narrow = tab.getByRole('dialog', { name: 'Rediger lokalt mål' });
  await expect(narrow.getByLabel('Frist')).toHaveValue('juni 2027');
  // Nothing runs past the dialog's edge: no sideways scrolling, and every field inside its box.
  expect(await narrow.evaluate((surface) => surface.scrollWidth <= surface.clientWidth)).toBe(true);
  const outside = await narrow.evaluate((surface) => {
    const box = surface.getBoundingClientRect();
    return [...surface.querySelectorAll('input, select, textarea, button, label, .fui-Field')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left || r.right > box.right);
      })
      .map((el) => `${el.tagName}.${el.className}`.slice(0, 80));
  });
  expect(outside).toEqual([]);
  const surfaceBox = await narrow.boundingBox();
  expect((surfaceBox?.x ?? -1) >= 0 && (surfaceBox?.x ?? 0) + (surfaceBox?.width ?? Infinity) <= 360).toBe(true);
  await expectNoSeriousA11yViolations(page);
  await narrow.getByRole('button', { name: 'Velg en dag eller en måned i kalenderen' }).click();
  const calendar = tab.getByRole('dialog', { name: 'Kalender' });
  await expect(calendar).toBeVisible();
  const calendarBox = await calendar.boundingBox();
  expect((calendarBox?.x ?? -1) >= 0 && (calendarBox?.x ?? 0) + (calendarBox?.width ?? Infinity) <= 360).toBe(true);
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(narrow).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(narrow).toBeHidden();
  await expect(editButton).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 800 });

  // Move to area 2 through the editor's area and national-goal fields, and pick the 15th in the calendar.
  await editButton.click();
  const editor = tab.getByRole('dialog', { name: 'Rediger lokalt mål' });
  await editor.getByRole('button', { name: 'Velg en dag eller en måned i kalenderen' }).click();
  const dayPicker = tab.getByRole('dialog', { name: 'Kalender' });
  // The deadline is a month, so the calendar shows months; 'Hele måneden' off shows the days.
  const wholeMonth = dayPicker.getByRole('switch', { name: 'Hele måneden' });
  await expect(wholeMonth).toBeChecked();
  await wholeMonth.click();
  // Weeks start on Monday, with Norwegian names.
  await expect(dayPicker.getByRole('columnheader').first()).toHaveAttribute('aria-label', 'mandag');
  await dayPicker.getByRole('button', { name: '15, juni, 2027' }).click();
  await expect(dayPicker).toBeHidden();
  await expect(editor.getByLabel('Frist')).toHaveValue('15. juni 2027');
  await expect(editor.getByLabel('Frist')).toBeFocused();
  await editor.getByLabel('Område', { exact: true }).selectOption(area2.id);
  await expect(editor.getByLabel('Nasjonalt mål')).toHaveValue('');
  await editor.getByLabel('Nasjonalt mål').selectOption(area2.nationalGoals[1] as string);
  // And one owner fewer.
  await editor.getByRole('listbox', { name: 'Valgte ansvarlige' }).getByRole('option', { name: `Fjern ${first.displayName}` }).click();
  await editor.getByRole('button', { name: 'Lagre' }).click();
  await expect(tab.getByText('Målet er lagret.')).toBeVisible();
  const moved = section2.locator(`li[data-goal-id="${id}"]`);
  await expect(moved).toBeVisible();
  await expect(section1.locator(`li[data-goal-id="${id}"]`)).toHaveCount(0);
  expect(await repo.getGoal(id)).toMatchObject({ areaId: area2.id, nationalGoal: area2.nationalGoals[1], text, tariffArea: 'KS', due: '2027-06-15', owners: [expect.objectContaining({ id: second.id })] });
  // The goal was drawn anew in its new area: the focus is on its 'Rediger' there.
  await expect(moved.getByRole('button', { name: /^Rediger:/ })).toBeFocused();

  // Delete, confirm, undo: the goal is back with every field.
  const beforeDelete = await repo.getGoal(id);
  await moved.getByRole('button', { name: /^Slett:/ }).click();
  const confirm = tab.getByRole('alertdialog', { name: 'Slette dette målet?' });
  await expect(confirm).toContainText(text);
  await confirm.getByRole('button', { name: 'Slett målet' }).click();
  await expect(moved).toHaveCount(0);
  const undo = tab.getByRole('button', { name: 'Angre' });
  await expect(undo).toBeFocused();
  await undo.press('Enter');
  await expect(tab.getByText('Målet er gjenopprettet.')).toBeVisible();
  await expect(moved).toBeVisible();
  expect(await repo.getGoal(id)).toEqual(beforeDelete);

  // Delete without undo (another goal): after the window it is gone from SharePoint and stays
  // gone on reload, while the undone delete was never sent.
  const doomedItem = tab.locator(`li[data-goal-id="${doomed.id}"]`);
  // (The goal's text has 'slettes' in it: its buttons are told apart by how their names begin.)
  await doomedItem.getByRole('button', { name: /^Slett:/ }).click();
  await tab.getByRole('alertdialog').getByRole('button', { name: 'Slett målet' }).click();
  await expect(doomedItem).toHaveCount(0);
  await expect(tab.getByRole('button', { name: 'Angre' })).toBeHidden({ timeout: 15_000 });
  await expect.poll(async () => repo.getGoal(doomed.id).then(() => 'present', (err: Error) => err.name)).toBe('NotFoundError');
  expect(await repo.getGoal(id)).toEqual(beforeDelete);
  await page.reload();
  const again = await openPlan(page, board);
  await expect(again.locator(`li[data-goal-id="${doomed.id}"]`)).toHaveCount(0);
  await expect(again.locator(`li[data-goal-id="${id}"]`)).toBeVisible();
  // The day picked in the calendar is what the goal shows after a reload.
  await expect(again.locator(`li[data-goal-id="${id}"]`)).toContainText('Frist 15. juni 2027');

  // Leave the demo plan as it was.
  await repo.deleteGoal(id);
  const after = await repo.load();
  expect(after?.goals.map((g) => g.id).sort()).toEqual(before.goals.map((g) => g.id).sort());
});
