/**
 * The one composition root of the Node runners (`npm run provision`; the later chaos, sync and
 * reminder runners): the app's own Graph client and adapters over Microsoft Graph and SharePoint
 * REST, with no React, no Vite and no browser APIs. The tab's root is src/app/services.ts; both
 * build the same adapters over the same core.
 */
import { GraphPlannerBoard } from '../adapters/planner/planner-board';
import { goalReferenceUrl, plannerTaskUrl } from '../adapters/planner/planner-resources';
import { PlannerSync } from '../adapters/planner/planner-sync';
import { SharePointPlanRepository } from '../adapters/sharepoint/plan-repository';
import { SharePointRest } from '../adapters/sharepoint/sharepoint-rest';
import { GraphDirectory } from '../adapters/teams/graph-directory';
import { SharePointRosterRepository } from '../adapters/sharepoint/roster-repository';
import { GRAPH_SCOPES } from '../auth/graph-scopes';
import type { Directory, TeamMember, TeamRole } from '../domain/ports';
import { plannerTexts } from '../i18n/planner-texts';
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

export interface RunnerPlannerContext {
  readonly role: TeamRole;
  readonly members: readonly TeamMember[];
  /** The signed-in user's Entra id ('' for app-only: the runner creates no tasks). */
  readonly userId: string;
  /** The Teams app id the tab is configured with (the tasks' key is built from it). */
  readonly appId: string;
  readonly tenantId?: string;
  readonly today: string;
}

export interface Runner {
  readonly graph: GraphApi;
  readonly directory: Directory;
  repository(teamId: string): SharePointPlanRepository;
  /** The team's Planner sync, built as the tab builds it (src/app/services.ts). */
  planner(teamId: string, context: RunnerPlannerContext): PlannerSync;
  /** The team's roster of representatives and their Org365 rollout (issue 13). */
  roster(teamId: string): SharePointRosterRepository;
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
  const repository = (teamId: string) => new SharePointPlanRepository(graph, teamId, { sharePoint });
  const directory = new GraphDirectory(graph);
  return {
    graph,
    directory,
    repository,
    roster: (teamId) => new SharePointRosterRepository(graph, teamId, directory),
    planner: (teamId, context) =>
      new PlannerSync({
        repo: repository(teamId),
        board: new GraphPlannerBoard(graph, context.userId),
        groupId: teamId,
        goalUrl: (goalId) => goalReferenceUrl(context.appId, goalId),
        taskUrl: (taskId) => plannerTaskUrl(context.tenantId ?? 'organizations', taskId),
        texts: plannerTexts,
        members: context.members,
        role: context.role,
        today: context.today,
      }),
  };
}
