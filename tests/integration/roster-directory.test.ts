/**
 * The roster's directory (issue 13) against the emulator, through the app's own Graph client with a
 * token that holds exactly the delegated permissions the tab asks for (GRAPH_SCOPES): representatives
 * found by the addresses the board has (mail or sign-in name, any case), 15 a filter, in `$batch`
 * requests; a missing one added to the team by an owner, exactly once, and refused to a steward.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatcherFor } from '../../emulator/app-client';
import { DEMO_GUEST_UPN, DEMO_PEOPLE, demoPerson, type DemoPerson } from '../../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../../emulator/server';
import { ADDRESSES_PER_LOOKUP, GraphDirectory } from '../../src/adapters/teams/graph-directory';
import { GRAPH_SCOPES } from '../../src/auth/graph-scopes';
import { AccessDeniedError, NotFoundError, normaliseAddress, type DirectoryUser } from '../../src/domain/ports';
import { createGraphClient, type GraphApi } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';
import { emulator, outerRequests, team } from './support';

const alver = team('alver');
const asker = team('asker');
const INGRID = 'ingrid.haugland@org365.example';
const STEWARD = 'ola.nesse@org365.example';
/** The tab's delegated permissions, as the token's `scp` (without the resource prefix). */
const TAB_SCOPES = GRAPH_SCOPES.map((s) => s.replace('https://graph.microsoft.com/', ''));

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.setFaults({});
  emu.clearLog();
});

/** The app's Graph client signed in as `upn`, holding only the tab's delegated permissions. */
function graphAs(upn: string, scopes: readonly string[] = TAB_SCOPES): GraphApi {
  return createGraphClient({
    baseUrl: emu.graphUrl,
    getToken: async () => `dev:${upn};scp=${scopes.join(',')}`,
    fetchOptions: { dispatcher: dispatcherFor(emu.ca) },
    retryDelaySeconds: 0.1,
  });
}
const directoryAs = (upn: string) => new GraphDirectory(graphAs(upn));
const expected = (p: DemoPerson): DirectoryUser => ({ id: p.id, displayName: p.displayName, mail: p.mail, userPrincipalName: p.userPrincipalName });
const person = (upn: string) => demoPerson(upn);

describe('findUsersByAddress', () => {
  it('should find 40 addresses by mail or sign-in name in any case, leave unknown ones out, in one $batch request', async () => {
    const liv = person('liv.tveit@org365.example');
    const nils = person('nils.rong@org365.example');
    const kevin = person("kevin.o'connor@org365.example");
    const bjorn = person('bjorn.ek_epost.example#EXT#@org365.example');
    const jonas = person('jonas.dahl@org365.example');
    const randi = person(DEMO_GUEST_UPN);
    const found: Array<[string, DemoPerson]> = [
      // By mail: other domain than the UPN, another local part, a guest's own address, a quote.
      ['  LIV.HAUGE@fagforbundet.example ', liv],
      ['bjorn.ek@EPOST.example', bjorn],
      ["Kevin.O'Connor@Fagforbundet.example", kevin],
      ['randi.kvam@gmail.example', randi],
      ['jonas.dahl@org365.example', jonas], // mail and UPN alike
      ...['kari.eide', 'marte.hjelmeland', 'sara.lie', 'aslak.somby', 'camilla.berg', 'per.olsen'].map(
        (local): [string, DemoPerson] => [`${local}@fagforbundet.example`, person(`${local}@org365.example`)],
      ),
      ['ellen.m.haetta@fagforbundet.example', person('ellen.haetta@org365.example')],
      // By sign-in name: no mailbox, a guest's #EXT# name, a quote, upper case.
      ['NILS.RONG@org365.example', nils],
      [DEMO_GUEST_UPN.toUpperCase(), randi],
      ["kevin.o'connor@org365.example", kevin],
      ...['sigurd.mjelde', 'hilde.johansen', 'rune.nilsen', 'ahmed.hussain', 'astrid.myking'].map((local): [string, DemoPerson] => [`${local}@ORG365.example`, person(`${local}@org365.example`)]),
    ];
    const unknown = [
      'liv.tveit@fagforbundet.example', // her old address: an alias, neither mail nor UPN
      'nils.rong@fagforbundet.example', // no mailbox
      'bjorn.ek@org365.example',
      'ellen.haetta@fagforbundet.example',
      "o'brien@fagforbundet.example",
      'not-an-address',
      ...Array.from({ length: 14 }, (_, i) => `ukjend.${i}@fagforbundet.example`),
    ];
    const addresses = [...found.map(([a]) => a), ...unknown, '', '   ', found[0]?.[0].trim().toUpperCase() ?? ''];
    expect(new Set(addresses.map(normaliseAddress).filter((a) => a)).size).toBe(40);

    const result = await directoryAs(INGRID).findUsersByAddress(addresses);
    expect([...result.keys()].sort()).toEqual([...new Set(found.map(([a]) => normaliseAddress(a)))].sort());
    for (const [address, p] of found) expect(result.get(normaliseAddress(address)), address).toEqual(expected(p));
    for (const address of unknown) expect(result.has(normaliseAddress(address)), address).toBe(false);

    // 40 addresses: 3 look-ups of at most 15, by mail and by UPN: 6 steps in one $batch request.
    const outer = outerRequests(emu);
    expect(outer.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /v1.0/$batch']);
    const steps = emu.requestLog().filter((e) => e.batchId !== undefined);
    expect(steps).toHaveLength(6);
    expect(steps.every((e) => e.status === 200 && e.path.startsWith('/v1.0/users?$filter='))).toBe(true);
    for (const step of steps) {
      const filter = new URLSearchParams(step.path.slice(step.path.indexOf('?') + 1)).get('$filter') ?? '';
      expect(filter).toMatch(/^(mail|userPrincipalName) in \(/);
      expect(filter.split("','").length).toBeLessThanOrEqual(ADDRESSES_PER_LOOKUP);
    }
  });

  it('should look up 400 addresses in 3 $batch requests (54 steps), and none for no addresses', async () => {
    const addresses = Array.from({ length: 400 }, (_, i) => (i < DEMO_PEOPLE.length ? (DEMO_PEOPLE[i] as DemoPerson).userPrincipalName : `medlem.${i}@fagforbundet.example`));
    const result = await directoryAs(INGRID).findUsersByAddress(addresses);
    expect(result.size).toBe(DEMO_PEOPLE.length);
    const outer = outerRequests(emu);
    expect(outer).toHaveLength(3);
    expect(outer.every((e) => e.path === '/v1.0/$batch' && e.status === 200)).toBe(true);
    expect(emu.requestLog().filter((e) => e.batchId !== undefined)).toHaveLength(54);

    emu.clearLog();
    expect((await directoryAs(INGRID).findUsersByAddress(['', '  '])).size).toBe(0);
    expect(emu.requestLog()).toEqual([]);
  });

  it('should read the basic profile only, which is all it needs, and fail loudly without a users permission', async () => {
    const withoutUsers = new GraphDirectory(graphAs(INGRID, TAB_SCOPES.filter((s) => s !== 'User.ReadBasic.All')));
    const refused = await withoutUsers.findUsersByAddress(['liv.hauge@fagforbundet.example']).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphRequestError);
    expect(refused).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
  });
});

describe('addTeamMember', () => {
  it('should add a representative found by address as a steward: in the member list, with the site, exactly once', async () => {
    const astrid = person('astrid.myking@org365.example');
    const directory = directoryAs(INGRID);
    const found = (await directory.findUsersByAddress(['astrid.myking@fagforbundet.example'])).get('astrid.myking@fagforbundet.example');
    expect(found?.id).toBe(astrid.id);
    const astridGraph = graphAs(astrid.userPrincipalName);
    const before = await astridGraph.get(`/groups/${alver.id}/sites/root/lists`).catch((e: unknown) => e);
    expect(before).toMatchObject({ status: 403 });
    const count = (await directory.teamMembers(alver.id)).length;

    emu.clearLog();
    const added = await directory.addTeamMember(alver.id, found?.id as string);
    expect(added).toEqual({ id: astrid.id, displayName: 'Astrid Myking', email: 'astrid.myking@fagforbundet.example', role: 'steward' });
    expect(outerRequests(emu).map((e) => `${e.method} ${e.status}`)).toEqual(['POST 201']);
    const members = await directory.teamMembers(alver.id);
    expect(members).toHaveLength(count + 1);
    expect(members).toContainEqual(added);
    // The site follows at once: she reads the team's lists and sees the team as hers.
    expect(await astridGraph.get(`/groups/${alver.id}/sites/root/lists`)).toMatchObject({ value: expect.any(Array) });
    expect((await directoryAs(astrid.userPrincipalName).joinedTeams()).map((x) => x.id)).toEqual([alver.id]);

    // Again: the same membership, no second one.
    expect(await directory.addTeamMember(alver.id, astrid.id)).toEqual(added);
    expect(await directory.teamMembers(alver.id)).toHaveLength(count + 1);
    // An owner added again stays an owner.
    expect((await directory.addTeamMember(alver.id, person(INGRID).id)).role).toBe('board');
  });

  it('should add a representative whose name and address hold an apostrophe', async () => {
    const kevin = person("kevin.o'connor@org365.example");
    const directory = directoryAs('camilla.berg@org365.example');
    const [user] = [...(await directory.findUsersByAddress(["kevin.o'connor@fagforbundet.example"])).values()];
    const added = await directory.addTeamMember(asker.id, user?.id as string);
    expect(added).toMatchObject({ id: kevin.id, displayName: "Kevin O'Connor", role: 'steward' });
  });

  it('should refuse a steward with AccessDeniedError (the emulator’s 403) and change nothing', async () => {
    const liv = person('liv.tveit@org365.example');
    const before = (await directoryAs(INGRID).teamMembers(alver.id)).length;
    emu.clearLog();
    const refused = await directoryAs(STEWARD).addTeamMember(alver.id, liv.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AccessDeniedError);
    expect(outerRequests(emu).map((e) => `${e.method} ${e.status}`)).toEqual(['POST 403']);
    expect(await directoryAs(INGRID).teamMembers(alver.id)).toHaveLength(before);
  });

  it('should answer an unknown user with NotFoundError', async () => {
    const refused = await directoryAs(INGRID).addTeamMember(alver.id, '00000000-0000-0000-0000-00000000abcd').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotFoundError);
  });

  it('should settle a lost answer, a 503 or a 409 after the add was stored by reading the members, without adding twice', async () => {
    const directory = directoryAs(INGRID);
    const nils = person('nils.rong@org365.example');
    const liv = person('liv.tveit@org365.example');
    const per = person('per.olsen@org365.example');
    const count = (await directory.teamMembers(alver.id)).length;
    // 409: should Graph answer an existing membership with a conflict (the emulator answers 201).
    for (const [status, user] of [
      [0, nils],
      [503, liv],
      [409, per],
    ] as const) {
      emu.clearLog();
      emu.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: [status], scope: ['request'], methods: ['POST'], pathPattern: '/members$' });
      const added = await directory.addTeamMember(alver.id, user.id);
      expect(added, String(status)).toMatchObject({ id: user.id, role: 'steward' });
      // The POST is not sent again; the member list answers.
      expect(
        outerRequests(emu).map((e) => `${e.method} ${e.status}`),
        String(status),
      ).toEqual([`POST ${status}`, 'GET 200']);
    }
    expect(await directory.teamMembers(alver.id)).toHaveLength(count + 3);
  });
});
