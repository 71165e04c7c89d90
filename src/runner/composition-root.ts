/**
 * The one composition root of the Node runners (`npm run provision`; the later chaos, sync and
 * reminder runners): the app's own Graph client and adapters over Microsoft Graph and SharePoint
 * REST, with no React, no Vite and no browser APIs. The tab's root is src/app/services.ts; both
 * build the same adapters over the same core.
 */
import { SharePointPlanRepository } from '../adapters/sharepoint/plan-repository';
import { SharePointRest } from '../adapters/sharepoint/sharepoint-rest';
import { GraphDirectory } from '../adapters/teams/graph-directory';
import { GRAPH_SCOPES } from '../auth/graph-scopes';
import type { Directory } from '../domain/ports';
import { createGraphClient, type GraphApi, type GraphClientOptions, type TokenSource } from '../graph/client';

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

export interface RunnerOptions {
  /** Graph's base URL (the emulator's `…/v1.0` locally); default Microsoft Graph v1.0. */
  readonly graphUrl?: string;
  readonly getToken: TokenSource;
  /** fetch for SharePoint REST and options for Graph's (e.g. an undici dispatcher trusting a local CA). */
  readonly fetch?: typeof fetch;
  readonly fetchOptions?: GraphClientOptions['fetchOptions'];
  /** Retries of throttled requests (the Graph client's defaults when absent). */
  readonly maxRetries?: number;
  readonly retryDelaySeconds?: number;
}

export interface Runner {
  readonly graph: GraphApi;
  readonly directory: Directory;
  repository(teamId: string): SharePointPlanRepository;
}

export function createRunner(options: RunnerOptions): Runner {
  const graph = createGraphClient({
    baseUrl: options.graphUrl ?? GRAPH_V1,
    getToken: options.getToken,
    scopes: GRAPH_SCOPES,
    ...(options.fetchOptions ? { fetchOptions: options.fetchOptions } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retryDelaySeconds !== undefined ? { retryDelaySeconds: options.retryDelaySeconds } : {}),
  });
  const sharePoint = (webUrl: string) => new SharePointRest({ webUrl, getToken: options.getToken, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return {
    graph,
    directory: new GraphDirectory(graph),
    repository: (teamId) => new SharePointPlanRepository(graph, teamId, { sharePoint }),
  };
}
