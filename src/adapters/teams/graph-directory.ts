/** Directory over Microsoft Graph: who am I, my teams, and a team's owners (board) and members (stewards). */
import type { GraphApi } from '../../graph/client';
import type { ChannelInfo, Directory, TeamInfo, TeamMember } from '../../domain/ports';
import type { PersonRef } from '../../domain/plan';

interface GraphUser {
  readonly id: string;
  readonly displayName: string | null;
  readonly mail: string | null;
}

interface ConversationMember {
  readonly roles: readonly string[];
  readonly displayName: string | null;
  readonly userId?: string;
  readonly email?: string | null;
}

export class GraphDirectory implements Directory {
  constructor(private readonly graph: GraphApi) {}

  /** The signed-in user by Entra id; `mail` is null for a user without a mailbox (user resource, Learn). */
  async me(): Promise<PersonRef> {
    const me = await this.graph.get<GraphUser>('/me?$select=id,displayName,mail');
    return { id: me.id, displayName: me.displayName ?? me.mail ?? '', email: me.mail };
  }

  async joinedTeams(): Promise<TeamInfo[]> {
    // /me/joinedTeams supports no query options and returns id, displayName, description only.
    const teams = await this.graph.getAll<{ id: string; displayName: string | null; description: string | null }>('/me/joinedTeams');
    return teams.map((t) => ({ id: t.id, displayName: t.displayName ?? '', description: t.description ?? '' }));
  }

  async teamMembers(teamId: string): Promise<TeamMember[]> {
    const members = await this.graph.getAll<ConversationMember>(`/teams/${encodeURIComponent(teamId)}/members`);
    return members
      .filter((m): m is ConversationMember & { userId: string } => typeof m.userId === 'string')
      // People are matched on userId (the Entra object id); `email` is for display only: it may
      // differ from the sign-in name, be empty for a user without a mailbox, or be a guest's own address.
      .map((m) => ({
        id: m.userId,
        displayName: m.displayName ?? m.email ?? '',
        email: m.email ? m.email : null,
        role: m.roles.includes('owner') ? 'board' : 'steward',
      }));
  }

  async channels(teamId: string): Promise<ChannelInfo[]> {
    const channels = await this.graph.getAll<{ id: string; displayName: string }>(`/teams/${encodeURIComponent(teamId)}/channels?$select=id,displayName`);
    return channels.map((c) => ({ id: c.id, displayName: c.displayName }));
  }
}
