/**
 * PlanRepository over SharePoint lists in the team's site, through Microsoft Graph.
 *
 * Loading a whole plan takes one round trip: one $batch that finds the site and its lists and, in
 * the same batch, reads every list by the title the app gives it (Graph addresses a list by id or
 * title). A list someone renamed is read by its id in a second $batch; nextLinks follow only for
 * lists above 5,000 items.
 * Plan items that an import is still writing (ImportState set) are not shown.
 * Writes send the item's eTag as If-Match, so a stale write becomes a ConflictError, never a
 * silent overwrite.
 */
import { ensureOk, type GraphApi, type Page } from '../../graph/client';
import { createExactlyOnce } from '../../graph/idempotent';
import { GraphRequestError } from '../../graph/errors';
import { fieldEquals, withQuery } from '../../graph/odata';
import type { LocalGoal, LocalGoalPatch, Plan, PlanSnapshot, SituationRow, Area, CheckIn, GoalComment, GoalVersion } from '../../domain/plan';
import {
  AccessDeniedError, ConflictError,
  NotFoundError,
  type NewArea,
  type NewCheckIn,
  type NewComment,
  type NewLocalGoal,
  type NewPlan,
  type NewSituationRow,
  type GoalUpdate,
  type GoalUpdateResult,
  type OwnerUpgrade,
  type PermissionsHealth,
  type PlanRepository,
  type TeamMember,
  type StorageHealth,
  type WriteOptions,
} from '../../domain/ports';
import {
  IssueCollector,
  areaFields,
  checkInFields,
  commentFields,
  goalFields,
  planFields,
  situationFields,
  toArea,
  toCheckIn,
  toComment,
  toGoal,
  toPlan,
  toSituationRow,
  currentPlan,
  optStr,
  ownerFields,
  str,
  type Fields,
  type ListItem,
} from './mappers';
import { LISTS, PLAN_LIST_KEYS, type ListKey } from './schema';
import { SharePointListPermissions, permissionsFailure, permissionsHealth } from './list-permissions';
import type { SharePointRest } from './sharepoint-rest';
import { SiteListsManager, isUnknownFieldError, listsQuery, matchLists, siteRootPath, type SiteLists } from './site-lists';

/** Largest page SharePoint serves; larger lists continue through @odata.nextLink. */
export const ITEMS_PAGE_SIZE = 5000;

const ENTITY: Record<ListKey, string> = {
  plans: 'plan',
  areas: 'area',
  goals: 'goal',
  checkIns: 'checkIn',
  situation: 'situationRow',
  comments: 'comment',
  reminders: 'reminder',
  channelWebhooks: 'channelWebhook',
  roster: 'representative',
  rosterConfirmations: 'confirmation',
};

export interface PlanRepositoryOptions {
  /** A SharePoint REST client for the site at this URL (list permissions; Graph cannot set them). */
  readonly sharePoint?: (webUrl: string) => SharePointRest;
  /** Wait before sending a create again after an ambiguous failure (tests shorten it). */
  readonly retryDelayMs?: (attempt: number, error: unknown) => number;
}

/** A new client key for a create (RFC 4122 v4, as crypto.randomUUID gives in browsers and Node). */
export function newClientId(): string {
  return crypto.randomUUID();
}

export class SharePointPlanRepository implements PlanRepository {
  private readonly site: SiteListsManager;

  constructor(
    private readonly graph: GraphApi,
    readonly teamId: string,
    private readonly options: PlanRepositoryOptions = {},
  ) {
    this.site = new SiteListsManager(graph, teamId);
  }

  permissions(): Promise<PermissionsHealth> {
    return this.withPermissions(async (perms, lists) => permissionsHealth(await perms.inspect(lists)));
  }

  applyPermissions(): Promise<PermissionsHealth> {
    return this.withPermissions(async (perms, lists) => permissionsHealth(await perms.apply(lists)));
  }

  private async withPermissions(
    run: (perms: SharePointListPermissions, lists: SiteLists['lists']) => Promise<PermissionsHealth>,
  ): Promise<PermissionsHealth> {
    const site = await this.graph.get<{ webUrl: string }>(`${siteRootPath(this.teamId)}?$select=webUrl`);
    const { lists } = await this.site.locate();
    if (!this.options.sharePoint) return { state: 'failed', lists: [], siteUrl: site.webUrl };
    try {
      return { ...(await run(new SharePointListPermissions(this.options.sharePoint(site.webUrl)), lists)), siteUrl: site.webUrl };
    } catch (err) {
      return { ...permissionsFailure(err), siteUrl: site.webUrl };
    }
  }

  provision(): Promise<StorageHealth> {
    return this.site.provision();
  }

  health(): Promise<StorageHealth> {
    return this.site.health();
  }

  async upgradeOwners(members: readonly TeamMember[]): Promise<OwnerUpgrade> {
    const siteLists = await this.requireLists('goals');
    const goals = await this.graph.getAll<ListItem>(withQuery(this.itemsPath(siteLists, 'goals'), { expand: 'fields', top: ITEMS_PAGE_SIZE }));
    // The earlier app stored the member's e-mail (conversationMember.email) as the "user name".
    const byEmail = new Map<string, TeamMember>();
    for (const m of members) if (m.email) byEmail.set(m.email.trim().toLowerCase(), m);
    let upgraded = 0;
    const unmatched: Array<{ goalId: string; goalText: string; stored: string }> = [];
    for (const item of goals) {
      const f = item.fields ?? {};
      const stored = optStr(f, 'OwnerUpn');
      if (stored === null || optStr(f, 'OwnerIds') !== null) continue;
      const member = byEmail.get(stored.toLowerCase());
      if (!member) {
        unmatched.push({ goalId: item.id, goalText: str(f, 'GoalText') || str(f, 'Title'), stored });
        continue;
      }
      const owner = { id: member.id, displayName: optStr(f, 'OwnerName') ?? member.displayName, email: member.email ?? null };
      try {
        // Clearing OwnerUpn makes the upgrade happen once; If-Match keeps an edit made meanwhile.
        await this.update('goals', item.id, { ...ownerFields([owner]), OwnerUpn: '' }, { ifMatch: item.eTag ?? null });
        upgraded += 1;
      } catch (err) {
        // Someone changed the goal since it was read: their version wins, and a later upgrade
        // looks at it again.
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    return { upgraded, unmatched };
  }

  async load(): Promise<PlanSnapshot | null> {
    // One round trip: the site, its lists, and every list's items addressed by the title the app
    // gave the list ("GET /sites/{site-id}/lists/{list-title}",
    // https://learn.microsoft.com/en-us/graph/api/list-get). A $batch runs its requests in parallel.
    const byTitle = (key: ListKey) => `title:${key}`;
    const first = await this.graph.batch([
      { id: 'site', method: 'GET', url: `${siteRootPath(this.teamId)}?$select=id` },
      { id: 'lists', method: 'GET', url: listsQuery(this.teamId) },
      ...PLAN_LIST_KEYS.map((key) => ({
        id: byTitle(key),
        method: 'GET' as const,
        url: withQuery(`${siteRootPath(this.teamId)}/lists/${encodeURIComponent(LISTS[key].displayName)}/items`, { expand: 'fields', top: ITEMS_PAGE_SIZE }),
      })),
    ]);
    const site = ensureOk<{ id: string }>(first.get('site'));
    const lists = matchLists(ensureOk<{ value: Array<{ id: string; displayName: string; description?: string }> }>(first.get('lists')).value);
    const siteLists: SiteLists = { siteId: site.id, lists };
    this.site.remember(siteLists);
    if (!lists.has('plans')) return null;

    // A list's answer by title counts only when the list the app recognises (by its marker) still
    // has that title: titles are unique in a site, so it is the same list. A renamed list, or one
    // whose answer by title failed, is read by its id in a second round trip.
    const keys = PLAN_LIST_KEYS.filter((key) => lists.has(key));
    const pages = new Map<ListKey, Page<ListItem>>();
    const again: ListKey[] = [];
    for (const key of keys) {
      const answer = first.get(byTitle(key));
      const sameList = lists.get(key)?.displayName.toLowerCase() === LISTS[key].displayName.toLowerCase();
      if (sameList && answer && answer.status >= 200 && answer.status < 300) pages.set(key, ensureOk<Page<ListItem>>(answer));
      else again.push(key);
    }
    if (again.length > 0) {
      const second = await this.graph.batch(
        again.map((key) => ({
          id: key,
          method: 'GET' as const,
          url: withQuery(this.itemsPath(siteLists, key), { expand: 'fields', top: ITEMS_PAGE_SIZE }),
        })),
      );
      for (const key of again) pages.set(key, ensureOk<Page<ListItem>>(second.get(key)));
    }
    const items = new Map<ListKey, ListItem[]>();
    await Promise.all(
      keys.map(async (key) => {
        items.set(key, await this.graph.continuePages(pages.get(key) as Page<ListItem>));
      }),
    );

    const issues = new IssueCollector();
    // A plan item with an ImportState is still being written by an import: it and its children stay
    // invisible until the import's last write clears the state (adapters/sharepoint/plan-import.ts).
    // One plan per period; the newest period is the current plan.
    const plan = currentPlan((items.get('plans') ?? []).map((item) => ({ item, plan: toPlan(item, issues) })));
    if (!plan) return null;
    // Plan ids are SharePoint item ids, which start again at 1 when someone deletes the plans list
    // and the app creates it anew: children written before the plan item existed belong to an
    // earlier plan that had the same id, never to this one.
    const planCreated = (items.get('plans') ?? []).find((item) => item.id === plan.id)?.createdDateTime ?? '';
    const childItems = (key: ListKey) =>
      (items.get(key) ?? []).filter((item) => str(item.fields ?? {}, 'PlanId') === plan.id && (item.createdDateTime ?? '') >= planCreated);

    const areas = childItems('areas').map(toArea).sort((a, b) => a.number - b.number);
    const goals = childItems('goals').map((item) => toGoal(item, issues));
    const areaIds = new Set(areas.map((a) => a.id));
    for (const goal of goals) {
      if (!areaIds.has(goal.areaId)) issues.add('goals', goal.id, 'AreaId', goal.areaId, 'danglingReference');
    }
    const goalIds = new Set(goals.map((g) => g.id));
    const checkIns = childItems('checkIns').map(toCheckIn)
      .filter((c) => goalIds.has(c.goalId))
      .sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
    const situation = childItems('situation').map(toSituationRow).sort((a, b) => a.sortOrder - b.sortOrder);
    const comments = childItems('comments').map(toComment)
      .filter((c) => goalIds.has(c.goalId))
      .sort((a, b) => a.created.localeCompare(b.created) || Number(a.id) - Number(b.id));

    return { plan, areas, goals, checkIns, situation, comments, issues: issues.issues };
  }

  async createPlan(plan: NewPlan): Promise<Plan> {
    const item = await this.createOnce('plans', plan.clientId ?? newClientId(), planFields(plan));
    return toPlan(item, new IssueCollector());
  }

  async updatePlan(id: string, patch: Partial<NewPlan>, options?: WriteOptions): Promise<Plan> {
    const item = await this.update('plans', id, planFields(patch), options);
    return toPlan(item, new IssueCollector());
  }

  async createArea(area: NewArea): Promise<Area> {
    return toArea(await this.createOnce('areas', area.clientId ?? newClientId(), areaFields(area)));
  }

  async updateArea(id: string, patch: Partial<NewArea>, options?: WriteOptions): Promise<Area> {
    return toArea(await this.update('areas', id, areaFields(patch), options));
  }

  async createGoal(goal: NewLocalGoal): Promise<LocalGoal> {
    return toGoal(await this.createOnce('goals', goal.clientId ?? newClientId(), goalFields(goal)), new IssueCollector());
  }

  async updateGoal(id: string, patch: LocalGoalPatch, options?: WriteOptions): Promise<LocalGoal> {
    return toGoal(await this.update('goals', id, goalFields(patch), options), new IssueCollector());
  }

  async updateGoals(updates: readonly GoalUpdate[]): Promise<GoalUpdateResult[]> {
    if (updates.length === 0) return [];
    const send = async (batch: ReadonlyArray<{ update: GoalUpdate; index: number }>) => {
      const siteLists = await this.requireLists('goals');
      const path = this.itemsPath(siteLists, 'goals');
      return this.graph.batch(
        batch.map(({ update, index }) => ({
          id: String(index),
          method: 'PATCH' as const,
          url: `${path}/${encodeURIComponent(update.id)}/fields`,
          headers: { 'Content-Type': 'application/json', ...(update.ifMatch ? { 'If-Match': update.ifMatch } : {}) },
          body: goalFields(update.patch),
        })),
      );
    };
    const results: GoalUpdateResult[] = new Array<GoalUpdateResult>(updates.length);
    let pending = updates.map((update, index) => ({ update, index }));
    // A column someone deleted in Microsoft Lists is put back once, then those goals are sent again.
    for (let attempt = 0; pending.length > 0; attempt++) {
      const answers = await send(pending);
      const again: typeof pending = [];
      for (const job of pending) {
        try {
          const fields = ensureOk<Fields>(answers.get(String(job.index)));
          const etag = typeof fields['@odata.etag'] === 'string' ? fields['@odata.etag'] : undefined;
          results[job.index] = { id: job.update.id, ok: true, goal: toGoal({ id: job.update.id, eTag: etag, fields }, new IssueCollector()) };
        } catch (err) {
          if (attempt === 0 && isUnknownFieldError(err)) again.push(job);
          else results[job.index] = { id: job.update.id, ok: false, error: this.translate(err, 'goals', job.update.id) as Error };
        }
      }
      if (again.length > 0) await this.site.provision();
      pending = again;
    }
    return results;
  }

  async deleteGoal(id: string, options?: WriteOptions): Promise<void> {
    await this.remove('goals', id, options);
  }

  async getGoal(id: string): Promise<LocalGoal> {
    const { siteId, lists } = await this.site.locate();
    const list = lists.get('goals');
    if (!list) throw new NotFoundError('goal', id);
    try {
      const item = await this.graph.get<ListItem>(
        withQuery(`/sites/${siteId}/lists/${list.id}/items/${encodeURIComponent(id)}`, { expand: 'fields' }),
      );
      return toGoal(item, new IssueCollector());
    } catch (err) {
      throw this.translate(err, 'goals', id);
    }
  }

  async addCheckIn(checkIn: NewCheckIn): Promise<CheckIn> {
    return toCheckIn(await this.createOnce('checkIns', checkIn.clientId, checkInFields(checkIn)));
  }

  async addComment(comment: NewComment): Promise<GoalComment> {
    return toComment(await this.createOnce('comments', comment.clientId, commentFields(comment)));
  }

  async goalHistory(goalId: string): Promise<GoalVersion[]> {
    const siteLists = await this.site.locate();
    try {
      const versions = await this.graph.getAll<{ id: string; lastModifiedDateTime: string; lastModifiedBy?: { user?: { displayName?: string } }; fields?: Fields }>(
        withQuery(`${this.itemsPath(siteLists, 'goals')}/${encodeURIComponent(goalId)}/versions`, { expand: 'fields' }),
      );
      const issues = new IssueCollector();
      return versions.map((v) => ({
        version: v.id,
        modified: v.lastModifiedDateTime,
        modifiedBy: v.lastModifiedBy?.user?.displayName ?? '',
        goal: toGoal({ id: goalId, fields: v.fields ?? {} }, issues),
      }));
    } catch (err) {
      throw this.translate(err, 'goals', goalId);
    }
  }

  /** Check-ins of one goal, newest last; GoalId is indexed, so this stays fast on large lists. */
  async checkInsOf(goalId: string): Promise<CheckIn[]> {
    const siteLists = await this.site.locate();
    const path = withQuery(this.itemsPath(siteLists, 'checkIns'), {
      expand: 'fields',
      filter: fieldEquals('GoalId', goalId),
      top: ITEMS_PAGE_SIZE,
    });
    const items = await this.graph.getAll<ListItem>(path);
    return items.map(toCheckIn).sort((a, b) => a.date.localeCompare(b.date));
  }

  async createSituationRow(row: NewSituationRow): Promise<SituationRow> {
    return toSituationRow(await this.createOnce('situation', row.clientId ?? newClientId(), situationFields(row)));
  }

  async updateSituationRow(id: string, patch: Partial<NewSituationRow>, options?: WriteOptions): Promise<SituationRow> {
    return toSituationRow(await this.update('situation', id, situationFields(patch), options));
  }

  async deleteSituationRow(id: string, options?: WriteOptions): Promise<void> {
    await this.remove('situation', id, options);
  }

  /* ---- generic item operations ---- */

  private async remove(key: ListKey, id: string, options?: WriteOptions): Promise<void> {
    const siteLists = await this.site.locate();
    try {
      await this.graph.delete(`${this.itemsPath(siteLists, key)}/${encodeURIComponent(id)}`, {
        headers: options?.ifMatch ? { 'If-Match': options.ifMatch } : {},
      });
    } catch (err) {
      throw this.translate(err, key, id);
    }
  }

  /**
   * Creates an item exactly once per client key (graph/idempotent.ts): the create is sent with its
   * ClientId, a column that enforces unique values, so a second create with the key (a retry after
   * a lost answer, a replayed queued write, or a concurrent one) is refused and resolves to the
   * stored item; after an ambiguous failure the key is looked up before anything is sent again.
   * ClientId is indexed, so the look-up stays valid on large lists.
   */
  private async createOnce(key: ListKey, clientId: string, fields: Record<string, unknown>): Promise<ListItem> {
    return createExactlyOnce({
      create: () => this.create(key, { ...fields, ClientId: clientId }),
      find: async () => {
        const siteLists = await this.requireLists(key);
        const found = await this.graph.getAll<ListItem>(
          withQuery(this.itemsPath(siteLists, key), { expand: 'fields', filter: fieldEquals('ClientId', clientId), top: 1 }),
        );
        return found[0] ?? null;
      },
      ...(this.options.retryDelayMs ? { delayMs: this.options.retryDelayMs } : {}),
    });
  }

  private itemsPath(siteLists: SiteLists, key: ListKey): string {
    const list = siteLists.lists.get(key);
    if (!list) throw new NotFoundError('list', key);
    return `/sites/${siteLists.siteId}/lists/${list.id}/items`;
  }

  private async create(key: ListKey, fields: Record<string, unknown>): Promise<ListItem> {
    return this.withRepair(async () => {
      const siteLists = await this.requireLists(key);
      return this.graph.post<ListItem>(this.itemsPath(siteLists, key), { fields });
    });
  }

  private async update(key: ListKey, id: string, fields: Record<string, unknown>, options?: WriteOptions): Promise<ListItem> {
    try {
      return await this.withRepair(async () => {
        const siteLists = await this.requireLists(key);
        const headers: Record<string, string> = options?.ifMatch ? { 'If-Match': options.ifMatch } : {};
        const result = await this.graph.patch<Fields>(`${this.itemsPath(siteLists, key)}/${encodeURIComponent(id)}/fields`, fields, {
          headers,
        });
        // PATCH …/fields answers with the fieldValueSet, whose @odata.etag is the item's new eTag.
        const etag = typeof result['@odata.etag'] === 'string' ? result['@odata.etag'] : undefined;
        return { id, eTag: etag, fields: result, lastModifiedDateTime: typeof result.Modified === 'string' ? result.Modified : undefined };
      });
    } catch (err) {
      throw this.translate(err, key, id);
    }
  }

  private async requireLists(key: ListKey): Promise<SiteLists> {
    let siteLists = await this.site.locate();
    if (!siteLists.lists.has(key)) {
      await this.site.provision();
      siteLists = await this.site.locate();
    }
    return siteLists;
  }

  /** A write naming a column someone deleted in Microsoft Lists repairs the schema and tries once more. */
  private async withRepair<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (!isUnknownFieldError(err)) throw err;
      await this.site.provision();
      return write();
    }
  }

  private translate(err: unknown, key: ListKey, id: string): unknown {
    if (err instanceof GraphRequestError) {
      if (err.status === 412) return new ConflictError(ENTITY[key], id);
      if (err.status === 404) return new NotFoundError(ENTITY[key], id);
      if (err.status === 403) return new AccessDeniedError(ENTITY[key], id);
    }
    return err;
  }
}
