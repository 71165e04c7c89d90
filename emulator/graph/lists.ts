import { GraphError, badRequest } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { created, noContent, ok, type HandlerContext } from '../core/types.ts';
import { compileFilter } from '../odata/filter-eval.ts';
import { parseFilter } from '../odata/filter-parser.ts';
import { applySelect, parseExpand, parseSelect, queryOption } from '../odata/query-options.ts';
import { columnFromDefinition, templateColumns } from '../sharepoint/column-model.ts';
import { checkIfMatch } from '../sharepoint/entity-tag.ts';
import { graphDateTime } from '../sharepoint/field-values.ts';
import { listETag, renderList } from '../sharepoint/list-view.ts';
import { siteWebUrl } from '../sharepoint/site-url.ts';
import type { ListState, SiteState } from '../state/tenant-state.ts';
import { SITE_PREFIXES, requireList, requireSite, requireSiteForListCreate, visibleLists } from './access.ts';

const TEMPLATES = new Set(['genericList', 'documentLibrary', 'tasks', 'events', 'contacts', 'links', 'announcements']);

function duplicateTitle(): GraphError {
  return new GraphError(
    409,
    'nameAlreadyExists',
    'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
  );
}

/** The list's URL name: its title without the characters SharePoint does not allow in URLs, made unique. */
function urlName(site: SiteState, displayName: string): string {
  const base = displayName.replace(/[~"#%&*:<>?/\\{|}.]/g, '').trim() || 'List';
  let name = base;
  for (let n = 1; site.lists.some((l) => l.name.toLowerCase() === name.toLowerCase()); n++) name = `${base}${n}`;
  return name;
}

function listResolver(list: Record<string, unknown>, path: string): unknown {
  if (path === 'list/template') return (list.list as { template?: string } | undefined)?.template;
  return list[path];
}

/** Creates a list in a site from a Graph list payload (also used by the demo seed). */
export function createList(ctx: Pick<HandlerContext, 'store' | 'principal'>, site: SiteState, input: unknown): ListState {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badRequest('The list must be a JSON object.');
  const body = input as Record<string, unknown>;
  if (typeof body.displayName !== 'string' || body.displayName.trim() === '') throw badRequest("The list's 'displayName' is required.");
  const displayName = body.displayName.trim();
  if (site.lists.some((l) => l.displayName.toLowerCase() === displayName.toLowerCase())) throw duplicateTitle();
  const template = (body.list as { template?: unknown } | undefined)?.template ?? 'genericList';
  if (typeof template !== 'string' || !TEMPLATES.has(template)) throw badRequest(`Unsupported list template '${String(template)}'.`);
  if (body.columns !== undefined && !Array.isArray(body.columns)) throw badRequest("'columns' must be an array of column definitions.");
  const columns = templateColumns(template);
  for (const def of (body.columns as unknown[] | undefined) ?? []) {
    columns.push(columnFromDefinition(def, ctx.store.nextGuid('column'), columns));
  }
  const now = graphDateTime();
  const list: ListState = {
    id: ctx.store.nextGuid('list'),
    name: urlName(site, displayName),
    displayName,
    description: typeof body.description === 'string' ? body.description : '',
    template,
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdById: ctx.principal.id,
    lastModifiedById: ctx.principal.id,
    version: 1,
    columns,
    items: [],
    nextItemId: 1,
  };
  site.lists.push(list);
  ctx.store.changed();
  return list;
}

export function registerListsRoutes(router: Router): void {
  for (const prefix of SITE_PREFIXES) {
    router.add('GET', `${prefix}/lists`, (ctx) => {
      const site = requireSite(ctx);
      const expandColumns = parseExpand(queryOption(ctx.req.query, 'expand')).some((e) => e.name === 'columns');
      // Lists the caller has no View rights on (unique permissions) are left out.
      let lists = visibleLists(ctx, site).map((l) => renderList(site, l, ctx.store, siteWebUrl(site, ctx.origin), expandColumns));
      const filter = queryOption(ctx.req.query, 'filter');
      if (filter !== undefined) lists = lists.filter(compileFilter(parseFilter(filter), listResolver));
      const select = parseSelect(queryOption(ctx.req.query, 'select'));
      return ok({
        '@odata.context': `${ctx.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')/lists`,
        value: lists.map((l) => applySelect(l, select && expandColumns ? [...select, 'columns'] : select)),
      });
    });

    router.add('POST', `${prefix}/lists`, (ctx) => {
      const site = requireSiteForListCreate(ctx);
      const list = createList(ctx, site, ctx.req.body);
      return created(renderList(site, list, ctx.store, siteWebUrl(site, ctx.origin), true), { ETag: listETag(list) });
    });

    router.add('GET', `${prefix}/lists/{listId}`, (ctx) => {
      const { site, list } = requireList(ctx);
      const expandColumns = parseExpand(queryOption(ctx.req.query, 'expand')).some((e) => e.name === 'columns');
      const select = parseSelect(queryOption(ctx.req.query, 'select'));
      const body = applySelect(renderList(site, list, ctx.store, siteWebUrl(site, ctx.origin), expandColumns), select && expandColumns ? [...select, 'columns'] : select);
      return ok(body, { ETag: listETag(list) });
    });

    // Changing or deleting the list needs Manage Lists (Edit and up; facts §15.2).
    router.add('PATCH', `${prefix}/lists/{listId}`, (ctx) => {
      const { site, list } = requireList(ctx, 'manageLists');
      checkIfMatch(ctx.req.headers['if-match'], listETag(list));
      const body = (ctx.req.body ?? {}) as Record<string, unknown>;
      if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('The list must be a JSON object.');
      if (body.displayName !== undefined) {
        if (typeof body.displayName !== 'string' || !body.displayName.trim()) throw badRequest("'displayName' must be a non-empty string.");
        const title = body.displayName.trim();
        if (site.lists.some((l) => l !== list && l.displayName.toLowerCase() === title.toLowerCase())) throw duplicateTitle();
        list.displayName = title;
      }
      if (body.description !== undefined) {
        if (typeof body.description !== 'string') throw badRequest("'description' must be a string.");
        list.description = body.description;
      }
      list.version += 1;
      list.lastModifiedDateTime = graphDateTime();
      list.lastModifiedById = ctx.principal.id;
      ctx.store.changed();
      return ok(renderList(site, list, ctx.store, siteWebUrl(site, ctx.origin)), { ETag: listETag(list) });
    });

    router.add('DELETE', `${prefix}/lists/{listId}`, (ctx) => {
      const { site, list } = requireList(ctx, 'manageLists');
      checkIfMatch(ctx.req.headers['if-match'], listETag(list));
      site.lists.splice(site.lists.indexOf(list), 1);
      ctx.store.changed();
      return noContent();
    });
  }
}
