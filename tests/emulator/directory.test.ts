import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GUEST_UPN, DEMO_PEOPLE, DEMO_TEAMS, demoPerson } from '../../emulator/seed/demo-tenant.ts';
import { ALVER, ASKER, INGRID, PER, startTestEmulator, type Collection, type ErrorBody, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

describe('authentication', () => {
  it('should answer 401 InvalidAuthenticationToken with the Graph error body without a token', async () => {
    const res = await t.call<ErrorBody>('GET', '/me', { as: null, headers: { 'client-request-id': 'abc-123' } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidAuthenticationToken');
    expect(res.body.error.innerError['client-request-id']).toBe('abc-123');
    expect(res.body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
    expect(res.body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    expect(res.headers.get('content-type')).toBe('application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8');
  });

  it('should answer 401 for an unknown user or a malformed token', async () => {
    expect((await t.call('GET', '/me', { as: 'nobody@org365.example' })).status).toBe(401);
    const res = await t.raw('/v1.0/me', { headers: { Authorization: 'Bearer eyJ0eXAiOiJKV1Qi' } });
    expect(res.status).toBe(401);
    expect((res.body as unknown as ErrorBody).error.code).toBe('InvalidAuthenticationToken');
  });

  it('should accept the user principal name in any case', async () => {
    const res = await t.call('GET', '/me', { as: 'Ingrid.HAUGLAND@org365.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('odata-version')).toBe('4.0');
    expect(res.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should answer CORS preflights for browsers', async () => {
    const res = await t.raw('/v1.0/me', { method: 'OPTIONS', headers: { Origin: 'https://localhost:5173', 'Access-Control-Request-Method': 'PATCH' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('If-Match');
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});

describe('users and teams', () => {
  it('should return the default user properties from /me', async () => {
    const res = await t.call('GET', '/me');
    expect(Object.keys(res.body).filter((k) => !k.startsWith('@')).sort()).toEqual(
      ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'].sort(),
    );
    expect(res.body).toMatchObject({ userPrincipalName: INGRID, displayName: 'Ingrid Haugland', jobTitle: 'Leder' });
    const selected = await t.call('GET', '/me?$select=id,displayName');
    expect(Object.keys(selected.body).filter((k) => !k.startsWith('@')).sort()).toEqual(['displayName', 'id']);
  });

  it('should list joined teams with only id, displayName and description', async () => {
    const res = await t.call<Collection>('GET', '/me/joinedTeams');
    expect(res.status).toBe(200);
    expect(res.body.value.map((team) => team.displayName).sort()).toEqual(['Fagforbundet Alver', 'Fagforbundet Asker']);
    for (const team of res.body.value) expect(Object.keys(team).sort()).toEqual(['description', 'displayName', 'id']);
    const none = await t.call<Collection>('GET', '/me/joinedTeams', { as: PER });
    expect(none.body.value).toEqual([]);
  });

  it('should have three teams of 3 owners and 5 or 6 members and people with Norwegian titles', () => {
    expect(DEMO_TEAMS.map((d) => d.planKey)).toEqual(['alver', 'sor-varanger', 'asker']);
    for (const team of DEMO_TEAMS) {
      expect(team.owners).toHaveLength(3);
      expect(team.members.length).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(DEMO_PEOPLE.map((p) => p.jobTitle))).toEqual(
      new Set(['Leder', 'Nestleder', 'Hovedtillitsvalgt (HTV)', 'Plasstillitsvalgt (PTV)', 'Klubbtillitsvalgt (KTV)', 'Medlem']),
    );
  });

  it('should return the team with internalId equal to the General channel id', async () => {
    const res = await t.call('GET', `/teams/${ALVER.id}`);
    expect(res.body).toMatchObject({ id: ALVER.id, displayName: 'Fagforbundet Alver', internalId: ALVER.internalId });
    const viaGroup = await t.call('GET', `/groups/${ALVER.id}/team`);
    expect(viaGroup.body.id).toBe(ALVER.id);
  });

  it('should list members as conversationMembers with owner roles', async () => {
    const res = await t.call<Collection>('GET', `/teams/${ALVER.id}/members`);
    expect(res.body.value).toHaveLength(9);
    const ingrid = res.body.value.find((m) => m.userId === demoPerson(INGRID).id);
    expect(ingrid).toMatchObject({ '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: ['owner'], displayName: 'Ingrid Haugland' });
    expect(typeof ingrid?.id).toBe('string');
    expect(ingrid?.id).not.toBe(ingrid?.userId);
    expect(res.body.value.filter((m) => (m.roles as string[]).length === 0)).toHaveLength(6);
    const inAsker = await t.call<Collection>('GET', `/teams/${ASKER.id}/members`);
    expect(inAsker.body.value.find((m) => m.userId === demoPerson(INGRID).id)?.roles).toEqual([]);
  });

  it('should be a tenant as real ones are: e-mail is not the UPN, one user has no mailbox, one is a guest', async () => {
    const members = (await t.call<Collection>('GET', `/teams/${ALVER.id}/members`)).body.value;
    const byId = (upn: string) => members.find((m) => m.userId === demoPerson(upn).id);
    // conversationMember.email is the user's mail, not their sign-in name.
    expect(byId(INGRID)?.email).toBe('ingrid.haugland@fagforbundet.example');
    expect(byId('ola.nesse@org365.example')?.email).toBeNull();
    expect(byId(DEMO_GUEST_UPN)?.email).toBe('randi.kvam@gmail.example');
    for (const m of members) expect(m.email).not.toBe(DEMO_PEOPLE.find((p) => p.id === m.userId)?.userPrincipalName);
    // /me as each of them: the id is the key; mail may be null.
    const ola = await t.call('GET', '/me?$select=id,mail,userPrincipalName', { as: 'ola.nesse@org365.example' });
    expect(ola.body).toMatchObject({ id: demoPerson('ola.nesse@org365.example').id, mail: null, userPrincipalName: 'ola.nesse@org365.example' });
    const guest = await t.call('GET', '/me?$select=id,mail,userPrincipalName', { as: DEMO_GUEST_UPN });
    expect(guest.status).toBe(200);
    expect(guest.body).toMatchObject({ id: demoPerson(DEMO_GUEST_UPN).id, mail: 'randi.kvam@gmail.example', userPrincipalName: DEMO_GUEST_UPN });
  });

  it('should let an owner change a member’s role (update member in team), and nobody else', async () => {
    const members = (await t.call<Collection>('GET', `/teams/${ALVER.id}/members`)).body.value;
    const kari = members.find((m) => m.userId === demoPerson('kari.eide@org365.example').id);
    const path = `/teams/${ALVER.id}/members/${encodeURIComponent(kari?.id as string)}`;
    const body = { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: [] };
    const bySteward = await t.call<ErrorBody>('PATCH', path, { as: 'ola.nesse@org365.example', body });
    expect(bySteward.status).toBe(403);
    expect(bySteward.body.error.code).toBe('accessDenied');
    const demoted = await t.call('PATCH', path, { body });
    expect(demoted.status).toBe(200);
    expect(demoted.body).toMatchObject({ userId: kari?.userId, roles: [] });
    expect((await t.call('GET', path)).body).toMatchObject({ roles: [] });
    expect((await t.call('PATCH', path, { body: { roles: ['admin'] } })).status).toBe(400);
    const promoted = await t.call('PATCH', path, { body: { ...body, roles: ['owner'] } });
    expect(promoted.body).toMatchObject({ roles: ['owner'] });
  });

  it('should list the General, Styret and Påminnelser channels with thread ids', async () => {
    const res = await t.call<Collection>('GET', `/teams/${ALVER.id}/channels`);
    expect(res.body.value.map((c) => c.displayName)).toEqual(['General', 'Styret', 'Påminnelser']);
    for (const c of res.body.value) expect(c.id).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    const one = await t.call('GET', `/teams/${ALVER.id}/channels/${encodeURIComponent(ALVER.internalId)}`);
    expect(one.body).toMatchObject({ displayName: 'General', membershipType: 'standard' });
  });

  it('should give 403 accessDenied on another team and its site, 404 on an unknown team', async () => {
    for (const path of [`/teams/${ALVER.id}`, `/teams/${ALVER.id}/members`, `/groups/${ALVER.id}/sites/root`, `/sites/${ALVER.siteId}/lists`, `/groups/${ALVER.id}/sites/root/lists`]) {
      const res = await t.call<ErrorBody>('GET', path, { as: PER });
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('accessDenied');
    }
    const unknown = await t.call<ErrorBody>('GET', '/teams/00000000-0000-0000-0000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('itemNotFound');
  });

  it('should return the team site by group and by id', async () => {
    const root = await t.call('GET', `/groups/${ALVER.id}/sites/root`);
    expect(root.body.id).toBe(ALVER.siteId);
    expect(root.body.id).toMatch(/^org365\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    const byId = await t.call('GET', `/sites/${ALVER.siteId}`);
    // The site's webUrl is on the emulator's own origin, so that `${webUrl}/_api/…` (SharePoint REST) reaches it.
    expect(byId.body).toMatchObject({ id: ALVER.siteId, webUrl: `${t.emu.origin}/sites/FagforbundetAlver` });
    expect(root.body.webUrl).toBe(`${t.emu.origin}/sites/FagforbundetAlver`);
  });

  it('should answer 400 for an unknown segment and 405 for a wrong method', async () => {
    const res = await t.call<ErrorBody>('GET', '/nosuchthing');
    expect(res.status).toBe(400);
    expect((await t.call('DELETE', '/me')).status).toBe(405);
  });
});

describe('control endpoints', () => {
  it('should list users and teams without a token', async () => {
    const users = await t.raw('/_emulator/users');
    expect((users.body.value as unknown[]).length).toBe(DEMO_PEOPLE.length);
    const teams = await t.raw('/_emulator/teams');
    const alver = (teams.body.value as Record<string, unknown>[])[0];
    expect(alver).toMatchObject({ id: ALVER.id, internalId: ALVER.internalId, owners: ALVER.owners, members: ALVER.members });
  });
});
