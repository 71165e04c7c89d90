/**
 * Delegated permissions: what a signed-in user's token may do through the app, beside what the user
 * may do (team membership, site rights). A token carries them as `Bearer dev:<upn>;scp=A,B`
 * (core/principal.ts); a token without `;scp=` stands for everything the app was consented, and is
 * not checked (as before). Only `GET /users`, `/users/$count` (graph/users.ts) and adding or
 * removing team members (graph/teams.ts) check them: elsewhere `scp` is not modelled.
 *
 * Sources (Learn = https://learn.microsoft.com): each rule cites the permissions table of its page,
 * "Delegated (work or school account)" row.
 */
import { GraphError } from '../core/graph-error.ts';
import type { HandlerContext } from '../core/types.ts';

/** The delegated permissions of the caller's token; null when they are not limited (or for an app). */
export function delegatedScopes(ctx: HandlerContext): readonly string[] | null {
  return ctx.principal.kind === 'user' ? ctx.principal.scopes : null;
}

/** Whether a user's token holds one of these delegated permissions (names compare case-insensitively). */
export function hasDelegatedPermission(ctx: HandlerContext, names: readonly string[]): boolean {
  const scopes = delegatedScopes(ctx);
  if (scopes === null) return true;
  const held = new Set(scopes.map((s) => s.toLowerCase()));
  return names.some((n) => held.has(n.toLowerCase()));
}

/**
 * The directory's refusal (users): 403 `Authorization_RequestDenied` "Insufficient privileges to
 * complete the operation." [learn-qa: /answers/questions/6019739 (GET /users with a permission the
 * operation does not list)] (facts §1).
 */
export const insufficientPrivileges = (): GraphError => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

/**
 * The Teams APIs' refusal of a delegated token without the permission: 403 `Forbidden` "Missing
 * scope permissions on the request. API requires one of '…'. Scopes on the request '…'." — the
 * delegated form of the app-only message (graph/app-permissions.ts `missingRoles`); not confirmed.
 */
export function missingScopes(ctx: HandlerContext, required: readonly string[]): GraphError {
  return new GraphError(
    403,
    'Forbidden',
    `Missing scope permissions on the request. API requires one of '${required.join(', ')}'. Scopes on the request '${(delegatedScopes(ctx) ?? []).join(', ')}'.`,
  );
}
