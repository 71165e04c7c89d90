/**
 * PlanImporter over the team site's SharePoint lists, through the one Graph client ($batch, at
 * most 20 requests per batch).
 *
 * The repository's load() shows only plan items whose ImportState is empty, and only the children
 * whose PlanId is the shown plan's id. So a replace (or an import into a team without a plan)
 * writes the new plan item straight into the plans list with `ImportState: pending:<importId>`,
 * writes its areas, goals and situation rows, and publishes with ONE write that clears ImportState.
 * A crash before that write leaves only items no load() shows.
 *
 * Every item carries a ClientId derived from the importId (`<importId>:plan`, `…:area:<n>`,
 * `…:goal:<a>.<g>`, `…:situation:<n>`); a retry finds the plan item (ClientId, indexed), reads the
 * children already written (PlanId, indexed) and writes only the rest. Replace then deletes the
 * older plans, plan items first, then their children (deletes are idempotent: 404 counts as done).
 *
 * Two imports at once: among replaces, the plan created last (highest item id) wins. Before
 * publishing, an import that finds a complete plan created after its own (replace), or any other
 * complete plan (merge into a team that had none), removes its pending items and throws
 * PlanAppearedError; the board chooses again. Merge into an existing plan writes into the visible
 * plan, so it is resumable rather than atomic: it adds only what the plan lacks.
 */
import { ensureOk, type GraphApi, type Page } from '../../graph/client';
import { createExactlyOnce } from '../../graph/idempotent';
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
import {
  IssueCollector,
  areaFields,
  goalFields,
  isPending,
  isValidDue,
  planFields,
  situationFields,
  str,
  toArea,
  toCheckIn,
  toComment,
  toGoal,
  toSituationRow,
  type ListItem,
} from './mappers';
import { SharePointPlanRepository } from './plan-repository';
import type { ListKey } from './schema';
import { SiteListsManager } from './site-lists';
import { createStep, findByClientId, runCreates, runSteps, type CreateStep } from './bulk-writes';

/** The ImportState of a plan item that the import with this id is still writing. */
export const pendingState = (importId: string) => `pending:${importId}`;

/**
 * A pending plan item untouched for this long belongs to an abandoned import: the next replace
 * removes it. Younger ones may belong to an import that is still running and are left alone.
 */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

const CHILD_KEYS: readonly ListKey[] = ['areas', 'goals', 'situation', 'checkIns', 'comments'];
const PAGE = 5000;

/** The ClientId of a child item, through the list's own mapper. */
const CLIENT_ID_OF: Readonly<Record<ListKey, (item: ListItem) => string | undefined>> = {
  plans: (item) => str(item.fields ?? {}, 'ClientId') || undefined,
  areas: (item) => toArea(item).clientId,
  goals: (item) => toGoal(item, new IssueCollector()).clientId,
  situation: (item) => toSituationRow(item).clientId,
  checkIns: (item) => toCheckIn(item).clientId,
  comments: (item) => toComment(item).clientId,
  reminders: (item) => str(item.fields ?? {}, 'ClientId') || undefined,
  channelWebhooks: (item) => str(item.fields ?? {}, 'ClientId') || undefined,
  roster: (item) => str(item.fields ?? {}, 'ClientId') || undefined,
  rosterConfirmations: (item) => str(item.fields ?? {}, 'ClientId') || undefined,
};

type Progress = (p: ImportProgress) => void;

/** Refuses input that would fail half-way (e.g. a deadline the lists cannot store) before anything is written. */
function validate(input: PlanImportInput): void {
  if (!/^[A-Za-z0-9-]{8,64}$/.test(input.importId)) throw new RangeError(`Invalid importId: ${input.importId}`);
  if (!Number.isInteger(input.plan.periodFrom) || input.plan.periodFrom <= 0 || input.plan.periodTo < input.plan.periodFrom) {
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

/** SharePoint item ids are increasing integers per list: a higher id was created later. */
const createdAfter = (a: ListItem, b: string) => Number(a.id) > Number(b);

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
    // Creates missing lists and upgrades old ones (ImportState came in v3) before anything is written.
    await this.site.provision();
    const current = await new SharePointPlanRepository(this.graph, this.teamId).load();
    if (input.mode === 'merge' && current) {
      // An earlier attempt of this merge may have begun a new plan while the team had none; now
      // that the team has a plan, the goals go into it and that pending item is not needed.
      const begun = await this.findByClientId(await this.plansListId(), importKeys.plan(input.importId));
      if (begun && isPending(begun)) await this.discard(begun.id);
      return this.merge(input, current, onProgress);
    }
    return this.replace(input, current !== null, onProgress);
  }

  /* ---- replace (and new) ---- */

  private async replace(input: PlanImportInput, hadPlan: boolean, onProgress: Progress): Promise<ImportResult> {
    const { siteId } = await this.site.locate();
    const plansListId = await this.plansListId();
    const found = await this.findByClientId(plansListId, importKeys.plan(input.importId));
    const resumed = found !== null;
    const planId = found?.id ?? (await this.createPlanItem(plansListId, input));
    const published = found !== null && !isPending(found);
    let written = { areas: 0, goals: 0, situation: 0 };

    if (!published) {
      written = await this.writeChildren(input, planId, onProgress);
      onProgress({ phase: 'publishing', done: 0, total: 1 });
      await this.ensureNotSuperseded(input, planId);
      // The one write that makes the whole plan visible.
      await this.graph.patch(`/sites/${siteId}/lists/${plansListId}/items/${encodeURIComponent(planId)}/fields`, planFields({ importState: null }));
      onProgress({ phase: 'publishing', done: 1, total: 1 });
    }

    // Merge into a team that had no plan replaces nothing.
    const itemsRemoved = input.mode === 'replace' ? await this.cleanUp(planId, onProgress) : 0;
    return {
      planId,
      applied: hadPlan ? 'replace' : 'new',
      areasAdded: written.areas,
      goalsAdded: written.goals,
      goalsSkipped: 0,
      situationAdded: written.situation,
      itemsRemoved,
      resumed,
    };
  }

  private async plansListId(): Promise<string> {
    const plans = (await this.site.locate()).lists.get('plans');
    if (!plans) throw new Error('The list plans is missing');
    return plans.id;
  }

  private async createPlanItem(listId: string, input: Pick<PlanImportInput, 'importId' | 'plan'>): Promise<string> {
    const { siteId } = await this.site.locate();
    const fields = {
      ...planFields({ ...input.plan, importState: pendingState(input.importId) }),
      ClientId: importKeys.plan(input.importId),
    };
    const item = await createExactlyOnce({
      create: () => this.graph.post<ListItem>(`/sites/${siteId}/lists/${listId}/items`, { fields }),
      find: () => this.findByClientId(listId, fields.ClientId),
    });
    return item.id;
  }

  /**
   * Before publishing: has another import finished a plan meanwhile that this one must not
   * override? For replace, a complete plan created after ours (a later import won the race; ours
   * would only be removed by it); for merge into an empty team, any other complete plan (the
   * board did not ask to replace anything). Then our pending items go and PlanAppearedError tells
   * the board to choose again; a retry with the same importId starts over with a new plan item.
   */
  private async ensureNotSuperseded(input: PlanImportInput, planId: string): Promise<void> {
    const others = (await this.items('plans')).filter((p) => p.id !== planId && !isPending(p));
    const superseded = input.mode === 'merge' ? others.length > 0 : others.some((p) => createdAfter(p, planId));
    if (!superseded) return;
    try {
      await this.discard(planId);
    } catch {
      // Best effort: what is left stays invisible and is removed by a later replace or retry.
    }
    throw new PlanAppearedError();
  }

  /** Deletes a pending plan item, then its children. */
  private async discard(planId: string): Promise<void> {
    await this.deleteItems([{ key: 'plans', id: planId }]);
    const children = await this.childrenOf(planId);
    await this.deleteItems([...children].flatMap(([key, items]) => items.map((item) => ({ key, id: item.id }))));
  }

  /** Writes areas, then goals and situation rows, skipping those an earlier attempt wrote. */
  private async writeChildren(input: PlanImportInput, planId: string, onProgress: Progress) {
    const existing = await this.childrenOf(planId);
    const ours = new Map<string, string>();
    const foreign: Array<{ key: ListKey; id: string }> = [];
    for (const [key, items] of existing) {
      for (const item of items) {
        const clientId = CLIENT_ID_OF[key](item);
        // An item naming our new plan id that we did not write is left from a deleted plan whose
        // id SharePoint reused in a recreated list; it must not show up in the imported plan.
        if (clientId !== undefined && isKeyOfImport(clientId, input.importId)) ours.set(clientId, item.id);
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
   * Removes what a replace leaves behind: complete plans created before ours, pending plans of
   * abandoned imports, and every child item that belongs to no remaining plan. Plans created after
   * ours (a later import's) and young pending plans (an import still running) stay.
   */
  private async cleanUp(keepPlanId: string, onProgress: Progress): Promise<number> {
    // The children are read before the plans: a child that exists when its list is read names a
    // plan item created before it, which the later read of the plans list therefore sees; so the
    // children of a concurrent import are never taken for orphans.
    const children = await Promise.all(CHILD_KEYS.map(async (key) => ({ key, items: await this.items(key, 'PlanId') })));
    const plans = await this.items('plans');
    const now = Date.now();
    const abandoned = (p: ListItem) => isPending(p) && now - Date.parse(p.lastModifiedDateTime ?? '') > ABANDONED_AFTER_MS;
    const stays = (p: ListItem) => p.id === keepPlanId || createdAfter(p, keepPlanId) || (isPending(p) && !abandoned(p));
    const remaining = new Set(plans.filter(stays).map((p) => p.id));
    const oldPlans = plans.filter((p) => !stays(p)).map((p) => ({ key: 'plans' as ListKey, id: p.id }));
    const orphans = children.flatMap(({ key, items }) =>
      items.filter((item) => !remaining.has(str(item.fields ?? {}, 'PlanId'))).map((item) => ({ key, id: item.id })),
    );
    const total = oldPlans.length + orphans.length;
    onProgress({ phase: 'cleaning', done: 0, total });
    // The old plan items first: from then on nothing of the old plan is visible.
    await this.deleteItems(oldPlans);
    await this.deleteItems(orphans);
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

  private async runCreates(steps: readonly CreateStep[]): Promise<Map<string, string>> {
    return runCreates(this.graph, (await this.site.locate()).siteId, steps);
  }

  private async findByClientId(listId: string, clientId: string): Promise<ListItem | null> {
    return findByClientId(this.graph, (await this.site.locate()).siteId, listId, clientId);
  }

  private async deleteItems(items: ReadonlyArray<{ key: ListKey; id: string }>): Promise<void> {
    if (items.length === 0) return;
    const { siteId, lists } = await this.site.locate();
    await runSteps(this.graph, 
      items.map((item, i) => ({
        id: `d${i}`,
        method: 'DELETE' as const,
        url: `/sites/${siteId}/lists/${lists.get(item.key)?.id ?? ''}/items/${encodeURIComponent(item.id)}`,
      })),
    );
  }

  /**
   * Every item of a list, with only the fields named (all when none are). The plans list holds one
   * item per period; the child lists are read whole only by a replace's clean-up.
   */
  private async items(key: ListKey, ...fields: string[]): Promise<ListItem[]> {
    const { siteId, lists } = await this.site.locate();
    const list = lists.get(key);
    if (!list) return [];
    const expand = fields.length > 0 ? `fields($select=${fields.join(',')})` : 'fields';
    return this.graph.getAll<ListItem>(withQuery(`/sites/${siteId}/lists/${list.id}/items`, { expand, top: PAGE }));
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
          // Resume needs only each item's client key.
          expand: 'fields($select=PlanId,ClientId)',
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
