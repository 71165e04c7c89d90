import { GraphError, accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { HandlerContext } from '../core/types.ts';
import type { ListItemState, ListState, SiteState, TeamState } from '../state/tenant-state.ts';
import { findItem } from '../sharepoint/item-query.ts';
import { findList } from '../sharepoint/list-view.ts';
import { canAddItems, canReadItem, canWriteItem, listRights, type ListRight } from '../sharepoint/permissions.ts';

/** Owners and members of a team may read it and read and write its site (Edit rights). */
export function isTeamMember(team: TeamState, userId: string): boolean {
  return team.owners.includes(userId) || team.members.includes(userId);
}

export function requireTeam(ctx: HandlerContext, teamId: string): TeamState {
  const team = ctx.store.team(teamId);
  if (!team) throw notFound(`No team found with Group Id ${teamId}`);
  if (!isTeamMember(team, ctx.user.id)) throw accessDenied();
  return team;
}

function requireSiteAccess(ctx: HandlerContext, site: SiteState): SiteState {
  const team = ctx.store.teamOfSite(site);
  if (team && !isTeamMember(team, ctx.user.id)) throw accessDenied();
  return site;
}

/** The site addressed by `{siteId}` or by `/groups/{groupId}/sites/root`. */
export function requireSite(ctx: HandlerContext): SiteState {
  const { siteId, groupId } = ctx.params;
  if (groupId !== undefined) {
    const team = requireTeam(ctx, groupId);
    const site = ctx.store.site(team.siteId);
    if (!site) throw notFound('Requested site could not be found');
    return site;
  }
  const site = siteId !== undefined ? ctx.store.site(siteId) : undefined;
  if (!site) throw notFound('Requested site could not be found');
  return requireSiteAccess(ctx, site);
}

/**
 * A list permission denial on Graph: SharePoint-backed Graph denials are 403
 * `{"error":{"code":"accessDenied","message":"Access denied","innerError":{…}}}`
 * [issue: microsoftgraph/microsoft-graph-docs-contrib#3985, #3365; acsone/msgraphfs#9] (facts §15.7).
 * That item writes without edit rights (or against WriteSecurity) answer exactly this is not
 * confirmed; the emulator takes the strict reading and refuses them with it, changing nothing.
 */
export const listAccessDenied = (): GraphError => new GraphError(403, 'accessDenied', 'Access denied');

export interface ListAccess {
  site: SiteState;
  list: ListState;
  /** The caller's effective rights on the list (sharepoint/permissions.ts). */
  rights: Set<ListRight>;
}

/** Lists of the site the caller may see (lists without View rights are left out, as SharePoint trims them). */
export function visibleLists(ctx: HandlerContext, site: SiteState): ListState[] {
  return site.lists.filter((l) => listRights(ctx.store, site, l, ctx.user).has('viewListItems'));
}

/**
 * The list addressed by the route, when the caller holds `right` on it (default: View). Rights
 * come from the list's role assignments, or the site's while it inherits (facts §15.2):
 * Read views items, list and columns; Contribute adds, edits and deletes items; Edit also manages
 * the list (columns, delete); Design and Full Control have everything.
 */
export function requireList(ctx: HandlerContext, right: ListRight = 'viewListItems'): ListAccess {
  const site = requireSite(ctx);
  const list = findList(site, ctx.params.listId ?? '');
  if (!list) throw notFound('The specified list was not found');
  const rights = listRights(ctx.store, site, list, ctx.user);
  if (!rights.has(right)) throw listAccessDenied();
  return { site, list, rights };
}

/** Adding an item: AddListItems, and WriteSecurity=4 lets only Full Control/Design write (facts §15.3). */
export function requireListForAdd(ctx: HandlerContext): ListAccess {
  const access = requireList(ctx, 'addListItems');
  if (!canAddItems(access.rights, access.list)) throw listAccessDenied();
  return access;
}

export type ItemOperation = 'read' | 'editListItems' | 'deleteListItems';

/**
 * The item addressed by the route for `operation`. An item hidden by ReadSecurity=2 is not found
 * (as if absent); an edit or delete of an item WriteSecurity keeps from the caller is denied (facts §15.3).
 */
export function requireItem(ctx: HandlerContext, operation: ItemOperation = 'read'): ListAccess & { item: ListItemState } {
  const access = requireList(ctx, operation === 'read' ? 'viewListItems' : operation);
  const raw = ctx.params.itemId ?? '';
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid item id '${raw}'.`);
  const item = findItem(access.list, Number(raw));
  if (!item || !canReadItem(access.rights, access.list, item, ctx.user)) throw notFound('Item not found');
  if (operation !== 'read' && !canWriteItem(access.rights, access.list, item, ctx.user, operation)) throw listAccessDenied();
  return { ...access, item };
}

/** Route prefixes under which a site's lists are reachable. */
export const SITE_PREFIXES = ['/sites/{siteId}', '/groups/{groupId}/sites/root'] as const;
