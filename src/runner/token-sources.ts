/**
 * Tokens for the Node runners (`npm run provision`, and the later unattended runners), never in the
 * tab's bundle. Three ways, as an administrator has them:
 * - `dev`: the local emulator's dev tokens (src/auth/dev-token-source.ts);
 * - `deviceCode`: a person signs in with a code at https://microsoft.com/devicelogin (delegated,
 *   MSAL Node's device code flow); one sign-in, then tokens for Graph and for the SharePoint host
 *   come silently from the same account (a refresh token is valid for every resource the app may use);
 * - `certificate`: app-only with a certificate, which SharePoint REST demands for app-only access
 *   ("all other options are blocked by SharePoint Online": facts sheet §15.5);
 * - `emulatorApp`: app-only against the local emulator, whose token endpoint stands in for the
 *   identity platform's client credentials flow (`POST <origin>/<tenant>/oauth2/v2.0/token`,
 *   emulator/messaging/login.ts; the emulator keeps no secrets).
 */
import { readFile } from 'node:fs/promises';
import { ConfidentialClientApplication, PublicClientApplication, type AccountInfo } from '@azure/msal-node';
import { createDevTokenSource } from '../auth/dev-token-source';
import type { TokenSource } from '../graph/client';

export type RunnerAuth =
  | { readonly kind: 'dev'; readonly userPrincipalName: string }
  | { readonly kind: 'deviceCode'; readonly tenantId: string; readonly clientId: string }
  | {
      readonly kind: 'certificate';
      readonly tenantId: string;
      readonly clientId: string;
      /** The private key (PEM) as a file, or its text (e.g. an Azure Functions app setting from Key Vault). */
      readonly certificatePath?: string;
      readonly privateKeyPem?: string;
      readonly thumbprintSha256: string;
    }
  | { readonly kind: 'emulatorApp'; readonly loginUrl: string; readonly tenantId: string; readonly clientId: string };

/** Whether tokens from this sign-in are the app's own (no user): the unattended runners' case. */
export const isAppOnly = (auth: RunnerAuth): boolean => auth.kind === 'certificate' || auth.kind === 'emulatorApp';

/** The resource of a scope: `https://graph.microsoft.com/Sites.Manage.All` → `https://graph.microsoft.com`. */
export function resourceOf(scope: string): string {
  return new URL(scope).origin;
}

export async function createRunnerTokenSource(
  auth: RunnerAuth,
  tell: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<TokenSource> {
  if (auth.kind === 'dev') return createDevTokenSource(auth.userPrincipalName);
  if (auth.kind === 'emulatorApp') return emulatorAppTokens(auth, fetchImpl);
  const authority = `https://login.microsoftonline.com/${auth.tenantId}`;
  if (auth.kind === 'certificate') {
    const privateKey = auth.privateKeyPem ?? (auth.certificatePath ? await readFile(auth.certificatePath, 'utf8') : '');
    if (!privateKey.includes('PRIVATE KEY')) throw new Error('The certificate sign-in needs the private key in PEM');
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

/**
 * Client credentials against the emulator's token endpoint: `grant_type=client_credentials`,
 * `scope=<resource>/.default` (learn: /entra/identity-platform/v2-oauth2-client-creds-grant-flow),
 * a token per resource, kept until a minute before it expires.
 */
function emulatorAppTokens(auth: Extract<RunnerAuth, { kind: 'emulatorApp' }>, fetchImpl: typeof fetch): TokenSource {
  const cache = new Map<string, { token: string; until: number }>();
  return async (scopes) => {
    const scope = `${resourceOf(scopes[0] ?? 'https://graph.microsoft.com')}/.default`;
    const cached = cache.get(scope);
    if (cached && cached.until > Date.now()) return cached.token;
    const response = await fetchImpl(`${auth.loginUrl.replace(/\/+$/, '')}/${encodeURIComponent(auth.tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: 'local-emulator', scope }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string };
    if (!response.ok || !body.access_token) throw new Error(`No token for ${scope}: ${body.error_description ?? `status ${response.status}`}`);
    cache.set(scope, { token: body.access_token, until: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000 });
    return body.access_token;
  };
}
