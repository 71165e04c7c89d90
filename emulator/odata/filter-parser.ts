import { badRequest } from '../core/graph-error.ts';

/** AST of the OData `$filter` subset Graph supports on SharePoint lists and directory collections. */
export type Literal =
  | { kind: 'literal'; type: 'string'; value: string }
  | { kind: 'literal'; type: 'number'; value: number }
  | { kind: 'literal'; type: 'boolean'; value: boolean }
  | { kind: 'literal'; type: 'null'; value: null }
  | { kind: 'literal'; type: 'dateTime'; value: string };

export type Operand = Literal | { kind: 'path'; path: string };

export type CompareOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export type FilterExpr =
  | { kind: 'logical'; op: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'call'; name: 'startswith' | 'endswith'; args: [Operand, Operand] }
  | { kind: 'truthy'; operand: Operand }
  /** `operand in (v1, v2, …)` (directory syntax only). */
  | { kind: 'in'; operand: Operand; values: Literal[] }
  /** `collection/any(x: predicate)` (directory syntax only); `x` is a path inside the predicate. */
  | { kind: 'lambda'; op: 'any' | 'all'; collection: string; variable: string; predicate: FilterExpr };

/**
 * What the directory (Microsoft Entra objects: users, groups) accepts beyond the SharePoint subset:
 * the `in` operator, the lambda operators `any`/`all` over collections and `endswith`
 * (Learn /graph/filter-query-parameter). Off by default, where these stay 400s.
 */
export interface FilterSyntax {
  readonly directory?: boolean;
}

type Token =
  | { t: 'lparen' | 'rparen' | 'comma' | 'colon' }
  | { t: 'word'; v: string }
  | { t: 'lit'; v: Literal };

const COMPARE_OPS = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const DATE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER_RE = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const WORD_RE = /^[A-Za-z_@$][\w.@/$]*/;

function invalid(message: string): never {
  throw badRequest(`Invalid filter clause: ${message}`);
}

function tokenize(input: string, syntax: FilterSyntax): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(') {
      tokens.push({ t: 'lparen' });
      i++;
    } else if (c === ')') {
      tokens.push({ t: 'rparen' });
      i++;
    } else if (c === ',') {
      tokens.push({ t: 'comma' });
      i++;
    } else if (c === ':' && syntax.directory) {
      tokens.push({ t: 'colon' });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= input.length) invalid('unterminated string literal');
        const ch = input[i] as string;
        if (ch === "'") {
          if (input[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += ch;
        i++;
      }
      tokens.push({ t: 'lit', v: { kind: 'literal', type: 'string', value } });
    } else {
      const rest = input.slice(i);
      const date = DATE_RE.exec(rest);
      if (date && date[0].length >= 10) {
        tokens.push({ t: 'lit', v: { kind: 'literal', type: 'dateTime', value: date[0] } });
        i += date[0].length;
        continue;
      }
      const num = NUMBER_RE.exec(rest);
      if (num) {
        tokens.push({ t: 'lit', v: { kind: 'literal', type: 'number', value: Number(num[0]) } });
        i += num[0].length;
        continue;
      }
      const word = WORD_RE.exec(rest);
      if (!word) invalid(`unexpected character '${c}' at position ${i}`);
      const w = word[0];
      if (w === 'true' || w === 'false') tokens.push({ t: 'lit', v: { kind: 'literal', type: 'boolean', value: w === 'true' } });
      else if (w === 'null') tokens.push({ t: 'lit', v: { kind: 'literal', type: 'null', value: null } });
      else tokens.push({ t: 'word', v: w });
      i += w.length;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly syntax: FilterSyntax,
  ) {}

  parse(): FilterExpr {
    const expr = this.or();
    if (this.pos < this.tokens.length) invalid('unexpected trailing input');
    return expr;
  }

  private peekWord(): string | undefined {
    const tok = this.tokens[this.pos];
    return tok?.t === 'word' ? tok.v : undefined;
  }

  private or(): FilterExpr {
    let left = this.and();
    while (this.peekWord() === 'or') {
      this.pos++;
      left = { kind: 'logical', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpr {
    let left = this.unary();
    while (this.peekWord() === 'and') {
      this.pos++;
      left = { kind: 'logical', op: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpr {
    if (this.peekWord() === 'not') {
      this.pos++;
      return { kind: 'not', expr: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterExpr {
    const tok = this.tokens[this.pos];
    if (!tok) invalid('unexpected end of expression');
    if (tok.t === 'lparen') {
      this.pos++;
      const inner = this.or();
      this.expect('rparen');
      return inner;
    }
    if (tok.t === 'word' && this.tokens[this.pos + 1]?.t === 'lparen') {
      const lambda = this.syntax.directory ? /^(.+)\/(any|all)$/i.exec(tok.v) : null;
      if (lambda) return this.lambda(lambda[1] as string, (lambda[2] as string).toLowerCase() as 'any' | 'all');
      return this.call(tok.v);
    }
    const left = this.operand();
    const opWord = this.peekWord();
    if (opWord && COMPARE_OPS.has(opWord)) {
      this.pos++;
      return { kind: 'compare', op: opWord as CompareOp, left, right: this.operand() };
    }
    if (opWord === 'in' && this.syntax.directory) {
      this.pos++;
      return { kind: 'in', operand: left, values: this.literalList() };
    }
    return { kind: 'truthy', operand: left };
  }

  /** `(literal, literal, …)` after `in`. */
  private literalList(): Literal[] {
    if (this.tokens[this.pos]?.t !== 'lparen') invalid(`expected '(' after in`);
    this.pos++;
    const values: Literal[] = [];
    for (;;) {
      const tok = this.tokens[this.pos];
      if (tok?.t !== 'lit') invalid('the in operator takes a list of literals');
      values.push(tok.v);
      this.pos++;
      if (this.tokens[this.pos]?.t !== 'comma') break;
      this.pos++;
    }
    this.expect('rparen');
    return values;
  }

  /** `collection/any(x: predicate)` — the name token and '(' are next. */
  private lambda(collection: string, op: 'any' | 'all'): FilterExpr {
    this.pos += 2;
    const variable = this.tokens[this.pos];
    if (variable?.t !== 'word' || this.tokens[this.pos + 1]?.t !== 'colon') invalid(`expected 'variable:' in ${op}()`);
    this.pos += 2;
    const predicate = this.or();
    this.expect('rparen');
    return { kind: 'lambda', op, collection, variable: variable.v, predicate };
  }

  private call(name: string): FilterExpr {
    this.pos += 2;
    const args: Operand[] = [this.operand()];
    while (this.tokens[this.pos]?.t === 'comma') {
      this.pos++;
      args.push(this.operand());
    }
    this.expect('rparen');
    const fn = name.toLowerCase();
    if (fn !== 'startswith' && !(fn === 'endswith' && this.syntax.directory)) {
      throw badRequest(`The function '${name}' is not supported in filter queries on this resource.`, 'notSupported');
    }
    if (args.length !== 2) invalid(`${fn} takes two arguments`);
    return { kind: 'call', name: fn, args: [args[0] as Operand, args[1] as Operand] };
  }

  private operand(): Operand {
    const tok = this.tokens[this.pos];
    if (!tok) invalid('unexpected end of expression');
    this.pos++;
    if (tok.t === 'lit') return tok.v;
    if (tok.t === 'word') return { kind: 'path', path: tok.v };
    return invalid('expected a property or a literal');
  }

  private expect(t: 'rparen'): void {
    if (this.tokens[this.pos]?.t !== t) invalid(`expected ')'`);
    this.pos++;
  }
}

export function parseFilter(input: string, syntax: FilterSyntax = {}): FilterExpr {
  if (!input.trim()) invalid('empty expression');
  return new Parser(tokenize(input, syntax), syntax).parse();
}

/** Every property path the expression refers to. */
export function filterPaths(expr: FilterExpr): string[] {
  switch (expr.kind) {
    case 'logical':
      return [...filterPaths(expr.left), ...filterPaths(expr.right)];
    case 'not':
      return filterPaths(expr.expr);
    case 'compare':
      return [expr.left, expr.right].flatMap((o) => (o.kind === 'path' ? [o.path] : []));
    case 'call':
      return expr.args.flatMap((o) => (o.kind === 'path' ? [o.path] : []));
    case 'truthy':
      return expr.operand.kind === 'path' ? [expr.operand.path] : [];
    case 'in':
      return expr.operand.kind === 'path' ? [expr.operand.path] : [];
    case 'lambda':
      return [expr.collection];
  }
}
