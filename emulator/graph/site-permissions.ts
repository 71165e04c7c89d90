/**
 * Application grants on a site: `GET|POST /sites/{id}/permissions`, `GET|PATCH|DELETE
 * /sites/{id}/permissions/{permission-id}` — what `Sites.Selected` uses (facts §11, §15.1).
 *
 * Sources (Learn = https://learn.microsoft.com):
 * - Create: Learn /graph/api/site-post-permissions — "You can only use this method to create a new
 *   application permission"; application Sites.FullControl.All ("Not available" above it);
 *   delegated only for a user with an administrator role "such as SharePoint Administrator"; body
 *   `{"roles": ["write"], "grantedToIdentities": [{"application": {"id", "displayName"}}]}` → 201 and
 *   the permission with `id`, `roles`, `grantedToIdentities`, `grantedToIdentitiesV2` and
 *   `"@deprecated.GrantedToIdentities"`.
 * - List and get: Learn /graph/api/site-list-permissions, /graph/api/site-get-permission —
 *   Sites.FullControl.All (delegated: listed for list, "Not supported" for get), same shape. An app
 *   holding only Sites.Selected with a fullcontrol grant is refused too [issue:
 *   microsoftgraph/msgraph-sdk-dotnet#1591].
 * - Delete: Learn /graph/api/site-delete-permission → 204; its permission include was not read,
 *   Sites.FullControl.All as PnP documents for its revoke cmdlet [pnp.github.io/powershell
 *   Revoke-PnPEntraIDAppSitePermission] (not confirmed on Learn). Update (`PATCH {"roles"}` → 200,
 *   Learn /graph/api/site-update-permission, not read): same rule, strict reading.
 * - Roles for a site: read, write, manage, fullcontrol (facts §11). The overview also names an
 *   `owner` role for list and item grants [learn: /graph/permissions-selected-overview]; on a site
 *   it is refused (400, not confirmed).
 *
 * Emulator readings (not confirmed): no emulator user has a SharePoint administrator role, so a
 * delegated call is always 403 `accessDenied`; the application must be one the tenant knows (else
 * 400); one grant per app and site, so a second POST for the same app replaces its roles and
 * answers 201 with the same id; the id is the app's SharePoint claim, base64-encoded
 * (`i:0i.t|ms.sp.ext|<app id>@<tenant id>`, the form seen in practice).
 */
import { GraphError, accessDenied, badRequest, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { created, noContent, ok, type HandlerContext } from '../core/types.ts';
import { SITE_APP_ROLES, siteGrantId } from '../sharepoint/permissions.ts';
import type { SiteAppGrantState, SiteAppRole, SiteState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import { requireApplicationPermission } from './app-permissions.ts';

/** Learn /graph/api/site-post-permissions, -list-permissions, -get-permission: Sites.FullControl.All. */
export const SITE_PERMISSIONS_MANAGE: readonly string[] = ['Sites.FullControl.All'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The site, for a caller allowed to manage its application grants. */
function requireGrantManager(ctx: HandlerContext): SiteState {
  if (!ctx.app) throw accessDenied('Access denied. Managing application permissions on a site needs a SharePoint administrator.');
  requireApplicationPermission(ctx.store, ctx.app, SITE_PERMISSIONS_MANAGE);
  const site = ctx.store.site(ctx.params.siteId ?? '');
  if (!site) throw notFound('Requested site could not be found');
  return site;
}

export function renderSiteGrant(grant: SiteAppGrantState): Json {
  const identities = [{ application: { id: grant.appId, displayName: grant.displayName } }];
  return {
    id: grant.id,
    '@deprecated.GrantedToIdentities': 'GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2',
    roles: [...grant.roles],
    grantedToIdentities: identities,
    grantedToIdentitiesV2: identities.map((i) => ({ application: { ...i.application } })),
  };
}

export function parseSiteRoles(value: unknown): SiteAppRole[] {
  if (!Array.isArray(value) || value.length === 0) throw badRequest("'roles' must be a non-empty array of 'read', 'write', 'manage' or 'fullcontrol'.");
  const roles: SiteAppRole[] = [];
  for (const r of value) {
    const role = SITE_APP_ROLES.find((known) => typeof r === 'string' && known === r.toLowerCase());
    if (!role) throw badRequest(`The role '${String(r)}' is not valid for a site; use 'read', 'write', 'manage' or 'fullcontrol'.`);
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** The application named by `grantedToIdentities`, `grantedToIdentitiesV2` (arrays), `grantedToV2` or `grantedTo`. */
function grantedApplication(body: Json): { id: string; displayName: string | undefined } {
  const candidates = [body.grantedToIdentitiesV2, body.grantedToIdentities, body.grantedToV2, body.grantedTo].filter((v) => v !== undefined);
  if (candidates.length === 0) throw badRequest("The permission must name the application in 'grantedToIdentities' (or 'grantedToIdentitiesV2', 'grantedToV2').");
  const first = candidates[0];
  const identities = Array.isArray(first) ? first : [first];
  if (identities.length !== 1) throw badRequest('Exactly one application must be granted.');
  const identity = identities[0];
  const application = isObject(identity) ? identity.application : undefined;
  if (!isObject(application) || typeof application.id !== 'string' || application.id.length === 0) {
    throw badRequest('Only an application (with an id) can be granted a site permission.');
  }
  return { id: application.id, displayName: typeof application.displayName === 'string' ? application.displayName : undefined };
}

/** Adds or replaces an app's grant on a site (also used by the control API and the demo seed). */
export function grantSiteToApp(store: TenantStore, site: SiteState, appId: string, displayName: string, roles: SiteAppRole[]): SiteAppGrantState {
  const grants = (site.appGrants ??= []);
  const existing = grants.find((g) => g.appId.toLowerCase() === appId.toLowerCase());
  if (existing) {
    existing.roles = [...roles];
    existing.displayName = displayName;
    return existing;
  }
  const grant: SiteAppGrantState = { id: siteGrantId(store.state.tenantId, appId), appId, displayName, roles: [...roles] };
  grants.push(grant);
  return grant;
}

function findGrant(site: SiteState, permissionId: string): SiteAppGrantState {
  const grant = (site.appGrants ?? []).find((g) => g.id === permissionId);
  if (!grant) throw notFound('The requested permission was not found.');
  return grant;
}

export function registerSitePermissionsRoutes(router: Router): void {
  const base = '/sites/{siteId}/permissions';

  router.add('GET', base, (ctx) => {
    const site = requireGrantManager(ctx);
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')/permissions`,
      value: (site.appGrants ?? []).map(renderSiteGrant),
    });
  });

  router.add('POST', base, (ctx) => {
    const site = requireGrantManager(ctx);
    const body = ctx.req.body;
    if (!isObject(body)) throw badRequest('The permission must be a JSON object.');
    const roles = parseSiteRoles(body.roles);
    const named = grantedApplication(body);
    const app = ctx.store.entraApp(named.id);
    if (!app) throw new GraphError(400, 'invalidRequest', `The application '${named.id}' is not known in this tenant.`);
    const grant = grantSiteToApp(ctx.store, site, app.appId, named.displayName ?? app.displayName, roles);
    ctx.store.changed();
    return created({ '@odata.context': `${ctx.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')/permissions/$entity`, ...renderSiteGrant(grant) });
  });

  router.add('GET', `${base}/{permissionId}`, (ctx) => {
    const site = requireGrantManager(ctx);
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')/permissions/$entity`,
      ...renderSiteGrant(findGrant(site, ctx.params.permissionId ?? '')),
    });
  });

  router.add('PATCH', `${base}/{permissionId}`, (ctx) => {
    const site = requireGrantManager(ctx);
    const grant = findGrant(site, ctx.params.permissionId ?? '');
    const body = ctx.req.body;
    if (!isObject(body)) throw badRequest('The permission must be a JSON object.');
    for (const key of Object.keys(body)) if (key !== 'roles') throw badRequest(`Only 'roles' can be changed, not '${key}'.`);
    grant.roles = parseSiteRoles(body.roles);
    ctx.store.changed();
    return ok(renderSiteGrant(grant));
  });

  router.add('DELETE', `${base}/{permissionId}`, (ctx) => {
    const site = requireGrantManager(ctx);
    const grant = findGrant(site, ctx.params.permissionId ?? '');
    site.appGrants = (site.appGrants ?? []).filter((g) => g !== grant);
    ctx.store.changed();
    return noContent();
  });
}
