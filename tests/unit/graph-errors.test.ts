/** The typed Graph error and the OData helpers, value by value (src/graph/errors.ts, odata.ts). */
import { describe, expect, it } from 'vitest';
import { GraphRequestError, graphErrorFrom, toGraphRequestError } from '../../src/graph/errors';
import { fieldEquals, odataLiteral, withQuery } from '../../src/graph/odata';

const fields = (e: GraphRequestError) => ({
  name: e.name,
  status: e.status,
  code: e.code,
  message: e.message,
  requestId: e.requestId,
  innerCodes: e.innerCodes,
  retryAfterSeconds: e.retryAfterSeconds,
});

describe('GraphRequestError', () => {
  it('defaults to no request id, no inner codes and no Retry-After', () => {
    expect(fields(new GraphRequestError(404, 'itemNotFound', 'gone'))).toEqual({
      name: 'GraphRequestError', status: 404, code: 'itemNotFound', message: 'gone', requestId: null, innerCodes: [], retryAfterSeconds: null,
    });
  });

  it.each([
    [429, true],
    [503, true],
    [504, true],
    [500, false],
    [502, false],
    [409, false],
    [0, false],
  ])('status %i is transient: %s', (status, transient) => {
    expect(new GraphRequestError(status, '', '').transient).toBe(transient);
  });
});

describe('graphErrorFrom', () => {
  it('reads a JSON text body with innererror (lower case) and request id', () => {
    const body = JSON.stringify({ error: { code: 'accessDenied', message: 'No.', innererror: { 'request-id': 'req-9', code: 'inner1', innererror: { code: 'inner2' } } } });
    expect(fields(graphErrorFrom(403, body, null))).toEqual({
      name: 'GraphRequestError', status: 403, code: 'accessDenied', message: 'No.', requestId: 'req-9', innerCodes: ['inner1', 'inner2'], retryAfterSeconds: null,
    });
  });

  it('falls back to a status message and empty code when the body is not a Graph error', () => {
    for (const body of ['<html>Bad gateway</html>', '', null, undefined, 42, { error: 'text' }, { error: { code: 7, message: '' } }]) {
      const err = graphErrorFrom(502, body);
      expect(fields(err), JSON.stringify(body)).toEqual({
        name: 'GraphRequestError', status: 502, code: '', message: 'Graph request failed with status 502', requestId: null, innerCodes: [], retryAfterSeconds: null,
      });
    }
  });

  it('ignores a request id that is not a string, inner codes that are not strings, and stops at eight levels', () => {
    let inner: Record<string, unknown> = { code: 'c9' };
    for (let i = 8; i >= 1; i--) inner = { code: `c${i}`, innerError: inner };
    const err = graphErrorFrom(400, { error: { code: 'x', message: 'm', innerError: { 'request-id': 5, code: 1, innerError: inner } } });
    expect(err.requestId).toBeNull();
    // Level 0 has no string code; levels 1..7 follow, then the walk stops (8 levels in all).
    expect(err.innerCodes).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    expect(graphErrorFrom(400, { error: { code: 'x', innerError: 'text' } }).innerCodes).toEqual([]);
  });

  it.each([
    ['41', 41],
    ['0', 0],
    ['', null],
    ['soon', null],
    [null, null],
  ])('reads Retry-After %j as %j seconds', (header, seconds) => {
    expect(graphErrorFrom(429, {}, header).retryAfterSeconds).toBe(seconds);
  });
});

describe('toGraphRequestError', () => {
  it('returns a GraphRequestError as it is', () => {
    const original = new GraphRequestError(412, 'resourceModified', 'stale');
    expect(toGraphRequestError(original)).toBe(original);
  });

  it("takes the SDK error's own fields first", () => {
    const sdk = { statusCode: 409, code: 'nameAlreadyExists', message: 'dup', requestId: 'r-1', body: { error: { code: 'other', message: 'other', innerError: { 'request-id': 'r-2', code: 'inner' } } } };
    expect(fields(toGraphRequestError(sdk))).toEqual({
      name: 'GraphRequestError', status: 409, code: 'nameAlreadyExists', message: 'dup', requestId: 'r-1', innerCodes: ['inner'], retryAfterSeconds: null,
    });
  });

  it('fills what the SDK left out from the body (an object, or the error object as text)', () => {
    const inner = { code: 'throttledRequest', message: 'Slow down', innerError: { 'request-id': 'r-3', code: 'quota' } };
    for (const body of [{ error: inner }, JSON.stringify(inner)]) {
      expect(fields(toGraphRequestError({ statusCode: 429, code: null, message: '', requestId: null, body })), typeof body).toEqual({
        name: 'GraphRequestError', status: 429, code: 'throttledRequest', message: 'Slow down', requestId: 'r-3', innerCodes: ['quota'], retryAfterSeconds: null,
      });
    }
  });

  it('says what failed when neither the SDK nor the body does', () => {
    expect(fields(toGraphRequestError({ statusCode: 500 }))).toEqual({
      name: 'GraphRequestError', status: 500, code: '', message: 'Graph request failed with status 500', requestId: null, innerCodes: [], retryAfterSeconds: null,
    });
  });

  it('turns a network failure into status 0 networkError', () => {
    expect(fields(toGraphRequestError(new TypeError('fetch failed')))).toEqual({
      name: 'GraphRequestError', status: 0, code: 'networkError', message: 'fetch failed', requestId: null, innerCodes: [], retryAfterSeconds: null,
    });
    expect(toGraphRequestError('socket hang up').message).toBe('socket hang up');
    expect(toGraphRequestError(null).status).toBe(0);
  });
});

describe('OData literals and queries', () => {
  it.each([
    [null, 'null'],
    ['x', "'x'"],
    ['', "''"],
    [0, '0'],
    [-2.5, '-2.5'],
    [true, 'true'],
    [false, 'false'],
  ] as const)('writes %j as %s', (value, literal) => {
    expect(odataLiteral(value)).toBe(literal);
  });

  it('refuses numbers OData cannot write', () => {
    for (const n of [Number.NaN, Infinity, -Infinity]) expect(() => odataLiteral(n)).toThrow(new RangeError('OData numbers must be finite'));
  });

  it('names the refused field', () => {
    expect(() => fieldEquals('1Title', 'x')).toThrow(new RangeError('Invalid field name: 1Title'));
    expect(fieldEquals('_Plan2', 3)).toBe('fields/_Plan2 eq 3');
  });

  it('builds every query option in a fixed order, and appends to a path that has a query', () => {
    expect(withQuery('/items', { top: 5, orderby: 'fields/SortOrder desc', filter: 'x eq 1', select: ['id', 'fields'], expand: 'fields($select=Title)' })).toBe(
      '/items?$expand=fields(%24select%3DTitle)&$select=id%2Cfields&$filter=x%20eq%201&$orderby=fields%2FSortOrder%20desc&$top=5',
    );
    expect(withQuery('/items?a=1', { top: 0 })).toBe('/items?a=1&$top=0');
    expect(withQuery('/items', {})).toBe('/items');
    expect(withQuery('/items', { select: [], filter: '', expand: '', orderby: '' })).toBe('/items');
  });
});
