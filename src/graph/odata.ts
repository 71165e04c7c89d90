/**
 * OData helpers. Every value that goes into a $filter passes through here: a single quote in a
 * string literal is doubled, and the whole query value is percent-encoded so that '&', '#', '+'
 * and '%' reach Graph as data (facts sheet §5, "OData $filter escaping").
 */

/** A string literal for a $filter expression: `O'Brien` → `'O''Brien'`. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export type ODataLiteral = string | number | boolean | null;

export function odataLiteral(value: ODataLiteral): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return odataString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('OData numbers must be finite');
    return String(value);
  }
  return value ? 'true' : 'false';
}

/** `fields/Name eq 'value'` with the value escaped. */
export function fieldEquals(field: string, value: ODataLiteral): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new RangeError(`Invalid field name: ${field}`);
  return `fields/${field} eq ${odataLiteral(value)}`;
}

export interface QueryOptions {
  readonly filter?: string;
  readonly select?: readonly string[];
  readonly expand?: string;
  readonly orderby?: string;
  readonly top?: number;
}

/** Builds `path?$filter=…&$top=…` with every value percent-encoded (RFC 3986). */
export function withQuery(path: string, query: QueryOptions): string {
  const parts: string[] = [];
  if (query.expand) parts.push(`$expand=${encodeURIComponent(query.expand)}`);
  if (query.select && query.select.length > 0) parts.push(`$select=${encodeURIComponent(query.select.join(','))}`);
  if (query.filter) parts.push(`$filter=${encodeURIComponent(query.filter)}`);
  if (query.orderby) parts.push(`$orderby=${encodeURIComponent(query.orderby)}`);
  if (query.top !== undefined) parts.push(`$top=${query.top}`);
  if (parts.length === 0) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`;
}
