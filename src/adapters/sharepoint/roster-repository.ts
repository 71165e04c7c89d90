/**
 * The Org365 rollout over the team site's lists and Microsoft Graph (issue 13), behind RosterPort.
 *
 * - The roster ('Tillitsvalgte', schema.ts `roster`): the board edits, members read. Creates carry a
 *   client key (unique ClientId) and are stored once (graph/idempotent.ts); edits carry If-Match.
 * - Own confirmations ('Bekreftelser fra tillitsvalgte'): members add and change only their own
 *   items, so a confirmation counts for the representative whose Entra id SharePoint records as its
 *   creator (`createdBy`), never for whoever a client claims.
 * - The steps and the committed import live on the plan item (RolloutSteps, RosterImport).
 * - What the tenant says (accounts by mail or sign-in name, the team's members) is read through the
 *   RosterDirectory on every refresh; the board's refresh stores Entra ids found and the days tenant
 *   steps were first seen, so that the rollout over time needs no history list.
 *
 * An import is all-or-nothing: its rows are staged (ImportState `pending:<importId>`, ClientId
 * `<importId>:<n>`; a changed person's row names the row it replaces), then ONE write to the plan
 * item (RosterImport = importId, If-Match) publishes them all (roster-mappers.ts `visibleRows`).
 * Afterwards the staged rows are made ordinary and the replaced rows deleted; an interrupted
 * clean-up is finished by the next import or board refresh. A retry with the same importId creates
 * only the rows not yet stored. Rows staged by an import that never published are invisible and
 * removed by a later import after a day.
 */
import { ensureOk, type BatchStep, type GraphApi, type Page } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { createExactlyOnce } from '../../graph/idempotent';
import { withQuery } from '../../graph/odata';
import type { Plan } from '../../domain/plan';
import { AccessDeniedError, ConflictError, NotFoundError, normaliseAddress, type Directory, type DirectoryUser, type RosterDirectory, type TeamMember, type WriteOptions } from '../../domain/ports';
import {
  applyDirectoryFacts,
  readRolloutSteps,
  withSelfConfirmations,
  writeRolloutSteps,
  type DirectoryFacts,
  type Representative,
  type RolloutStep,
  type StepMark,
} from '../../domain/roster';
import {
  RosterChangedError,
  type NewRepresentative,
  type RefreshOptions,
  type RepresentativePatch,
  type RosterImportInput,
  type RosterImportResult,
  type RosterPort,
  type RosterSnapshot,
} from '../../domain/roster-port';
import { createStep, findByClientId, runCreates, runSteps } from './bulk-writes';
import { IssueCollector, currentPlan, planFields, toPlan, type Fields, type ListItem } from './mappers';
import {
  confirmationFields,
  confirmationKey,
  fullRepFields,
  marksValue,
  repFields,
  seenValue,
  stagingOf,
  toConfirmation,
  toRepresentative,
  visibleRows,
} from './roster-mappers';
import type { ListKey } from './schema';
import { SiteListsManager, type SiteLists } from './site-lists';

const ENTITY = 'representative';
const PAGE = 5000;
/** A staged row this old belongs to an import that never published: the next import removes it. */
export const ROSTER_ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

function translate(err: unknown, entity: string, id: string): unknown {
  if (err instanceof GraphRequestError) {
    if (err.status === 412) return new ConflictError(entity, id);
    if (err.status === 404) return new NotFoundError(entity, id);
    if (err.status === 403) return new AccessDeniedError(entity, id);
  }
  return err;
}

/** A search the caller may not make (403) as null; anything else is thrown. */
function refusedAsNull(err: unknown): null {
  if (err instanceof GraphRequestError && err.status === 403) return null;
  throw err;
}

const etagOf = (written: Fields): string | undefined => (typeof written['@odata.etag'] === 'string' ? written['@odata.etag'] : undefined);

export type RosterDirectoryReader = RosterDirectory & Pick<Directory, 'me' | 'teamMembers'>;

interface Stored {
  readonly site: SiteLists;
  readonly plan: Plan | null;
  /** Every roster row, staged ones included. */
  readonly rows: readonly ListItem[];
  readonly confirmations: readonly ListItem[];
}

export class SharePointRosterRepository implements RosterPort {
  private readonly site: SiteListsManager;

  constructor(
    private readonly graph: GraphApi,
    private readonly teamId: string,
    private readonly directory: RosterDirectoryReader,
    private readonly options: { readonly now?: () => Date } = {},
  ) {
    this.site = new SiteListsManager(graph, teamId);
  }

  async refresh(today: string, options: RefreshOptions = {}): Promise<RosterSnapshot> {
    // Reading never creates the lists (the first write does), so a team that keeps no roster gets none.
    let stored = await this.read();
    if (options.write && stored.plan?.rosterImport) {
      // Finish an interrupted publish, so that the rows become ordinary before anyone edits them.
      if (await this.finishImport(stored, stored.plan.rosterImport)) stored = await this.read();
    }
    const { steps, problems } = readRolloutSteps(stored.plan?.rolloutSteps ?? null);
    const rows = visibleRows(stored.rows, stored.plan?.rosterImport ?? null);
    let reps = rows.map(toRepresentative);
    const { facts, names } = options.directory === false ? { facts: null, names: new Map<string, string>() } : await this.facts(reps);
    let updated = 0;
    if (facts) {
      const changed = applyDirectoryFacts(reps, steps, facts, today);
      if (options.write && changed.length > 0) {
        const written = await this.storeFacts(stored.site, changed);
        updated = written.size;
        reps = reps.map((rep) => written.get(rep.id) ?? rep);
      } else {
        const byId = new Map(changed.map((rep) => [rep.id, rep]));
        reps = reps.map((rep) => byId.get(rep.id) ?? rep);
      }
    }
    const confirmations = stored.confirmations.map(toConfirmation).filter((c) => c !== null);
    return {
      reps: withSelfConfirmations(reps, steps, confirmations),
      steps,
      stepProblems: problems,
      facts,
      accountNames: names,
      plan: stored.plan ? { id: stored.plan.id, etag: stored.plan.etag ?? null } : null,
      updated,
    };
  }

  async add(rep: NewRepresentative & { readonly clientId: string }): Promise<Representative> {
    const { site, listId } = await this.listOf('roster');
    const path = `/sites/${site.siteId}/lists/${listId}/items`;
    const item = await createExactlyOnce<ListItem>({
      create: () => this.graph.post<ListItem>(path, { fields: { ...fullRepFields(rep), ClientId: rep.clientId } }).catch((err: unknown) => Promise.reject(translate(err, ENTITY, rep.clientId))),
      find: () => findByClientId(this.graph, site.siteId, listId, rep.clientId),
    });
    return toRepresentative(item);
  }

  async update(id: string, patch: RepresentativePatch, options: WriteOptions = {}): Promise<Representative> {
    return this.patchRow(id, repFields(patch), options.ifMatch ?? null);
  }

  async setMark(rep: Representative, stepId: string, mark: StepMark | null): Promise<Representative> {
    const current = rep.marks[stepId];
    if (current?.by === 'self' && mark === null) {
      // The board withdraws what the representative confirmed: their confirmation item goes.
      if (rep.entraId) await this.removeConfirmation(confirmationKey(rep.entraId, stepId));
      return rep;
    }
    const marks: Record<string, StepMark> = { ...rep.marks };
    if (mark) marks[stepId] = { on: mark.on, by: 'board' };
    else delete marks[stepId];
    const written = await this.patchRow(rep.id, { StepMarks: marksValue(marks) }, rep.etag ?? null);
    return { ...written, marks: { ...Object.fromEntries(Object.entries(rep.marks).filter(([, m]) => m.by === 'self')), ...written.marks } };
  }

  async confirmOwn(stepId: string, on: string | null): Promise<void> {
    const me = await this.directory.me();
    const key = confirmationKey(me.id, stepId);
    if (on === null) return this.removeConfirmation(key);
    const { site, listId } = await this.listOf('rosterConfirmations');
    const path = `/sites/${site.siteId}/lists/${listId}/items`;
    await createExactlyOnce<ListItem>({
      create: () => this.graph.post<ListItem>(path, { fields: { ...confirmationFields(stepId, on), ClientId: key } }).catch((err: unknown) => Promise.reject(translate(err, 'confirmation', key))),
      find: () => findByClientId(this.graph, site.siteId, listId, key),
    });
  }

  async saveSteps(steps: readonly RolloutStep[], plan: { readonly id: string; readonly etag: string | null }): Promise<{ etag: string | null }> {
    const written = await this.patchPlan(plan.id, { rolloutSteps: writeRolloutSteps(steps) }, plan.etag);
    return { etag: etagOf(written) ?? null };
  }

  async invite(rep: Representative): Promise<TeamMember> {
    let userId = rep.entraId;
    if (!userId) userId = (await this.directory.findUsersByAddress([rep.email])).get(normaliseAddress(rep.email))?.id ?? null;
    if (!userId) throw new NotFoundError('user', rep.email);
    return this.directory.addTeamMember(this.teamId, userId);
  }

  async importRoster(input: RosterImportInput, onProgress: (done: number, total: number) => void = () => {}): Promise<RosterImportResult> {
    await this.ensureLists();
    let stored = await this.read();
    if (!stored.plan) throw new NotFoundError('plan', this.teamId);
    const total = input.added.length + input.changed.length;
    if (stored.plan.rosterImport === input.importId) {
      // Published by an earlier attempt whose answer was lost: only the clean-up may be left.
      await this.finishImport(stored, input.importId);
      onProgress(total, total);
      return { added: input.added.length, changed: input.changed.length, resumed: true };
    }
    if (stored.plan.rosterImport && (await this.finishImport(stored, stored.plan.rosterImport))) stored = await this.read();
    const plan = stored.plan as Plan;
    await this.removeAbandoned(stored, input.importId);

    const ours = new Set(stored.rows.filter((row) => stagingOf(row).importId === input.importId).map((row) => str(row, 'ClientId')));
    const resumed = ours.size > 0;
    this.checkUnchanged(stored, input.changed);
    const pending = `pending:${input.importId}`;
    const steps = [
      ...input.added.map((rep, i) => ({ key: `${input.importId}:${i}`, fields: { ...fullRepFields(rep), ImportState: pending } })),
      ...input.changed.map((rep, i) => ({ key: `${input.importId}:c${i}`, fields: { ...fullRepFields(rep), ImportState: pending, Replaces: rep.id } })),
    ]
      .filter((row) => !ours.has(row.key))
      .map((row) => createStep(stored.site, 'roster', row.key, row.fields));
    onProgress(total - steps.length, total);
    for (let i = 0; i < steps.length; i += 100) {
      await runCreates(this.graph, stored.site.siteId, steps.slice(i, i + 100));
      onProgress(Math.min(total, total - steps.length + i + 100), total);
    }

    // Publish: one write. Someone else's publish meanwhile (412) is finished first, then checked again.
    let planEtag = plan.etag ?? null;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.patchPlan(plan.id, { rosterImport: input.importId }, planEtag);
        break;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= 3) throw err;
        const again = await this.read();
        if (again.plan?.rosterImport && again.plan.rosterImport !== plan.rosterImport) await this.finishImport(again, again.plan.rosterImport);
        const fresh = await this.read();
        this.checkUnchanged(fresh, input.changed);
        planEtag = fresh.plan?.etag ?? null;
      }
    }
    await this.finishImport(await this.read(), input.importId);
    return { added: input.added.length, changed: input.changed.length, resumed };
  }

  /* ---- helpers ---- */

  /** The roster, its confirmations and the current plan item, in one `$batch`. */
  private async read(): Promise<Stored> {
    this.site.forget();
    const site = await this.site.locate();
    const keys: ListKey[] = (['roster', 'rosterConfirmations', 'plans'] as const).filter((key) => site.lists.has(key));
    const results = await this.graph.batch(
      keys.map((key) => ({
        id: key,
        method: 'GET' as const,
        url: withQuery(`/sites/${site.siteId}/lists/${site.lists.get(key)?.id ?? ''}/items`, { expand: 'fields', top: PAGE }),
      })),
    );
    const items = new Map<ListKey, ListItem[]>();
    await Promise.all(keys.map(async (key) => items.set(key, await this.graph.continuePages(ensureOk<Page<ListItem>>(results.get(key))))));
    const issues = new IssueCollector();
    const plan = currentPlan((items.get('plans') ?? []).map((item) => ({ item, plan: toPlan(item, issues) })));
    return { site, plan, rows: items.get('roster') ?? [], confirmations: items.get('rosterConfirmations') ?? [] };
  }

  /** The accounts found for the representatives' addresses and the team's members; null when the directory cannot be read. */
  private async facts(reps: readonly Representative[]): Promise<{ facts: DirectoryFacts | null; names: Map<string, string> }> {
    const names = new Map<string, string>();
    try {
      const [users, members] = await Promise.all([
        reps.length ? this.directory.findUsersByAddress(reps.map((r) => r.email)).catch(refusedAsNull) : Promise.resolve(new Map<string, DirectoryUser>()),
        this.directory.teamMembers(this.teamId),
      ]);
      const accounts = new Map<string, string>();
      for (const rep of reps) {
        if (users === null) {
          // May not search the directory (the unattended runner without User.Read.All): the accounts as last found.
          if (rep.entraId) accounts.set(rep.id, rep.entraId);
          continue;
        }
        const user = users.get(normaliseAddress(rep.email));
        if (!user) continue;
        accounts.set(rep.id, user.id);
        names.set(rep.id, user.displayName);
      }
      return { facts: { accounts, members: new Set(members.map((m) => m.id)) }, names };
    } catch {
      return { facts: null, names };
    }
  }

  /** Stores Entra ids and first-seen days (If-Match); a row changed meanwhile is left for the next read. */
  private async storeFacts(site: SiteLists, changed: readonly Representative[]): Promise<Map<string, Representative>> {
    const listId = site.lists.get('roster')?.id ?? '';
    const steps: BatchStep[] = changed.map((rep, i) => ({
      id: `f${i}`,
      method: 'PATCH',
      url: `/sites/${site.siteId}/lists/${listId}/items/${encodeURIComponent(rep.id)}/fields`,
      headers: { 'Content-Type': 'application/json', ...(rep.etag ? { 'If-Match': rep.etag } : {}) },
      body: { EntraId: rep.entraId ?? '', StepsSeen: seenValue(rep.seen) },
    }));
    const results = await this.graph.batch(steps);
    const written = new Map<string, Representative>();
    changed.forEach((rep, i) => {
      const result = results.get(`f${i}`);
      if (result && result.status >= 200 && result.status < 300) written.set(rep.id, { ...rep, etag: etagOf((result.body ?? {}) as Fields) ?? rep.etag });
    });
    return written;
  }

  /** Makes the committed import's staged rows ordinary and deletes the rows they replaced; true when anything was left to do. */
  private async finishImport(stored: Stored, importId: string): Promise<boolean> {
    const listId = stored.site.lists.get('roster')?.id;
    if (!listId) return false;
    const staged = stored.rows.filter((row) => stagingOf(row).importId === importId);
    if (staged.length === 0) return false;
    const base = `/sites/${stored.site.siteId}/lists/${listId}/items`;
    const replaced = staged.map((row) => stagingOf(row).replaces).filter((id): id is string => id !== null && stored.rows.some((r) => r.id === id));
    await runSteps(
      this.graph,
      replaced.map((id, i) => ({ id: `d${i}`, method: 'DELETE' as const, url: `${base}/${encodeURIComponent(id)}` })),
    );
    await runSteps(
      this.graph,
      staged.map((row, i) => ({
        id: `p${i}`,
        method: 'PATCH' as const,
        url: `${base}/${encodeURIComponent(row.id)}/fields`,
        headers: { 'Content-Type': 'application/json' },
        body: { ImportState: '', Replaces: '' },
      })),
    );
    return true;
  }

  /** Removes rows staged by other imports that never published, once they are a day old. */
  private async removeAbandoned(stored: Stored, importId: string): Promise<void> {
    const listId = stored.site.lists.get('roster')?.id ?? '';
    const now = (this.options.now ?? (() => new Date()))().getTime();
    const old = stored.rows.filter((row) => {
      const staged = stagingOf(row).importId;
      return staged !== null && staged !== importId && staged !== stored.plan?.rosterImport && now - Date.parse(row.createdDateTime ?? '') > ROSTER_ABANDONED_AFTER_MS;
    });
    await runSteps(
      this.graph,
      old.map((row, i) => ({ id: `a${i}`, method: 'DELETE' as const, url: `/sites/${stored.site.siteId}/lists/${listId}/items/${encodeURIComponent(row.id)}` })),
    );
  }

  /** Refuses an import whose changed people were edited (or removed) since its preview. */
  private checkUnchanged(stored: Stored, changed: readonly Representative[]): void {
    const visible = new Map(visibleRows(stored.rows, stored.plan?.rosterImport ?? null).map((row) => [row.id, row]));
    for (const rep of changed) {
      const row = visible.get(rep.id);
      if (!row || (rep.etag && row.eTag && row.eTag !== rep.etag)) throw new RosterChangedError();
    }
  }

  private async patchRow(id: string, fields: Record<string, unknown>, ifMatch: string | null): Promise<Representative> {
    const { site, listId } = await this.listOf('roster');
    const path = `/sites/${site.siteId}/lists/${listId}/items/${encodeURIComponent(id)}`;
    try {
      const written = await this.graph.patch<Fields>(`${path}/fields`, fields, ifMatch ? { headers: { 'If-Match': ifMatch } } : undefined);
      return toRepresentative({ id, eTag: etagOf(written), fields: written });
    } catch (err) {
      throw translate(err, ENTITY, id);
    }
  }

  private async patchPlan(id: string, patch: Parameters<typeof planFields>[0], ifMatch: string | null): Promise<Fields> {
    const { site, listId } = await this.listOf('plans');
    try {
      return await this.graph.patch<Fields>(`/sites/${site.siteId}/lists/${listId}/items/${encodeURIComponent(id)}/fields`, planFields(patch), ifMatch ? { headers: { 'If-Match': ifMatch } } : undefined);
    } catch (err) {
      throw translate(err, 'plan', id);
    }
  }

  private async removeConfirmation(key: string): Promise<void> {
    const { site, listId } = await this.listOf('rosterConfirmations');
    const item = await findByClientId(this.graph, site.siteId, listId, key);
    if (!item) return;
    try {
      await this.graph.delete(`/sites/${site.siteId}/lists/${listId}/items/${encodeURIComponent(item.id)}`);
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 404) return;
      throw translate(err, 'confirmation', key);
    }
  }

  /** The list's id, creating the lists in a site provisioned before they existed. */
  private async listOf(key: ListKey): Promise<{ site: SiteLists; listId: string }> {
    let site = await this.site.locate();
    if (!site.lists.has(key)) site = await this.ensureLists();
    const list = site.lists.get(key);
    if (!list) throw new AccessDeniedError(ENTITY, 'list');
    return { site, listId: list.id };
  }

  private async ensureLists(): Promise<SiteLists> {
    let site = await this.site.locate();
    if (!site.lists.has('roster') || !site.lists.has('rosterConfirmations')) {
      await this.site.provision();
      this.site.forget();
      site = await this.site.locate();
    }
    return site;
  }
}

function str(item: ListItem, name: string): string {
  const value = item.fields?.[name];
  return typeof value === 'string' ? value : '';
}
