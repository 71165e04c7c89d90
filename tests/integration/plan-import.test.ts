/**
 * The plan importer over the real Graph client against the in-process emulator: a new import,
 * failures at every write of the way (load() shows the old plan or none, never a part), a retry
 * with the same importId that completes without duplicates, replace and merge.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../emulator/server';
import { seedTeamPlan } from '../../emulator/seed/demo-plans';
import { SharePointPlanImporter } from '../../src/adapters/sharepoint/plan-import';
import { SiteListsManager } from '../../src/adapters/sharepoint/site-lists';
import type { ListKey } from '../../src/adapters/sharepoint/schema';
import type { ListItem } from '../../src/adapters/sharepoint/mappers';
import type { PlanImportInput, ImportMode } from '../../src/domain/plan-import';
import type { PlanSnapshot } from '../../src/domain/plan';
import type { GraphApi } from '../../src/graph/client';
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

function clients(teamId: string, upn: string) {
  const { graph, repo } = repoAs(emu, upn, teamId, { maxRetries: 0 });
  return { graph, repo, importer: new SharePointPlanImporter(graph, teamId) };
}

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
  let seen = 0;
  const tick = () => {
    seen++;
    if (seen > writes) emu.setFaults({ failureRate: 1, failureStatuses: [500] });
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
  it('imports a plan into a team that has none, and leaves no staging list behind', async () => {
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
    expect(await siteListNames(graph, alver.id)).toEqual(['Handlingsplan', 'Innrapporteringer', 'Kommentarer til mål', 'Lokale mål', 'Nåsituasjon og utfordringer', 'Satsingsområder']);
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
      expect(failures).toBeLessThan(40);
    }
    expect(failures).toBeGreaterThanOrEqual(6);
    const { graph, repo, importer } = clients(asker.id, board);
    expectShows(await repo.load(), input);
    await expectNoDuplicates(graph, asker.id);
    expect((await rawItems(graph, asker.id, 'goals')).length).toBe(goalCount(input));
    expect((await rawItems(graph, asker.id, 'plans')).length).toBe(1);
    expect(await siteListNames(graph, asker.id)).not.toContainEqual(expect.stringMatching(/import|tom/));
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
    await expect(new SharePointPlanImporter(flaky, sorVaranger.id).importPlan(input)).rejects.toBeTruthy();
    emu.setFaults({ failureRate: 0.5, failureStatuses: [500], randomSeed: 3 });
    await expect(new SharePointPlanImporter(graph, sorVaranger.id).importPlan(input)).rejects.toBeTruthy();
    emu.setFaults({});
    const during = await repo.load();
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
