/**
 * Exactly once, whatever the network does (issue 10): every create path of the repository, over
 * the real Graph client to the emulator, when the server commits and then the answer is lost or
 * replaced by a 504, when it refuses before committing (503, 429), and when two creates with the
 * same key race. Each create must leave exactly one item with its key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClientAs, sharePointRestAs } from '../../emulator/app-client';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import type { RunningEmulator } from '../../emulator/server';
import { SharePointPlanRepository } from '../../src/adapters/sharepoint/plan-repository';
import type { PlanSnapshot } from '../../src/domain/plan';
import { fieldEquals, withQuery } from '../../src/graph/odata';
import { newGoal } from '../support/factories';
import { emulator, team } from './support';

let emu: RunningEmulator;
const alver = team('alver');
const board = alver.owners[0] as string;
let snapshot: PlanSnapshot;

function repoOf(upn = board) {
  const graph = graphClientAs(emu, upn, { retryDelaySeconds: 0.05, maxRetries: 3 });
  return { graph, repo: new SharePointPlanRepository(graph, alver.id, { sharePoint: sharePointRestAs(emu, upn), retryDelayMs: () => 20 }) };
}

/** How many items of a list carry this ClientId. */
async function countKey(listKey: string, clientId: string): Promise<number> {
  const { graph, repo } = repoOf();
  const listId = (await repo.health()).lists.find((l) => l.key === listKey)?.listId;
  const site = await graph.get<{ id: string }>(`/groups/${alver.id}/sites/root?$select=id`);
  const items = await graph.getAll(withQuery(`/sites/${site.id}/lists/${listId}/items`, { filter: fieldEquals('ClientId', clientId), expand: 'fields' }));
  return items.length;
}

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, alver, '2026-11-23');
  snapshot = (await repoOf().repo.load()) as PlanSnapshot;
});
afterAll(async () => {
  await emu.close();
});

const ITEM_POST = '^/sites/[^/]+/lists/[^/]+/items$';

/** Every create path, each with its own key. */
function creates(tag: string) {
  const { repo } = repoOf();
  const plan = snapshot.plan;
  const area = snapshot.areas[0];
  const goal = snapshot.goals[0];
  if (!area || !goal) throw new Error('no plan');
  return [
    { list: 'areas', key: `${tag}-area`, run: () => repo.createArea({ planId: plan.id, number: 99, title: `Område ${tag}`, nationalGoals: [], strategies: [], clientId: `${tag}-area` }) },
    { list: 'goals', key: `${tag}-goal`, run: () => repo.createGoal({ ...newGoal({ planId: plan.id, areaId: area.id, text: `Mål ${tag}` }), clientId: `${tag}-goal` }) },
    { list: 'situation', key: `${tag}-situation`, run: () => repo.createSituationRow({ planId: plan.id, area: `Rad ${tag}`, now: '', shortTerm: '', longTerm: '', sortOrder: 99, clientId: `${tag}-situation` }) },
    { list: 'checkIns', key: `${tag}-checkin`, run: () => repo.addCheckIn({ planId: plan.id, goalId: goal.id, date: '2026-11-30', value: null, comment: tag, clientId: `${tag}-checkin` }) },
    { list: 'comments', key: `${tag}-comment`, run: () => repo.addComment({ planId: plan.id, goalId: goal.id, text: `Kommentar ${tag}`, clientId: `${tag}-comment` }) },
  ] as const;
}

describe('exactly-once creates', () => {
  it.each([
    ['the server commits, then answers 504', [504]],
    ['the server commits, then the answer is lost (no response)', [0]],
  ])('should store each create once when %s', async (_how, statuses) => {
    const tag = `lost-${statuses[0]}`;
    for (const create of creates(tag)) {
      emu.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: statuses, scope: ['request'], methods: ['POST'], pathPattern: ITEM_POST });
      const made = await create.run();
      emu.setFaults({});
      expect(made, create.list).toBeTruthy();
      expect(await countKey(create.list, create.key), create.list).toBe(1);
    }
  });

  it('should look for the key before creating again after a 503, and not let the SDK resend the POST blindly', async () => {
    const { repo } = repoOf();
    emu.clearLog();
    emu.setFaults({ failureRate: 1, failCount: 1, failureStatuses: [503], scope: ['request'], methods: ['POST'], pathPattern: ITEM_POST });
    const made = await repo.addCheckIn({ planId: snapshot.plan.id, goalId: snapshot.goals[1]?.id as string, date: '2026-11-30', value: 1, comment: '503', clientId: 'refused-503' });
    emu.setFaults({});
    const log = emu.requestLog().filter((e) => /\/items(\?|$)/.test(e.path));
    // POST (503, not committed) → GET by key (none) → POST (201); never two POSTs in a row.
    expect(log.map((e) => `${e.method} ${e.status}`)).toEqual(['POST 503', 'GET 200', 'POST 201']);
    expect(made.clientId).toBe('refused-503');
    expect(await countKey('checkIns', 'refused-503')).toBe(1);
  });

  it('should let the SDK resend a create refused with 429 (throttled before it ran), honouring Retry-After', async () => {
    const { repo } = repoOf();
    emu.clearLog();
    emu.setFaults({ failureRate: 1, failCount: 1, failureStatuses: [429], retryAfterSeconds: 1, scope: ['request'], methods: ['POST'], pathPattern: ITEM_POST });
    const started = Date.now();
    await repo.addComment({ planId: snapshot.plan.id, goalId: snapshot.goals[1]?.id as string, text: 'throttled', clientId: 'throttled-429' });
    emu.setFaults({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(emu.requestLog().filter((e) => /\/items(\?|$)/.test(e.path)).map((e) => `${e.method} ${e.status}`)).toEqual(['POST 429', 'POST 201']);
    expect(await countKey('comments', 'throttled-429')).toBe(1);
  });

  it('should store one item when two creates with the same key race, and give both callers that item', async () => {
    const { repo } = repoOf();
    const other = repoOf(alver.owners[1] as string).repo;
    const checkIn = { planId: snapshot.plan.id, goalId: snapshot.goals[2]?.id as string, date: '2026-11-30', value: 2, comment: 'race', clientId: 'race-1' };
    const results = await Promise.all([repo.addCheckIn(checkIn), other.addCheckIn(checkIn), repo.addCheckIn(checkIn)]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await countKey('checkIns', 'race-1')).toBe(1);
    const goals = await Promise.all([1, 2].map(() => repo.createGoal({ ...newGoal({ planId: snapshot.plan.id, areaId: snapshot.areas[0]?.id as string, text: 'Race' }), clientId: 'race-goal' })));
    expect(goals[0]?.id).toBe(goals[1]?.id);
    expect(await countKey('goals', 'race-goal')).toBe(1);
  });

  it('should still load the plan when the whole $batch of reads is refused once (reads are safe to resend)', async () => {
    const { repo } = repoOf();
    emu.setFaults({ failureRate: 1, failCount: 1, failureStatuses: [503], scope: ['batch'] });
    const loaded = await repo.load();
    emu.setFaults({});
    expect(loaded?.plan.id).toBe(snapshot.plan.id);
  });

  it('should give every create a key when the caller gives none', async () => {
    const { repo } = repoOf();
    const goal = await repo.createGoal(newGoal({ planId: snapshot.plan.id, areaId: snapshot.areas[0]?.id as string, text: 'Uten nøkkel' }));
    expect(goal.clientId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('unique keys in older lists', () => {
  it('should make an existing ClientId column unique on repair, and leave it (reported) while duplicates exist', async () => {
    const local = await emulator();
    try {
      const asker = team('asker');
      const graph = graphClientAs(local, asker.owners[0] as string);
      const repo = new SharePointPlanRepository(graph, asker.id);
      await repo.provision();
      const site = await graph.get<{ id: string }>(`/groups/${asker.id}/sites/root?$select=id`);
      const lists = (await repo.health()).lists;
      const column = async (key: string) => {
        const listId = lists.find((l) => l.key === key)?.listId;
        const cols = await graph.get<{ value: Array<{ id: string; name: string; enforceUniqueValues: boolean }> }>(`/sites/${site.id}/lists/${listId}/columns`);
        return { listId, col: cols.value.find((c) => c.name === 'ClientId') };
      };
      // As an older version left them: not unique; in comments, two items already share a key.
      for (const key of ['checkIns', 'comments']) {
        const { listId, col } = await column(key);
        await graph.patch(`/sites/${site.id}/lists/${listId}/columns/${col?.id}`, { enforceUniqueValues: false });
      }
      const comments = await column('comments');
      for (let i = 0; i < 2; i++) await graph.post(`/sites/${site.id}/lists/${comments.listId}/items`, { fields: { Title: 'x', ClientId: 'same' } });
      expect((await repo.health()).lists.filter((l) => l.state === 'outdated').map((l) => l.key).sort()).toEqual(['checkIns', 'comments']);
      await repo.provision();
      expect((await column('checkIns')).col?.enforceUniqueValues).toBe(true);
      expect((await column('comments')).col?.enforceUniqueValues).toBe(false);
      expect((await repo.health()).lists.filter((l) => l.state === 'outdated').map((l) => l.key)).toEqual(['comments']);
    } finally {
      await local.close();
    }
  });
});
