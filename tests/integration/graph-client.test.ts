/**
 * The Graph client's own retry of throttled requests (the SDK's RetryHandler in its middleware
 * chain, facts sheet §2): plain requests and the outer $batch are retried after Retry-After; steps
 * inside a $batch are retried by the client itself. Driven by the emulator's deterministic faults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClientAs } from '../../emulator/app-client';
import type { RunningEmulator } from '../../emulator/server';
import { GraphRequestError } from '../../src/graph/errors';
import { GRAPH_BATCH_CONCURRENCY, mapBounded } from '../../src/graph/client';
import { INGRID } from '../emulator/support';
import { emulator, outerRequests } from './support';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await emulator();
});
afterAll(async () => {
  await emu.close();
});

const graph = () => graphClientAs(emu, INGRID, { retryDelaySeconds: 0.1, maxRetries: 3 });

describe('Graph client retries', () => {
  it('should retry a throttled plain request after its Retry-After and then succeed', async () => {
    emu.clearLog();
    emu.setFaults({ failureRate: 1, failCount: 2, failureStatuses: [429], retryAfterSeconds: 1, scope: ['request'] });
    const started = performance.now();
    const me = await graph().get<{ userPrincipalName: string }>('/me');
    const elapsed = performance.now() - started;
    emu.setFaults({});
    expect(me.userPrincipalName).toBe(INGRID);
    expect(outerRequests(emu).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /v1.0/me 429', 'GET /v1.0/me 429', 'GET /v1.0/me 200']);
    // Two answers said "Retry-After: 1": the client waited for each.
    expect(elapsed).toBeGreaterThanOrEqual(2000);
  });

  it('should retry a throttled outer $batch', async () => {
    emu.clearLog();
    emu.setFaults({ failureRate: 1, failCount: 1, failureStatuses: [503], retryAfterSeconds: 1, scope: ['batch'] });
    const results = await graph().batch([
      { id: 'a', method: 'GET', url: '/me' },
      { id: 'b', method: 'GET', url: '/me/joinedTeams' },
    ]);
    emu.setFaults({});
    expect([...results.values()].map((r) => [r.id, r.status])).toEqual([
      ['a', 200],
      ['b', 200],
    ]);
    expect(outerRequests(emu).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['POST /v1.0/$batch 503', 'POST /v1.0/$batch 200']);
  });

  it('should retry throttled steps inside a $batch alone, after their Retry-After', async () => {
    emu.clearLog();
    emu.setFaults({ failureRate: 1, failCount: 1, failureStatuses: [429], retryAfterSeconds: 1, scope: ['batchStep'], pathPattern: '^/me/joinedTeams$' });
    const results = await graph().batch([
      { id: 'a', method: 'GET', url: '/me' },
      { id: 'b', method: 'GET', url: '/me/joinedTeams' },
    ]);
    emu.setFaults({});
    expect(results.get('a')?.status).toBe(200);
    expect(results.get('b')?.status).toBe(200);
    const inner = emu.requestLog().filter((e) => e.batchId !== undefined).map((e) => `${e.path} ${e.status}`);
    expect(inner.sort()).toEqual(['/v1.0/me 200', '/v1.0/me/joinedTeams 200', '/v1.0/me/joinedTeams 429'].sort());
    expect(outerRequests(emu)).toHaveLength(2);
  });

  it('should give up after its retries with the typed error, status and code', async () => {
    emu.clearLog();
    emu.setFaults({ failureRate: 1, failureStatuses: [503], retryAfterSeconds: 0, scope: ['request'] });
    const error = await graph()
      .get('/me')
      .then(() => undefined, (e: unknown) => e);
    emu.setFaults({});
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 503, code: 'serviceNotAvailable' });
    // One try and three retries.
    expect(outerRequests(emu).filter((e) => e.path === '/v1.0/me')).toHaveLength(4);
  });
});

describe('bulk $batch', () => {
  it('should keep at most GRAPH_BATCH_CONCURRENCY batches in flight and return every result in order', async () => {
    const inFlight = { now: 0, max: 0 };
    const results = await mapBounded(Array.from({ length: 23 }, (_, i) => i), GRAPH_BATCH_CONCURRENCY, async (i) => {
      inFlight.now += 1;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      await new Promise((resolve) => setTimeout(resolve, 5 + (i % 3)));
      inFlight.now -= 1;
      return i * 2;
    });
    expect(results).toEqual(Array.from({ length: 23 }, (_, i) => i * 2));
    expect(inFlight.max).toBe(GRAPH_BATCH_CONCURRENCY);
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });

  it('should send 100 steps as 5 $batch requests, never more than GRAPH_BATCH_CONCURRENCY at once', async () => {
    emu.clearLog();
    emu.setFaults({ latencyMs: 30 });
    const steps = Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, method: 'GET' as const, url: '/me' }));
    const results = await graph().batch(steps);
    emu.setFaults({});
    expect([...results.keys()].sort()).toEqual(steps.map((s) => s.id).sort());
    const batches = outerRequests(emu).filter((e) => e.path === '/v1.0/$batch');
    expect(batches).toHaveLength(5);
    // Overlap from the log: each batch's [end - duration, end] interval.
    const intervals = batches.map((e) => ({ end: Date.parse(e.at), start: Date.parse(e.at) - e.durationMs }));
    const overlap = Math.max(...intervals.map((a) => intervals.filter((b) => b.start < a.end && a.start < b.end).length));
    expect(overlap).toBeLessThanOrEqual(GRAPH_BATCH_CONCURRENCY);
  });
});
