/**
 * Composition root for services: creates the one Graph client, then the adapters behind the
 * domain ports. The only place that knows which adapter implements which port.
 */
import { createGraphClient, type TokenSource } from '../graph/client';
import { SharePointPlanRepository } from '../adapters/sharepoint/plan-repository';
import { SharePointPlanImporter } from '../adapters/sharepoint/plan-import';
import { SharePointRest } from '../adapters/sharepoint/sharepoint-rest';
import { GraphDirectory } from '../adapters/teams/graph-directory';
import { GRAPH_SCOPES } from '../auth/graph-scopes';
import type { PlanRepository } from '../domain/ports';
import type { Services, Session } from '../lib/services';
import type { AppConfig } from './config';

export function createServices(config: AppConfig, getToken: TokenSource, session: Session): Services {
  const graph = createGraphClient({ baseUrl: config.graphBaseUrl, getToken, scopes: GRAPH_SCOPES });
  const repositories = new Map<string, PlanRepository>();
  return {
    session,
    directory: new GraphDirectory(graph),
    planRepository: (teamId) => {
      let repo = repositories.get(teamId);
      if (!repo) {
        repo = new SharePointPlanRepository(graph, teamId, { sharePoint: (webUrl) => new SharePointRest({ webUrl, getToken }) });
        repositories.set(teamId, repo);
      }
      return repo;
    },
    planImporter: (teamId) => new SharePointPlanImporter(graph, teamId),
  };
}

export async function createTokenSource(config: AppConfig, user: { userPrincipalName?: string; loginHint?: string; tenantId?: string }): Promise<TokenSource> {
  if (import.meta.env.VITE_AUTH_MODE === 'dev') {
    // Local emulator sign-in; removed from production builds by the constant condition above.
    const { createDevTokenSource } = await import('../auth/dev-token-source');
    return createDevTokenSource(user.userPrincipalName ?? user.loginHint ?? '');
  }
  const { createMsalTokenSource } = await import('../auth/msal-token-source');
  const authority = user.tenantId && config.authority.endsWith('/organizations')
    ? config.authority.replace(/organizations$/, user.tenantId)
    : config.authority;
  return createMsalTokenSource({ clientId: config.clientId, authority, loginHint: user.loginHint ?? user.userPrincipalName });
}
