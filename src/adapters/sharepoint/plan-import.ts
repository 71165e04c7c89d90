/**
 * PlanImporter over the team site's SharePoint lists, through the one Graph client ($batch, at
 * most 20 requests per batch).
 *
 * The repository's load() shows the plan item with the newest period (then the highest id) and
 * only the children whose PlanId is that item's id. Children need the plan's id, which SharePoint
 * assigns, so the plan item is created first, but in a way load() does not show, and the one write
 * that makes the plan visible comes last:
 *
 * - the team has a plan: the new plan item is written to the plans list with the staging period
 *   0–0, which sorts below every real plan, and the last write sets its real period (one PATCH);
 * - the team has no plan: the plan item goes into a staging list named and described so that
 *   matchLists() does not take it for the plans list, and the last write gives that list the plans
 *   list's name and marker (one PATCH). An empty plans list that provision() made is renamed away
 *   first (load() then sees no plan, as before) and deleted afterwards.
 *
 * A crash before the last write leaves only items no load() shows. Every item carries a ClientId
 * derived from the importId (`<importId>:area:<n>`, `…:goal:<a>.<g>`, …); a retry finds the plan
 * item (ClientId, indexed), reads the children already written (PlanId, indexed) and writes only
 * the rest. Replace then removes every other plan and its items (deletes are idempotent: 404 counts
 * as done). Merge writes into the visible plan, so it is resumable rather than atomic: it adds only
 * goals whose text the plan lacks, so a retry adds exactly what is missing.
 */
import { ensureOk, type BatchResult, type BatchStep, type GraphApi, type Page } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { fieldEquals, withQuery } from '../../graph/odata';
import {
  PlanAppearedError,
  importKeys,
  isKeyOfImport,
  planMerge,
  type ImportProgress,
  type ImportResult,
  type PlanImportInput,
  type PlanImporter,
} from '../../domain/plan-import';
import { areaFields, goalFields, isValidDue, planFields, situationFields, str, num, type ListItem } from './mappers';
import { SharePointPlanRepository } from './plan-repository';
import { LISTS, toColumnDefinition, type ListKey } from './schema';
import { SiteListsManager, matchLists, type SiteLists } from './site-lists';

/** The period of a plan item that is still being written; lower than any real plan's. */
export const STAGING_PERIOD = 0;

const CHILD_KEYS: readonly ListKey[] = ['areas', 'goals', 'situation', 'checkIns', 'comments'];
const PAGE = 5000;

interface GraphList {
  readonly id: string;
  readonly displayName: string;
  readonly description?: string;
}

type Progress = (p: ImportProgress) => void;

export const stagingMarker = (importId: string) => `[handlingsplan-import:${importId}]`;
export const retiredMarker = (importId: string) => `[handlingsplan-retired:${importId}]`;

type CreateStep = BatchStep & { readonly clientId: string };

/** A batch step that creates one item with its client key. */
function createStep(siteLists: SiteLists, key: ListKey, clientId: string, fields: Record<string, unknown>): CreateStep {
  const list = siteLists.lists.get(key);
  if (!list) throw new Error(`The list ${key} is missing`);
  return {
    id: clientId.replace(/[^A-Za-z0-9.-]/g, '_'),
    clientId,
    method: 'POST',
    url: `/sites/${siteLists.siteId}/lists/${list.id}/items`,
    body: { fields: { ...fields, ClientId: clientId } },
  };
}

/** Refuses input that would fail half-way (e.g. a deadline the lists cannot store) before anything is written. */
function validate(input: PlanImportInput): void {
  if (!/^[A-Za-z0-9-]{8,64}$/.test(input.importId)) throw new RangeError(`Invalid importId: ${input.importId}`);
  if (!Number.isInteger(input.plan.periodFrom) || input.plan.periodFrom <= STAGING_PERIOD || input.plan.periodTo < input.plan.periodFrom) {
    throw new RangeError(`Invalid period: ${input.plan.periodFrom}–${input.plan.periodTo}`);
  }
  for (const { area, goals } of input.areas) {
    if (!area.title.trim()) throw new RangeError('An area has no title');
    for (const goal of goals) {
      if (!goal.text.trim()) throw new RangeError('A goal has no text');
      if (goal.due !== null && !isValidDue(goal.due)) throw new RangeError(`Invalid due date: ${goal.due}`);
    }
  }
}

/** Where the new plan item lives while it is written. */
interface Target {
  readonly listId: string;
  readonly planId: string;
  readonly committed: boolean;
  readonly staging: 'period' | 'list';
}

export class SharePointPlanImporter implements PlanImporter {
  private readonly site: SiteListsManager;

  constructor(
    private readonly graph: GraphApi,
    readonly teamId: string,
  ) {
    this.site = new SiteListsManager(graph, teamId);
  }

  async importPlan(input: PlanImportInput, onProgress: Progress = () => {}): Promise<ImportResult> {
    validate(input);
    onProgress({ phase: 'preparing', done: 0, total: 0 });
    // A resumed import whose plan waits in a staging list skips provision(): it would only make
    // a new empty plans list for the commit to retire (the child lists were made by the first try).
    if (!(await this.stagingList(input.importId))) await this.site.provision();
    const current = await new SharePointPlanRepository(this.graph, this.teamId).load();
    if (input.mode === 'merge' && current) return this.merge(input, current, onProgress);
    return this.replace(input, current !== null, onProgress);
  }

  /* ---- replace (and new) ---- */

  private async replace(input: PlanImportInput, hadPlan: boolean, onProgress: Progress): Promise<ImportResult> {
    const { siteId } = await this.site.locate();
    const found = await this.findTarget(input);
    const resumed = found !== null;
    const target = found ?? (await this.createTarget(input, hadPlan));
    let areasAdded = 0;
    let goalsAdded = 0;
    let situationAdded = 0;

    if (!target.committed) {
      const written = await this.writeChildren(input, target.planId, onProgress);
      areasAdded = written.areas;
      goalsAdded = written.goals;
      situationAdded = written.situation;
      onProgress({ phase: 'publishing', done: 0, total: 1 });
      if (target.staging === 'period') {
        await this.graph.patch(`/sites/${siteId}/lists/${target.listId}/items/${target.planId}/fields`, {
          PeriodFrom: input.plan.periodFrom,
          PeriodTo: input.plan.periodTo,
        });
      } else {
        await this.publishStagingList(input.importId, target.listId);
      }
      onProgress({ phase: 'publishing', done: 1, total: 1 });
    }

    const itemsRemoved = await this.cleanUp(input.importId, hadPlan || input.mode === 'replace' ? target.planId : null, onProgress);
    return {
      planId: target.planId,
      applied: hadPlan ? 'replace' : 'new',
      areasAdded,
      goalsAdded,
      goalsSkipped: 0,
      situationAdded,
      itemsRemoved,
      resumed,
    };
  }

  /** The plan item of an earlier attempt with this importId, in the plans list or a staging list. */
  private async findTarget(input: PlanImportInput): Promise<Target | null> {
    const importId = input.importId;
    const { lists } = await this.site.locate();
    const plans = lists.get('plans');
    if (plans) {
      const item = await this.findByClientId(plans.id, importKeys.plan(importId));
      if (item) {
        const committed = (num(item.fields ?? {}, 'PeriodFrom') ?? STAGING_PERIOD) !== STAGING_PERIOD;
        return { listId: plans.id, planId: item.id, committed, staging: 'period' };
      }
    }
    const staging = await this.stagingList(importId);
    if (!staging) return null;
    const item = await this.findByClientId(staging.id, importKeys.plan(importId));
    const planId = item?.id ?? (await this.createPlanItem(staging.id, input, false));
    return { listId: staging.id, planId, committed: false, staging: 'list' };
  }

  private async createTarget(input: PlanImportInput, hadPlan: boolean): Promise<Target> {
    const { siteId, lists } = await this.site.locate();
    const plans = lists.get('plans');
    // Any item in the plans list would be shown by load(): stage by period only behind a real plan.
    if (plans && (hadPlan || (await this.hasItems(plans.id)))) {
      const planId = await this.createPlanItem(plans.id, input, true);
      return { listId: plans.id, planId, committed: false, staging: 'period' };
    }
    const list = await this.graph
        .post<GraphList>(`/sites/${siteId}/lists`, {
          displayName: `${LISTS.plans.displayName} (import ${input.importId.slice(0, 8)})`,
          description: `Import pågår; vises først når den er fullført. Vedlikeholdes av appen Handlingsplan. ${stagingMarker(input.importId)}`,
          columns: LISTS.plans.columns.map(toColumnDefinition),
          list: { template: 'genericList' },
        })
        .catch(async (err: unknown) => {
          // 409: a concurrent attempt with the same importId made it a moment ago.
          if (err instanceof GraphRequestError && err.status === 409) {
            return this.stagingList(input.importId);
          }
          throw err;
        });
    if (!list) throw new Error('staging list vanished');
    const existing = await this.findByClientId(list.id, importKeys.plan(input.importId));
    const planId = existing?.id ?? (await this.createPlanItem(list.id, input, false));
    return { listId: list.id, planId, committed: false, staging: 'list' };
  }

  private async createPlanItem(listId: string, input: Pick<PlanImportInput, 'importId' | 'plan'>, staged: boolean): Promise<string> {
    const { siteId } = await this.site.locate();
    const fields = {
      ...planFields(input.plan),
      ...(staged ? { PeriodFrom: STAGING_PERIOD, PeriodTo: STAGING_PERIOD } : {}),
      ClientId: importKeys.plan(input.importId),
    };
    const item = await this.graph.post<ListItem>(`/sites/${siteId}/lists/${listId}/items`, { fields });
    return item.id;
  }

  /** Writes areas, then goals and situation rows, skipping those an earlier attempt wrote. */
  private async writeChildren(input: PlanImportInput, planId: string, onProgress: Progress) {
    const existing = await this.childrenOf(planId);
    const ours = new Map<string, string>();
    const foreign: Array<{ key: ListKey; id: string }> = [];
    for (const [key, items] of existing) {
      for (const item of items) {
        const clientId = str(item.fields ?? {}, 'ClientId');
        // An item naming our new plan id that we did not write is left from a deleted plan whose
        // id SharePoint reused in a recreated list; it must not show up in the imported plan.
        if (isKeyOfImport(clientId, input.importId)) ours.set(clientId, item.id);
        else foreign.push({ key, id: item.id });
      }
    }
    const total = input.areas.length + input.areas.reduce((n, a) => n + a.goals.length, 0) + input.situation.length;
    let done = ours.size;
    onProgress({ phase: 'writing', done, total });

    const siteLists = await this.site.locate();
    const areaSteps: CreateStep[] = [];
    input.areas.forEach(({ area }, index) => {
      const clientId = importKeys.area(input.importId, index + 1);
      if (!ours.has(clientId)) areaSteps.push(createStep(siteLists, 'areas', clientId, areaFields({ ...area, planId })));
    });
    const created = await this.runCreates(areaSteps);
    for (const [clientId, id] of created) ours.set(clientId, id);
    done += created.size;
    onProgress({ phase: 'writing', done, total });

    const steps: CreateStep[] = [];
    input.areas.forEach(({ goals }, index) => {
      const areaId = ours.get(importKeys.area(input.importId, index + 1)) as string;
      goals.forEach((goal, goalIndex) => {
        const clientId = importKeys.goal(input.importId, index + 1, goalIndex + 1);
        if (!ours.has(clientId)) steps.push(createStep(siteLists, 'goals', clientId, goalFields({ ...goal, planId, areaId })));
      });
    });
    input.situation.forEach((row, index) => {
      const clientId = importKeys.situation(input.importId, index + 1);
      if (!ours.has(clientId)) steps.push(createStep(siteLists, 'situation', clientId, situationFields({ ...row, planId })));
    });
    const more = await this.runCreates(steps);
    done += more.size;
    onProgress({ phase: 'writing', done, total });
    await this.deleteItems(foreign);

    const count = (kind: string, map: Map<string, string>) => [...map.keys()].filter((k) => k.includes(`:${kind}:`)).length;
    return { areas: count('area', created), goals: count('goal', more), situation: count('situation', more) };
  }

  /**
   * Gives the staging list the plans list's name and marker: the write that shows the plan. An
   * empty plans list (made by provision()) is renamed away in the same $batch, first; between the
   * two, load() finds no plans list and shows no plan, as before the import.
   */
  private async publishStagingList(importId: string, stagingId: string): Promise<void> {
    const { siteId } = await this.site.locate();
    for (let attempt = 1; ; attempt++) {
      const all = await this.allLists();
      const real = matchLists(all.filter((l) => l.id !== stagingId)).get('plans');
      const steps: BatchStep[] = [];
      if (real) {
        // Someone set up a plan meanwhile: the board must choose again between replace and merge.
        if (await this.hasItems(real.id)) throw new PlanAppearedError();
        steps.push({
          id: 'retire',
          method: 'PATCH',
          url: `/sites/${siteId}/lists/${real.id}`,
          body: {
            displayName: `${LISTS.plans.displayName} (tom, ${real.id.slice(0, 8)})`,
            description: `Tom liste erstattet ved import. Slettes av appen Handlingsplan. ${retiredMarker(importId)}`,
          },
        });
      }
      steps.push({
        id: 'publish',
        method: 'PATCH',
        url: `/sites/${siteId}/lists/${stagingId}`,
        body: { displayName: LISTS.plans.displayName, description: LISTS.plans.description },
      });
      const results = await this.graph.batch(steps);
      if (real) ensureOk(results.get('retire'));
      const published = results.get('publish');
      // 409: the name was still taken (the steps ran out of order, or someone's provision() made a
      // new empty plans list in between): look again and retire that one too.
      if (published?.status === 409 && attempt < 3) continue;
      ensureOk(published);
      this.site.forget();
      return;
    }
  }

  /**
   * Removes what a replace leaves behind: plans lists retired by this import, every other plan
   * item, and every item of the child lists that belongs to no remaining plan.
   */
  private async cleanUp(importId: string, keepPlanId: string | null, onProgress: Progress): Promise<number> {
    this.site.forget();
    const { siteId, lists } = await this.site.locate();
    const retired = (await this.allLists()).filter((l) => l.description?.includes(retiredMarker(importId)));
    if (retired.length > 0) {
      await this.runSteps(retired.map((l, i) => ({ id: `r${i}`, method: 'DELETE' as const, url: `/sites/${siteId}/lists/${l.id}` })));
    }
    if (keepPlanId === null) return 0;
    const read = async (key: ListKey) => {
      const list = lists.get(key);
      return list ? this.graph.getAll<ListItem>(withQuery(`/sites/${siteId}/lists/${list.id}/items`, { expand: 'fields', top: PAGE })) : [];
    };
    const plans = await read('plans');
    const oldPlans = plans.filter((p) => p.id !== keepPlanId).map((p) => ({ key: 'plans' as ListKey, id: p.id }));
    const children = await Promise.all(
      CHILD_KEYS.map(async (key) => (await read(key)).filter((item) => str(item.fields ?? {}, 'PlanId') !== keepPlanId).map((item) => ({ key, id: item.id }))),
    );
    const total = oldPlans.length + children.flat().length;
    onProgress({ phase: 'cleaning', done: 0, total });
    // The old plan items first: from then on nothing of the old plan is visible.
    await this.deleteItems(oldPlans);
    await this.deleteItems(children.flat());
    onProgress({ phase: 'cleaning', done: total, total });
    return total;
  }

  /* ---- merge ---- */

  private async merge(
    input: PlanImportInput,
    current: NonNullable<Awaited<ReturnType<SharePointPlanRepository['load']>>>,
    onProgress: Progress,
  ): Promise<ImportResult> {
    const planId = current.plan.id;
    const merge = planMerge(current, input);
    const total = merge.areas.reduce((n, a) => n + (a.create ? 1 : 0) + a.goals.length, 0) + merge.situation.length;
    let done = 0;
    onProgress({ phase: 'writing', done, total });

    const siteLists = await this.site.locate();
    const areaIds = new Map<number, string>();
    const areaSteps: CreateStep[] = [];
    for (const area of merge.areas) {
      if (area.existing) areaIds.set(area.a, area.existing.id);
      else if (area.create) {
        const clientId = importKeys.area(input.importId, area.a);
        areaSteps.push(createStep(siteLists, 'areas', clientId, areaFields({ ...area.create, planId })));
      }
    }
    const createdAreas = await this.runCreates(areaSteps);
    for (const area of merge.areas) {
      const id = createdAreas.get(importKeys.area(input.importId, area.a));
      if (id) areaIds.set(area.a, id);
    }
    done += createdAreas.size;
    onProgress({ phase: 'writing', done, total });

    const steps: CreateStep[] = [];
    for (const area of merge.areas) {
      const areaId = areaIds.get(area.a) as string;
      for (const { a, g, goal } of area.goals) {
        const clientId = importKeys.goal(input.importId, a, g);
        steps.push(createStep(siteLists, 'goals', clientId, goalFields({ ...goal, planId, areaId })));
      }
    }
    for (const { n, row } of merge.situation) {
      const clientId = importKeys.situation(input.importId, n);
      steps.push(createStep(siteLists, 'situation', clientId, situationFields({ ...row, planId })));
    }
    const created = await this.runCreates(steps);
    done += created.size;
    onProgress({ phase: 'writing', done, total });
    const count = (kind: string) => [...created.keys()].filter((k) => k.includes(`:${kind}:`)).length;
    return {
      planId,
      applied: 'merge',
      areasAdded: createdAreas.size,
      goalsAdded: count('goal'),
      goalsSkipped: merge.goalsSkipped,
      situationAdded: count('situation'),
      itemsRemoved: 0,
      resumed: false,
    };
  }

  /* ---- Graph helpers ---- */

  /** Sends creates in batches of 20; returns clientId → item id of those created, throws the first failure after all ran. */
  private async runCreates(steps: readonly CreateStep[]): Promise<Map<string, string>> {
    const created = new Map<string, string>();
    if (steps.length === 0) return created;
    const results = await this.graph.batch(steps);
    let failure: unknown = null;
    for (const step of steps) {
      try {
        created.set(step.clientId, ensureOk<ListItem>(results.get(step.id)).id);
      } catch (err) {
        failure ??= err;
      }
    }
    if (failure) throw failure;
    return created;
  }

  private async deleteItems(items: ReadonlyArray<{ key: ListKey; id: string }>): Promise<void> {
    if (items.length === 0) return;
    const { siteId, lists } = await this.site.locate();
    await this.runSteps(
      items.map((item, i) => ({
        id: `d${i}`,
        method: 'DELETE' as const,
        url: `/sites/${siteId}/lists/${lists.get(item.key)?.id ?? ''}/items/${encodeURIComponent(item.id)}`,
      })),
    );
  }

  /** Runs steps; 404 counts as done (a delete that an earlier attempt already made). */
  private async runSteps(steps: readonly BatchStep[]): Promise<void> {
    const results = await this.graph.batch(steps);
    for (const step of steps) {
      const result: BatchResult | undefined = results.get(step.id);
      if (result?.status !== 404) ensureOk(result);
    }
  }

  private async findByClientId(listId: string, clientId: string): Promise<ListItem | null> {
    const { siteId } = await this.site.locate();
    const page = await this.graph.get<Page<ListItem>>(
      withQuery(`/sites/${siteId}/lists/${listId}/items`, { expand: 'fields', filter: fieldEquals('ClientId', clientId), top: 1 }),
    );
    return page.value[0] ?? null;
  }

  private async hasItems(listId: string): Promise<boolean> {
    const { siteId } = await this.site.locate();
    const page = await this.graph.get<Page<ListItem>>(`/sites/${siteId}/lists/${listId}/items?$top=1`);
    return page.value.length > 0;
  }

  private async stagingList(importId: string): Promise<GraphList | null> {
    return (await this.allLists()).find((l) => l.description?.includes(stagingMarker(importId))) ?? null;
  }

  private async allLists(): Promise<GraphList[]> {
    const { siteId } = await this.site.locate();
    return this.graph.getAll<GraphList>(`/sites/${siteId}/lists?$select=id,displayName,description`);
  }

  /** Items of every child list whose PlanId is the given plan (PlanId is indexed). */
  private async childrenOf(planId: string): Promise<Map<ListKey, ListItem[]>> {
    const siteLists = await this.site.locate();
    const keys = CHILD_KEYS.filter((key) => siteLists.lists.has(key));
    const results = await this.graph.batch(
      keys.map((key) => ({
        id: key,
        method: 'GET' as const,
        url: withQuery(`/sites/${siteLists.siteId}/lists/${siteLists.lists.get(key)?.id}/items`, {
          expand: 'fields',
          filter: fieldEquals('PlanId', planId),
          top: PAGE,
        }),
      })),
    );
    const out = new Map<ListKey, ListItem[]>();
    await Promise.all(keys.map(async (key) => out.set(key, await this.graph.continuePages(ensureOk<Page<ListItem>>(results.get(key))))));
    return out;
  }
}
