/**
 * Tokens for the Node runners (`npm run provision`, and the later unattended runners), never in the
 * tab's bundle. Three ways, as an administrator has them:
 * - `dev`: the local emulator's dev tokens (src/auth/dev-token-source.ts);
 * - `deviceCode`: a person signs in with a code at https://microsoft.com/devicelogin (delegated,
 *   MSAL Node's device code flow); one sign-in, then tokens for Graph and for the SharePoint host
 *   come silently from the same account (a refresh token is valid for every resource the app may use);
 * - `certificate`: app-only with a certificate, which SharePoint REST demands for app-only access
 *   ("all other options are blocked by SharePoint Online": facts sheet §15.5).
 */
import { readFile } from 'node:fs/promises';
import { ConfidentialClientApplication, PublicClientApplication, type AccountInfo } from '@azure/msal-node';
import { createDevTokenSource } from '../auth/dev-token-source';
import type { TokenSource } from '../graph/client';

export type RunnerAuth =
  | { readonly kind: 'dev'; readonly userPrincipalName: string }
  | { readonly kind: 'deviceCode'; readonly tenantId: string; readonly clientId: string }
  | { readonly kind: 'certificate'; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string; readonly thumbprintSha256: string };

/** The resource of a scope: `https://graph.microsoft.com/Sites.Manage.All` → `https://graph.microsoft.com`. */
export function resourceOf(scope: string): string {
  return new URL(scope).origin;
}

export async function createRunnerTokenSource(auth: RunnerAuth, tell: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): Promise<TokenSource> {
  if (auth.kind === 'dev') return createDevTokenSource(auth.userPrincipalName);
  const authority = `https://login.microsoftonline.com/${auth.tenantId}`;
  if (auth.kind === 'certificate') {
    const privateKey = await readFile(auth.certificatePath, 'utf8');
    const app = new ConfidentialClientApplication({
      auth: { clientId: auth.clientId, authority, clientCertificate: { thumbprintSha256: auth.thumbprintSha256, privateKey } },
    });
    // App-only tokens carry the application permissions granted to the app: `<resource>/.default`.
    return async (scopes) => {
      const result = await app.acquireTokenByClientCredential({ scopes: [`${resourceOf(scopes[0] ?? 'https://graph.microsoft.com')}/.default`] });
      if (!result) throw new Error('No token from Microsoft Entra ID');
      return result.accessToken;
    };
  }
  const app = new PublicClientApplication({ auth: { clientId: auth.clientId, authority } });
  let account: AccountInfo | null = null;
  return async (scopes) => {
    if (account) {
      try {
        return (await app.acquireTokenSilent({ account, scopes: [...scopes] })).accessToken;
      } catch {
        // Consent for this resource is missing: fall through to an interactive device code sign-in.
      }
    }
    const result = await app.acquireTokenByDeviceCode({ scopes: [...scopes], deviceCodeCallback: (r) => tell(r.message) });
    if (!result) throw new Error('No token from Microsoft Entra ID');
    account = result.account;
    return result.accessToken;
  };
}
