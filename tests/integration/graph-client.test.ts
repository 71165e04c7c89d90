/**
 * The Graph client's own retry of throttled requests (the SDK's RetryHandler in its middleware
 * chain, facts sheet §2): plain requests and the outer $batch are retried after Retry-After; steps
 * inside a $batch are retried by the client itself. Driven by the emulator's deterministic faults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphClientAs } from '../../emulator/app-client';
import type { RunningEmulator } from '../../emulator/server';
import { GraphRequestError } from '../../src/graph/errors';
import { GRAPH_BATCH_CONCURRENCY, ensureOk, mapBounded } from '../../src/graph/client';
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

describe('client set-up and batch results', () => {
  it('refuses a base URL that is not https, and takes v1.0 when the URL names no version', async () => {
    expect(() => graphClientAs({ graphUrl: 'http://localhost:1/v1.0', ca: emu.ca }, INGRID)).toThrow('Graph base URL must be https: http://localhost:1/v1.0');
    const rootOnly = graphClientAs({ graphUrl: `${emu.origin}/`, ca: emu.ca }, INGRID);
    expect(rootOnly.baseUrl).toBe(emu.origin);
    expect((await rootOnly.get<{ userPrincipalName: string }>('/me')).userPrincipalName).toBe(INGRID);
    const slashed = graphClientAs({ graphUrl: `${emu.graphUrl}//`, ca: emu.ca }, INGRID);
    expect(slashed.baseUrl).toBe(emu.graphUrl);
  });

  it('gives back a throttled step once its retries are spent, with its headers in lower case', async () => {
    emu.clearLog();
    emu.setFaults({ failureRate: 1, failureStatuses: [429], retryAfterSeconds: 1, scope: ['batchStep'] });
    const results = await graphClientAs(emu, INGRID, { retryDelaySeconds: 0.1, maxRetries: 1 }).batch([{ id: 'a', method: 'GET', url: 'me' }]);
    emu.setFaults({});
    const a = results.get('a');
    expect(a?.status).toBe(429);
    expect(a?.headers['retry-after']).toBe('1');
    expect(a?.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    // One try and one retry.
    expect(outerRequests(emu)).toHaveLength(2);
    expect(() => ensureOk(a)).toThrow(expect.objectContaining({ status: 429, code: 'TooManyRequests', retryAfterSeconds: 1 }));
  });

  it('caps a long Retry-After at maxRetryAfterSeconds', async () => {
    emu.setFaults({ failureRate: 1, failCount: 1, failureStatuses: [503], retryAfterSeconds: 30, scope: ['batchStep'] });
    const started = performance.now();
    const results = await graphClientAs(emu, INGRID, { retryDelaySeconds: 0.1, maxRetryAfterSeconds: 0.2 }).batch([{ id: 'a', method: 'GET', url: '/me' }]);
    emu.setFaults({});
    expect(results.get('a')?.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('adds a JSON content type to a step with a body unless it has one', async () => {
    const results = await graph().batch([
      { id: 'plain', method: 'POST', url: '/me/joinedTeams', body: { a: 1 } },
      { id: 'own', method: 'POST', url: '/me/joinedTeams', body: { a: 1 }, headers: { 'content-type': 'application/json' } },
    ]);
    // Graph refuses the method, not the payload: without a content type the whole batch would be a 400.
    expect(results.get('plain')?.status).toBe(405);
    expect(results.get('own')?.status).toBe(405);
  });

  it('ensureOk returns a successful body and throws for a missing, failed or unanswered step', () => {
    expect(ensureOk({ id: 'x', status: 200, body: { ok: 1 }, headers: {} })).toEqual({ ok: 1 });
    expect(ensureOk({ id: 'x', status: 399, body: 'fine', headers: {} })).toBe('fine');
    expect(() => ensureOk(undefined)).toThrow(expect.objectContaining({ status: 0, code: 'missingBatchResponse' }));
    expect(() => ensureOk({ id: 'x', status: 0, body: null, headers: {} })).toThrow(expect.objectContaining({ status: 0 }));
    expect(() => ensureOk({ id: 'x', status: 400, body: { error: { code: 'invalidRequest', message: 'bad' } }, headers: {} })).toThrow(
      expect.objectContaining({ status: 400, code: 'invalidRequest', message: 'bad', retryAfterSeconds: null }),
    );
  });
});
