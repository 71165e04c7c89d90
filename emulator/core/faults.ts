import { GraphError } from './graph-error.ts';
import { createPrng } from './prng.ts';

/**
 * Which requests a fault may hit: a plain Graph request, the outer `POST /$batch` (the whole
 * batch fails, as when Graph throttles the batch itself), or a step inside a `$batch` (Graph then
 * answers 200 for the batch with the step's error inside; facts sheet §2).
 */
export type FaultScope = 'request' | 'batch' | 'batchStep';

export const FAULT_SCOPES: readonly FaultScope[] = ['request', 'batch', 'batchStep'];

export interface FaultOptions {
  latencyMs?: number;
  /** 0..1 share of the matching Graph requests (never /_emulator) answered with an error. */
  failureRate?: number;
  /** Which requests may fail; default plain requests and $batch steps, not the outer $batch. */
  scope?: FaultScope[];
  /** Only requests with one of these methods may fail (default: any). */
  methods?: string[];
  /** Only requests whose path (below /v1.0, without the query) matches this regular expression. */
  pathPattern?: string;
  /** Fail only the next N matching requests (each drawn against failureRate), then let all through. */
  failCount?: number;
  /**
   * Default [429, 503]. With `commit: 'after'`, 0 means no answer at all: the connection is closed
   * without a response (inside a `$batch`, where one step cannot lose its answer alone, 504).
   */
  failureStatuses?: number[];
  /**
   * 'before' (default): the failing request is refused untouched, as throttling does. 'after': it
   * runs and its write is stored, then the answer is replaced by the failure (e.g. a 504 or a lost
   * response after the server committed), so a client that sends a create again blindly writes twice.
   */
  commit?: 'before' | 'after';
  /** Default 1. */
  retryAfterSeconds?: number;
  /** Makes the choice of failing requests deterministic. */
  randomSeed?: number;
}

const DEFAULT_STATUSES = [429, 503];
const DEFAULT_SCOPE: readonly FaultScope[] = ['request', 'batchStep'];

export interface FaultTarget {
  readonly method: string;
  /** Below /v1.0, without the query. */
  readonly path: string;
  readonly scope: FaultScope;
}

/** The server committed the request, then its answer was lost: the connection closes without one. */
export class DroppedResponse extends Error {
  constructor() {
    super('Injected fault: response dropped after commit');
    this.name = 'DroppedResponse';
  }
}

export interface FaultDecision {
  /** The answer that replaces the real one. */
  readonly error: GraphError | DroppedResponse;
  /** Run the request (and store its write) before failing. */
  readonly afterCommit: boolean;
}

/** Decides, per Graph request, whether to delay it and whether to fail it. */
export class FaultInjector {
  private options: FaultOptions = {};
  private random: () => number = Math.random;
  private pathPattern: RegExp | undefined;
  private remaining = Infinity;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    const rate = options.failureRate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new RangeError('failureRate must be between 0 and 1');
    const unknownScope = options.scope?.find((s) => !FAULT_SCOPES.includes(s));
    if (unknownScope !== undefined) throw new RangeError(`Unknown fault scope '${unknownScope}' (use ${FAULT_SCOPES.join(', ')})`);
    if (options.commit !== undefined && options.commit !== 'before' && options.commit !== 'after') throw new RangeError("commit must be 'before' or 'after'");
    if (options.failureStatuses?.includes(0) && options.commit !== 'after') throw new RangeError('failureStatuses 0 (no answer) needs commit: after');
    if (options.failCount !== undefined && !(Number.isInteger(options.failCount) && options.failCount >= 0)) {
      throw new RangeError('failCount must be a whole number of requests');
    }
    this.pathPattern = options.pathPattern !== undefined ? new RegExp(options.pathPattern, 'i') : undefined;
    this.remaining = options.failCount ?? Infinity;
    this.options = { ...options };
    this.random = options.randomSeed !== undefined ? createPrng(options.randomSeed) : Math.random;
  }

  get(): FaultOptions {
    return this.options.failCount === undefined ? { ...this.options } : { ...this.options, failCount: this.remaining };
  }

  async delay(): Promise<void> {
    const ms = this.options.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** An injected failure for the request (before or after it is committed), or undefined to let it through. */
  decide(target: FaultTarget): FaultDecision | undefined {
    const rate = this.options.failureRate ?? 0;
    if (rate <= 0 || this.remaining <= 0 || !this.matches(target)) return undefined;
    if (this.random() >= rate) return undefined;
    this.remaining -= 1;
    const statuses = this.options.failureStatuses?.length ? this.options.failureStatuses : DEFAULT_STATUSES;
    const status = statuses[Math.floor(this.random() * statuses.length)] ?? 503;
    const afterCommit = this.options.commit === 'after';
    if (status === 0) {
      if (!afterCommit) throw new RangeError('failureStatuses 0 (no answer) needs commit: after');
      return { error: target.scope === 'batchStep' ? injectedError(504, target.path, '1') : new DroppedResponse(), afterCommit };
    }
    const retryAfter = String(this.options.retryAfterSeconds ?? 1);
    return { error: injectedError(status, target.path, retryAfter), afterCommit };
  }

  /** An injected failure before the request runs, or undefined (for callers that never commit first). */
  maybeFail(target: FaultTarget): GraphError | undefined {
    const decision = this.decide(target);
    return decision?.error instanceof GraphError ? decision.error : undefined;
  }

  private matches(target: FaultTarget): boolean {
    const { scope = DEFAULT_SCOPE, methods } = this.options;
    if (!scope.includes(target.scope)) return false;
    if (methods && !methods.some((m) => m.toUpperCase() === target.method.toUpperCase())) return false;
    return this.pathPattern === undefined || this.pathPattern.test(target.path);
  }
}

function injectedError(status: number, path: string, retryAfter: string): GraphError {
  const headers = { 'Retry-After': retryAfter };
  const sharePoint = /^\/(sites|groups\/[^/]+\/sites)\//i.test(path);
  switch (status) {
    case 429:
      return sharePoint
        ? new GraphError(429, 'activityLimitReached', 'The request has been throttled', { innerCode: 'throttledRequest', headers })
        : new GraphError(429, 'TooManyRequests', 'Too many requests', { innerCode: '429', headers });
    case 503:
      return new GraphError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', { headers });
    case 504:
      return new GraphError(504, 'gatewayTimeout', 'The gateway timed out.', { headers });
    case 500:
      return new GraphError(500, 'generalException', 'An unspecified error has occurred.');
    default:
      return new GraphError(status, 'generalException', `Injected failure (${status}).`, { headers });
  }
}
