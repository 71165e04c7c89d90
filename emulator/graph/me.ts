import { notFound } from '../core/graph-error.ts';
import type { Router } from '../core/router.ts';
import { ok } from '../core/types.ts';
import { applySelect, parseSelect, queryOption } from '../odata/query-options.ts';
import type { UserState } from '../state/tenant-state.ts';

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

export function registerMeRoutes(router: Router): void {
  router.add('GET', '/me', (ctx) =>
    ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#users/$entity`,
      ...applySelect(renderUser(ctx.user), parseSelect(queryOption(ctx.req.query, 'select'))),
    }),
  );

  router.add('GET', '/users/{userId}', (ctx) => {
    const key = ctx.params.userId ?? '';
    const user = ctx.store.userById(key) ?? ctx.store.userByUpn(key);
    if (!user) throw notFound(`Resource '${key}' does not exist or one of its queried reference-property objects are not present.`, 'Request_ResourceNotFound');
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#users/$entity`,
      ...applySelect(renderUser(user), parseSelect(queryOption(ctx.req.query, 'select'))),
    });
  });

  router.add('GET', '/me/joinedTeams', (ctx) => {
    const teams = ctx.store.teamsOf(ctx.user.id);
    return ok({
      '@odata.context': `${ctx.baseUrl}/$metadata#teams`,
      '@odata.count': teams.length,
      value: teams.map((t) => ({ id: t.id, displayName: t.displayName, description: t.description })),
    });
  });
}
