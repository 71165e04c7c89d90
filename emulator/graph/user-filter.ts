/**
 * `$filter` on users as Microsoft Entra ID serves it: which operator works on which property by
 * default, which only in an advanced query (`ConsistencyLevel: eventual` and `$count=true`), and
 * which not at all; the limits of a filter; how a property is read for the filter.
 *
 * Sources (Learn = https://learn.microsoft.com):
 * - Learn /graph/aad-advanced-queries ("Support for filter by properties of Microsoft Entra ID
 *   (directory) objects", table `filter-directory-objects`): the per-property operators below; "The
 *   `in` operator is supported by default whenever `eq` operator is supported by default"; "The
 *   `endsWith` operator is supported only with advanced query parameters by mail, otherMails,
 *   userPrincipalName, and proxyAddresses"; "The `not` and `ne` negation operators are supported only
 *   with advanced query parameters"; "Properties that are not listed here do not support `$filter` at
 *   all"; the errors `Request_UnsupportedQuery` "Operator 'endsWith' is not supported because the
 *   required parameters might be missing. Try adding $count=true query parameter and
 *   ConsistencyLevel:eventual header. …" and "Unsupported or invalid query filter clause specified
 *   for property '…' of resource '…'.".
 * - Learn /graph/filter-query-parameter: lambda syntax `collection/any(x:x eq '…')`; `all` "isn't
 *   supported in Microsoft Graph"; a collection of strings such as proxyAddresses is matched per item.
 * - Known issue 13635 (https://developer.microsoft.com/en-us/graph/known-issues/?search=13635): "When
 *   using the "in" operator, the request is limited to 15 expressions in the filter clause by default
 *   OR a URL length of 2,048 characters when using advanced query capabilities"; "When filtering using
 *   the "eq" operator, the maximum limit of the value to match is 120 characters … When using advanced
 *   queries, the limit is applied on the URL length at 2,048 characters". The refusal text "Too many
 *   child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed:
 *   15" [issue: microsoftgraph/microsoft-graph-docs-contrib#1238]. That the 15 count every clause of
 *   an `or` chain together (`mail in (…15) or userPrincipalName in (…15)` is refused): strict reading,
 *   not confirmed; so is the 120-character limit for `in` values, and the codes and messages of these
 *   limits.
 * - proxyAddresses holds `SMTP:`/`smtp:` prefixed addresses (Learn /graph/api/resources/user), so a
 *   filter must name the prefix: `proxyAddresses/any(x:x eq 'smtp:a@b')` (compared case-insensitively).
 * - With only User.ReadBasic.All, filtering on a property outside the basic profile is refused
 *   [issue: Yvand/EntraCP#265 ("it denies … UserType eq 'Member'")]; the 403 is not confirmed.
 */
import { GraphError, badRequest } from '../core/graph-error.ts';
import type { FilterExpr, Literal, Operand } from '../odata/filter-parser.ts';
import type { UserState } from '../state/tenant-state.ts';
import { insufficientPrivileges } from './delegated-permissions.ts';

type Support = 'default' | 'advanced';
type FilterOp = 'eq' | 'in' | 'ge' | 'le' | 'startsWith' | 'endsWith' | 'null';

interface PropertyRule {
  readonly name: string;
  /** A collection: filtered only through `any`. */
  readonly collection?: true;
  readonly ops: Readonly<Partial<Record<FilterOp, Support>>>;
  /** In the basic profile that User.ReadBasic.All reads (graph/users.ts `BASIC_PROFILE`). */
  readonly basic?: true;
}

const D = 'default';
const A = 'advanced';
const ALL_ADVANCED = { eq: A, in: A, ge: A, le: A, startsWith: A, null: A } as const;

/** The user properties the emulator stores, with Learn's table for each (blank cells omitted). */
const USER_PROPERTIES: readonly PropertyRule[] = [
  { name: 'id', ops: { eq: D, in: D }, basic: true },
  { name: 'accountEnabled', ops: { eq: D, in: D, ge: A, le: A } },
  { name: 'displayName', ops: { eq: D, in: D, startsWith: D, null: A }, basic: true },
  { name: 'givenName', ops: { eq: D, in: D, ge: D, le: D, startsWith: D, null: A }, basic: true },
  { name: 'surname', ops: { eq: D, in: D, ge: D, le: D, startsWith: D, null: A }, basic: true },
  { name: 'mail', ops: { eq: D, in: D, ge: D, le: D, startsWith: D, endsWith: A }, basic: true },
  { name: 'userPrincipalName', ops: { eq: D, in: D, le: D, startsWith: D, endsWith: A }, basic: true },
  { name: 'userType', ops: { eq: D, in: D, null: A } },
  { name: 'jobTitle', ops: { eq: D, in: D, ge: D, le: D, null: A } },
  { name: 'mobilePhone', ops: ALL_ADVANCED },
  { name: 'officeLocation', ops: ALL_ADVANCED },
  { name: 'preferredLanguage', ops: ALL_ADVANCED },
  { name: 'businessPhones', collection: true, ops: { eq: D } },
  { name: 'otherMails', collection: true, ops: { eq: D, in: D, ge: D, le: D, startsWith: D, endsWith: A } },
  { name: 'proxyAddresses', collection: true, ops: { eq: D, ge: D, le: D, startsWith: D, null: A, endsWith: A } },
];

/** Expressions allowed in one `or` chain (an `in` list counts each value) outside advanced queries. */
export const MAX_OR_CLAUSES = 15;
/** Longest value an `eq` (or `in`) may match outside advanced queries. */
export const MAX_FILTER_VALUE_LENGTH = 120;

export interface UserFilterOptions {
  /** Both advanced query parameters are present. */
  readonly advanced: boolean;
  /** The caller reads the basic profile only (User.ReadBasic.All). */
  readonly basicOnly: boolean;
}

const unsupportedQuery = (message: string): GraphError => new GraphError(400, 'Request_UnsupportedQuery', message);
const unsupportedProperty = (property: string): GraphError =>
  unsupportedQuery(`Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`);
const needsAdvanced = (operator: string): GraphError =>
  unsupportedQuery(
    `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  );

function ruleFor(path: string): PropertyRule | undefined {
  const key = path.toLowerCase();
  return USER_PROPERTIES.find((r) => r.name.toLowerCase() === key);
}

/** The property a filter names, as the emulator stores it; undefined for one it does not know. */
export function userFilterValue(user: UserState, path: string): unknown {
  switch (ruleFor(path)?.name) {
    case 'id':
      return user.id;
    case 'accountEnabled':
      return true;
    case 'displayName':
      return user.displayName;
    case 'givenName':
      return user.givenName;
    case 'surname':
      return user.surname;
    case 'mail':
      return user.mail;
    case 'userPrincipalName':
      return user.userPrincipalName;
    case 'userType':
      return user.userType ?? 'Member';
    case 'jobTitle':
      return user.jobTitle;
    case 'mobilePhone':
      return user.mobilePhone;
    case 'officeLocation':
      return user.officeLocation;
    case 'preferredLanguage':
      return user.preferredLanguage;
    case 'businessPhones':
      return user.businessPhones;
    case 'otherMails':
      return user.otherMails ?? [];
    case 'proxyAddresses':
      return proxyAddressesOf(user);
    default:
      return undefined;
  }
}

/** `SMTP:<mail>` for a mailbox saved before proxyAddresses were stored. */
export function proxyAddressesOf(user: UserState): string[] {
  return user.proxyAddresses ?? (user.mail ? [`SMTP:${user.mail}`] : []);
}

/**
 * Refuses (400 `Request_UnsupportedQuery`, or 403 for a property outside the basic profile) what
 * Entra would: a property it does not filter on, an operator the property lacks, one that needs
 * advanced query parameters without them, over 15 `or` clauses or a value over 120 characters.
 */
export function checkUserFilter(expr: FilterExpr, options: UserFilterOptions): void {
  new UserFilterCheck(options).expr(expr, undefined);
  if (!options.advanced) {
    const widest = widestOr(expr);
    if (widest > MAX_OR_CLAUSES) {
      throw unsupportedQuery(`Too many child clauses specified in search filter expression containing 'OR' operators: ${widest}. Max allowed: ${MAX_OR_CLAUSES}.`);
    }
  }
}

/** A lambda's range variable and the collection it ranges over. */
interface RangeVariable {
  readonly name: string;
  readonly rule: PropertyRule;
}

class UserFilterCheck {
  constructor(private readonly options: UserFilterOptions) {}

  expr(e: FilterExpr, range: RangeVariable | undefined): void {
    switch (e.kind) {
      case 'logical':
        this.expr(e.left, range);
        this.expr(e.right, range);
        return;
      case 'not':
        if (!this.options.advanced) throw needsAdvanced('not');
        this.expr(e.expr, range);
        return;
      case 'compare': {
        if (e.left.kind !== 'path' || e.right.kind !== 'literal') throw badRequest('Invalid filter clause: a property must be compared with a literal.');
        const rule = this.property(e.left, range);
        if (e.op === 'lt' || e.op === 'gt') throw unsupportedProperty(rule.name);
        const isNull = e.right.type === 'null';
        if (e.op === 'ne') {
          this.need(rule, isNull ? 'null' : 'eq');
          if (!this.options.advanced) throw needsAdvanced('ne');
        } else {
          this.need(rule, e.op === 'eq' ? (isNull ? 'null' : 'eq') : e.op);
        }
        this.valueLength([e.right]);
        return;
      }
      case 'in': {
        if (e.operand.kind !== 'path') throw badRequest('Invalid filter clause: in needs a property on its left.');
        this.need(this.property(e.operand, range), 'in');
        this.valueLength(e.values);
        return;
      }
      case 'call': {
        const [subject, part] = e.args;
        if (subject.kind !== 'path' || part.kind !== 'literal' || part.type !== 'string') {
          throw badRequest(`Invalid filter clause: ${e.name}(property, 'text') expected.`);
        }
        this.need(this.property(subject, range), e.name === 'startswith' ? 'startsWith' : 'endsWith');
        return;
      }
      case 'lambda': {
        const rule = ruleFor(e.collection);
        if (!rule?.collection || range) throw unsupportedProperty(e.collection);
        if (e.op === 'all') throw unsupportedQuery(`The 'all' lambda operator is not supported.`);
        this.basic(rule);
        this.expr(e.predicate, { name: e.variable, rule });
        return;
      }
      case 'truthy':
        throw badRequest('Invalid filter clause: a property must be compared with a literal.');
    }
  }

  /** The rule of the property an operand names: the range variable inside `any`, else a scalar property. */
  private property(operand: Extract<Operand, { kind: 'path' }>, range: RangeVariable | undefined): PropertyRule {
    if (range && operand.path.toLowerCase() === range.name.toLowerCase()) return range.rule;
    const rule = ruleFor(operand.path);
    if (!rule || rule.collection) throw unsupportedProperty(operand.path);
    this.basic(rule);
    return rule;
  }

  private basic(rule: PropertyRule): void {
    if (this.options.basicOnly && !rule.basic) throw insufficientPrivileges();
  }

  private need(rule: PropertyRule, op: FilterOp): void {
    const support = rule.ops[op];
    if (!support) throw unsupportedProperty(rule.name);
    if (support === 'advanced' && !this.options.advanced) throw needsAdvanced(op === 'null' ? 'eq' : op);
  }

  private valueLength(values: readonly Literal[]): void {
    if (this.options.advanced) return;
    const long = values.find((v) => v.type === 'string' && v.value.length > MAX_FILTER_VALUE_LENGTH);
    if (long) throw unsupportedQuery(`The value to match is longer than ${MAX_FILTER_VALUE_LENGTH} characters.`);
  }
}

/** The most clauses one `or` chain holds (nested `or`s flattened, each `in` value one clause). */
function widestOr(e: FilterExpr, inOr = false): number {
  const chain = (x: FilterExpr): number =>
    x.kind === 'logical' && x.op === 'or' ? chain(x.left) + chain(x.right) : x.kind === 'in' ? x.values.length : 1;
  switch (e.kind) {
    case 'logical':
      return Math.max(e.op === 'or' && !inOr ? chain(e) : 0, widestOr(e.left, e.op === 'or'), widestOr(e.right, e.op === 'or'));
    case 'in':
      return inOr ? 0 : e.values.length;
    case 'not':
      return widestOr(e.expr);
    case 'lambda':
      return widestOr(e.predicate);
    default:
      return 0;
  }
}
