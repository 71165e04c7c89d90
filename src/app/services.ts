/**
 * Composition root for services: creates the one Graph client, then the adapters behind the
 * domain ports. The only place that knows which adapter implements which port.
 *
 * Only what the first screen needs is imported here (the Graph client, the plan's repository, the
 * directory). Every other adapter (Planner, reminders with their Adaptive Cards, channel webhooks,
 * the roster, the import writer, the team's files) is loaded by import() on its first use
 * (on-demand.ts), so that the tab's first download does not carry their code.
 */
import { createGraphClient, type TokenSource } from '../graph/client';
import { SharePointPlanRepository } from '../adapters/sharepoint/plan-repository';
import { SharePointRest } from '../adapters/sharepoint/sharepoint-rest';
import { GraphDirectory } from '../adapters/teams/graph-directory';
import type { PersonRef } from '../domain/plan';
import type { PlannerPort } from '../domain/planner-port';
import type { PlanImporter } from '../domain/plan-import';
import type { ReminderPort } from '../domain/reminder-port';
import type { ChannelWebhooks } from '../domain/channel-webhooks';
import type { RosterPort } from '../domain/roster-port';
import type { TeamFilesPort } from '../domain/files-port';
import { GRAPH_SCOPES } from '../auth/graph-scopes';
import { SignInError } from '../auth/sign-in-error';
import type { PlanRepository } from '../domain/ports';
import type { Services, Session } from '../lib/services';
import type { AppConfig } from './config';
import { onDemand } from './on-demand';

export function createServices(config: AppConfig, getToken: TokenSource, session: Session): Services {
  const graph = createGraphClient({ baseUrl: config.graphBaseUrl, getToken, scopes: GRAPH_SCOPES });
  const repositories = new Map<string, PlanRepository>();
  const directory = new GraphDirectory(graph);
  const planRepository = (teamId: string): PlanRepository => {
    let repo = repositories.get(teamId);
    if (!repo) {
      repo = new SharePointPlanRepository(graph, teamId, { sharePoint: (webUrl) => new SharePointRest({ webUrl, getToken }) });
      repositories.set(teamId, repo);
    }
    return repo;
  };
  let me: Promise<PersonRef> | null = null;
  const planner = (teamId: string, context: Parameters<Services['planner']>[1]): PlannerPort =>
    onDemand<PlannerPort>(
      async () => {
        const [{ GraphPlannerBoard }, { PlannerSync }, { goalReferenceUrl, plannerTaskUrl }, { plannerTexts }] = await Promise.all([
          import('../adapters/planner/planner-board'),
          import('../adapters/planner/planner-sync'),
          import('../adapters/planner/planner-resources'),
          import('../i18n/planner-texts'),
        ]);
        // The board recognises the user's own tasks by their Entra id (a create whose answer was lost).
        me ??= directory.me();
        const user = await me;
        return new PlannerSync({
          repo: planRepository(teamId),
          board: new GraphPlannerBoard(graph, user.id),
          groupId: teamId,
          goalUrl: (goalId) => goalReferenceUrl(config.teamsAppId, goalId),
          taskUrl: (taskId) => plannerTaskUrl(session.tenantId ?? 'organizations', taskId),
          texts: plannerTexts,
          members: context.members,
          role: context.role,
          today: session.today(),
        });
      },
      { preview: true, createTasks: true, sync: true, resolve: true, tasksOf: true, deleteTasksOf: true, addActivity: true },
    );
  return {
    session,
    directory,
    planRepository,
    planImporter: (teamId) =>
      onDemand<PlanImporter>(async () => new (await import('../adapters/sharepoint/plan-import')).SharePointPlanImporter(graph, teamId), { importPlan: true }),
    planner,
    reminders: (teamId) =>
      onDemand<ReminderPort>(
        async () => {
          const [{ ReminderService }, { SharePointReminderLedger }, { GraphChannelPoster }, { GraphPlannerBoard }, { plannerTaskStates }] = await Promise.all([
            import('../adapters/reminders/reminder-service'),
            import('../adapters/sharepoint/reminder-ledger'),
            import('../adapters/teams/channel-poster'),
            import('../adapters/planner/planner-board'),
            import('../adapters/planner/planner-task-states'),
          ]);
          return new ReminderService({
            teamId,
            ledger: new SharePointReminderLedger(graph, teamId),
            poster: new GraphChannelPoster(graph),
            // Cards carry links into this tab: the goal, and the check-in on 'My goals'.
            goalLink: (goalId) => session.deepLink(`goal:${goalId}`, ''),
            reportLink: (goalId) => session.deepLink(`checkin:${goalId}`, ''),
            tasks: async (snapshot) => {
              const binding = snapshot.plan.planner;
              if (!binding) return [];
              const board = new GraphPlannerBoard(graph, (await (me ??= directory.me())).id);
              return plannerTaskStates(snapshot.goals, await board.tasks(binding.planId));
            },
          });
        },
        { preview: true, send: true },
      ),
    // A URL is written only once its list is the board's alone, set through SharePoint REST.
    channelWebhooks: (teamId) =>
      onDemand<ChannelWebhooks>(
        async () =>
          new (await import('../adapters/sharepoint/channel-webhooks')).SharePointChannelWebhooks(graph, teamId, undefined, {
            sharePoint: (webUrl) => new SharePointRest({ webUrl, getToken }),
          }),
        { urlFor: true, list: true, get: true, set: true, remove: true },
      ),
    roster: (teamId) =>
      onDemand<RosterPort>(async () => new (await import('../adapters/sharepoint/roster-repository')).SharePointRosterRepository(graph, teamId, directory), {
        refresh: true,
        add: true,
        update: true,
        setMark: true,
        confirmOwn: true,
        saveSteps: true,
        importRoster: true,
        invite: true,
      }),
    // Loaded with the Reports view's first use, so the first screens do not carry it.
    teamFiles: (teamId) =>
      onDemand<TeamFilesPort>(async () => new (await import('../adapters/files/graph-team-files')).GraphTeamFiles(graph, teamId), {
        channelFolder: true,
        list: true,
        upload: true,
      }),
  };
}

export type SignedInUser = { userPrincipalName?: string; loginHint?: string; tenantId?: string };

/**
 * A token source that can be handed out at once, while sign-in is still being set up (its code
 * downloading, MSAL's nested app authentication agreeing with the host): each token request waits
 * for `ready`. The tab can then render what it has cached and queue its first Graph reads without
 * waiting for sign-in (issue 16). A sign-in that cannot be set up fails every token request with
 * its error as a SignInError, which the views show as a failed sign-in, instead of leaving the tab
 * blank.
 */
export function deferredTokenSource(ready: Promise<TokenSource>): TokenSource {
  ready.catch(() => undefined); // surfaced by each token request, not as an unhandled rejection
  return async (scopes) => {
    try {
      return await (await ready)(scopes);
    } catch (error) {
      throw error instanceof SignInError ? error : new SignInError(error);
    }
  };
}

/**
 * Loads sign-in's code (MSAL in a tenant build, the emulator's dev tokens otherwise) and gives the
 * function that makes the user's token source. main.tsx calls it before the host handshake, so the
 * code downloads while the host answers.
 */
export async function loadTokenSource(config: AppConfig): Promise<(user: SignedInUser) => Promise<TokenSource>> {
  if (import.meta.env.VITE_AUTH_MODE === 'dev') {
    // Local emulator sign-in; removed from production builds by the constant condition above.
    const { createDevTokenSource } = await import('../auth/dev-token-source');
    return async (user) => createDevTokenSource(user.userPrincipalName ?? user.loginHint ?? '');
  }
  const { createMsalTokenSource } = await import('../auth/msal-token-source');
  return (user) => {
    const authority = user.tenantId && config.authority.endsWith('/organizations')
      ? config.authority.replace(/organizations$/, user.tenantId)
      : config.authority;
    return createMsalTokenSource({ clientId: config.clientId, authority, loginHint: user.loginHint ?? user.userPrincipalName });
  };
}
