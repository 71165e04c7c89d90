import { describe, expect, it } from 'vitest';
import { GraphRequestError } from '../../src/graph/errors';
import { createExactlyOnce, defaultDelay, isAmbiguousFailure } from '../../src/graph/idempotent';
import { mayResend } from '../../src/graph/client';

const err = (status: number, code = 'x', retryAfter: number | null = null) => new GraphRequestError(status, code, 'm', null, [], retryAfter);

/** A fake store: `commits` says, per create call, whether the write is stored before the outcome. */
function store(outcomes: Array<{ commit: boolean; fail?: unknown }>) {
  const items: string[] = [];
  const calls: string[] = [];
  let n = 0;
  return {
    items,
    calls,
    op: {
      create: async () => {
        calls.push('create');
        const o = outcomes[n++] ?? { commit: true };
        if (items.length > 0) throw err(400, 'invalidRequest');
        if (o.commit) items.push('item');
        if (o.fail) throw o.fail;
        return 'item';
      },
      find: async () => {
        calls.push('find');
        return items[0] ?? null;
      },
      delayMs: () => 0,
    },
  };
}

describe('createExactlyOnce', () => {
  it('creates once when all goes well, without looking', async () => {
    const s = store([{ commit: true }]);
    expect(await createExactlyOnce(s.op)).toBe('item');
    expect(s.calls).toEqual(['create']);
  });

  it('looks after an ambiguous failure and returns what was committed, never creating again', async () => {
    const s = store([{ commit: true, fail: err(504) }]);
    expect(await createExactlyOnce(s.op)).toBe('item');
    expect(s.calls).toEqual(['create', 'find']);
    expect(s.items).toHaveLength(1);
  });

  it('creates again after an ambiguous failure only when the key is not there', async () => {
    const s = store([{ commit: false, fail: new TypeError('fetch failed') }, { commit: true }]);
    expect(await createExactlyOnce(s.op)).toBe('item');
    expect(s.calls).toEqual(['create', 'find', 'create']);
  });

  it('resolves a refused duplicate to the stored item, and rethrows a 400 that is not one', async () => {
    const s = store([]);
    s.items.push('item');
    expect(await createExactlyOnce(s.op)).toBe('item');
    expect(s.calls).toEqual(['create', 'find']);
    const bad = err(400, 'invalidRequest');
    await expect(createExactlyOnce({ create: async () => Promise.reject(bad), find: async () => null })).rejects.toBe(bad);
  });

  it('does not retry a definite refusal', async () => {
    const denied = err(403, 'accessDenied');
    let creates = 0;
    await expect(createExactlyOnce({ create: async () => { creates++; throw denied; }, find: async () => null, delayMs: () => 0 })).rejects.toBe(denied);
    expect(creates).toBe(1);
  });

  it('gives up after its attempts with the last failure, having looked each time', async () => {
    const s = store(Array.from({ length: 5 }, () => ({ commit: false, fail: err(503) })));
    await expect(createExactlyOnce({ ...s.op, attempts: 3 })).rejects.toMatchObject({ status: 503 });
    expect(s.calls).toEqual(['create', 'find', 'create', 'find', 'create', 'find']);
  });

  it('waits Retry-After when the failure carries one, else backs off exponentially', () => {
    expect(defaultDelay(1, err(429, 't', 2))).toBe(2000);
    expect(defaultDelay(1, err(503))).toBe(500);
    expect(defaultDelay(3, new TypeError('x'))).toBe(2000);
  });
});

describe('isAmbiguousFailure', () => {
  it('counts no answer, timeouts, throttling and server errors, not refusals', () => {
    for (const status of [0, -1, 408, 429, 500, 502, 503, 504]) expect(isAmbiguousFailure(err(status)), String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 412]) expect(isAmbiguousFailure(err(status)), String(status)).toBe(false);
    expect(isAmbiguousFailure(new TypeError('Failed to fetch'))).toBe(true);
    expect(isAmbiguousFailure(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(true);
    expect(isAmbiguousFailure(new Error('other'))).toBe(false);
  });
});

describe('mayResend (the SDK retry handler)', () => {
  const res = (status: number) => new Response(null, { status });
  it('resends reads, PATCH and DELETE on 429/503/504, a POST only on 429, and a $batch of reads always', () => {
    expect(mayResend(1, 1, 'https://g/v1.0/me', { method: 'GET' }, res(503))).toBe(true);
    expect(mayResend(1, 1, 'https://g/v1.0/x', { method: 'PATCH' }, res(504))).toBe(true);
    expect(mayResend(1, 1, 'https://g/v1.0/x/items', { method: 'POST' }, res(429))).toBe(true);
    expect(mayResend(1, 1, 'https://g/v1.0/x/items', { method: 'POST' }, res(503))).toBe(false);
    expect(mayResend(1, 1, 'https://g/v1.0/x/items', { method: 'POST' }, res(504))).toBe(false);
    const reads = JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me' }] });
    const writes = JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'POST', url: '/x' }] });
    expect(mayResend(1, 1, 'https://g/v1.0/$batch', { method: 'POST', body: reads }, res(503))).toBe(true);
    expect(mayResend(1, 1, 'https://g/v1.0/$batch', { method: 'POST', body: writes }, res(503))).toBe(false);
    expect(mayResend(1, 1, 'https://g/v1.0/$batch', { method: 'POST', body: '{' }, res(503))).toBe(false);
  });
});
