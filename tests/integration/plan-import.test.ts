/**
 * The plan importer over the real Graph client against the in-process emulator: a new import,
 * failures at every write of the way (load() shows the old plan or none, never a part; pending
 * plan items stay invisible; no extra list ever appears), a retry with the same importId that
 * completes without duplicates, replace, merge, and two imports into one team at once.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { SharePointPlanImporter, pendingState } from '../../src/adapters/sharepoint/plan-import';
import { SiteListsManager } from '../../src/adapters/sharepoint/site-lists';
import type { ListKey } from '../../src/adapters/sharepoint/schema';
import type { ListItem } from '../../src/adapters/sharepoint/mappers';
import { PlanAppearedError, isKeyOfImport, type PlanImportInput, type ImportMode } from '../../src/domain/plan-import';
import type { PlanSnapshot } from '../../src/domain/plan';
import type { GraphApi } from '../../src/graph/client';
import { GraphRequestError } from '../../src/graph/errors';
import { withQuery } from '../../src/graph/odata';
import type { PlanDraft } from '../../src/import/draft';
import { draftToPlan } from '../../src/import/to-plan';
import { emulator, repoAs, team } from './support';

const alver = team('alver');
const asker = team('asker');
const sorVaranger = team('sor-varanger');
const truth = (key: string) => JSON.parse(readFileSync(new URL(`../../fixtures/plans/${key}.truth.json`, import.meta.url), 'utf8')) as PlanDraft;

function inputFrom(draft: PlanDraft, mode: ImportMode, importId = randomUUID()): PlanImportInput {
  const entities = draftToPlan(draft, { fallbackUnion: 'Test', fallbackPeriod: { from: 2026, to: 2027 } });
  return { importId, mode, plan: entities.plan, areas: entities.areas, situation: entities.situation };
}

const goalCount = (input: PlanImportInput) => input.areas.reduce((n, a) => n + a.goals.length, 0);

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await emulator();
  await seedTeamPlan(emu, sorVaranger, '2026-11-23');
});

afterAll(async () => {
  await emu.close();
});

function clients(teamId: string, upn: string, on: RunningEmulator = emu) {
  const { graph, repo } = repoAs(on, upn, teamId, { maxRetries: 0 });
  return { graph, repo, importer: new SharePointPlanImporter(graph, teamId) };
}

/** The lists the app makes; an import never adds one. */
const APP_LISTS = [
  'Bekreftelser fra tillitsvalgte',
  'Handlingsplan',
  'Innrapporteringer',
  'Kanalvarsler',
  'Kommentarer til mål',
  'Lokale mål',
  'Nåsituasjon og utfordringer',
  'Påminnelseslogg',
  'Satsingsområder',
  'Tillitsvalgte',
];

/** Every item of a list, straight from SharePoint. */
async function rawItems(graph: GraphApi, teamId: string, key: ListKey): Promise<ListItem[]> {
  const site = new SiteListsManager(graph, teamId);
  const { siteId, lists } = await site.locate();
  const list = lists.get(key);
  if (!list) return [];
  return graph.getAll<ListItem>(withQuery(`/sites/${siteId}/lists/${list.id}/items`, { expand: 'fields', top: 5000 }));
}

async function siteListNames(graph: GraphApi, teamId: string): Promise<string[]> {
  const { siteId } = await new SiteListsManager(graph, teamId).locate();
  const all = await graph.getAll<{ displayName: string }>(`/sites/${siteId}/lists?$select=displayName`);
  return all.map((l) => l.displayName).filter((name) => name !== 'Documents').sort();
}

/**
 * A Graph client that lets `writes` write calls (POST, PATCH, DELETE, or a $batch with a write)
 * through and then makes the emulator fail every request, as if the network went away half-way.
 */
function cutAfter(graph: GraphApi, writes: number): GraphApi {
  return cutOn(emu, graph, writes);
}

function cutOn(on: RunningEmulator, graph: GraphApi, writes: number): GraphApi {
  let seen = 0;
  const tick = () => {
    seen++;
    if (seen > writes) on.setFaults({ failureRate: 1, failureStatuses: [500] });
  };
  return {
    ...graph,
    post: (path, body, o) => (tick(), graph.post(path, body, o)),
    patch: (path, body, o) => (tick(), graph.patch(path, body, o)),
    delete: (path, o) => (tick(), graph.delete(path, o)),
    batch: (steps) => {
      if (steps.some((s) => s.method !== 'GET')) tick();
      return graph.batch(steps);
    },
  };
}

/** A Graph client that runs `meanwhile` (another person's work) once, right after its `writes`-th write call completed. */
function interleave(graph: GraphApi, writes: number, meanwhile: () => Promise<unknown>): GraphApi {
  let seen = 0;
  const after = async <T>(result: T): Promise<T> => {
    if (++seen === writes) await meanwhile();
    return result;
  };
  return {
    ...graph,
    post: async (path, body, o) => after(await graph.post(path, body, o)),
    patch: async (path, body, o) => after(await graph.patch(path, body, o)),
    delete: async (path, o) => after(await graph.delete(path, o)),
    batch: async (steps) => {
      const results = await graph.batch(steps);
      return steps.some((s) => s.method !== 'GET') ? after(results) : results;
    },
  };
}

/** Items in any list written by the import with this id. */
async function itemsOf(graph: GraphApi, teamId: string, importId: string): Promise<ListItem[]> {
  const all = await Promise.all((['plans', 'areas', 'goals', 'situation'] as const).map((key) => rawItems(graph, teamId, key)));
  return all.flat().filter((i) => isKeyOfImport(String(i.fields?.ClientId ?? ''), importId));
}

/** The plan as load() shows it, compared with the input: areas, goal texts and situation rows. */
function expectShows(snapshot: PlanSnapshot | null, input: PlanImportInput) {
  expect(snapshot).not.toBeNull();
  if (!snapshot) return;
  expect(snapshot.plan).toMatchObject({ union: input.plan.union, periodFrom: input.plan.periodFrom, periodTo: input.plan.periodTo });
  expect(snapshot.areas.map((a) => a.title)).toEqual(input.areas.map((a) => a.area.title));
  expect([...snapshot.goals].sort((a, b) => a.sortOrder - b.sortOrder).map((g) => g.text)).toEqual(input.areas.flatMap((a) => a.goals.map((g) => g.text)));
  expect(snapshot.situation.map((r) => r.area)).toEqual(input.situation.map((r) => r.area));
  expect(snapshot.issues).toEqual([]);
}

async function expectNoDuplicates(graph: GraphApi, teamId: string) {
  for (const key of ['plans', 'areas', 'goals', 'situation'] as const) {
    const ids = (await rawItems(graph, teamId, key)).map((i) => String(i.fields?.ClientId ?? `none-${i.id}`));
    expect(new Set(ids).size, key).toBe(ids.length);
  }
}

describe('SharePointPlanImporter', () => {
  it('imports a plan into a team that has none, into the app\'s own lists only', async () => {
    const { graph, repo, importer } = clients(alver.id, alver.owners[0] as string);
    expect(await repo.load()).toBeNull();
    const input = inputFrom(truth('alver'), 'replace');
    const phases = new Set<string>();
    const result = await importer.importPlan(input, (p) => phases.add(p.phase));
    expect(result).toMatchObject({ applied: 'new', areasAdded: input.areas.length, goalsAdded: goalCount(input), situationAdded: input.situation.length, resumed: false });
    expect([...phases]).toEqual(['preparing', 'writing', 'publishing', 'cleaning']);
    const snapshot = await repo.load();
    expectShows(snapshot, input);
    expect(snapshot?.plan.id).toBe(result.planId);
    expect(await siteListNames(graph, alver.id)).toEqual(APP_LISTS);
    const plans = await rawItems(graph, alver.id, 'plans');
    expect(plans.map((p) => [p.id, p.fields?.ImportState ?? '', p.fields?.PeriodFrom])).toEqual([[result.planId, '', input.plan.periodFrom]]);
    const goal = snapshot?.goals.find((g) => g.kind === 'recurring');
    expect(goal?.recurrence?.count).toBeGreaterThan(0);
  });

  it('into an empty team: a failure at any write shows no plan; a retry with the same importId completes once', async () => {
    const board = asker.owners[0] as string;
    const input = inputFrom(truth('asker'), 'replace');
    let failures = 0;
    // Each attempt gets one write call further than the last (the first none at all), then the
    // network fails: every cut point of the way is hit once, each resumed by the next attempt.
    for (let attempt = 0; ; attempt++) {
      const { graph, repo } = clients(asker.id, board);
      const importer = new SharePointPlanImporter(cutAfter(graph, attempt === 0 ? 0 : 1), asker.id);
      let failed = false;
      try {
        await importer.importPlan(input);
      } catch {
        failed = true;
      } finally {
        emu.setFaults({});
      }
      if (!failed) break;
      failures++;
      // Until the last write, nobody sees a plan; after it, the whole plan.
      const shown = await repo.load();
      if (shown) expectShows(shown, input);
      else {
        // What is written so far waits behind a pending plan item.
        const plans = await rawItems(graph, asker.id, 'plans');
        expect(plans.every((p) => p.fields?.ImportState === pendingState(input.importId))).toBe(true);
      }
      // No list but the app's own ever appears (no staging list, no renamed list).
      expect(APP_LISTS).toEqual(expect.arrayContaining(await siteListNames(graph, asker.id)));
      expect(failures).toBeLessThan(40);
    }
    // Cut before: provisioning, the plan item, the areas, the goals and situation rows, the publishing write.
    expect(failures).toBeGreaterThanOrEqual(4);
    const { graph, repo, importer } = clients(asker.id, board);
    expectShows(await repo.load(), input);
    await expectNoDuplicates(graph, asker.id);
    expect((await rawItems(graph, asker.id, 'goals')).length).toBe(goalCount(input));
    expect((await rawItems(graph, asker.id, 'plans')).length).toBe(1);
    expect(await siteListNames(graph, asker.id)).toEqual(APP_LISTS);
    // Once more with the same id: nothing new is written.
    const again = await importer.importPlan(input);
    expect(again).toMatchObject({ resumed: true, goalsAdded: 0, areasAdded: 0 });
    expect((await rawItems(graph, asker.id, 'goals')).length).toBe(goalCount(input));
  });

  it('replace: a failure half-way keeps the old plan visible; the retry shows the new plan and removes the old', async () => {
    const board = sorVaranger.owners[0] as string;
    const { graph, repo } = clients(sorVaranger.id, board);
    const old = await repo.load();
    expect(old).not.toBeNull();
    if (!old) return;
    const oldCheckIns = (await rawItems(graph, sorVaranger.id, 'checkIns')).length;
    expect(oldCheckIns).toBeGreaterThan(0);

    const input = inputFrom(truth('alver'), 'replace');
    // Partial batches: half of the requests fail while the goals are written.
    const flaky = cutAfter(graph, 2);
    // Both fail on the emulator's injected 500s, as typed Graph errors (not a TypeError or the like).
    const serverError = { name: 'GraphRequestError', status: 500 };
    const cutShort = new SharePointPlanImporter(flaky, sorVaranger.id).importPlan(input);
    await expect(cutShort).rejects.toBeInstanceOf(GraphRequestError);
    await expect(cutShort).rejects.toMatchObject(serverError);
    emu.setFaults({ failureRate: 0.5, failureStatuses: [500], randomSeed: 3 });
    const halfFailing = new SharePointPlanImporter(graph, sorVaranger.id).importPlan(input);
    await expect(halfFailing).rejects.toBeInstanceOf(GraphRequestError);
    await expect(halfFailing).rejects.toMatchObject(serverError);
    emu.setFaults({});
    const during = await repo.load();
    // The new plan item is there, pending, and load() does not show it.
    const pending = (await rawItems(graph, sorVaranger.id, 'plans')).filter((p) => p.fields?.ImportState === pendingState(input.importId));
    expect(pending).toHaveLength(1);
    expect(during?.plan.id).toBe(old.plan.id);
    expect(during?.goals.length).toBe(old.goals.length);
    expect(during?.areas.map((a) => a.title)).toEqual(old.areas.map((a) => a.title));

    const result = await new SharePointPlanImporter(graph, sorVaranger.id).importPlan(input);
    expect(result).toMatchObject({ applied: 'replace', resumed: true });
    expect(result.itemsRemoved).toBeGreaterThan(old.goals.length);
    expectShows(await repo.load(), input);
    await expectNoDuplicates(graph, sorVaranger.id);
    for (const key of ['areas', 'goals', 'situation', 'checkIns', 'comments'] as const) {
      const stray = (await rawItems(graph, sorVaranger.id, key)).filter((i) => i.fields?.PlanId !== result.planId);
      expect(stray, key).toEqual([]);
    }
    expect((await rawItems(graph, sorVaranger.id, 'plans')).map((p) => p.id)).toEqual([result.planId]);
  });

  it('merge: adds only new goals, appends new areas and situation rows, and a retry adds nothing', async () => {
    const board = alver.owners[0] as string;
    const { graph, repo, importer } = clients(alver.id, board);
    const before = await repo.load();
    if (!before) throw new Error('alver has a plan from the first test');
    const draft = truth('alver');
    const first = draft.areas[0];
    if (!first) throw new Error('no area');
    const merged: PlanDraft = {
      ...draft,
      situation: [...draft.situation, { area: 'Ny utfordring', now: 'Nå', shortTerm: 'Kort', longTerm: 'Lang' }],
      areas: [
        // Same number, goal texts in other case and spacing: nothing new but the one added goal.
        { ...first, localGoals: [...first.localGoals.map((g) => ({ ...g, text: `  ${g.text.toUpperCase()} ` })), { nationalGoal: null, text: 'Eit heilt nytt mål om 3 nye klubbar innan 2027' }] },
        { number: 42, title: 'Lokalt satsingsområde', nationalGoals: [], strategies: [], localGoals: [{ nationalGoal: null, text: 'Medlemsmøte i kvar kommune' }] },
      ],
    };
    const input = inputFrom(merged, 'merge');
    const result = await importer.importPlan(input);
    expect(result).toMatchObject({ applied: 'merge', planId: before.plan.id, areasAdded: 1, goalsAdded: 2, goalsSkipped: first.localGoals.length, situationAdded: 1 });
    const after = await repo.load();
    expect(after?.plan.id).toBe(before.plan.id);
    expect(after?.goals.length).toBe(before.goals.length + 2);
    expect(after?.areas.map((a) => a.title)).toEqual([...before.areas.map((a) => a.title), 'Lokalt satsingsområde']);
    const added = after?.goals.find((g) => g.text.startsWith('Eit heilt nytt mål'));
    expect(added?.areaId).toBe(before.areas.find((a) => a.number === first.number)?.id);
    expect(added?.sortOrder).toBeGreaterThan(Math.max(...before.goals.map((g) => g.sortOrder)));
    expect(after?.situation.map((r) => r.area).at(-1)).toBe('Ny utfordring');

    const again = await importer.importPlan(input);
    expect(again).toMatchObject({ goalsAdded: 0, areasAdded: 0, situationAdded: 0 });
    expect((await repo.load())?.goals.length).toBe(before.goals.length + 2);
    await expectNoDuplicates(graph, alver.id);
  });

  it('refuses invalid input before writing anything', async () => {
    const { importer } = clients(alver.id, alver.owners[0] as string);
    const input = inputFrom(truth('alver'), 'replace');
    const firstArea = input.areas[0];
    if (!firstArea) throw new Error('no area');
    const bad: PlanImportInput = { ...input, areas: [{ ...firstArea, goals: [{ ...(firstArea.goals[0] as PlanImportInput['areas'][number]['goals'][number]), due: 'next spring' }] }] };
    const before = emu.requestLog().length;
    await expect(importer.importPlan(bad)).rejects.toThrow(RangeError);
    expect(emu.requestLog().length).toBe(before);
  });
});

describe('an import when answers are lost (the server committed)', () => {
  it('stores every item once when a third of the creates inside its $batches answer 504 after committing', async () => {
    const local = await emulator();
    try {
      const { graph, repo, importer } = clients(asker.id, asker.owners[0] as string, local);
      const input = inputFrom(truth('asker'), 'replace');
      local.setFaults({ failureRate: 0.34, randomSeed: 11, commit: 'after', failureStatuses: [504], scope: ['batchStep'], methods: ['POST'], pathPattern: '/items$' });
      const result = await importer.importPlan(input);
      local.setFaults({});
      expect(local.requestLog().some((e) => e.status === 504)).toBe(true);
      expect(result).toMatchObject({ goalsAdded: goalCount(input), areasAdded: input.areas.length });
      const items = await itemsOf(graph, asker.id, input.importId);
      const keys = items.map((i) => String(i.fields?.ClientId));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(1 + input.areas.length + goalCount(input) + input.situation.length);
      expectShows(await repo.load(), input);
    } finally {
      await local.close();
    }
  });

  it('stores every item once when a whole $batch answer is lost and the import is run again with its importId', async () => {
    const local = await emulator();
    try {
      const { graph, repo, importer } = clients(asker.id, asker.owners[0] as string, local);
      const input = inputFrom(truth('asker'), 'replace');
      // Once the import writes, the answer to its next $batch is lost after the server committed it.
      const lose = () => local.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: [0], scope: ['batch'] });
      await expect(importer.importPlan(input, (p) => p.phase === 'writing' && lose())).rejects.toMatchObject({ status: expect.any(Number) });
      local.setFaults({});
      expect(local.requestLog().some((e) => e.status === 0)).toBe(true);
      const again = await importer.importPlan(input);
      expect(again.resumed).toBe(true);
      const keys = (await itemsOf(graph, asker.id, input.importId)).map((i) => String(i.fields?.ClientId));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(1 + input.areas.length + goalCount(input) + input.situation.length);
      expectShows(await repo.load(), input);
    } finally {
      await local.close();
    }
  });
});

describe('two imports into one team at once', () => {
  const board = asker.owners[0] as string;
  const other = asker.owners[1] as string;

  it('merge into an empty team stops with PlanAppearedError, leaving nothing, when another plan is published meanwhile', async () => {
    const local = await emulator();
    try {
      const mine = inputFrom(truth('asker'), 'merge');
      const theirs = inputFrom(truth('alver'), 'replace');
      const { graph, repo } = clients(asker.id, board, local);
      // Their import runs from start to end after ours wrote everything but before it publishes
      // (writes: provisioning, plan item, areas, goals and situation rows).
      const racing = interleave(graph, 4, () => clients(asker.id, other, local).importer.importPlan(theirs));
      await expect(new SharePointPlanImporter(racing, asker.id).importPlan(mine)).rejects.toBeInstanceOf(PlanAppearedError);
      expectShows(await repo.load(), theirs);
      expect(await itemsOf(graph, asker.id, mine.importId)).toEqual([]);
      expect(await rawItems(graph, asker.id, 'plans')).toHaveLength(1);
      // Retried unchanged, the merge goes into the plan that is there now.
      const retried = await clients(asker.id, board, local).importer.importPlan(mine);
      expect(retried).toMatchObject({ applied: 'merge' });
      expect((await repo.load())?.plan.union).toBe(theirs.plan.union);
    } finally {
      await local.close();
    }
  });

  it('replace: the import started last wins; the earlier one, not yet published, stops with PlanAppearedError', async () => {
    const local = await emulator();
    try {
      const { graph, repo } = clients(asker.id, board, local);
      const first = inputFrom(truth('asker'), 'replace');
      const second = inputFrom(truth('alver'), 'replace');
      // The first import writes its plan item and children, then the network goes.
      const cut = cutOn(local, graph, 4);
      const cutShort = new SharePointPlanImporter(cut, asker.id).importPlan(first);
      await expect(cutShort).rejects.toBeInstanceOf(GraphRequestError);
      await expect(cutShort).rejects.toMatchObject({ name: 'GraphRequestError', status: 500 });
      local.setFaults({});
      const result = await clients(asker.id, other, local).importer.importPlan(second);
      expectShows(await repo.load(), second);
      // The first import's pending items are not the second's to remove: that import may still be running.
      expect((await itemsOf(graph, asker.id, first.importId)).length).toBeGreaterThan(0);
      await expect(clients(asker.id, board, local).importer.importPlan(first)).rejects.toBeInstanceOf(PlanAppearedError);
      expect(await itemsOf(graph, asker.id, first.importId)).toEqual([]);
      expect((await rawItems(graph, asker.id, 'plans')).map((p) => p.id)).toEqual([result.planId]);
      // Retried once more, knowingly: it replaces the second.
      const again = await clients(asker.id, board, local).importer.importPlan(first);
      expect(again).toMatchObject({ applied: 'replace', resumed: false });
      expectShows(await repo.load(), first);
      expect((await rawItems(graph, asker.id, 'plans')).map((p) => p.id)).toEqual([again.planId]);
      await expectNoDuplicates(graph, asker.id);
    } finally {
      await local.close();
    }
  });

  it('replace: when both publish, the one started last stays and the other is removed', async () => {
    const local = await emulator();
    try {
      const { graph, repo } = clients(asker.id, board, local);
      const first = inputFrom(truth('asker'), 'replace');
      const second = inputFrom(truth('alver'), 'replace');
      // The second import runs from start to end right after the first published (write 5),
      // before the first's clean-up: both are complete for a moment.
      const racing = interleave(graph, 5, () => clients(asker.id, other, local).importer.importPlan(second));
      await new SharePointPlanImporter(racing, asker.id).importPlan(first);
      expectShows(await repo.load(), second);
      expect(await itemsOf(graph, asker.id, first.importId)).toEqual([]);
      expect(await rawItems(graph, asker.id, 'plans')).toHaveLength(1);
    } finally {
      await local.close();
    }
  });
});
