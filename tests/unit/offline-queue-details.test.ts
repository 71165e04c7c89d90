/** The offline queue's smaller rules, each on its own: failures, order, scope, snapshots, locks. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineQueue, browserLock, failureOf, isNetworkFailure, isTransientFailure, memoryQueueStore, retryDelayMs, statusOf, type QueuedItem } from '../../src/lib/offline-queue';

const item = (id: string, overrides: Partial<QueuedItem<string>> = {}): QueuedItem<string> => ({
  id,
  scope: 'me',
  payload: `p-${id}`,
  queuedAt: 1,
  attempts: 0,
  failure: null,
  ...overrides,
});

async function queueWith(items: QueuedItem<string>[], send = vi.fn(async (payload: string, _id: string) => `ok:${payload}`)) {
  const store = memoryQueueStore<string>();
  for (const i of items) await store.put(i);
  const queue = new OfflineQueue<string, string>({ store, scope: 'me', send });
  return { store, queue, send };
}

describe('failures', () => {
  it('reads the status when it is a number, else none', () => {
    expect(statusOf({ status: 403 })).toBe(403);
    expect(statusOf({ status: '0' })).toBe(0);
    expect(statusOf({ status: 'soon' })).toBeNull();
    expect(statusOf({})).toBeNull();
    expect(statusOf(null)).toBeNull();
    expect(statusOf('403')).toBeNull();
    expect(isNetworkFailure({ status: 0 })).toBe(true);
    expect(isNetworkFailure({ status: 500 })).toBe(false);
    // fetch's TypeError and an aborted (timed-out) request carry no status: no answer either.
    expect(isNetworkFailure(new TypeError('fetch failed'))).toBe(true);
    expect(isNetworkFailure(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(true);
    expect(isNetworkFailure(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(true);
    expect(isNetworkFailure(new RangeError('bug'))).toBe(false);
    expect(isNetworkFailure({ status: -1 })).toBe(true);
  });

  it('names a failure by its code, else by the error class, else unknown', () => {
    expect(failureOf(Object.assign(new Error('x'), { status: 403, code: 'accessDenied' }))).toEqual({ status: 403, code: 'accessDenied' });
    expect(failureOf(Object.assign(new TypeError('x'), { code: '' }))).toEqual({ status: 0, code: 'TypeError' });
    expect(failureOf(Object.assign(new RangeError('x'), { code: 7 }))).toEqual({ status: 0, code: 'RangeError' });
    expect(failureOf({ status: 400 })).toEqual({ status: 400, code: 'unknown' });
    expect(failureOf('text')).toEqual({ status: 0, code: 'unknown' });
  });
});

describe('order and scope', () => {
  it('lists its own items oldest first, same time by id, and never another user’s', async () => {
    const { queue } = await queueWith([item('c', { queuedAt: 5 }), item('b', { queuedAt: 2 }), item('a', { queuedAt: 2 }), item('z', { scope: 'other', queuedAt: 0 })]);
    await queue.refresh();
    expect(queue.getSnapshot().items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('sends in that order and leaves another user’s items alone', async () => {
    const { queue, send, store } = await queueWith([item('c', { queuedAt: 5 }), item('a', { queuedAt: 2 }), item('z', { scope: 'other' })]);
    await queue.flush();
    expect(send.mock.calls.map((c) => c[1])).toEqual(['a', 'c']);
    expect((await store.list()).map((i) => i.id)).toEqual(['z']);
  });

  it('retry and discard act on its own items only', async () => {
    const failed = { status: 400, code: 'invalidRequest' };
    const { queue, send, store } = await queueWith([item('mine', { failure: failed }), item('theirs', { scope: 'other', failure: failed })]);
    await queue.retry('theirs');
    await queue.discard('theirs');
    expect(send).not.toHaveBeenCalled();
    expect((await store.list()).map((i) => i.id).sort()).toEqual(['mine', 'theirs']);
    await queue.retry('mine');
    expect(send.mock.calls.map((c) => c[1])).toEqual(['mine']);
    expect((await store.list()).map((i) => i.id)).toEqual(['theirs']);
    await queue.discard('missing');
    expect((await store.list()).map((i) => i.id)).toEqual(['theirs']);
  });

  it('discards without sending', async () => {
    const { queue, send, store } = await queueWith([item('a', { failure: { status: 400, code: 'x' } })]);
    await queue.refresh();
    await queue.discard('a');
    expect(send).not.toHaveBeenCalled();
    expect(await store.list()).toEqual([]);
    expect(queue.getSnapshot().items).toEqual([]);
  });

  it('skips an item another tab sent meanwhile', async () => {
    const store = memoryQueueStore<string>();
    await store.put(item('a'));
    await store.put(item('b', { queuedAt: 2 }));
    const send = vi.fn(async (payload: string, id: string) => {
      if (id === 'a') await store.remove('b'); // the other tab sends 'b' while we send 'a'
      return payload;
    });
    const queue = new OfflineQueue<string, string>({ store, scope: 'me', send });
    await queue.flush();
    expect(send.mock.calls.map((c) => c[1])).toEqual(['a']);
  });
});

describe('snapshots', () => {
  it('keeps the same snapshot object and calls no listener when nothing changed', async () => {
    const { queue } = await queueWith([item('a')]);
    await queue.refresh();
    const first = queue.getSnapshot();
    const listener = vi.fn();
    queue.subscribe(listener);
    await queue.refresh();
    expect(queue.getSnapshot()).toBe(first);
    expect(listener).not.toHaveBeenCalled();
  });

  it.each([
    ['attempts', { attempts: 1 }],
    ['a failure status', { failure: { status: 400, code: 'x' } }],
  ] as const)('gives a new snapshot when %s changes', async (_what, change) => {
    const { queue, store } = await queueWith([item('a', { failure: { status: 403, code: 'x' } })]);
    await queue.refresh();
    const first = queue.getSnapshot();
    await store.put(item('a', { failure: { status: 403, code: 'x' }, ...change }));
    await queue.refresh();
    expect(queue.getSnapshot()).not.toBe(first);
  });

  it('gives a new snapshot when a failure code changes, or an item is replaced by another', async () => {
    const { queue, store } = await queueWith([item('a', { failure: { status: 403, code: 'x' } })]);
    await queue.refresh();
    let before = queue.getSnapshot();
    await store.put(item('a', { failure: { status: 403, code: 'y' } }));
    await queue.refresh();
    expect(queue.getSnapshot()).not.toBe(before);
    before = queue.getSnapshot();
    await store.remove('a');
    await store.put(item('b', { failure: { status: 403, code: 'y' } }));
    await queue.refresh();
    expect(queue.getSnapshot()).not.toBe(before);
    expect(queue.getSnapshot().items.map((i) => i.id)).toEqual(['b']);
  });

  it('says it is sending while a send is under way, counts what was sent, and stops listening when asked', async () => {
    let release: () => void = () => undefined;
    const send = vi.fn(() => new Promise<string>((resolve) => (release = () => resolve('ok'))));
    const { queue } = await queueWith([item('a')], send);
    const seen: boolean[] = [];
    const unsubscribe = queue.subscribe(() => seen.push(queue.getSnapshot().sending));
    const flushing = queue.flush();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(queue.getSnapshot().sending).toBe(true);
    release();
    await flushing;
    expect(queue.getSnapshot()).toMatchObject({ sending: false, sentCount: 1, items: [] });
    expect(seen).toContain(true);
    unsubscribe();
    const count = seen.length;
    await queue.refresh();
    await queue.flush();
    expect(seen).toHaveLength(count);
  });
});

describe('connection and locks', () => {
  it('flushes at once and on every "online" event until stopped', async () => {
    const { queue, send, store } = await queueWith([item('a')]);
    const target = new EventTarget();
    const stop = queue.watchConnection(target);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await store.put(item('b', { queuedAt: 3 }));
    target.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    stop();
    await store.put(item('c', { queuedAt: 4 }));
    target.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(send).toHaveBeenCalledTimes(2);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs under the browser’s Web Lock of the given name, or directly without one', async () => {
    const request = vi.fn((_name: string, fn: () => Promise<unknown>) => fn());
    vi.stubGlobal('navigator', { locks: { request } });
    expect(await browserLock('handlingsplan-queue')(async () => 'done')).toBe('done');
    expect(request).toHaveBeenCalledWith('handlingsplan-queue', expect.any(Function));
    vi.stubGlobal('navigator', {});
    expect(await browserLock('x')(async () => 'plain')).toBe('plain');
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('keeps what a caller does to a listed item out of the store', async () => {
    const store = memoryQueueStore<{ n: number }>();
    await store.put({ ...item('a'), payload: { n: 1 } });
    const [listed] = await store.list();
    (listed?.payload as { n: number }).n = 2;
    expect((await store.list())[0]?.payload).toEqual({ n: 1 });
  });
});

describe('transient failures stay queued, with backoff honouring Retry-After', () => {
  const graphError = (status: number, retryAfterSeconds: number | null = null) => Object.assign(new Error(`HTTP ${status}`), { name: 'GraphRequestError', status, code: 'x', retryAfterSeconds });

  it.each([
    [0, true],
    [-1, true],
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [412, false],
  ])('status %i is transient: %s', (status, transient) => {
    expect(isTransientFailure(graphError(status))).toBe(transient);
  });

  it('waits the Retry-After the server gave, else 2, 4, 8 … seconds up to five minutes', () => {
    expect(retryDelayMs(graphError(429, 7), 1)).toBe(7000);
    expect(retryDelayMs(graphError(429, 0), 3)).toBe(0);
    expect(retryDelayMs(graphError(429, 9999), 1)).toBe(300_000);
    expect(retryDelayMs(graphError(503), 1)).toBe(2000);
    expect(retryDelayMs(graphError(503), 3)).toBe(8000);
    expect(retryDelayMs(new TypeError('fetch failed'), 0)).toBe(2000);
    expect(retryDelayMs(new TypeError('fetch failed'), 20)).toBe(300_000);
  });

  it('queues a check-in refused with 429 on submit, keeps it waiting (not refused) and sends it once the wait is over', async () => {
    let clock = 1_000_000;
    const store = memoryQueueStore<string>();
    const outcomes: Array<Error | 'ok'> = [graphError(429, 5), graphError(503, 1), 'ok'];
    const send = vi.fn(async (payload: string) => {
      const next = outcomes.shift();
      if (next instanceof Error) throw next;
      return payload;
    });
    const queue = new OfflineQueue<string, string>({ store, scope: 'me', send, now: () => clock });
    expect(await queue.submit('a', 'p')).toEqual({ kind: 'queued' });
    expect((await store.list()).map((i) => ({ id: i.id, attempts: i.attempts, failure: i.failure, retryAt: i.retryAt }))).toEqual([
      { id: 'a', attempts: 1, failure: null, retryAt: 1_005_000 },
    ]);
    await queue.flush();
    expect(send).toHaveBeenCalledTimes(1); // still inside the Retry-After
    clock += 5000;
    await queue.flush(); // 503: waits again, one more attempt, still not refused
    expect(send).toHaveBeenCalledTimes(2);
    expect((await store.list()).map((i) => [i.attempts, i.failure, i.retryAt])).toEqual([[2, null, 1_006_000]]);
    clock += 1000;
    await queue.flush();
    expect(send).toHaveBeenCalledTimes(3);
    expect(await store.list()).toEqual([]);
  });

  it('shows a definite refusal as refused at once, with its reason', async () => {
    const send = vi.fn(async () => {
      throw graphError(403);
    });
    const { queue, store } = await queueWith([item('a')], send);
    await queue.flush();
    expect((await store.list()).map((i) => i.failure)).toEqual([{ status: 403, code: 'x' }]);
    await expect(queue.submit('b', 'p')).rejects.toMatchObject({ status: 403 });
  });

  it('flushes by itself when the wait is over', async () => {
    vi.useFakeTimers();
    try {
      let clock = 0;
      const outcomes: Array<Error | 'ok'> = [graphError(429, 2), 'ok'];
      const send = vi.fn(async (payload: string) => {
        const next = outcomes.shift();
        if (next instanceof Error) throw next;
        return payload;
      });
      const store = memoryQueueStore<string>();
      const queue = new OfflineQueue<string, string>({ store, scope: 'me', send, now: () => clock });
      await queue.submit('a', 'p');
      clock = 2000;
      await vi.advanceTimersByTimeAsync(2000);
      await vi.waitFor(async () => expect(await store.list()).toEqual([]));
      expect(send).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
