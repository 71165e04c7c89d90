/**
 * A JSON POST to a service outside Microsoft Graph (the Bot Connector, a Workflows webhook), with
 * the rules the Graph client applies to Graph (graph/client.ts) and the exactly-once rules of every
 * create (graph/idempotent.ts):
 * - a throttled request (429) is sent again after its Retry-After (or an exponential pause): the
 *   service refused it before doing anything (facts §16.5: "honour Retry-After, else exponential
 *   backoff");
 * - every other failure is thrown as a `GraphRequestError` with the status and the service's error
 *   code, so that callers tell an ambiguous failure (5xx, 408, no answer: the post may have been
 *   made) from a refusal with the same `isAmbiguousFailure` as for Graph, and look before posting
 *   again. A 5xx is never re-sent blindly here, although the Bot Connector lists 502/503/504 as
 *   retryable: the message may have been posted.
 * Hand-written rather than the Teams SDK's client (`@microsoft/teams.apps` needs Node ≥ 22.12,
 * facts §16.6) or the Graph SDK (its middleware is bound to Graph's URLs and auth provider): two
 * documented calls, so a small function with these rules is the smaller part.
 */
import { graphErrorFrom, GraphRequestError } from '../../graph/errors';

export interface JsonPostOptions {
  /** `Authorization: Bearer …` value, fetched per attempt (tokens expire). */
  readonly token?: () => Promise<string>;
  readonly fetch?: typeof fetch;
  /** Sends after a 429 (default 4). */
  readonly maxRetries?: number;
  /** Pause when a 429 carries no Retry-After, before attempt n: base · 2^(n−1) seconds (default 1). */
  readonly retryDelaySeconds?: number;
  /** A Retry-After above this is not waited for: the 429 is thrown (default 60 s). */
  readonly maxWaitSeconds?: number;
}

export interface JsonPostResult<T> {
  readonly status: number;
  /** The parsed body, or null when there is none (a Workflows webhook answers 202 with no body). */
  readonly body: T | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function postJson<T>(url: string, payload: unknown, options: JsonPostOptions = {}): Promise<JsonPostResult<T>> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const maxRetries = options.maxRetries ?? 4;
  const base = options.retryDelaySeconds ?? 1;
  const maxWait = options.maxWaitSeconds ?? 60;
  const body = JSON.stringify(payload);
  for (let attempt = 1; ; attempt++) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' };
    if (options.token) headers.Authorization = `Bearer ${await options.token()}`;
    let response: Response;
    try {
      response = await doFetch(url, { method: 'POST', headers, body });
    } catch (cause) {
      // No answer: the request may or may not have been handled (status 0, ambiguous).
      throw new GraphRequestError(0, 'noResponse', `No answer from ${new URL(url).host}: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { status: response.status, body: text.trim() ? (parseJson(text) as T | null) : null };
    const error = graphErrorFrom(response.status, text, response.headers.get('Retry-After'));
    const wait = error.retryAfterSeconds ?? base * 2 ** (attempt - 1);
    if (response.status !== 429 || attempt > maxRetries || wait > maxWait) throw error;
    await sleep(wait * 1000);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
