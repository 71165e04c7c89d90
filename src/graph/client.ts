/**
 * The one Microsoft Graph client of the app.
 *
 * Built on @microsoft/microsoft-graph-client with its own middleware chain
 * (authentication → retry honouring Retry-After → telemetry → HTTP), configured once here.
 * Adds what the SDK leaves to callers: nextLink paging, $batch chunking at 20 with retries of
 * throttled inner requests (the SDK never retries inside a batch — facts sheet §2), and one
 * typed error (GraphRequestError).
 */
import {
  AuthenticationHandler,
  BatchRequestContent,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type FetchOptions,
} from '@microsoft/microsoft-graph-client';
import { GraphRequestError, graphErrorFrom, toGraphRequestError } from './errors';

export type TokenSource = (scopes: readonly string[]) => Promise<string>;

/**
 * Whether the SDK's retry handler may send a request again after a 429, 503 or 504 (facts sheet
 * §2: it retries those for every method). A POST (a create, or a `$batch` that may hold creates) is
 * not idempotent: Graph documents no idempotency key (§17), and a 503 or 504 may come after the
 * server committed it. So a POST is re-sent only after a 429 (throttled: refused before it ran);
 * after a 503/504 the error goes to the caller, which looks for the item's key before it creates
 * again (createExactlyOnce). GET, and PATCH/DELETE with If-Match, are safe to send again.
 */
export function mayResend(_delay: number, _attempt: number, request: RequestInfo, options: FetchOptions | undefined, response: Response): boolean {
  const method = (options?.method ?? (typeof request === 'object' && 'method' in request ? request.method : 'GET')).toUpperCase();
  if (method !== 'POST' || response.status === 429) return true;
  // A `$batch` of reads only (e.g. loading a plan) changes nothing, so it may be sent again.
  const url = typeof request === 'string' ? request : request.url;
  return /\/\$batch(\?|$)/.test(url) && onlyReads(options?.body);
}

function onlyReads(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const requests = (JSON.parse(body) as { requests?: Array<{ method?: string }> }).requests;
    return Array.isArray(requests) && requests.length > 0 && requests.every((r) => (r.method ?? 'GET').toUpperCase() === 'GET');
  } catch {
    return false;
  }
}

export interface GraphClientOptions {
  /** Absolute https URL of the version root, e.g. https://graph.microsoft.com/v1.0. */
  readonly baseUrl: string;
  readonly getToken: TokenSource;
  readonly scopes?: readonly string[];
  /** Extra fetch options (in Node: an undici dispatcher that trusts the emulator's CA). */
  readonly fetchOptions?: FetchOptions & { dispatcher?: unknown };
  /** Retries of throttled (429/503/504) requests; default 3 tries with a 1 s base delay. */
  readonly maxRetries?: number;
  readonly retryDelaySeconds?: number;
  /** Upper bound for one wait honouring Retry-After, in seconds (default 120). */
  readonly maxRetryAfterSeconds?: number;
}

export interface RequestOptions {
  readonly headers?: Readonly<Record<string, string>>;
}

export interface BatchStep {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version root, e.g. `/sites/{id}/lists`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface BatchResult {
  readonly id: string;
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export interface Page<T> {
  readonly value: T[];
  readonly '@odata.nextLink'?: string;
}

export interface GraphApi {
  readonly baseUrl: string;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  /** PUT: a Blob is sent as it is (a file's bytes; give its Content-Type in the headers), anything else as JSON. */
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  delete(path: string, options?: RequestOptions): Promise<void>;
  /** Follows @odata.nextLink until the collection ends. */
  getAll<T>(path: string, options?: RequestOptions): Promise<T[]>;
  /** Follows nextLinks of a page that was fetched some other way (e.g. inside a batch). */
  continuePages<T>(first: Page<T>, options?: RequestOptions): Promise<T[]>;
  /**
   * Sends the steps in $batch requests of at most 20, in parallel, retrying throttled inner
   * requests after their Retry-After. Results are keyed by step id; inner failures are returned,
   * not thrown (use `ensureOk`).
   */
  batch(steps: readonly BatchStep[]): Promise<Map<string, BatchResult>>;
}

export const GRAPH_BATCH_LIMIT = 20;
/**
 * `$batch` requests in flight at once. Graph runs a batch's steps against the same throttling
 * limits as separate requests, so a bulk write of thousands of items sends a few batches at a time
 * rather than hundreds together (which also exhausts sockets: 'fetch failed').
 */
export const GRAPH_BATCH_CONCURRENCY = 4;

const DEFAULT_SCOPES = ['https://graph.microsoft.com/.default'];

class TokenAuthProvider implements AuthenticationProvider {
  constructor(
    private readonly getToken: TokenSource,
    private readonly scopes: readonly string[],
  ) {}
  getAccessToken(): Promise<string> {
    return this.getToken(this.scopes);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `Promise.all(items.map(fn))` with at most `limit` calls running at once; results in order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createGraphClient(options: GraphClientOptions): GraphApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') {
    // The SDK attaches tokens and follows nextLinks only for https URLs (facts sheet §14.1–2).
    throw new Error(`Graph base URL must be https: ${baseUrl}`);
  }
  const version = url.pathname.replace(/^\/+/, '') || 'v1.0';
  const root = `${url.protocol}//${url.host}`;
  const isGraphHost = url.hostname === 'graph.microsoft.com';
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 120;

  const auth = new AuthenticationHandler(new TokenAuthProvider(options.getToken, options.scopes ?? DEFAULT_SCOPES));
  const retry = new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds ?? 1, options.maxRetries ?? 3, mayResend));
  const telemetry = new TelemetryHandler();
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(telemetry);
  telemetry.setNext(http);

  const client = Client.initWithMiddleware({
    middleware: auth,
    baseUrl: root,
    defaultVersion: version,
    fetchOptions: options.fetchOptions as FetchOptions | undefined,
    // The emulator (and any non-Graph host) must be listed or the SDK sends no token.
    customHosts: isGraphHost ? undefined : new Set([url.hostname]),
  });

  const request = (path: string, requestOptions?: RequestOptions) => {
    let req = client.api(path);
    if (requestOptions?.headers) req = req.headers({ ...requestOptions.headers });
    return req;
  };

  async function call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toGraphRequestError(err);
    }
  }

  async function continuePages<T>(first: Page<T>, requestOptions?: RequestOptions): Promise<T[]> {
    const items = [...first.value];
    let next = first['@odata.nextLink'];
    while (next) {
      const link = next;
      // nextLinks are absolute https URLs; request headers (e.g. Prefer) are not carried over by
      // Graph, so they are sent again (facts sheet §4).
      const page = await call(() => request(link, requestOptions).get() as Promise<Page<T>>);
      items.push(...page.value);
      next = page['@odata.nextLink'];
    }
    return items;
  }

  async function sendBatch(steps: readonly BatchStep[]): Promise<BatchResult[]> {
    const content = new BatchRequestContent(
      steps.map((step) => {
        const headers: Record<string, string> = { ...(step.headers ?? {}) };
        const init: RequestInit = { method: step.method, headers };
        if (step.body !== undefined) {
          if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
          init.body = JSON.stringify(step.body);
        }
        const path = step.url.startsWith('/') ? step.url : `/${step.url}`;
        return { id: step.id, request: new Request(`${baseUrl}${path}`, init) };
      }),
    );
    const payload = await content.getContent();
    const raw = await call(() => client.api('/$batch').post(payload) as Promise<unknown>);
    const responses = batchResponses(raw);
    return steps.map((step) => responses.get(step.id) ?? { id: step.id, status: 0, body: null, headers: {} });
  }

  async function batch(steps: readonly BatchStep[]): Promise<Map<string, BatchResult>> {
    const results = new Map<string, BatchResult>();
    let pending = [...steps];
    const maxAttempts = (options.maxRetries ?? 3) + 1;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const chunks: BatchStep[][] = [];
      for (let i = 0; i < pending.length; i += GRAPH_BATCH_LIMIT) chunks.push(pending.slice(i, i + GRAPH_BATCH_LIMIT));
      const chunkResults = await mapBounded(chunks, GRAPH_BATCH_CONCURRENCY, sendBatch);
      const retry: BatchStep[] = [];
      let waitSeconds = 0;
      for (const result of chunkResults.flat()) {
        const step = pending.find((s) => s.id === result.id);
        // As for plain requests (mayResend): a POST step is sent again only after a 429; after a
        // 503/504 it may have been committed, and its caller looks before creating again.
        const throttled = result.status === 429 || ((result.status === 503 || result.status === 504) && step?.method !== 'POST');
        if (throttled && attempt < maxAttempts) {
          if (step) retry.push(step);
          const after = Number(result.headers['retry-after']);
          waitSeconds = Math.max(waitSeconds, Number.isFinite(after) && after > 0 ? after : 2 ** attempt);
        } else {
          results.set(result.id, result);
        }
      }
      pending = retry;
      if (pending.length > 0) await sleep(Math.min(waitSeconds, maxRetryAfter) * 1000);
    }
    return results;
  }

  return {
    baseUrl,
    get: (path, o) => call(() => request(path, o).get()),
    post: (path, body, o) => call(() => request(path, o).post(body)),
    patch: (path, body, o) => call(() => request(path, o).patch(body)),
    put: (path, body, o) => call(() => request(path, o).put(body)),
    delete: async (path, o) => {
      await call(() => request(path, o).delete());
    },
    getAll: async <T>(path: string, o?: RequestOptions) => {
      const first = await call(() => request(path, o).get() as Promise<Page<T>>);
      return continuePages(first, o);
    },
    continuePages,
    batch,
  };
}

/**
 * The steps' answers of a JSON batch response (`{ responses: [{ id, status, headers, body }] }`,
 * learn: /graph/json-batching), read as they are. The SDK's BatchResponseContent turns each answer
 * back into a fetch Response (serialising its body again) only for us to parse it once more: for a
 * plan of 5,000 goals that was 0.1 s of a first paint's budget. A JSON body arrives parsed; a body
 * sent as text (a non-JSON answer) is parsed when it is JSON, else kept as text.
 */
export function batchResponses(raw: unknown): Map<string, BatchResult> {
  const out = new Map<string, BatchResult>();
  const list = typeof raw === 'object' && raw !== null ? (raw as { responses?: unknown }).responses : undefined;
  if (!Array.isArray(list)) return out;
  for (const entry of list as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, status, headers: rawHeaders, body: rawBody } = entry as { id?: unknown; status?: unknown; headers?: unknown; body?: unknown };
    if (typeof id !== 'string' || typeof status !== 'number') continue;
    const headers: Record<string, string> = {};
    if (typeof rawHeaders === 'object' && rawHeaders !== null) {
      for (const [key, value] of Object.entries(rawHeaders)) if (typeof value === 'string') headers[key.toLowerCase()] = value;
    }
    out.set(id, { id, status, body: status === 204 ? null : bodyOf(rawBody), headers });
  }
  return out;
}

function bodyOf(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw ?? null;
  if (raw === '') return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** Returns the body of a successful batch result or throws its error. */
export function ensureOk<T>(result: BatchResult | undefined): T {
  if (!result) throw new GraphRequestError(0, 'missingBatchResponse', 'The batch response lacked a result');
  if (result.status >= 400 || result.status === 0) {
    throw graphErrorFrom(result.status, result.body, result.headers['retry-after'] ?? null);
  }
  return result.body as T;
}
