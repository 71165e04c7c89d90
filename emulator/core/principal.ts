/**
 * Who calls Graph: a signed-in user (delegated, `Bearer dev:<upn>`) or an application on its own
 * (app-only, `Bearer dev-app:<client id>;aud=https://graph.microsoft.com`, the client credentials
 * flow: https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow).
 * `id` is the user's object id or the app's client id: what the emulator stores as author/editor.
 */
import type { AppRegistrationState, UserState } from '../state/tenant-state.ts';

export type Principal =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly user: UserState;
      /**
       * The delegated permissions of the token (its `scp` claim): `Bearer dev:<upn>;scp=A,B`. Null for
       * `Bearer dev:<upn>`: everything the app was consented (not checked; graph/delegated-permissions.ts).
       */
      readonly scopes: readonly string[] | null;
    }
  | { readonly kind: 'app'; readonly id: string; readonly app: AppRegistrationState };

export const userPrincipal = (user: UserState, scopes: readonly string[] | null = null): Principal => ({ kind: 'user', id: user.id, user, scopes });
export const appPrincipal = (app: AppRegistrationState): Principal => ({ kind: 'app', id: app.appId, app });

/** The Microsoft Graph resource: the `aud` of app-only Graph tokens and the scope's prefix. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
