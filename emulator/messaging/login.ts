/**
 * A stand-in for the Microsoft identity platform's token endpoint, for client credentials (facts
 * §16.2): `POST <origin>/<tenant>/oauth2/v2.0/token` (as
 * `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`), form-encoded
 * `grant_type=client_credentials&client_id=<app id>&client_secret=…&scope=<resource>/.default`
 * → 200 `{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":…}`
 * [learn-src: bot-docs articles/rest-api/bot-framework-rest-connector-authentication.md; Learn
 * /entra/identity-platform/v2-oauth2-client-creds-grant-flow ("The value passed for the scope
 * parameter in this request should be the resource identifier … affixed with the .default suffix")].
 *
 * Two resources:
 * - `scope=https://api.botframework.com/.default` → `dev-app:<client id>;aud=https://api.botframework.com`,
 *   which the Bot Connector (bot-connector.ts) accepts;
 * - `scope=https://graph.microsoft.com/.default` → `dev-app:<client id>;aud=https://graph.microsoft.com`,
 *   which the emulator's Graph accepts as that app, app-only (core/dispatcher.ts; what it may do:
 *   the app's consented application permissions and RSC, graph/app-permissions.ts).
 * Use the token unmodified as `Authorization: Bearer …`. `<tenant>` is the tenant id, its domain
 * or `botframework.com` (the legacy multi-tenant authority). Any client id the tenant knows — an
 * app registration (`TenantState.appRegistrations`) or a bot (`TenantState.teamsApps[].botId`) —
 * is accepted with any non-empty `client_secret` (or `client_assertion`): the emulator keeps no
 * secrets. Both scopes are issued to every known app, as Entra issues them to any app; the
 * Connector then refuses an app that is no bot, and Graph one without permissions.
 *
 * Errors use the identity platform's body `{error, error_description, error_codes, timestamp,
 * trace_id, correlation_id}` [Learn /entra/identity-platform/v2-oauth2-client-creds-grant-flow,
 * "Error response"]; the AADSTS codes chosen (900144 missing parameter, 70003 unsupported grant,
 * 90002 unknown tenant, 700016 unknown application, 7000218 no credential, 1002012 invalid scope)
 * are the ones seen in practice, not confirmed for each case. Another scope (a SharePoint host's,
 * or a scope without `/.default`) → 400 `invalid_scope`: the emulator's SharePoint REST takes user
 * tokens only.
 */
import { randomUUID } from 'node:crypto';
import { GRAPH_AUDIENCE } from '../core/principal.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import { BOT_FRAMEWORK_AUDIENCE } from './bot-connector.ts';
import { ServiceError, type ServiceRequest, type ServiceResponse } from './types.ts';

export const BOT_FRAMEWORK_SCOPE = `${BOT_FRAMEWORK_AUDIENCE}/.default`;
export const GRAPH_SCOPE = `${GRAPH_AUDIENCE}/.default`;
/** The audience of the token each scope gets. */
const AUDIENCE_OF_SCOPE: Readonly<Record<string, string>> = { [BOT_FRAMEWORK_SCOPE]: BOT_FRAMEWORK_AUDIENCE, [GRAPH_SCOPE]: GRAPH_AUDIENCE };
const TOKEN_LIFETIME_SECONDS = 3600;
/** `/<tenant>/oauth2/v2.0/token` */
export const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token\/?$/i;

/** The emulator's bearer token for an app and an audience (the Bot Framework's unless given). */
export function devAppToken(appId: string, audience = BOT_FRAMEWORK_AUDIENCE): string {
  return `dev-app:${appId};aud=${audience}`;
}

function identityError(status: number, error: string, code: number, description: string): ServiceError {
  const now = new Date();
  const timestamp = `${now.toISOString().slice(0, 19).replace('T', ' ')}Z`;
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return new ServiceError(status, {
    error,
    error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
  });
}

export function handleTokenRequest(store: TenantStore, req: ServiceRequest, tenant: string): ServiceResponse {
  if (req.method !== 'POST') throw identityError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
  const known = [store.state.tenantId, store.state.domain, 'botframework.com'].map((t) => t.toLowerCase());
  if (!known.includes(tenant.toLowerCase())) {
    throw identityError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const form = new URLSearchParams(req.raw.toString('utf8'));
  const required = (name: string): string => {
    const value = form.get(name);
    if (value === null || value.length === 0) throw identityError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
    return value;
  };
  const grantType = required('grant_type');
  if (grantType !== 'client_credentials') {
    throw identityError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'; the emulator issues client_credentials tokens only.`);
  }
  const clientId = required('client_id');
  const app = store.entraApp(clientId);
  if (!app) {
    throw identityError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${store.state.domain}'.`);
  }
  if (!form.get('client_secret') && !form.get('client_assertion')) {
    throw identityError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  const scope = required('scope');
  const audience = AUDIENCE_OF_SCOPE[scope];
  if (audience === undefined) {
    throw identityError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI); the emulator issues tokens for ${BOT_FRAMEWORK_SCOPE} and ${GRAPH_SCOPE}.`,
    );
  }
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
    body: { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: devAppToken(app.appId, audience) },
  };
}
