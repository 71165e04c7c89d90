import { templateColumns } from '../sharepoint/column-model.ts';
import { siteGrantId } from '../sharepoint/permissions.ts';
import { stableGuid } from '../state/stable-id.ts';
import { TENANT_SCHEMA_VERSION, type SiteState, type TeamState, type TeamsAppState, type TenantState, type UserState } from '../state/tenant-state.ts';
import {
  DEMO_APP_REGISTRATION,
  DEMO_DOMAIN,
  DEMO_PEOPLE,
  DEMO_REMINDER_CHANNEL_NAME,
  DEMO_SHAREPOINT_HOST,
  DEMO_SITE_GRANT_ROLES,
  DEMO_TEAMS,
  DEMO_TEAMS_APP,
  DEMO_TENANT_ID,
  type DemoPerson,
  type UnionTeam,
} from './demo-tenant.ts';

export type SeedKind = 'demo' | 'empty';

const CREATED = '2024-08-19T08:00:00Z';
/** SharePoint user-information-list ids start above the built-in accounts. */
const FIRST_LOOKUP_ID = 11;

function buildUser(p: DemoPerson, lookupId: number): UserState {
  return {
    id: p.id,
    userPrincipalName: p.userPrincipalName,
    displayName: p.displayName,
    givenName: p.givenName,
    surname: p.surname,
    jobTitle: p.jobTitle,
    mail: p.mail,
    userType: p.userType,
    mobilePhone: p.mobilePhone,
    businessPhones: [],
    officeLocation: p.officeLocation,
    preferredLanguage: p.preferredLanguage,
    lookupId,
    proxyAddresses: [...(p.mail ? [`SMTP:${p.mail}`] : []), ...(p.aliases ?? [])],
    otherMails: [...(p.otherMails ?? [])],
  };
}

function buildUsers(): UserState[] {
  return DEMO_PEOPLE.map((p, index) => buildUser(p, FIRST_LOOKUP_ID + index));
}

/**
 * Demo people a saved tenant lacks (those added to the demo directory after it was saved, e.g. the
 * representatives not yet in their team, issue 13) are added on load, with SharePoint lookup ids
 * after the highest in use. Users the tenant has are left as they are. Returns whether any was added.
 */
export function ensureDemoUsers(tenant: TenantState): boolean {
  const known = new Set(tenant.users.map((u) => u.id.toLowerCase()));
  const missing = DEMO_PEOPLE.filter((p) => !known.has(p.id.toLowerCase()));
  let next = Math.max(FIRST_LOOKUP_ID - 1, ...tenant.users.map((u) => u.lookupId)) + 1;
  for (const p of missing) tenant.users.push(buildUser(p, next++));
  return missing.length > 0;
}

function buildTeam(team: UnionTeam, idOf: (upn: string) => string): TeamState {
  return {
    id: team.id,
    displayName: team.displayName,
    description: team.description,
    mailNickname: team.mailNickname,
    internalId: team.internalId,
    createdDateTime: CREATED,
    channels: team.channels.map((c) => ({ id: c.id, displayName: c.displayName, description: c.description, createdDateTime: CREATED })),
    owners: team.owners.map(idOf),
    members: team.members.map(idOf),
    siteId: team.siteId,
  };
}

function buildSite(team: UnionTeam, ownerId: string): SiteState {
  const documentsId = stableGuid(DEMO_TENANT_ID, 'documents', team.planKey);
  return {
    id: team.siteId,
    groupId: team.id,
    name: team.siteName,
    displayName: team.displayName,
    description: team.description,
    webUrl: `https://${DEMO_SHAREPOINT_HOST}/sites/${team.siteName}`,
    createdDateTime: CREATED,
    lastModifiedDateTime: CREATED,
    lists: [
      {
        id: documentsId,
        name: 'Shared Documents',
        displayName: 'Documents',
        description: '',
        template: 'documentLibrary',
        createdDateTime: CREATED,
        lastModifiedDateTime: CREATED,
        createdById: ownerId,
        lastModifiedById: ownerId,
        version: 1,
        columns: templateColumns('documentLibrary'),
        items: [],
        nextItemId: 1,
      },
    ],
  };
}

/**
 * The directory of the demo tenant: users, the three teams with their channels and sites, and
 * after them `unions` (synthetic unions, seed/synthetic-unions.ts), each team set up alike: its
 * messaging (ensureDemoMessaging) and the app's access to its site (ensureDemoAppAccess).
 * 'empty' and 'demo' share the directory; only 'demo' gets the plans (seeded by the hook).
 */
export function buildTenant(_kind: SeedKind, unions: readonly UnionTeam[] = []): TenantState {
  const teams = [...DEMO_TEAMS, ...unions];
  const tenant = buildDirectory(teams);
  ensureDemoMessaging(tenant, teams);
  ensureDemoAppAccess(tenant, teams);
  return tenant;
}

function buildDirectory(teams: readonly UnionTeam[]): TenantState {
  const users = buildUsers();
  const idOf = (upn: string): string => {
    const user = users.find((u) => u.userPrincipalName === upn);
    if (!user) throw new Error(`Demo team refers to unknown user ${upn}`);
    return user.id;
  };
  return {
    schemaVersion: TENANT_SCHEMA_VERSION,
    tenantId: DEMO_TENANT_ID,
    domain: DEMO_DOMAIN,
    sharePointHost: DEMO_SHAREPOINT_HOST,
    sequence: 0,
    users,
    teams: teams.map((t) => buildTeam(t, idOf)),
    sites: teams.map((t) => buildSite(t, idOf(t.owners[0] ?? ''))),
  };
}

/**
 * The demo teams' messaging setup: each of `teams` (default: the demo teams) has the 'Påminnelser'
 * channel (an existing channel of that name is reused), the Handlingsplan app (with its bot)
 * installed, and one Workflows webhook for the reminder channel. Part of every fresh tenant; a
 * tenant saved before messaging existed (no `messaging`) gets it on load. Returns whether anything
 * was added.
 */
export function ensureDemoMessaging(tenant: TenantState, teams: readonly UnionTeam[] = DEMO_TEAMS): boolean {
  if (tenant.messaging !== undefined && tenant.teamsApps !== undefined) return false;
  tenant.teamsApps ??= [];
  if (!tenant.teamsApps.some((a) => a.id === DEMO_TEAMS_APP.id)) tenant.teamsApps.push(demoTeamsApp());
  const messaging = (tenant.messaging ??= { lastMessageId: 0, messages: [], webhooks: [] });
  const teamById = new Map(tenant.teams.map((t) => [t.id, t]));
  const webhookIds = new Set(messaging.webhooks.map((w) => w.id));
  for (const demo of teams) {
    const team = teamById.get(demo.id);
    if (!team) continue;
    const name = DEMO_REMINDER_CHANNEL_NAME.toLowerCase();
    let channel = team.channels.find((c) => c.displayName.toLowerCase() === name);
    if (!channel) {
      const seeded = demo.channels.find((c) => c.id === demo.reminderChannelId);
      channel = { id: demo.reminderChannelId, displayName: DEMO_REMINDER_CHANNEL_NAME, description: seeded?.description ?? null, createdDateTime: CREATED };
      team.channels.push(channel);
    }
    team.installedAppIds ??= [];
    if (!team.installedAppIds.includes(DEMO_TEAMS_APP.id)) team.installedAppIds.push(DEMO_TEAMS_APP.id);
    if (!webhookIds.has(demo.workflowWebhookId)) {
      webhookIds.add(demo.workflowWebhookId);
      messaging.webhooks.push({ id: demo.workflowWebhookId, teamId: team.id, channelId: channel.id, createdDateTime: CREATED });
    }
  }
  return true;
}

/** The catalog entry of the Handlingsplan app (mutable copy of DEMO_TEAMS_APP). */
function demoTeamsApp(): TeamsAppState {
  return { ...DEMO_TEAMS_APP, rsc: [...DEMO_TEAMS_APP.rsc] };
}

/**
 * App-only access of the demo app: its Entra registration with the admin-consented application
 * permissions (DEMO_APP_REGISTRATION), its catalog entry's manifest id and resource-specific
 * consent (DEMO_TEAMS_APP), and a `Sites.Selected` grant with DEMO_SITE_GRANT_ROLES on the site
 * of each of `teams` (default: the demo teams). Part of every fresh tenant; a tenant saved before
 * app-only access (no `appRegistrations`, a catalog entry without `rsc`, sites without `appGrants`)
 * gets what it lacks on load. What was removed since (an empty list) stays removed. Returns whether anything was added.
 */
export function ensureDemoAppAccess(tenant: TenantState, teams: readonly UnionTeam[] = DEMO_TEAMS): boolean {
  let changed = false;
  if (tenant.appRegistrations === undefined) {
    tenant.appRegistrations = [{ ...DEMO_APP_REGISTRATION, applicationPermissions: [...DEMO_APP_REGISTRATION.applicationPermissions] }];
    changed = true;
  }
  const catalogEntry = tenant.teamsApps?.find((a) => a.id === DEMO_TEAMS_APP.id);
  if (catalogEntry && catalogEntry.rsc === undefined) {
    Object.assign(catalogEntry, { externalId: DEMO_TEAMS_APP.externalId, azureADAppId: DEMO_TEAMS_APP.azureADAppId, rsc: [...DEMO_TEAMS_APP.rsc] });
    changed = true;
  }
  const siteById = new Map(tenant.sites.map((s) => [s.id, s]));
  for (const demo of teams) {
    const site = siteById.get(demo.siteId);
    if (!site || site.appGrants !== undefined) continue;
    site.appGrants = [
      {
        id: siteGrantId(tenant.tenantId, DEMO_APP_REGISTRATION.appId),
        appId: DEMO_APP_REGISTRATION.appId,
        displayName: DEMO_APP_REGISTRATION.displayName,
        roles: [...DEMO_SITE_GRANT_ROLES],
      },
    ];
    changed = true;
  }
  return changed;
}
