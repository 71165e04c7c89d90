import type { CompareOp, FilterExpr, Literal, Operand } from './filter-parser.ts';

/** Resolves a property path to the stored value for one entity. */
export type PathResolver<T> = (entity: T, path: string) => unknown;

/** A compiled predicate; string comparisons are case-insensitive, as in SharePoint and Entra ID. */
export function compileFilter<T>(expr: FilterExpr, resolve: PathResolver<T>): (entity: T) => boolean {
  const value = (entity: T, o: Operand): unknown => (o.kind === 'path' ? resolve(entity, o.path) : o.value);
  const literalType = (o: Operand): Literal['type'] | undefined => (o.kind === 'literal' ? o.type : undefined);

  const build = (e: FilterExpr): ((entity: T) => boolean) => {
    switch (e.kind) {
      case 'logical': {
        const l = build(e.left);
        const r = build(e.right);
        return e.op === 'and' ? (x) => l(x) && r(x) : (x) => l(x) || r(x);
      }
      case 'not': {
        const inner = build(e.expr);
        return (x) => !inner(x);
      }
      case 'truthy':
        return (x) => value(x, e.operand) === true;
      case 'call': {
        const test = e.name === 'endswith' ? (s: string, t: string) => s.endsWith(t) : (s: string, t: string) => s.startsWith(t);
        return (x) => {
          const s = value(x, e.args[0]);
          const part = value(x, e.args[1]);
          return typeof s === 'string' && typeof part === 'string' && test(s.toLowerCase(), part.toLowerCase());
        };
      }
      case 'compare': {
        const isDate = literalType(e.left) === 'dateTime' || literalType(e.right) === 'dateTime';
        return (x) => compareValues(value(x, e.left), value(x, e.right), e.op, isDate);
      }
      case 'in':
        return (x) => {
          const v = value(x, e.operand);
          return e.values.some((lit) => compareValues(v, lit.value, 'eq', lit.type === 'dateTime'));
        };
      case 'lambda': {
        // The predicate sees the collection's element as the range variable.
        const variable = e.variable.toLowerCase();
        const element = compileFilter<unknown>(e.predicate, (item, path) => (path.toLowerCase() === variable ? item : undefined));
        return (x) => {
          const items = resolve(x, e.collection);
          if (!Array.isArray(items)) return false;
          return e.op === 'any' ? items.some((item) => element(item)) : items.every((item) => element(item));
        };
      }
    }
  };
  return build(expr);
}

function compareValues(a: unknown, b: unknown, op: CompareOp, asDate: boolean): boolean {
  if (Array.isArray(a)) return a.some((v) => compareValues(v, b, op, asDate));
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (op === 'eq') return aNull && bNull;
    if (op === 'ne') return aNull !== bNull;
    return false;
  }
  const order = compareNonNull(a, b, asDate);
  if (order === undefined) return op === 'ne';
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'gt':
      return order > 0;
    case 'le':
      return order <= 0;
    case 'ge':
      return order >= 0;
  }
}

/** Orders two non-null values; undefined when they are not comparable. */
export function compareNonNull(a: unknown, b: unknown, asDate = false): number | undefined {
  if (asDate) {
    const ta = Date.parse(String(a));
    const tb = Date.parse(String(b));
    if (Number.isNaN(ta) || Number.isNaN(tb)) return undefined;
    return Math.sign(ta - tb);
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const na = Number(a);
    const nb = Number(b);
    if (Number.isNaN(na) || Number.isNaN(nb) || a === '' || b === '') return undefined;
    return Math.sign(na - nb);
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return a === b ? 0 : typeof a === typeof b ? (a ? 1 : -1) : undefined;
  }
  const sa = String(a).toLowerCase();
  const sb = String(b).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
