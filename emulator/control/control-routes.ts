import type { FaultInjector, FaultOptions } from '../core/faults.ts';
import type { RequestLog } from '../core/request-log.ts';
import type { GraphResponse } from '../core/types.ts';
import { BOT_CONNECTOR_BASE } from '../messaging/bot-connector.ts';
import { BOT_FRAMEWORK_SCOPE } from '../messaging/login.ts';
import { messagingState } from '../messaging/messages.ts';
import type { MessagingService } from '../messaging/service.ts';
import { createWebhook, webhookUrl } from '../messaging/workflows-webhook.ts';
import { grantSiteToApp, parseSiteRoles, renderSiteGrant } from '../graph/site-permissions.ts';
import type { AppRegistrationState, SiteAppRole, WorkflowWebhookState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';

export interface ControlContext {
  readonly store: TenantStore;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  /** The webhook, Bot Connector and token services (their rate limit is switched here). */
  readonly messaging?: MessagingService;
}

const INSTALLED_APP = /^\/_emulator\/teams\/([^/]+)\/installedApps\/([^/]+)$/i;
const APP = /^\/_emulator\/apps\/([^/]+)$/i;
const APP_PERMISSION = /^\/_emulator\/apps\/([^/]+)\/permissions\/([^/]+)$/i;
const SITE_GRANTS = /^\/_emulator\/sites\/([^/]+)\/appGrants$/i;
const SITE_GRANT = /^\/_emulator\/sites\/([^/]+)\/appGrants\/([^/]+)$/i;

const controlError = (status: number, message: string): GraphResponse => ({
  status,
  body: { error: { code: status === 404 ? 'itemNotFound' : 'invalidRequest', message } },
});

function isFaultOptions(value: unknown): value is FaultOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const num = (k: string): boolean => v[k] === undefined || typeof v[k] === 'number';
  return (
    num('latencyMs') &&
    num('failureRate') &&
    num('retryAfterSeconds') &&
    num('randomSeed') &&
    num('failCount') &&
    (v.pathPattern === undefined || typeof v.pathPattern === 'string') &&
    (v.commit === undefined || v.commit === 'before' || v.commit === 'after') &&
    (v.methods === undefined || (Array.isArray(v.methods) && v.methods.every((m) => typeof m === 'string'))) &&
    (v.scope === undefined || (Array.isArray(v.scope) && v.scope.every((s) => typeof s === 'string'))) &&
    (v.failureStatuses === undefined || (Array.isArray(v.failureStatuses) && v.failureStatuses.every((s) => typeof s === 'number')))
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function renderWebhook(origin: string, w: WorkflowWebhookState): Record<string, unknown> {
  return { id: w.id, url: webhookUrl(origin, w), teamId: w.teamId, channelId: w.channelId, createdDateTime: w.createdDateTime };
}

/** Installs (PUT) or uninstalls (DELETE) a catalog app in a team: `/_emulator/teams/<teamId>/installedApps/<appId>`. */
function installedApp(ctx: ControlContext, method: string, teamId: string, appId: string): GraphResponse {
  const team = ctx.store.team(teamId);
  if (!team) return controlError(404, `No team ${teamId}.`);
  const app = ctx.store.state.teamsApps?.find((a) => a.id.toLowerCase() === appId.toLowerCase());
  if (!app) return controlError(404, `No app ${appId} in the catalog.`);
  const installed = (team.installedAppIds ??= []);
  if (method === 'PUT' && !installed.includes(app.id)) installed.push(app.id);
  if (method === 'DELETE') team.installedAppIds = installed.filter((id) => id !== app.id);
  ctx.store.changed();
  return { status: 200, body: { teamId: team.id, installedAppIds: [...(team.installedAppIds ?? [])] } };
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function renderRegistration(ctx: ControlContext, app: AppRegistrationState): Record<string, unknown> {
  const key = app.appId.toLowerCase();
  return {
    appId: app.appId,
    displayName: app.displayName,
    applicationPermissions: [...app.applicationPermissions],
    siteGrants: ctx.store.state.sites.flatMap((site) =>
      (site.appGrants ?? []).filter((g) => g.appId.toLowerCase() === key).map((g) => ({ siteId: site.id, id: g.id, roles: [...g.roles] })),
    ),
  };
}

/** The app's registration, made from its bot when the tenant knows the app only as a bot. */
function registrationOf(ctx: ControlContext, appId: string): AppRegistrationState | undefined {
  const registrations = (ctx.store.state.appRegistrations ??= []);
  const found = registrations.find((a) => a.appId.toLowerCase() === appId.toLowerCase());
  if (found) return found;
  const known = ctx.store.entraApp(appId);
  if (!known) return undefined;
  const made = { appId: known.appId, displayName: known.displayName, applicationPermissions: [] };
  registrations.push(made);
  return made;
}

/**
 * App registrations (app-only Graph): `PUT /_emulator/apps/<appId>` `{"displayName", "applicationPermissions"?: [...]}`
 * creates or replaces one (200); `DELETE` removes it (the app keeps its bot, if any, without
 * permissions).
 */
function appRegistration(ctx: ControlContext, method: string, appId: string, body: unknown): GraphResponse {
  const registrations = (ctx.store.state.appRegistrations ??= []);
  const index = registrations.findIndex((a) => a.appId.toLowerCase() === appId.toLowerCase());
  if (method === 'DELETE') {
    if (index < 0) return controlError(404, `No app registration ${appId}.`);
    registrations.splice(index, 1);
    ctx.store.changed();
    return { status: 204 };
  }
  const b = (body ?? {}) as { displayName?: unknown; applicationPermissions?: unknown };
  if (typeof b.displayName !== 'string' || b.displayName.trim() === '' || (b.applicationPermissions !== undefined && !isStringArray(b.applicationPermissions))) {
    return controlError(400, 'The body must be {"displayName": "…", "applicationPermissions"?: ["…"]}.');
  }
  const registration: AppRegistrationState = { appId: index >= 0 ? (registrations[index] as AppRegistrationState).appId : appId, displayName: b.displayName, applicationPermissions: [...(b.applicationPermissions ?? [])] };
  if (index >= 0) registrations[index] = registration;
  else registrations.push(registration);
  ctx.store.changed();
  return { status: 200, body: renderRegistration(ctx, registration) };
}

/** Grants (PUT) or revokes (DELETE) one admin-consented application permission: `/_emulator/apps/<appId>/permissions/<name>`. */
function appPermission(ctx: ControlContext, method: string, appId: string, permission: string): GraphResponse {
  const registration = registrationOf(ctx, appId);
  if (!registration) return controlError(404, `No app ${appId} in the tenant.`);
  const others = registration.applicationPermissions.filter((p) => p.toLowerCase() !== permission.toLowerCase());
  registration.applicationPermissions = method === 'PUT' ? [...others, permission] : others;
  ctx.store.changed();
  return { status: 200, body: renderRegistration(ctx, registration) };
}

/** Adds or replaces (PUT `{"roles": [...]}`) or removes (DELETE) an app's grant on a site: `/_emulator/sites/<siteId>/appGrants/<appId>`. */
function siteGrant(ctx: ControlContext, method: string, siteId: string, appId: string, body: unknown): GraphResponse {
  const site = ctx.store.site(siteId);
  if (!site) return controlError(404, `No site ${siteId}.`);
  if (method === 'DELETE') {
    site.appGrants = (site.appGrants ?? []).filter((g) => g.appId.toLowerCase() !== appId.toLowerCase());
    ctx.store.changed();
    return { status: 200, body: { siteId: site.id, value: site.appGrants.map(renderSiteGrant) } };
  }
  const app = ctx.store.entraApp(appId);
  if (!app) return controlError(404, `No app ${appId} in the tenant.`);
  let roles: SiteAppRole[];
  try {
    roles = parseSiteRoles((body as { roles?: unknown } | null)?.roles);
  } catch (err) {
    return controlError(400, (err as Error).message);
  }
  const grant = grantSiteToApp(ctx.store, site, app.appId, app.displayName, roles);
  ctx.store.changed();
  return { status: 200, body: renderSiteGrant(grant) };
}

/** The routes with ids in the path (installed apps, app registrations and permissions, site grants). */
function handleParameterised(ctx: ControlContext, method: string, path: string, body: unknown): GraphResponse | undefined {
  const arg = (m: RegExpExecArray, i: number): string => safeDecode(m[i] ?? '');
  let m = INSTALLED_APP.exec(path);
  if (m && (method === 'PUT' || method === 'DELETE')) return installedApp(ctx, method, arg(m, 1), arg(m, 2));
  m = APP.exec(path);
  if (m && (method === 'PUT' || method === 'DELETE')) return appRegistration(ctx, method, arg(m, 1), body);
  m = APP_PERMISSION.exec(path);
  if (m && (method === 'PUT' || method === 'DELETE')) return appPermission(ctx, method, arg(m, 1), arg(m, 2));
  m = SITE_GRANT.exec(path);
  if (m && (method === 'PUT' || method === 'DELETE')) return siteGrant(ctx, method, arg(m, 1), arg(m, 2), body);
  m = SITE_GRANTS.exec(path);
  if (m && method === 'GET') {
    const site = ctx.store.site(arg(m, 1));
    return site ? { status: 200, body: { siteId: site.id, value: (site.appGrants ?? []).map(renderSiteGrant) } } : controlError(404, `No site ${arg(m, 1)}.`);
  }
  return undefined;
}

/**
 * The emulator's own endpoints under /_emulator (no token): users, teams, request log, faults,
 * messaging (webhooks, installed apps, the bot's rate limit), app-only access (app registrations
 * and their application permissions, site grants). `origin` is the request's `https://<host>`,
 * for the URLs handed out.
 */
export function handleControl(ctx: ControlContext, method: string, path: string, body: unknown, origin = ''): GraphResponse {
  const trimmed = path.replace(/\/+$/, '');
  const route = `${method} ${trimmed}`;
  const parameterised = handleParameterised(ctx, method, trimmed, body);
  if (parameterised) return parameterised;
  switch (route) {
    case 'GET /_emulator/apps':
      return { status: 200, body: { value: (ctx.store.state.appRegistrations ?? []).map((a) => renderRegistration(ctx, a)) } };
    case 'GET /_emulator/users':
      return {
        status: 200,
        body: { value: ctx.store.state.users.map((u) => ({ userPrincipalName: u.userPrincipalName, displayName: u.displayName })) },
      };
    case 'GET /_emulator/teams':
      return {
        status: 200,
        body: {
          value: ctx.store.state.teams.map((t) => ({
            id: t.id,
            displayName: t.displayName,
            internalId: t.internalId,
            channels: t.channels.map((c) => ({ id: c.id, displayName: c.displayName })),
            installedAppIds: [...(t.installedAppIds ?? [])],
            owners: t.owners.map((id) => ctx.store.userById(id)?.userPrincipalName ?? id),
            members: t.members.map((id) => ctx.store.userById(id)?.userPrincipalName ?? id),
          })),
        },
      };
    case 'GET /_emulator/messaging':
      return {
        status: 200,
        body: {
          serviceUrl: `${origin}${BOT_CONNECTOR_BASE}/`,
          tokenUrl: `${origin}/${ctx.store.state.tenantId}/oauth2/v2.0/token`,
          scope: BOT_FRAMEWORK_SCOPE,
          apps: (ctx.store.state.teamsApps ?? []).map((a) => ({ ...a })),
          webhooks: messagingState(ctx.store).webhooks.map((w) => renderWebhook(origin, w)),
          botRateLimit: ctx.messaging?.rateLimiter.describe() ?? null,
        },
      };
    case 'GET /_emulator/webhooks':
      return { status: 200, body: { value: messagingState(ctx.store).webhooks.map((w) => renderWebhook(origin, w)) } };
    case 'POST /_emulator/webhooks': {
      const b = (body ?? {}) as { teamId?: unknown; channelId?: unknown };
      if (typeof b.teamId !== 'string' || typeof b.channelId !== 'string') return controlError(400, 'The body must be {"teamId": …, "channelId": …}.');
      const webhook = createWebhook(ctx.store, b.teamId, b.channelId);
      if (!webhook) return controlError(404, `No channel ${b.channelId} in team ${b.teamId}.`);
      return { status: 201, body: renderWebhook(origin, webhook) };
    }
    case 'PUT /_emulator/bot-rate-limit': {
      const b = (body ?? {}) as { enabled?: unknown };
      if (!ctx.messaging) return controlError(404, 'The messaging services are not running.');
      if (typeof b.enabled !== 'boolean') return controlError(400, 'The body must be {"enabled": true|false}.');
      ctx.messaging.rateLimiter.enabled = b.enabled;
      return { status: 200, body: ctx.messaging.rateLimiter.describe() };
    }
    case 'GET /_emulator/log':
      return { status: 200, body: { value: ctx.log.list() } };
    case 'DELETE /_emulator/log':
      ctx.log.clear();
      return { status: 204 };
    case 'GET /_emulator/faults':
      return { status: 200, body: ctx.faults.get() };
    case 'PUT /_emulator/faults':
      if (!isFaultOptions(body)) return controlError(400, 'The body must be a JSON FaultOptions object.');
      try {
        ctx.faults.set(body);
      } catch (err) {
        return controlError(400, (err as Error).message);
      }
      return { status: 200, body: ctx.faults.get() };
    default:
      return controlError(404, `No emulator endpoint ${route}.`);
  }
}
