/** Requests and answers of the emulator's non-Graph services (Workflows webhook, Bot Connector, token endpoint). */

export interface ServiceRequest {
  readonly method: string;
  /** Percent-encoded path, without the query. */
  readonly path: string;
  readonly rawQuery: string;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly raw: Buffer;
  /** 'https://<host>' of the request. */
  readonly origin: string;
}

export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON body; undefined for none. */
  body?: unknown;
}

/** A refusal with its status, body and headers, thrown by a service's handler. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
    this.name = 'ServiceError';
  }
}

/** Parses a JSON request body (an empty body is `undefined`); `ok: false` when it is not JSON. */
export function parseJsonBody(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
