/**
 * SharePoint REST on the site's own host: `<origin>/sites/<name>/_api/…`, where `<origin>/sites/<name>`
 * is the site's webUrl in Graph (sharepoint/site-url.ts). Authentication, CORS, JSON formats,
 * errors and the request log; the endpoints are in rest-routes.ts. Facts: §15.2–15.6.
 */
import { randomUUID } from 'node:crypto';
import type { FaultInjector } from '../core/faults.ts';
import type { RequestLog } from '../core/request-log.ts';
import { INVALID_JSON } from '../core/dispatcher.ts';
import { siteWebUrl } from '../sharepoint/site-url.ts';
import type { UserState } from '../state/tenant-state.ts';
import type { TenantStore } from '../state/tenant-store.ts';
import { SpRestError, contentType, errorBody, negotiateFormat, spAccessDenied, spBadQuery, spNotFound, type RestFormat } from './rest-format.ts';
import { matchRoute, type RestContext } from './rest-routes.ts';

export interface SharePointRestOptions {
  /** Answer CORS (preflight and Access-Control-Allow-Origin); false = no CORS headers at all. */
  readonly cors: boolean;
}

export interface SpRestRequest {
  readonly method: string;
  /** Still percent-encoded, e.g. '/sites/X/_api/web/lists(guid%27…%27)'. */
  readonly path: string;
  readonly rawQuery: string;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly host: string;
}

export interface SpRestResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const SP_REST_PATH = /^\/sites\/([^/]+)\/_api(?:\/(.*))?$/i;

/** Whether a request path is a SharePoint REST path (`/sites/<name>/_api…`). */
export function isSharePointRestPath(path: string): boolean {
  return SP_REST_PATH.test(path);
}

/**
 * Preflight details of SharePoint Online are not confirmed (facts §15.6). The emulator allows only
 * the headers an app needs for these calls — Authorization, Accept, Content-Type, X-HTTP-Method,
 * IF-MATCH (the facts sheet's practical rule) — and the methods GET and POST (MERGE and DELETE are
 * tunnelled through POST with X-HTTP-Method, as the Learn samples do). No credentials (cookies).
 */
const PREFLIGHT_ALLOW_HEADERS = 'Authorization, Accept, Content-Type, X-HTTP-Method, IF-MATCH';
const PREFLIGHT_ALLOW_METHODS = 'GET, POST';

const safeDecode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** A 401 of SharePoint: `{"error_description": …}` plus a Bearer challenge (exact texts not confirmed). */
class SpAuthError extends Error {}

export class SharePointRest {
  constructor(
    private readonly store: TenantStore,
    private readonly log: RequestLog,
    private readonly faults: FaultInjector,
    private readonly options: SharePointRestOptions,
  ) {}

  /**
   * OPTIONS preflight. With CORS on: 200 echoing the Origin, with the allowed methods and headers.
   * With CORS off (`sharePointRestCors: false`): no CORS headers, so a browser's fetch fails with a
   * TypeError — what an app must expect if SharePoint Online does not answer CORS (facts §15.6: CORS
   * for bearer requests works in practice but is not confirmed by current Microsoft docs).
   */
  preflight(headers: Readonly<Record<string, string>>): SpRestResponse {
    const out: Record<string, string> = { 'Content-Length': '0' };
    if (this.options.cors) {
      Object.assign(out, {
        'Access-Control-Allow-Origin': headers.origin ?? '*',
        'Access-Control-Allow-Methods': PREFLIGHT_ALLOW_METHODS,
        'Access-Control-Allow-Headers': PREFLIGHT_ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    return { status: 200, headers: out };
  }

  async handle(req: SpRestRequest): Promise<SpRestResponse> {
    const started = performance.now();
    const requestId = randomUUID();
    // Latency applies (as to every logged request); injected failures are for Graph only.
    await this.faults.delay();
    let response: SpRestResponse;
    let format: RestFormat | undefined;
    try {
      const user = this.authenticate(req);
      format = negotiateFormat(req.headers.accept);
      response = this.process(req, user, format);
    } catch (err) {
      response = this.errorResponse(err, format);
    }
    response.headers = { ...this.standardHeaders(requestId, response.status, req.headers.origin), ...response.headers };
    if (response.body !== undefined && format !== undefined && !response.headers['Content-Type']) response.headers['Content-Type'] = contentType(format);
    if (response.body !== undefined) response.headers['Content-Type'] ??= 'application/json;charset=utf-8';
    this.log.add({
      method: req.method,
      path: `${req.path}${req.rawQuery ? `?${req.rawQuery}` : ''}`,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      at: new Date().toISOString(),
    });
    return response;
  }

  /**
   * SharePoint REST accepts only a token for the SharePoint resource: in the emulator
   * `Bearer dev:<upn>;aud=<origin>`, where `<origin>` must be the site's origin (scheme, host and
   * port of this request), as a real token's `aud` is the tenant's SharePoint host (facts §15.5: the
   * resource is `https://{tenant}.sharepoint.com`; "not confirmed" on Learn). A Graph token (no
   * `;aud=`) is refused with 401, as SharePoint refuses a token for Graph
   * [issue: pnp/PnP#1666]. UPNs are matched case-insensitively and may contain '#' (guests).
   *
   * App-only tokens (`dev-app:…`, whatever their audience) are refused with 401 "Unsupported app
   * only token.": SharePoint Online takes app-only tokens from a certificate credential only ("all
   * other options are blocked by SharePoint Online", learn: /sharepoint/dev/solution-guidance/security-apponly-azuread;
   * the 401 and its text for a secret-based token [blog: volcengine.com 1029641; issue:
   * pnp/pnpframework discussions/432], facts §15.5). The emulator's token endpoint has no
   * certificates, so no app reaches SharePoint REST; apps use Graph (graph/app-permissions.ts).
   */
  private authenticate(req: SpRestRequest): UserState {
    const header = req.headers.authorization;
    if (!header) throw new SpAuthError('Unsupported security token.');
    if (/^Bearer\s+dev-app:/i.test(header)) throw new SpAuthError('Unsupported app only token.');
    const m = /^Bearer\s+dev:([^;\s]+)(?:;aud=(\S*))?\s*$/i.exec(header);
    if (!m) throw new SpAuthError('Invalid JWT token. The token is not in a valid format.');
    const expected = `https://${req.host}`.toLowerCase();
    const aud = m[2];
    if (aud === undefined || aud.toLowerCase() !== expected) throw new SpAuthError(`Invalid audience Uri '${aud ?? ''}'.`);
    const user = this.store.userByUpn(m[1] ?? '');
    if (!user) throw new SpAuthError('The user is not known in this tenant.');
    return user;
  }

  private process(req: SpRestRequest, user: UserState, format: RestFormat | undefined): SpRestResponse {
    if (format === undefined) {
      throw new SpRestError(
        406,
        '-1, Microsoft.SharePoint.Client.ClientServiceException',
        "The emulator answers SharePoint REST in JSON only: send 'Accept: application/json' (SharePoint would answer Atom XML).",
      );
    }
    const m = SP_REST_PATH.exec(req.path) as RegExpExecArray;
    const siteName = safeDecode(m[1] ?? '');
    const apiPath = safeDecode(m[2] ?? '').replace(/\/+$/, '');
    const site = this.store.siteByName(siteName);
    if (!site) throw spNotFound(`The site '/sites/${siteName}' does not exist.`);
    const team = this.store.teamOfSite(site);
    // Only users of the site (the team's owners and members) get past the site; others are denied.
    if (team && !team.owners.includes(user.id) && !team.members.includes(user.id)) throw spAccessDenied();
    if (req.body === INVALID_JSON) throw spBadQuery('Invalid JSON. A token was not recognized in the JSON content.');

    // X-HTTP-Method tunnels MERGE/DELETE/PUT through POST [learn: /sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest].
    const override = req.headers['x-http-method']?.trim().toUpperCase();
    const method = req.method === 'POST' && override ? override : req.method;
    const match = matchRoute(method, apiPath);
    if (match.kind === 'none') throw spBadQuery(`The expression "${apiPath}" is not valid.`);
    if (match.kind === 'methodNotAllowed') {
      throw new SpRestError(
        405,
        '-1, Microsoft.SharePoint.Client.ClientServiceException',
        `The HTTP method '${method}' cannot be used to access the resource '${match.resource}'.`,
      );
    }
    const siteUrl = siteWebUrl(site, `https://${req.host}`);
    const ctx: RestContext = {
      store: this.store,
      user,
      site,
      team,
      format,
      siteUrl,
      apiUrl: `${siteUrl}/_api`,
      method,
      query: new URLSearchParams(req.rawQuery),
      headers: req.headers,
      body: req.body,
      params: match.params,
    };
    const result = match.handler(ctx);
    return { status: result.status, headers: { ...result.headers }, ...(result.body !== undefined ? { body: result.body } : {}) };
  }

  private errorResponse(err: unknown, format: RestFormat | undefined): SpRestResponse {
    if (err instanceof SpAuthError) {
      return {
        status: 401,
        headers: {
          'WWW-Authenticate': `Bearer realm="${this.store.state.tenantId}",client_id="00000003-0000-0ff1-ce00-000000000000",authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"`,
        },
        body: { error_description: err.message },
      };
    }
    const spError =
      err instanceof SpRestError ? err : new SpRestError(500, '-2146233088, System.InvalidOperationException', 'An unexpected error has occurred.');
    if (!(err instanceof SpRestError)) console.error('[emulator] SharePoint REST handler failed:', err);
    return { status: spError.status, headers: {}, body: errorBody(spError, format) };
  }

  /**
   * SharePoint's own response headers, and CORS when on. A 401 carries no CORS headers: a browser
   * that sent a token for the wrong resource sees a failed fetch, not the 401, as reported for
   * SharePoint Online [issue: pnp/PnP#1666] (facts §15.6).
   */
  private standardHeaders(requestId: string, status: number, origin: string | undefined): Record<string, string> {
    const headers: Record<string, string> = {
      SPRequestGuid: requestId,
      'request-id': requestId,
      'X-SharePointHealthScore': '0',
      'Cache-Control': 'private, max-age=0',
      DataServiceVersion: '3.0',
    };
    if (this.options.cors && status !== 401 && origin !== undefined) {
      Object.assign(headers, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Expose-Headers': 'SPRequestGuid, request-id, ETag',
        Vary: 'Origin',
      });
    }
    return headers;
  }
}
