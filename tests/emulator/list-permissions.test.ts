/**
 * List permissions set through SharePoint REST on the site's own host, and enforced on the Graph
 * list/item endpoints (facts sheet §15; emulator/sharepoint/permissions.ts, emulator/sharepoint-rest/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GUEST_UPN } from '../../emulator/seed/demo-tenant.ts';
import { ALVER, INGRID, PER, createTestList, startTestEmulator, type Collection, type ErrorBody, type GraphResult, type TestEmulator } from './support.ts';

const SIGURD = 'sigurd.mjelde@org365.example'; // board (team owner)
const OLA = 'ola.nesse@org365.example'; // steward (team member)
const MARTE = 'marte.hjelmeland@org365.example'; // steward (team member)

type Body = Record<string, unknown>;
interface SpErrorBody {
  code: string;
  message: { lang: string; value: string };
}

const ACCESS_DENIED_SP = {
  code: '-2147024891, System.UnauthorizedAccessException',
  message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' },
};

let t: TestEmulator;
let webUrl: string;
let api: string;

beforeAll(async () => {
  t = await startTestEmulator();
  const site = await t.call('GET', `/groups/${ALVER.id}/sites/root`);
  webUrl = site.body.webUrl as string;
  api = `${webUrl}/_api`;
});
afterAll(async () => {
  await t.close();
});

interface TestList {
  id: string;
  /** Graph path of the list. */
  graph: string;
  /** SharePoint REST URL of the list. */
  rest: string;
}

let listCount = 0;
async function newList(emu: TestEmulator = t, restBase = api): Promise<TestList> {
  listCount += 1;
  const id = await createTestList(emu, `Tilgang ${listCount}`, [{ name: 'N', number: {} }]);
  return { id, graph: `/sites/${ALVER.siteId}/lists/${id}`, rest: `${restBase}/web/lists(guid'${id}')` };
}

async function addItem(list: TestList, as: string, title: string, emu: TestEmulator = t): Promise<string> {
  const res = await emu.call('POST', `${list.graph}/items`, { as, body: { fields: { Title: title, N: 1 } } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function getItem(list: TestList, id: string, as = INGRID): Promise<GraphResult> {
  return t.call('GET', `${list.graph}/items/${id}`, { as });
}

async function roleId(kind: number, emu: TestEmulator = t, base = api): Promise<number> {
  const res = await emu.rest(`GET`, `${base}/web/roledefinitions/getbytype(${kind})`);
  expect(res.status).toBe(200);
  return res.body.Id as number;
}

async function groupId(which: 'owner' | 'member' | 'visitor', emu: TestEmulator = t, base = api): Promise<number> {
  const res = await emu.rest('GET', `${base}/web/associated${which}group`);
  expect(res.status).toBe(200);
  return res.body.Id as number;
}

/** "Owners edit, members read" (facts §15.2): break with copy → delete the members' assignment → members Read. */
async function ownersEditMembersRead(list: TestList, emu: TestEmulator = t, base = api): Promise<void> {
  const members = await groupId('member', emu, base);
  const read = await roleId(2, emu, base);
  const broke = await emu.rest('POST', `${list.rest}/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)`);
  expect(broke.status).toBe(200);
  const removed = await emu.rest('POST', `${list.rest}/roleassignments/getbyprincipalid(${members})`, { headers: { 'X-HTTP-Method': 'DELETE' } });
  expect(removed.status).toBe(200);
  const added = await emu.rest('POST', `${list.rest}/roleassignments/addroleassignment(principalid=${members},roledefid=${read})`);
  expect(added.status).toBe(200);
}

/** "Members add items, edit only their own": members Contribute + WriteSecurity 2 (facts §15.2–15.3). */
async function membersEditOwn(list: TestList): Promise<void> {
  const members = await groupId('member');
  const contribute = await roleId(3);
  expect((await t.rest('POST', `${list.rest}/breakroleinheritance(true)`)).status).toBe(200);
  expect((await t.rest('POST', `${list.rest}/roleassignments/getbyprincipalid(${members})/deleteobject()`)).status).toBe(200);
  expect((await t.rest('POST', `${list.rest}/roleassignments/addroleassignment(principalid=${members},roledefid=${contribute})`)).status).toBe(200);
  const merged = await t.rest('POST', list.rest, {
    headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' },
    body: { WriteSecurity: 2 },
  });
  expect(merged.status, JSON.stringify(merged.body)).toBe(204);
}

function expectGraphDenied(res: GraphResult): void {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  const body = res.body as unknown as ErrorBody;
  expect(body.error.code).toBe('accessDenied');
  expect(body.error.message).toBe('Access denied');
  expect(body.error.innerError).toEqual({ date: expect.any(String), 'request-id': expect.any(String), 'client-request-id': expect.any(String) });
}

function expectSpDenied(res: GraphResult): void {
  expect(res.status, JSON.stringify(res.body)).toBe(403);
  expect(res.body).toEqual({ 'odata.error': ACCESS_DENIED_SP });
}

describe('site URL', () => {
  it("renders the site's webUrl on the emulator's own origin, as asked for, with lists and items below it", async () => {
    expect(webUrl).toBe(`${t.emu.origin}/sites/FagforbundetAlver`);
    const byIp = await t.call('GET', `https://127.0.0.1:${t.emu.port}/v1.0/sites/${ALVER.siteId}`);
    expect(byIp.body.webUrl).toBe(`https://127.0.0.1:${t.emu.port}/sites/FagforbundetAlver`);
    const list = await newList();
    const graphList = await t.call('GET', list.graph);
    expect(graphList.body.webUrl).toBe(`${webUrl}/Lists/${encodeURIComponent(graphList.body.name as string)}`);
    const itemId = await addItem(list, INGRID, 'a');
    expect((await getItem(list, itemId)).body.webUrl).toMatch(new RegExp(`^${webUrl}/Lists/`));
    // …and `${webUrl}/_api` is SharePoint REST on that host.
    const web = await t.rest('GET', `${api}/web`);
    expect(web.status).toBe(200);
    expect(web.body).toMatchObject({ Title: 'Fagforbundet Alver', Url: webUrl });
  });
});

describe('SharePoint REST tokens', () => {
  it('accepts only a SharePoint token whose audience is the site origin', async () => {
    const origin = new URL(webUrl).origin;
    expect((await t.rest('GET', `${api}/web`, { token: `dev:${INGRID};aud=${origin}` })).status).toBe(200);

    for (const token of [`dev:${INGRID}`, `dev:${INGRID};aud=https://org365.sharepoint.com`, `dev:${INGRID};aud=https://127.0.0.1:${t.emu.port}`, `dev:${INGRID};aud=${origin}/`]) {
      const res = await t.rest('GET', `${api}/web`, { token, headers: { Origin: 'https://localhost:5173' } });
      expect(res.status, token).toBe(401);
      expect(res.body.error_description, token).toMatch(/audience/i);
      // A 401 carries no CORS headers (a browser sees a failed fetch).
      expect(res.headers.get('access-control-allow-origin'), token).toBeNull();
    }
    const none = await t.rest('GET', `${api}/web`, { token: null });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const unknown = await t.rest('GET', `${api}/web`, { as: 'nobody@org365.example' });
    expect(unknown.status).toBe(401);

    // On 127.0.0.1 the audience is that origin.
    const ipBase = `https://127.0.0.1:${t.emu.port}/sites/FagforbundetAlver/_api`;
    expect((await t.rest('GET', `${ipBase}/web`)).status).toBe(200);
    expect((await t.rest('GET', `${ipBase}/web`, { token: `dev:${INGRID};aud=${origin}` })).status).toBe(401);
  });

  it('matches UPNs case-insensitively, guests (#EXT#) included', async () => {
    const upper = await t.rest('GET', `${api}/web/associatedmembergroup`, { as: INGRID.toUpperCase() });
    expect(upper.status).toBe(200);
    const guest = await t.rest('GET', `${api}/web/associatedmembergroup`, { as: DEMO_GUEST_UPN });
    expect(guest.status).toBe(200);
  });

  it('refuses a SharePoint token on Graph with 401 InvalidAuthenticationToken, and still takes the Graph token', async () => {
    const res = await t.raw(`${t.emu.graphUrl}/me`, { headers: { Authorization: `Bearer dev:${INGRID};aud=${new URL(webUrl).origin}` } });
    expect(res.status).toBe(401);
    expect((res.body as unknown as ErrorBody).error.code).toBe('InvalidAuthenticationToken');
    expect((await t.call('GET', '/me')).status).toBe(200);
  });

  it('needs no request digest with a bearer token, accepts one, and hands one out from contextinfo', async () => {
    const digest = await t.rest('POST', `${api}/contextinfo`);
    expect(digest.status).toBe(200);
    expect(digest.body.FormDigestTimeoutSeconds).toBe(1800);
    expect(digest.body.FormDigestValue).toMatch(/^0x[0-9A-F]+,/);
    const list = await newList();
    const withDigest = await t.rest('POST', `${list.rest}/breakroleinheritance(true)`, { headers: { 'X-RequestDigest': digest.body.FormDigestValue as string } });
    expect(withDigest.status).toBe(200);
    const without = await t.rest('POST', `${list.rest}/resetroleinheritance`);
    expect(without.status).toBe(200);
  });

  it('denies users outside the team with the SharePoint access-denied body', async () => {
    expectSpDenied(await t.rest('GET', `${api}/web/associatedownergroup`, { as: PER }));
  });
});

describe('SharePoint REST formats, groups and role definitions', () => {
  it('returns the associated groups of a group-connected site with stable ids', async () => {
    const owners = await t.rest('GET', `${api}/web/associatedownergroup`, { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(owners.body).toMatchObject({ Id: 3, Title: 'Fagforbundet Alver Owners', LoginName: 'Fagforbundet Alver Owners' });
    expect(Object.keys(owners.body).some((k) => k.startsWith('odata.'))).toBe(false);
    const members = await t.rest('GET', `${api}/web/associatedmembergroup`);
    expect(members.body).toMatchObject({ Id: 5, Title: 'Fagforbundet Alver Members' });
    // minimalmetadata (plain application/json) carries odata.* annotations.
    expect(members.body['odata.type']).toBe('SP.Group');
    const visitors = await t.rest('GET', `${api}/web/associatedvisitorgroup`);
    expect(visitors.body).toMatchObject({ Id: 4, Title: 'Fagforbundet Alver Visitors' });
  });

  it('looks up the role definitions by type and by name, and answers 404 for other types', async () => {
    const expected: Record<number, [number, string]> = {
      2: [1073741826, 'Read'],
      3: [1073741827, 'Contribute'],
      4: [1073741828, 'Design'],
      5: [1073741829, 'Full Control'],
      6: [1073741830, 'Edit'],
    };
    for (const [kind, [id, name]] of Object.entries(expected)) {
      const res = await t.rest('GET', `${api}/web/roledefinitions/getbytype(${kind})`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ Id: id, Name: name, RoleTypeKind: Number(kind) });
    }
    const read = await t.rest('GET', `${api}/web/roledefinitions/getbyname('Read')`);
    expect(read.body).toMatchObject({ Id: 1073741826, Name: 'Read', RoleTypeKind: 2 });
    const missing = await t.rest<{ 'odata.error': SpErrorBody }>('GET', `${api}/web/roledefinitions/getbytype(7)`);
    expect(missing.status).toBe(404);
    expect(missing.body['odata.error'].message.lang).toBe('en-US');
  });

  it('wraps verbose answers in "d" and refuses a request that does not ask for JSON', async () => {
    const verbose = await t.rest<{ d: Body }>('GET', `${api}/web/roledefinitions/getbytype(2)`, { headers: { Accept: 'application/json;odata=verbose' } });
    expect(verbose.body.d).toMatchObject({ Id: 1073741826, Name: 'Read', __metadata: { type: 'SP.RoleDefinition' } });
    expect(verbose.headers.get('content-type')).toMatch(/^application\/json;odata=verbose/);
    const atom = await t.rest('GET', `${api}/web/roledefinitions/getbytype(2)`, { headers: { Accept: '*/*' } });
    expect(atom.status).toBe(406);
  });

  it("returns a list by its Graph id with its permission settings, 404 for an unknown list", async () => {
    const list = await newList();
    const res = await t.rest('GET', `${list.rest}?$select=Id,Title,HasUniqueRoleAssignments,WriteSecurity,ReadSecurity`, {
      headers: { Accept: 'application/json;odata=nometadata' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ Id: list.id, Title: `Tilgang ${listCount}`, HasUniqueRoleAssignments: false, WriteSecurity: 1, ReadSecurity: 1 });
    const unknown = await t.rest('GET', `${api}/web/lists(guid'00000000-0000-0000-0000-000000000000')`);
    expect(unknown.status).toBe(404);
    expect((unknown.body['odata.error'] as SpErrorBody).code).toBe('-1, System.ArgumentException');
    const unknownVerbose = await t.rest('GET', `${api}/web/lists(guid'00000000-0000-0000-0000-000000000000')`, {
      headers: { Accept: 'application/json;odata=verbose' },
    });
    expect((unknownVerbose.body.error as SpErrorBody).code).toBe('-1, System.ArgumentException');
  });

  it("shows an inheriting list the site's assignments: owners Full Control, members Edit, visitors Read", async () => {
    const list = await newList();
    const res = await t.rest<Collection<{ PrincipalId: number; Member: Body; RoleDefinitionBindings: Body[] }>>(
      'GET',
      `${list.rest}/roleassignments?$expand=Member,RoleDefinitionBindings`,
    );
    expect(res.status).toBe(200);
    const byPrincipal = Object.fromEntries(res.body.value.map((a) => [a.PrincipalId, a]));
    expect(byPrincipal[3]?.Member).toMatchObject({ Id: 3, Title: 'Fagforbundet Alver Owners' });
    expect(byPrincipal[3]?.RoleDefinitionBindings.map((r) => r.Name)).toEqual(['Full Control']);
    expect(byPrincipal[5]?.RoleDefinitionBindings.map((r) => r.Name)).toEqual(['Edit']);
    expect(byPrincipal[4]?.RoleDefinitionBindings.map((r) => r.Name)).toEqual(['Read']);
    // Enumerating permissions needs Full Control.
    expectSpDenied(await t.rest('GET', `${list.rest}/roleassignments`, { as: OLA }));
  });
});

describe('owners edit, members read', () => {
  it("keeps stewards to reading — plain requests and $batch steps get 403 and change nothing — while the board writes", async () => {
    const list = await newList();
    const own = await addItem(list, OLA, 'Ola sitt');
    const board = await addItem(list, INGRID, 'Styret sitt');
    await ownersEditMembersRead(list);

    const assignments = await t.rest<Collection<{ PrincipalId: number; RoleDefinitionBindings: Body[] }>>(
      'GET',
      `${list.rest}/roleassignments?$expand=Member,RoleDefinitionBindings`,
    );
    const bindings = Object.fromEntries(assignments.body.value.map((a) => [a.PrincipalId, a.RoleDefinitionBindings.map((r) => r.Name)]));
    expect(bindings).toEqual({ 3: ['Full Control'], 4: ['Read'], 5: ['Read'] });
    expect((await t.rest('GET', `${list.rest}?$select=HasUniqueRoleAssignments`)).body.HasUniqueRoleAssignments).toBe(true);

    const before = await getItem(list, own);
    expectGraphDenied(await t.call('POST', `${list.graph}/items`, { as: OLA, body: { fields: { Title: 'ny' } } }));
    expectGraphDenied(await t.call('PATCH', `${list.graph}/items/${own}/fields`, { as: OLA, body: { Title: 'endra' } }));
    expectGraphDenied(await t.call('PATCH', `${list.graph}/items/${own}`, { as: OLA, body: { fields: { Title: 'endra' } } }));
    expectGraphDenied(await t.call('DELETE', `${list.graph}/items/${board}`, { as: OLA }));
    expectGraphDenied(await t.call('POST', `${list.graph}/columns`, { as: OLA, body: { name: 'X', text: {} } }));
    const batch = await t.call<{ responses: { id: string; status: number; body: ErrorBody }[] }>('POST', '/$batch', {
      as: OLA,
      body: {
        requests: [
          { id: '1', method: 'PATCH', url: `${list.graph}/items/${own}/fields`, headers: { 'Content-Type': 'application/json' }, body: { Title: 'via batch' } },
          { id: '2', method: 'GET', url: `${list.graph}/items/${own}` },
        ],
      },
    });
    expect(batch.status).toBe(200);
    const step = batch.body.responses.find((r) => r.id === '1');
    expect(step?.status).toBe(403);
    expect(step?.body.error).toMatchObject({ code: 'accessDenied', message: 'Access denied' });
    expect(batch.body.responses.find((r) => r.id === '2')?.status).toBe(200);

    // Nothing changed: same eTag (no version bump), same fields, both items still there.
    const after = await getItem(list, own);
    expect(after.body.eTag).toBe(before.body.eTag);
    expect((after.body.fields as Body).Title).toBe('Ola sitt');
    expect((await getItem(list, board)).status).toBe(200);

    // Reads stay allowed.
    const items = await t.call<Collection>('GET', `${list.graph}/items?expand=fields`, { as: OLA });
    expect(items.status).toBe(200);
    expect(items.body.value).toHaveLength(2);
    expect((await t.call('GET', list.graph, { as: OLA })).status).toBe(200);
    expect((await t.call('GET', `${list.graph}/columns`, { as: OLA })).status).toBe(200);
    expect((await t.call<Collection>('GET', `/sites/${ALVER.siteId}/lists`, { as: OLA })).body.value.map((l) => l.id)).toContain(list.id);

    // The board (another owner) writes.
    const created = await t.call('POST', `${list.graph}/items`, { as: SIGURD, body: { fields: { Title: 'frå styret' } } });
    expect(created.status).toBe(201);
    expect((await t.call('PATCH', `${list.graph}/items/${own}/fields`, { as: SIGURD, body: { Title: 'retta av styret' } })).status).toBe(200);
    expect((await t.call('DELETE', `${list.graph}/items/${board}`, { as: SIGURD })).status).toBe(204);
  });

  it("refuses a steward's permission and settings changes with 403 and SharePoint's body", async () => {
    const list = await newList();
    await ownersEditMembersRead(list);
    const members = await groupId('member');
    const edit = await roleId(6);
    const calls: [string, Record<string, string>?][] = [
      [`${list.rest}/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)`],
      [`${list.rest}/roleassignments/addroleassignment(principalid=${members},roledefid=${edit})`],
      [`${list.rest}/roleassignments/getbyprincipalid(${members})`, { 'X-HTTP-Method': 'DELETE' }],
      [`${list.rest}/roleassignments/getbyprincipalid(${members})/deleteobject()`],
      [`${list.rest}/resetroleinheritance`],
      [list.rest, { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }],
    ];
    for (const [url, headers] of calls) {
      const res = await t.rest('POST', url, { as: OLA, headers, body: headers?.['X-HTTP-Method'] === 'MERGE' ? { WriteSecurity: 1 } : undefined });
      expectSpDenied(res);
      const verbose = await t.rest('POST', url, { as: MARTE, headers: { ...headers, Accept: 'application/json;odata=verbose' } });
      expect(verbose.status).toBe(403);
      expect(verbose.body).toEqual({ error: ACCESS_DENIED_SP });
    }
    // Still owners edit, members read.
    expectGraphDenied(await t.call('POST', `${list.graph}/items`, { as: OLA, body: { fields: { Title: 'ny' } } }));
    expect((await t.rest('GET', `${list.rest}?$select=WriteSecurity`)).body.WriteSecurity).toBe(1);
  });

  it('is idempotent: breaking inheritance again keeps the unique assignments', async () => {
    const list = await newList();
    await ownersEditMembersRead(list);
    const again = await t.rest('POST', `${list.rest}/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ 'odata.null': true });
    const members = await t.rest('GET', `${list.rest}/roleassignments/getbyprincipalid(5)?$expand=RoleDefinitionBindings`);
    expect((members.body.RoleDefinitionBindings as Body[]).map((r) => r.Name)).toEqual(['Read']);
  });

  it('resetroleinheritance gives the list back the site permissions', async () => {
    const list = await newList();
    await ownersEditMembersRead(list);
    expectGraphDenied(await t.call('POST', `${list.graph}/items`, { as: OLA, body: { fields: { Title: 'før' } } }));
    const reset = await t.rest('POST', `${list.rest}/resetroleinheritance`);
    expect(reset.status).toBe(200);
    expect((await t.rest('GET', `${list.rest}?$select=HasUniqueRoleAssignments`)).body.HasUniqueRoleAssignments).toBe(false);
    const created = await t.call('POST', `${list.graph}/items`, { as: OLA, body: { fields: { Title: 'etter' } } });
    expect(created.status).toBe(201);
    expect((await t.call('POST', `${list.graph}/columns`, { as: OLA, body: { name: 'Ny', text: {} } })).status).toBe(201);
  });
});

describe('members add items and edit only their own', () => {
  it('lets a steward add and edit their own items but not those of others, which the board may change', async () => {
    const list = await newList();
    const boardItem = await addItem(list, INGRID, 'Styret');
    await membersEditOwn(list);
    expect((await t.rest('GET', `${list.rest}?$select=WriteSecurity,ReadSecurity`)).body).toMatchObject({ WriteSecurity: 2, ReadSecurity: 1 });

    const olaItem = await addItem(list, OLA, 'Ola');
    const edited = await t.call('PATCH', `${list.graph}/items/${olaItem}/fields`, { as: OLA, body: { Title: 'Ola endra' } });
    expect(edited.status).toBe(200);
    expect(edited.body.Title).toBe('Ola endra');

    const before = await getItem(list, olaItem);
    expectGraphDenied(await t.call('PATCH', `${list.graph}/items/${olaItem}/fields`, { as: MARTE, body: { Title: 'Marte endra' } }));
    expectGraphDenied(await t.call('DELETE', `${list.graph}/items/${olaItem}`, { as: MARTE }));
    expectGraphDenied(await t.call('PATCH', `${list.graph}/items/${boardItem}/fields`, { as: OLA, body: { Title: 'x' } }));
    const after = await getItem(list, olaItem);
    expect(after.body.eTag).toBe(before.body.eTag);
    expect((after.body.fields as Body).Title).toBe('Ola endra');
    // Contribute does not manage the list.
    expectGraphDenied(await t.call('POST', `${list.graph}/columns`, { as: OLA, body: { name: 'X', text: {} } }));
    // Everyone still reads everything (ReadSecurity 1).
    expect((await t.call<Collection>('GET', `${list.graph}/items`, { as: MARTE })).body.value).toHaveLength(2);

    // The board (Full Control: not held back by WriteSecurity) edits and deletes others' items.
    expect((await t.call('PATCH', `${list.graph}/items/${olaItem}/fields`, { as: SIGURD, body: { Title: 'Styret retta' } })).status).toBe(200);
    const marteItem = await addItem(list, MARTE, 'Marte');
    expect((await t.call('DELETE', `${list.graph}/items/${marteItem}`, { as: INGRID })).status).toBe(204);
    // The author stays the author after the board's edit: Ola may still delete his own item.
    expect((await t.call('DELETE', `${list.graph}/items/${olaItem}`, { as: OLA })).status).toBe(204);
  });

  it('with WriteSecurity 4 lets only the board write', async () => {
    const list = await newList();
    const item = await addItem(list, OLA, 'Ola');
    const res = await t.rest('POST', list.rest, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: { WriteSecurity: 4 } });
    expect(res.status).toBe(204);
    // Members have Edit (inheriting) but cannot write items, not even their own.
    expectGraphDenied(await t.call('POST', `${list.graph}/items`, { as: OLA, body: { fields: { Title: 'ny' } } }));
    expectGraphDenied(await t.call('PATCH', `${list.graph}/items/${item}/fields`, { as: OLA, body: { Title: 'endra' } }));
    expect((await t.call('PATCH', `${list.graph}/items/${item}/fields`, { as: SIGURD, body: { Title: 'styret' } })).status).toBe(200);
  });

  it('with ReadSecurity 2 shows a steward only their own items', async () => {
    const list = await newList();
    const boardItem = await addItem(list, INGRID, 'Styret');
    await addItem(list, OLA, 'Ola');
    const res = await t.rest('POST', list.rest, {
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*', Accept: 'application/json;odata=verbose', 'Content-Type': 'application/json;odata=verbose' },
      body: { __metadata: { type: 'SP.List' }, ReadSecurity: 2 },
    });
    expect(res.status).toBe(204);
    const olaSees = await t.call<Collection<{ fields: Body }>>('GET', `${list.graph}/items?expand=fields`, { as: OLA });
    expect(olaSees.body.value.map((i) => i.fields.Title)).toEqual(['Ola']);
    expect((await getItem(list, boardItem, OLA)).status).toBe(404);
    expect((await t.call<Collection>('GET', `${list.graph}/items`, { as: SIGURD })).body.value).toHaveLength(2);
  });

  it('refuses invalid MERGE bodies and a stale IF-MATCH without changing the list', async () => {
    const list = await newList();
    const merge = (body: unknown, ifMatch = '*') => t.rest('POST', list.rest, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': ifMatch }, body });
    expect((await merge({ WriteSecurity: 3 })).status).toBe(400);
    expect((await merge({ ReadSecurity: 4 })).status).toBe(400);
    expect((await merge({ NoSuchProperty: 1 })).status).toBe(400);
    expect((await merge({ WriteSecurity: '2' })).status).toBe(400);
    expect((await merge({ WriteSecurity: 2 }, '"999"')).status).toBe(412);
    expect((await t.rest('GET', `${list.rest}?$select=WriteSecurity,ReadSecurity`)).body).toMatchObject({ WriteSecurity: 1, ReadSecurity: 1 });
  });
});

describe('role assignment rules', () => {
  it('refuses to change single assignments while the list inherits', async () => {
    const list = await newList();
    const del = await t.rest<{ 'odata.error': SpErrorBody }>('POST', `${list.rest}/roleassignments/getbyprincipalid(5)`, { headers: { 'X-HTTP-Method': 'DELETE' } });
    expect(del.status).toBe(400);
    expect(del.body['odata.error'].message.value).toBe('This operation is not allowed on an object that inherits permissions.');
    const add = await t.rest('POST', `${list.rest}/roleassignments/addroleassignment(principalid=5,roledefid=1073741826)`);
    expect(add.status).toBe(400);
    // Members still have Edit.
    expect((await t.call('POST', `${list.graph}/items`, { as: OLA, body: { fields: { Title: 'ok' } } })).status).toBe(201);
  });

  it('without copying leaves only the caller, so other owners and members lose the list', async () => {
    const list = await newList();
    const res = await t.rest('POST', `${list.rest}/breakroleinheritance(copyroleassignments=false,clearsubscopes=true)`);
    expect(res.status).toBe(200);
    const assignments = await t.rest<Collection<{ PrincipalId: number; Member: Body; RoleDefinitionBindings: Body[] }>>(
      'GET',
      `${list.rest}/roleassignments?$expand=Member,RoleDefinitionBindings`,
    );
    expect(assignments.body.value).toHaveLength(1);
    const only = assignments.body.value[0];
    expect(only?.Member).toMatchObject({ Id: only?.PrincipalId, Title: 'Ingrid Haugland', PrincipalType: 1, LoginName: `i:0#.f|membership|${INGRID}` });
    expect(only?.RoleDefinitionBindings.map((r) => r.Name)).toEqual(['Full Control']);
    expectGraphDenied(await t.call('GET', `${list.graph}/items`, { as: SIGURD }));
    expectGraphDenied(await t.call('GET', list.graph, { as: OLA }));
    const visible = await t.call<Collection>('GET', `/sites/${ALVER.siteId}/lists`, { as: OLA });
    expect(visible.body.value.map((l) => l.id)).not.toContain(list.id);
    expect((await t.call('GET', `${list.graph}/items`)).status).toBe(200);
  });

  it('binds a user of the site directly and refuses unknown principals and role definitions', async () => {
    const list = await newList();
    expect((await t.rest('POST', `${list.rest}/breakroleinheritance(copyroleassignments=true,clearsubscopes=true)`)).status).toBe(200);
    expect((await t.rest('POST', `${list.rest}/roleassignments/getbyprincipalid(5)/deleteobject()`)).status).toBe(200);
    expectGraphDenied(await t.call('GET', `${list.graph}/items`, { as: OLA }));
    const members = await t.rest<Collection<{ Member: Body }>>('GET', `${list.rest}/roleassignments?$expand=Member`);
    expect(members.body.value.map((a) => a.Member.Id)).toEqual([3, 4]);

    // Ola's SharePoint user id, from the user info list id Graph shows as AuthorLookupId.
    const olaItemList = await newList();
    const itemId = await addItem(olaItemList, OLA, 'x');
    const olaLookupId = Number(((await getItem(olaItemList, itemId)).body.fields as Body).AuthorLookupId);
    const contribute = await roleId(3);
    const bound = await t.rest('POST', `${list.rest}/roleassignments/addroleassignment(principalid=${olaLookupId},roledefid=${contribute})`);
    expect(bound.status).toBe(200);
    expect((await t.call('POST', `${list.graph}/items`, { as: OLA, body: { fields: { Title: 'Ola direkte' } } })).status).toBe(201);
    expectGraphDenied(await t.call('GET', `${list.graph}/items`, { as: MARTE }));

    expect((await t.rest('POST', `${list.rest}/roleassignments/addroleassignment(principalid=99999,roledefid=${contribute})`)).status).toBe(404);
    expect((await t.rest('POST', `${list.rest}/roleassignments/addroleassignment(principalid=5,roledefid=42)`)).status).toBe(404);
  });
});

describe('persistence', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('keeps unique permissions and WriteSecurity across a restart, each saved when changed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-perm-'));
    dirs.push(dataDir);
    const first = await startTestEmulator({ dataDir });
    const firstApi = `${first.emu.origin}/sites/FagforbundetAlver/_api`;
    const settings = await newList(first, firstApi);
    const list = await newList(first, firstApi);
    const merged = await first.rest('POST', settings.rest, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: { WriteSecurity: 2 } });
    expect(merged.status).toBe(204);
    // Let that save happen, so that the permission changes below must be saved on their own.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await ownersEditMembersRead(list, first, firstApi);
    await first.close();

    const second = await startTestEmulator({ dataDir });
    try {
      const secondApi = `${second.emu.origin}/sites/FagforbundetAlver/_api`;
      const rest = `${secondApi}/web/lists(guid'${list.id}')`;
      const info = await second.rest('GET', `${rest}?$select=HasUniqueRoleAssignments,WriteSecurity`);
      expect(info.body).toMatchObject({ HasUniqueRoleAssignments: true, WriteSecurity: 1 });
      const roles = await second.rest<Collection<{ PrincipalId: number; RoleDefinitionBindings: Body[] }>>('GET', `${rest}/roleassignments?$expand=RoleDefinitionBindings`);
      expect(Object.fromEntries(roles.body.value.map((a) => [a.PrincipalId, a.RoleDefinitionBindings.map((r) => r.Name)]))).toEqual({ 3: ['Full Control'], 4: ['Read'], 5: ['Read'] });
      const other = await second.rest('GET', `${secondApi}/web/lists(guid'${settings.id}')?$select=HasUniqueRoleAssignments,WriteSecurity`);
      expect(other.body).toMatchObject({ HasUniqueRoleAssignments: false, WriteSecurity: 2 });
      expectGraphDenied(await second.call('POST', `${list.graph}/items`, { as: OLA, body: { fields: { Title: 'etter omstart' } } }));
      expect((await second.call('POST', `${list.graph}/items`, { as: SIGURD, body: { fields: { Title: 'etter omstart' } } })).status).toBe(201);
      // Lists saved without permissions (the Documents library) still inherit.
      const docs = await second.call<Collection>('GET', `/sites/${ALVER.siteId}/lists?$filter=displayName eq 'Documents'`);
      const docsRest = await second.rest('GET', `${secondApi}/web/lists(guid'${docs.body.value[0]?.id as string}')?$select=HasUniqueRoleAssignments`);
      expect(docsRest.body.HasUniqueRoleAssignments).toBe(false);
    } finally {
      await second.close();
    }
  });
});

describe('CORS on SharePoint REST', () => {
  const ORIGIN = 'https://localhost:5173';

  it('answers preflights and echoes the Origin by default', async () => {
    const pre = await t.raw(`${api}/web/lists`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,x-http-method,if-match' },
    });
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'accept', 'content-type', 'x-http-method', 'if-match']) expect(allowed).toContain(h);
    const res = await t.rest('GET', `${api}/web/associatedownergroup`, { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });

  it('sends no CORS headers at all with sharePointRestCors: false, while Graph keeps its CORS', async () => {
    const off = await startTestEmulator({ sharePointRestCors: false });
    try {
      const offApi = `${off.emu.origin}/sites/FagforbundetAlver/_api`;
      const pre = await off.raw(`${offApi}/web`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' } });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-headers')).toBeNull();
      const res = await off.rest('GET', `${offApi}/web/associatedownergroup`, { headers: { Origin: ORIGIN } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const graph = await off.call('GET', '/me', { headers: { Origin: ORIGIN } });
      expect(graph.headers.get('access-control-allow-origin')).not.toBeNull();
    } finally {
      await off.close();
    }
  });
});
