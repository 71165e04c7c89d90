/**
 * The Bot Connector and its token endpoint (facts §16.2, §16.4, §16.5): client-credentials tokens,
 * token checks, creating a channel thread and sending activities (they land in the Graph list),
 * the installation check, size and card-version refusals and the per-thread rate limit.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_BOT_APP_ID, DEMO_PEOPLE, DEMO_TEAMS_APP, DEMO_TENANT_ID } from '../../emulator/seed/demo-tenant.ts';
import { ALVER, ASKER, INGRID, startTestEmulator, type Collection, type GraphResult, type TestEmulator } from './support.ts';

type Obj = Record<string, unknown>;
const BOT_TOKEN = `dev-app:${DEMO_BOT_APP_ID};aud=https://api.botframework.com`;
const SCOPE = 'https://api.botframework.com/.default';
const kari = DEMO_PEOPLE.find((p) => p.userPrincipalName === 'kari.eide@org365.example');
const card = (version = '1.5', text = 'Frist'): Obj => ({ type: 'AdaptiveCard', version, body: [{ type: 'TextBlock', text, wrap: true }] });
const cardActivity = (c: Obj, extra: Obj = {}): Obj => ({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: c }], ...extra });
const errorCode = (r: GraphResult): string => (r.body.error as Obj).code as string;

let clock = 1_800_000_000_000;
let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ botRateLimit: { now: () => clock } });
});
afterAll(async () => {
  await t.close();
});
// Every test starts a minute later, so that no earlier send counts against the 1 s–30 s windows.
beforeEach(() => {
  clock += 3_600_000;
});

function connector(path: string, body: unknown, token: string | null = BOT_TOKEN): Promise<GraphResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return t.raw(`${t.emu.botServiceUrl}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers });
}
const send = (conversationId: string, activity: unknown, token?: string | null): Promise<GraphResult> =>
  connector(`v3/conversations/${encodeURIComponent(conversationId)}/activities`, activity, token);
const createThread = (channelId: string, activity: unknown, extra: Obj = {}): Promise<GraphResult> =>
  connector('v3/conversations', { isGroup: true, channelData: { channel: { id: channelId } }, activity, ...extra });
const messages = async (channelId = ALVER.reminderChannelId, team = ALVER, as = INGRID): Promise<Obj[]> =>
  (await t.call<Collection>('GET', `/teams/${team.id}/channels/${encodeURIComponent(channelId)}/messages?$top=50`, { as })).body.value;
function token(form: Record<string, string>, tenant = DEMO_TENANT_ID): Promise<GraphResult> {
  return t.raw(`/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}
const credentials = { grant_type: 'client_credentials', client_id: DEMO_BOT_APP_ID, client_secret: 'any secret', scope: SCOPE };

describe('token endpoint (client credentials)', () => {
  it('should issue a Bot Framework token to the registered bot', async () => {
    for (const tenant of [DEMO_TENANT_ID, 'org365.example', 'botframework.com']) {
      const res = await token(credentials, tenant);
      expect(res.status, tenant).toBe(200);
      expect(res.body).toEqual({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: BOT_TOKEN });
    }
    expect(t.emu.tokenUrl).toBe(`${t.emu.origin}/${DEMO_TENANT_ID}/oauth2/v2.0/token`);
    const issued = (await token(credentials)).body.access_token as string;
    expect((await send(ALVER.reminderChannelId, { type: 'message', text: 'med utstedt token' }, issued)).status).toBe(201);
  });

  it('should refuse wrong grants, scopes, clients, credentials and tenants as the identity platform does', async () => {
    const cases: [Record<string, string>, string, number, string][] = [
      [{ ...credentials, scope: 'https://org365.sharepoint.com/.default' }, DEMO_TENANT_ID, 400, 'invalid_scope'],
      [{ ...credentials, scope: '' }, DEMO_TENANT_ID, 400, 'invalid_request'],
      [{ ...credentials, grant_type: 'password' }, DEMO_TENANT_ID, 400, 'unsupported_grant_type'],
      [{ ...credentials, client_id: '00000000-0000-0000-0000-000000000000' }, DEMO_TENANT_ID, 400, 'unauthorized_client'],
      [{ grant_type: 'client_credentials', client_id: DEMO_BOT_APP_ID, scope: SCOPE }, DEMO_TENANT_ID, 401, 'invalid_client'],
      [credentials, 'contoso.example', 400, 'invalid_request'],
    ];
    for (const [form, tenant, status, error] of cases) {
      const res = await token(form, tenant);
      expect(res.status, JSON.stringify(form)).toBe(status);
      expect(res.body.error).toBe(error);
      expect(res.body.error_description).toMatch(/^AADSTS\d+: /);
      expect(res.body.error_codes).toEqual([expect.any(Number)]);
      expect(res.body.access_token).toBeUndefined();
    }
    const json = await t.raw(`/${DEMO_TENANT_ID}/oauth2/v2.0/token`, { method: 'POST', body: JSON.stringify(credentials), headers: { 'Content-Type': 'application/json' } });
    expect(json.status).toBe(400);
  });
});

describe('Bot Connector tokens', () => {
  it('should refuse no token, a Graph user token, another audience and an unknown app with 401 ErrorResponse', async () => {
    const activity = { type: 'message', text: 'x' };
    const cases: [string | null, string][] = [
      [null, 'Unauthorized'],
      [`dev:${INGRID}`, 'Unauthorized'],
      [`dev:${INGRID};aud=https://api.botframework.com`, 'Unauthorized'],
      [`dev-app:${DEMO_BOT_APP_ID};aud=https://graph.microsoft.com`, 'Unauthorized'],
      [`dev-app:${DEMO_BOT_APP_ID}`, 'Unauthorized'],
      ['dev-app:00000000-0000-0000-0000-000000000000;aud=https://api.botframework.com', 'BotNotRegistered'],
    ];
    const before = (await messages()).length;
    for (const [tok, code] of cases) {
      const res = await send(ALVER.reminderChannelId, activity, tok);
      expect(res.status, String(tok)).toBe(401);
      expect(errorCode(res)).toBe(code);
      expect(typeof (res.body.error as Obj).message).toBe('string');
    }
    expect(await messages()).toHaveLength(before);
  });

  it('should not take the bot token on Graph', async () => {
    const res = await t.raw(`${t.emu.graphUrl}/teams/${ALVER.id}/channels`, { headers: { Authorization: `Bearer ${BOT_TOKEN}` } });
    expect(res.status).toBe(401);
  });
});

describe('Bot Connector conversations and activities', () => {
  it('should create a thread in a channel with a card; the post is in the Graph list from the bot', async () => {
    const c = card('1.5', 'Ny tråd');
    const res = await createThread(ALVER.reminderChannelId, cardActivity(c, { summary: 'Påminning' }), { tenantId: DEMO_TENANT_ID, bot: { id: DEMO_BOT_APP_ID } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const activityId = res.body.activityId as string;
    expect(activityId).toMatch(/^\d{13,}$/);
    expect(res.body).toEqual({ id: `${ALVER.reminderChannelId};messageid=${activityId}`, activityId });
    expect(res.headers.get('x-correlating-operationid')).toBeTruthy();

    const m = (await messages())[0] as Obj;
    expect(m.id).toBe(activityId);
    expect(m.from).toEqual({ application: { id: DEMO_BOT_APP_ID, displayName: DEMO_TEAMS_APP.displayName, applicationIdentityType: 'bot' }, device: null, user: null });
    expect(m).toMatchObject({ replyToId: null, summary: 'Påminning', messageType: 'message', channelIdentity: { teamId: ALVER.id, channelId: ALVER.reminderChannelId } });
    const attachment = (m.attachments as Obj[])[0] as Obj;
    expect(attachment).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null });
    expect(attachment.id).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(attachment.content as string)).toEqual(c);
    expect(m.body).toEqual({ contentType: 'html', content: `<attachment id="${attachment.id as string}"></attachment>` });
  });

  it('should post a new root to a bare channel id and a reply to "<channel>;messageid=<root>"', async () => {
    const root = await send(ALVER.reminderChannelId, { type: 'message', text: 'Rot' });
    expect(root.status).toBe(201);
    const rootId = root.body.id as string;
    expect(Object.keys(root.body)).toEqual(['id']);
    const reply = await send(`${ALVER.reminderChannelId};messageid=${rootId}`, cardActivity(card()));
    expect(reply.status).toBe(201);
    // The conversation id may also come unencoded in the path.
    const raw = await t.raw(`${t.emu.botServiceUrl}v3/conversations/${ALVER.reminderChannelId};messageid=${rootId}/activities`, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'svar 2' }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${BOT_TOKEN}` },
    });
    expect(raw.status).toBe(201);
    const replyToActivity = await connector(`v3/conversations/${encodeURIComponent(ALVER.reminderChannelId)}/activities/${reply.body.id as string}`, { type: 'message', text: 'svar 3' });
    expect(replyToActivity.status).toBe(201);

    const roots = await messages();
    expect(roots[0]).toMatchObject({ id: rootId, body: { contentType: 'html', content: '<p>Rot</p>' } });
    expect(roots.map((m) => m.id)).not.toContain(reply.body.id);
    const replies = await t.call<Collection>('GET', `/teams/${ALVER.id}/channels/${encodeURIComponent(ALVER.reminderChannelId)}/messages/${rootId}/replies`);
    expect(replies.body.value.map((m) => m.id)).toEqual([replyToActivity.body.id, raw.body.id, reply.body.id]);
    expect(replies.body.value.every((m) => m.replyToId === rootId)).toBe(true);
    // A trailing-slash serviceUrl joined to '/v3/…' still reaches the connector.
    const doubled = await t.raw(`${t.emu.botServiceUrl}/v3/conversations/${encodeURIComponent(ALVER.reminderChannelId)}/activities`, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'dobbel skråstrek' }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${BOT_TOKEN}` },
    });
    expect(doubled.status).toBe(201);
  });

  it('should turn mention entities whose text is in the message into Graph mentions and ignore the others', async () => {
    const res = await send(ALVER.reminderChannelId, {
      type: 'message',
      text: 'Hei <at>Kari Eide</at> & co',
      entities: [
        { type: 'mention', text: '<at>Kari Eide</at>', mentioned: { id: kari?.id, name: 'Kari Eide' } },
        { type: 'mention', text: '<at>Ikkje med</at>', mentioned: { id: kari?.id, name: 'Ikkje med' } },
      ],
    });
    expect(res.status).toBe(201);
    const m = (await messages())[0] as Obj;
    expect(m.body).toEqual({ contentType: 'html', content: '<p>Hei <at id="0">Kari Eide</at> &amp; co</p>' });
    expect(m.mentions).toEqual([
      { id: 0, mentionText: 'Kari Eide', mentioned: { application: null, device: null, conversation: null, user: { id: kari?.id, displayName: 'Kari Eide', userIdentityType: 'aadUser' } } },
    ]);
  });

  it('should answer 404 ConversationNotFound for an unknown channel or thread root', async () => {
    const unknown = '19:00000000000000000000000000000000@thread.tacv2';
    const cases = [
      await send(unknown, { type: 'message', text: 'x' }),
      await send(`${ALVER.reminderChannelId};messageid=1234567890123`, { type: 'message', text: 'x' }),
      await createThread(unknown, { type: 'message', text: 'x' }),
    ];
    for (const res of cases) {
      expect(res.status).toBe(404);
      expect(errorCode(res)).toBe('ConversationNotFound');
    }
  });

  it('should refuse invalid activities and conversation parameters with 400', async () => {
    const before = (await messages()).length;
    const sends: unknown[] = [
      'not json',
      { type: 'typing' },
      { type: 'message' },
      { type: 'message', text: '   ' },
      { type: 'message', attachments: [{ content: card() }] },
      cardActivity({ type: 'AdaptiveCard', body: [] }),
      { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: JSON.stringify(card()) }] },
    ];
    for (const activity of sends) expect((await send(ALVER.reminderChannelId, activity)).status, JSON.stringify(activity)).toBe(400);
    expect((await createThread(ALVER.reminderChannelId, undefined)).status).toBe(400);
    expect((await createThread(ALVER.reminderChannelId, { type: 'message', text: 'x' }, { isGroup: false })).status).toBe(400);
    expect((await createThread(ALVER.reminderChannelId, { type: 'message', text: 'x' }, { tenantId: '00000000-0000-0000-0000-000000000000' })).status).toBe(400);
    expect((await connector('v3/conversations', { isGroup: true, activity: { type: 'message', text: 'x' } })).status).toBe(400);
    expect(await messages()).toHaveLength(before);
  });

  it('should refuse an Adaptive Card above version 1.5 with 400 and take 1.5', async () => {
    const res = await send(ALVER.reminderChannelId, cardActivity(card('1.6')));
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('BadArgument');
    expect((await send(ALVER.reminderChannelId, cardActivity(card('1.5')))).status).toBe(201);
  });

  it('should refuse a message over 100 KB with 413 MessageSizeTooBig and take one under it', async () => {
    const over = await send(ALVER.reminderChannelId, cardActivity(card('1.5', 'x'.repeat(100 * 1024))));
    expect(over.status).toBe(413);
    expect(errorCode(over)).toBe('MessageSizeTooBig');
    expect((await send(ALVER.reminderChannelId, cardActivity(card('1.5', 'x'.repeat(90 * 1024))))).status).toBe(201);
  });

  it('should refuse with 403 BotNotInConversationRoster where the app is not installed', async () => {
    const path = `/_emulator/teams/${ASKER.id}/installedApps/${DEMO_TEAMS_APP.id}`;
    expect((await t.raw(path, { method: 'DELETE' })).status).toBe(200);
    try {
      const before = (await messages(ASKER.reminderChannelId, ASKER, 'camilla.berg@org365.example')).length;
      for (const res of [await send(ASKER.reminderChannelId, { type: 'message', text: 'x' }), await createThread(ASKER.reminderChannelId, { type: 'message', text: 'x' })]) {
        expect(res.status).toBe(403);
        expect(res.body).toEqual({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
      }
      expect(await messages(ASKER.reminderChannelId, ASKER, 'camilla.berg@org365.example')).toHaveLength(before);
      // Other teams still have it.
      expect((await send(ALVER.reminderChannelId, { type: 'message', text: 'Alver har appen' })).status).toBe(201);
    } finally {
      expect((await t.raw(path, { method: 'PUT' })).status).toBe(200);
    }
    expect((await send(ASKER.reminderChannelId, { type: 'message', text: 'installert att' })).status).toBe(201);
  });
});

describe('Bot Connector rate limit', () => {
  it('should answer 429 Throttled with Retry-After over 7 sends per second in one thread, and let the thread recover', async () => {
    const thread = ALVER.channels[1]?.id as string;
    for (let i = 0; i < 7; i++) expect((await send(thread, { type: 'message', text: `burst ${i}` })).status).toBe(201);
    const throttled = await send(thread, { type: 'message', text: 'burst 7' });
    expect(throttled.status).toBe(429);
    expect(errorCode(throttled)).toBe('Throttled');
    expect(throttled.headers.get('retry-after')).toBe('1');
    // Creating a conversation counts against the same thread.
    expect((await createThread(thread, { type: 'message', text: 'ny' })).status).toBe(429);
    // Another thread (channel) is not affected.
    expect((await send(ALVER.reminderChannelId, { type: 'message', text: 'annan kanal' })).status).toBe(201);
    const bursts = (await messages(thread)).filter((m) => String((m.body as Obj).content).includes('burst'));
    expect(bursts).toHaveLength(7);

    clock += 1000;
    // 8 per 2 s: one more fits, then the 2 s window holds the next for another second.
    expect((await send(thread, { type: 'message', text: 'after 1 s' })).status).toBe(201);
    const second = await send(thread, { type: 'message', text: 'after 1 s, again' });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('1');
    clock += 1000;
    expect((await send(thread, { type: 'message', text: 'after 2 s' })).status).toBe(201);
  });

  it('should let every send through when switched off at run time', async () => {
    const thread = ALVER.internalId;
    const off = await t.raw('/_emulator/bot-rate-limit', { method: 'PUT', body: JSON.stringify({ enabled: false }), headers: { 'Content-Type': 'application/json' } });
    expect(off.body).toMatchObject({ enabled: false });
    try {
      for (let i = 0; i < 10; i++) expect((await send(thread, { type: 'message', text: `fritt ${i}` })).status).toBe(201);
    } finally {
      await t.raw('/_emulator/bot-rate-limit', { method: 'PUT', body: JSON.stringify({ enabled: true }), headers: { 'Content-Type': 'application/json' } });
    }
    // Sends while it was off are not counted; on again, the eighth within a second is refused.
    for (let i = 0; i < 7; i++) expect((await send(thread, { type: 'message', text: `på igjen ${i}` })).status).toBe(201);
    expect((await send(thread, { type: 'message', text: 'på igjen 7' })).status).toBe(429);
  });
});
