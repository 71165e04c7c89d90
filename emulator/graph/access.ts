import { accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { HandlerContext } from '../core/types.ts';
import type { ListItemState, ListState, SiteState, TeamState } from '../state/tenant-state.ts';
import { findItem } from '../sharepoint/item-query.ts';
import { findList } from '../sharepoint/list-view.ts';

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

export function requireList(ctx: HandlerContext): { site: SiteState; list: ListState } {
  const site = requireSite(ctx);
  const list = findList(site, ctx.params.listId ?? '');
  if (!list) throw notFound('The specified list was not found');
  return { site, list };
}

export function requireItem(ctx: HandlerContext): { site: SiteState; list: ListState; item: ListItemState } {
  const { site, list } = requireList(ctx);
  const raw = ctx.params.itemId ?? '';
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid item id '${raw}'.`);
  const item = findItem(list, Number(raw));
  if (!item) throw notFound('Item not found');
  return { site, list, item };
}

/** Route prefixes under which a site's lists are reachable. */
export const SITE_PREFIXES = ['/sites/{siteId}', '/groups/{groupId}/sites/root'] as const;
