/**
 * Planner's refusals as typed errors, and the retry rules the adapter shares.
 *
 * Limits: Planner refuses a change that would exceed one of its limits with 403 and the limit's
 * name as the Graph error code (https://learn.microsoft.com/en-us/graph/api/resources/planner-overview,
 * "Common Planner error conditions"); such a 403 becomes a `PlannerLimitError` naming the limit,
 * whether it came from a plain request or from a step inside a `$batch`
 * (https://learn.microsoft.com/en-us/graph/json-batching: a step carries its own status and error).
 */
import type { BatchResult, BatchStep, GraphApi } from '../../graph/client';
import { GraphRequestError, graphErrorFrom, toGraphRequestError } from '../../graph/errors';
import { isAmbiguousFailure } from '../../graph/idempotent';
import { PLANNER_LIMIT_CODES, limitOfCode, type PlannerLimit } from '../../domain/planner';

/** A Planner 403 for one of its documented limits (status 403, `code` the limit's name). */
export class PlannerLimitError extends GraphRequestError {
  constructor(
    readonly limit: PlannerLimit,
    source?: GraphRequestError,
  ) {
    super(
      source?.status ?? 403,
      source?.code ?? PLANNER_LIMIT_CODES[limit],
      source?.message ?? `Planner limit reached: ${PLANNER_LIMIT_CODES[limit]}`,
      source?.requestId ?? null,
      source?.innerCodes ?? [],
      source?.retryAfterSeconds ?? null,
    );
    this.name = 'PlannerLimitError';
  }
}

/** The error as the adapter throws it: a limit's 403 as PlannerLimitError, anything else as GraphRequestError. */
export function plannerError(error: unknown): GraphRequestError {
  const graphError = toGraphRequestError(error);
  if (graphError instanceof PlannerLimitError || graphError.status !== 403) return graphError;
  const limit = limitOfCode(graphError.code);
  return limit ? new PlannerLimitError(limit, graphError) : graphError;
}

/** Runs a Graph call, converting its failure with `plannerError`. */
export async function plannerCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw plannerError(error);
  }
}

/** A batch step's failure (or a missing answer, status 0) as the adapter's error. */
export function stepError(result: BatchResult | undefined): GraphRequestError {
  if (!result) return new GraphRequestError(0, 'missingBatchResponse', 'The batch response lacked a result');
  return plannerError(graphErrorFrom(result.status, result.body, result.headers['retry-after'] ?? null));
}

export const succeeded = (result: BatchResult | undefined): boolean => result !== undefined && result.status >= 200 && result.status < 300;

export type Delay = (attempt: number, error: unknown) => number;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Tries of a request that is safe to send again (a read, or a write with If-Match). */
export const SAFE_ATTEMPTS = 4;

/**
 * A read (or a write with If-Match) sent again after a failure that may pass (no answer, 408, 429,
 * 5xx), after the Graph client's own retries: at most `SAFE_ATTEMPTS` tries.
 */
export async function retrySafe<T>(fn: () => Promise<T>, delay: Delay): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await plannerCall(fn);
    } catch (error) {
      if (!isAmbiguousFailure(error) || attempt >= SAFE_ATTEMPTS) throw error;
      await sleep(delay(attempt, error));
    }
  }
}

/**
 * Sends batch steps that are safe to repeat (GETs) and sends again, after a delay, those whose
 * answer was a failure that may pass, at most `SAFE_ATTEMPTS` times. The client already retries
 * throttled steps after their Retry-After; this covers what outlasts that (and lost answers).
 * Results are keyed by step id; a step that never succeeded keeps its last result.
 */
export async function batchSafe(graph: GraphApi, steps: readonly BatchStep[], delay: Delay): Promise<Map<string, BatchResult>> {
  const results = new Map<string, BatchResult>();
  let pending = [...steps];
  for (let attempt = 1; pending.length > 0; attempt++) {
    let answers: Map<string, BatchResult>;
    try {
      answers = await graph.batch(pending);
    } catch (error) {
      if (!isAmbiguousFailure(error) || attempt >= SAFE_ATTEMPTS) throw plannerError(error);
      await sleep(delay(attempt, error));
      continue;
    }
    const again: BatchStep[] = [];
    let lastError: GraphRequestError | null = null;
    for (const step of pending) {
      const result = answers.get(step.id) ?? { id: step.id, status: 0, body: null, headers: {} };
      results.set(step.id, result);
      if (!succeeded(result) && isAmbiguousFailure(stepError(result))) {
        again.push(step);
        lastError = stepError(result);
      }
    }
    if (again.length === 0 || attempt >= SAFE_ATTEMPTS) break;
    pending = again;
    await sleep(delay(attempt, lastError));
  }
  return results;
}

/** A write step's outcome: its answer's body, or its error. */
export type StepOutcome = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly error: GraphRequestError };

/**
 * Sends write steps once (no resend here: a create may have been stored, and the caller decides)
 * and gives each step's outcome, in step order. When a `$batch` request itself fails (its answer
 * lost, or refused), the other chunks' answers are lost with it, so every step gets that error; for
 * an ambiguous one the caller re-reads and finds what was stored.
 */
export async function sendWrites(graph: GraphApi, steps: readonly BatchStep[]): Promise<StepOutcome[]> {
  let answers: Map<string, BatchResult>;
  try {
    answers = await graph.batch(steps);
  } catch (error) {
    const failure = plannerError(error);
    return steps.map(() => ({ ok: false, error: failure }));
  }
  return steps.map((step) => {
    const result = answers.get(step.id);
    return succeeded(result) ? { ok: true, body: result?.body } : { ok: false, error: stepError(result) };
  });
}
