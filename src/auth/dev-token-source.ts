/**
 * Local sign-in against the Microsoft 365 emulator: the emulator accepts `dev:<userPrincipalName>`
 * as a bearer token for users of its tenant. Only built in when VITE_AUTH_MODE=dev (the app loads
 * this module dynamically behind that flag, so the production bundle does not contain it).
 */
import type { TokenSource } from '../graph/client';

export function createDevTokenSource(userPrincipalName: string): TokenSource {
  return async () => `dev:${userPrincipalName}`;
}
