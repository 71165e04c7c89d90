import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALVER, createTestList, startTestEmulator, type ErrorBody, type TestEmulator } from './support.ts';

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

async function statuses(n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await t.call('GET', '/me')).status);
  return out;
}

describe('fault injection', () => {
  it('should fail about the given share of requests with 429/503 and Retry-After, deterministically by seed', async () => {
    t.emu.setFaults({ failureRate: 0.3, randomSeed: 42, retryAfterSeconds: 2 });
    const first = await statuses(200);
    const failed = first.filter((s) => s !== 200);
    expect(failed.length).toBeGreaterThan(35);
    expect(failed.length).toBeLessThan(85);
    expect(new Set(failed)).toEqual(new Set([429, 503]));
    t.emu.setFaults({ failureRate: 0.3, randomSeed: 42, retryAfterSeconds: 2 });
    expect(await statuses(200)).toEqual(first);

    t.emu.setFaults({ failureRate: 1, failureStatuses: [429], retryAfterSeconds: 2 });
    const res = await t.call<ErrorBody>('GET', '/me');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.body.error.code).toBe('TooManyRequests');
    t.emu.setFaults({ failureRate: 1, failureStatuses: [503] });
    const unavailable = await t.call<ErrorBody>('GET', '/me');
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.error.code).toBe('serviceNotAvailable');
    expect(unavailable.headers.get('retry-after')).toBe('1');
    expect((await t.raw('/_emulator/users')).status).toBe(200);
    t.emu.setFaults({});
  });

  it('should add latency and record it in the request log', async () => {
    t.emu.clearLog();
    t.emu.setFaults({ latencyMs: 60 });
    const started = performance.now();
    await t.call('GET', '/me');
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    t.emu.setFaults({});
    const [entry] = t.emu.requestLog();
    expect(entry).toMatchObject({ method: 'GET', path: '/v1.0/me', status: 200 });
    expect(entry?.durationMs).toBeGreaterThanOrEqual(55);
    expect(entry?.at).toMatch(/Z$/);
  });

  it('should charge a $batch its latency once, not again for each step (one HTTP call, as Graph does)', async () => {
    t.emu.clearLog();
    const latencyMs = 300;
    t.emu.setFaults({ latencyMs });
    const answer = await t.call<{ responses: Array<{ status: number }> }>('POST', '/$batch', {
      body: { requests: [1, 2, 3].map((i) => ({ id: String(i), method: 'GET', url: '/me' })) },
    });
    t.emu.setFaults({});
    expect(answer.body.responses.map((r) => r.status)).toEqual([200, 200, 200]);
    const log = t.emu.requestLog();
    const outer = log.filter((e) => e.batchId === undefined);
    const steps = log.filter((e) => e.batchId !== undefined);
    expect(outer).toHaveLength(1);
    expect(outer[0]?.durationMs).toBeGreaterThanOrEqual(latencyMs - 5);
    expect(steps).toHaveLength(3);
    // A step runs in memory: far less than the latency unless it was charged the latency again.
    for (const step of steps) expect(step.durationMs).toBeLessThan(latencyMs);
    expect(outer[0]?.durationMs).toBeLessThan(2 * latencyMs);
  });

  it('should expose the log and faults over HTTP for browser tests', async () => {
    expect((await t.raw('/_emulator/log', { method: 'DELETE' })).status).toBe(204);
    await t.call('GET', '/me/joinedTeams');
    const log = await t.raw('/_emulator/log');
    expect(log.body.value).toEqual([expect.objectContaining({ method: 'GET', path: '/v1.0/me/joinedTeams', status: 200 })]);

    const put = await t.raw('/_emulator/faults', { method: 'PUT', body: JSON.stringify({ failureRate: 1, failureStatuses: [503] }), headers: { 'Content-Type': 'application/json' } });
    expect(put.status).toBe(200);
    expect((await t.call('GET', '/me')).status).toBe(503);
    await t.raw('/_emulator/faults', { method: 'PUT', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect((await t.call('GET', '/me')).status).toBe(200);
    const bad = await t.raw('/_emulator/faults', { method: 'PUT', body: JSON.stringify({ failureRate: 2 }), headers: { 'Content-Type': 'application/json' } });
    expect(bad.status).toBe(400);
  });

  it('should fail only the requests in scope: plain requests, the outer $batch, or steps inside it', async () => {
    const batchOf = (n: number) => ({ requests: Array.from({ length: n }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' })) });
    type BatchBody = { responses: Array<{ id: string; status: number; headers?: Record<string, string> }> };

    // The default scope: plain requests and batch steps fail, the batch itself is answered.
    t.emu.setFaults({ failureRate: 1, failureStatuses: [503] });
    const defaultScope = await t.call<BatchBody>('POST', '/$batch', { body: batchOf(2) });
    expect(defaultScope.status).toBe(200);
    expect(defaultScope.body.responses.map((r) => r.status)).toEqual([503, 503]);

    // The outer $batch alone: the whole batch is refused with Retry-After, plain requests pass.
    t.emu.setFaults({ failureRate: 1, failureStatuses: [429], retryAfterSeconds: 3, scope: ['batch'] });
    const outer = await t.call<ErrorBody>('POST', '/$batch', { body: batchOf(2) });
    expect(outer.status).toBe(429);
    expect(outer.headers.get('retry-after')).toBe('3');
    expect(outer.body.error.code).toBe('TooManyRequests');
    expect((await t.call('GET', '/me')).status).toBe(200);

    // Plain requests alone: a batch's steps pass.
    t.emu.setFaults({ failureRate: 1, failureStatuses: [503], scope: ['request'] });
    expect((await t.call('GET', '/me')).status).toBe(503);
    const steps = await t.call<BatchBody>('POST', '/$batch', { body: batchOf(3) });
    expect(steps.status).toBe(200);
    expect(steps.body.responses.map((r) => r.status)).toEqual([200, 200, 200]);
    t.emu.setFaults({});
  });

  it('should fail only the next N matching requests, by method and path', async () => {
    t.emu.setFaults({ failureRate: 1, failureStatuses: [503], failCount: 2, methods: ['get'], pathPattern: '^/me/joinedTeams$' });
    expect((await t.call('GET', '/me')).status).toBe(200);
    expect((await t.call('GET', '/me/joinedTeams')).status).toBe(503);
    expect(t.emu.faults().failCount).toBe(1);
    expect((await t.call('GET', '/me/joinedTeams')).status).toBe(503);
    expect((await t.call('GET', '/me/joinedTeams')).status).toBe(200);
    expect(t.emu.faults().failCount).toBe(0);
    t.emu.setFaults({ failureRate: 1, failureStatuses: [503], methods: ['POST'] });
    expect((await t.call('GET', '/me')).status).toBe(200);
    t.emu.setFaults({});
  });

  it('should refuse fault settings it cannot honour', async () => {
    const put = (body: unknown) => t.raw('/_emulator/faults', { method: 'PUT', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    expect((await put({ scope: ['everything'] })).status).toBe(400);
    expect((await put({ failCount: -1 })).status).toBe(400);
    expect((await put({ failCount: 1.5 })).status).toBe(400);
    expect((await put({ methods: 'GET' })).status).toBe(400);
    expect((await put({ pathPattern: 3 })).status).toBe(400);
    const ok = await put({ failureRate: 0.5, scope: ['batch', 'request'], failCount: 4, methods: ['POST'], pathPattern: '^/sites/' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ failureRate: 0.5, scope: ['batch', 'request'], failCount: 4, methods: ['POST'], pathPattern: '^/sites/' });
    expect((await put({ commit: 'later' })).status).toBe(400);
    expect((await put({ failureRate: 1, failureStatuses: [0] })).status).toBe(400);
    await put({});
  });

  it('should commit a write and then lose or replace its answer, when told to (commit: after)', async () => {
    const list = await createTestList(t, 'Faults after commit', [{ name: 'Key', text: {} }]);
    const items = async () => (await t.call<{ value: Array<{ fields: { Title: string } }> }>('GET', `/sites/${ALVER.siteId}/lists/${list}/items?$expand=fields`)).body.value.map((i) => i.fields.Title);
    t.emu.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: [504], methods: ['POST'], pathPattern: '/items$' });
    const replaced = await t.call<ErrorBody>('POST', `/sites/${ALVER.siteId}/lists/${list}/items`, { body: { fields: { Title: 'a' } } });
    expect(replaced.status).toBe(504);
    expect(replaced.body.error.code).toBe('gatewayTimeout');
    expect(await items()).toEqual(['a']);
    t.emu.setFaults({ failureRate: 1, failCount: 1, commit: 'after', failureStatuses: [0], methods: ['POST'], pathPattern: '/items$' });
    await expect(t.call('POST', `/sites/${ALVER.siteId}/lists/${list}/items`, { body: { fields: { Title: 'b' } } })).rejects.toThrow();
    expect(await items()).toEqual(['a', 'b']);
    expect(t.emu.requestLog().some((e) => e.status === 0 && e.method === 'POST')).toBe(true);
    // Before (the default): refused untouched.
    t.emu.setFaults({ failureRate: 1, failCount: 1, failureStatuses: [503], methods: ['POST'], pathPattern: '/items$' });
    expect((await t.call('POST', `/sites/${ALVER.siteId}/lists/${list}/items`, { body: { fields: { Title: 'c' } } })).status).toBe(503);
    expect(await items()).toEqual(['a', 'b']);
    t.emu.setFaults({});
  });
});
