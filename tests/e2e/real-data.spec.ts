/**
 * Data as people leave it in Microsoft Lists: a goal whose area was deleted there is still shown
 * (under 'Not placed') and the board can move it to an area; a long unbroken word (a URL, a name)
 * wraps instead of widening the page at 360 px; an impossible date is refused with its message.
 * The test removes what it added, so later specs find the demo plan as it was.
 */
import { expect, test } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { openTab } from './support/host';
import { repositoryAs } from './support/graph';
import { newGoal } from '../support/factories';

const team = DEMO_TEAMS.find((t) => t.planKey === 'sor-varanger');
if (!team) throw new Error('demo team missing');
const board = team.owners[0] as string;

const LONG_WORD = `https://fagforbundet.example/${'handlingsplanforvervingogorganisering'.repeat(6)}`;

test('a goal whose area is gone is shown as not placed, wraps its long words at 360 px, and the board moves it to an area', async ({ page }) => {
  const repo = repositoryAs(board, team.id);
  const before = await repo.load();
  if (!before) throw new Error('demo plan missing');
  const target = before.areas[0];
  if (!target) throw new Error('demo plan has no areas');
  const orphan = await repo.createGoal(newGoal({ planId: before.plan.id, areaId: 'an-area-deleted-in-lists', text: `Verve nye medlemmer, se ${LONG_WORD}` }));
  try {
    await page.setViewportSize({ width: 360, height: 740 });
    const tab = await openTab(page, { user: board, team: team.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'plan' });
    const section = tab.locator('section[data-area-id="not-placed"]');
    await expect(section.getByRole('heading', { level: 2, name: 'Ikke plassert' })).toBeVisible({ timeout: 30_000 });
    const item = section.locator(`li[data-goal-id="${orphan.id}"]`);
    await expect(item).toContainText('Verve nye medlemmer');
    // No 'add' in a section that is not an area.
    await expect(section.getByRole('button', { name: 'Legg til mål' })).toHaveCount(0);

    const overflow = await tab.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const itemBox = await item.boundingBox();
    expect(itemBox?.width ?? Infinity).toBeLessThanOrEqual(360);

    // The board moves it: the area select names where it is now, and an impossible date is refused.
    await page.setViewportSize({ width: 1280, height: 800 });
    await item.getByRole('button', { name: 'Rediger' }).click();
    const dialog = tab.getByRole('dialog');
    const areaSelect = dialog.getByLabel('Område', { exact: true });
    await expect(areaSelect.locator('option:checked')).toHaveText('Ikke plassert');
    await areaSelect.selectOption(target.id);
    await dialog.getByLabel('Frist').fill('2027-02-31');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await expect(dialog.getByText('Den datoen finnes ikke (måneden har færre dager).')).toBeVisible();
    expect((await repo.load())?.goals.find((g) => g.id === orphan.id)?.areaId).toBe('an-area-deleted-in-lists');
    await dialog.getByLabel('Frist').fill('2027-02-28');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await expect(dialog).toHaveCount(0);

    await expect(tab.locator('section[data-area-id="not-placed"]')).toHaveCount(0);
    await expect(tab.locator(`section[data-area-id="${target.id}"] li[data-goal-id="${orphan.id}"]`)).toBeVisible();
    const stored = (await repo.load())?.goals.find((g) => g.id === orphan.id);
    expect(stored).toMatchObject({ areaId: target.id, due: '2027-02-28' });
  } finally {
    await repo.deleteGoal(orphan.id);
  }
});
