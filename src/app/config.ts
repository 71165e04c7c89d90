/**
 * The app's configuration, read once from the build environment and checked at startup,
 * failing with a readable list of what is missing (README "Configuration").
 */
export type AuthMode = 'msal' | 'dev';

export interface AppConfig {
  /** Absolute https URL of the Graph version root. */
  readonly graphBaseUrl: string;
  readonly authMode: AuthMode;
  readonly clientId: string;
  readonly authority: string;
  /** Origins of Teams hosts to trust besides Microsoft's own (the local host page in development). */
  readonly teamsHostOrigins: string[];
  readonly teamsAppId: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid app configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

export interface RawEnv {
  readonly VITE_GRAPH_BASE_URL?: string;
  readonly VITE_AUTH_MODE?: string;
  readonly VITE_AAD_CLIENT_ID?: string;
  readonly VITE_AAD_AUTHORITY?: string;
  readonly VITE_TEAMS_HOST_ORIGINS?: string;
  readonly VITE_TEAMS_APP_ID?: string;
}

export function readConfig(env: RawEnv, origin: string): AppConfig {
  const problems: string[] = [];
  const authMode: AuthMode = env.VITE_AUTH_MODE === 'dev' ? 'dev' : 'msal';
  const base = env.VITE_GRAPH_BASE_URL?.trim() || 'https://graph.microsoft.com/v1.0';
  let graphBaseUrl = base;
  try {
    graphBaseUrl = new URL(base, origin).toString().replace(/\/+$/, '');
    if (!graphBaseUrl.startsWith('https://')) problems.push(`VITE_GRAPH_BASE_URL must be https (is ${graphBaseUrl})`);
  } catch {
    problems.push(`VITE_GRAPH_BASE_URL is not a URL: ${base}`);
  }
  const clientId = env.VITE_AAD_CLIENT_ID?.trim() ?? '';
  const authority = env.VITE_AAD_AUTHORITY?.trim() || 'https://login.microsoftonline.com/organizations';
  if (authMode === 'msal' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) {
    problems.push('VITE_AAD_CLIENT_ID must be the Entra app registration’s client id (a GUID)');
  }
  const teamsHostOrigins = (env.VITE_TEAMS_HOST_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (problems.length > 0) throw new ConfigError(problems);
  return { graphBaseUrl, authMode, clientId, authority, teamsHostOrigins, teamsAppId: env.VITE_TEAMS_APP_ID?.trim() ?? '' };
}
