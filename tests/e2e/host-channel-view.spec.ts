/**
 * The host page's Channel view (host-sim/channel-view.ts) in real Chromium against the e2e stack's
 * emulator: a post with an Adaptive Card, sent through Graph from the test (`POST …/messages`, the
 * card's content a JSON string, facts §8), shows in the channel as Teams shows it: sender, time,
 * body with its mention, the card rendered by Microsoft's renderer with its `<at>` mention
 * highlighted and its Action.OpenUrl buttons, the reply indented under the post, newest last. A deep
 * link on the card opens the tab at its sub-entity; other links open a new window. A message's HTML
 * is shown as text, never run. Refresh and the page becoming visible re-read; an empty channel says
 * so; axe finds nothing serious in the light, dark and contrast themes.
 *
 * Own data: posts with a text unique to this run in Fagforbundet Asker's "Styret" channel, found by
 * their message id, so other posts in the channel do not matter.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_TEAMS, demoPerson } from '../../emulator/seed/demo-tenant';
import { DEV_TEAMS_APP_ID } from '../../scripts/dev-stack';
import { buildTabDeepLink } from '../../src/teams/deep-link';
import { emulatorOrigin } from './support/graph';

const TEAM = DEMO_TEAMS.find((t) => t.displayName === 'Fagforbundet Asker')!;
const CHANNEL = TEAM.channels.find((c) => c.displayName === 'Styret')!;
const GENERAL = TEAM.channels.find((c) => c.displayName === 'General')!;
/** A steward (member) of Asker: the poster, and the host page's user. */
const USER = 'ahmed.hussain@org365.example';
const AHMED = demoPerson(USER);
const LINDA = demoPerson('linda.strand@org365.example');
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Answered by the test itself, so the "other link" opens without leaving the machine. */
const EXTERNAL_URL = 'https://example.org/handlingsplan-info';

type Json = Record<string, unknown>;

function graphAs(request: APIRequestContext, upn: string) {
  const base = `${emulatorOrigin()}/v1.0`;
  return async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> => {
    const headers = { Authorization: `Bearer dev:${upn}`, Accept: 'application/json' };
    const response = await request.fetch(`${base}${path}`, { method, headers, ignoreHTTPSErrors: true, ...(body === undefined ? {} : { data: body }) });
    expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
    return (await response.json()) as Json;
  };
}

const messagesPath = (channelId: string) => `/teams/${TEAM.id}/channels/${encodeURIComponent(channelId)}/messages`;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

interface Posted {
  id: string;
  heading: string;
  subEntityId: string;
}

/** A reminder-like post: a line mentioning Linda, then the card (mention, facts, a deep link and a web link). */
async function postCard(request: APIRequestContext): Promise<Posted> {
  const graph = graphAs(request, USER);
  const tag = unique();
  const heading = `Påminnelse ${tag}: Verve nye medlemmer`;
  const subEntityId = `goal:e2e-${tag}`;
  const deepLink = buildTabDeepLink({ appId: DEV_TEAMS_APP_ID, entityId: 'handlingsplan', subEntityId, channelId: CHANNEL.id, label: 'Åpne målet' });
  const card = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: heading, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: `**Ansvarlig:** <at>${LINDA.displayName}</at>`, wrap: true },
      { type: 'FactSet', facts: [{ title: 'Frist', value: 'onsdag 20. mai 2026' }, { title: 'Status', value: 'Ikke startet' }] },
    ],
    actions: [
      { type: 'Action.OpenUrl', title: 'Åpne målet', url: deepLink },
      { type: 'Action.OpenUrl', title: 'Les mer', url: EXTERNAL_URL },
    ],
    msteams: {
      width: 'Full',
      entities: [{ type: 'mention', text: `<at>${LINDA.displayName}</at>`, mentioned: { id: LINDA.id, name: LINDA.displayName } }],
    },
  };
  const posted = await graph('POST', messagesPath(CHANNEL.id), {
    body: { contentType: 'html', content: `<p>Hei <at id="0">${LINDA.displayName}</at>, her er påminnelsen.</p><attachment id="a1"></attachment>` },
    attachments: [{ id: 'a1', contentType: CARD_TYPE, contentUrl: null, content: JSON.stringify(card), name: null, thumbnailUrl: null }],
    mentions: [{ id: 0, mentionText: LINDA.displayName, mentioned: { user: { id: LINDA.id, displayName: LINDA.displayName, userIdentityType: 'aadUser' } } }],
  });
  return { id: posted.id as string, heading, subEntityId };
}

async function postText(request: APIRequestContext, content: string, contentType: 'text' | 'html' = 'text', replyTo?: string): Promise<string> {
  const path = replyTo ? `${messagesPath(CHANNEL.id)}/${replyTo}/replies` : messagesPath(CHANNEL.id);
  const posted = await graphAs(request, USER)('POST', path, { body: { contentType, content } });
  return posted.id as string;
}

async function openChannel(page: Page, channel = CHANNEL.displayName) {
  const params = new URLSearchParams({ user: USER, team: TEAM.displayName, channel, view: 'channel' });
  await page.goto(`/?${params.toString()}`);
  await expect(page.getByLabel('View', { exact: true })).toHaveValue('channel');
  await expect(page.locator('#tab-frame')).toHaveCount(0);
  const view = page.locator('.channel-view');
  await expect(view.getByRole('heading', { level: 2 })).toHaveText(channel);
  return { view, status: view.getByRole('status') };
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('.channel-view').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
}

test.describe('host page: Channel view', () => {
  test('shows a posted Adaptive Card with its mention and actions, the reply under it, and opens a deep link in the tab', async ({ page, request, context }) => {
    const posted = await postCard(request);
    const replyText = `Takk, jeg tar det (${unique()})`;
    await postText(request, replyText, 'text', posted.id);
    const laterText = `Styremøte torsdag ${unique()}`;
    const laterId = await postText(request, laterText);

    const { view, status } = await openChannel(page);
    await expect(status).toContainText('Read Styret');
    // The team's channels, the selected one current.
    const nav = view.getByRole('navigation', { name: `Channels of ${TEAM.displayName}` });
    await expect(nav.getByRole('link')).toHaveText(TEAM.channels.map((c) => c.displayName));
    await expect(nav.getByRole('link', { name: 'Styret' })).toHaveAttribute('aria-current', 'page');

    // The post: sender, time, body with the message's mention, and the card in place of its <attachment>.
    const post = view.locator(`article[data-message-id="${posted.id}"]`);
    await expect(post.getByRole('heading', { level: 3 })).toHaveText(AHMED.displayName);
    await expect(post.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    const text = post.locator('.post-body > p');
    await expect(text).toHaveText(`Hei ${LINDA.displayName}, her er påminnelsen.`);
    await expect(text.locator('.mention')).toHaveText(LINDA.displayName);
    const card = post.getByRole('group', { name: `Card from ${AHMED.displayName}` });
    await expect(card.locator('.ac-adaptiveCard')).toBeVisible();
    await expect(card.getByRole('heading', { name: posted.heading })).toBeVisible();
    // Markdown bold and the card's <at> mention, highlighted (it has its msteams.entities entry).
    await expect(card.locator('strong')).toHaveText('Ansvarlig:');
    await expect(card.locator('.mention')).toHaveText(LINDA.displayName);
    await expect(card).not.toContainText('<at>');
    await expect(card).toContainText('Frist');
    await expect(card).toContainText('onsdag 20. mai 2026');
    // Action.OpenUrl buttons (the renderer gives them the link role).
    const openGoal = card.getByRole('link', { name: 'Åpne målet' });
    const readMore = card.getByRole('link', { name: 'Les mer' });
    await expect(openGoal).toBeVisible();
    await expect(readMore).toBeVisible();
    // The reply, indented under its post.
    const replies = post.getByRole('list', { name: `1 reply to ${AHMED.displayName}` });
    await expect(replies.getByRole('article')).toHaveCount(1);
    await expect(replies.getByRole('article')).toContainText(replyText);
    // Newest last: the later post is the channel's last.
    await expect(view.locator('.channel-posts > li').last().locator('> article')).toHaveAttribute('data-message-id', laterId);
    await expectNoSeriousViolations(page);
    for (const theme of ['dark', 'contrast'] as const) {
      await page.getByLabel('Theme', { exact: true }).selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(post.locator('.ac-adaptiveCard')).toBeVisible();
      await expectNoSeriousViolations(page);
    }
    await page.getByLabel('Theme', { exact: true }).selectOption('default');

    // A web link opens in a new window.
    await context.route(`${EXTERNAL_URL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Info</title>' }));
    const [popup] = await Promise.all([context.waitForEvent('page'), readMore.click()]);
    await expect.poll(() => popup.url()).toBe(EXTERNAL_URL);
    await popup.close();
    await expect(page.getByLabel('View', { exact: true })).toHaveValue('channel');

    // The deep link opens the tab here, in the card's channel, at its sub-entity.
    await openGoal.click();
    await expect(page.getByLabel('View', { exact: true })).toHaveValue('tab');
    await expect(page).toHaveURL(new RegExp(`[?&]subEntityId=${encodeURIComponent(posted.subEntityId)}(&|$)`));
    await expect(page).toHaveURL(/[?&]channel=Styret(&|$)/);
    await expect(page.locator('#tab-frame')).toBeAttached();
    await expect(page.locator('.channel-view')).toHaveCount(0);
  });

  test('an empty channel says so; Refresh and becoming visible re-read; a message\'s HTML is shown as text', async ({ page, request }) => {
    // The channel's list answers empty at first (other specs may have posted in it).
    let empty = true;
    await page.route(/\/v1\.0\/teams\/[^/]+\/channels\/[^/]+\/messages\?/, async (route) => {
      if (empty) await route.fulfill({ json: { '@odata.count': 0, value: [] } });
      else await route.fallback();
    });
    const { view, status } = await openChannel(page);
    await expect(view.getByText('No posts yet', { exact: true })).toBeVisible();
    await expect(view.getByRole('list')).toHaveCount(1); // the channel list only
    await expectNoSeriousViolations(page);

    // HTML from a message: markup shown as text, nothing run or loaded, links only http(s).
    const marker = unique();
    const id = await postText(
      request,
      `<p>Hei <b>alle</b> ${marker}</p><img src="/x-${marker}.png" onerror="window.__injected = 1"><script>window.__injected = 2</script>` +
        `<a href="javascript:window.__injected=3">klikk</a> <a href="https://example.org/${marker}">lenke</a>`,
      'html',
    );
    empty = false;
    await view.getByRole('button', { name: 'Refresh' }).click();
    const post = view.locator(`article[data-message-id="${id}"]`);
    await expect(post).toBeVisible();
    await expect(view.getByText('No posts yet', { exact: true })).toHaveCount(0);
    await expect(post.locator('.post-body strong')).toHaveText('alle');
    await expect(post.locator('img, script')).toHaveCount(0);
    await expect(post.getByRole('link', { name: 'lenke' })).toHaveAttribute('href', `https://example.org/${marker}`);
    await expect(post.getByRole('link', { name: 'klikk' })).toHaveCount(0);
    await expect(post).toContainText('klikk');
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    await expect(status).toContainText('Read Styret');

    // Posted while the page was hidden: the view re-reads when the page becomes visible again.
    const text = `Sett når siden blir synlig ${unique()}`;
    const visibleId = await postText(request, text);
    await expect(view.locator(`article[data-message-id="${visibleId}"]`)).toHaveCount(0);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(view.locator(`article[data-message-id="${visibleId}"]`)).toContainText(text);

    // Another channel from the view's own list: read in place, the URL and the host's picker follow.
    await view.getByRole('navigation').getByRole('link', { name: 'General' }).click();
    await expect(view.getByRole('heading', { level: 2 })).toHaveText('General');
    await expect(page.getByLabel('Channel', { exact: true })).toHaveValue(GENERAL.id);
    await expect(page).not.toHaveURL(/[?&]channel=/);
    await expect(view.getByRole('link', { name: 'General' })).toBeFocused();
    await expect(status).toContainText('Read General');
    await expectNoSeriousViolations(page);
  });
});
