import { GraphError } from './graph-error.ts';
import { createPrng } from './prng.ts';

export interface FaultOptions {
  latencyMs?: number;
  /** 0..1 share of Graph requests (not /_emulator) answered with an error. */
  failureRate?: number;
  /** Default [429, 503]. */
  failureStatuses?: number[];
  /** Default 1. */
  retryAfterSeconds?: number;
  /** Makes the choice of failing requests deterministic. */
  randomSeed?: number;
}

const DEFAULT_STATUSES = [429, 503];

/** Decides, per Graph request, whether to delay it and whether to fail it. */
export class FaultInjector {
  private options: FaultOptions = {};
  private random: () => number = Math.random;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    const rate = options.failureRate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new RangeError('failureRate must be between 0 and 1');
    this.options = { ...options };
    this.random = options.randomSeed !== undefined ? createPrng(options.randomSeed) : Math.random;
  }

  get(): FaultOptions {
    return { ...this.options };
  }

  async delay(): Promise<void> {
    const ms = this.options.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** An injected failure for a request to `path`, or undefined to let it through. */
  maybeFail(path: string): GraphError | undefined {
    const rate = this.options.failureRate ?? 0;
    if (rate <= 0 || this.random() >= rate) return undefined;
    const statuses = this.options.failureStatuses?.length ? this.options.failureStatuses : DEFAULT_STATUSES;
    const status = statuses[Math.floor(this.random() * statuses.length)] ?? 503;
    const retryAfter = String(this.options.retryAfterSeconds ?? 1);
    return injectedError(status, path, retryAfter);
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
