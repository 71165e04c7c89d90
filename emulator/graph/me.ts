import { GraphError, notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { ok, type HandlerContext } from '../core/types.ts';
import { applySelect, parseSelect, queryOption } from '../odata/query-options.ts';
import type { UserState } from '../state/tenant-state.ts';
import { USERS_READ_PERMISSIONS, hasApplicationPermission, requireSignedInUser } from './app-permissions.ts';

/** The user resource with Graph's default properties. */
export function renderUser(user: UserState): Record<string, unknown> {
  return {
    businessPhones: [...user.businessPhones],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: user.mobilePhone,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

/** An app reading users needs User.Read.All or higher (app-permissions.ts `USERS_READ_PERMISSIONS`); 403 Authorization_RequestDenied. */
function requireUsersRead(ctx: HandlerContext): void {
  if (ctx.app && !hasApplicationPermission(ctx.app, USERS_READ_PERMISSIONS)) {
    throw new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
}

export function registerMeRoutes(router: Router): void {
  // `/me` needs a signed-in user: app-only → 400 (app-permissions.ts `requireSignedInUser`).
  router.add('GET', '/me', (ctx) =>
    ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#users/$entity`,
      ...applySelect(renderUser(requireSignedInUser(ctx)), parseSelect(queryOption(ctx.req.query, 'select'))),
    }),
  );

  router.add('GET', '/users/{userId}', (ctx) => {
    requireUsersRead(ctx);
    const key = ctx.params.userId ?? '';
    const user = ctx.store.userById(key) ?? ctx.store.userByUpn(key);
    if (!user) throw notFound(`Resource '${key}' does not exist or one of its queried reference-property objects are not present.`, 'Request_ResourceNotFound');
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#users/$entity`,
      ...applySelect(renderUser(user), parseSelect(queryOption(ctx.req.query, 'select'))),
    });
  });

  router.add('GET', '/me/joinedTeams', (ctx) => {
    const teams = ctx.store.teamsOf(requireSignedInUser(ctx).id);
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#teams`,
      '@odata.count': teams.length,
      value: teams.map((t) => ({ id: t.id, displayName: t.displayName, description: t.description })),
    });
  });
}
