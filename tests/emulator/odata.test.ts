// The OData $filter grammar the emulator accepts, as Graph documents it for listItem and directory
// collections (https://learn.microsoft.com/en-us/graph/query-parameters#filter-parameter; facts sheet
// §5): eq, ne, lt, gt, le, ge, and, or, not, parentheses, startswith, string literals with doubled
// quotes, numbers, booleans, null and unquoted dateTimeOffset literals.
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../emulator/core/graph-error.ts';
import { filterPaths, parseFilter, type FilterExpr, type Operand } from '../../emulator/odata/filter-parser.ts';

const path = (p: string): Operand => ({ kind: 'path', path: p });
const str = (value: string): Operand => ({ kind: 'literal', type: 'string', value });
const num = (value: number): Operand => ({ kind: 'literal', type: 'number', value });
const bool = (value: boolean): Operand => ({ kind: 'literal', type: 'boolean', value });
const nul: Operand = { kind: 'literal', type: 'null', value: null };
const date = (value: string): Operand => ({ kind: 'literal', type: 'dateTime', value });
const eq = (left: Operand, right: Operand): FilterExpr => ({ kind: 'compare', op: 'eq', left, right });
const truthy = (operand: Operand): FilterExpr => ({ kind: 'truthy', operand });
const and = (left: FilterExpr, right: FilterExpr): FilterExpr => ({ kind: 'logical', op: 'and', left, right });
const or = (left: FilterExpr, right: FilterExpr): FilterExpr => ({ kind: 'logical', op: 'or', left, right });
const not = (expr: FilterExpr): FilterExpr => ({ kind: 'not', expr });

interface ThrownError {
  status: number;
  code: string;
  message: string;
}

function parseError(input: string): ThrownError {
  try {
    parseFilter(input);
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError);
    const e = err as GraphError;
    return { status: e.status, code: e.code, message: e.message };
  }
  throw new Error(`parseFilter(${JSON.stringify(input)}) did not throw`);
}

const invalidClause = (detail: string): ThrownError => ({ status: 400, code: 'invalidRequest', message: `Invalid filter clause: ${detail}` });

describe('$filter literals', () => {
  it('a string literal is single-quoted and a doubled quote inside it is one quote', () => {
    expect(parseFilter("fields/Title eq 'let''s meet'")).toEqual(eq(path('fields/Title'), str("let's meet")));
    expect(parseFilter("fields/Title eq ''''")).toEqual(eq(path('fields/Title'), str("'")));
    expect(parseFilter("fields/Title eq ''")).toEqual(eq(path('fields/Title'), str('')));
  });

  it('a string literal keeps spaces, parentheses, commas and operator words as text', () => {
    expect(parseFilter("fields/Title eq ' a (b), or c '")).toEqual(eq(path('fields/Title'), str(' a (b), or c ')));
  });

  it('a string literal without its closing quote is a 400 invalidRequest', () => {
    expect(parseError("fields/Title eq 'open")).toEqual(invalidClause('unterminated string literal'));
    expect(parseError("fields/Title eq 'it''")).toEqual(invalidClause('unterminated string literal'));
    expect(parseError("'")).toEqual(invalidClause('unterminated string literal'));
  });

  it('numbers are integers, decimals, negatives and exponents', () => {
    expect(parseFilter('fields/N eq 42')).toEqual(eq(path('fields/N'), num(42)));
    expect(parseFilter('fields/N eq -3.25')).toEqual(eq(path('fields/N'), num(-3.25)));
    expect(parseFilter('fields/N eq 1.5e2')).toEqual(eq(path('fields/N'), num(150)));
    expect(parseFilter('fields/N eq 25E-1')).toEqual(eq(path('fields/N'), num(2.5)));
    expect(parseFilter('fields/N eq 2e+1')).toEqual(eq(path('fields/N'), num(20)));
    expect(parseFilter('fields/N eq 0')).toEqual(eq(path('fields/N'), num(0)));
  });

  it('true, false and null are literals, not property names', () => {
    expect(parseFilter('fields/Done eq true')).toEqual(eq(path('fields/Done'), bool(true)));
    expect(parseFilter('fields/Done eq false')).toEqual(eq(path('fields/Done'), bool(false)));
    expect(parseFilter('fields/Owner eq null')).toEqual(eq(path('fields/Owner'), nul));
  });

  it('an unquoted date or dateTimeOffset is a dateTime literal (date only, minutes, seconds, fractions, Z or an offset)', () => {
    expect(parseFilter('fields/Due eq 2027-06-30')).toEqual(eq(path('fields/Due'), date('2027-06-30')));
    expect(parseFilter('fields/Due lt 2027-06-30T12:30Z')).toEqual({ kind: 'compare', op: 'lt', left: path('fields/Due'), right: date('2027-06-30T12:30Z') });
    expect(parseFilter('fields/Due eq 2027-06-30T12:30:15.250+02:00')).toEqual(eq(path('fields/Due'), date('2027-06-30T12:30:15.250+02:00')));
    expect(parseFilter('fields/Due eq 2027-06-30T12:30:15-05:00')).toEqual(eq(path('fields/Due'), date('2027-06-30T12:30:15-05:00')));
    expect(parseFilter('fields/Due eq 2027-06-30T12:30:15')).toEqual(eq(path('fields/Due'), date('2027-06-30T12:30:15')));
  });

  it('a dateTime literal ends where the date syntax ends', () => {
    expect(parseFilter('(fields/Due eq 2027-06-30)')).toEqual(eq(path('fields/Due'), date('2027-06-30')));
    expect(parseFilter('2027-06-30T10:00Z eq fields/Due')).toEqual(eq(date('2027-06-30T10:00Z'), path('fields/Due')));
  });

  it('digits that are not a whole date are a number', () => {
    expect(parseError('fields/N eq 2027-06')).toEqual(invalidClause('unexpected trailing input'));
    expect(parseFilter('fields/N eq 2027')).toEqual(eq(path('fields/N'), num(2027)));
  });

  it('property paths may hold letters, digits, _, ., / , @ and $', () => {
    expect(parseFilter("fields/My_Col2 eq 'x'")).toEqual(eq(path('fields/My_Col2'), str('x')));
    expect(parseFilter("_x eq 'x'")).toEqual(eq(path('_x'), str('x')));
    expect(parseFilter("@odata.type eq 'x'")).toEqual(eq(path('@odata.type'), str('x')));
    expect(parseFilter("$it/a.b@c$d eq 'x'")).toEqual(eq(path('$it/a.b@c$d'), str('x')));
  });

  it('a character outside the grammar is a 400 invalidRequest naming it and its position', () => {
    expect(parseError('fields/N eq #1')).toEqual(invalidClause("unexpected character '#' at position 12"));
    expect(parseError('-x eq 1')).toEqual(invalidClause("unexpected character '-' at position 0"));
    expect(parseError('fields/N eq 1 & fields/N eq 2')).toEqual(invalidClause("unexpected character '&' at position 14"));
  });

  it('whitespace of any kind separates tokens', () => {
    expect(parseFilter("\tfields/Title\neq\r\n'x'  ")).toEqual(eq(path('fields/Title'), str('x')));
  });
});

describe('$filter operators and precedence', () => {
  it('each comparison operator gives a compare node with that operator', () => {
    for (const op of ['eq', 'ne', 'lt', 'gt', 'le', 'ge'] as const) {
      expect(parseFilter(`fields/N ${op} 5`), op).toEqual({ kind: 'compare', op, left: path('fields/N'), right: num(5) });
    }
  });

  it('a word that is no comparison operator after an operand is trailing input', () => {
    expect(parseError('fields/N has 5')).toEqual(invalidClause('unexpected trailing input'));
    expect(parseError("fields/Title eq 'a' 'b'")).toEqual(invalidClause('unexpected trailing input'));
  });

  it('a bare property or literal is a truthy test', () => {
    expect(parseFilter('fields/Done')).toEqual(truthy(path('fields/Done')));
    expect(parseFilter('true')).toEqual(truthy(bool(true)));
  });

  it('and binds tighter than or', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toEqual(or(eq(path('a'), num(1)), and(eq(path('b'), num(2)), eq(path('c'), num(3)))));
    expect(parseFilter('a eq 1 and b eq 2 or c eq 3')).toEqual(or(and(eq(path('a'), num(1)), eq(path('b'), num(2))), eq(path('c'), num(3))));
  });

  it('and and or associate to the left', () => {
    expect(parseFilter('a and b and c')).toEqual(and(and(truthy(path('a')), truthy(path('b'))), truthy(path('c'))));
    expect(parseFilter('a or b or c')).toEqual(or(or(truthy(path('a')), truthy(path('b'))), truthy(path('c'))));
  });

  it('not applies to the next operand only and may repeat', () => {
    expect(parseFilter('not a and b')).toEqual(and(not(truthy(path('a'))), truthy(path('b'))));
    expect(parseFilter('not not a eq 1')).toEqual(not(not(eq(path('a'), num(1)))));
  });

  it('parentheses group a sub-expression', () => {
    expect(parseFilter('(a or b) and c')).toEqual(and(or(truthy(path('a')), truthy(path('b'))), truthy(path('c'))));
    expect(parseFilter('not (a eq 1 or b eq 2)')).toEqual(not(or(eq(path('a'), num(1)), eq(path('b'), num(2)))));
    expect(parseFilter('((a))')).toEqual(truthy(path('a')));
  });

  it('a missing closing parenthesis is a 400 invalidRequest', () => {
    expect(parseError('(a eq 1')).toEqual(invalidClause("expected ')'"));
    expect(parseError('(a eq 1 b')).toEqual(invalidClause("expected ')'"));
  });

  it('an extra closing parenthesis is trailing input', () => {
    expect(parseError('a eq 1)')).toEqual(invalidClause('unexpected trailing input'));
  });

  it('an expression that stops early is a 400 invalidRequest', () => {
    expect(parseError('a eq')).toEqual(invalidClause('unexpected end of expression'));
    expect(parseError('a eq 1 and')).toEqual(invalidClause('unexpected end of expression'));
    expect(parseError('not')).toEqual(invalidClause('unexpected end of expression'));
    expect(parseError('(')).toEqual(invalidClause('unexpected end of expression'));
  });

  it('a parenthesis or comma where an operand belongs is a 400 invalidRequest', () => {
    expect(parseError('a eq )')).toEqual(invalidClause('expected a property or a literal'));
    expect(parseError(', eq 1')).toEqual(invalidClause('expected a property or a literal'));
    expect(parseError('a eq (1)')).toEqual(invalidClause('expected a property or a literal'));
  });

  it('an empty or blank $filter is a 400 invalidRequest', () => {
    expect(parseError('')).toEqual(invalidClause('empty expression'));
    expect(parseError('  \t ')).toEqual(invalidClause('empty expression'));
  });
});

describe('$filter functions', () => {
  it('startswith(path, literal) is a call with two operands', () => {
    expect(parseFilter("startswith(fields/Title,'Verve')")).toEqual({ kind: 'call', name: 'startswith', args: [path('fields/Title'), str('Verve')] });
    expect(parseFilter("startswith( fields/Title , 'a' ) and b")).toEqual(
      and({ kind: 'call', name: 'startswith', args: [path('fields/Title'), str('a')] }, truthy(path('b'))),
    );
  });

  it('startswith is recognised in any letter case', () => {
    expect(parseFilter("StartsWith(fields/Title,'V')")).toEqual({ kind: 'call', name: 'startswith', args: [path('fields/Title'), str('V')] });
  });

  it('a function other than startswith is a 400 notSupported naming it', () => {
    expect(parseError("contains(fields/Title,'x')")).toEqual({
      status: 400,
      code: 'notSupported',
      message: "The function 'contains' is not supported in filter queries on this resource.",
    });
    expect(parseError("endswith(fields/Title,'x')").message).toBe("The function 'endswith' is not supported in filter queries on this resource.");
  });

  it('startswith with one or three arguments is a 400 invalidRequest', () => {
    expect(parseError('startswith(fields/Title)')).toEqual(invalidClause('startswith takes two arguments'));
    expect(parseError("startswith(fields/Title,'a','b')")).toEqual(invalidClause('startswith takes two arguments'));
  });

  it('a call without its closing parenthesis is a 400 invalidRequest', () => {
    expect(parseError("startswith(fields/Title,'a'")).toEqual(invalidClause("expected ')'"));
    expect(parseError("startswith(fields/Title 'a')")).toEqual(invalidClause("expected ')'"));
  });

  it('a word followed by a parenthesis is a call even with a space between', () => {
    expect(parseError("contains (fields/Title,'x')").code).toBe('notSupported');
  });
});

describe('filterPaths', () => {
  it('lists every property path in order, through and, or, not, comparisons and calls', () => {
    expect(filterPaths(parseFilter("(fields/A eq 1 or fields/B eq fields/C) and not startswith(fields/D,'x') and fields/E"))).toEqual([
      'fields/A',
      'fields/B',
      'fields/C',
      'fields/D',
      'fields/E',
    ]);
  });

  it('lists paths on either side of a comparison and in either argument of a call', () => {
    expect(filterPaths(parseFilter("'x' eq fields/A"))).toEqual(['fields/A']);
    expect(filterPaths(parseFilter('startswith(fields/A,fields/B)'))).toEqual(['fields/A', 'fields/B']);
    expect(filterPaths(parseFilter("startswith('abc',fields/B)"))).toEqual(['fields/B']);
  });

  it('lists no path for literals only', () => {
    expect(filterPaths(parseFilter('1 eq 1'))).toEqual([]);
    expect(filterPaths(parseFilter('true'))).toEqual([]);
    expect(filterPaths(parseFilter("startswith('a','b')"))).toEqual([]);
    expect(filterPaths(parseFilter('not false'))).toEqual([]);
  });
});
