/**
 * List users `GET /users` and count them `GET /users/$count`
 * (https://learn.microsoft.com/en-us/graph/api/user-list).
 *
 * - Permissions: delegated User.ReadBasic.All, User.Read.All, User.ReadWrite.All, Directory.Read.All,
 *   Directory.ReadWrite.All (from least to most privileged); application User.Read.All,
 *   User.ReadWrite.All, Directory.Read.All, Directory.ReadWrite.All (User.ReadBasic.All is not listed
 *   for apps and is refused [learn-qa: /answers/questions/6019739]). "Guest users cannot call this
 *   API" (403 here; the refusal is not confirmed). Refusals: 403 `Authorization_RequestDenied`.
 * - User.ReadBasic.All reads "a limited set of properties known as the basic profile": displayName,
 *   givenName, mail, photo, surname, userPrincipalName (Learn /graph/permissions-reference, and id);
 *   the other properties come back null [issues: microsoftgraph/microsoft-graph-docs#4940,
 *   microsoftgraph/microsoft-graph-explorer#321] and may not be filtered on (graph/user-filter.ts).
 * - Default properties: businessPhones, displayName, givenName, id, jobTitle, mail, mobilePhone,
 *   officeLocation, preferredLanguage, surname, userPrincipalName; others with `$select`.
 * - "$skip isn't supported"; default and largest page 100 and 999 users ("Invalid page size
 *   specified: '1000'. Must be between 1 and 999 inclusive.", `Request_UnsupportedQuery`, as widely
 *   reported; not on Learn); paging by `@odata.nextLink` with an opaque `$skiptoken`.
 * - Advanced queries (Learn /graph/aad-advanced-queries): header `ConsistencyLevel: eventual` and
 *   `$count=true` (a `$batch` step carries the header in its own `headers`). `$count=true` without the
 *   header "silently ignores" it (no `@odata.count`); `/users/$count` without it is 400
 *   `Request_BadRequest` "$count is not currently supported."; `$search` without it 400
 *   `Request_UnsupportedQuery` "Request with $search query parameter only works through MSGraph with
 *   a special request header: 'ConsistencyLevel: eventual'"; "Using `$filter` and `$orderby` together
 *   is supported only with advanced queries"; `$orderby` works by default on displayName and
 *   userPrincipalName. What `$filter` accepts: graph/user-filter.ts.
 * - Emulator limits: `$search` (with the header) and `$expand` are not modelled (400); `$select` of a
 *   property the emulator does not store leaves it out; the 2,048-character URL limit of advanced
 *   queries counts the query as received.
 */
import { GraphError, badRequest } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { ok, type HandlerContext } from '../core/types.ts';
import { compileFilter } from '../odata/filter-eval.ts';
import { parseFilter } from '../odata/filter-parser.ts';
import { applySelect, parseOrderBy, parseSelect, queryOption } from '../odata/query-options.ts';
import type { UserState } from '../state/tenant-state.ts';
import { hasApplicationPermission } from './app-permissions.ts';
import { hasDelegatedPermission, insufficientPrivileges } from './delegated-permissions.ts';
import { renderUser } from './me.ts';
import { checkUserFilter, proxyAddressesOf, userFilterValue } from './user-filter.ts';

/** Application permissions of List users (Learn /graph/api/user-list, "Application"). */
export const USERS_LIST_APPLICATION: readonly string[] = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
/** Delegated permissions that read every user's full profile. */
export const USERS_READ_FULL_DELEGATED: readonly string[] = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
/** Delegated permissions of List users, least privileged first (Learn /graph/api/user-list, "Delegated"). */
export const USERS_LIST_DELEGATED: readonly string[] = ['User.ReadBasic.All', ...USERS_READ_FULL_DELEGATED];
/** The basic profile User.ReadBasic.All reads (photo is not modelled). */
export const BASIC_PROFILE: readonly string[] = ['id', 'displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];

export const USERS_PAGE_SIZE = 100;
export const USERS_MAX_PAGE_SIZE = 999;
/** Longest request URL of an advanced query (known issue 13635). */
export const ADVANCED_QUERY_MAX_URL = 2048;

const unsupportedQuery = (message: string): GraphError => new GraphError(400, 'Request_UnsupportedQuery', message);

/** The properties `$select` may name besides the default ones. */
function renderUserFull(user: UserState): Record<string, unknown> {
  return {
    ...renderUser(user),
    userType: user.userType ?? 'Member',
    accountEnabled: true,
    otherMails: [...(user.otherMails ?? [])],
    proxyAddresses: proxyAddressesOf(user),
  };
}

/** What User.ReadBasic.All shows of a user: the basic profile; everything else null. */
function basicOnly(entity: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entity).map(([k, v]) => [k, BASIC_PROFILE.includes(k) ? v : null]));
}

interface DirectoryAccess {
  /** The caller reads the basic profile only. */
  readonly basicOnly: boolean;
}

/** Who may list users, and what they see (see the file's header). */
function requireUsersList(ctx: HandlerContext): DirectoryAccess {
  if (ctx.app) {
    if (!hasApplicationPermission(ctx.app, USERS_LIST_APPLICATION)) throw insufficientPrivileges();
    return { basicOnly: false };
  }
  if (ctx.user?.userType === 'Guest') throw insufficientPrivileges();
  if (!hasDelegatedPermission(ctx, USERS_LIST_DELEGATED)) throw insufficientPrivileges();
  return { basicOnly: !hasDelegatedPermission(ctx, USERS_READ_FULL_DELEGATED) };
}

/** Both advanced query parameters: `ConsistencyLevel: eventual` and `$count=true`. */
function eventual(ctx: HandlerContext): boolean {
  return (ctx.req.headers.consistencylevel ?? '').trim().toLowerCase() === 'eventual';
}

/** The users the query's `$filter` keeps, checked as Entra checks it. */
function filteredUsers(ctx: HandlerContext, access: DirectoryAccess, advanced: boolean): UserState[] {
  const filter = queryOption(ctx.req.query, 'filter');
  if (filter === undefined) return [...ctx.store.state.users];
  const expr = parseFilter(filter, { directory: true });
  checkUserFilter(expr, { advanced, basicOnly: access.basicOnly });
  return ctx.store.state.users.filter(compileFilter<UserState>(expr, userFilterValue));
}

function listUsers(ctx: HandlerContext) {
  const access = requireUsersList(ctx);
  const q = ctx.req.query;
  const consistency = eventual(ctx);
  const count = (queryOption(q, 'count') ?? '').toLowerCase() === 'true';
  const advanced = consistency && count;
  if (queryOption(q, 'skip') !== undefined) throw new GraphError(400, 'Request_BadRequest', `'$skip' is not supported by the service.`);
  if (queryOption(q, 'expand') !== undefined) throw badRequest('$expand on users is not modelled by the emulator.');
  if (queryOption(q, 'search') !== undefined) {
    if (!consistency) throw unsupportedQuery(`Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'`);
    throw badRequest('$search on users is not modelled by the emulator.');
  }
  if (advanced && `https://graph.microsoft.com/v1.0${ctx.req.path}?${ctx.req.rawQuery}`.length > ADVANCED_QUERY_MAX_URL) {
    throw unsupportedQuery(`The request URL is longer than ${ADVANCED_QUERY_MAX_URL} characters.`);
  }
  const topRaw = queryOption(q, 'top');
  const top = topRaw === undefined ? USERS_PAGE_SIZE : Number(topRaw);
  if (!Number.isInteger(top) || top < 1 || top > USERS_MAX_PAGE_SIZE) {
    throw unsupportedQuery(`Invalid page size specified: '${topRaw ?? ''}'. Must be between 1 and ${USERS_MAX_PAGE_SIZE} inclusive.`);
  }

  let users = filteredUsers(ctx, access, advanced);
  const order = parseOrderBy(queryOption(q, 'orderby'));
  if (order.length > 0) {
    if (queryOption(q, 'filter') !== undefined && !advanced) throw unsupportedQuery('Sorting not supported for current query.');
    const keys = order.map((o) => {
      const name = ['displayName', 'userPrincipalName'].find((p) => p.toLowerCase() === o.path.toLowerCase());
      if (!name) throw unsupportedQuery(`Order by '${o.path}' is not supported.`);
      return { name, sign: o.descending ? -1 : 1 };
    });
    users = [...users].sort((a, b) => {
      for (const k of keys) {
        const c = String(userFilterValue(a, k.name)).localeCompare(String(userFilterValue(b, k.name)), 'en', { sensitivity: 'base' });
        if (c !== 0) return c * k.sign;
      }
      return 0;
    });
  }

  const token = queryOption(q, 'skiptoken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw new GraphError(400, 'Request_BadRequest', 'The $skiptoken is invalid.');
  const select = parseSelect(queryOption(q, 'select'));
  const page = users.slice(start, start + top).map((u) => {
    const entity = select ? applySelect(renderUserFull(u), select) : renderUser(u);
    return access.basicOnly ? basicOnly(entity) : entity;
  });

  const body: Record<string, unknown> = { '@odata.context': `${ctx.baseUrl}/$metadata#users${select ? `(${select.join(',')})` : ''}` };
  if (advanced) body['@odata.count'] = users.length;
  if (start + top < users.length) {
    const query = ctx.req.rawQuery
      .split('&')
      .filter((p) => p.length > 0 && !/^(%24|\$)?skiptoken=/i.test(p))
      .concat(`$skiptoken=${Buffer.from(String(start + top), 'utf8').toString('base64url')}`);
    body['@odata.nextLink'] = `${ctx.baseUrl}${ctx.req.path}?${query.join('&')}`;
  }
  body.value = page;
  return ok(body);
}

function countUsers(ctx: HandlerContext) {
  const access = requireUsersList(ctx);
  if (!eventual(ctx)) throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
  return ok(filteredUsers(ctx, access, true).length, { 'Content-Type': 'text/plain' });
}

export function registerUsersRoutes(router: Router): void {
  router.add('GET', '/users', listUsers);
  // Before `/users/{userId}` (graph/me.ts), which would take `$count` for an id.
  router.add('GET', '/users/$count', countUsers);
}
