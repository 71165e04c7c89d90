import { GraphError, accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { HandlerContext } from '../core/types.ts';
import type { ListItemState, ListState, SiteState, TeamState } from '../state/tenant-state.ts';
import { findItem } from '../sharepoint/item-query.ts';
import { findList } from '../sharepoint/list-view.ts';
import { appListRights, appSiteRole, canAddItems, canReadItem, canWriteItem, listRights, type ListRight } from '../sharepoint/permissions.ts';
import { requireAppTeamPermission, type TeamAppRule } from './app-permissions.ts';

/** Owners and members of a team may read it and read and write its site (Edit rights). */
export function isTeamMember(team: TeamState, userId: string): boolean {
  return team.owners.includes(userId) || team.members.includes(userId);
}

function findTeam(ctx: HandlerContext, teamId: string): TeamState {
  const team = ctx.store.team(teamId);
  if (!team) throw notFound(`No team found with Group Id ${teamId}`);
  return team;
}

/**
 * The team addressed by the route. A user must be an owner or member (else 403 accessDenied); an
 * app must hold one of `rule`'s RSC permissions in the team (its Teams app installed there) or one
 * of its tenant-wide application permissions (else 403 Forbidden: graph/app-permissions.ts).
 */
export function requireTeam(ctx: HandlerContext, teamId: string, rule: TeamAppRule): TeamState {
  const team = findTeam(ctx, teamId);
  if (ctx.principal.kind === 'app') requireAppTeamPermission(ctx.store, ctx.principal.app, team, rule);
  else if (!isTeamMember(team, ctx.principal.user.id)) throw accessDenied();
  return team;
}

/**
 * A user reaches a team's site as an owner or member of the team; an app through its site role
 * (Sites.Selected grant or tenant-wide Sites.* permission, sharepoint/permissions.ts `appSiteRole`).
 * An app without any is refused as SharePoint refuses through Graph: 403 `accessDenied` "Access
 * denied" [issue: acsone/msgraphfs#9 (Sites.Selected without a grant)] (facts §15.7).
 */
function requireSiteAccess(ctx: HandlerContext, site: SiteState): SiteState {
  if (ctx.principal.kind === 'app') {
    if (!appSiteRole(ctx.principal.app, site)) throw listAccessDenied();
    return site;
  }
  const team = ctx.store.teamOfSite(site);
  if (team && !isTeamMember(team, ctx.principal.user.id)) throw accessDenied();
  return site;
}

/** The site addressed by `{siteId}` or by `/groups/{groupId}/sites/root`. */
export function requireSite(ctx: HandlerContext): SiteState {
  const { siteId, groupId } = ctx.params;
  if (groupId !== undefined) {
    const team = findTeam(ctx, groupId);
    if (ctx.principal.kind === 'user' && !isTeamMember(team, ctx.principal.user.id)) throw accessDenied();
    const site = ctx.store.site(team.siteId);
    if (!site) throw notFound('Requested site could not be found');
    return ctx.principal.kind === 'app' ? requireSiteAccess(ctx, site) : site;
  }
  const site = siteId !== undefined ? ctx.store.site(siteId) : undefined;
  if (!site) throw notFound('Requested site could not be found');
  return requireSiteAccess(ctx, site);
}

/**
 * Creating a list in a site. Users: any owner or member (Edit on the site, as before). Apps: Manage
 * Lists through their site role (manage or fullcontrol, or Sites.Manage.All / Sites.FullControl.All;
 * Learn /graph/api/list-create names Sites.Manage.All), else 403 accessDenied.
 */
export function requireSiteForListCreate(ctx: HandlerContext): SiteState {
  const site = requireSite(ctx);
  if (ctx.principal.kind === 'app' && !appListRights(ctx.principal.app, site).has('manageLists')) throw listAccessDenied();
  return site;
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

/** The caller's rights on a list: a user's from the list's role assignments, an app's from its site role. */
export function callerListRights(ctx: HandlerContext, site: SiteState, list: ListState): Set<ListRight> {
  return ctx.principal.kind === 'app' ? appListRights(ctx.principal.app, site) : listRights(ctx.store, site, list, ctx.principal.user);
}

/** Lists of the site the caller may see (lists without View rights are left out, as SharePoint trims them). */
export function visibleLists(ctx: HandlerContext, site: SiteState): ListState[] {
  return site.lists.filter((l) => callerListRights(ctx, site, l).has('viewListItems'));
}

/**
 * The list addressed by the route, when the caller holds `right` on it (default: View). Rights
 * come from the list's role assignments, or the site's while it inherits (facts §15.2); an app's
 * from its site role (`callerListRights`):
 * Read views items, list and columns; Contribute adds, edits and deletes items; Edit also manages
 * the list (columns, delete); Design and Full Control have everything.
 */
export function requireList(ctx: HandlerContext, right: ListRight = 'viewListItems'): ListAccess {
  const site = requireSite(ctx);
  const list = findList(site, ctx.params.listId ?? '');
  if (!list) throw notFound('The specified list was not found');
  const rights = callerListRights(ctx, site, list);
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
  if (!item || !canReadItem(access.rights, access.list, item, ctx.principal.id)) throw notFound('Item not found');
  if (operation !== 'read' && !canWriteItem(access.rights, access.list, item, ctx.principal.id, operation)) throw listAccessDenied();
  return { ...access, item };
}

/** Route prefixes under which a site's lists are reachable. */
export const SITE_PREFIXES = ['/sites/{siteId}', '/groups/{groupId}/sites/root'] as const;
