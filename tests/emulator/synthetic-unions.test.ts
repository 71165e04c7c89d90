/**
 * Synthetic unions (`startEmulator({ syntheticUnions: N })`, emulator/seed/synthetic-unions.ts): N
 * teams besides the demo teams, each set up as a demo team is: listed by `/teams`, its channels,
 * owners and members, the Handlingsplan app installed, its site readable by the app through its
 * Sites.Selected grant and by its members, not by others. Ids are stable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOT_APP_ID, DEMO_REMINDER_CHANNEL_NAME, DEMO_TEAMS, DEMO_TEAMS_APP_EXTERNAL_ID, demoPerson } from '../../emulator/seed/demo-tenant.ts';
import { MAX_SYNTHETIC_UNIONS, syntheticUnion, syntheticUnions } from '../../emulator/seed/synthetic-unions.ts';
import { PER, startTestEmulator, type Collection, type GraphResult, type TestEmulator } from './support.ts';

type Obj = Record<string, unknown>;

const COUNT = 25;
const unions = syntheticUnions(COUNT);
const APP = { Authorization: `Bearer dev-app:${DEMO_BOT_APP_ID};aud=https://graph.microsoft.com` };

let t: TestEmulator;

function asApp<T = Obj>(path: string): Promise<GraphResult<T>> {
  return t.call<T>('GET', path, { as: null, headers: APP });
}

/** Every page of a collection, as the app. */
async function all(path: string): Promise<Obj[]> {
  const out: Obj[] = [];
  for (let next: string | undefined = path; next; ) {
    const page: GraphResult<Collection> = await asApp<Collection>(next);
    expect(page.status, next).toBe(200);
    out.push(...page.body.value);
    next = page.body['@odata.nextLink'];
  }
  return out;
}

beforeAll(async () => {
  t = await startTestEmulator({ seed: 'empty', syntheticUnions: COUNT });
});
afterAll(async () => {
  await t.close();
});

describe('synthetic unions', () => {
  it('are listed by /teams after the demo teams', async () => {
    const teams = await all('/teams?$select=id,displayName');
    expect(teams).toEqual([...DEMO_TEAMS, ...unions].map((u) => ({ id: u.id, displayName: u.displayName })));
    expect(unions[6]?.displayName).toBe('Fagforbundet Lokallag 007');
  });

  it('each has a General and a Påminnelser channel, the app installed, and a demo team’s board and stewards', async () => {
    for (const union of [unions[0], unions[1], unions[COUNT - 1]]) {
      if (!union) throw new Error('no union');
      const channels = await all(`/teams/${union.id}/channels`);
      expect(channels.map((c) => [c.id, c.displayName])).toEqual([
        [union.internalId, 'General'],
        [union.reminderChannelId, DEMO_REMINDER_CHANNEL_NAME],
      ]);
      const installed = await all(`/teams/${union.id}/installedApps?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/externalId eq '${DEMO_TEAMS_APP_EXTERNAL_ID}'`)}`);
      expect(installed, union.displayName).toHaveLength(1);
      const members = await all(`/teams/${union.id}/members`);
      expect(members.map((m) => m.userId).sort()).toEqual([...union.owners, ...union.members].map((upn) => demoPerson(upn).id).sort());
      expect(members.filter((m) => (m.roles as string[]).includes('owner')).map((m) => m.userId).sort()).toEqual(union.owners.map((upn) => demoPerson(upn).id).sort());
    }
  });

  it('the app reads each union’s site through its Sites.Selected grant; its owner does, a non-member does not', async () => {
    for (const union of unions) {
      const site = await asApp(`/groups/${union.id}/sites/root`);
      expect(site.status, union.displayName).toBe(200);
      expect(site.body.id).toBe(union.siteId);
      const lists = await asApp<Collection>(`/sites/${union.siteId}/lists`);
      expect(lists.status, union.displayName).toBe(200);
      expect(lists.body.value.map((l) => l.displayName)).toEqual(['Documents']);
    }
    const union = unions[3] as (typeof unions)[number];
    expect((await t.call('GET', `/sites/${union.siteId}/lists`, { as: union.owners[0] as string })).status).toBe(200);
    expect((await t.call('GET', `/sites/${union.siteId}/lists`, { as: PER })).status).toBe(403);
  });

  it('have stable, distinct ids, and none unless asked for', async () => {
    expect(syntheticUnions(COUNT)).toEqual(unions);
    const every = syntheticUnions(MAX_SYNTHETIC_UNIONS);
    for (const key of ['id', 'siteId', 'siteName', 'internalId', 'reminderChannelId', 'workflowWebhookId'] as const) {
      expect(new Set([...DEMO_TEAMS, ...every].map((u) => u[key])).size, key).toBe(DEMO_TEAMS.length + MAX_SYNTHETIC_UNIONS);
    }
    expect(() => syntheticUnion(0)).toThrow();
    expect(() => syntheticUnions(MAX_SYNTHETIC_UNIONS + 1)).toThrow();
    const plain = await startTestEmulator({ seed: 'empty' });
    try {
      const teams = await plain.call<Collection>('GET', '/teams', { as: null, headers: APP });
      expect(teams.body.value.map((x) => x.id)).toEqual(DEMO_TEAMS.map((d) => d.id));
    } finally {
      await plain.close();
    }
  });
});
