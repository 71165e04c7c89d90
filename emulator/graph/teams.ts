import { accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { ok, type HandlerContext } from '../core/types.ts';
import { compileFilter } from '../odata/filter-eval.ts';
import { parseFilter } from '../odata/filter-parser.ts';
import { applySelect, parseSelect, parseTop, queryOption } from '../odata/query-options.ts';
import type { ChannelState, TeamState } from '../state/tenant-state.ts';
import { requireTeam } from './access.ts';
import { CHANNELS_READ, TEAMS_LIST_PERMISSIONS, TEAM_GET, TEAM_MEMBERS_READ, TEAM_MEMBERS_WRITE, requireApplicationPermission } from './app-permissions.ts';

function renderTeam(team: TeamState, tenantId: string): Record<string, unknown> {
  return {
    id: team.id,
    createdDateTime: team.createdDateTime,
    displayName: team.displayName,
    description: team.description,
    internalId: team.internalId,
    classification: null,
    specialization: 'none',
    visibility: 'private',
    webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(team.internalId)}/conversations?groupId=${team.id}&tenantId=${tenantId}`,
    isArchived: false,
    tenantId,
    isMembershipLimitedToOwners: false,
    memberSettings: {
      allowCreateUpdateChannels: true,
      allowCreatePrivateChannels: true,
      allowDeleteChannels: true,
      allowAddRemoveApps: true,
      allowCreateUpdateRemoveTabs: true,
      allowCreateUpdateRemoveConnectors: true,
    },
    guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
    messagingSettings: {
      allowUserEditMessages: true,
      allowUserDeleteMessages: true,
      allowOwnerDeleteMessages: true,
      allowTeamMentions: true,
      allowChannelMentions: true,
    },
    funSettings: { allowGiphy: true, giphyContentRating: 'moderate', allowStickersAndMemes: true, allowCustomMemes: true },
    discoverySettings: { showInTeamsSearchAndSuggestions: false },
  };
}

export function renderChannel(team: TeamState, channel: ChannelState, tenantId: string): Record<string, unknown> {
  return {
    id: channel.id,
    createdDateTime: channel.createdDateTime,
    displayName: channel.displayName,
    description: channel.description,
    isFavoriteByDefault: null,
    email: '',
    tenantId,
    webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/${encodeURIComponent(channel.displayName)}?groupId=${team.id}&tenantId=${tenantId}`,
    membershipType: 'standard',
    isArchived: false,
  };
}

function renderMembers(ctx: HandlerContext, team: TeamState): Record<string, unknown>[] {
  const tenantId = ctx.store.state.tenantId;
  const entries = [...team.owners.map((id) => ({ id, owner: true })), ...team.members.map((id) => ({ id, owner: false }))];
  return entries.flatMap(({ id, owner }) => {
    const user = ctx.store.userById(id);
    if (!user) return [];
    return [
      {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        id: Buffer.from(`0##${tenantId}##${team.internalId}##${user.id}`, 'utf8').toString('base64'),
        roles: owner ? ['owner'] : [],
        displayName: user.displayName,
        visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
        userId: user.id,
        email: user.mail,
        tenantId,
      },
    ];
  });
}

function teamHandler(param: 'teamId' | 'groupId') {
  return (ctx: HandlerContext) => {
    const team = requireTeam(ctx, ctx.params[param] ?? '', TEAM_GET);
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#teams/$entity`,
      ...applySelect(renderTeam(team, ctx.store.state.tenantId), parseSelect(queryOption(ctx.req.query, 'select'))),
    });
  };
}

/** Page size of `GET /teams` when no `$top` is given, and the largest `$top` (both not confirmed). */
export const TEAMS_PAGE_SIZE = 100;
export const TEAMS_MAX_PAGE_SIZE = 999;

/**
 * List teams `GET /teams` (https://learn.microsoft.com/en-us/graph/api/teams-list): every team of
 * the organisation with only `id`, `displayName` and `description` ("Currently, this API call
 * returns only the id, displayName, and description properties of a team"); `$filter`, `$select`,
 * `$top`, `$skiptoken`, `$count`. App-only: Team.ReadBasic.All, TeamSettings.Read.All or
 * TeamSettings.ReadWrite.All (else 403, app-permissions.ts). Delegated: all teams as well ("List all
 * teams in an organization"; that private teams the user is not in are listed is not confirmed).
 * Page size 100 and `$top` at most 999: not confirmed. The skiptoken is the offset (base64url).
 */
function listTeams(ctx: HandlerContext) {
  if (ctx.app) requireApplicationPermission(ctx.store, ctx.app, TEAMS_LIST_PERMISSIONS);
  let teams: Record<string, unknown>[] = ctx.store.state.teams.map((t) => ({ id: t.id, displayName: t.displayName, description: t.description }));
  const filter = queryOption(ctx.req.query, 'filter');
  if (filter !== undefined) teams = teams.filter(compileFilter<Record<string, unknown>>(parseFilter(filter), (t, path) => t[path]));
  const top = parseTop(queryOption(ctx.req.query, 'top'), TEAMS_PAGE_SIZE, TEAMS_MAX_PAGE_SIZE);
  if (top < 1) throw badRequest('$top must be at least 1.');
  const token = queryOption(ctx.req.query, 'skiptoken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw badRequest('The $skiptoken is invalid.');
  const page = teams.slice(start, start + top);
  const select = parseSelect(queryOption(ctx.req.query, 'select'));
  const body: Record<string, unknown> = { '@odata.context': `${ctx.baseUrl}/$metadata#teams${select ? `(${select.join(',')})` : ''}` };
  if ((queryOption(ctx.req.query, 'count') ?? '').toLowerCase() === 'true') body['@odata.count'] = teams.length;
  if (start + top < teams.length) {
    const query = ctx.req.rawQuery
      .split('&')
      .filter((p) => p.length > 0 && !/^(%24|\$)?skiptoken=/i.test(p))
      .concat(`$skiptoken=${Buffer.from(String(start + top), 'utf8').toString('base64url')}`);
    body['@odata.nextLink'] = `${ctx.baseUrl}${ctx.req.path}?${query.join('&')}`;
  }
  body.value = page.map((t) => applySelect(t, select));
  return ok(body);
}

export function registerTeamsRoutes(router: Router): void {
  router.add('GET', '/teams', listTeams);
  router.add('GET', '/teams/{teamId}', teamHandler('teamId'));
  router.add('GET', '/groups/{groupId}/team', teamHandler('groupId'));

  router.add('GET', '/teams/{teamId}/members', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '', TEAM_MEMBERS_READ);
    let members = renderMembers(ctx, team);
    const filter = queryOption(ctx.req.query, 'filter');
    if (filter !== undefined) {
      const predicate = compileFilter<Record<string, unknown>>(parseFilter(filter), (m, path) => m[path.split('/').pop() ?? '']);
      members = members.filter(predicate);
    }
    const select = parseSelect(queryOption(ctx.req.query, 'select'));
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#teams('${team.id}')/members`,
      '@odata.count': members.length,
      value: members.map((m) => applySelect(m, select)),
    });
  });

  router.add('GET', '/teams/{teamId}/members/{membershipId}', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '', TEAM_MEMBERS_READ);
    const member = renderMembers(ctx, team).find((m) => m.id === ctx.params.membershipId);
    if (!member) throw notFound('The requested member was not found in the team.');
    return ok(member);
  });

  /**
   * Update member in team: `PATCH /teams/{team-id}/members/{membership-id}` with
   * `{"@odata.type": "#microsoft.graph.aadUserConversationMember", "roles": ["owner"]}` (or `[]` to
   * make an owner a member) → 200 and the conversationMember
   * (https://learn.microsoft.com/en-us/graph/api/team-update-members). Only a team owner may change
   * roles (403 accessDenied otherwise); the site's Owners and Members groups follow the team's
   * roles, as they do for a group-connected site (facts sheet §15.2). A team keeps at least one owner.
   * An app needs TeamMember.ReadWrite.All (app-permissions.ts `TEAM_MEMBERS_WRITE`).
   */
  router.add('PATCH', '/teams/{teamId}/members/{membershipId}', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '', TEAM_MEMBERS_WRITE);
    if (ctx.user && !team.owners.includes(ctx.user.id)) throw accessDenied();
    const member = renderMembers(ctx, team).find((m) => m.id === ctx.params.membershipId);
    if (!member) throw notFound('The requested member was not found in the team.');
    const body = (ctx.req.body ?? {}) as { roles?: unknown };
    if (!Array.isArray(body.roles) || body.roles.some((r) => r !== 'owner')) throw badRequest('roles must be [] or ["owner"].');
    const userId = member.userId as string;
    const owner = body.roles.includes('owner');
    if (!owner && team.owners.length === 1 && team.owners[0] === userId) throw badRequest('A team must have at least one owner.');
    team.owners = team.owners.filter((id) => id !== userId);
    team.members = team.members.filter((id) => id !== userId);
    (owner ? team.owners : team.members).push(userId);
    ctx.store.changed();
    return ok(renderMembers(ctx, team).find((m) => m.userId === userId) ?? {});
  });

  router.add('GET', '/teams/{teamId}/channels', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '', CHANNELS_READ);
    const tenantId = ctx.store.state.tenantId;
    let channels = team.channels.map((c) => renderChannel(team, c, tenantId));
    const filter = queryOption(ctx.req.query, 'filter');
    if (filter !== undefined) {
      channels = channels.filter(compileFilter<Record<string, unknown>>(parseFilter(filter), (c, path) => c[path]));
    }
    const select = parseSelect(queryOption(ctx.req.query, 'select'));
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#teams('${team.id}')/channels`,
      '@odata.count': channels.length,
      value: channels.map((c) => applySelect(c, select)),
    });
  });

  const channelHandler = (ctx: HandlerContext, channel: ChannelState | undefined, team: TeamState) => {
    if (!channel) throw notFound('Channel not found', 'NotFound');
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#teams('${team.id}')/channels/$entity`,
      ...renderChannel(team, channel, ctx.store.state.tenantId),
    });
  };
  router.add('GET', '/teams/{teamId}/primaryChannel', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '', CHANNELS_READ);
    return channelHandler(ctx, team.channels.find((c) => c.id === team.internalId), team);
  });
  router.add('GET', '/teams/{teamId}/channels/{channelId}', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '', CHANNELS_READ);
    const wanted = (ctx.params.channelId ?? '').toLowerCase();
    return channelHandler(ctx, team.channels.find((c) => c.id.toLowerCase() === wanted), team);
  });
}
