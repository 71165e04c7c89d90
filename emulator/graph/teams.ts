import { accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { ok, type HandlerContext } from '../core/types.ts';
import { compileFilter } from '../odata/filter-eval.ts';
import { parseFilter } from '../odata/filter-parser.ts';
import { applySelect, parseSelect, queryOption } from '../odata/query-options.ts';
import type { ChannelState, TeamState } from '../state/tenant-state.ts';
import { requireTeam } from './access.ts';

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
    const team = requireTeam(ctx, ctx.params[param] ?? '');
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#teams/$entity`,
      ...applySelect(renderTeam(team, ctx.store.state.tenantId), parseSelect(queryOption(ctx.req.query, 'select'))),
    });
  };
}

export function registerTeamsRoutes(router: Router): void {
  router.add('GET', '/teams/{teamId}', teamHandler('teamId'));
  router.add('GET', '/groups/{groupId}/team', teamHandler('groupId'));

  router.add('GET', '/teams/{teamId}/members', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '');
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
    const team = requireTeam(ctx, ctx.params.teamId ?? '');
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
   */
  router.add('PATCH', '/teams/{teamId}/members/{membershipId}', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '');
    if (!team.owners.includes(ctx.user.id)) throw accessDenied();
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
    const team = requireTeam(ctx, ctx.params.teamId ?? '');
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
    const team = requireTeam(ctx, ctx.params.teamId ?? '');
    return channelHandler(ctx, team.channels.find((c) => c.id === team.internalId), team);
  });
  router.add('GET', '/teams/{teamId}/channels/{channelId}', (ctx) => {
    const team = requireTeam(ctx, ctx.params.teamId ?? '');
    const wanted = (ctx.params.channelId ?? '').toLowerCase();
    return channelHandler(ctx, team.channels.find((c) => c.id.toLowerCase() === wanted), team);
  });
}
