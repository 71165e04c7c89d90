/**
 * A persistent queue of writes made while offline, sent when the connection returns, one at a
 * time and exactly once.
 *
 * Exactly once rests on two things: every item carries the key its write is stored under (for a
 * check-in, its clientId, which the repository looks up before creating), so a replay after a lost
 * answer finds the first write instead of making a second; and an item leaves the store only after
 * its write succeeded. Flushes are serialised within a page and, through `withLock` (the Web Locks
 * API in the browser), across the user's tabs, and each flush reads the store afresh, so an item
 * another tab has sent meanwhile is not sent again.
 *
 * The queue is generic over its payload and its store (QueueStore), so that the rules are unit
 * tested with an in-memory store; the browser uses IndexedDB (`indexedDbQueueStore`). Items are
 * scoped to the signed-in user: someone else signing in in the same browser never sends them.
 */
import { indexedDbStore } from './indexed-db';

/** Why a queued write was refused by the server (not a network failure): waits for retry or discard. */
export interface QueueFailure {
  /** HTTP status, or 0 when the error carried none. */
  readonly status: number;
  /** Error name or code, e.g. 'accessDenied', 'NotFoundError'. */
  readonly code: string;
}

export interface QueuedItem<T> {
  /** The item's key; also the key its write is stored under on the server. */
  readonly id: string;
  /** Whose item it is (the signed-in user's principal name). */
  readonly scope: string;
  readonly payload: T;
  /** Milliseconds since the epoch when it was queued; items are sent oldest first. */
  readonly queuedAt: number;
  /** Attempts that ended without an answer from the server, or with a 'try again later'. */
  readonly attempts: number;
  readonly failure: QueueFailure | null;
  /** Not to be sent before this time (ms since the epoch): the server's Retry-After, or backoff. */
  readonly retryAt?: number;
}

/** Where the queue keeps its items. Must survive a reload in the browser. */
export interface QueueStore<T> {
  list(): Promise<QueuedItem<T>[]>;
  put(item: QueuedItem<T>): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface QueueSnapshot<T> {
  /** This user's items, oldest first: waiting ones and refused ones (with `failure`). */
  readonly items: readonly QueuedItem<T>[];
  /** True while a flush is sending. */
  readonly sending: boolean;
  /** How many queued items were sent since the queue was created. */
  readonly sentCount: number;
}

export type SubmitOutcome<R> = { readonly kind: 'sent'; readonly result: R } | { readonly kind: 'queued' };

export interface OfflineQueueOptions<T, R> {
  readonly store: QueueStore<T>;
  readonly scope: string;
  /** Performs the write; must be idempotent per item id (the id is its stored key). */
  readonly send: (payload: T, id: string) => Promise<R>;
  /** Whether the browser believes it is online (navigator.onLine). Default: always. */
  readonly isOnline?: () => boolean;
  /**
   * Whether an error means "try again later": no answer from the server, or throttling and
   * server errors. Default: `isTransientFailure`.
   */
  readonly isNetworkError?: (error: unknown) => boolean;
  /** Called after a queued item was sent. */
  readonly onSent?: (item: QueuedItem<T>, result: R) => void;
  /** Runs a flush under a lock shared with other tabs. Default: no cross-tab lock. */
  readonly withLock?: <X>(fn: () => Promise<X>) => Promise<X>;
  readonly now?: () => number;
}

export function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null;
  const status = Number((error as { status: unknown }).status);
  return Number.isFinite(status) ? status : null;
}

/** A network failure: the request got no answer (Graph client errors carry status 0, the SDK's own −1). */
export function isNetworkFailure(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== null) return status <= 0;
  // fetch rejects with a TypeError when the connection drops; timeouts abort the request.
  return error instanceof Error && (error.name === 'TypeError' || error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Statuses that mean "the server may take the same request later": timeout, throttling, server errors. */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Whether a failed send should stay queued and be tried again: a network failure, throttling or a
 * server error. Only a definite refusal (400, 403, 404, 409, …) is shown as refused.
 */
export function isTransientFailure(error: unknown): boolean {
  const status = statusOf(error);
  return isNetworkFailure(error) || (status !== null && TRANSIENT_STATUSES.has(status));
}

/** The server's Retry-After in seconds, when the error carries one (GraphRequestError does). */
function retryAfterOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('retryAfterSeconds' in error)) return null;
  const value = (error as { retryAfterSeconds: unknown }).retryAfterSeconds;
  if (value === null || value === undefined || value === '') return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** The wait before the next try: the server's Retry-After, else 2, 4, 8 … seconds, at most 5 minutes. */
export function retryDelayMs(error: unknown, attempts: number): number {
  const after = retryAfterOf(error);
  if (after !== null) return Math.min(after, 300) * 1000;
  return Math.min(2 ** Math.max(1, attempts), 300) * 1000;
}

export function failureOf(error: unknown): QueueFailure {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string' && (error as { code: string }).code
      ? (error as { code: string }).code
      : error instanceof Error
        ? error.name
        : 'unknown';
  return { status: statusOf(error) ?? 0, code };
}

export class OfflineQueue<T, R = unknown> {
  private readonly options: OfflineQueueOptions<T, R>;
  private snapshot: QueueSnapshot<T> = { items: [], sending: false, sentCount: 0 };
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: OfflineQueueOptions<T, R>) {
    this.options = options;
  }

  get scope(): string {
    return this.options.scope;
  }

  /** The current state; the same object until something changes (for useSyncExternalStore). */
  getSnapshot = (): QueueSnapshot<T> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Re-reads the store (e.g. at startup, or after another tab changed it). */
  async refresh(): Promise<void> {
    this.update({ items: await this.ownItems() });
  }

  /**
   * Sends a write now, or queues it when offline or when the send got no answer. Refusals by the
   * server (4xx and the like) are thrown to the caller, who still holds the input.
   */
  async submit(id: string, payload: T): Promise<SubmitOutcome<R>> {
    if (this.online()) {
      try {
        return { kind: 'sent', result: await this.options.send(payload, id) };
      } catch (error) {
        if (!this.isNetworkError(error)) throw error;
        // Sent but unanswered, or 'try again later': queued under the same id, so the retry is
        // stored once (the server looks the id up before creating).
        await this.options.store.put({ id, scope: this.scope, payload, queuedAt: this.now(), attempts: 1, failure: null, retryAt: this.now() + retryDelayMs(error, 1) });
        await this.refresh();
        this.scheduleRetry();
        return { kind: 'queued' };
      }
    }
    await this.options.store.put({ id, scope: this.scope, payload, queuedAt: this.now(), attempts: 0, failure: null });
    await this.refresh();
    return { kind: 'queued' };
  }

  /**
   * Sends this user's waiting items, oldest first, one at a time. Stops at the first network
   * failure (the rest wait for the next flush); a refused item is kept with its failure and the
   * next one is tried. Concurrent calls share one run (and cause one more pass when needed).
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    const run = async () => {
      try {
        do {
          this.flushAgain = false;
          await this.withLock(() => this.flushOnce());
        } while (this.flushAgain);
      } finally {
        this.flushing = null;
        this.update({ sending: false });
      }
    };
    this.flushing = run();
    return this.flushing;
  }

  /** Clears an item's failure and sends it again. */
  async retry(id: string): Promise<void> {
    const item = (await this.options.store.list()).find((i) => i.id === id && i.scope === this.scope);
    if (!item) return;
    await this.options.store.put({ ...item, failure: null });
    await this.refresh();
    await this.flush();
  }

  /** Drops an item without sending it. */
  async discard(id: string): Promise<void> {
    const item = (await this.options.store.list()).find((i) => i.id === id && i.scope === this.scope);
    if (!item) return;
    await this.options.store.remove(id);
    await this.refresh();
  }

  /**
   * Flushes now and whenever the browser comes back online; returns the function that stops
   * listening. `target` is the window in the browser.
   */
  watchConnection(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void {
    const onOnline = () => void this.flush();
    target.addEventListener('online', onOnline);
    void this.refresh().then(() => this.flush());
    return () => target.removeEventListener('online', onOnline);
  }

  private async flushOnce(): Promise<void> {
    const waiting = (await this.ownItems()).filter((item) => item.failure === null);
    this.update({ items: await this.ownItems() });
    for (const item of waiting) {
      if (!this.online()) break;
      // Another tab may have sent (and removed) it since we listed the store.
      const current = (await this.options.store.list()).find((i) => i.id === item.id);
      if (!current || current.failure !== null) continue;
      // Oldest first: an item still waiting out its Retry-After holds the rest back.
      if (current.retryAt !== undefined && current.retryAt > this.now()) {
        this.scheduleRetry();
        break;
      }
      this.update({ sending: true });
      let result: R;
      try {
        result = await this.options.send(current.payload, current.id);
      } catch (error) {
        if (this.isNetworkError(error)) {
          const attempts = current.attempts + 1;
          await this.options.store.put({ ...current, attempts, retryAt: this.now() + retryDelayMs(error, attempts) });
          this.scheduleRetry();
          break;
        }
        await this.options.store.put({ ...current, failure: failureOf(error) });
        this.update({ items: await this.ownItems() });
        continue;
      }
      await this.options.store.remove(current.id);
      this.update({ items: await this.ownItems(), sentCount: this.snapshot.sentCount + 1 });
      this.options.onSent?.(current, result);
    }
    this.update({ items: await this.ownItems() });
  }

  private async ownItems(): Promise<QueuedItem<T>[]> {
    const all = await this.options.store.list();
    return all.filter((item) => item.scope === this.scope).sort((a, b) => a.queuedAt - b.queuedAt || a.id.localeCompare(b.id));
  }

  private update(patch: Partial<QueueSnapshot<T>>): void {
    const next = { ...this.snapshot, ...patch };
    const same =
      next.sending === this.snapshot.sending &&
      next.sentCount === this.snapshot.sentCount &&
      next.items.length === this.snapshot.items.length &&
      next.items.every((item, i) => {
        const before = this.snapshot.items[i];
        return (
          before !== undefined &&
          before.id === item.id &&
          before.attempts === item.attempts &&
          before.failure?.status === item.failure?.status &&
          before.failure?.code === item.failure?.code
        );
      });
    if (same) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  /** Flushes again when the earliest waiting item's Retry-After (or backoff) has passed. */
  private scheduleRetry(): void {
    void this.ownItems().then((items) => {
      const next = Math.min(...items.filter((i) => i.failure === null && i.retryAt !== undefined).map((i) => i.retryAt as number));
      if (!Number.isFinite(next)) return;
      if (this.retryTimer !== null) clearTimeout(this.retryTimer);
      const timer = setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, Math.max(0, next - this.now()));
      // In Node (tests, runners) a pending retry does not keep the process alive.
      (timer as { unref?: () => void }).unref?.();
      this.retryTimer = timer;
    });
  }

  private online(): boolean {
    return this.options.isOnline ? this.options.isOnline() : true;
  }

  private isNetworkError(error: unknown): boolean {
    return (this.options.isNetworkError ?? isTransientFailure)(error);
  }

  private withLock<X>(fn: () => Promise<X>): Promise<X> {
    return this.options.withLock ? this.options.withLock(fn) : fn();
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}

/** A store in memory (tests, and the fallback where IndexedDB cannot be opened). */
export function memoryQueueStore<T>(): QueueStore<T> {
  const items = new Map<string, QueuedItem<T>>();
  return {
    list: async () => [...items.values()].map((item) => structuredClone(item)),
    put: async (item) => void items.set(item.id, structuredClone(item)),
    remove: async (id) => void items.delete(id),
  };
}

/**
 * The browser store: one IndexedDB object store keyed by item id. IndexedDB rather than
 * localStorage because it is asynchronous and shared safely between the user's tabs; it holds
 * only queued writes, never tokens.
 */
export function indexedDbQueueStore<T>(databaseName = 'handlingsplan-offline', storeName = 'queue'): QueueStore<T> {
  const withStore = indexedDbStore(databaseName, storeName, { keyPath: 'id' });
  return {
    list: () => withStore('readonly', (s) => s.getAll() as IDBRequest<QueuedItem<T>[]>),
    put: async (item) => void (await withStore('readwrite', (s) => s.put(item))),
    remove: async (id) => void (await withStore('readwrite', (s) => s.delete(id))),
  };
}

/** A lock shared by the user's tabs (Web Locks API), or none where the browser lacks it. */
export function browserLock(name: string): <X>(fn: () => Promise<X>) => Promise<X> {
  return <X,>(fn: () => Promise<X>): Promise<X> => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request(name, fn) as Promise<X>) : fn();
  };
}
