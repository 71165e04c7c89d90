/**
 * The roster directory's own rules (src/adapters/teams/graph-directory.ts), against a recording
 * stand-in for GraphApi: how addresses become look-ups (normalised, at most 15 a filter, quotes and
 * `#` escaped, over-long ones not sent), which user an address means (sign-in name before mail), the
 * pages it follows, and how adding a member turns Graph's answers into results and errors. Its
 * behaviour against the emulator is in tests/integration/roster-directory.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ADDRESSES_PER_LOOKUP, GraphDirectory, MAX_ADDRESS_LENGTH } from '../../src/adapters/teams/graph-directory';
import { AccessDeniedError, NotFoundError, normaliseAddress } from '../../src/domain/ports';
import type { BatchResult, BatchStep, GraphApi, Page } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';

interface FakeUser {
  id: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string;
}

/** The values of `property in ('a','b')` in a step's `$filter`. */
function filterOf(step: BatchStep): { property: string; values: string[] } {
  const filter = new URLSearchParams(step.url.slice(step.url.indexOf('?') + 1)).get('$filter') ?? '';
  const m = /^(\w+) in \((.*)\)$/.exec(filter);
  if (!m) throw new Error(`unexpected filter ${filter}`);
  const values = [...(m[2] ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((v) => (v[1] ?? '').replace(/''/g, "'"));
  return { property: m[1] ?? '', values };
}

interface Fake {
  graph: GraphApi;
  batches: BatchStep[][];
  posts: Array<{ path: string; body: unknown }>;
}

function fake(users: FakeUser[], options: { failStep?: (step: BatchStep) => BatchResult | undefined; post?: () => Promise<unknown>; members?: unknown[]; nextPage?: FakeUser[] } = {}): Fake {
  const batches: BatchStep[][] = [];
  const posts: Array<{ path: string; body: unknown }> = [];
  const graph = {
    baseUrl: 'https://graph.example/v1.0',
    batch: async (steps: readonly BatchStep[]) => {
      batches.push([...steps]);
      const out = new Map<string, BatchResult>();
      for (const step of steps) {
        const failed = options.failStep?.(step);
        if (failed) {
          out.set(step.id, failed);
          continue;
        }
        const { property, values } = filterOf(step);
        const wanted = new Set(values.map((v) => v.toLowerCase()));
        const value = users.filter((u) => wanted.has(String(u[property as keyof FakeUser] ?? '').toLowerCase()));
        const page: Page<FakeUser> = options.nextPage ? { value, '@odata.nextLink': 'https://graph.example/next' } : { value };
        out.set(step.id, { id: step.id, status: 200, body: page, headers: {} });
      }
      return out;
    },
    continuePages: async <T,>(first: Page<T>) => [...first.value, ...((first['@odata.nextLink'] ? options.nextPage : []) as T[])],
    post: async (path: string, body: unknown) => {
      posts.push({ path, body });
      return (options.post ?? (async () => ({ roles: [], displayName: 'Ny', userId: 'u-1', email: 'ny@x.example' })))();
    },
    getAll: async () => options.members ?? [],
  } as unknown as GraphApi;
  return { graph, batches, posts };
}

const user = (id: string, mail: string | null, upn: string, displayName: string | null = id): FakeUser => ({ id, displayName, mail, userPrincipalName: upn });

describe('findUsersByAddress', () => {
  it('should normalise and de-duplicate addresses, 15 a filter, mail and UPN in separate steps of one batch call', async () => {
    const f = fake([]);
    const addresses = [...Array.from({ length: 31 }, (_, i) => ` Person.${i}@X.example `), 'person.0@x.example', '', '  '];
    await new GraphDirectory(f.graph).findUsersByAddress(addresses);
    expect(f.batches).toHaveLength(1);
    const steps = f.batches[0] ?? [];
    expect(steps.map((s) => s.id)).toEqual(['userPrincipalName-0', 'mail-0', 'userPrincipalName-1', 'mail-1', 'userPrincipalName-2', 'mail-2']);
    expect(steps.map((s) => filterOf(s).values.length)).toEqual([15, 15, 15, 15, 1, 1]);
    expect(filterOf(steps[0] as BatchStep).values[0]).toBe('person.0@x.example');
    expect(new Set(steps.flatMap((s) => filterOf(s).values)).size).toBe(31);
    for (const s of steps) {
      expect(s.method).toBe('GET');
      expect(s.url).toMatch(/^\/users\?\$filter=[^&]+&\$select=id,displayName,mail,userPrincipalName$/);
    }
    expect(ADDRESSES_PER_LOOKUP).toBe(15);
  });

  it('should double a quote inside a value and percent-encode # and &, and send no value over 120 characters', async () => {
    const f = fake([]);
    const long = `${'a'.repeat(MAX_ADDRESS_LENGTH - '@x.example'.length + 1)}@x.example`;
    const limit = `${'b'.repeat(MAX_ADDRESS_LENGTH - '@x.example'.length)}@x.example`;
    await new GraphDirectory(f.graph).findUsersByAddress(["o'neil@x.example", 'guest_x.example#EXT#@t.example', 'a&b@x.example', long, limit]);
    const step = f.batches[0]?.[0] as BatchStep;
    expect(step.url).not.toMatch(/[#&](?!\$select)/);
    expect(step.url).toContain("('o''neil%40x.example'%2C'guest_x.example%23ext%23%40t.example'%2C'a%26b%40x.example'%2C");
    expect(filterOf(step).values).toEqual(["o'neil@x.example", 'guest_x.example#ext#@t.example', 'a&b@x.example', limit]);
    expect(MAX_ADDRESS_LENGTH).toBe(120);
  });

  it('should key users by the normalised address, prefer the sign-in name over another user’s mail, and name a user without a display name', async () => {
    const users = [
      user('a', 'shared@x.example', 'a@t.example'),
      user('b', 'b@x.example', 'shared@x.example'),
      user('c', 'C@X.example', 'c@t.example', null),
      user('d', null, 'd@t.example', null),
    ];
    const found = await new GraphDirectory(fake(users).graph).findUsersByAddress(['SHARED@x.example', 'c@x.example', 'D@t.example', 'none@x.example']);
    expect([...found.entries()]).toEqual([
      ['shared@x.example', { id: 'b', displayName: 'b', mail: 'b@x.example', userPrincipalName: 'shared@x.example' }],
      ['c@x.example', { id: 'c', displayName: 'C@X.example', mail: 'C@X.example', userPrincipalName: 'c@t.example' }],
      ['d@t.example', { id: 'd', displayName: 'd@t.example', mail: null, userPrincipalName: 'd@t.example' }],
    ]);
    expect(normaliseAddress('  A@B.Example ')).toBe('a@b.example');
  });

  it('should follow a step’s further pages, and throw a step’s error', async () => {
    const more = user('m', 'more@x.example', 'more@t.example');
    const paged = await new GraphDirectory(fake([], { nextPage: [more] }).graph).findUsersByAddress(['more@x.example']);
    expect(paged.get('more@x.example')?.id).toBe('m');
    const denied = { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }, headers: {} };
    const failing = fake([], { failStep: (s) => (s.id.startsWith('mail') ? { id: s.id, ...denied } : undefined) });
    const error = await new GraphDirectory(failing.graph).findUsersByAddress(['x@x.example']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
  });

  it('should send nothing for no addresses', async () => {
    const f = fake([]);
    expect((await new GraphDirectory(f.graph).findUsersByAddress([])).size).toBe(0);
    expect(f.batches).toEqual([]);
  });
});

describe('addTeamMember', () => {
  const graphError = (status: number, code = 'x') => new GraphRequestError(status, code, 'failed');

  it('should POST one aadUserConversationMember with no roles and a users(...) bind, quote doubled, and map the answer', async () => {
    const f = fake([], { post: async () => ({ roles: [], displayName: null, email: 'o@x.example' }) });
    const member = await new GraphDirectory(f.graph).addTeamMember('team/1', "o'id");
    expect(f.posts).toEqual([
      {
        path: '/teams/team%2F1/members',
        body: { '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: [], 'user@odata.bind': "https://graph.microsoft.com/v1.0/users('o''id')" },
      },
    ]);
    // No userId in the answer: the id asked for; no display name: the e-mail.
    expect(member).toEqual({ id: "o'id", displayName: 'o@x.example', email: 'o@x.example', role: 'steward' });
    const owner = await new GraphDirectory(fake([], { post: async () => ({ roles: ['owner'], displayName: 'Eier', userId: 'u-2', email: '' }) }).graph).addTeamMember('t', 'u-2');
    expect(owner).toEqual({ id: 'u-2', displayName: 'Eier', email: null, role: 'board' });
  });

  it('should turn 403 into AccessDeniedError and 404 into NotFoundError, without reading the members', async () => {
    for (const [status, type] of [
      [403, AccessDeniedError],
      [404, NotFoundError],
    ] as const) {
      const f = fake([], {
        post: async () => {
          throw graphError(status);
        },
        members: [{ roles: [], displayName: 'X', userId: 'u-1', email: null }],
      });
      const error = await new GraphDirectory(f.graph).addTeamMember('t', 'u-1').catch((e: unknown) => e);
      expect(error, String(status)).toBeInstanceOf(type);
      expect(f.posts).toHaveLength(1);
    }
  });

  it('should take the member list’s word after a conflict, and give the refusal back when the user is not there', async () => {
    const inTeam = fake([], {
      post: async () => {
        throw graphError(409, 'Conflict');
      },
      members: [{ roles: [], displayName: 'Y', userId: 'U-1', email: 'y@x.example' }],
    });
    expect(await new GraphDirectory(inTeam.graph).addTeamMember('t', 'u-1')).toEqual({ id: 'U-1', displayName: 'Y', email: 'y@x.example', role: 'steward' });
    expect(inTeam.posts).toHaveLength(1);
    const absent = fake([], {
      post: async () => {
        throw graphError(400, 'BadRequest');
      },
    });
    expect(await new GraphDirectory(absent.graph).addTeamMember('t', 'u-1').catch((e: unknown) => e)).toMatchObject({ status: 400, code: 'BadRequest' });
    const other = fake([], {
      post: async () => {
        throw new Error('boom');
      },
    });
    expect(await new GraphDirectory(other.graph).addTeamMember('t', 'u-1').catch((e: unknown) => (e as Error).message)).toBe('boom');
  });
});
