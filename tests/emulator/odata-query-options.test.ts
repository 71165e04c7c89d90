// System query options as Graph reads them (https://learn.microsoft.com/en-us/graph/query-parameters):
// `$name` or `name`, $select and $expand with nested options, $orderby with asc/desc, $top as a
// non-negative integer clamped to the API's maximum (facts sheet §4), and $select projections.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../emulator/core/graph-error.ts';
import { applySelect, parseExpand, parseOrderBy, parseSelect, parseTop, queryOption, splitTopLevel } from '../../emulator/odata/query-options.ts';

function thrown(fn: () => unknown): { status: number; code: string; message: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError);
    const e = err as GraphError;
    return { status: e.status, code: e.code, message: e.message };
  }
  throw new Error('did not throw');
}

describe('queryOption', () => {
  it('reads the option with or without the $ prefix, the $ spelling first', () => {
    expect(queryOption(new URLSearchParams('$top=5'), 'top')).toBe('5');
    expect(queryOption(new URLSearchParams('top=6'), 'top')).toBe('6');
    expect(queryOption(new URLSearchParams('top=6&$top=5'), 'top')).toBe('5');
  });

  it('is undefined when the option is absent, and empty when given empty', () => {
    expect(queryOption(new URLSearchParams('$skip=5'), 'top')).toBeUndefined();
    expect(queryOption(new URLSearchParams('$top='), 'top')).toBe('');
  });
});

describe('splitTopLevel', () => {
  it('splits on commas outside parentheses and trims the parts', () => {
    expect(splitTopLevel(' a , fields($select=B,C) ,d(e(f,g),h) ')).toEqual(['a', 'fields($select=B,C)', 'd(e(f,g),h)']);
  });

  it('drops empty parts', () => {
    expect(splitTopLevel('a,,b,')).toEqual(['a', 'b']);
    expect(splitTopLevel(' , ')).toEqual([]);
    expect(splitTopLevel('')).toEqual([]);
  });

  it('splits again after a closing parenthesis', () => {
    expect(splitTopLevel('f(a),g')).toEqual(['f(a)', 'g']);
  });
});

describe('$select', () => {
  it('is null when absent and the listed names when given', () => {
    expect(parseSelect(undefined)).toBeNull();
    expect(parseSelect('id, eTag')).toEqual(['id', 'eTag']);
    expect(parseSelect('')).toEqual([]);
  });

  it('projects to the selected properties without regard to case and keeps @odata annotations', () => {
    const entity = { '@odata.etag': '"1"', '@odata.type': '#x', id: '1', displayName: 'D', description: 'x' };
    expect(applySelect(entity, ['ID', 'displayname'])).toEqual({ '@odata.etag': '"1"', '@odata.type': '#x', id: '1', displayName: 'D' });
    expect(applySelect(entity, [])).toEqual({ '@odata.etag': '"1"', '@odata.type': '#x' });
  });

  it('returns the entity unchanged without $select', () => {
    const entity = { id: '1', name: 'n' };
    expect(applySelect(entity, null)).toBe(entity);
  });

  it('does not keep properties that merely contain odata', () => {
    expect(applySelect({ 'x@odata.etag': 1, id: '1' }, ['id'])).toEqual({ id: '1' });
  });
});

describe('$expand', () => {
  it('is empty when absent', () => {
    expect(parseExpand(undefined)).toEqual([]);
  });

  it('reads plain names without a select', () => {
    expect(parseExpand('fields, columns')).toEqual([
      { name: 'fields', select: null },
      { name: 'columns', select: null },
    ]);
  });

  it('reads a nested $select or select, in any letter case, next to other nested options', () => {
    expect(parseExpand('fields($select=Title,Target)')).toEqual([{ name: 'fields', select: ['Title', 'Target'] }]);
    expect(parseExpand('fields(select=Title)')).toEqual([{ name: 'fields', select: ['Title'] }]);
    expect(parseExpand('fields ( $top=2; $SELECT = A , B )')).toEqual([{ name: 'fields', select: ['A', 'B'] }]);
  });

  it('ignores nested options other than select', () => {
    expect(parseExpand('fields($top=2)')).toEqual([{ name: 'fields', select: null }]);
    expect(parseExpand('fields(=A)')).toEqual([{ name: 'fields', select: null }]);
    expect(parseExpand('fields(select)')).toEqual([{ name: 'fields', select: null }]);
    expect(parseExpand('fields(xselect=A)')).toEqual([{ name: 'fields', select: null }]);
  });

  it('an unclosed nested option list is a 400 invalidRequest naming the clause', () => {
    expect(thrown(() => parseExpand('fields($select=A'))).toEqual({ status: 400, code: 'invalidRequest', message: "Invalid $expand clause 'fields($select=A'." });
  });
});

describe('$orderby', () => {
  it('is empty when absent', () => {
    expect(parseOrderBy(undefined)).toEqual([]);
  });

  it('reads each path with asc (the default) or desc in any letter case', () => {
    expect(parseOrderBy('fields/A, fields/B desc,fields/C ASC, fields/D DESC')).toEqual([
      { path: 'fields/A', descending: false },
      { path: 'fields/B', descending: true },
      { path: 'fields/C', descending: false },
      { path: 'fields/D', descending: true },
    ]);
  });

  it('a direction other than asc or desc is a 400 invalidRequest naming the clause', () => {
    expect(thrown(() => parseOrderBy('fields/A down'))).toEqual({ status: 400, code: 'invalidRequest', message: "Invalid $orderby clause 'fields/A down'." });
  });

  it('more than a path and a direction is a 400 invalidRequest', () => {
    expect(thrown(() => parseOrderBy('fields/A desc x'))).toEqual({ status: 400, code: 'invalidRequest', message: "Invalid $orderby clause 'fields/A desc x'." });
  });
});

describe('$top', () => {
  it('is the fallback when absent', () => {
    expect(parseTop(undefined, 200, 5000)).toBe(200);
  });

  it('is the given count up to the maximum, and the maximum above it', () => {
    expect(parseTop('0', 200, 5000)).toBe(0);
    expect(parseTop('4999', 200, 5000)).toBe(4999);
    expect(parseTop('5000', 200, 5000)).toBe(5000);
    expect(parseTop('5001', 200, 5000)).toBe(5000);
    expect(parseTop(' 7 ', 200, 5000)).toBe(7);
  });

  it('anything but a non-negative integer is a 400 invalidRequest', () => {
    for (const value of ['-1', '1.5', 'ten', '', '5x', 'x5']) {
      expect(thrown(() => parseTop(value, 200, 5000)), value).toEqual({
        status: 400,
        code: 'invalidRequest',
        message: `Invalid value '${value}' for $top; expected a non-negative integer.`,
      });
    }
  });
});
