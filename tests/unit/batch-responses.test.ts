import { describe, expect, it } from 'vitest';
import { batchResponses } from '../../src/graph/client';

describe('batchResponses (a JSON batch answer, read as it is)', () => {
  it('keeps each step by id with its status, its body as parsed and its headers in lower case', () => {
    const out = batchResponses({
      responses: [
        { id: '2', status: 200, headers: { 'Content-Type': 'application/json', ETag: '"1,2"' }, body: { value: [{ id: 'a' }] } },
        { id: '1', status: 201, headers: { Location: 'https://x/1' }, body: { id: 'n' } },
      ],
    });
    expect([...out.keys()]).toEqual(['2', '1']);
    expect(out.get('2')).toEqual({ id: '2', status: 200, body: { value: [{ id: 'a' }] }, headers: { 'content-type': 'application/json', etag: '"1,2"' } });
    expect(out.get('1')?.headers).toEqual({ location: 'https://x/1' });
  });

  it('parses a body sent as JSON text, keeps other text, and reads 204 and empty bodies as none', () => {
    const out = batchResponses({
      responses: [
        { id: 'json', status: 200, body: '{"a":1}' },
        { id: 'text', status: 200, body: 'plain words' },
        { id: 'none', status: 204, headers: {}, body: { ignored: true } },
        { id: 'empty', status: 200, body: '' },
        { id: 'absent', status: 202 },
      ],
    });
    expect(out.get('json')?.body).toEqual({ a: 1 });
    expect(out.get('text')?.body).toBe('plain words');
    expect(out.get('none')?.body).toBeNull();
    expect(out.get('empty')?.body).toBeNull();
    expect(out.get('absent')).toEqual({ id: 'absent', status: 202, body: null, headers: {} });
  });

  it('keeps an error step as Graph sent it, for ensureOk to throw', () => {
    const error = { error: { code: 'itemNotFound', message: 'gone' } };
    const out = batchResponses({ responses: [{ id: '1', status: 404, headers: { 'Retry-After': '3' }, body: error }] });
    expect(out.get('1')).toEqual({ id: '1', status: 404, body: error, headers: { 'retry-after': '3' } });
  });

  it('skips what is not a step answer, and reads a malformed answer as none', () => {
    expect(batchResponses(null).size).toBe(0);
    expect(batchResponses('nope').size).toBe(0);
    expect(batchResponses({ responses: 'x' }).size).toBe(0);
    const out = batchResponses({
      responses: [null, 3, { id: 7, status: 200 }, { id: 'no-status' }, { id: 'ok', status: 200, headers: { n: 5, s: 'v' }, body: { v: 1 } }],
    });
    expect([...out.keys()]).toEqual(['ok']);
    expect(out.get('ok')?.headers).toEqual({ s: 'v' });
  });
});
