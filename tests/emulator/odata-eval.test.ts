// How a parsed $filter matches entities: comparisons as SharePoint and Entra ID evaluate them
// (string comparison without regard to case, null only equal to null, dates compared as instants),
// and/or/not, startswith, and multi-valued properties matching when any value matches.
import { describe, expect, it } from 'vitest';
import { compareNonNull, compileFilter } from '../../emulator/odata/filter-eval.ts';
import { parseFilter } from '../../emulator/odata/filter-parser.ts';

type Row = Record<string, unknown> & { id: string };

const rows: Row[] = [
  { id: 'a', Title: 'Alpha', N: 1, Done: true, Due: '2027-01-10T00:00:00Z', Tags: ['x', 'y'] },
  { id: 'b', Title: 'beta', N: 2, Done: false, Due: '2027-01-20T00:00:00Z', Tags: [] },
  { id: 'c', Title: 'Gamma', N: 3, Done: 'true', Due: null, Tags: ['Y'] },
  { id: 'd', N: null },
];

function matching(filter: string, entities: Row[] = rows): string[] {
  const predicate = compileFilter<Row>(parseFilter(filter), (row, p) => row[p]);
  return entities.filter(predicate).map((r) => r.id);
}

describe('comparison operators', () => {
  it('eq and ne on numbers', () => {
    expect(matching('N eq 2')).toEqual(['b']);
    expect(matching('N ne 2')).toEqual(['a', 'c', 'd']);
  });

  it('lt, le, gt and ge on numbers, just inside and outside the bound', () => {
    expect(matching('N lt 2')).toEqual(['a']);
    expect(matching('N le 2')).toEqual(['a', 'b']);
    expect(matching('N gt 2')).toEqual(['c']);
    expect(matching('N ge 2')).toEqual(['b', 'c']);
  });

  it('literal on the left compares the same way', () => {
    expect(matching('2 gt N')).toEqual(['a']);
    expect(matching('2 le N')).toEqual(['b', 'c']);
  });

  it('string comparison ignores letter case', () => {
    expect(matching("Title eq 'ALPHA'")).toEqual(['a']);
    expect(matching("Title ne 'alpha'")).toEqual(['b', 'c', 'd']);
    expect(matching("Title lt 'b'")).toEqual(['a']);
    expect(matching("Title ge 'BETA'")).toEqual(['b', 'c']);
    expect(matching("Title gt 'beta'")).toEqual(['c']);
    expect(matching("Title le 'Beta'")).toEqual(['a', 'b']);
  });

  it('booleans are equal only to the same boolean, and a string "true" is not true', () => {
    expect(matching('Done eq true')).toEqual(['a']);
    expect(matching('Done eq false')).toEqual(['b']);
    expect(matching('Done ne true')).toEqual(['b', 'c', 'd']);
  });

  it('false orders before true', () => {
    expect(matching('Done gt false')).toEqual(['a']);
    expect(matching('Done lt true')).toEqual(['b']);
    expect(matching('Done ge true')).toEqual(['a']);
    expect(matching('Done le false')).toEqual(['b']);
  });
});

describe('null', () => {
  it('`eq null` matches entities whose property is null or absent', () => {
    expect(matching('Due eq null')).toEqual(['c', 'd']);
    expect(matching('N eq null')).toEqual(['d']);
  });

  it('`ne null` matches entities whose property is set', () => {
    expect(matching('Due ne null')).toEqual(['a', 'b']);
    expect(matching('null ne N')).toEqual(['a', 'b', 'c']);
  });

  it('null eq null is true and null ne null is false', () => {
    expect(matching('null eq null')).toEqual(['a', 'b', 'c', 'd']);
    expect(matching('null ne null')).toEqual([]);
  });

  it('ordering comparisons never match a null side', () => {
    for (const op of ['lt', 'le', 'gt', 'ge']) {
      expect(matching(`N ${op} null`), op).toEqual([]);
      expect(matching(`Missing ${op} 1`), op).toEqual([]);
    }
  });
});

describe('dateTime literals', () => {
  it('compare as instants, whatever the offset', () => {
    expect(matching('Due lt 2027-01-15')).toEqual(['a']);
    expect(matching('Due ge 2027-01-20T01:00:00+02:00')).toEqual(['b']);
    expect(matching('Due eq 2027-01-10T01:00:00+01:00')).toEqual(['a']);
    expect(matching('Due gt 2027-01-10T00:00:00Z')).toEqual(['b']);
    expect(matching('Due le 2027-01-10T00:00:00Z')).toEqual(['a']);
  });

  it('a date literal on the left compares as a date too', () => {
    expect(matching('2027-01-15 gt Due')).toEqual(['a']);
  });

  it('an unparsable stored value matches only ne', () => {
    const odd: Row[] = [{ id: 'x', Due: 'soon' }];
    expect(matching('Due eq 2027-01-15', odd)).toEqual([]);
    expect(matching('Due lt 2027-01-15', odd)).toEqual([]);
    expect(matching('Due ne 2027-01-15', odd)).toEqual(['x']);
  });
});

describe('values that cannot be compared', () => {
  it('a number against a non-numeric string matches only ne', () => {
    expect(matching("N eq 'abc'")).toEqual([]);
    expect(matching("N ge 'abc'")).toEqual([]);
    expect(matching("N ne 'abc'")).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a number against a numeric string compares as numbers', () => {
    expect(matching("N eq '2'")).toEqual(['b']);
    expect(matching("N lt '10'")).toEqual(['a', 'b', 'c']);
  });
});

describe('multi-valued properties', () => {
  it('match when any of the values matches', () => {
    expect(matching("Tags eq 'y'")).toEqual(['a', 'c']);
    expect(matching("Tags eq 'x'")).toEqual(['a']);
  });

  it('an empty collection matches no comparison, while an absent one is null', () => {
    expect(matching("Tags ne 'z'")).toEqual(['a', 'c', 'd']);
  });
});

describe('and, or, not, truthy', () => {
  it('and needs both sides, or either side', () => {
    expect(matching('N ge 2 and N le 2')).toEqual(['b']);
    expect(matching('N eq 1 or N eq 3')).toEqual(['a', 'c']);
    expect(matching('N eq 1 and N eq 3')).toEqual([]);
  });

  it('not negates', () => {
    expect(matching('not N eq 2')).toEqual(['a', 'c', 'd']);
    expect(matching('not (N eq 1 or N eq 3)')).toEqual(['b', 'd']);
  });

  it('a bare property matches only the boolean true', () => {
    expect(matching('Done')).toEqual(['a']);
    expect(matching('not Done')).toEqual(['b', 'c', 'd']);
    expect(matching('true')).toEqual(['a', 'b', 'c', 'd']);
    expect(matching('false')).toEqual([]);
  });
});

describe('startswith', () => {
  it('matches a prefix without regard to case', () => {
    expect(matching("startswith(Title,'AL')")).toEqual(['a']);
    expect(matching("startswith(Title,'gam')")).toEqual(['c']);
    expect(matching("startswith(Title,'')")).toEqual(['a', 'b', 'c']);
  });

  it('is false for non-string values on either side', () => {
    expect(matching("startswith(N,'1')")).toEqual([]);
    expect(matching('startswith(Title,N)', [{ id: 'x', Title: '1', N: 1 }])).toEqual([]);
    expect(matching("startswith(Title,Prefix)", [{ id: 'x', Title: 'Abc', Prefix: 'a' }])).toEqual(['x']);
  });
});

describe('compareNonNull', () => {
  it('orders numbers as -1, 0 or 1', () => {
    expect(compareNonNull(1, 5)).toBe(-1);
    expect(compareNonNull(5, 5)).toBe(0);
    expect(compareNonNull(9, 5)).toBe(1);
    expect(compareNonNull('3', 2)).toBe(1);
  });

  it('does not order a number against an empty or non-numeric string', () => {
    expect(compareNonNull(0, '')).toBeUndefined();
    expect(compareNonNull('', 0)).toBeUndefined();
    expect(compareNonNull(1, 'x')).toBeUndefined();
    expect(compareNonNull('x', 1)).toBeUndefined();
  });

  it('orders booleans false before true and not against other types', () => {
    expect(compareNonNull(false, true)).toBe(-1);
    expect(compareNonNull(true, false)).toBe(1);
    expect(compareNonNull(true, true)).toBe(0);
    expect(compareNonNull(true, 'true')).toBeUndefined();
    expect(compareNonNull('false', false)).toBeUndefined();
  });

  it('orders strings without regard to case', () => {
    expect(compareNonNull('apple', 'Banana')).toBe(-1);
    expect(compareNonNull('APPLE', 'apple')).toBe(0);
    expect(compareNonNull('b', 'A')).toBe(1);
  });

  it('orders dates as instants when asked to', () => {
    expect(compareNonNull('2027-01-01T00:00:00Z', '2027-01-01T01:00:00+01:00', true)).toBe(0);
    expect(compareNonNull('2027-01-01T00:00:00Z', '2027-01-02', true)).toBe(-1);
    expect(compareNonNull('2027-01-02', '2027-01-01T00:00:00Z', true)).toBe(1);
    expect(compareNonNull('never', '2027-01-01', true)).toBeUndefined();
    expect(compareNonNull('2027-01-01', 'never', true)).toBeUndefined();
  });

  it('orders date strings as text when not asked to', () => {
    expect(compareNonNull('2027-01-01T00:00:00Z', '2027-01-01T01:00:00+01:00')).toBe(-1);
  });
});
