/**
 * The board's Settings screen through the local Teams host: plan metadata, language and the
 * reminder settings (channel, rules, lead days, digest, quiet days) are saved and persist; the
 * reminder channel's Workflows webhook URL is shown hidden, validated, saved (its list made the
 * board's alone through SharePoint REST from the browser) and removed; the lists' health shows a column deleted in
 * SharePoint as outdated, and Repair puts it back. Stewards have no Settings. The test restores
 * the demo data it changed.
 */
import { expect, test } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { graphClientAs } from '../../emulator/app-client';
import { SharePointChannelWebhooks } from '../../src/adapters/sharepoint/channel-webhooks';
import { openTab, setHostTheme } from './support/host';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { emulatorEndpoint, emulatorOrigin, repositoryAs } from './support/graph';

const team = DEMO_TEAMS.find((t) => t.planKey === 'asker');
if (!team) throw new Error('demo team missing');
const board = team.owners[0] as string;
const steward = team.members[0] as string;

test('a steward has no Settings tab, and a deep link to Settings does not open it', async ({ page }) => {
  const tab = await openTab(page, { user: steward, team: team.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'settings' });
  await expect(tab.getByRole('tablist')).toBeVisible({ timeout: 30_000 });
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(tab.getByRole('tab', { name: 'Innstillinger' })).toHaveCount(0);
  await expect(tab.getByRole('heading', { level: 1, name: 'Innstillinger' })).toHaveCount(0);
  await expect(tab.getByRole('button', { name: 'Reparer' })).toHaveCount(0);
});

test('the board saves plan settings and the reminder channel, and repairs a deleted column', async ({ page }) => {
  test.setTimeout(120_000);
  const repo = repositoryAs(board, team.id);
  const original = await repo.load();
  if (!original) throw new Error('no plan');
  const tab = await openTab(page, { user: board, team: team.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'settings' });
  await expect(tab.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible({ timeout: 30_000 });
  await expect(tab.getByRole('tab', { name: 'Innstillinger' })).toHaveAttribute('aria-selected', 'true');
  const health = tab.getByRole('table', { name: 'Lagring i SharePoint' });
  await expect(health.getByRole('row')).toHaveCount(11);
  await expect(health.locator('[data-state]')).toHaveText(Array(10).fill('OK'));

  for (const theme of ['dark', 'contrast', 'default'] as const) {
    await setHostTheme(page, theme);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
    await expectNoSeriousA11yViolations(page);
  }

  // Plan metadata and language: validation first, then a save that persists.
  const planForm = tab.getByRole('region', { name: 'Handlingsplanen' });
  await expect(planForm.getByLabel('Fagforening')).toHaveValue(original.plan.union);
  await planForm.getByLabel('Periode til (år)').fill('2025');
  await planForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(planForm.getByText('Perioden kan ikke slutte før den begynner.')).toBeVisible();
  await planForm.getByLabel('Periode til (år)').fill('2027');
  await planForm.getByLabel('Fagforening').fill('Fagforbundet Asker og omegn');
  await planForm.getByLabel('Vedtatt på årsmøtet').fill('2026-03-12');
  await planForm.getByLabel('Planens språk').selectOption('nn');
  await planForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(planForm.getByText('Innstillingene er lagret.')).toBeVisible();

  // Reminders: the channel from the team's channels, the rules, lead days and the digest.
  const reminder = tab.getByRole('region', { name: 'Påminnelser' });

  // The reminder channel's Workflows webhook (seeded): hidden until shown; a wrong URL is refused.
  const webhook = reminder.getByRole('group', { name: 'Workflows-webhook' });
  const webhookUrl = webhook.getByLabel('URL til Workflows-webhook');
  await expect(webhook.getByText('En webhook-URL er lagret for kanalen Påminnelser.')).toBeVisible();
  await expect(webhookUrl).toHaveAttribute('type', 'password');
  await expect(webhookUrl).toHaveValue(`${emulatorOrigin()}/webhooks/workflows/${team.workflowWebhookId}`);
  await webhook.getByRole('button', { name: 'Vis URL' }).click();
  await expect(webhookUrl).toHaveAttribute('type', 'text');
  await webhookUrl.fill('https://example.com/hook');
  await webhookUrl.press('Enter');
  await expect(webhook.getByText(/Dette er ikke en URL til en Workflows-webhook/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const webhooks = new SharePointChannelWebhooks(graphClientAs(emulatorEndpoint(), board), team.id);
  expect(await webhooks.urlFor(team.reminderChannelId)).toBe(`${emulatorOrigin()}/webhooks/workflows/${team.workflowWebhookId}`);
  await expect(reminder.getByLabel('Kanal').locator('option')).toHaveText(['Ingen kanal', 'General', 'Styret', 'Påminnelser']);
  await reminder.getByLabel('Kanal').selectOption({ label: 'Styret' });
  await reminder.getByLabel('Dager før fristen').fill('0, 3');
  await reminder.getByRole('button', { name: 'Lagre påminnelser' }).click();
  await expect(reminder.getByText('Skriv ett til fem ulike hele tall fra 1 til 90, skilt med komma.')).toBeVisible();
  expect((await repo.load())?.plan.reminderChannelId ?? null).toBe(original.plan.reminderChannelId ?? null);
  await reminder.getByLabel('Dager før fristen').fill('10, 2');
  await reminder.getByRole('checkbox', { name: 'Mål uten rapportert fremdrift' }).uncheck();
  await reminder.getByLabel('Hvordan postes det').selectOption({ label: 'Samlet én gang i uka' });
  await reminder.getByLabel('Dag for ukesoppsummeringen').selectOption({ label: 'onsdag' });
  await reminder.getByLabel('Ekstra dager uten påminnelser').fill('2026-12-28\n2026-12-29');
  await reminder.getByRole('button', { name: 'Lagre påminnelser' }).click();
  await expect(reminder.getByText('Innstillingene for påminnelser er lagret.')).toBeVisible();
  expect((await repo.load())?.plan.reminderSettings).toMatchObject({ leadDays: [10, 2], nudges: false, digest: 'weekly', digestWeekday: 3, quietDays: ['2026-12-28', '2026-12-29'] });
  const styret = team.channels.find((c) => c.displayName === 'Styret');
  if (!styret) throw new Error('no Styret channel');

  // The webhook field now belongs to the newly saved channel: saved from the browser, then removed.
  await expect(webhook.getByText('Ingen webhook-URL er lagret for kanalen Styret.')).toBeVisible();
  const styretUrl = 'https://prod-27.westeurope.logic.azure.com:443/workflows/0d1f5c3e/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=e2e';
  await webhookUrl.fill(styretUrl);
  await webhook.getByRole('button', { name: 'Lagre webhook' }).click();
  await expect(webhook.getByText('Webhook-URL-en er lagret. Bare styret kan se den.')).toBeVisible();
  expect(await webhooks.urlFor(styret.id)).toBe(styretUrl);
  expect((await repo.permissions()).lists.find((l) => l.key === 'channelWebhooks')).toMatchObject({ rule: 'boardOnly', state: 'ok' });
  await webhook.getByRole('button', { name: 'Fjern webhook' }).click();
  await expect(webhook.getByText('Webhook-URL-en er fjernet.')).toBeVisible();
  expect(await webhooks.get(styret.id)).toBeNull();

  expect((await repo.load())?.plan).toMatchObject({
    union: 'Fagforbundet Asker og omegn',
    adoptedDate: '2026-03-12',
    language: 'nn',
    periodFrom: 2026,
    periodTo: 2027,
    reminderChannelId: styret.id,
    reminderChannelName: 'Styret',
  });

  // A column deleted in SharePoint (as in Microsoft Lists) shows as outdated; Repair fixes it.
  const graph = graphClientAs(emulatorEndpoint(), board);
  const site = await graph.get<{ id: string }>(`/groups/${team.id}/sites/root?$select=id`);
  const lists = await graph.get<{ value: Array<{ id: string; displayName: string }> }>(`/sites/${site.id}/lists?$select=id,displayName`);
  const list = lists.value.find((l) => l.displayName === 'Nåsituasjon og utfordringer');
  if (!list) throw new Error('situation list missing');
  const columns = await graph.get<{ value: Array<{ id: string; name: string }> }>(`/sites/${site.id}/lists/${list.id}/columns?$select=id,name`);
  const column = columns.value.find((c) => c.name === 'LongTerm');
  if (!column) throw new Error('column missing');
  await graph.delete(`/sites/${site.id}/lists/${list.id}/columns/${column.id}`);

  await tab.getByRole('button', { name: 'Sjekk igjen' }).click();
  const row = health.getByRole('row', { name: /Nåsituasjon og utfordringer/ });
  await expect(row.locator('[data-state]')).toHaveText('Utdatert');
  await expect(row).toContainText('LongTerm');
  await tab.getByRole('button', { name: 'Reparer' }).click();
  await expect(tab.getByText(/1 liste ble reparert eller opprettet\..*Nåsituasjon og utfordringer: Reparert/)).toBeVisible();
  await expect(row.locator('[data-state]')).toHaveText('OK');
  await expect(row).not.toContainText('LongTerm');
  const listStates = (await repo.health()).lists;
  expect(listStates.length).toBeGreaterThan(0);
  expect(listStates.filter((l) => l.state !== 'ok')).toEqual([]);

  // Everything persists over a reload.
  await page.reload();
  const again = page.frameLocator('#tab-frame');
  await expect(again.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible({ timeout: 30_000 });
  const form = again.getByRole('region', { name: 'Handlingsplanen' });
  await expect(form.getByLabel('Fagforening')).toHaveValue('Fagforbundet Asker og omegn');
  await expect(form.getByLabel('Vedtatt på årsmøtet')).toHaveValue('2026-03-12');
  await expect(form.getByLabel('Planens språk')).toHaveValue('nn');
  const reminderAgain = again.getByRole('region', { name: 'Påminnelser' });
  await expect(reminderAgain.getByLabel('Kanal')).toHaveValue(styret.id);
  await expect(reminderAgain.getByLabel('Dager før fristen')).toHaveValue('10, 2');
  await expect(reminderAgain.getByLabel('Dag for ukesoppsummeringen')).toHaveValue('3');

  // Leave the demo plan as it was.
  await repo.updatePlan(
    original.plan.id,
    {
      union: original.plan.union,
      adoptedDate: original.plan.adoptedDate,
      language: original.plan.language,
      reminderChannelId: original.plan.reminderChannelId ?? null,
      reminderChannelName: original.plan.reminderChannelName ?? null,
      reminderSettings: original.plan.reminderSettings ?? null,
    },
    { ifMatch: null },
  );
});
