import { request } from 'node:https';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_MIN_BYTES, acceptsGzip, shouldCompress } from '../../emulator/core/compression.ts';
import { INGRID, startTestEmulator, type TestEmulator } from './support.ts';

let t: TestEmulator;

beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.close();
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

/** A request with node:https, which neither asks for nor undoes compression: the bytes as sent. */
function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.emu.graphUrl}${path}`,
      { method, ca: t.emu.ca, headers: { Authorization: `Bearer dev:${INGRID}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The directory's users: an answer of several kilobytes. */
const USERS = '/users';

describe('Accept-Encoding (core/compression.ts)', () => {
  it('reads gzip, * and q-values', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('GZIP')).toBe(true);
    expect(acceptsGzip('deflate, br')).toBe(false);
    expect(acceptsGzip('gzip;q=0, br')).toBe(false);
    expect(acceptsGzip('gzip; q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('leaves answers under the threshold as they are', () => {
    expect(shouldCompress('gzip', COMPRESS_MIN_BYTES)).toBe(true);
    expect(shouldCompress('gzip', COMPRESS_MIN_BYTES - 1)).toBe(false);
    expect(shouldCompress(undefined, 1_000_000)).toBe(false);
  });
});

describe('compressed Graph answers over HTTP', () => {
  it('gzips a JSON answer for a client that accepts gzip, and says so', async () => {
    const plain = await rawRequest('GET', USERS, {});
    const zipped = await rawRequest('GET', USERS, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThanOrEqual(COMPRESS_MIN_BYTES);
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.bytes.length);
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 2);
    // Same content, apart from what differs between two requests (none in a list of users).
    expect(JSON.parse(gunzipSync(zipped.bytes).toString('utf8'))).toEqual(JSON.parse(plain.bytes.toString('utf8')));
  });

  it('sends a refused coding, and a small answer, uncompressed', async () => {
    const refused = await rawRequest('GET', USERS, { 'Accept-Encoding': 'gzip;q=0, br' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.bytes.toString('utf8'))).toHaveProperty('value');
    const small = await rawRequest('GET', '/me', { 'Accept-Encoding': 'gzip' });
    expect(small.status).toBe(200);
    expect(small.bytes.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('compresses a $batch answer as one body', async () => {
    const body = JSON.stringify({ requests: [1, 2, 3].map((n) => ({ id: String(n), method: 'GET', url: `${USERS}` })) });
    const zipped = await rawRequest('POST', '/$batch', { 'Accept-Encoding': 'gzip' }, body);
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const answer = JSON.parse(gunzipSync(zipped.bytes).toString('utf8')) as { responses: Array<{ id: string; status: number }> };
    expect(answer.responses.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('is undone by fetch, as a browser or the Node runner reads it', async () => {
    const res = await t.call<{ value: unknown[] }>('GET', USERS);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.body.value.length).toBeGreaterThan(0);
  });
});
