/**
 * The tab's configuration page through the local Teams host: with a plan, an owner saves and
 * the tab opens on it; without one, a steward cannot save and a board member creates the plan
 * from the national template first. The team without a plan is made by hiding its lists
 * (renamed and unmarked) and put back afterwards.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { graphClientAs } from '../../emulator/app-client';
import { hostSaveButton, openTab, setHostTheme } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorEndpoint, repositoryAs } from './support/graph';

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
const asker = DEMO_TEAMS.find((t) => t.planKey === 'asker');
if (!alver || !asker) throw new Error('demo team missing');

async function openConfig(page: Page, user: string, teamName: string, locale = 'nb-NO') {
  const tab = await openTab(page, { user, team: teamName, locale, view: 'config' });
  await expect(tab.getByRole('heading', { level: 1, name: 'Legg handlingsplanen til i denne kanalen' })).toBeVisible({ timeout: 30_000 });
  return tab;
}

test('an owner of a team with a plan sees it, saves, and the tab opens on the plan', async ({ page }) => {
  const plan = (await repositoryAs(alver.owners[0] as string, alver.id).load())?.plan;
  if (!plan) throw new Error('no plan');
  const tab = await openConfig(page, alver.owners[0] as string, alver.displayName);
  await expect(tab.getByText(`Fanen viser handlingsplanen til ${plan.union}, ${plan.periodFrom}–${plan.periodTo}.`)).toBeVisible();
  await expect(hostSaveButton(page)).toBeEnabled();
  for (const theme of ['dark', 'contrast', 'default'] as const) {
    await setHostTheme(page, theme);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousA11yViolations(page);
  }
  await hostSaveButton(page).click();
  await expect(page.getByLabel('View', { exact: true })).toHaveValue('tab');
  const opened = page.frameLocator('#tab-frame');
  await expect(opened.getByRole('tablist')).toBeVisible({ timeout: 30_000 });
  await opened.getByRole('tab', { name: 'Plan' }).click();
  await expect(opened.getByRole('heading', { level: 1, name: `Handlingsplan ${plan.periodFrom}–${plan.periodTo}` })).toBeVisible();
  await expect(opened.locator('li[data-goal-id]').first()).toBeVisible();
});

test('without a plan a steward cannot save; a board member creates it from the national template, then saves', async ({ page }) => {
  test.setTimeout(120_000);
  const graph = graphClientAs(emulatorEndpoint(), asker.owners[0] as string);
  const site = await graph.get<{ id: string }>(`/groups/${asker.id}/sites/root?$select=id`);
  type GraphList = { id: string; displayName: string; description: string };
  const all = await graph.get<{ value: GraphList[] }>(`/sites/${site.id}/lists?$select=id,displayName,description`);
  const hidden = all.value.filter((l) => /\[handlingsplan:/.test(l.description ?? ''));
  expect(hidden.map((l) => l.displayName)).toContain('Handlingsplan');
  for (const list of hidden) {
    await graph.patch(`/sites/${site.id}/lists/${list.id}`, { displayName: `${list.displayName} (e2e skjult)`, description: 'hidden by the config e2e test' });
  }
  try {
    expect(await repositoryAs(asker.owners[0] as string, asker.id).load()).toBeNull();

    const steward = await openConfig(page, asker.members[0] as string, asker.displayName);
    await expect(steward.getByRole('heading', { level: 2, name: 'Teamet har ingen handlingsplan ennå' })).toBeVisible();
    await expect(steward.getByText('Et styremedlem (en eier av teamet) må opprette handlingsplanen før fanen kan legges til.')).toBeVisible();
    await expect(steward.getByRole('button', { name: 'Opprett fra den nasjonale malen' })).toHaveCount(0);
    await expect(hostSaveButton(page)).toBeDisabled();

    const board = await openConfig(page, asker.owners[1] as string, asker.displayName);
    await expect(hostSaveButton(page)).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
    await board.getByLabel('Planens språk').selectOption('nn');
    await board.getByRole('button', { name: 'Opprett fra den nasjonale malen' }).click();
    await expect(board.getByText('Handlingsplanen er opprettet. Velg Lagre for å legge til fanen.')).toBeVisible({ timeout: 30_000 });
    await expect(hostSaveButton(page)).toBeEnabled();
    const created = await repositoryAs(asker.owners[1] as string, asker.id).load();
    expect(created?.plan).toMatchObject({ union: asker.displayName, language: 'nn', periodFrom: 2026, periodTo: 2027 });
    expect(created?.areas).toHaveLength(6);
    expect(created?.goals).toHaveLength(0);

    await hostSaveButton(page).click();
    await expect(page.getByLabel('View', { exact: true })).toHaveValue('tab');
    await expect(page.frameLocator('#tab-frame').getByRole('tablist')).toBeVisible({ timeout: 30_000 });
  } finally {
    // Put the demo plan back: remove the lists the setup created and restore the old ones.
    const now = await graph.get<{ value: GraphList[] }>(`/sites/${site.id}/lists?$select=id,displayName,description`);
    for (const list of now.value) {
      if (/\[handlingsplan:/.test(list.description ?? '') && !hidden.some((h) => h.id === list.id)) await graph.delete(`/sites/${site.id}/lists/${list.id}`);
    }
    for (const list of hidden) {
      await graph.patch(`/sites/${site.id}/lists/${list.id}`, { displayName: list.displayName, description: list.description });
    }
  }
  const restored = await repositoryAs(asker.owners[0] as string, asker.id).load();
  expect(restored?.goals.length).toBeGreaterThan(0);
});
