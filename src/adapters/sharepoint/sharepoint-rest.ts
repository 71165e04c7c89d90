/**
 * A small client for the SharePoint REST API of one site (`{webUrl}/_api/...`), for the few calls
 * Graph has no equivalent for: giving the app's lists their own permissions (facts sheet §15.1: no
 * Graph API grants a user or group a role on a list).
 *
 * Why not pnpjs (@pnp/sp): the app makes eight documented calls; pnpjs would add its own request
 * pipeline, caching and digest behaviours and a second authentication integration to a bundle
 * that must stay small (issue 16). This client follows pnpjs's wire format where Learn is silent:
 * `Accept: application/json` (JSON light), no `__metadata` in bodies, `X-HTTP-Method: MERGE` with
 * `IF-MATCH: *` for list updates, and no X-RequestDigest with a bearer token (facts §15.3, §15.4).
 *
 * Tokens are for the SharePoint host, not Graph: scope `{origin}/AllSites.FullControl` (facts §15.5).
 * Whether SharePoint answers cross-origin calls from a browser is not documented (§15.6): a fetch
 * that fails without an answer is a SharePointRestUnreachable, so the caller can say so and point
 * to `npm run provision`. No cookies are sent (`credentials: 'omit'`).
 */
import type { TokenSource } from '../../graph/client';

/** The delegated SharePoint permission for changing list permissions (facts §15.5: admin consent). */
export const SHAREPOINT_PERMISSIONS_SCOPE = 'AllSites.FullControl';

/** SharePoint answered with an error status. */
export class SharePointRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`SharePoint REST ${status}${code ? ` ${code}` : ''}: ${message}`);
    this.name = 'SharePointRestError';
  }
}

/** No answer at all: the network, or a browser refusing a cross-origin call (no CORS headers). */
export class SharePointRestUnreachable extends Error {
  constructor(override readonly cause: unknown) {
    super(`SharePoint REST could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SharePointRestUnreachable';
  }
}

export interface SharePointRestOptions {
  /** The site's URL as Graph gives it (`site.webUrl`), e.g. https://contoso.sharepoint.com/sites/Team. */
  readonly webUrl: string;
  readonly getToken: TokenSource;
  readonly fetch?: typeof fetch;
}

export class SharePointRest {
  private readonly base: string;
  private readonly scope: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: SharePointRestOptions) {
    const url = new URL(options.webUrl);
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}/_api/`;
    this.scope = `${url.origin}/${SHAREPOINT_PERMISSIONS_SCOPE}`;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  /** A POST with no body (SharePoint's methods such as breakroleinheritance), or with extra headers. */
  post<T = unknown>(path: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<T> {
    return this.send<T>('POST', path, init);
  }

  /** Updates properties of an object with MERGE (only the properties sent change). */
  merge(path: string, body: Record<string, unknown>): Promise<unknown> {
    return this.send('POST', path, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body });
  }

  private async send<T>(method: 'GET' | 'POST', path: string, init: { headers?: Record<string, string>; body?: unknown } = {}): Promise<T> {
    const token = await this.options.getToken([this.scope]);
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}`, ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json;charset=utf-8';
    let res: Response;
    try {
      res = await this.fetchImpl(this.base + path, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'omit',
      });
    } catch (err) {
      throw new SharePointRestUnreachable(err);
    }
    const text = await res.text();
    const json: unknown = text ? safeJson(text) : null;
    if (!res.ok) {
      // JSON light errors come as `odata.error`, verbose ones as `error` (pnp/pnpjs#1830; facts §15.7).
      type RestError = { code?: string; message?: { value?: string } | string };
      const body = json as { error?: RestError; 'odata.error'?: RestError } | null;
      const error = body?.['odata.error'] ?? body?.error;
      const message = typeof error?.message === 'string' ? error.message : (error?.message?.value ?? res.statusText);
      throw new SharePointRestError(res.status, error?.code ?? '', message);
    }
    // JSON light answers the object itself; odata=verbose wraps it in `d`.
    const body = json as { d?: unknown } | null;
    return (body && typeof body === 'object' && 'd' in body ? body.d : body) as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
