import type { TenantStore } from '../state/tenant-store.ts';
import type { AppRegistrationState, UserState } from '../state/tenant-state.ts';
import type { Principal } from './principal.ts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One Graph request, whether it came over HTTP or from inside a $batch. */
export interface GraphRequest {
  readonly method: string;
  /** Path below the version root, starting with '/', still percent-encoded (e.g. '/sites/x/lists'). */
  readonly path: string;
  /** Raw query string without '?', as received (used to rebuild nextLinks). */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  /**
   * The body's bytes when it is not JSON (a Content-Type other than JSON, e.g. a file uploaded to a
   * drive: graph/drives.ts); `body` is then undefined.
   */
  readonly raw?: Uint8Array;
  /** Host header of the outer HTTP request (for absolute nextLinks). */
  readonly host: string;
  /** Set for requests that run inside a $batch. */
  readonly batchId?: string;
}

export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; undefined for no content. */
  body?: unknown;
  /** A body of bytes sent as it is (a file's content; its Content-Type in `headers`), instead of JSON. */
  binary?: Uint8Array;
}

export interface HandlerContext {
  readonly req: GraphRequest;
  readonly params: Readonly<Record<string, string>>;
  /** The caller: a user (delegated) or an application (app-only; core/principal.ts). */
  readonly principal: Principal;
  /** The signed-in user of a delegated call; undefined for an app-only call. */
  readonly user: UserState | undefined;
  /** The calling application of an app-only call; undefined for a delegated call. */
  readonly app: AppRegistrationState | undefined;
  readonly store: TenantStore;
  /** 'https://<host>/v1.0' of this request. */
  readonly baseUrl: string;
  /** 'https://<host>' of this request: the origin of the sites' webUrl (sharepoint/site-url.ts). */
  readonly origin: string;
  readonly options: HandlerOptions;
}

export interface HandlerOptions {
  /** Reject non-indexed filters on lists above 5,000 items even with the Prefer header. */
  readonly enforceListViewThreshold: boolean;
}

export type Handler = (ctx: HandlerContext) => GraphResponse | Promise<GraphResponse>;

export const ok = (body: unknown, headers?: Record<string, string>): GraphResponse => ({ status: 200, body, headers });
export const created = (body: unknown, headers?: Record<string, string>): GraphResponse => ({ status: 201, body, headers });
export const noContent = (): GraphResponse => ({ status: 204 });
