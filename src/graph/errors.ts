/**
 * One typed error for every failed Graph call, carrying what callers branch on:
 * the HTTP status and Graph's error code (never the message, which Graph does not localise
 * and may change — facts sheet §1).
 */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    /** Codes of nested innerError objects, outermost first (e.g. ['throttledRequest', 'quota']). */
    readonly innerCodes: readonly string[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }

  /** True when the request could succeed later unchanged (throttling, service unavailable). */
  get transient(): boolean {
    return this.status === 429 || this.status === 503 || this.status === 504;
  }
}

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown; innerError?: unknown; innererror?: unknown };
}

function innerCodesOf(inner: unknown): string[] {
  const codes: string[] = [];
  let cursor: unknown = inner;
  for (let depth = 0; depth < 8 && cursor && typeof cursor === 'object'; depth++) {
    const record = cursor as Record<string, unknown>;
    if (typeof record.code === 'string') codes.push(record.code);
    cursor = record.innerError ?? record.innererror;
  }
  return codes;
}

/** Builds a GraphRequestError from a status and a parsed (or unparsed) Graph error body. */
export function graphErrorFrom(status: number, body: unknown, retryAfter: string | null = null): GraphRequestError {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const error = (parsed as GraphErrorBody | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : '';
  const message = typeof error?.message === 'string' && error.message ? error.message : `Graph request failed with status ${status}`;
  const inner = error?.innerError ?? error?.innererror;
  const requestId =
    inner && typeof inner === 'object' && typeof (inner as Record<string, unknown>)['request-id'] === 'string'
      ? ((inner as Record<string, unknown>)['request-id'] as string)
      : null;
  const seconds = retryAfter !== null && retryAfter !== '' && !Number.isNaN(Number(retryAfter)) ? Number(retryAfter) : null;
  return new GraphRequestError(status, code, message, requestId, innerCodesOf(inner), seconds);
}

/** Converts whatever the Graph SDK threw into a GraphRequestError (network faults become status 0). */
export function toGraphRequestError(err: unknown): GraphRequestError {
  if (err instanceof GraphRequestError) return err;
  if (err && typeof err === 'object' && 'statusCode' in err) {
    const e = err as { statusCode: number; code?: string | null; message?: string; requestId?: string | null; body?: unknown; headers?: Headers };
    const fromBody = e.body !== undefined ? graphErrorFrom(e.statusCode, typeof e.body === 'string' ? `{"error":${e.body}}` : e.body) : null;
    return new GraphRequestError(
      e.statusCode,
      e.code ?? fromBody?.code ?? '',
      e.message || fromBody?.message || `Graph request failed with status ${e.statusCode}`,
      e.requestId ?? fromBody?.requestId ?? null,
      fromBody?.innerCodes ?? [],
      null,
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new GraphRequestError(0, 'networkError', message);
}
