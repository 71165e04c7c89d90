/**
 * Directory over Microsoft Graph: who am I, my teams, a team's owners (board) and members (stewards);
 * and for the roster (issue 13) the tenant's users by e-mail address and adding one to a team.
 */
import { ensureOk, type BatchStep, type GraphApi, type Page } from '../../graph/client';
import { GraphRequestError } from '../../graph/errors';
import { createExactlyOnce } from '../../graph/idempotent';
import {
  AccessDeniedError,
  NotFoundError,
  normaliseAddress,
  type ChannelInfo,
  type Directory,
  type DirectoryUser,
  type RosterDirectory,
  type TeamInfo,
  type TeamMember,
} from '../../domain/ports';
import type { PersonRef } from '../../domain/plan';

interface GraphUser {
  readonly id: string;
  readonly displayName: string | null;
  readonly mail: string | null;
}

interface GraphDirectoryUser extends GraphUser {
  readonly userPrincipalName: string;
}

interface ConversationMember {
  readonly roles: readonly string[];
  readonly displayName: string | null;
  readonly userId?: string;
  readonly email?: string | null;
}

/**
 * Values in one `in (…)` clause, and so addresses in one look-up: "When using the "in" operator, the
 * request is limited to 15 expressions in the filter clause by default" (Graph known issue 13635,
 * https://developer.microsoft.com/en-us/graph/known-issues/?search=13635). Mail and sign-in name go in
 * separate requests, so that no filter holds more than 15 (whether an `or` of two `in` lists counts
 * them together is not documented).
 */
export const ADDRESSES_PER_LOOKUP = 15;
/** Longest value Graph matches outside advanced queries (same known issue): longer addresses match no one. */
export const MAX_ADDRESS_LENGTH = 120;

const USER_FIELDS = 'id,displayName,mail,userPrincipalName';
const MATCHED_BY = ['userPrincipalName', 'mail'] as const;

/** An OData string literal: single-quoted, a quote inside doubled (Learn /graph/query-parameters). */
const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

function toTeamMember(m: ConversationMember & { userId: string }): TeamMember {
  // People are matched on userId (the Entra object id); `email` is for display only: it may
  // differ from the sign-in name, be empty for a user without a mailbox, or be a guest's own address.
  return {
    id: m.userId,
    displayName: m.displayName ?? m.email ?? '',
    email: m.email ? m.email : null,
    role: m.roles.includes('owner') ? 'board' : 'steward',
  };
}

export class GraphDirectory implements Directory, RosterDirectory {
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
    return members.filter((m): m is ConversationMember & { userId: string } => typeof m.userId === 'string').map(toTeamMember);
  }

  async channels(teamId: string): Promise<ChannelInfo[]> {
    const channels = await this.graph.getAll<{ id: string; displayName: string }>(`/teams/${encodeURIComponent(teamId)}/channels?$select=id,displayName`);
    return channels.map((c) => ({ id: c.id, displayName: c.displayName }));
  }

  /**
   * `GET /users?$filter=mail in (…)` and `…userPrincipalName in (…)` for each 15 addresses, all sent
   * as `$batch` steps (20 a request, GraphApi.batch): 400 addresses are 54 steps in 3 requests. Both
   * filters work without advanced query parameters (Learn /graph/aad-advanced-queries: `eq` and `in`
   * by default on mail and userPrincipalName), so the answer is not eventually consistent. Users
   * without a mailbox (mail null) and guests known by their UPN are found by userPrincipalName. An
   * address that is one user's UPN and another's mail is taken as the sign-in name.
   */
  async findUsersByAddress(addresses: readonly string[]): Promise<Map<string, DirectoryUser>> {
    const wanted = [...new Set(addresses.map(normaliseAddress))].filter((a) => a.length > 0 && a.length <= MAX_ADDRESS_LENGTH);
    const steps: BatchStep[] = [];
    for (let i = 0; i * ADDRESSES_PER_LOOKUP < wanted.length; i++) {
      const values = wanted.slice(i * ADDRESSES_PER_LOOKUP, (i + 1) * ADDRESSES_PER_LOOKUP).map(odataString).join(',');
      for (const property of MATCHED_BY) {
        const filter = encodeURIComponent(`${property} in (${values})`);
        steps.push({ id: `${property}-${i}`, method: 'GET', url: `/users?$filter=${filter}&$select=${USER_FIELDS}` });
      }
    }
    const results = steps.length > 0 ? await this.graph.batch(steps) : new Map();
    const byProperty = new Map<string, Map<string, DirectoryUser>>(MATCHED_BY.map((p) => [p, new Map()]));
    for (const step of steps) {
      const users = await this.graph.continuePages(ensureOk<Page<GraphDirectoryUser>>(results.get(step.id)));
      const property = step.id.slice(0, step.id.lastIndexOf('-')) as (typeof MATCHED_BY)[number];
      for (const u of users) {
        const key = u[property];
        if (key) byProperty.get(property)?.set(normaliseAddress(key), { id: u.id, displayName: u.displayName ?? u.mail ?? u.userPrincipalName, mail: u.mail, userPrincipalName: u.userPrincipalName });
      }
    }
    const found = new Map<string, DirectoryUser>();
    for (const address of wanted) {
      const user = byProperty.get('userPrincipalName')?.get(address) ?? byProperty.get('mail')?.get(address);
      if (user) found.set(address, user);
    }
    return found;
  }

  /**
   * `POST /teams/{id}/members` with the user as a member (roles []): Learn /graph/api/team-post-members.
   * Adding someone already in the team is answered 201 with their membership as it is (observed,
   * microsoftgraph/microsoft-graph-docs-contrib#4799): membership is a set, so a second add adds
   * nothing, and one POST is enough; reading the members first would cost a request and still race
   * with another board member. Should Graph refuse it instead (409, 400), or the answer be lost or a
   * 5xx (the POST is not sent again blindly, graph/client.ts), the member list decides
   * (createExactlyOnce with the user id as key).
   */
  async addTeamMember(teamId: string, userId: string): Promise<TeamMember> {
    const path = `/teams/${encodeURIComponent(teamId)}/members`;
    const body = {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: [],
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users(${odataString(userId)})`,
    };
    const key = userId.toLowerCase();
    try {
      return await createExactlyOnce({
        create: async () => {
          const member = await this.graph.post<ConversationMember>(path, body);
          return toTeamMember({ ...member, userId: member.userId ?? userId });
        },
        find: async () => (await this.teamMembers(teamId)).find((m) => m.id.toLowerCase() === key) ?? null,
      });
    } catch (err) {
      if (err instanceof GraphRequestError && err.status === 403) throw new AccessDeniedError('teamMember', teamId);
      if (err instanceof GraphRequestError && err.status === 404) throw new NotFoundError('user', userId);
      throw err;
    }
  }
}
