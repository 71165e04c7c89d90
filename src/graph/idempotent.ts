/**
 * Creates that happen exactly once, whatever the network does (issue 10). Graph documents no
 * idempotency key for creates (facts sheet §17), so the caller gives each create a key of its own,
 * stored in a column that enforces unique values, and this helper never sends a create twice
 * blindly:
 * - after an ambiguous failure (no answer, a timeout, 5xx, or throttling that outlasted the
 *   retries — the server may have committed) it first looks for the key, and creates again only
 *   when the key is not there;
 * - when the store refuses the create because the key exists (SharePoint: 400 `invalidRequest`,
 *   "One or more fields with unique constraints already has the provided value", facts §17) —
 *   another attempt or a concurrent create won — the existing item is the result.
 * The refusal is recognised by looking for the key, never by the message's wording.
 * Used for list items now, and by later capabilities (Planner tasks, channel posts) with their keys.
 */
import { GraphRequestError } from './errors';

export interface ExactlyOnce<T> {
  /** Sends the create, with the key in it. */
  readonly create: () => Promise<T>;
  /** The item stored under the key, or null when there is none. */
  readonly find: () => Promise<T | null>;
  /** Attempts in all (default 4). */
  readonly attempts?: number;
  /** Wait before attempt n (1-based) after an ambiguous failure; default 0.5 s · 2^(n−1), or Retry-After. */
  readonly delayMs?: (attempt: number, error: unknown) => number;
}

/** A failure after which the create may or may not have been stored. */
export function isAmbiguousFailure(error: unknown): boolean {
  if (error instanceof GraphRequestError) return error.status <= 0 || error.status === 408 || error.status === 429 || error.status >= 500;
  // fetch's TypeError (connection reset, no answer) and aborts/timeouts.
  return error instanceof TypeError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'));
}

/** A refusal that may mean the key is already taken (a unique-value conflict). */
function mayBeDuplicate(error: unknown): boolean {
  return error instanceof GraphRequestError && (error.status === 400 || error.status === 409);
}

/** Retry-After when the failure carries one, else 0.5 s · 2^(attempt−1). */
export function defaultDelay(attempt: number, error: unknown): number {
  const retryAfter = error instanceof GraphRequestError ? error.retryAfterSeconds : null;
  return retryAfter !== null ? retryAfter * 1000 : 500 * 2 ** (attempt - 1);
}

export async function createExactlyOnce<T>(op: ExactlyOnce<T>): Promise<T> {
  const attempts = op.attempts ?? 4;
  const delay = op.delayMs ?? defaultDelay;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op.create();
    } catch (error) {
      if (mayBeDuplicate(error)) {
        const existing = await op.find();
        if (existing !== null) return existing;
        throw error;
      }
      if (!isAmbiguousFailure(error)) throw error;
      // The create may have been stored: look before sending it again.
      const existing = await findAfterAmbiguity(op, attempt, attempts, delay);
      if (existing !== null) return existing;
      if (attempt >= attempts) throw error;
      await sleep(delay(attempt, error));
    }
  }
}

/** Looks for the key; a look-up that itself fails ambiguously is tried again, within the attempts. */
async function findAfterAmbiguity<T>(op: ExactlyOnce<T>, attempt: number, attempts: number, delay: (n: number, e: unknown) => number): Promise<T | null> {
  for (let look = attempt; ; look++) {
    try {
      return await op.find();
    } catch (error) {
      if (!isAmbiguousFailure(error) || look >= attempts) throw error;
      await sleep(delay(look, error));
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
