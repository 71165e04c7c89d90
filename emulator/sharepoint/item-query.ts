import { GraphError, badRequest } from '../core/graph-error.ts';
import { compareNonNull, compileFilter } from '../odata/filter-eval.ts';
import { filterPaths, parseFilter } from '../odata/filter-parser.ts';
import { parseOrderBy, parseTop } from '../odata/query-options.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import type { ColumnState, ListItemState, ListState } from '../state/tenant-state.ts';
import { columnForFieldKey } from './column-model.ts';
import { lookupIdOf } from './item-view.ts';

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;
export const LIST_VIEW_THRESHOLD = 5000;
export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ItemQuery {
  readonly filter?: string;
  readonly orderBy?: string;
  readonly top?: string;
  readonly skipToken?: string;
  /** The request carried `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`. */
  readonly honorNonIndexed: boolean;
  readonly enforceListViewThreshold: boolean;
  /** Items the caller may see (ReadSecurity=2 hides other people's items; permissions.ts); default all. */
  readonly visible?: (item: ListItemState) => boolean;
}

export interface ItemPage {
  readonly items: ListItemState[];
  /** Token for the next page, or null on the last page. */
  readonly nextSkipToken: string | null;
}

type Accessor = (item: ListItemState) => unknown;

interface ResolvedPath {
  readonly accessor: Accessor;
  /** The column the path refers to, for the index check (undefined for the item id). */
  readonly column?: ColumnState;
}

function resolvePath(list: ListState, path: string, store: TenantStore): ResolvedPath {
  const byId: ResolvedPath = { accessor: (i) => i.id };
  const created = (i: ListItemState): unknown => i.createdDateTime;
  const modified = (i: ListItemState): unknown => i.lastModifiedDateTime;
  const column = (name: string): ColumnState | undefined => list.columns.find((c) => c.name === name);
  if (path === 'id') return byId;
  if (path === 'createdDateTime') return { accessor: created, column: column('Created') };
  if (path === 'lastModifiedDateTime') return { accessor: modified, column: column('Modified') };
  if (!path.startsWith('fields/')) {
    throw badRequest(`Could not find a property named '${path}' on type 'microsoft.graph.listItem'.`);
  }
  const key = path.slice('fields/'.length);
  if (key === 'id' || key === 'ID') return byId;
  if (key === 'Created') return { accessor: created, column: column('Created') };
  if (key === 'Modified') return { accessor: modified, column: column('Modified') };
  if (key === 'Author' || key === 'AuthorLookupId') {
    return { accessor: (i) => lookupIdOf(store, i.authorId), column: column('Author') };
  }
  if (key === 'Editor' || key === 'EditorLookupId') {
    return { accessor: (i) => lookupIdOf(store, i.editorId), column: column('Editor') };
  }
  const match = columnForFieldKey(list.columns, key);
  if (!match) throw badRequest(`Field '${key}' is not recognized`);
  const name = match.column.name;
  return { accessor: (i) => i.fields[name], column: match.column };
}

function nonIndexedError(path: string): GraphError {
  const field = path.startsWith('fields/') ? path.slice('fields/'.length) : path;
  return badRequest(
    `Field '${field}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

interface SkipToken {
  readonly afterId?: number;
  readonly offset?: number;
}

function encodeSkipToken(token: SkipToken): string {
  const text = token.offset !== undefined ? `Paged=TRUE&p_Offset=${token.offset}` : `Paged=TRUE&p_ID=${token.afterId ?? 0}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

function decodeSkipToken(raw: string | undefined): SkipToken {
  if (raw === undefined) return {};
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const params = new URLSearchParams(text);
  const offset = params.get('p_Offset');
  const id = params.get('p_ID');
  if (params.get('Paged') !== 'TRUE' || (offset === null && id === null)) throw badRequest('The $skiptoken is invalid.');
  return offset !== null ? { offset: Number(offset) } : { afterId: Number(id) };
}

/** First index whose item id is greater than `id` (items are sorted by id). */
export function indexAfterId(items: readonly ListItemState[], id: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as ListItemState).id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function findItem(list: ListState, id: number): ListItemState | undefined {
  const index = indexAfterId(list.items, id - 1);
  const item = list.items[index];
  return item?.id === id ? item : undefined;
}

/** Runs a listItem collection query the way SharePoint serves it through Graph. */
export function queryItems(list: ListState, query: ItemQuery, store: TenantStore): ItemPage {
  const top = parseTop(query.top, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const expr = query.filter !== undefined ? parseFilter(query.filter) : undefined;
  const order = parseOrderBy(query.orderBy);
  const filterResolved = expr ? filterPaths(expr).map((p) => [p, resolvePath(list, p, store)] as const) : [];
  const orderResolved = order.map((o) => ({ ...o, resolved: resolvePath(list, o.path, store) }));

  const nonIndexedFilter = filterResolved.filter(([, r]) => r.column !== undefined && !r.column.indexed);
  const nonIndexed = [...nonIndexedFilter.map(([p]) => p), ...orderResolved.filter((o) => o.resolved.column && !o.resolved.column.indexed).map((o) => o.path)];
  if (nonIndexed.length > 0 && !query.honorNonIndexed) throw nonIndexedError(nonIndexed[0] as string);
  if (nonIndexedFilter.length > 0 && query.enforceListViewThreshold && list.items.length > LIST_VIEW_THRESHOLD) {
    throw new GraphError(400, 'notSupported', 'The request is unprocessable because it uses too many resources', {
      innerCode: 'tooManyResources',
    });
  }

  const accessors = new Map(filterResolved.map(([p, r]) => [p, r.accessor]));
  const filtered = expr ? compileFilter<ListItemState>(expr, (item, path) => accessors.get(path)?.(item)) : () => true;
  const visible = query.visible;
  const predicate = visible ? (item: ListItemState): boolean => visible(item) && filtered(item) : filtered;
  const token = decodeSkipToken(query.skipToken);

  if (order.length === 0 && nonIndexedFilter.length > 0) {
    // Like SharePoint, a non-indexed filter scans one page of rows at a time: pages may be partial or empty.
    const start = indexAfterId(list.items, token.afterId ?? 0);
    const window = list.items.slice(start, start + top);
    const last = window[window.length - 1];
    const more = start + top < list.items.length;
    return { items: window.filter(predicate), nextSkipToken: more && last ? encodeSkipToken({ afterId: last.id }) : null };
  }

  if (order.length === 0) {
    const page: ListItemState[] = [];
    let index = indexAfterId(list.items, token.afterId ?? 0);
    for (; index < list.items.length && page.length < top; index++) {
      const item = list.items[index] as ListItemState;
      if (predicate(item)) page.push(item);
    }
    let more = false;
    for (let j = index; page.length === top && j < list.items.length && !more; j++) more = predicate(list.items[j] as ListItemState);
    const last = page[page.length - 1];
    return { items: page, nextSkipToken: more && last ? encodeSkipToken({ afterId: last.id }) : null };
  }

  const matches = list.items.filter(predicate);
  matches.sort((a, b) => {
    for (const o of orderResolved) {
      const va = o.resolved.accessor(a);
      const vb = o.resolved.accessor(b);
      const aNull = va === undefined || va === null;
      const bNull = vb === undefined || vb === null;
      let c = aNull && bNull ? 0 : aNull ? -1 : bNull ? 1 : (compareNonNull(va, vb) ?? 0);
      if (o.descending) c = -c;
      if (c !== 0) return c;
    }
    return a.id - b.id;
  });
  const offset = token.offset ?? 0;
  const page = matches.slice(offset, offset + top);
  const more = offset + top < matches.length;
  return { items: page, nextSkipToken: more ? encodeSkipToken({ offset: offset + top }) : null };
}
