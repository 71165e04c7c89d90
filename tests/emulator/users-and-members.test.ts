/**
 * The directory and team membership in the emulator (issue 13): `GET /users` with `$filter` on mail
 * and userPrincipalName as Entra serves it (default vs advanced queries, the 15-clause and
 * 120-character limits, unsupported properties), `$select`, `$top`, paging, `$count`, delegated
 * User.ReadBasic.All vs User.Read.All and app-only User.Read.All; `POST` and `DELETE
 * /teams/{id}/members` by team owners with TeamMember.ReadWriteNonOwnerRole.All / ReadWrite.All; both
 * through `$batch` too; membership saved and visible in the site's access at once.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOT_APP_ID, DEMO_GUEST_UPN, DEMO_PEOPLE, DEMO_TEAMS, demoPerson } from '../../emulator/seed/demo-tenant.ts';
import type { TenantState } from '../../emulator/state/tenant-state.ts';
import { ALVER, ASKER, INGRID, PER, startTestEmulator, type Collection, type ErrorBody, type GraphResult, type TestEmulator } from './support.ts';

type Obj = Record<string, unknown>;

const SOR_VARANGER = DEMO_TEAMS[1] as (typeof DEMO_TEAMS)[number];
const STEWARD = 'ola.nesse@org365.example';
const CAMILLA = 'camilla.berg@org365.example';
const TOR_ARNE = 'tor-arne.pedersen@org365.example';
const ASTRID = demoPerson('astrid.myking@org365.example');
const LIV = demoPerson('liv.tveit@org365.example');
const NILS = demoPerson('nils.rong@org365.example');
const KEVIN = demoPerson("kevin.o'connor@org365.example");
const BJORN = demoPerson('bjorn.ek_epost.example#EXT#@org365.example');
const EVENTUAL = { ConsistencyLevel: 'eventual' };
const DEFAULT_PROPERTIES = ['businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName'];

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

const q = (filter: string): string => `/users?$filter=${encodeURIComponent(filter)}`;
const errorOf = (r: GraphResult): ErrorBody['error'] => (r.body as unknown as ErrorBody).error;
const idsOf = (r: GraphResult): string[] => ((r.body as unknown as Collection).value ?? []).map((u) => u.id as string);

/** A delegated call whose token holds only these permissions (`;scp=`). */
function withScopes<T = Obj>(upn: string, scopes: readonly string[], method: string, path: string, body?: unknown): Promise<GraphResult<T>> {
  return t.call<T>(method, path, { as: null, headers: { Authorization: `Bearer dev:${upn};scp=${scopes.join(',')}` }, ...(body !== undefined ? { body } : {}) });
}

function asApp<T = Obj>(method: string, path: string, body?: unknown): Promise<GraphResult<T>> {
  return t.call<T>(method, path, { as: null, headers: { Authorization: `Bearer dev-app:${DEMO_BOT_APP_ID};aud=https://graph.microsoft.com` }, ...(body !== undefined ? { body } : {}) });
}

const appPermission = (on: boolean, permission: string) => t.raw(`/_emulator/apps/${DEMO_BOT_APP_ID}/permissions/${permission}`, { method: on ? 'PUT' : 'DELETE' });

function expectUnsupported(res: GraphResult, context: string, message?: RegExp): void {
  expect(res.status, context).toBe(400);
  expect(errorOf(res).code, context).toBe('Request_UnsupportedQuery');
  if (message) expect(errorOf(res).message, context).toMatch(message);
}

function expectDenied(res: GraphResult, context: string): void {
  expect(res.status, context).toBe(403);
  expect(errorOf(res), context).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
}

const memberBody = (userKey: string, roles: string[] = []) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles,
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${userKey.replace(/'/g, "''")}')`,
});
/** The team's members, read by one of its owners. */
async function membersOf(teamId: string): Promise<Obj[]> {
  const owner = DEMO_TEAMS.find((d) => d.id === teamId)?.owners[0];
  const res = await t.call<Collection>('GET', `/teams/${teamId}/members`, { as: owner });
  if (res.status !== 200) throw new Error(`members of ${teamId}: ${res.status}`);
  return res.body.value;
}

describe('demo tenant: representatives with an account who are not in the team', () => {
  it('should name, per team, people of the tenant who are neither owners nor members there', () => {
    const upns = new Set(DEMO_PEOPLE.map((p) => p.userPrincipalName));
    for (const team of DEMO_TEAMS) {
      expect(team.notInTeam.length, team.planKey).toBeGreaterThanOrEqual(3);
      for (const upn of team.notInTeam) {
        expect(upns.has(upn), upn).toBe(true);
        expect([...team.owners, ...team.members], upn).not.toContain(upn);
      }
    }
    // Mail is not the UPN: another domain, another local part after a change of name, none, or a guest's own.
    expect(LIV.mail).toBe('liv.hauge@fagforbundet.example');
    expect(NILS.mail).toBeNull();
    expect(BJORN.mail).toBe('bjorn.ek@epost.example');
    expect(DEMO_PEOPLE.filter((p) => p.mail?.toLowerCase() === p.userPrincipalName.toLowerCase()).map((p) => p.surname)).toEqual(['Dahl']);
  });
});

describe('GET /users: $filter on mail and userPrincipalName (default queries)', () => {
  it('should list every user with the default properties, 100 a page, and page with $top and @odata.nextLink', async () => {
    const all = await t.call<Collection>('GET', '/users');
    expect(all.status).toBe(200);
    expect(all.body.value).toHaveLength(DEMO_PEOPLE.length);
    expect(all.body['@odata.nextLink']).toBeUndefined();
    for (const u of all.body.value) expect(Object.keys(u).sort()).toEqual(DEFAULT_PROPERTIES);
    expect(all.body).toMatchObject({ '@odata.context': `${t.emu.graphUrl}/$metadata#users` });

    const seen: string[] = [];
    let next: string | undefined = '/users?$top=10&$select=id';
    let pages = 0;
    while (next) {
      const page: GraphResult<Collection> = await t.call<Collection>('GET', next);
      expect(page.status).toBe(200);
      expect(page.body.value.length).toBeLessThanOrEqual(10);
      seen.push(...page.body.value.map((u) => u.id as string));
      next = page.body['@odata.nextLink'];
      if (next) expect(next).toMatch(/\$top=10&\$select=id&\$skiptoken=/);
      pages++;
    }
    expect(pages).toBe(Math.ceil(DEMO_PEOPLE.length / 10));
    expect(seen.sort()).toEqual(DEMO_PEOPLE.map((p) => p.id).sort());
  });

  it('should match mail and userPrincipalName case-insensitively with eq, in, or and startswith', async () => {
    expect(idsOf(await t.call('GET', q("mail eq 'LIV.Hauge@Fagforbundet.example'")))).toEqual([LIV.id]);
    expect(idsOf(await t.call('GET', q("userPrincipalName eq 'Liv.Tveit@ORG365.example'")))).toEqual([LIV.id]);
    // The old address is neither mail nor UPN: found by neither.
    expect(idsOf(await t.call('GET', q("mail eq 'liv.tveit@fagforbundet.example'")))).toEqual([]);
    const inList = await t.call('GET', q("mail in ('liv.hauge@fagforbundet.example', 'ASTRID.MYKING@fagforbundet.example', 'nobody@fagforbundet.example')"));
    expect(idsOf(inList).sort()).toEqual([LIV.id, ASTRID.id].sort());
    const either = await t.call('GET', q("mail in ('bjorn.ek@epost.example') or userPrincipalName in ('nils.rong@org365.example')"));
    expect(idsOf(either).sort()).toEqual([BJORN.id, NILS.id].sort());
    const starts = await t.call('GET', q("startswith(userPrincipalName,'ASLAK.') or startswith(mail,'ellen.m.')"));
    expect(idsOf(starts).sort()).toEqual([demoPerson('aslak.somby@org365.example').id, demoPerson('ellen.haetta@org365.example').id].sort());
    expect(idsOf(await t.call('GET', q("displayName eq 'Astrid Myking' and userType eq 'Member'")))).toEqual([ASTRID.id]);
  });

  it('should find a user without a mailbox and a guest by UPN only, and read a doubled quote as one', async () => {
    expect(idsOf(await t.call('GET', q("userPrincipalName eq 'nils.rong@org365.example'")))).toEqual([NILS.id]);
    expect(idsOf(await t.call('GET', q("mail eq 'nils.rong@fagforbundet.example'")))).toEqual([]);
    expect(idsOf(await t.call('GET', q(`userPrincipalName eq '${BJORN.userPrincipalName}'`)))).toEqual([BJORN.id]);
    expect(idsOf(await t.call('GET', q(`userPrincipalName eq '${DEMO_GUEST_UPN}'`)))).toEqual([demoPerson(DEMO_GUEST_UPN).id]);
    expect(idsOf(await t.call('GET', q("userPrincipalName in ('kevin.o''connor@org365.example')")))).toEqual([KEVIN.id]);
    expect(idsOf(await t.call('GET', q("mail eq 'Kevin.O''Connor@fagforbundet.example'")))).toEqual([KEVIN.id]);
    // `mail eq null` is not a filter Entra takes on mail (no null-value support on mail or UPN).
    expectUnsupported(await t.call('GET', q('mail eq null')), 'mail eq null', /property 'mail' of resource 'User'/);
  });

  it('should project with $select (also otherMails, proxyAddresses, userType) and name it in @odata.context', async () => {
    const res = await t.call<Collection & Obj>('GET', `${q("userPrincipalName eq 'astrid.myking@org365.example'")}&$select=id,mail,otherMails,proxyAddresses,userType`);
    expect(res.body['@odata.context']).toBe(`${t.emu.graphUrl}/$metadata#users(id,mail,otherMails,proxyAddresses,userType)`);
    expect(res.body.value).toEqual([
      { id: ASTRID.id, mail: 'astrid.myking@fagforbundet.example', otherMails: ['astrid.myking@privat.example'], proxyAddresses: ['SMTP:astrid.myking@fagforbundet.example'], userType: 'Member' },
    ]);
  });

  it('should match otherMails and proxyAddresses through any(), proxyAddresses only with its smtp: prefix', async () => {
    expect(idsOf(await t.call('GET', q("otherMails/any(x:x eq 'Astrid.Myking@privat.example')")))).toEqual([ASTRID.id]);
    expect(idsOf(await t.call('GET', q("proxyAddresses/any(p:p eq 'smtp:liv.tveit@fagforbundet.example')")))).toEqual([LIV.id]);
    expect(idsOf(await t.call('GET', q("proxyAddresses/any(p:p eq 'liv.tveit@fagforbundet.example')")))).toEqual([]);
    expect(idsOf(await t.call('GET', q("proxyAddresses/any(p:startswith(p,'SMTP:liv.'))")))).toEqual([LIV.id]);
    expectUnsupported(await t.call('GET', q("otherMails eq 'astrid.myking@privat.example'")), 'a collection without any()', /property 'otherMails'/);
    expectUnsupported(await t.call('GET', q("otherMails/all(x:x eq 'a@b.example')")), 'all()');
    // An apostrophe in mail is one character of the value.
    expect(idsOf(await t.call('GET', q("proxyAddresses/any(p:p eq 'SMTP:kevin.o''connor@fagforbundet.example')")))).toEqual([KEVIN.id]);
  });
});

describe('GET /users: what Entra refuses', () => {
  it('should refuse properties without $filter support and operators a property lacks (400 Request_UnsupportedQuery)', async () => {
    for (const filter of ["department eq 'Helse'", "aboutMe eq 'x'", "jobTitle eq 'Leder' or startswith(jobTitle,'Le')", "mail lt 'b'", "userPrincipalName ge 'a'"]) {
      expectUnsupported(await t.call('GET', q(filter)), filter, /^Unsupported or invalid query filter clause specified for property '\w+' of resource 'User'\.$/);
    }
    expect((await t.call('GET', q("jobTitle eq 'Leder'"))).status).toBe(200);
    expect(errorOf(await t.call('GET', q('mail'))).message).toMatch(/Invalid filter clause/);
  });

  it('should answer malformed in-lists, lambdas and comparisons with 400 Invalid filter clause', async () => {
    for (const filter of [
      "mail in 'a@b.example'",
      'mail in (displayName)',
      "mail in ('a@b.example'",
      "otherMails/any(x x eq 'a@b.example')",
      "otherMails/any(x:x eq 'a@b.example'",
      "'a@b.example' eq mail",
      "startswith('a', mail)",
      "startswith(mail, 1)",
      "otherMails/any(x:y eq 'a@b.example')",
    ]) {
      const res = await t.call('GET', q(filter));
      expect(res.status, filter).toBe(400);
      expect(errorOf(res).message, filter).toMatch(/Invalid filter clause|Unsupported or invalid query filter clause/);
    }
    // A lambda inside a lambda, and a range variable outside its lambda, are not filters on users.
    expectUnsupported(await t.call('GET', q("otherMails/any(x:proxyAddresses/any(y:y eq 'a'))")), 'nested');
    expectUnsupported(await t.call('GET', q("otherMails/any(x:x eq 'a') and x eq 'a'")), 'x outside');
  });

  it('should take endsWith, ne, not and advanced-only properties only with ConsistencyLevel: eventual and $count=true', async () => {
    const advancedOnly = ["endswith(mail,'@epost.example')", "mail ne 'x@y.example'", "not(userType eq 'Member')", "mobilePhone eq '+47 412 66 908'"];
    for (const filter of advancedOnly) {
      const res = await t.call('GET', q(filter));
      expectUnsupported(res, filter, /is not supported because the required parameters might be missing\. Try adding \$count=true query parameter and ConsistencyLevel:eventual header\./);
      // One of the two is not enough.
      expect((await t.call('GET', `${q(filter)}&$count=true`)).status, filter).toBe(400);
      expect((await t.call('GET', q(filter), { headers: EVENTUAL })).status, filter).toBe(400);
    }
    expect(errorOf(await t.call('GET', q("endswith(mail,'@epost.example')"))).message).toBe(
      "Operator 'endsWith' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information",
    );
    const guests = await t.call<Collection & Obj>('GET', `${q("endswith(mail,'@epost.example')")}&$count=true`, { headers: EVENTUAL });
    expect(guests.status).toBe(200);
    expect(guests.body['@odata.count']).toBe(1);
    expect(idsOf(guests)).toEqual([BJORN.id]);
    const notMembers = await t.call<Collection & Obj>('GET', `${q("not(userType eq 'Member')")}&$count=true`, { headers: EVENTUAL });
    expect(idsOf(notMembers).sort()).toEqual([BJORN.id, demoPerson(DEMO_GUEST_UPN).id].sort());
  });

  it('should give @odata.count only in an advanced query ($count=true alone is ignored) and /users/$count only with the header', async () => {
    const ignored = await t.call<Obj>('GET', '/users?$count=true&$top=1');
    expect(ignored.status).toBe(200);
    expect(ignored.body['@odata.count']).toBeUndefined();
    const counted = await t.call<Obj>('GET', '/users?$count=true&$top=1', { headers: EVENTUAL });
    expect(counted.body['@odata.count']).toBe(DEMO_PEOPLE.length);
    const segment = await t.call('GET', '/users/$count');
    expect(segment.status).toBe(400);
    expect(errorOf(segment)).toMatchObject({ code: 'Request_BadRequest', message: '$count is not currently supported.' });
    const total = await t.call<number>('GET', '/users/$count', { headers: EVENTUAL });
    expect(total.status).toBe(200);
    expect(total.headers.get('content-type')).toBe('text/plain');
    expect(total.body).toBe(DEMO_PEOPLE.length);
    const search = await t.call('GET', '/users?$search="displayName:Liv"');
    expectUnsupported(search, '$search', /only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'/);
  });

  it('should allow at most 15 clauses in an or chain (in-lists counted per value) by default, more in advanced queries', async () => {
    const addresses = (n: number) => Array.from({ length: n }, (_, i) => `'person${i}@fagforbundet.example'`).join(',');
    expect((await t.call('GET', q(`mail in (${addresses(15)})`))).status).toBe(200);
    expectUnsupported(await t.call('GET', q(`mail in (${addresses(16)})`)), '16 in values', /^Too many child clauses specified in search filter expression containing 'OR' operators: 16\. Max allowed: 15\.$/);
    expectUnsupported(await t.call('GET', q(`mail in (${addresses(8)}) or userPrincipalName in (${addresses(8)})`)), 'two in lists of 8', /: 16\./);
    expectUnsupported(await t.call('GET', q(`mail in (${addresses(15)}) or mail eq 'x@y.example'`)), '15 + 1', /: 16\./);
    // Separate chains joined by `and` are counted apart.
    expect((await t.call('GET', q(`mail in (${addresses(15)}) and userPrincipalName in (${addresses(15)})`))).status).toBe(200);
    expect((await t.call('GET', `${q(`mail in (${addresses(40)})`)}&$count=true`, { headers: EVENTUAL })).status).toBe(200);
    // The 2,048-character URL limit of advanced queries.
    expectUnsupported(await t.call('GET', `${q(`mail in (${addresses(80)})`)}&$count=true`, { headers: EVENTUAL }), 'long URL');
  });

  it('should refuse a value over 120 characters by default', async () => {
    const long = `${'a'.repeat(100)}@fagforbundet.example`;
    expect(long.length).toBeGreaterThan(120);
    expectUnsupported(await t.call('GET', q(`mail eq '${long}'`)), 'eq', /120 characters/);
    expectUnsupported(await t.call('GET', q(`userPrincipalName in ('${long}')`)), 'in', /120 characters/);
    expect((await t.call('GET', `${q(`mail eq '${long}'`)}&$count=true`, { headers: EVENTUAL })).status).toBe(200);
  });

  it('should keep $top within 1–999, refuse $skip, and sort by displayName or UPN (with $filter only in advanced queries)', async () => {
    for (const top of ['0', '1000', 'x']) {
      const res = await t.call('GET', `/users?$top=${top}`);
      expectUnsupported(res, top, new RegExp(`^Invalid page size specified: '${top}'\\. Must be between 1 and 999 inclusive\\.$`));
    }
    expect((await t.call<Collection>('GET', '/users?$top=999')).body.value).toHaveLength(DEMO_PEOPLE.length);
    expect((await t.call('GET', '/users?$skip=5')).status).toBe(400);
    const sorted = await t.call<Collection>('GET', '/users?$orderby=displayName desc&$select=displayName&$top=2');
    const names = DEMO_PEOPLE.map((p) => p.displayName).sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' }));
    expect(sorted.body.value.map((u) => u.displayName)).toEqual(names.slice(0, 2));
    expectUnsupported(await t.call('GET', `${q("startswith(mail,'a')")}&$orderby=displayName`), 'filter + orderby', /^Sorting not supported for current query\.$/);
    expect((await t.call('GET', `${q("startswith(mail,'a')")}&$orderby=displayName&$count=true`, { headers: EVENTUAL })).status).toBe(200);
    expectUnsupported(await t.call('GET', '/users?$orderby=jobTitle'), 'orderby jobTitle');
  });
});

describe('GET /users: permissions', () => {
  it('should show only the basic profile with delegated User.ReadBasic.All, and refuse filters on other properties', async () => {
    const basic = await withScopes<Collection>(INGRID, ['User.ReadBasic.All'], 'GET', q("userPrincipalName eq 'astrid.myking@org365.example'"));
    expect(basic.status).toBe(200);
    expect(basic.body.value).toEqual([
      {
        businessPhones: null,
        displayName: 'Astrid Myking',
        givenName: 'Astrid',
        id: ASTRID.id,
        jobTitle: null,
        mail: 'astrid.myking@fagforbundet.example',
        mobilePhone: null,
        officeLocation: null,
        preferredLanguage: null,
        surname: 'Myking',
        userPrincipalName: 'astrid.myking@org365.example',
      },
    ]);
    const selected = await withScopes<Collection>(INGRID, ['User.ReadBasic.All'], 'GET', `${q("mail eq 'liv.hauge@fagforbundet.example'")}&$select=id,jobTitle,proxyAddresses`);
    expect(selected.body.value).toEqual([{ id: LIV.id, jobTitle: null, proxyAddresses: null }]);
    expectDenied(await withScopes(INGRID, ['User.ReadBasic.All'], 'GET', q("jobTitle eq 'Leder'")), 'filter on jobTitle');
    expectDenied(await withScopes(INGRID, ['User.ReadBasic.All'], 'GET', q("otherMails/any(x:x eq 'a@b.example')")), 'filter on otherMails');
    const full = await withScopes<Collection>(INGRID, ['User.Read.All'], 'GET', q("jobTitle eq 'Leder'"));
    expect(full.body.value.map((u) => u.jobTitle)).toEqual(['Leder', 'Leder', 'Leder']);
  });

  it('should refuse a token without a users permission, and guests (403 Authorization_RequestDenied)', async () => {
    expectDenied(await withScopes(INGRID, ['User.Read', 'TeamMember.Read.All'], 'GET', '/users'), 'User.Read');
    expectDenied(await t.call('GET', '/users', { as: DEMO_GUEST_UPN }), 'guest');
    expectDenied(await t.call('GET', '/users/$count', { as: DEMO_GUEST_UPN, headers: EVENTUAL }), 'guest count');
  });

  it('should let an app list users with User.Read.All, not with User.ReadBasic.All or none', async () => {
    expectDenied(await asApp('GET', '/users'), 'no permission');
    await appPermission(true, 'User.ReadBasic.All');
    expectDenied(await asApp('GET', '/users'), 'User.ReadBasic.All');
    await appPermission(true, 'User.Read.All');
    try {
      const res = await asApp<Collection>('GET', `${q("mail eq 'liv.hauge@fagforbundet.example'")}&$select=id,jobTitle`);
      expect(res.body.value).toEqual([{ id: LIV.id, jobTitle: 'Plasstillitsvalgt (PTV)' }]);
    } finally {
      await appPermission(false, 'User.Read.All');
      await appPermission(false, 'User.ReadBasic.All');
    }
  });
});

describe('GET /users in $batch', () => {
  it('should run the same rules in batch steps, with ConsistencyLevel in the step headers', async () => {
    const res = await t.call<{ responses: Array<{ id: string; status: number; body: Obj }> }>('POST', '/$batch', {
      body: {
        requests: [
          { id: 'mail', method: 'GET', url: `/users?$filter=${encodeURIComponent("mail in ('liv.hauge@fagforbundet.example','bjorn.ek@epost.example')")}&$select=id` },
          { id: 'upn', method: 'GET', url: `users?$filter=${encodeURIComponent("userPrincipalName in ('nils.rong@org365.example','kevin.o''connor@org365.example')")}&$select=id` },
          { id: 'advanced', method: 'GET', url: `/users?$filter=${encodeURIComponent("endswith(mail,'@epost.example')")}&$count=true&$select=id`, headers: EVENTUAL },
          { id: 'refused', method: 'GET', url: `/users?$filter=${encodeURIComponent("endswith(mail,'@epost.example')")}&$count=true` },
        ],
      },
    });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.responses.map((r) => [r.id, r]));
    const ids = (id: string) => ((byId.get(id)?.body.value as Obj[]) ?? []).map((u) => u.id).sort();
    expect(ids('mail')).toEqual([LIV.id, BJORN.id].sort());
    expect(ids('upn')).toEqual([NILS.id, KEVIN.id].sort());
    expect(byId.get('advanced')?.body['@odata.count']).toBe(1);
    expect(byId.get('refused')?.status).toBe(400);
    expect((byId.get('refused')?.body.error as Obj).code).toBe('Request_UnsupportedQuery');
    const steps = t.emu.requestLog().filter((e) => e.batchId !== undefined && e.path.startsWith('/v1.0/users'));
    expect(steps.map((e) => e.batchId).sort()).toEqual(['advanced', 'mail', 'refused', 'upn']);
  });
});

describe('POST /teams/{id}/members: add member to team', () => {
  it('should let an owner add a user of the tenant: 201 with the conversationMember, at once in GET members and the site', async () => {
    const before = await membersOf(ALVER.id);
    expect((await t.call('GET', `/sites/${ALVER.siteId}/lists`, { as: ASTRID.userPrincipalName })).status).toBe(403);
    const res = await t.call<Obj>('POST', `/teams/${ALVER.id}/members`, { body: memberBody(ASTRID.id) });
    expect(res.status).toBe(201);
    const after = await membersOf(ALVER.id);
    expect(after).toHaveLength(before.length + 1);
    const listed = after.find((m) => m.userId === ASTRID.id);
    expect(listed).toMatchObject({ '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: [], displayName: 'Astrid Myking', email: 'astrid.myking@fagforbundet.example' });
    expect(res.body).toEqual({ '@odata.context': `${t.emu.graphUrl}/$metadata#teams('${ALVER.id}')/members/$entity`, ...listed });
    // The site follows the team: a member reads and writes its lists now.
    expect((await t.call('GET', `/sites/${ALVER.siteId}/lists`, { as: ASTRID.userPrincipalName })).status).toBe(200);
    expect((await t.call<Collection>('GET', '/me/joinedTeams', { as: ASTRID.userPrincipalName })).body.value.map((x) => x.id)).toEqual([ALVER.id]);
  });

  it('should answer a second add with 201 and the same membership, changing nothing', async () => {
    const count = (await membersOf(ALVER.id)).length;
    const again = await t.call<Obj>('POST', `/teams/${ALVER.id}/members`, { body: memberBody(ASTRID.userPrincipalName) });
    expect(again.status).toBe(201);
    expect(again.body.userId).toBe(ASTRID.id);
    expect(await membersOf(ALVER.id)).toHaveLength(count);
    // An owner added again stays an owner; a member added "as owner" stays a member (roles change with PATCH).
    const owner = await t.call<Obj>('POST', `/teams/${ALVER.id}/members`, { body: memberBody(INGRID) });
    expect(owner.body.roles).toEqual(['owner']);
    const asOwner = await t.call<Obj>('POST', `/teams/${ALVER.id}/members`, { body: memberBody(ASTRID.id, ['owner']) });
    expect(asOwner.body.roles).toEqual([]);
  });

  it('should take a UPN in the bind, a quote doubled, and make an owner with roles ["owner"]', async () => {
    const kevin = await t.call<Obj>('POST', `/teams/${ASKER.id}/members`, { as: CAMILLA, body: memberBody(KEVIN.userPrincipalName) });
    expect(kevin.status).toBe(201);
    expect(kevin.body).toMatchObject({ userId: KEVIN.id, roles: [], displayName: "Kevin O'Connor" });
    const sara = demoPerson('sara.lie@org365.example');
    const owner = await t.call<Obj>('POST', `/teams/${ASKER.id}/members`, { as: CAMILLA, body: memberBody(sara.id, ['Owner']) });
    expect(owner.body).toMatchObject({ userId: sara.id, roles: ['owner'] });
    expect((await membersOf(ASKER.id)).find((m) => m.userId === sara.id)?.roles).toEqual(['owner']);
  });

  it('should refuse a steward and a non-member (403 accessDenied), and change nothing', async () => {
    const count = (await membersOf(ALVER.id)).length;
    for (const upn of [STEWARD, PER]) {
      const res = await t.call('POST', `/teams/${ALVER.id}/members`, { as: upn, body: memberBody(LIV.id) });
      expect(res.status, upn).toBe(403);
      expect(errorOf(res).code, upn).toBe('accessDenied');
    }
    expect(await membersOf(ALVER.id)).toHaveLength(count);
  });

  it('should need TeamMember.ReadWriteNonOwnerRole.All or TeamMember.ReadWrite.All, and the latter for an owner', async () => {
    const missing = await withScopes(INGRID, ['TeamMember.Read.All', 'User.ReadBasic.All'], 'POST', `/teams/${ALVER.id}/members`, memberBody(LIV.id));
    expect(missing.status).toBe(403);
    expect(errorOf(missing)).toMatchObject({
      code: 'Forbidden',
      message: "Missing scope permissions on the request. API requires one of 'TeamMember.ReadWriteNonOwnerRole.All, TeamMember.ReadWrite.All'. Scopes on the request 'TeamMember.Read.All, User.ReadBasic.All'.",
    });
    const nonOwnerRole = ['TeamMember.ReadWriteNonOwnerRole.All'];
    const ownerRefused = await withScopes(INGRID, nonOwnerRole, 'POST', `/teams/${ALVER.id}/members`, memberBody(LIV.id, ['owner']));
    expect(ownerRefused.status).toBe(403);
    expect(errorOf(ownerRefused).message).toMatch(/requires one of 'TeamMember.ReadWrite.All'/);
    expect((await withScopes(STEWARD, nonOwnerRole, 'POST', `/teams/${ALVER.id}/members`, memberBody(LIV.id))).status).toBe(403);
    const added = await withScopes<Obj>(INGRID, nonOwnerRole, 'POST', `/teams/${ALVER.id}/members`, memberBody(LIV.id));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: LIV.id, roles: [], email: 'liv.hauge@fagforbundet.example' });
  });

  it('should answer 404 for an unknown user or team and 400 for a malformed member', async () => {
    const unknown = await t.call('POST', `/teams/${ALVER.id}/members`, { body: memberBody('00000000-0000-0000-0000-000000000001') });
    expect(unknown.status).toBe(404);
    expect((await t.call('POST', '/teams/00000000-0000-0000-0000-000000000000/members', { body: memberBody(NILS.id) })).status).toBe(404);
    const malformed: Obj[] = [
      { ...memberBody(NILS.id), '@odata.type': '#microsoft.graph.conversationMember' },
      { roles: [], 'user@odata.bind': memberBody(NILS.id)['user@odata.bind'] },
      { ...memberBody(NILS.id), 'user@odata.bind': NILS.id },
      { ...memberBody(NILS.id), 'user@odata.bind': `https://example.com/v1.0/users('${NILS.id}')` },
      { ...memberBody(NILS.id), roles: ['member'] },
      { ...memberBody(NILS.id), roles: 'owner' },
    ];
    for (const body of malformed) {
      const res = await t.call('POST', `/teams/${ALVER.id}/members`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(res).code).toBe('BadRequest');
    }
    expect((await membersOf(ALVER.id)).some((m) => m.userId === NILS.id)).toBe(false);
    // A guest cannot be made an owner.
    expect((await t.call('POST', `/teams/${SOR_VARANGER.id}/members`, { as: TOR_ARNE, body: memberBody(BJORN.id, ['owner']) })).status).toBe(400);
  });

  it('should let an app add members with TeamMember.ReadWriteNonOwnerRole.All, owners only with TeamMember.ReadWrite.All (no RSC)', async () => {
    const path = `/teams/${SOR_VARANGER.id}/members`;
    const refused = await asApp('POST', path, memberBody(BJORN.id));
    expect(refused.status).toBe(403);
    expect(errorOf(refused).message).toMatch(/^Missing role permissions on the request\. API requires one of 'TeamMember\.ReadWriteNonOwnerRole\.All, TeamMember\.ReadWrite\.All'\./);
    await appPermission(true, 'TeamMember.ReadWriteNonOwnerRole.All');
    try {
      const guest = await asApp<Obj>('POST', path, memberBody(BJORN.id));
      expect(guest.status).toBe(201);
      expect(guest.body).toMatchObject({ userId: BJORN.id, roles: [], email: 'bjorn.ek@epost.example' });
      const aslak = demoPerson('aslak.somby@org365.example');
      expect((await asApp('POST', path, memberBody(aslak.id, ['owner']))).status).toBe(403);
      await appPermission(true, 'TeamMember.ReadWrite.All');
      expect((await asApp<Obj>('POST', path, memberBody(aslak.id, ['owner']))).body.roles).toEqual(['owner']);
    } finally {
      await appPermission(false, 'TeamMember.ReadWrite.All');
      await appPermission(false, 'TeamMember.ReadWriteNonOwnerRole.All');
    }
  });

  it('should add members in $batch steps', async () => {
    const ellen = demoPerson('ellen.haetta@org365.example');
    const res = await t.call<{ responses: Array<{ id: string; status: number; body: Obj }> }>('POST', '/$batch', {
      as: TOR_ARNE,
      body: {
        requests: [
          { id: '1', method: 'POST', url: `/teams/${SOR_VARANGER.id}/members`, headers: { 'Content-Type': 'application/json' }, body: memberBody(ellen.id) },
          { id: '2', method: 'POST', url: `/teams/${SOR_VARANGER.id}/members`, headers: { 'Content-Type': 'application/json' }, body: memberBody(ellen.id), dependsOn: ['1'] },
        ],
      },
    });
    expect(res.body.responses.map((r) => [r.id, r.status, r.body.userId])).toEqual([
      ['1', 201, ellen.id],
      ['2', 201, ellen.id],
    ]);
    expect((await membersOf(SOR_VARANGER.id)).filter((m) => m.userId === ellen.id)).toHaveLength(1);
  });
});

describe('DELETE /teams/{id}/members/{membership-id}', () => {
  it('should let an owner remove a member (204, site access gone), refuse a steward, 404 an unknown membership', async () => {
    const astrid = (await membersOf(ALVER.id)).find((m) => m.userId === ASTRID.id);
    const path = `/teams/${ALVER.id}/members/${encodeURIComponent(astrid?.id as string)}`;
    const bySteward = await t.call('DELETE', path, { as: STEWARD });
    expect(bySteward.status).toBe(403);
    expect(errorOf(bySteward).code).toBe('accessDenied');
    expect((await t.call('DELETE', path)).status).toBe(204);
    expect((await membersOf(ALVER.id)).some((m) => m.userId === ASTRID.id)).toBe(false);
    expect((await t.call('GET', `/sites/${ALVER.siteId}/lists`, { as: ASTRID.userPrincipalName })).status).toBe(403);
    expect((await t.call('DELETE', path)).status).toBe(404);
  });

  it('should keep the last owner, and remove owners only with TeamMember.ReadWrite.All', async () => {
    const owners = (await membersOf(SOR_VARANGER.id)).filter((m) => (m.roles as string[]).includes('owner'));
    const self = owners.find((m) => m.userId === demoPerson(TOR_ARNE).id) as Obj;
    const others = owners.filter((m) => m !== self);
    expect(others.length).toBeGreaterThanOrEqual(2);
    const pathOf = (m: Obj) => `/teams/${SOR_VARANGER.id}/members/${encodeURIComponent(m.id as string)}`;
    expect((await withScopes(TOR_ARNE, ['TeamMember.ReadWriteNonOwnerRole.All'], 'DELETE', pathOf(others[0] as Obj))).status).toBe(403);
    for (const m of others) expect((await t.call('DELETE', pathOf(m), { as: TOR_ARNE })).status).toBe(204);
    const last = await t.call('DELETE', pathOf(self), { as: TOR_ARNE });
    expect(last.status).toBe(400);
    // Put the board back.
    for (const m of others) expect((await t.call('POST', `/teams/${SOR_VARANGER.id}/members`, { as: TOR_ARNE, body: memberBody(m.userId as string, ['owner']) })).status).toBe(201);
    expect((await membersOf(SOR_VARANGER.id)).filter((m) => (m.roles as string[]).includes('owner'))).toHaveLength(owners.length);
  });
});

describe('membership and the demo directory on disk', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('should keep an added member across a restart, and give a tenant saved before the new people those people', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'emulator-members-'));
    dirs.push(dataDir);
    const first = await startTestEmulator({ dataDir });
    expect((await first.call('POST', `/teams/${ALVER.id}/members`, { body: memberBody(NILS.id) })).status).toBe(201);
    await first.close();
    const file = join(dataDir, 'tenant.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as TenantState;
    expect(saved.teams.find((x) => x.id === ALVER.id)?.members).toContain(NILS.id);
    // As if saved before Liv was in the demo directory: she is added on load, after the highest lookup id.
    const highest = Math.max(...saved.users.map((u) => u.lookupId));
    saved.users = saved.users.filter((u) => u.id !== LIV.id);
    writeFileSync(file, JSON.stringify(saved));

    const second = await startTestEmulator({ dataDir });
    try {
      expect((await second.call<Collection>('GET', `/teams/${ALVER.id}/members`)).body.value.some((m) => m.userId === NILS.id)).toBe(true);
      const liv = await second.call<Collection>('GET', `/users?$filter=${encodeURIComponent("mail eq 'liv.hauge@fagforbundet.example'")}&$select=id,proxyAddresses`);
      expect(liv.body.value).toEqual([{ id: LIV.id, proxyAddresses: ['SMTP:liv.hauge@fagforbundet.example', 'smtp:liv.tveit@fagforbundet.example'] }]);
    } finally {
      await second.close();
    }
    const reloaded = JSON.parse(readFileSync(file, 'utf8')) as TenantState;
    expect(reloaded.users.find((u) => u.id === LIV.id)?.lookupId).toBe(highest + 1);
  });
});
