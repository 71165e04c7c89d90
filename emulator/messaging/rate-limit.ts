/**
 * The Teams bot rate limit per bot per thread (a channel is one thread), for "send to
 * conversation" and "create conversation": 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour
 * [learn-src: msteams-docs "Rate limiting for agents" (ms.date 2026-10-08), via facts §16.5;
 * Learn /microsoftteams/platform/bots/how-to/rate-limit: over the limit → 429, honour Retry-After].
 * Only these per-thread windows are modelled (not the all-bots or per-tenant limits).
 */

export interface RateWindow {
  readonly seconds: number;
  readonly limit: number;
}

export const TEAMS_BOT_THREAD_LIMITS: readonly RateWindow[] = [
  { seconds: 1, limit: 7 },
  { seconds: 2, limit: 8 },
  { seconds: 30, limit: 60 },
  { seconds: 3600, limit: 1800 },
];

export interface BotRateLimitOptions {
  /** Default on; `false` lets every send through (also switchable at run time, /_emulator/bot-rate-limit). */
  readonly enabled?: boolean;
  /** Default TEAMS_BOT_THREAD_LIMITS. */
  readonly windows?: readonly RateWindow[];
  /** Milliseconds clock; tests pass a fake one so that windows do not depend on the machine's speed. */
  readonly now?: () => number;
}

/** Sliding windows per key (bot + thread): each accepted send is recorded with its time. */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly windows: readonly RateWindow[];
  private readonly now: () => number;
  enabled: boolean;

  constructor(options: BotRateLimitOptions = {}) {
    this.windows = options.windows ?? TEAMS_BOT_THREAD_LIMITS;
    if (this.windows.some((w) => !(w.seconds > 0 && Number.isInteger(w.limit) && w.limit >= 1))) {
      throw new RangeError('Each rate window needs seconds > 0 and a whole limit ≥ 1.');
    }
    this.now = options.now ?? Date.now;
    this.enabled = options.enabled ?? true;
  }

  describe(): { enabled: boolean; windows: RateWindow[] } {
    return { enabled: this.enabled, windows: this.windows.map((w) => ({ ...w })) };
  }

  /** Records a send for `key` and returns 0, or returns the whole seconds to wait (nothing recorded). */
  take(key: string): number {
    if (!this.enabled) return 0;
    const now = this.now();
    const longest = Math.max(...this.windows.map((w) => w.seconds)) * 1000;
    const times = (this.sent.get(key) ?? []).filter((t) => t > now - longest);
    let waitMs = 0;
    for (const w of this.windows) {
      const inWindow = times.filter((t) => t > now - w.seconds * 1000);
      if (inWindow.length < w.limit) continue;
      // The send that must leave the window before another fits in it.
      const blocking = inWindow[inWindow.length - w.limit] as number;
      waitMs = Math.max(waitMs, blocking + w.seconds * 1000 - now);
    }
    if (waitMs > 0) {
      this.sent.set(key, times);
      return Math.max(1, Math.ceil(waitMs / 1000));
    }
    times.push(now);
    this.sent.set(key, times);
    return 0;
  }
}
