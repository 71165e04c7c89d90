import { badRequest } from '../core/graph-error.ts';

/** Reads a system query option given as `$name` or `name` (Graph accepts both). */
export function queryOption(query: URLSearchParams, name: string): string | undefined {
  return query.get(`$${name}`) ?? query.get(name) ?? undefined;
}

/** Splits on commas that are not inside parentheses. */
export function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of input) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts.filter((p) => p.length > 0);
}

export function parseSelect(value: string | undefined): string[] | null {
  if (value === undefined) return null;
  return splitTopLevel(value);
}

export interface ExpandItem {
  readonly name: string;
  readonly select: string[] | null;
}

/** Parses `fields`, `fields($select=A,B)` and `fields(select=A,B)`. */
export function parseExpand(value: string | undefined): ExpandItem[] {
  if (value === undefined) return [];
  return splitTopLevel(value).map((part) => {
    const open = part.indexOf('(');
    if (open < 0) return { name: part, select: null };
    if (!part.endsWith(')')) throw badRequest(`Invalid $expand clause '${part}'.`);
    const name = part.slice(0, open).trim();
    let select: string[] | null = null;
    for (const option of part.slice(open + 1, -1).split(';')) {
      const eq = option.indexOf('=');
      const key = option.slice(0, eq).trim().replace(/^\$/, '').toLowerCase();
      if (eq > 0 && key === 'select') select = splitTopLevel(option.slice(eq + 1));
    }
    return { name, select };
  });
}

export interface OrderByItem {
  readonly path: string;
  readonly descending: boolean;
}

export function parseOrderBy(value: string | undefined): OrderByItem[] {
  if (value === undefined) return [];
  return splitTopLevel(value).map((part) => {
    const [path, direction, extra] = part.split(/\s+/);
    const dir = direction?.toLowerCase();
    if (!path || extra !== undefined || (dir !== undefined && dir !== 'asc' && dir !== 'desc')) {
      throw badRequest(`Invalid $orderby clause '${part}'.`);
    }
    return { path, descending: dir === 'desc' };
  });
}

/** `$top`, clamped to `max`; `fallback` when absent. */
export function parseTop(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw badRequest(`Invalid value '${value}' for $top; expected a non-negative integer.`);
  return Math.min(Number(value), max);
}

/** Projects an entity to the `$select`ed properties (annotations such as @odata.etag are kept). */
export function applySelect<T extends Record<string, unknown>>(entity: T, select: string[] | null): Record<string, unknown> {
  if (!select) return entity;
  const wanted = new Set(select.map((s) => s.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (key.startsWith('@odata.') || wanted.has(key.toLowerCase())) out[key] = value;
  }
  return out;
}
