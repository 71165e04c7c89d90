/**
 * App-only (client credentials) Microsoft Graph in the emulator: the token for
 * `https://graph.microsoft.com/.default`, the application principal on Graph, and what it may do —
 * team reads through resource-specific consent where the app is installed, sites through its
 * Sites.Selected grant, site grants themselves, Planner with Tasks.ReadWrite.All — and what it may
 * not (/me, posting messages, SharePoint REST, teams without the app, sites without a grant).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_APP_PERMISSIONS,
  DEMO_APP_RSC_PERMISSIONS,
  DEMO_BOT_APP_ID,
  DEMO_SITE_GRANT_ROLES,
  DEMO_TEAMS,
  DEMO_TEAMS_APP,
  DEMO_TENANT_ID,
} from '../../emulator/seed/demo-tenant.ts';
import type { TenantState } from '../../emulator/state/tenant-state.ts';
import { ALVER, ASKER, INGRID, PER, createTestList, startTestEmulator, type Collection, type GraphResult, type TestEmulator } from './support.ts';

type Obj = Record<string, unknown>;

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const APP_TOKEN = `dev-app:${DEMO_BOT_APP_ID};aud=https://graph.microsoft.com`;
const ADMIN_APP = '2b9f7c1e-4d0a-4e7b-9c3f-1a2b3c4d5e6f';
const OTHER_APP = '7e1d2c3b-5a69-4f08-b7c6-d5e4f3a2b1c0';
const appToken = (appId: string): string => `dev-app:${appId};aud=https://graph.microsoft.com`;
const errorOf = (r: GraphResult): Obj => r.body.error as Obj;

let t: TestEmulator;

/** A Graph call as an app (default: the Handlingsplan app). */
function asApp<T = Obj>(method: string, path: string, body?: unknown, appId = DEMO_BOT_APP_ID, headers: Record<string, string> = {}): Promise<GraphResult<T>> {
  return t.call<T>(method, path, { as: null, headers: { Authorization: `Bearer ${appToken(appId)}`, ...headers }, ...(body !== undefined ? { body } : {}) });
}

function token(form: Record<string, string>, tenant = DEMO_TENANT_ID): Promise<GraphResult> {
  return t.raw(`/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

function control(method: string, path: string, body?: unknown): Promise<GraphResult> {
  return t.raw(path, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}) });
}

const revoke = (permission: string, appId = DEMO_BOT_APP_ID) => control('DELETE', `/_emulator/apps/${appId}/permissions/${permission}`);
const grant = (permission: string, appId = DEMO_BOT_APP_ID) => control('PUT', `/_emulator/apps/${appId}/permissions/${permission}`);
const siteGrant = (siteId: string, roles: string[] | null, appId = DEMO_BOT_APP_ID) =>
  control(roles ? 'PUT' : 'DELETE', `/_emulator/sites/${encodeURIComponent(siteId)}/appGrants/${appId}`, roles ? { roles } : undefined);
const installed = (teamId: string, on: boolean) => control(on ? 'PUT' : 'DELETE', `/_emulator/teams/${teamId}/installedApps/${DEMO_TEAMS_APP.id}`);

function expectMissingRoles(res: GraphResult, context: string): void {
  expect(res.status, context).toBe(403);
  expect(errorOf(res).code, context).toBe('Forbidden');
  expect(errorOf(res).message, context).toMatch(/^Missing role permissions on the request\. API requires one of '.+'\. Roles on the request '.*'\.$/);
}

function expectAccessDenied(res: GraphResult, context: string): void {
  expect(res.status, context).toBe(403);
  expect(errorOf(res), context).toMatchObject({ code: 'accessDenied', message: 'Access denied' });
}

beforeAll(async () => {
  t = await startTestEmulator();
  // Two more apps of the tenant: an administrator's tool (Sites.FullControl.All) and a Sites.Selected app.
  expect((await control('PUT', `/_emulator/apps/${ADMIN_APP}`, { displayName: 'Tenant admin tool', applicationPermissions: ['Sites.FullControl.All'] })).status).toBe(200);
  expect((await control('PUT', `/_emulator/apps/${OTHER_APP}`, { displayName: 'Other app', applicationPermissions: ['Sites.Selected'] })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('token endpoint: client credentials for Microsoft Graph', () => {
  const credentials = { grant_type: 'client_credentials', client_id: DEMO_BOT_APP_ID, client_secret: 'any secret', scope: GRAPH_SCOPE };

  it('should issue dev-app:<client id>;aud=https://graph.microsoft.com for the .default scope, usable on Graph', async () => {
    for (const tenant of [DEMO_TENANT_ID, 'org365.example']) {
      const res = await token(credentials, tenant);
      expect(res.status, tenant).toBe(200);
      expect(res.body).toEqual({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: APP_TOKEN });
    }
    const issued = (await token(credentials)).body.access_token as string;
    const teams = await t.call('GET', '/teams', { as: null, headers: { Authorization: `Bearer ${issued}` } });
    expect(teams.status).toBe(200);
    // The Bot Framework scope is unchanged, and issued to any app of the tenant.
    const bot = await token({ ...credentials, scope: 'https://api.botframework.com/.default' });
    expect(bot.body.access_token).toBe(`dev-app:${DEMO_BOT_APP_ID};aud=https://api.botframework.com`);
    expect((await token({ ...credentials, client_id: ADMIN_APP })).body.access_token).toBe(appToken(ADMIN_APP));
  });

  it('should refuse an unknown app with AADSTS700016 and a scope without /.default with invalid_scope', async () => {
    const unknown = await token({ ...credentials, client_id: '00000000-0000-0000-0000-000000000000' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect(unknown.body.error_description).toMatch(/^AADSTS700016: Application with identifier '00000000-0000-0000-0000-000000000000' was not found/);
    for (const scope of ['https://graph.microsoft.com/Sites.Read.All', 'https://org365.sharepoint.com/.default']) {
      const res = await token({ ...credentials, scope });
      expect(res.status, scope).toBe(400);
      expect(res.body.error, scope).toBe('invalid_scope');
    }
  });
});

describe('the application principal on Graph', () => {
  it('should take only a Graph-audience token of an app the tenant knows (else 401 InvalidAuthenticationToken)', async () => {
    const refused = [
      `dev-app:${DEMO_BOT_APP_ID};aud=https://api.botframework.com`,
      `dev-app:${DEMO_BOT_APP_ID};aud=https://org365.sharepoint.com`,
      `dev-app:${DEMO_BOT_APP_ID}`,
      'dev-app:00000000-0000-0000-0000-000000000000;aud=https://graph.microsoft.com',
      `dev:${INGRID};aud=https://graph.microsoft.com`,
    ];
    for (const tok of refused) {
      const res = await t.call('GET', '/teams', { as: null, headers: { Authorization: `Bearer ${tok}` } });
      expect(res.status, tok).toBe(401);
      expect(errorOf(res).code, tok).toBe('InvalidAuthenticationToken');
    }
  });

  it('should answer /me (and /me/joinedTeams) with 400 BadRequest for an app', async () => {
    for (const path of ['/me', '/me/joinedTeams']) {
      const res = await asApp('GET', path);
      expect(res.status, path).toBe(400);
      expect(errorOf(res), path).toMatchObject({ code: 'BadRequest', message: '/me request is only valid with delegated authentication flow.' });
    }
    expect((await t.call('GET', '/me')).status).toBe(200);
  });

  it('should refuse /users/{id} without User.Read.All (403 Authorization_RequestDenied) and allow it with', async () => {
    const res = await asApp('GET', `/users/${INGRID}`);
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('Authorization_RequestDenied');
    await grant('User.Read.All');
    expect((await asApp('GET', `/users/${INGRID}`)).status).toBe(200);
    await revoke('User.Read.All');
  });
});

describe('teams: Team.ReadBasic.All and resource-specific consent', () => {
  it('should list every team with id, displayName and description, with $select, $filter, $top/$skiptoken and $count', async () => {
    const all = await asApp<Collection & Obj>('GET', '/teams');
    expect(all.status).toBe(200);
    expect(all.body.value).toEqual(DEMO_TEAMS.map((d) => ({ id: d.id, displayName: d.displayName, description: d.description })));
    const first = await asApp<Collection & Obj>('GET', '/teams?$select=id,displayName&$top=2&$count=true');
    expect(first.body.value).toEqual(DEMO_TEAMS.slice(0, 2).map((d) => ({ id: d.id, displayName: d.displayName })));
    expect(first.body['@odata.count']).toBe(3);
    const next = first.body['@odata.nextLink'];
    expect(next).toMatch(/\$skiptoken=/);
    const second = await asApp<Collection>('GET', next as string);
    expect(second.body.value).toEqual([{ id: ASKER.id, displayName: ASKER.displayName }]);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    const filtered = await asApp<Collection>('GET', `/teams?$filter=${encodeURIComponent("startswith(displayName,'Fagforbundet A')")}`);
    expect(filtered.body.value.map((x) => x.id)).toEqual([ALVER.id, ASKER.id]);
    // A user lists the teams too (delegated Team.ReadBasic.All).
    expect((await t.call<Collection>('GET', '/teams', { as: PER })).body.value).toHaveLength(3);
  });

  it('should refuse GET /teams and GET /teams/{id} without Team.ReadBasic.All', async () => {
    expect((await asApp('GET', `/teams/${ALVER.id}`)).body.id).toBe(ALVER.id);
    await revoke('Team.ReadBasic.All');
    expectMissingRoles(await asApp('GET', '/teams'), 'GET /teams');
    expectMissingRoles(await asApp('GET', `/teams/${ALVER.id}`), 'GET /teams/{id}');
    await grant('Team.ReadBasic.All');
    expect((await asApp('GET', '/teams')).status).toBe(200);
  });

  it('should read members, channels, messages and installed apps where the app is installed (RSC), and refuse elsewhere', async () => {
    const channel = encodeURIComponent(ALVER.reminderChannelId);
    const reads = (team: string, ch: string) => [
      `/teams/${team}/members`,
      `/teams/${team}/channels`,
      `/teams/${team}/channels/${ch}`,
      `/teams/${team}/primaryChannel`,
      `/teams/${team}/channels/${ch}/messages`,
      `/teams/${team}/installedApps`,
    ];
    for (const path of reads(ALVER.id, channel)) expect((await asApp('GET', path)).status, path).toBe(200);
    const members = await asApp<Collection>('GET', `/teams/${ALVER.id}/members`);
    expect(members.body.value.map((m) => m.userId)).toContain((await t.call('GET', '/me')).body.id);

    await installed(ASKER.id, false);
    try {
      for (const path of reads(ASKER.id, encodeURIComponent(ASKER.reminderChannelId))) expectMissingRoles(await asApp('GET', path), path);
      // Tenant-wide application permissions open the same reads without the app.
      for (const p of ['TeamMember.Read.All', 'Channel.ReadBasic.All', 'ChannelMessage.Read.All', 'TeamsAppInstallation.ReadForTeam.All']) await grant(p);
      for (const path of reads(ASKER.id, encodeURIComponent(ASKER.reminderChannelId))) expect((await asApp('GET', path)).status, path).toBe(200);
      for (const p of ['TeamMember.Read.All', 'Channel.ReadBasic.All', 'ChannelMessage.Read.All', 'TeamsAppInstallation.ReadForTeam.All']) await revoke(p);
      expectMissingRoles(await asApp('GET', `/teams/${ASKER.id}/members`), 'revoked again');
    } finally {
      await installed(ASKER.id, true);
    }
    expect((await asApp('GET', `/teams/${ASKER.id}/members`)).status).toBe(200);
    // Unknown team: 404 as for a user.
    expect((await asApp('GET', '/teams/00000000-0000-0000-0000-000000000000/members')).status).toBe(404);
  });

  it('should list installed apps with $expand=teamsApp and $filter on teamsApp/externalId or teamsApp/id', async () => {
    const base = `/teams/${ALVER.id}/installedApps`;
    const plain = await asApp<Collection>('GET', base);
    expect(plain.body.value).toHaveLength(1);
    expect(Object.keys(plain.body.value[0] ?? {})).toEqual(['id']);
    expect(Buffer.from(plain.body.value[0]?.id as string, 'base64').toString('utf8')).toBe(`${ALVER.id}##${DEMO_TEAMS_APP.id}`);
    const byExternal = await asApp<Collection>('GET', `${base}?$expand=teamsApp,teamsAppDefinition&$filter=${encodeURIComponent(`teamsApp/externalId eq '${DEMO_TEAMS_APP.externalId}'`)}`);
    expect(byExternal.body.value).toHaveLength(1);
    expect(byExternal.body.value[0]?.teamsApp).toEqual({ id: DEMO_TEAMS_APP.id, externalId: DEMO_TEAMS_APP.externalId, displayName: 'Handlingsplan', distributionMethod: 'organization' });
    expect(byExternal.body.value[0]?.teamsAppDefinition).toMatchObject({ teamsAppId: DEMO_TEAMS_APP.id, azureADAppId: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' });
    const byId = await asApp<Collection>('GET', `${base}?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${DEMO_TEAMS_APP.id}'`)}`);
    expect(byId.body.value).toHaveLength(1);
    const none = await asApp<Collection>('GET', `${base}?$expand=teamsApp&$filter=${encodeURIComponent("teamsApp/externalId eq 'someone-else'")}`);
    expect(none.body.value).toEqual([]);
    const one = await asApp('GET', `${base}/${encodeURIComponent(plain.body.value[0]?.id as string)}?$expand=teamsApp`);
    expect(one.status).toBe(200);
    expect((one.body.teamsApp as Obj).id).toBe(DEMO_TEAMS_APP.id);
    expect((await asApp('GET', `${base}?$expand=owner`)).status).toBe(400);
    // A member reads them delegated; a user outside the team does not.
    expect((await t.call('GET', base)).status).toBe(200);
    expect((await t.call('GET', base, { as: PER })).status).toBe(403);
  });

  it("should find the app's own earlier posts (sent through the Bot Connector) when reading messages and replies", async () => {
    const botToken = (await token({ grant_type: 'client_credentials', client_id: DEMO_BOT_APP_ID, client_secret: 'x', scope: 'https://api.botframework.com/.default' })).body.access_token as string;
    const post = await t.raw(`${t.emu.botServiceUrl}v3/conversations/${encodeURIComponent(ALVER.reminderChannelId)}/activities`, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'Påminning frå appen' }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${botToken}` },
    });
    expect(post.status).toBe(201);
    const path = `/teams/${ALVER.id}/channels/${encodeURIComponent(ALVER.reminderChannelId)}/messages`;
    const user = await t.call('POST', `${path}/${post.body.id as string}/replies`, { body: { body: { content: 'Takk' } } });
    expect(user.status).toBe(201);
    const list = await asApp<Collection>('GET', `${path}?$top=50`);
    const own = list.body.value.find((m) => m.id === post.body.id);
    expect(own?.from).toEqual({ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan', applicationIdentityType: 'bot' }, device: null, user: null });
    const replies = await asApp<Collection>('GET', `${path}/${post.body.id as string}/replies`);
    expect(replies.body.value.map((r) => r.id)).toEqual([user.body.id]);
    expect((await asApp('GET', `${path}/${post.body.id as string}`)).status).toBe(200);
    expect((await asApp('GET', `${path}/${post.body.id as string}/replies/${user.body.id as string}`)).status).toBe(200);
  });

  it('should refuse an app posting a channel message or reply (403: application permissions exist only for imports)', async () => {
    const path = `/teams/${ALVER.id}/channels/${encodeURIComponent(ALVER.reminderChannelId)}/messages`;
    const before = (await asApp<Collection>('GET', `${path}?$top=50`)).body.value.length;
    const post = await asApp('POST', path, { body: { content: 'frå appen' } });
    expect(post.status).toBe(403);
    expect(errorOf(post)).toMatchObject({ code: 'Forbidden' });
    expect(errorOf(post).message).toMatch(/^Message POST is allowed in application-only context only for import purposes\./);
    const root = (await asApp<Collection>('GET', path)).body.value[0]?.id as string;
    expect((await asApp('POST', `${path}/${root}/replies`, { body: { content: 'svar' } })).status).toBe(403);
    expect((await asApp<Collection>('GET', `${path}?$top=50`)).body.value).toHaveLength(before);
  });

  it('should let an app with TeamMember.ReadWrite.All change a member role, and refuse one without', async () => {
    const members = await asApp<Collection>('GET', `/teams/${ALVER.id}/members`);
    const steward = members.body.value.find((m) => (m.roles as string[]).length === 0) as Obj;
    const path = `/teams/${ALVER.id}/members/${encodeURIComponent(steward.id as string)}`;
    const body = { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: [] };
    expectMissingRoles(await asApp('PATCH', path, body), 'PATCH member');
    await grant('TeamMember.ReadWrite.All');
    expect((await asApp('PATCH', path, body)).status).toBe(200);
    await revoke('TeamMember.ReadWrite.All');
  });
});

describe('sites and lists: Sites.Selected grants', () => {
  let listId: string;
  let listPath: string;
  let webUrl: string;
  const aSite = `/sites/${ALVER.siteId}`;

  beforeAll(async () => {
    listId = await createTestList(t, 'Ledger', [
      { name: 'RunKey', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Count', number: {} },
    ]);
    listPath = `${aSite}/lists/${listId}`;
    webUrl = (await t.call('GET', aSite)).body.webUrl as string;
  });

  it('should read the site, its lists, columns and items through the write grant, also by group and in $batch', async () => {
    expect(DEMO_SITE_GRANT_ROLES).toEqual(['write']);
    expect((await asApp('GET', `/groups/${ALVER.id}/sites/root`)).body.id).toBe(ALVER.siteId);
    expect((await asApp('GET', aSite)).status).toBe(200);
    const lists = await asApp<Collection>('GET', `${aSite}/lists`);
    expect(lists.body.value.map((l) => l.id)).toContain(listId);
    expect((await asApp('GET', `${listPath}/columns`)).status).toBe(200);
    expect((await asApp('GET', `${listPath}/items?$expand=fields`)).status).toBe(200);
    const batch = await asApp<{ responses: { id: string; status: number }[] }>('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${listPath}/items` },
        { id: '2', method: 'POST', url: `${listPath}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'i batch', RunKey: 'batch-1' } } },
        { id: '3', method: 'GET', url: `/sites/${ASKER.siteId}/lists` },
      ],
    });
    expect(batch.status).toBe(200);
    const status = Object.fromEntries(batch.body.responses.map((r) => [r.id, r.status]));
    expect(status).toEqual({ '1': 200, '2': 201, '3': 200 });
  });

  it('should write items as the application (createdBy/lastModifiedBy application), with unique keys and If-Match as for users', async () => {
    const created = await asApp('POST', `${listPath}/items`, { fields: { Title: 'Køyring 1', RunKey: 'run-1', Count: 1 } });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toEqual({ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' } });
    expect(created.body.lastModifiedBy).toEqual({ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' } });
    expect((created.body.fields as Obj).AuthorLookupId).toBe('1073741822');
    const id = created.body.id as string;
    const etag = created.body.eTag as string;

    const duplicate = await asApp('POST', `${listPath}/items`, { fields: { Title: 'igjen', RunKey: 'RUN-1' } });
    expect(duplicate.status).toBe(400);
    expect(errorOf(duplicate)).toMatchObject({ code: 'invalidRequest', message: 'One or more fields with unique constraints already has the provided value.' });

    const updated = await asApp('PATCH', `${listPath}/items/${id}/fields`, { Count: 2 }, DEMO_BOT_APP_ID, { 'If-Match': etag });
    expect(updated.status).toBe(200);
    const stale = await asApp('PATCH', `${listPath}/items/${id}/fields`, { Count: 3 }, DEMO_BOT_APP_ID, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(errorOf(stale).code).toBe('resourceModified');
    expect((await asApp('DELETE', `${listPath}/items/${id}`, undefined, DEMO_BOT_APP_ID, { 'If-Match': etag })).status).toBe(412);

    // A user edits it; the item shows who did what.
    const byUser = await t.call('PATCH', `${listPath}/items/${id}/fields`, { body: { Count: 4 } });
    expect(byUser.status).toBe(200);
    const item = await asApp('GET', `${listPath}/items/${id}`);
    expect(item.body.createdBy).toEqual({ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' } });
    expect((item.body.lastModifiedBy as { user: Obj }).user.displayName).toBe('Ingrid Haugland');
    const filtered = await asApp<Collection>('GET', `${listPath}/items?$expand=fields&$filter=${encodeURIComponent("fields/RunKey eq 'run-1'")}`);
    expect(filtered.body.value.map((x) => x.id)).toEqual([id]);
    expect((await asApp('DELETE', `${listPath}/items/${id}`, undefined, DEMO_BOT_APP_ID, { 'If-Match': item.body.eTag as string })).status).toBe(204);
  });

  it('should refuse creating lists and columns with a write grant, and allow them with manage', async () => {
    const newList = { displayName: 'Appens liste', list: { template: 'genericList' } };
    expectAccessDenied(await asApp('POST', `${aSite}/lists`, newList), 'create list (write)');
    expectAccessDenied(await asApp('POST', `${listPath}/columns`, { name: 'Extra', text: {} }), 'create column (write)');
    expectAccessDenied(await asApp('PATCH', listPath, { description: 'x' }), 'patch list (write)');
    await siteGrant(ALVER.siteId, ['manage']);
    try {
      const created = await asApp('POST', `${aSite}/lists`, newList);
      expect(created.status).toBe(201);
      expect(created.body.createdBy).toEqual({ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' } });
      expect((await asApp('POST', `${aSite}/lists/${created.body.id as string}/columns`, { name: 'Extra', text: {} })).status).toBe(201);
    } finally {
      await siteGrant(ALVER.siteId, ['write']);
    }
  });

  it('should let a read grant read and refuse every write, changing nothing', async () => {
    const item = await asApp('POST', `${listPath}/items`, { fields: { Title: 'før', RunKey: 'read-1' } });
    expect(item.status).toBe(201);
    await siteGrant(ALVER.siteId, ['read']);
    try {
      expect((await asApp('GET', `${listPath}/items/${item.body.id as string}`)).status).toBe(200);
      expectAccessDenied(await asApp('POST', `${listPath}/items`, { fields: { Title: 'ny', RunKey: 'read-2' } }), 'POST item (read)');
      expectAccessDenied(await asApp('PATCH', `${listPath}/items/${item.body.id as string}/fields`, { Title: 'endra' }), 'PATCH item (read)');
      expectAccessDenied(await asApp('DELETE', `${listPath}/items/${item.body.id as string}`), 'DELETE item (read)');
    } finally {
      await siteGrant(ALVER.siteId, ['write']);
    }
    const after = await t.call<Collection>('GET', `${listPath}/items?$expand=fields`);
    expect(after.body.value.map((x) => (x.fields as Obj).RunKey)).not.toContain('read-2');
    expect((await asApp('GET', `${listPath}/items/${item.body.id as string}/fields`)).body.Title).toBe('før');
  });

  it('should refuse a site without a grant (403 accessDenied), and Sites.Selected without its consent', async () => {
    await siteGrant(ASKER.siteId, null);
    try {
      for (const path of [`/sites/${ASKER.siteId}`, `/sites/${ASKER.siteId}/lists`, `/groups/${ASKER.id}/sites/root`, `/groups/${ASKER.id}/sites/root/lists`]) {
        expectAccessDenied(await asApp('GET', path), path);
      }
      const batch = await asApp<{ responses: { id: string; status: number }[] }>('POST', '/$batch', { requests: [{ id: 'a', method: 'GET', url: `/sites/${ASKER.siteId}/lists` }] });
      expect(batch.body.responses[0]?.status).toBe(403);
    } finally {
      await siteGrant(ASKER.siteId, ['write']);
    }
    expect((await asApp('GET', `/sites/${ASKER.siteId}/lists`)).status).toBe(200);
    await revoke('Sites.Selected');
    try {
      expectAccessDenied(await asApp('GET', `${aSite}/lists`), 'grant without Sites.Selected');
    } finally {
      await grant('Sites.Selected');
    }
  });

  it("should not hold an app's site grant back by a list's own role assignments (reading, not confirmed)", async () => {
    const closed = await createTestList(t, 'Lukka', [{ name: 'N', number: {} }]);
    const rest = `${webUrl}/_api/web/lists(guid'${closed}')`;
    expect((await t.rest('POST', `${rest}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`)).status).toBe(200);
    // Only Ingrid now; a member of the team is refused, the app is not.
    expect((await t.call('GET', `${aSite}/lists/${closed}/items`, { as: 'ola.nesse@org365.example' })).status).toBe(403);
    expect((await asApp('GET', `${aSite}/lists/${closed}/items`)).status).toBe(200);
    expect((await asApp('POST', `${aSite}/lists/${closed}/items`, { fields: { Title: 'app', N: 1 } })).status).toBe(201);
  });

  it('should give tenant-wide Sites.* permissions their role on every site', async () => {
    await control('PUT', `/_emulator/apps/${OTHER_APP}`, { displayName: 'Other app', applicationPermissions: ['Sites.ReadWrite.All'] });
    try {
      expect((await asApp('GET', `/sites/${ASKER.siteId}/lists`, undefined, OTHER_APP)).status).toBe(200);
      expect((await asApp('POST', `${listPath}/items`, { fields: { Title: 'rw', RunKey: 'rw-1' } }, OTHER_APP)).status).toBe(201);
      expectAccessDenied(await asApp('POST', `${aSite}/lists`, { displayName: 'Ikkje lov' }, OTHER_APP), 'Sites.ReadWrite.All creating a list');
      await grant('Sites.Manage.All', OTHER_APP);
      expect((await asApp('POST', `${aSite}/lists`, { displayName: 'Lov' }, OTHER_APP)).status).toBe(201);
    } finally {
      await control('PUT', `/_emulator/apps/${OTHER_APP}`, { displayName: 'Other app', applicationPermissions: ['Sites.Selected'] });
    }
    expectAccessDenied(await asApp('GET', `${aSite}/lists`, undefined, OTHER_APP), 'Sites.Selected without a grant');
  });

  it('should refuse SharePoint REST to app tokens (401, certificates only)', async () => {
    for (const tok of [`dev-app:${DEMO_BOT_APP_ID};aud=${t.emu.origin}`, APP_TOKEN]) {
      const res = await t.rest('GET', `${webUrl}/_api/web`, { token: tok });
      expect(res.status, tok).toBe(401);
      expect(res.body.error_description, tok).toBe('Unsupported app only token.');
    }
  });
});

describe('site permissions: POST/GET/PATCH/DELETE /sites/{id}/permissions', () => {
  const base = `/sites/${ALVER.siteId}/permissions`;

  it('should let an app with Sites.FullControl.All list the grants in the shape Learn shows', async () => {
    const res = await asApp<Collection>('GET', base, undefined, ADMIN_APP);
    expect(res.status).toBe(200);
    const demo = res.body.value.find((p) => (p.grantedToIdentitiesV2 as { application: Obj }[])[0]?.application.id === DEMO_BOT_APP_ID);
    expect(demo).toEqual({
      id: expect.any(String),
      '@deprecated.GrantedToIdentities': 'GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2',
      roles: ['write'],
      grantedToIdentities: [{ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' } }],
      grantedToIdentitiesV2: [{ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' } }],
    });
  });

  it('should refuse the demo app (Sites.Selected, no Sites.FullControl.All) and any user', async () => {
    expectMissingRoles(await asApp('GET', base), 'demo app GET');
    expectMissingRoles(await asApp('POST', base, { roles: ['write'], grantedToIdentities: [{ application: { id: OTHER_APP } }] }), 'demo app POST');
    const user = await t.call('POST', base, { body: { roles: ['write'], grantedToIdentities: [{ application: { id: OTHER_APP } }] } });
    expect(user.status).toBe(403);
    expect(errorOf(user).code).toBe('accessDenied');
  });

  it('should create, read, change and delete a grant, and the granted app gets and loses access with it', async () => {
    expectAccessDenied(await asApp('GET', `/sites/${ALVER.siteId}/lists`, undefined, OTHER_APP), 'before the grant');
    const created = await asApp('POST', base, { roles: ['read'], grantedToIdentities: [{ application: { id: OTHER_APP, displayName: 'Other app' } }] }, ADMIN_APP);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ roles: ['read'], grantedToIdentitiesV2: [{ application: { id: OTHER_APP, displayName: 'Other app' } }] });
    const id = created.body.id as string;
    expect((await asApp('GET', `/sites/${ALVER.siteId}/lists`, undefined, OTHER_APP)).status).toBe(200);
    expect((await asApp('GET', `${base}/${encodeURIComponent(id)}`, undefined, ADMIN_APP)).body.roles).toEqual(['read']);
    const changed = await asApp('PATCH', `${base}/${encodeURIComponent(id)}`, { roles: ['fullcontrol'] }, ADMIN_APP);
    expect(changed.status).toBe(200);
    expect(changed.body.roles).toEqual(['fullcontrol']);
    expect((await asApp('DELETE', `${base}/${encodeURIComponent(id)}`, undefined, ADMIN_APP)).status).toBe(204);
    expectAccessDenied(await asApp('GET', `/sites/${ALVER.siteId}/lists`, undefined, OTHER_APP), 'after the delete');
    expect((await asApp('GET', `${base}/${encodeURIComponent(id)}`, undefined, ADMIN_APP)).status).toBe(404);
  });

  it('should refuse bad roles, a user instead of an app, and an unknown app with 400', async () => {
    const bodies: unknown[] = [
      { roles: ['owner'], grantedToIdentities: [{ application: { id: OTHER_APP } }] },
      { roles: [], grantedToIdentities: [{ application: { id: OTHER_APP } }] },
      { roles: ['read'], grantedToIdentities: [{ user: { id: 'x' } }] },
      { roles: ['read'] },
      { roles: ['read'], grantedToIdentities: [{ application: { id: '00000000-0000-0000-0000-000000000000' } }] },
    ];
    for (const body of bodies) expect((await asApp('POST', base, body, ADMIN_APP)).status, JSON.stringify(body)).toBe(400);
  });
});

describe('Planner: Tasks.ReadWrite.All', () => {
  it('should create and read plans, buckets and tasks as the application, and refuse without the permission', async () => {
    const plan = await asApp('POST', '/planner/plans', { container: { url: `https://graph.microsoft.com/v1.0/groups/${ALVER.id}` }, title: 'Appens plan' });
    expect(plan.status).toBe(201);
    expect(plan.body.createdBy).toEqual({ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' } });
    const planId = plan.body.id as string;
    const bucket = await asApp('POST', '/planner/buckets', { planId, name: 'Mål', orderHint: ' !' });
    expect(bucket.status).toBe(201);
    const task = await asApp('POST', '/planner/tasks', { planId, bucketId: bucket.body.id, title: 'Oppgåve' });
    expect(task.status).toBe(201);
    expect(task.body.createdBy).toEqual({ application: { id: DEMO_BOT_APP_ID, displayName: 'Handlingsplan' } });
    expect((await asApp<Collection>('GET', `/planner/plans/${planId}/tasks`)).body.value).toHaveLength(1);
    expect((await asApp<Collection>('GET', `/groups/${ASKER.id}/planner/plans`)).status).toBe(200);

    await revoke('Tasks.ReadWrite.All');
    try {
      for (const res of [await asApp('GET', `/planner/plans/${planId}/tasks`), await asApp('POST', '/planner/tasks', { planId, title: 'nei' })]) {
        expect(res.status).toBe(403);
        expect(errorOf(res).code).toBe('accessDenied');
      }
      await grant('Tasks.Read.All');
      expect((await asApp('GET', `/planner/tasks/${task.body.id as string}`)).status).toBe(200);
      expect((await asApp('POST', '/planner/tasks', { planId, title: 'nei' })).status).toBe(403);
    } finally {
      await revoke('Tasks.Read.All');
      await grant('Tasks.ReadWrite.All');
    }
  });
});

describe('demo seed and saved tenants', () => {
  it('should register the demo app with its permissions, RSC and site grants, shown by the control API', async () => {
    const apps = await control('GET', '/_emulator/apps');
    const demo = (apps.body.value as Obj[]).find((a) => a.appId === DEMO_BOT_APP_ID) as Obj;
    expect([...(demo.applicationPermissions as string[])].sort()).toEqual([...DEMO_APP_PERMISSIONS].sort());
    expect((demo.siteGrants as Obj[]).map((g) => g.siteId).sort()).toEqual(DEMO_TEAMS.map((d) => d.siteId).sort());
    const messaging = await control('GET', '/_emulator/messaging');
    expect((messaging.body.apps as Obj[])[0]?.rsc).toEqual([...DEMO_APP_RSC_PERMISSIONS]);
    expect((await control('GET', `/_emulator/sites/${encodeURIComponent(ALVER.siteId)}/appGrants`)).body.value).toHaveLength(1);
    expect((await control('PUT', `/_emulator/sites/${encodeURIComponent(ALVER.siteId)}/appGrants/${DEMO_BOT_APP_ID}`, { roles: ['admin'] })).status).toBe(400);
    expect((await control('PUT', '/_emulator/apps/00000000-0000-0000-0000-000000000000/permissions/Sites.Selected')).status).toBe(404);
  });

  it('should load a tenant saved before app-only access and give the demo app its access; removals stay removed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emu-app-only-'));
    const first = await startTestEmulator({ dataDir, seed: 'empty' });
    await first.close();
    const file = join(dataDir, 'tenant.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as TenantState;
    delete saved.appRegistrations;
    for (const app of saved.teamsApps ?? []) {
      delete app.rsc;
      delete app.externalId;
      delete app.azureADAppId;
    }
    for (const site of saved.sites) delete site.appGrants;
    writeFileSync(file, JSON.stringify(saved));

    const second = await startTestEmulator({ dataDir, seed: 'empty' });
    const headers = { Authorization: `Bearer ${APP_TOKEN}` };
    expect((await second.call('GET', `/sites/${ALVER.siteId}/lists`, { as: null, headers })).status).toBe(200);
    expect((await second.call('GET', `/teams/${ALVER.id}/members`, { as: null, headers })).status).toBe(200);
    // Revoke a grant, restart: it stays revoked.
    expect((await second.raw(`/_emulator/sites/${encodeURIComponent(ALVER.siteId)}/appGrants/${DEMO_BOT_APP_ID}`, { method: 'DELETE' })).status).toBe(200);
    await second.close();
    const upgraded = JSON.parse(readFileSync(file, 'utf8')) as TenantState;
    expect(upgraded.appRegistrations?.map((a) => a.appId)).toEqual([DEMO_BOT_APP_ID]);
    expect(upgraded.teamsApps?.[0]?.rsc).toEqual([...DEMO_APP_RSC_PERMISSIONS]);
    expect(upgraded.sites.find((s) => s.id === ALVER.siteId)?.appGrants).toEqual([]);

    const third = await startTestEmulator({ dataDir, seed: 'empty' });
    expect((await third.call('GET', `/sites/${ALVER.siteId}/lists`, { as: null, headers })).status).toBe(403);
    expect((await third.call('GET', `/sites/${ASKER.siteId}/lists`, { as: null, headers })).status).toBe(200);
    await third.close();
  });
});
