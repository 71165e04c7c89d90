import { describe, expect, it } from 'vitest';
import { OfflineQueue, failureOf, memoryQueueStore, type OfflineQueueOptions, type QueueStore } from '../../src/lib/offline-queue';

interface Payload {
  readonly goalId: string;
  readonly value: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
  }
}

const networkError = () => new HttpError(0, 'networkError');

/**
 * A server that stores each write once per key, like the repository's addCheckIn (it looks the
 * clientId up before creating). `answer` decides what the client hears back.
 */
class FakeServer {
  readonly stored = new Map<string, Payload>();
  readonly calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Per call: 'ok', 'lost' (stored, but the answer never arrives), 'down' (not reached), or an HTTP status. */
  plan: Array<'ok' | 'lost' | 'down' | number> = [];

  send = async (payload: Payload, id: string): Promise<string> => {
    this.calls.push(id);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const outcome = this.plan.shift() ?? 'ok';
      if (outcome === 'down') throw networkError();
      if (typeof outcome === 'number') throw new HttpError(outcome, outcome === 403 ? 'accessDenied' : 'invalidRequest');
      if (!this.stored.has(id)) this.stored.set(id, payload);
      if (outcome === 'lost') throw networkError();
      return `stored:${id}`;
    } finally {
      this.inFlight--;
    }
  };
}

function setup(overrides: Partial<OfflineQueueOptions<Payload, string>> = {}, store: QueueStore<Payload> = memoryQueueStore<Payload>()) {
  const server = new FakeServer();
  let online = true;
  let clock = 1000;
  const sent: string[] = [];
  const queue = new OfflineQueue<Payload, string>({
    store,
    scope: 'ola@org365.example',
    send: server.send,
    isOnline: () => online,
    now: () => clock++,
    onSent: (item, result) => sent.push(`${item.id}=${result}`),
    ...overrides,
  });
  return {
    queue,
    server,
    store,
    sent,
    setOnline: (value: boolean) => {
      online = value;
    },
    /** Moves the queue's clock on, e.g. past an item's Retry-After or backoff. */
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const p = (value: number): Payload => ({ goalId: 'g1', value });

describe('submitting', () => {
  it('should send on submit, without queueing, when online and keep nothing', async () => {
    const { queue, server, store } = setup();
    await expect(queue.submit('a', p(1))).resolves.toEqual({ kind: 'sent', result: 'stored:a' });
    expect([...server.stored.keys()]).toEqual(['a']);
    expect(await store.list()).toEqual([]);
    expect(queue.getSnapshot().items).toEqual([]);
  });

  it('should queue without trying when the browser is offline', async () => {
    const { queue, server, setOnline } = setup();
    setOnline(false);
    await expect(queue.submit('a', p(5))).resolves.toEqual({ kind: 'queued' });
    expect(server.calls).toEqual([]);
    expect(queue.getSnapshot().items.map((i) => [i.id, i.payload.value, i.failure])).toEqual([['a', 5, null]]);
  });

  it('should queue when the send got no answer, and throw a refusal to the caller', async () => {
    const { queue, server, store } = setup();
    server.plan = ['down', 403];
    await expect(queue.submit('a', p(1))).resolves.toEqual({ kind: 'queued' });
    await expect(queue.submit('b', p(2))).rejects.toMatchObject({ status: 403 });
    expect((await store.list()).map((i) => i.id)).toEqual(['a']);
  });
});

describe('flushing', () => {
  it('should send waiting items oldest first, one at a time, and empty the queue', async () => {
    const { queue, server, setOnline, sent } = setup();
    setOnline(false);
    for (const id of ['c1', 'c2', 'c3']) await queue.submit(id, p(1));
    setOnline(true);
    await queue.flush();
    expect(server.calls).toEqual(['c1', 'c2', 'c3']);
    expect(server.maxInFlight).toBe(1);
    expect(sent).toEqual(['c1=stored:c1', 'c2=stored:c2', 'c3=stored:c3']);
    expect(queue.getSnapshot()).toMatchObject({ items: [], sentCount: 3, sending: false });
  });

  it('should store a write once when its answer was lost and it is replayed', async () => {
    // The fake server stores a key once by itself, so what is asserted here is the queue's own part:
    // how often it sends, that every retry carries the same client id, and that it forgets the item
    // after success (so a later flush sends nothing).
    const { queue, server, store, sent, advance } = setup();
    server.plan = ['lost', 'lost'];
    await expect(queue.submit('a', p(7))).resolves.toEqual({ kind: 'queued' });
    expect(server.calls).toEqual(['a']);
    expect(server.stored.size).toBe(1); // it did reach the server
    expect((await store.list()).map((i) => [i.id, i.payload, i.attempts])).toEqual([['a', p(7), 1]]);

    await queue.flush(); // too early: the backoff holds it back
    expect(server.calls).toEqual(['a']);

    advance(10_000);
    await queue.flush(); // the answer is lost again: kept, one more attempt counted
    expect(server.calls).toEqual(['a', 'a']);
    expect((await store.list()).map((i) => [i.id, i.attempts])).toEqual([['a', 2]]);
    expect(sent).toEqual([]);

    advance(10_000);
    await queue.flush(); // answered
    expect(server.calls).toEqual(['a', 'a', 'a']); // the same client id on every retry
    expect(sent).toEqual(['a=stored:a']);
    expect(await store.list()).toEqual([]);
    expect(queue.getSnapshot().items).toEqual([]);
    expect(queue.getSnapshot().sentCount).toBe(1);

    await queue.flush(); // nothing is left to send
    expect(server.calls).toHaveLength(3);
    expect([...server.stored.entries()]).toEqual([['a', p(7)]]);
  });

  it('should stop at a network failure and keep the rest for later', async () => {
    const { queue, server, setOnline, advance } = setup();
    setOnline(false);
    for (const id of ['c1', 'c2', 'c3']) await queue.submit(id, p(1));
    setOnline(true);
    server.plan = ['ok', 'down'];
    await queue.flush();
    expect(server.calls).toEqual(['c1', 'c2']);
    expect(queue.getSnapshot().items.map((i) => [i.id, i.attempts])).toEqual([
      ['c2', 1],
      ['c3', 0],
    ]);
    advance(10_000);
    await queue.flush();
    expect([...server.stored.keys()]).toEqual(['c1', 'c2', 'c3']);
    expect(queue.getSnapshot().items).toEqual([]);
  });

  it('should send nothing while offline', async () => {
    const { queue, server, setOnline } = setup();
    setOnline(false);
    await queue.submit('a', p(1));
    await queue.flush();
    expect(server.calls).toEqual([]);
    expect(queue.getSnapshot().items).toHaveLength(1);
  });

  it('should keep a refused item with its failure, go on with the next, and let the user retry or discard', async () => {
    const { queue, server, setOnline } = setup();
    setOnline(false);
    for (const id of ['c1', 'c2', 'c3']) await queue.submit(id, p(1));
    setOnline(true);
    server.plan = [403, 'ok', 400];
    await queue.flush();
    expect([...server.stored.keys()]).toEqual(['c2']);
    expect(queue.getSnapshot().items.map((i) => [i.id, i.failure])).toEqual([
      ['c1', { status: 403, code: 'accessDenied' }],
      ['c3', { status: 400, code: 'invalidRequest' }],
    ]);

    // A refused item is not sent again by a plain flush (e.g. the next online event).
    await queue.flush();
    expect(server.calls).toEqual(['c1', 'c2', 'c3']);

    await queue.retry('c1');
    expect([...server.stored.keys()]).toEqual(['c2', 'c1']);
    await queue.discard('c3');
    expect(queue.getSnapshot().items).toEqual([]);
    expect(server.stored.has('c3')).toBe(false);
  });

  it('should send each item once when flushes overlap', async () => {
    const { queue, server, setOnline, sent, store } = setup();
    setOnline(false);
    for (const id of ['c1', 'c2']) await queue.submit(id, p(1));
    setOnline(true);
    await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    // Exactly one send per item (the server would store a duplicate send once, so count the sends).
    expect(server.calls).toEqual(['c1', 'c2']);
    expect(server.maxInFlight).toBe(1);
    expect(sent).toEqual(['c1=stored:c1', 'c2=stored:c2']);
    expect(queue.getSnapshot().sentCount).toBe(2);
    expect(await store.list()).toEqual([]);
    await queue.flush();
    expect(server.calls).toEqual(['c1', 'c2']);
  });

  it('should send each item once when two tabs share the store and a lock', async () => {
    const store = memoryQueueStore<Payload>();
    let tail: Promise<unknown> = Promise.resolve();
    const withLock = <X,>(fn: () => Promise<X>): Promise<X> => {
      const next = tail.then(fn, fn);
      tail = next.catch(() => undefined);
      return next;
    };
    const server = new FakeServer();
    const options = { store, scope: 'ola@org365.example', send: server.send, withLock };
    const tabA = new OfflineQueue<Payload, string>({ ...options, isOnline: () => false });
    const tabB = new OfflineQueue<Payload, string>(options);
    for (const id of ['c1', 'c2', 'c3']) await tabA.submit(id, p(1));
    const tabAOnline = new OfflineQueue<Payload, string>(options);
    await Promise.all([tabAOnline.flush(), tabB.flush()]);
    expect(server.calls.sort()).toEqual(['c1', 'c2', 'c3']);
    expect(await store.list()).toEqual([]);
  });

  it('should keep items across a restart and send them on startup', async () => {
    const store = memoryQueueStore<Payload>();
    const first = setup({}, store);
    first.setOnline(false);
    await first.queue.submit('a', p(3));

    const restarted = setup({}, store);
    const target = new EventTarget();
    const stop = restarted.queue.watchConnection(target);
    // The fake server records a call before it stores (a tick later): wait for the store.
    await waitUntil(() => restarted.server.stored.has('a'));
    await waitUntil(() => restarted.queue.getSnapshot().items.length === 0);
    expect(restarted.server.calls).toEqual(['a']);
    expect([...restarted.server.stored.keys()]).toEqual(['a']);
    stop();
  });

  it('should flush when the browser comes back online, until stopped', async () => {
    const { queue, server, setOnline } = setup();
    const target = new EventTarget();
    setOnline(false);
    const stop = queue.watchConnection(target);
    await queue.submit('a', p(1));
    expect(server.calls).toEqual([]);
    setOnline(true);
    target.dispatchEvent(new Event('online'));
    await waitUntil(() => server.stored.has('a'));
    stop();
    setOnline(false);
    await queue.submit('b', p(1));
    setOnline(true);
    target.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.stored.has('b')).toBe(false);
  });

  it('should neither show nor send another user’s items', async () => {
    const store = memoryQueueStore<Payload>();
    await store.put({ id: 'theirs', scope: 'kari@org365.example', payload: p(9), queuedAt: 1, attempts: 0, failure: null });
    const { queue, server } = setup({}, store);
    await queue.refresh();
    expect(queue.getSnapshot().items).toEqual([]);
    await queue.flush();
    await queue.retry('theirs');
    await queue.discard('theirs');
    expect(server.calls).toEqual([]);
    expect((await store.list()).map((i) => i.id)).toEqual(['theirs']);
  });

  it('should tell listeners when the queue changes', async () => {
    const { queue, setOnline } = setup();
    const seen: number[] = [];
    const stop = queue.subscribe(() => seen.push(queue.getSnapshot().items.length));
    setOnline(false);
    await queue.submit('a', p(1));
    setOnline(true);
    await queue.flush();
    stop();
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(0);
    expect(queue.getSnapshot().sentCount).toBe(1);
  });
});

describe('failureOf', () => {
  it('should keep the status and the code or error name', () => {
    expect(failureOf(new HttpError(404, 'itemNotFound'))).toEqual({ status: 404, code: 'itemNotFound' });
    const named = new Error('gone');
    named.name = 'NotFoundError';
    expect(failureOf(named)).toEqual({ status: 0, code: 'NotFoundError' });
    expect(failureOf('weird')).toEqual({ status: 0, code: 'unknown' });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
