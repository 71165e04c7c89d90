/**
 * What an application may do on its own (app-only, core/principal.ts) on the Teams side of Graph:
 * the admin-consented application permissions of its registration (`AppRegistrationState`), and
 * resource-specific consent (RSC) in the teams where its Teams app is installed.
 *
 * Sources (Learn = https://learn.microsoft.com):
 * - RSC: Learn /microsoftteams/platform/graph-api/rsc/resource-specific-consent (application RSC
 *   permissions are granted per team when the app is installed there, to the Entra app named in the
 *   manifest's `webApplicationInfo.id`; "Teams (and the channels within those teams)").
 * - Each rule below cites the Learn page whose permissions table it copies: "Application" row, the
 *   permissions marked * being RSC.
 * - Refusal: 403 `{"error": {"code": "Forbidden", "message": "Missing role permissions on the
 *   request. API requires one of '…'. Roles on the request '…'."}}` — the message as reported for
 *   Teams APIs [issue: OfficeDev/microsoft-teams-library-js#2341 ("Roles on the request
 *   'Group.Selected'" for an app whose RSC was not in force); microsoftgraph/microsoft-graph-docs#19105];
 *   the code `Forbidden` [techcommunity: teamsdeveloper "Issue with Teams RSC Permission
 *   TeamMember.Read.Group"]. Status and code together on a Microsoft page: not confirmed.
 * - The "protected APIs" approval Microsoft asks for before channel messages are read with
 *   application permissions (Learn /graph/teams-protected-apis) is not modelled.
 */
import { GraphError } from '../core/graph-error.ts';
import type { HandlerContext } from '../core/types.ts';
import type { AppRegistrationState, TeamState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';

/** Who may call a team-scoped route without a user: RSC permissions in that team, or tenant-wide ones. */
export interface TeamAppRule {
  /** RSC permissions that allow it where the app is installed. */
  readonly rsc: readonly string[];
  /** Tenant-wide application permissions that allow it. */
  readonly application: readonly string[];
}

const GROUP_BACKWARD = ['Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'] as const;

/**
 * Get team `GET /teams/{id}` (and `/groups/{id}/team`): Learn /graph/api/team-get — TeamSettings.Read.Group*,
 * TeamSettings.ReadWrite.Group*, Team.ReadBasic.All, TeamSettings.Read.All, TeamSettings.ReadWrite.All,
 * Group.Read.All, Group.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All.
 */
export const TEAM_GET: TeamAppRule = {
  rsc: ['TeamSettings.Read.Group', 'TeamSettings.ReadWrite.Group'],
  application: ['Team.ReadBasic.All', 'TeamSettings.Read.All', 'TeamSettings.ReadWrite.All', ...GROUP_BACKWARD],
};

/** List teams `GET /teams`: Learn /graph/api/teams-list — Team.ReadBasic.All, TeamSettings.Read.All, TeamSettings.ReadWrite.All. */
export const TEAMS_LIST_PERMISSIONS: readonly string[] = ['Team.ReadBasic.All', 'TeamSettings.Read.All', 'TeamSettings.ReadWrite.All'];

/**
 * List members `GET /teams/{id}/members` (and get one): Learn /graph/api/team-list-members —
 * TeamMember.Read.Group*, TeamMember.Read.All, TeamMember.ReadWrite.All.
 */
export const TEAM_MEMBERS_READ: TeamAppRule = {
  rsc: ['TeamMember.Read.Group'],
  application: ['TeamMember.Read.All', 'TeamMember.ReadWrite.All'],
};

/**
 * Update member `PATCH /teams/{id}/members/{id}`: Learn /graph/api/team-update-members —
 * application TeamMember.ReadWrite.All (RSC variants not modelled: not confirmed). Also what adding
 * or removing an owner takes (TEAM_MEMBERS_ADD).
 */
export const TEAM_MEMBERS_WRITE: TeamAppRule = { rsc: [], application: ['TeamMember.ReadWrite.All'] };

/**
 * Add member to team `POST /teams/{id}/members` and remove one `DELETE /teams/{id}/members/{id}`:
 * Learn /graph/api/team-post-members — least privileged TeamMember.ReadWriteNonOwnerRole.All, higher
 * TeamMember.ReadWrite.All, delegated and application alike; no resource-specific permission is
 * listed (so none is taken). TeamMember.ReadWriteNonOwnerRole.All is "Add and remove members with
 * non-owner role for all teams" (Learn /graph/permissions-reference): adding or removing an owner
 * takes TeamMember.ReadWrite.All (TEAM_MEMBERS_WRITE; strict reading, not confirmed).
 */
export const TEAM_MEMBERS_ADD: TeamAppRule = { rsc: [], application: ['TeamMember.ReadWriteNonOwnerRole.All', 'TeamMember.ReadWrite.All'] };

/**
 * List channels and get a channel: Learn /graph/api/channel-list, /graph/api/channel-get (their
 * permission includes) — ChannelSettings.Read.Group*, ChannelSettings.ReadWrite.Group*,
 * Channel.ReadBasic.All, ChannelSettings.Read.All, ChannelSettings.ReadWrite.All, Directory.Read.All,
 * Directory.ReadWrite.All, Group.Read.All, Group.ReadWrite.All. `primaryChannel` takes the same
 * (its own page not read: not confirmed).
 */
export const CHANNELS_READ: TeamAppRule = {
  rsc: ['ChannelSettings.Read.Group', 'ChannelSettings.ReadWrite.Group'],
  application: ['Channel.ReadBasic.All', 'ChannelSettings.Read.All', 'ChannelSettings.ReadWrite.All', ...GROUP_BACKWARD],
};

/**
 * List channel messages, list replies, get a message or reply: Learn /graph/api/channel-list-messages,
 * /graph/api/chatmessage-list-replies — ChannelMessage.Read.Group*, ChannelMessage.Read.All;
 * /graph/api/chatmessage-get adds Group.Read.All, Group.ReadWrite.All (backward compatibility).
 */
export const CHANNEL_MESSAGES_READ: TeamAppRule = {
  rsc: ['ChannelMessage.Read.Group'],
  application: ['ChannelMessage.Read.All', 'Group.Read.All', 'Group.ReadWrite.All'],
};

/**
 * List apps in a team `GET /teams/{id}/installedApps` (and get one): Learn
 * /graph/api/team-list-installedapps, /graph/api/team-get-installedapps — TeamsAppInstallation.Read.Group*,
 * TeamsAppInstallation.ReadForTeam.All, TeamsAppInstallation.Read.All,
 * TeamsAppInstallation.ReadWriteSelfForTeam.All, TeamsAppInstallation.ReadWriteForTeam.All,
 * TeamsAppInstallation.ReadWriteAndConsentForTeam.All, TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All,
 * TeamsAppInstallation.ManageSelectedForTeam.All, Group.Read.All, Group.ReadWrite.All,
 * Directory.Read.All, Directory.ReadWrite.All.
 */
export const INSTALLED_APPS_READ: TeamAppRule = {
  rsc: ['TeamsAppInstallation.Read.Group'],
  application: [
    'TeamsAppInstallation.ReadForTeam.All',
    'TeamsAppInstallation.Read.All',
    'TeamsAppInstallation.ReadWriteSelfForTeam.All',
    'TeamsAppInstallation.ReadWriteForTeam.All',
    'TeamsAppInstallation.ReadWriteAndConsentForTeam.All',
    'TeamsAppInstallation.ReadWriteAndConsentSelfForTeam.All',
    'TeamsAppInstallation.ManageSelectedForTeam.All',
    ...GROUP_BACKWARD,
  ],
};

/**
 * Get a user `GET /users/{id}`: Learn /graph/api/user-get — application User.Read.All (higher
 * User.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All); User.ReadBasic.All accepted too
 * (not confirmed for app-only). Refusal: 403 `Authorization_RequestDenied` "Insufficient privileges
 * to complete the operation." (the directory's code, facts §1).
 */
export const USERS_READ_PERMISSIONS: readonly string[] = ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

/**
 * Planner, app-only: reads need Tasks.Read.All or Tasks.ReadWrite.All, writes Tasks.ReadWrite.All
 * (Learn /graph/api/planner-post-tasks: application Tasks.ReadWrite.All, "Not available" above it;
 * /graph/api/planner-list-tasks?view=graph-rest-beta: application Tasks.Read.All, Tasks.ReadWrite.All;
 * facts §7). The app needs no membership of the plan's group (the permissions are tenant-wide).
 */
export const PLANNER_READ_PERMISSIONS: readonly string[] = ['Tasks.Read.All', 'Tasks.ReadWrite.All'];
export const PLANNER_WRITE_PERMISSIONS: readonly string[] = ['Tasks.ReadWrite.All'];

/** Whether the app holds one of these application permissions (names compare case-insensitively). */
export function hasApplicationPermission(app: AppRegistrationState, names: readonly string[]): boolean {
  const held = new Set(app.applicationPermissions.map((p) => p.toLowerCase()));
  return names.some((n) => held.has(n.toLowerCase()));
}

/**
 * The RSC permissions the app holds in the team: those of every catalog app installed there whose
 * Entra app (`azureADAppId`, else the bot's id) is this app.
 */
export function rscInTeam(store: TenantStore, appId: string, team: TeamState): string[] {
  const installed = new Set((team.installedAppIds ?? []).map((id) => id.toLowerCase()));
  const key = appId.toLowerCase();
  return (store.state.teamsApps ?? [])
    .filter((a) => installed.has(a.id.toLowerCase()) && (a.azureADAppId ?? a.botId ?? '').toLowerCase() === key)
    .flatMap((a) => a.rsc ?? []);
}

/** The roles an app token carries in a team: its application permissions, and `Group.Selected` where RSC is in force. */
function rolesOnRequest(store: TenantStore, app: AppRegistrationState, team: TeamState | undefined): string[] {
  const roles = [...app.applicationPermissions];
  if (team && rscInTeam(store, app.appId, team).length > 0) roles.push('Group.Selected');
  return roles;
}

export function missingRoles(required: readonly string[], roles: readonly string[]): GraphError {
  return new GraphError(
    403,
    'Forbidden',
    `Missing role permissions on the request. API requires one of '${required.join(', ')}'. Roles on the request '${roles.join(', ')}'.`,
  );
}

/** Refuses (403) an app that holds neither the rule's RSC permission in this team nor its tenant-wide permission. */
export function requireAppTeamPermission(store: TenantStore, app: AppRegistrationState, team: TeamState, rule: TeamAppRule): void {
  const rsc = new Set(rscInTeam(store, app.appId, team).map((p) => p.toLowerCase()));
  if (rule.rsc.some((p) => rsc.has(p.toLowerCase()))) return;
  if (hasApplicationPermission(app, rule.application)) return;
  throw missingRoles([...rule.rsc, ...rule.application], rolesOnRequest(store, app, team));
}

/** Refuses (403) an app without one of these tenant-wide application permissions. */
export function requireApplicationPermission(store: TenantStore, app: AppRegistrationState, names: readonly string[]): void {
  if (!hasApplicationPermission(app, names)) throw missingRoles(names, rolesOnRequest(store, app, undefined));
}

/**
 * `/me` and everything under it need a signed-in user: app-only → 400 `BadRequest` "/me request
 * is only valid with delegated authentication flow." [issue: microsoftgraph/msgraph-sdk-php#1163;
 * microsoftgraph/microsoft-graph-docs-contrib#4895 ("Application permissions are not supported
 * here by design")].
 */
export function requireSignedInUser(ctx: HandlerContext): NonNullable<HandlerContext['user']> {
  if (!ctx.user) throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
  return ctx.user;
}
