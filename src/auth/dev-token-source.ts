/**
 * Local sign-in against the Microsoft 365 emulator: the emulator accepts `dev:<userPrincipalName>`
 * as a bearer token for Microsoft Graph, and `dev:<userPrincipalName>;aud=<origin>` for the
 * SharePoint REST API of the site host `<origin>` (a token is for one resource, as Entra's are:
 * facts sheet §15.5). Only built in when VITE_AUTH_MODE=dev (the app loads this module dynamically
 * behind that flag, so the production bundle does not contain it); the Node runners use it too.
 */
import type { TokenSource } from '../graph/client';

const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export function createDevTokenSource(userPrincipalName: string): TokenSource {
  return async (scopes) => {
    const resource = scopes.find((s) => !s.startsWith(GRAPH_RESOURCE));
    return resource ? `dev:${userPrincipalName};aud=${new URL(resource).origin}` : `dev:${userPrincipalName}`;
  };
}
