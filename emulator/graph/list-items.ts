import { badRequest } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { created, noContent, ok, type HandlerContext } from '../core/types.ts';
import { parseExpand, parseSelect, queryOption } from '../odata/query-options.ts';
import { checkIfMatch } from '../sharepoint/entity-tag.ts';
import { graphDateTime, writeFieldValues } from '../sharepoint/field-values.ts';
import { PREFER_NON_INDEXED, queryItems } from '../sharepoint/item-query.ts';
import { identitySetOf, itemETag, renderFields, renderItem, type ItemViewOptions } from '../sharepoint/item-view.ts';
import { canReadItem } from '../sharepoint/permissions.ts';
import { siteWebUrl } from '../sharepoint/site-url.ts';
import type { FieldValue, ListItemState, ListState } from '../state/tenant-state.ts';
import { SITE_PREFIXES, requireItem, requireList, requireListForAdd } from './access.ts';

function viewOptions(ctx: HandlerContext, fieldsByDefault: boolean): ItemViewOptions {
  const fields = parseExpand(queryOption(ctx.req.query, 'expand')).find((e) => e.name === 'fields');
  return {
    fields: fields !== undefined || fieldsByDefault,
    fieldSelect: fields?.select ?? null,
    select: parseSelect(queryOption(ctx.req.query, 'select')),
  };
}

/** The request's query string without $skiptoken, for building the next page's link. */
function queryWithoutSkipToken(rawQuery: string): string[] {
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .filter((part) => {
      const key = decodeURIComponentSafe(part.split('=')[0] ?? '').toLowerCase();
      return key !== '$skiptoken' && key !== 'skiptoken';
    });
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Creates an item from a `fields` object (also used by tests and seeds through HTTP). */
export function createItem(ctx: Pick<HandlerContext, 'store' | 'principal'>, list: ListState, fields: unknown): ListItemState {
  const values: Record<string, FieldValue> = {};
  writeFieldValues(list, fields ?? {}, values, ctx.store);
  const now = graphDateTime();
  const item: ListItemState = {
    id: list.nextItemId,
    uid: ctx.store.nextGuid('item'),
    version: 1,
    createdDateTime: now,
    lastModifiedDateTime: now,
    authorId: ctx.principal.id,
    editorId: ctx.principal.id,
    fields: values,
  };
  list.nextItemId += 1;
  list.items.push(item);
  ctx.store.changed();
  return item;
}

/** Versions kept per item, as a SharePoint list with versioning on keeps major versions. */
const MAX_VERSIONS = 50;

function updateItem(ctx: HandlerContext, list: ListState, item: ListItemState, fields: unknown): void {
  checkIfMatch(ctx.req.headers['if-match'], itemETag(item));
  const before = { version: item.version, lastModifiedDateTime: item.lastModifiedDateTime, editorId: item.editorId, fields: { ...item.fields } };
  // Validates everything (types, unique values) before anything is written.
  writeFieldValues(list, fields, item.fields, ctx.store);
  const history = (item.history ??= []);
  history.push(before);
  if (history.length > MAX_VERSIONS) history.splice(0, history.length - MAX_VERSIONS);
  item.version += 1;
  item.lastModifiedDateTime = graphDateTime();
  item.editorId = ctx.principal.id;
  ctx.store.changed();
}

export function registerListItemsRoutes(router: Router): void {
  for (const prefix of SITE_PREFIXES) {
    const base = `${prefix}/lists/{listId}/items`;

    // Permissions (facts §15.2–15.3, enforced in access.ts): reading needs View; adding needs Add
    // Items; editing and deleting need Edit/Delete Items and pass WriteSecurity. A refused write
    // is refused before anything is validated or written (no version bump).
    router.add('GET', base, (ctx) => {
      const { site, list, rights } = requireList(ctx);
      const q = ctx.req.query;
      const prefer = ctx.req.headers.prefer ?? '';
      const page = queryItems(
        list,
        {
          filter: queryOption(q, 'filter'),
          orderBy: queryOption(q, 'orderby'),
          top: queryOption(q, 'top'),
          skipToken: queryOption(q, 'skiptoken'),
          honorNonIndexed: prefer.toLowerCase().includes(PREFER_NON_INDEXED.toLowerCase()),
          enforceListViewThreshold: ctx.options.enforceListViewThreshold,
          visible: (item) => canReadItem(rights, list, item, ctx.principal.id),
        },
        ctx.store,
      );
      const view = viewOptions(ctx, false);
      const body: Record<string, unknown> = {
        '@odata.context': `${ctx.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')/lists('${list.id}')/items`,
        value: page.items.map((item) => renderItem(site, list, item, ctx.store, view, siteWebUrl(site, ctx.origin))),
      };
      if (page.nextSkipToken) {
        const query = [...queryWithoutSkipToken(ctx.req.rawQuery), `$skiptoken=${encodeURIComponent(page.nextSkipToken)}`];
        body['@odata.nextLink'] = `${ctx.baseUrl}${ctx.req.path}?${query.join('&')}`;
      }
      return ok(body);
    });

    router.add('POST', base, (ctx) => {
      const { site, list } = requireListForAdd(ctx);
      const body = ctx.req.body as { fields?: unknown } | undefined;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The list item must be a JSON object.');
      const item = createItem(ctx, list, body.fields);
      return created(renderItem(site, list, item, ctx.store, { fields: true, fieldSelect: null, select: null }, siteWebUrl(site, ctx.origin)), { ETag: itemETag(item) });
    });

    router.add('GET', `${base}/{itemId}`, (ctx) => {
      const { site, list, item } = requireItem(ctx);
      return ok(renderItem(site, list, item, ctx.store, viewOptions(ctx, true), siteWebUrl(site, ctx.origin)), { ETag: itemETag(item) });
    });

    router.add('PATCH', `${base}/{itemId}`, (ctx) => {
      const { site, list, item } = requireItem(ctx, 'editListItems');
      const body = ctx.req.body as { fields?: unknown } | undefined;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The list item must be a JSON object.');
      updateItem(ctx, list, item, body.fields ?? {});
      return ok(renderItem(site, list, item, ctx.store, { fields: true, fieldSelect: null, select: null }, siteWebUrl(site, ctx.origin)), { ETag: itemETag(item) });
    });

    router.add('GET', `${base}/{itemId}/fields`, (ctx) => {
      const { list, item } = requireItem(ctx);
      return ok(renderFields(list, item, ctx.store, parseSelect(queryOption(ctx.req.query, 'select'))), { ETag: itemETag(item) });
    });

    router.add('PATCH', `${base}/{itemId}/fields`, (ctx) => {
      const { list, item } = requireItem(ctx, 'editListItems');
      updateItem(ctx, list, item, ctx.req.body);
      return ok(renderFields(list, item, ctx.store, null), { ETag: itemETag(item) });
    });

    // GET …/items/{id}/versions: listItemVersion collection, newest first; fields with $expand=fields.
    router.add('GET', `${base}/{itemId}/versions`, (ctx) => {
      const { list, item } = requireItem(ctx);
      const withFields = parseExpand(queryOption(ctx.req.query, 'expand')).some((e) => e.name === 'fields');
      const current = { version: item.version, lastModifiedDateTime: item.lastModifiedDateTime, editorId: item.editorId, fields: item.fields };
      const versions = [current, ...[...(item.history ?? [])].reverse()];
      return ok({
        value: versions.map((v) => {
          const out: Record<string, unknown> = {
            id: `${v.version}.0`,
            lastModifiedDateTime: v.lastModifiedDateTime,
            lastModifiedBy: identitySetOf(ctx.store, v.editorId),
            published: { level: 'published', versionId: `${v.version}.0` },
          };
          if (withFields) out.fields = renderFields(list, { ...item, version: v.version, lastModifiedDateTime: v.lastModifiedDateTime, editorId: v.editorId, fields: v.fields }, ctx.store, null);
          return out;
        }),
      });
    });

    router.add('DELETE', `${base}/{itemId}`, (ctx) => {
      const { list, item } = requireItem(ctx, 'deleteListItems');
      checkIfMatch(ctx.req.headers['if-match'], itemETag(item));
      list.items.splice(list.items.indexOf(item), 1);
      ctx.store.changed();
      return noContent();
    });
  }
}
