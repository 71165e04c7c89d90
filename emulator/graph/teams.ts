import { GraphError, accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { created, noContent, ok, type HandlerContext } from '../core/types.ts';
import { compileFilter } from '../odata/filter-eval.ts';
import { parseFilter } from '../odata/filter-parser.ts';
import { applySelect, parseSelect, parseTop, queryOption } from '../odata/query-options.ts';
import type { ChannelState, TeamState, UserState } from '../state/tenant-state.ts';
import { requireTeam } from './access.ts';
import {
  CHANNELS_READ,
  TEAMS_LIST_PERMISSIONS,
  TEAM_GET,
  TEAM_MEMBERS_ADD,
  TEAM_MEMBERS_READ,
  TEAM_MEMBERS_WRITE,
  requireAppTeamPermission,
  requireApplicationPermission,
} from './app-permissions.ts';
import { hasDelegatedPermission, missingScopes } from './delegated-permissions.ts';

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

  router.add('POST', '/teams/{teamId}/members', addMember);
  router.add('DELETE', '/teams/{teamId}/members/{membershipId}', removeMember);

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

/**
 * Who may add or remove team members: a user who owns the team (403 `accessDenied` for a member, as
 * for roles, PATCH above; what Graph answers a non-owner is not confirmed) with the delegated
 * TeamMember.ReadWriteNonOwnerRole.All or TeamMember.ReadWrite.All, or an app with one of these
 * application permissions (app-permissions.ts `TEAM_MEMBERS_ADD`). `owner`: an owner is added or
 * removed, which takes TeamMember.ReadWrite.All. Delegated refusals: graph/delegated-permissions.ts.
 */
function requireMembershipWrite(ctx: HandlerContext, team: TeamState, owner: boolean): void {
  if (ctx.app) {
    if (owner) requireAppTeamPermission(ctx.store, ctx.app, team, TEAM_MEMBERS_WRITE);
    return;
  }
  if (!hasDelegatedPermission(ctx, TEAM_MEMBERS_ADD.application)) throw missingScopes(ctx, TEAM_MEMBERS_ADD.application);
  if (owner && !hasDelegatedPermission(ctx, TEAM_MEMBERS_WRITE.application)) throw missingScopes(ctx, TEAM_MEMBERS_WRITE.application);
  if (ctx.user && !team.owners.includes(ctx.user.id)) throw accessDenied();
}

const AAD_USER_MEMBER = '#microsoft.graph.aadUserConversationMember';

/**
 * The user a `user@odata.bind` names: `https://graph.microsoft.com/v1.0/users('<id or UPN>')` as in
 * Learn's examples (also `…/users/<key>`, `beta`, or this emulator's own version root). A quote in a
 * key is doubled, `#` may be sent as `%23`.
 */
function boundUser(ctx: HandlerContext, bind: unknown): UserState {
  const m = typeof bind === 'string' ? /^https:\/\/([^/]+)\/(?:v1\.0|beta)\/users(?:\('(.*)'\)|\/([^/?]+))$/i.exec(bind) : null;
  const host = m?.[1]?.toLowerCase();
  if (!m || (host !== 'graph.microsoft.com' && host !== ctx.req.host.toLowerCase())) {
    throw new GraphError(400, 'BadRequest', `Invalid user@odata.bind: expected 'https://graph.microsoft.com/v1.0/users('<id>')'.`);
  }
  let key = m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] ?? '');
  try {
    key = decodeURIComponent(key);
  } catch {
    // a literal '%' stays as it is
  }
  const user = ctx.store.userById(key) ?? ctx.store.userByUpn(key);
  // Learn: "Attempting to add a disabled/blocked user returns response code 404 Not Found"; an
  // unknown one is taken to be answered alike (not confirmed), with the code of a missing user.
  if (!user) throw notFound(`Resource '${key}' does not exist or one of its queried reference-property objects are not present.`, 'NotFound');
  return user;
}

/** `roles` of a new member: absent or [] a member, ["owner"] an owner (case-insensitive); anything else 400. */
function memberRoles(body: Record<string, unknown>): boolean {
  const roles = body.roles ?? [];
  if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string' || r.toLowerCase() !== 'owner')) {
    throw new GraphError(400, 'BadRequest', 'roles must be [] for a member or ["owner"] for an owner.');
  }
  return roles.length > 0;
}

/**
 * Add member to team `POST /teams/{team-id}/members` with `{"@odata.type":
 * "#microsoft.graph.aadUserConversationMember", "roles": [] | ["owner"], "user@odata.bind":
 * "https://graph.microsoft.com/v1.0/users('<id>')"}` → 201 and the conversationMember, as GET members
 * renders it (https://learn.microsoft.com/en-us/graph/api/team-post-members). At once in GET members and
 * in the site's access (owners/members are the site's Owners and Members groups), and saved.
 * - Someone already in the team: 201 with their membership as it is, nothing changed — as reported
 *   [issue: microsoftgraph/microsoft-graph-docs-contrib#4799 ("This is the response no matter how many
 *   times I add member")]; roles are changed with PATCH, not here (strict reading). Not on Learn.
 * - A guest cannot be made an owner ("Guest users can't be invited as Team Owners", beta page note
 *   [pr: microsoftgraph/microsoft-graph-docs#15955]); 400 here, status not confirmed.
 * - Another `@odata.type`, or no or a malformed `user@odata.bind` → 400 `BadRequest`; an unknown user
 *   → 404 (boundUser).
 */
function addMember(ctx: HandlerContext) {
  const team = requireTeam(ctx, ctx.params.teamId ?? '', TEAM_MEMBERS_ADD);
  requireMembershipWrite(ctx, team, false);
  const body = (ctx.req.body ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || Array.isArray(body) || String(body['@odata.type'] ?? '').toLowerCase() !== AAD_USER_MEMBER.toLowerCase()) {
    throw new GraphError(400, 'BadRequest', `The member's @odata.type must be '${AAD_USER_MEMBER}'.`);
  }
  const owner = memberRoles(body);
  if (owner) requireMembershipWrite(ctx, team, true);
  const user = boundUser(ctx, body['user@odata.bind']);
  const context = `${ctx.baseUrl}/$metadata#teams('${team.id}')/members/$entity`;
  if (team.owners.includes(user.id) || team.members.includes(user.id)) {
    return created({ '@odata.context': context, ...renderMembers(ctx, team).find((m) => m.userId === user.id) });
  }
  if (owner && user.userType === 'Guest') throw new GraphError(400, 'BadRequest', "Guest users can't be owners of a team.");
  (owner ? team.owners : team.members).push(user.id);
  ctx.store.changed();
  return created({ '@odata.context': context, ...renderMembers(ctx, team).find((m) => m.userId === user.id) });
}

/**
 * Remove member from team `DELETE /teams/{team-id}/members/{membership-id}` → 204
 * (https://learn.microsoft.com/en-us/graph/api/team-delete-members), by an owner; permissions as for
 * adding (removing an owner takes TeamMember.ReadWrite.All). Unknown membership 404; the last owner
 * stays (400, as PATCH; not confirmed).
 */
function removeMember(ctx: HandlerContext) {
  const team = requireTeam(ctx, ctx.params.teamId ?? '', TEAM_MEMBERS_ADD);
  requireMembershipWrite(ctx, team, false);
  const member = renderMembers(ctx, team).find((m) => m.id === ctx.params.membershipId);
  if (!member) throw notFound('The requested member was not found in the team.');
  const userId = member.userId as string;
  const owner = team.owners.includes(userId);
  if (owner) {
    requireMembershipWrite(ctx, team, true);
    if (team.owners.length === 1) throw badRequest('A team must have at least one owner.');
  }
  team.owners = team.owners.filter((id) => id !== userId);
  team.members = team.members.filter((id) => id !== userId);
  ctx.store.changed();
  return noContent();
}
