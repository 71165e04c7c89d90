/**
 * Channel messages on Graph (post, list, get, replies) and the Workflows webhook, with the demo
 * tenant's reminder channels and webhooks, and persistence across a restart (facts §8).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOT_APP_ID, DEMO_PEOPLE, DEMO_REMINDER_CHANNEL_NAME, DEMO_TEAMS, DEMO_TEAMS_APP, WORKFLOWS_APP } from '../../emulator/seed/demo-tenant.ts';
import type { TenantState } from '../../emulator/state/tenant-state.ts';
import { ALVER, ASKER, INGRID, PER, startTestEmulator, type Collection, type ErrorBody, type GraphResult, type TestEmulator } from './support.ts';

type Obj = Record<string, unknown>;
const ingrid = DEMO_PEOPLE.find((p) => p.userPrincipalName === INGRID);
const kari = DEMO_PEOPLE.find((p) => p.userPrincipalName === 'kari.eide@org365.example');
const channelPath = (team = ALVER, channelId = ALVER.reminderChannelId): string => `/teams/${team.id}/channels/${encodeURIComponent(channelId)}/messages`;
const card = (version = '1.5', text = 'Frist nærmer seg'): Obj => ({
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  type: 'AdaptiveCard',
  version,
  body: [{ type: 'TextBlock', text, wrap: true }],
});
const cardMessage = (content: string, id = '74d20c7f34aa4a7fb74e2b30004247c5'): Obj => ({
  body: { contentType: 'html', content: `<attachment id="${id}"></attachment>` },
  attachments: [{ id, contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content, name: null, thumbnailUrl: null }],
});
const code = (r: GraphResult): string => (r.body as unknown as ErrorBody).error.code;
const webhookPayload = (c: Obj): Obj => ({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: c }] });
const postWebhook = (t: TestEmulator, url: string, payload: unknown): Promise<GraphResult> =>
  t.raw(url, { method: 'POST', body: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'Content-Type': 'application/json' } });

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ botRateLimit: { enabled: false } });
});
afterAll(async () => {
  await t.close();
});

describe('demo tenant messaging seed', () => {
  it("should give every demo team a 'Påminnelser' channel, the app with its bot installed and a webhook for that channel", async () => {
    const teams = await t.raw('/_emulator/teams');
    const messaging = await t.raw('/_emulator/messaging');
    const webhooks = messaging.body.webhooks as Obj[];
    for (const demo of DEMO_TEAMS) {
      const team = (teams.body.value as Obj[]).find((x) => x.id === demo.id) as Obj;
      expect(team.channels).toContainEqual({ id: demo.reminderChannelId, displayName: DEMO_REMINDER_CHANNEL_NAME });
      expect(team.installedAppIds).toEqual([DEMO_TEAMS_APP.id]);
      expect(webhooks).toContainEqual(
        expect.objectContaining({ id: demo.workflowWebhookId, teamId: demo.id, channelId: demo.reminderChannelId, url: t.emu.webhookUrl(demo.workflowWebhookId) }),
      );
    }
    expect(messaging.body).toMatchObject({
      serviceUrl: t.emu.botServiceUrl,
      tokenUrl: t.emu.tokenUrl,
      scope: 'https://api.botframework.com/.default',
      apps: [{ id: DEMO_TEAMS_APP.id, displayName: 'Handlingsplan', botId: DEMO_BOT_APP_ID }],
    });
    expect(t.emu.botServiceUrl).toBe(`${t.emu.origin}/botframework/`);
    expect(t.emu.webhookUrl(ALVER.workflowWebhookId)).toBe(`${t.emu.origin}/webhooks/workflows/${ALVER.workflowWebhookId}`);
  });
});

describe('Graph channel messages', () => {
  it('should post a plain message and answer 201 with the full chatMessage, contentType text by default', async () => {
    const res = await t.call('POST', channelPath(), { body: { body: { content: 'Hallo verda' } } });
    expect(res.status).toBe(201);
    const m = res.body;
    expect(m.id).toMatch(/^\d{13,}$/);
    expect(m.etag).toBe(m.id);
    expect(m['@odata.context']).toBe(`${t.emu.graphUrl}/$metadata#teams('${ALVER.id}')/channels('${encodeURIComponent(ALVER.reminderChannelId)}')/messages/$entity`);
    expect(m).toMatchObject({
      replyToId: null,
      messageType: 'message',
      lastEditedDateTime: null,
      deletedDateTime: null,
      subject: null,
      summary: null,
      chatId: null,
      importance: 'normal',
      locale: 'en-us',
      from: { application: null, device: null, user: { id: ingrid?.id, displayName: 'Ingrid Haugland', userIdentityType: 'aadUser' } },
      body: { contentType: 'text', content: 'Hallo verda' },
      channelIdentity: { teamId: ALVER.id, channelId: ALVER.reminderChannelId },
      attachments: [],
      mentions: [],
      reactions: [],
    });
    expect(new Date(m.createdDateTime as string).getTime()).toBe(Number(m.id));
    expect(m.lastModifiedDateTime).toBe(m.createdDateTime);
    expect(m.webUrl).toBe(
      `https://teams.microsoft.com/l/message/${encodeURIComponent(ALVER.reminderChannelId)}/${m.id as string}?groupId=${ALVER.id}&tenantId=81563b80-a35d-5c55-af96-7287cafa8b0f&createdTime=${m.id as string}&parentMessageId=${m.id as string}`,
    );
    const read = await t.call('GET', `${channelPath()}/${m.id as string}`);
    expect(read.status).toBe(200);
    expect({ ...read.body, '@odata.context': undefined }).toEqual({ ...m, '@odata.context': undefined });
  });

  it('should post an Adaptive Card with a mention and give back the attachment (content a JSON string) and the mention', async () => {
    const content = JSON.stringify(card());
    const res = await t.call('POST', channelPath(), {
      body: {
        subject: 'Påminning',
        importance: 'high',
        body: { contentType: 'html', content: `<at id="0">Kari Eide</at> <attachment id="a1"></attachment>` },
        attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content, name: null, thumbnailUrl: null }],
        mentions: [{ id: 0, mentionText: 'Kari Eide', mentioned: { user: { id: kari?.id, displayName: 'Kari Eide', userIdentityType: 'aadUser' } } }],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      subject: 'Påminning',
      importance: 'high',
      body: { contentType: 'html', content: '<at id="0">Kari Eide</at> <attachment id="a1"></attachment>' },
      attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content, name: null, thumbnailUrl: null }],
      mentions: [{ id: 0, mentionText: 'Kari Eide', mentioned: { application: null, device: null, conversation: null, user: { id: kari?.id, displayName: 'Kari Eide', userIdentityType: 'aadUser' } } }],
    });
  });

  it('should list root messages newest first, page with $top and @odata.nextLink, and keep replies out', async () => {
    const channel = ALVER.channels[1]?.id as string;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.call('POST', channelPath(ALVER, channel), { body: { body: { content: `m${i}` } } })).body.id as string);
    const reply = await t.call('POST', `${channelPath(ALVER, channel)}/${ids[0] as string}/replies`, { body: { body: { content: 'svar' } } });
    expect(reply.status).toBe(201);

    const first = await t.call<Collection>('GET', `${channelPath(ALVER, channel)}?$top=2`);
    expect(first.status).toBe(200);
    expect(first.body.value.map((m) => m.id)).toEqual([ids[4], ids[3]]);
    expect(first.body['@odata.count' as keyof Collection]).toBe(2);
    const next = first.body['@odata.nextLink'] as string;
    expect(next).toMatch(/^https:\/\/localhost:\d+\/v1\.0\/teams\/.+\/messages\?\$top=2&\$skiptoken=/);
    const second = await t.call<Collection>('GET', next);
    expect(second.body.value.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    const third = await t.call<Collection>('GET', second.body['@odata.nextLink'] as string);
    expect(third.body.value.map((m) => m.id)).toEqual([ids[0]]);
    expect(third.body['@odata.nextLink']).toBeUndefined();

    const all = await t.call<Collection>('GET', channelPath(ALVER, channel));
    expect(all.body.value.map((m) => m.id)).toEqual([...ids].reverse());
    expect(all.body['@odata.nextLink']).toBeUndefined();
    const expanded = await t.call<Collection>('GET', `${channelPath(ALVER, channel)}?$expand=replies`);
    expect((expanded.body.value.at(-1)?.replies as Obj[]).map((r) => r.id)).toEqual([reply.body.id]);

    expect((await t.call('GET', `${channelPath(ALVER, channel)}?$top=51`)).status).toBe(400);
    expect((await t.call('GET', `${channelPath(ALVER, channel)}?$top=0`)).status).toBe(400);
    expect((await t.call('GET', `${channelPath(ALVER, channel)}?$filter=subject eq 'x'`)).status).toBe(400);
  });

  it('should default to 20 messages per page', async () => {
    const channel = ASKER.reminderChannelId;
    for (let i = 0; i < 21; i++) expect((await t.call('POST', channelPath(ASKER, channel), { body: { body: { content: `n${i}` } } })).status).toBe(201);
    const page = await t.call<Collection>('GET', channelPath(ASKER, channel));
    expect(page.body.value).toHaveLength(20);
    expect(page.body.value[0]?.body).toEqual({ contentType: 'text', content: 'n20' });
    expect(typeof page.body['@odata.nextLink']).toBe('string');
  });

  it('should post, list and get replies, and refuse replies to unknown messages with 404', async () => {
    const root = await t.call('POST', channelPath(), { body: { body: { content: 'tråd' } } });
    const rootId = root.body.id as string;
    const r1 = await t.call('POST', `${channelPath()}/${rootId}/replies`, { body: { body: { content: 'svar 1' } } });
    const r2 = await t.call('POST', `${channelPath()}/${rootId}/replies`, { body: { body: { content: 'svar 2' } } });
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ replyToId: rootId, channelIdentity: { teamId: ALVER.id, channelId: ALVER.reminderChannelId } });
    expect(r1.body.webUrl).toContain(`parentMessageId=${rootId}`);
    expect(Number(r2.body.id)).toBeGreaterThan(Number(r1.body.id));

    const replies = await t.call<Collection>('GET', `${channelPath()}/${rootId}/replies`);
    expect(replies.body.value.map((m) => m.id)).toEqual([r2.body.id, r1.body.id]);
    const paged = await t.call<Collection>('GET', `${channelPath()}/${rootId}/replies?$top=1`);
    expect(paged.body.value.map((m) => m.id)).toEqual([r2.body.id]);
    expect((await t.call<Collection>('GET', paged.body['@odata.nextLink'] as string)).body.value.map((m) => m.id)).toEqual([r1.body.id]);
    const one = await t.call('GET', `${channelPath()}/${rootId}/replies/${r1.body.id as string}`);
    expect(one.body).toMatchObject({ id: r1.body.id, body: { content: 'svar 1' } });

    expect((await t.call('GET', `${channelPath()}/${r1.body.id as string}`)).status).toBe(404);
    expect((await t.call('POST', `${channelPath()}/${r1.body.id as string}/replies`, { body: { body: { content: 'x' } } })).status).toBe(404);
    const unknown = await t.call('POST', `${channelPath()}/1234567890123/replies`, { body: { body: { content: 'x' } } });
    expect(unknown.status).toBe(404);
    expect((await t.call('GET', `${channelPath()}/1234567890123`)).status).toBe(404);
    expect((await t.call('GET', `${channelPath()}/1234567890123/replies`)).status).toBe(404);
    // A message of another channel is not found through this one.
    expect((await t.call('GET', `${channelPath(ALVER, ALVER.internalId)}/${rootId}`)).status).toBe(404);
  });

  it('should let only members and owners of the team post and read (403 accessDenied), and 404 an unknown channel or team', async () => {
    const posted = await t.call('POST', channelPath(), { body: { body: { content: 'intern' } } });
    for (const [method, path] of [
      ['POST', channelPath()],
      ['GET', channelPath()],
      ['GET', `${channelPath()}/${posted.body.id as string}`],
      ['GET', `${channelPath()}/${posted.body.id as string}/replies`],
      ['POST', `${channelPath()}/${posted.body.id as string}/replies`],
    ] as const) {
      const res = await t.call(method, path, { as: PER, body: method === 'POST' ? { body: { content: 'x' } } : undefined });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(code(res)).toBe('accessDenied');
    }
    const member = await t.call('POST', channelPath(), { as: 'ola.nesse@org365.example', body: { body: { content: 'frå ein tillitsvald' } } });
    expect(member.status).toBe(201);
    expect(member.body.from).toMatchObject({ user: { displayName: 'Ola Nesse' } });
    expect((await t.call('POST', channelPath(ALVER, '19:00000000000000000000000000000000@thread.tacv2'), { body: { body: { content: 'x' } } })).status).toBe(404);
    expect((await t.call('GET', channelPath({ ...ALVER, id: '00000000-0000-0000-0000-000000000000' }))).status).toBe(404);
    expect((await t.call('POST', channelPath(), { as: null, body: { body: { content: 'x' } } })).status).toBe(401);
  });

  it('should refuse a body whose <attachment> tags and attachments do not match, and a card that does not parse', async () => {
    const content = JSON.stringify(card());
    const mismatches: Obj[] = [
      { body: { contentType: 'html', content: '<attachment id="a"></attachment>' }, attachments: [{ id: 'b', contentType: 'application/vnd.microsoft.card.adaptive', content }] },
      { body: { contentType: 'html', content: 'no tag' }, attachments: [{ id: 'a', contentType: 'application/vnd.microsoft.card.adaptive', content }] },
      { body: { contentType: 'html', content: '<attachment id="a"></attachment>' } },
      {
        body: { contentType: 'html', content: '<attachment id="a"></attachment><attachment id="a"></attachment>' },
        attachments: [
          { id: 'a', contentType: 'application/vnd.microsoft.card.adaptive', content },
          { id: 'a', contentType: 'application/vnd.microsoft.card.adaptive', content },
        ],
      },
      cardMessage('{"type": "AdaptiveCard", "version": '),
      cardMessage(JSON.stringify(card('1.6'))),
      cardMessage(JSON.stringify({ type: 'TextBlock', text: 'not a card' })),
      { ...cardMessage(content), attachments: [{ id: '74d20c7f34aa4a7fb74e2b30004247c5', contentType: 'application/vnd.microsoft.card.adaptive', content: card() }] },
    ];
    for (const body of mismatches) {
      const res = await t.call('POST', channelPath(), { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(code(res)).toBe('BadRequest');
    }
    expect((await t.call('POST', channelPath(), { body: cardMessage(content) })).status).toBe(201);
  });

  it('should refuse other malformed posts with 400: no body, unknown properties, bad mentions', async () => {
    const bad: Obj[] = [
      {},
      { body: { contentType: 'markdown', content: 'x' } },
      { body: { content: 'x' }, from: { user: { id: kari?.id } } },
      { body: { content: 'x' }, createdDateTime: '2020-01-01T00:00:00Z' },
      { body: { contentType: 'html', content: '<at id="0">Kari</at>' } },
      { body: { contentType: 'html', content: 'Kari' }, mentions: [{ id: 0, mentionText: 'Kari', mentioned: { user: { id: kari?.id, userIdentityType: 'aadUser' } } }] },
      {
        body: { contentType: 'html', content: '<at id="0">Nobody</at>' },
        mentions: [{ id: 0, mentionText: 'Nobody', mentioned: { user: { id: '00000000-0000-0000-0000-000000000000', userIdentityType: 'aadUser' } } }],
      },
    ];
    for (const body of bad) expect((await t.call('POST', channelPath(), { body })).status, JSON.stringify(body)).toBe(400);
    expect((await t.call('POST', channelPath(), { body: [] })).status).toBe(400);
  });

  it('should refuse a message over 28 KB with 413 and take one just under it', async () => {
    const text = (bytes: number): string => 'x'.repeat(bytes);
    const over = await t.call('POST', channelPath(), { body: { body: { content: text(28 * 1024 + 1) } } });
    expect(over.status).toBe(413);
    expect(code(over)).toBe('RequestEntityTooLarge');
    expect((await t.call('POST', channelPath(), { body: { body: { content: text(28 * 1024) } } })).status).toBe(201);
    // The card's bytes count (as the JSON string stored), with the body.
    const big = JSON.stringify(card('1.5', text(28 * 1024)));
    expect((await t.call('POST', channelPath(), { body: cardMessage(big) })).status).toBe(413);
  });
});

describe('Workflows webhook', () => {
  it('should accept a card with 202 and show it in the Graph list, sent by the Workflows app', async () => {
    const c = card('1.4', 'Frå Workflows');
    const res = await postWebhook(t, t.emu.webhookUrl(ASKER.workflowWebhookId), webhookPayload(c));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({});
    const list = await t.call<Collection>('GET', channelPath(ASKER, ASKER.reminderChannelId), { as: 'camilla.berg@org365.example' });
    const m = list.body.value[0] as Obj;
    expect(m.from).toEqual({ application: { id: WORKFLOWS_APP.id, displayName: 'Workflows', applicationIdentityType: 'bot' }, device: null, user: null });
    const attachments = m.attachments as Obj[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, name: null, thumbnailUrl: null });
    expect(typeof attachments[0]?.content).toBe('string');
    expect(JSON.parse(attachments[0]?.content as string)).toEqual(c);
    expect(m.body).toEqual({ contentType: 'html', content: `<attachment id="${attachments[0]?.id as string}"></attachment>` });
    expect(m.channelIdentity).toEqual({ teamId: ASKER.id, channelId: ASKER.reminderChannelId });
    const log = t.emu.requestLog().filter((e) => e.path.startsWith('/webhooks/'));
    expect(log.at(-1)).toMatchObject({ method: 'POST', path: `/webhooks/workflows/${ASKER.workflowWebhookId}`, status: 202 });
  });

  it('should refuse malformed payloads and cards above version 1.4 with 400, an unknown webhook with 404', async () => {
    const url = t.emu.webhookUrl(ALVER.workflowWebhookId);
    const before = (await t.call<Collection>('GET', channelPath())).body.value.length;
    const bad: unknown[] = [
      'not json',
      { text: 'Hello' },
      { type: 'message', attachments: [] },
      { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card('1.4')) }] },
      { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: 'x' } }] },
      webhookPayload(card('1.5')),
      webhookPayload({ type: 'AdaptiveCard', body: [] }),
    ];
    for (const payload of bad) {
      const res = await postWebhook(t, url, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect((res.body.error as Obj).code).toBe('InvalidRequestContent');
    }
    expect((await t.call<Collection>('GET', channelPath())).body.value.length).toBe(before);
    expect((await postWebhook(t, t.emu.webhookUrl('0123456789abcdef0123456789abcdef'), webhookPayload(card('1.4')))).status).toBe(404);
    expect((await t.raw(url)).status).toBe(405);
  });

  it("should refuse a payload over 28 KB with 413 'Request Entity too large'", async () => {
    const res = await postWebhook(t, t.emu.webhookUrl(ALVER.workflowWebhookId), webhookPayload(card('1.4', 'x'.repeat(28 * 1024))));
    expect(res.status).toBe(413);
    expect((res.body.error as Obj).message).toBe('Request Entity too large');
  });

  it('should create a webhook for another channel through the control API and post into that channel', async () => {
    const general = ALVER.internalId;
    const created = await t.raw('/_emulator/webhooks', { method: 'POST', body: JSON.stringify({ teamId: ALVER.id, channelId: general }), headers: { 'Content-Type': 'application/json' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ teamId: ALVER.id, channelId: general });
    expect(created.body.url).toBe(t.emu.webhookUrl(created.body.id as string));
    expect(created.body.id).toMatch(/^[0-9a-f]{32}$/);
    expect((await postWebhook(t, created.body.url as string, webhookPayload(card('1.4', 'General')))).status).toBe(202);
    const list = await t.call<Collection>('GET', channelPath(ALVER, general));
    expect(JSON.parse((list.body.value[0]?.attachments as Obj[])[0]?.content as string)).toEqual(card('1.4', 'General'));
    const missing = await t.raw('/_emulator/webhooks', { method: 'POST', body: JSON.stringify({ teamId: ALVER.id, channelId: '19:nope@thread.tacv2' }), headers: { 'Content-Type': 'application/json' } });
    expect(missing.status).toBe(404);
  });
});

describe('persistence of messages', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-messages-'));
    dirs.push(dir);
    return dir;
  };

  it('should keep Graph, webhook and bot messages across a restart, and keep ids increasing', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir, seed: 'empty' });
    const graphPost = await first.call('POST', channelPath(), { body: { body: { content: 'varig' } } });
    expect(graphPost.status).toBe(201);
    // Acknowledged means on disk: the file has the message before the emulator closes.
    expect(readFileSync(join(dataDir, 'tenant.json'), 'utf8')).toContain('varig');
    expect((await postWebhook(first, first.emu.webhookUrl(ALVER.workflowWebhookId), webhookPayload(card('1.4', 'lagra kort')))).status).toBe(202);
    expect(readFileSync(join(dataDir, 'tenant.json'), 'utf8')).toContain('lagra kort');
    const bot = await first.raw(`${first.emu.botServiceUrl}v3/conversations/${encodeURIComponent(ALVER.reminderChannelId)}/activities`, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'frå boten' }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer dev-app:${DEMO_BOT_APP_ID};aud=https://api.botframework.com` },
    });
    expect(bot.status).toBe(201);
    expect(readFileSync(join(dataDir, 'tenant.json'), 'utf8')).toContain('frå boten');
    const reply = await first.call('POST', `${channelPath()}/${graphPost.body.id as string}/replies`, { body: { body: { content: 'svar' } } });
    await first.close();

    const second = await startTestEmulator({ dataDir, seed: 'empty' });
    const list = await second.call<Collection>('GET', channelPath());
    expect(list.body.value.map((m) => m.id)).toEqual([bot.body.id, expect.any(String), graphPost.body.id]);
    expect(list.body.value[0]?.from).toMatchObject({ application: { id: DEMO_BOT_APP_ID, applicationIdentityType: 'bot' }, user: null });
    expect(JSON.parse(((list.body.value[1]?.attachments as Obj[])[0]?.content as string) ?? '')).toEqual(card('1.4', 'lagra kort'));
    expect(list.body.value[2]?.body).toEqual({ contentType: 'text', content: 'varig' });
    const replies = await second.call<Collection>('GET', `${channelPath()}/${graphPost.body.id as string}/replies`);
    expect(replies.body.value.map((m) => m.id)).toEqual([reply.body.id]);
    const after = await second.call('POST', channelPath(), { body: { body: { content: 'etter omstart' } } });
    expect(Number(after.body.id)).toBeGreaterThan(Number(reply.body.id));
    await second.close();
  });

  it('should add the reminder channel, the installed app and the webhooks to a tenant saved before messaging', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir, seed: 'empty' });
    await first.close();
    const saved = JSON.parse(readFileSync(join(dataDir, 'tenant.json'), 'utf8')) as TenantState;
    delete saved.messaging;
    delete saved.teamsApps;
    for (const team of saved.teams) {
      delete team.installedAppIds;
      team.channels = team.channels.filter((c) => c.displayName !== DEMO_REMINDER_CHANNEL_NAME);
    }
    writeFileSync(join(dataDir, 'tenant.json'), JSON.stringify(saved));

    const second = await startTestEmulator({ dataDir, seed: 'empty' });
    const channels = await second.call<Collection>('GET', `/teams/${ALVER.id}/channels`);
    expect(channels.body.value.map((c) => [c.id, c.displayName])).toContainEqual([ALVER.reminderChannelId, DEMO_REMINDER_CHANNEL_NAME]);
    expect((await postWebhook(second, second.emu.webhookUrl(ALVER.workflowWebhookId), webhookPayload(card('1.4')))).status).toBe(202);
    await second.close();
    const upgraded = JSON.parse(readFileSync(join(dataDir, 'tenant.json'), 'utf8')) as TenantState;
    expect(upgraded.teamsApps?.map((a) => a.botId)).toEqual([DEMO_BOT_APP_ID]);
    expect(upgraded.teams.every((team) => team.installedAppIds?.includes(DEMO_TEAMS_APP.id))).toBe(true);
  });
});
