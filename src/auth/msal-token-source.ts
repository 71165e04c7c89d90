/**
 * Tokens for Microsoft Graph from MSAL.js. Inside Teams, Nested App Authentication brokers the
 * sign-in through the host; outside it, createNestablePublicClientApplication falls back to a
 * standard client and a popup (facts sheet §11). Tokens live in sessionStorage, never localStorage.
 */
import {
  InteractionRequiredAuthError,
  createNestablePublicClientApplication,
  type AccountInfo,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { TokenSource } from '../graph/client';

export interface MsalConfig {
  readonly clientId: string;
  /** e.g. https://login.microsoftonline.com/<tenant-id> */
  readonly authority: string;
  readonly loginHint?: string;
}

export async function createMsalTokenSource(config: MsalConfig): Promise<TokenSource> {
  const pca: IPublicClientApplication = await createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: window.location.origin },
    cache: { cacheLocation: 'sessionStorage' },
  });
  let account: AccountInfo | null = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;

  return async (scopes) => {
    const request = { scopes: [...scopes], loginHint: config.loginHint };
    try {
      const result = await pca.acquireTokenSilent(account ? { ...request, account } : request);
      return result.accessToken;
    } catch (err) {
      if (!(err instanceof InteractionRequiredAuthError) && account) throw err;
      const result = await pca.acquireTokenPopup(request);
      account = result.account;
      pca.setActiveAccount(account);
      return result.accessToken;
    }
  };
}
