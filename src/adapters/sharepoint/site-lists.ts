/**
 * Finds, creates and repairs the plan's lists in a team's SharePoint site.
 * Idempotent: running it twice, or by two people at once, leaves one set of lists.
 */
import { ensureOk, type BatchStep, type GraphApi } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import type { ListHealth, StorageHealth } from '../../domain/ports';
import { LISTS, LIST_KEYS, parseMarker, versionOf, toColumnDefinition, type ListKey, type ListSpec } from './schema';

export interface ListRef {
  readonly id: string;
  readonly displayName: string;
  readonly version: number;
}

export interface SiteLists {
  readonly siteId: string;
  readonly lists: ReadonlyMap<ListKey, ListRef>;
}

interface GraphList {
  readonly id: string;
  readonly displayName: string;
  readonly description?: string;
}

interface GraphColumn {
  readonly id: string;
  readonly name: string;
  readonly text?: { readonly allowMultipleLines?: boolean; readonly textType?: string };
  readonly indexed?: boolean;
  readonly enforceUniqueValues?: boolean;
}

/** Columns the spec wants unique that exist without the constraint (created before it, or changed in Lists). */
function notUniqueColumns(spec: ListSpec, columns: ReadonlyMap<string, GraphColumn>): GraphColumn[] {
  return spec.columns
    .filter((c) => c.unique)
    .flatMap((c) => columns.get(c.name) ?? [])
    .filter((c) => c.enforceUniqueValues !== true);
}

/** Multi-line columns of the spec that exist but are not plain text (created before v2 of the schema or changed in Lists). */
function richTextColumns(spec: ListSpec, columns: ReadonlyMap<string, GraphColumn>): GraphColumn[] {
  return spec.columns
    .filter((c) => c.type.kind === 'text' && c.type.multiline)
    .flatMap((c) => columns.get(c.name) ?? [])
    .filter((c) => c.text?.textType !== 'plain');
}

/** Matches the site's lists to the specs: by marker first (survives renames), then by display name. */
export function matchLists(found: readonly GraphList[]): Map<ListKey, ListRef> {
  const out = new Map<ListKey, ListRef>();
  for (const key of LIST_KEYS) {
    const spec = LISTS[key];
    const byMarker = found.find((l) => parseMarker(l.description)?.key === key);
    const byName = found.find((l) => l.displayName.toLowerCase() === spec.displayName.toLowerCase());
    const list = byMarker ?? byName;
    if (list) out.set(key, { id: list.id, displayName: list.displayName, version: parseMarker(list.description)?.version ?? 0 });
  }
  return out;
}

export const siteRootPath = (teamId: string) => `/groups/${encodeURIComponent(teamId)}/sites/root`;

export const listsQuery = (teamId: string) => `${siteRootPath(teamId)}/lists?$select=id,displayName,description`;

export class SiteListsManager {
  private cached: SiteLists | null = null;

  constructor(
    private readonly graph: GraphApi,
    private readonly teamId: string,
  ) {}

  /** Remembers lists found by a combined load request. */
  remember(siteLists: SiteLists): void {
    this.cached = siteLists;
  }

  forget(): void {
    this.cached = null;
  }

  async locate(): Promise<SiteLists> {
    if (this.cached) return this.cached;
    const results = await this.graph.batch([
      { id: 'site', method: 'GET', url: `${siteRootPath(this.teamId)}?$select=id` },
      { id: 'lists', method: 'GET', url: listsQuery(this.teamId) },
    ]);
    const site = ensureOk<{ id: string }>(results.get('site'));
    const lists = ensureOk<{ value: GraphList[] }>(results.get('lists'));
    this.cached = { siteId: site.id, lists: matchLists(lists.value) };
    return this.cached;
  }

  async health(): Promise<StorageHealth> {
    this.forget();
    const { siteId, lists } = await this.locate();
    const columns = await this.columnsOf(siteId, lists);
    return {
      lists: LIST_KEYS.map((key) => this.healthOf(LISTS[key], lists.get(key) ?? null, columns.get(key) ?? null, 'ok')),
    };
  }

  /** Creates missing lists, adds missing columns and bumps versions. */
  async provision(): Promise<StorageHealth> {
    this.forget();
    const { siteId, lists } = await this.locate();
    const created = new Map<ListKey, ListRef>();

    const missing = LIST_KEYS.filter((key) => !lists.has(key));
    if (missing.length > 0) {
      const results = await this.graph.batch(
        missing.map((key) => ({
          id: key,
          method: 'POST' as const,
          url: `/sites/${siteId}/lists`,
          headers: { 'Content-Type': 'application/json' },
          body: {
            displayName: LISTS[key].displayName,
            description: LISTS[key].description,
            columns: LISTS[key].columns.map(toColumnDefinition),
            list: { template: 'genericList' },
          },
        })),
      );
      let raced = false;
      for (const key of missing) {
        const result = results.get(key);
        if (result?.status === 409) {
          raced = true; // someone else created it a moment ago
          continue;
        }
        const list = ensureOk<GraphList>(result);
        created.set(key, { id: list.id, displayName: list.displayName, version: LISTS[key].version });
      }
      if (raced) {
        this.forget();
        const again = await this.locate();
        for (const [key, ref] of again.lists) if (!created.has(key) && !lists.has(key)) created.set(key, ref);
      }
    }

    const existing = new Map([...lists].filter(([key]) => !created.has(key)));
    const columns = await this.columnsOf(siteId, existing);
    const repairs: BatchStep[] = [];
    const repaired = new Set<ListKey>();
    for (const [key, ref] of existing) {
      const spec = LISTS[key];
      const have = columns.get(key) ?? new Map<string, GraphColumn>();
      for (const column of richTextColumns(spec, have)) {
        // Update columnDefinition (https://learn.microsoft.com/en-us/graph/api/columndefinition-update).
        repaired.add(key);
        repairs.push({
          id: `${key}-${column.name}-plain`,
          method: 'PATCH',
          url: `/sites/${siteId}/lists/${ref.id}/columns/${column.id}`,
          headers: { 'Content-Type': 'application/json' },
          body: { text: { textType: 'plain' } },
        });
      }
      for (const column of notUniqueColumns(spec, have)) {
        // Update columnDefinition (https://learn.microsoft.com/en-us/graph/api/columndefinition-update);
        // SharePoint refuses it while duplicates exist, which then stays visible as 'outdated'.
        repaired.add(key);
        repairs.push({
          id: `${key}-${column.name}-unique`,
          method: 'PATCH',
          url: `/sites/${siteId}/lists/${ref.id}/columns/${column.id}`,
          headers: { 'Content-Type': 'application/json' },
          body: { indexed: true, enforceUniqueValues: true },
        });
      }
      for (const column of spec.columns) {
        if (!have.has(column.name)) {
          repaired.add(key);
          repairs.push({
            id: `${key}-${column.name}`,
            method: 'POST',
            url: `/sites/${siteId}/lists/${ref.id}/columns`,
            headers: { 'Content-Type': 'application/json' },
            body: toColumnDefinition(column),
          });
        }
      }
    }
    if (repairs.length > 0) {
      const results = await this.graph.batch(repairs);
      for (const step of repairs) {
        const result = results.get(step.id);
        // 409: the column was added concurrently by someone else — that is what we wanted. A 400 on
        // making a column unique: duplicates exist (older lists); health keeps showing it.
        if (result?.status === 409 || (result?.status === 400 && step.id.endsWith('-unique'))) continue;
        ensureOk(result);
      }
    }

    const all = new Map<ListKey, ListRef>([...existing, ...created]);
    this.cached = {
      siteId,
      lists: new Map([...all].map(([key, ref]) => [key, { ...ref, version: LISTS[key].version }])),
    };
    return {
      lists: LIST_KEYS.map((key) => {
        const ref = all.get(key) ?? null;
        const state = created.has(key) ? 'created' : repaired.has(key) ? 'repaired' : 'ok';
        return { ...this.healthOf(LISTS[key], ref, null, state), version: LISTS[key].version };
      }),
    };
  }

  private async columnsOf(siteId: string, lists: ReadonlyMap<ListKey, ListRef>): Promise<Map<ListKey, Map<string, GraphColumn>>> {
    const steps: BatchStep[] = [...lists].map(([key, ref]) => ({
      id: key,
      method: 'GET',
      url: `/sites/${siteId}/lists/${ref.id}/columns?$select=id,name,text,indexed,enforceUniqueValues`,
    }));
    const out = new Map<ListKey, Map<string, GraphColumn>>();
    if (steps.length === 0) return out;
    const results = await this.graph.batch(steps);
    for (const [key] of lists) {
      const body = ensureOk<{ value: GraphColumn[] }>(results.get(key));
      out.set(key, new Map(body.value.map((c) => [c.name, c])));
    }
    return out;
  }

  private healthOf(spec: ListSpec, ref: ListRef | null, columns: ReadonlyMap<string, GraphColumn> | null, state: ListHealth['state']): ListHealth {
    if (!ref) return { key: spec.key, displayName: spec.displayName, listId: null, state: 'missing', missingColumns: [], version: 0 };
    const missingColumns = columns ? spec.columns.filter((c) => !columns.has(c.name)).map((c) => c.name) : [];
    // With the columns at hand the version is what they match; else what the marker says.
    const version = columns ? versionOf(spec, columns) : ref.version;
    const outdated = version < spec.version || (columns !== null && (richTextColumns(spec, columns).length > 0 || notUniqueColumns(spec, columns).length > 0));
    return {
      key: spec.key,
      displayName: ref.displayName,
      listId: ref.id,
      state: state === 'ok' && outdated ? 'outdated' : state,
      missingColumns,
      version,
    };
  }
}

/** True for SharePoint's answer to a write that names a column the list no longer has. */
export function isUnknownFieldError(err: unknown): boolean {
  return err instanceof GraphRequestError && err.status === 400 && /Field '.*' is not recognized/i.test(err.message);
}
