import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALVER, createTestList, startTestEmulator, type TestEmulator } from './support.ts';

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown> & { error?: { code: string } };
}
type BatchBody = { responses: BatchResponse[] };

let t: TestEmulator;
let listPath: string;
beforeAll(async () => {
  t = await startTestEmulator();
  const id = await createTestList(t, 'Batch', [{ name: 'N', number: {} }]);
  listPath = `/sites/${ALVER.siteId}/lists/${id}`;
});
afterAll(async () => {
  await t.close();
});

const post = (n: number, id = String(n)) => ({
  id,
  method: 'POST',
  url: `${listPath}/items`,
  headers: { 'Content-Type': 'application/json' },
  body: { fields: { Title: `B${n}`, N: n } },
});

describe('$batch', () => {
  it('should run up to 20 requests with inner Content-Type headers, urls with or without a slash', async () => {
    const requests = [{ id: 'me', method: 'GET', url: 'me' }, { id: 'teams', method: 'GET', url: '/me/joinedTeams' }, ...Array.from({ length: 18 }, (_, n) => post(n))];
    const res = await t.call<BatchBody>('POST', '/$batch', { body: { requests } });
    expect(res.status).toBe(200);
    expect(res.body.responses).toHaveLength(20);
    const me = res.body.responses.find((r) => r.id === 'me');
    expect(me?.status).toBe(200);
    expect(Object.keys(me?.headers ?? {})).toContain('Content-Type');
    expect(me?.headers['Content-Type']).toMatch(/^application\/json/);
    expect(me?.body?.userPrincipalName).toBe('ingrid.haugland@org365.example');
    expect(res.body.responses.filter((r) => r.status === 201)).toHaveLength(18);
  });

  it('should refuse more than 20 requests and duplicate ids (case-insensitive) with 400', async () => {
    const tooMany = await t.call('POST', '/$batch', { body: { requests: Array.from({ length: 21 }, (_, n) => ({ id: String(n), method: 'GET', url: '/me' })) } });
    expect(tooMany.status).toBe(400);
    const dup = await t.call('POST', '/$batch', { body: { requests: [{ id: 'a', method: 'GET', url: '/me' }, { id: 'A', method: 'GET', url: '/me' }] } });
    expect(dup.status).toBe(400);
    const noContentType = await t.call('POST', '/$batch', { body: { requests: [{ id: '1', method: 'POST', url: `${listPath}/items`, body: { fields: {} } }] } });
    expect(noContentType.status).toBe(400);
  });

  it('should run dependents after their dependency and fail them with 424 when it fails', async () => {
    const requests = [
      { id: '1', method: 'POST', url: `${listPath}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Nope: 1 } } },
      { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
      post(100, '4'),
      { id: '5', method: 'DELETE', url: `${listPath}/items/1`, dependsOn: ['4'] },
    ];
    const res = await t.call<BatchBody>('POST', '/$batch', { body: { requests } });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.responses.map((r) => [r.id, r]));
    expect(byId.get('1')?.status).toBe(400);
    expect(byId.get('1')?.body?.error?.code).toBe('invalidRequest');
    expect(byId.get('2')?.status).toBe(424);
    expect(byId.get('3')?.status).toBe(424);
    expect(byId.get('4')?.status).toBe(201);
    expect(byId.get('5')?.status).toBe(204);
    expect(byId.get('5')).not.toHaveProperty('body');
  });

  it('should log inner requests marked with their batch id', async () => {
    t.emu.clearLog();
    await t.call('POST', '/$batch', { body: { requests: [{ id: 'x1', method: 'GET', url: '/me' }] } });
    const log = t.emu.requestLog();
    expect(log.find((e) => e.batchId === 'x1')).toMatchObject({ method: 'GET', path: '/v1.0/me', status: 200 });
    expect(log.find((e) => e.path === '/v1.0/$batch')).toMatchObject({ method: 'POST', status: 200 });
  });

  it('should throttle inner requests individually with their own Retry-After', async () => {
    t.emu.setFaults({ failureRate: 1, failureStatuses: [429], retryAfterSeconds: 7, randomSeed: 1 });
    try {
      const res = await t.call<BatchBody>('POST', '/$batch', { body: { requests: [{ id: '1', method: 'GET', url: `${listPath}/items` }, { id: '2', method: 'GET', url: '/me' }] } });
      expect(res.status).toBe(200);
      for (const r of res.body.responses) {
        expect(r.status).toBe(429);
        expect(r.headers['Retry-After']).toBe('7');
      }
      expect(res.body.responses.find((r) => r.id === '1')?.body?.error?.code).toBe('activityLimitReached');
    } finally {
      t.emu.setFaults({});
    }
  });
});
