/**
 * 'Send reminders now' in real Chromium (issue 12): the board previews exactly what will be posted
 * (the cards rendered as Teams renders them), posts it, and the card appears among the reminder
 * channel's posts in the host page's Channel view; a second time there is nothing left to post, and
 * the ledger holds each reminder once. A reminder's 'Report progress' link opens the goal's check-in
 * on 'My goals'. The test restores the goal it changed.
 */
import { expect, test } from '@playwright/test';
import { DEMO_REMINDER_CHANNEL_NAME, DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { graphClientAs } from '../../emulator/app-client';
import { SharePointReminderLedger } from '../../src/adapters/sharepoint/reminder-ledger';
import { osloClock } from '../../src/domain/reminders';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorEndpoint, repositoryAs } from './support/graph';
import { hostUrl, openTab } from './support/host';

const team = DEMO_TEAMS.find((t) => t.planKey === 'sor-varanger');
if (!team) throw new Error('demo team missing');
const board = team.owners[0] as string;

test('the board previews and sends reminders; the card arrives in the channel once', async ({ page }) => {
  test.setTimeout(120_000);
  const repo = repositoryAs(board, team.id);
  const original = await repo.load();
  if (!original) throw new Error('no plan');
  // A goal due today, with an owner: its reminder is due now. 'Today' is the Norwegian day the
  // reminder rules use (Europe/Oslo), not this machine's: from 23:00 UTC they differ.
  const goal = original.goals.find((g) => g.owners.length > 0 && g.status !== 'done' && g.kind !== 'recurring');
  if (!goal) throw new Error('no goal');
  const today = osloClock(new Date()).day;
  await repo.updateGoal(goal.id, { due: today }, { ifMatch: goal.etag ?? null });
  // One post per goal (however many are due in the demo plan), and no check-in nudges.
  await repo.updatePlan(original.plan.id, { reminderSettings: { maxSeparatePosts: 50, nudges: false } }, { ifMatch: null });

  const tab = await openTab(page, { user: board, team: team.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'settings' });
  const section = tab.getByRole('region', { name: 'Påminnelser' });
  await expect(section.getByLabel('Kanal')).toHaveValue(team.reminderChannelId, { timeout: 30_000 });
  await section.getByRole('button', { name: 'Send påminnelser nå' }).click();

  const dialog = tab.getByRole('dialog', { name: 'Send påminnelser nå' });
  await expect(dialog.getByText(/^\d+ (melding|meldinger) postes i Påminnelser:$/)).toBeVisible({ timeout: 30_000 });
  const cards = dialog.getByTestId('adaptive-card');
  await expect(cards.first()).toBeVisible();
  // The goal is in one of the previewed cards, as the renderer draws it.
  await expect(cards.filter({ hasText: goal.text.slice(0, 40) })).toHaveCount(1);
  await expect(dialog.getByText(/^Frist i dag \(/).first()).toBeVisible();
  // As in Teams: Markdown bold and the owners' mentions rendered, never shown as markup.
  await expect(dialog.getByText(/<at>|\*\*/)).toHaveCount(0);
  await expect(dialog.locator('strong', { hasText: goal.owners[0]!.displayName }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const previewed = await cards.count();

  await dialog.getByRole('button', { name: 'Post' }).click();
  await expect(dialog.getByText(new RegExp(`${previewed} (melding|meldinger) ble postet`))).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Lukk' }).click();

  // Nothing is left to post: everything due up to today went out once.
  await section.getByRole('button', { name: 'Send påminnelser nå' }).click();
  await expect(tab.getByRole('dialog').getByText('Ingenting er aktuelt nå: alle påminnelser til og med i dag er postet.')).toBeVisible({ timeout: 30_000 });
  await tab.getByRole('dialog').getByRole('button', { name: 'Lukk' }).click();

  const ledger = new SharePointReminderLedger(graphClientAs(emulatorEndpoint(), board), team.id);
  const entries = await ledger.entries(original.plan.id);
  const mine = entries.filter((e) => e.goalId === goal.id);
  expect(mine.map((e) => [e.key, e.state, e.via, e.channelId])).toEqual([[`${goal.id}:deadline:${today}:on`, 'sent', 'graph', team.reminderChannelId]]);
  expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);

  // The channel shows the card, with the owners mentioned and the links back into the tab.
  await page.goto(hostUrl({ user: board, team: team.displayName, channel: DEMO_REMINDER_CHANNEL_NAME }).replace('?', '?view=channel&'));
  const post = page.getByRole('article').filter({ hasText: goal.text.slice(0, 40) });
  await expect(post).toHaveCount(1, { timeout: 30_000 });
  await expect(post.getByText(goal.owners[0]!.displayName).first()).toBeVisible();
  await expect(post.getByRole('link', { name: 'Åpne i planen' })).toBeVisible();
  await post.getByRole('link', { name: 'Rapporter fremdrift' }).click();
  const reopened = page.frameLocator('#tab-frame');
  await expect(reopened.getByRole('heading', { level: 1, name: 'Mine mål' })).toBeVisible({ timeout: 30_000 });

  await repo.updateGoal(goal.id, { due: goal.due }, { ifMatch: null });
  await repo.updatePlan(original.plan.id, { reminderSettings: original.plan.reminderSettings ?? null }, { ifMatch: null });
});
