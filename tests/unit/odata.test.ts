import { describe, expect, it } from 'vitest';
import { fieldEquals, odataString, withQuery } from '../../src/graph/odata';
import { graphErrorFrom } from '../../src/graph/errors';

describe('OData escaping', () => {
  it("should double single quotes in string literals", () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    expect(fieldEquals('Title', "Helse & omsorg #1 'test'")).toBe("fields/Title eq 'Helse & omsorg #1 ''test'''");
  });

  it('should percent-encode &, #, + and % in query values', () => {
    const url = withQuery('/items', { filter: fieldEquals('Title', 'a&b#c+d%e'), top: 10 });
    expect(url).toBe("/items?$filter=fields%2FTitle%20eq%20'a%26b%23c%2Bd%25e'&$top=10");
    expect(decodeURIComponent(url.split('$filter=')[1]?.split('&$top')[0] ?? '')).toBe("fields/Title eq 'a&b#c+d%e'");
  });

  it('should refuse field names that could inject an expression', () => {
    expect(() => fieldEquals("Title eq 'x' or fields/Id", 'y')).toThrow(RangeError);
  });
});

describe('Graph errors', () => {
  it('should read code, request id and nested inner codes', () => {
    const err = graphErrorFrom(
      429,
      { error: { code: 'activityLimitReached', message: 'slow down', innerError: { 'request-id': 'r1', code: 'throttledRequest', innerError: { code: 'quota' } } } },
      '41',
    );
    expect(err).toMatchObject({ status: 429, code: 'activityLimitReached', requestId: 'r1', innerCodes: ['throttledRequest', 'quota'], retryAfterSeconds: 41 });
    expect(err.transient).toBe(true);
  });
});
