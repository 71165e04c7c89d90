/**
 * Roles enforced by SharePoint (issue 9), in the real tab: the board sees that every steward could
 * change the plan and sets the lists' permissions with one button (the tab calls SharePoint REST on
 * the site's host with a token for it). When a board member is then made an ordinary member in
 * Teams while their tab still shows the editor, SharePoint refuses their save (403) and the editor
 * says so plainly; nothing is stored. The test puts the team and the lists back as it found them.
 */
import { expect, test } from '@playwright/test';
import { DEMO_TEAMS, demoPerson } from '../../emulator/seed/demo-tenant';
import { graphClientAs, sharePointRestAs } from '../../emulator/app-client';
import { openTab } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorEndpoint, repositoryAs } from './support/graph';

const team = DEMO_TEAMS.find((t) => t.planKey === 'asker');
if (!team) throw new Error('demo team missing');
const boardA = team.owners[0] as string;
const boardB = team.owners[1] as string;

async function setRole(upn: string, roles: string[]): Promise<void> {
  const graph = graphClientAs(emulatorEndpoint(), boardA);
  const members = await graph.get<{ value: Array<{ id: string; userId: string }> }>(`/teams/${team!.id}/members`);
  const membership = members.value.find((m) => m.userId === demoPerson(upn).id);
  if (!membership) throw new Error(`${upn} is not in the team`);
  await graph.patch(`/teams/${team!.id}/members/${encodeURIComponent(membership.id)}`, { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles });
}

test('the board sets who may change the plan; SharePoint then refuses a save by someone no longer on the board, with a clear message', async ({ page }) => {
  test.setTimeout(150_000);
  const repo = repositoryAs(boardA, team.id);
  const before = await repo.permissions();
  expect(before.state).toBe('notApplied');
  const rest = sharePointRestAs(emulatorEndpoint(), boardA)(before.siteUrl as string);
  const listIds = (await repo.health()).lists.map((l) => l.listId as string);
  try {
    const tab = await openTab(page, { user: boardA, team: team.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'settings' });
    const section = tab.getByRole('region', { name: 'Hvem kan endre planen' });
    await expect(section).toBeVisible({ timeout: 30_000 });
    await expect(section.getByText('Tillitsvalgte kan i dag endre eller slette planen i Microsoft Lists.', { exact: false })).toBeVisible();
    await expect(section.locator('[data-list="goals"]')).toContainText('Alle medlemmer kan endre');
    await expectNoSeriousA11yViolations(page);

    await section.getByRole('button', { name: 'Sett tillatelser' }).click();
    await expect(section.getByText('Tillatelsene er satt: nå kan bare styret endre planen.')).toBeVisible({ timeout: 30_000 });
    for (const key of ['plans', 'areas', 'goals', 'situation', 'checkIns', 'comments']) {
      await expect(section.locator(`[data-list="${key}"]`)).toContainText('Som den skal');
    }
    expect((await repo.permissions()).state).toBe('ok');

    // Board member B has a goal open in the editor when the team makes B an ordinary member.
    const other = await page.context().newPage();
    const tabB = await openTab(other, { user: boardB, team: team.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'plan' });
    const goal = tabB.locator('li[data-goal-id]').first();
    await expect(goal).toBeVisible({ timeout: 30_000 });
    const id = (await goal.getAttribute('data-goal-id')) as string;
    const original = await repo.getGoal(id);
    await goal.getByRole('button', { name: 'Rediger' }).click();
    const editor = tabB.getByRole('dialog', { name: 'Rediger lokalt mål' });
    await editor.getByRole('textbox', { name: 'Mål', exact: true }).fill(`${original.text} (endret)`);
    await setRole(boardB, []);
    await editor.getByRole('button', { name: 'Lagre' }).click();
    await expect(editor.getByText('Du kan ikke endre dette: bare styret (teamets eiere) redigerer planen.', { exact: false })).toBeVisible();
    await expectNoSeriousA11yViolations(other);
    expect((await repo.getGoal(id)).text).toBe(original.text);
    await other.close();
  } finally {
    await setRole(boardB, ['owner']);
    // Back to the demo's state: every list inherits the site's permissions again.
    for (const id of listIds) {
      await rest.post(`web/lists(guid'${id}')/resetroleinheritance`);
      await rest.merge(`web/lists(guid'${id}')`, { WriteSecurity: 1 });
    }
  }
});
