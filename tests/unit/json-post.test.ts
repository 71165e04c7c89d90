/** The JSON POST to the Bot Connector and Workflows webhooks, over real HTTP (a local server). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from '../../src/adapters/http/json-post';
import { GraphRequestError } from '../../src/graph/errors';
import { isAmbiguousFailure } from '../../src/graph/idempotent';

type Reply = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let server: Server | null = null;
const seen: Array<{ auth: string | undefined; body: string }> = [];

async function serve(replies: Reply[]): Promise<string> {
  seen.length = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, body });
      const reply = replies[Math.min(seen.length - 1, replies.length - 1)] as Reply;
      reply(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/post`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => (_req, _body, res) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

describe('postJson', () => {
  it('sends JSON with a fresh token per attempt and waits out a 429 for its Retry-After', async () => {
    const url = await serve([json(429, { error: { code: 'Throttled', message: 'slow down' } }, { 'Retry-After': '0' }), json(201, { id: '1', activityId: '17' })]);
    let n = 0;
    const result = await postJson<{ activityId: string }>(url, { a: 'ø' }, { token: async () => `t${++n}`, retryDelaySeconds: 0 });
    expect(result).toEqual({ status: 201, body: { id: '1', activityId: '17' } });
    expect(seen.map((s) => s.auth)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(JSON.parse(seen[0]!.body)).toEqual({ a: 'ø' });
  });

  it('answers a 202 with no body as null (a Workflows webhook)', async () => {
    const url = await serve([(_q, _b, res) => { res.writeHead(202); res.end(); }]);
    expect(await postJson(url, {})).toEqual({ status: 202, body: null });
  });

  it('never sends again after a 5xx: the post may have been made; the failure is ambiguous', async () => {
    const url = await serve([json(503, { error: { code: 'ServiceUnavailable', message: 'x' } }), json(201, {})]);
    const error = await postJson(url, {}, { retryDelaySeconds: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect((error as GraphRequestError).status).toBe(503);
    expect(isAmbiguousFailure(error)).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('throws a refusal with its status and code, not ambiguous, after one request', async () => {
    const url = await serve([json(403, { error: { code: 'BotNotInConversationRoster', message: 'not installed' } })]);
    const error = (await postJson(url, {}).catch((e: unknown) => e)) as GraphRequestError;
    expect([error.status, error.code]).toEqual([403, 'BotNotInConversationRoster']);
    expect(isAmbiguousFailure(error)).toBe(false);
    expect(seen).toHaveLength(1);
  });

  it('gives up on throttling after its retries, or at once when Retry-After is longer than it waits', async () => {
    const url = await serve([json(429, { error: { code: 'Throttled', message: 'x' } }, { 'Retry-After': '0' })]);
    const error = (await postJson(url, {}, { maxRetries: 2, retryDelaySeconds: 0 }).catch((e: unknown) => e)) as GraphRequestError;
    expect(error.status).toBe(429);
    expect(seen).toHaveLength(3);
    const url2 = await (async () => {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      return serve([json(429, { error: { code: 'Throttled', message: 'x' } }, { 'Retry-After': '120' })]);
    })();
    const late = (await postJson(url2, {}, { maxWaitSeconds: 60 }).catch((e: unknown) => e)) as GraphRequestError;
    expect([late.status, late.retryAfterSeconds]).toEqual([429, 120]);
    expect(seen).toHaveLength(1);
  });

  it('reports no answer as status 0, ambiguous', async () => {
    const url = await serve([(req) => req.socket.destroy()]);
    const error = (await postJson(url, {}).catch((e: unknown) => e)) as GraphRequestError;
    expect(error.status).toBe(0);
    expect(isAmbiguousFailure(error)).toBe(true);
  });
});
