/**
 * Composition root for services: creates the one Graph client, then the adapters behind the
 * domain ports. The only place that knows which adapter implements which port.
 */
import { createGraphClient, type TokenSource } from '../graph/client';
import { SharePointPlanRepository } from '../adapters/sharepoint/plan-repository';
import { SharePointPlanImporter } from '../adapters/sharepoint/plan-import';
import { SharePointRest } from '../adapters/sharepoint/sharepoint-rest';
import { GraphDirectory } from '../adapters/teams/graph-directory';
import { GraphPlannerBoard } from '../adapters/planner/planner-board';
import { goalReferenceUrl, plannerTaskUrl } from '../adapters/planner/planner-resources';
import { PlannerSync } from '../adapters/planner/planner-sync';
import { ReminderService } from '../adapters/reminders/reminder-service';
import { SharePointReminderLedger } from '../adapters/sharepoint/reminder-ledger';
import { SharePointChannelWebhooks } from '../adapters/sharepoint/channel-webhooks';
import { SharePointRosterRepository } from '../adapters/sharepoint/roster-repository';
import { GraphChannelPoster } from '../adapters/teams/channel-poster';
import { plannerTaskStates } from '../adapters/planner/planner-task-states';
import type { PersonRef } from '../domain/plan';
import type { PlannerPort } from '../domain/planner-port';
import { plannerTexts } from '../i18n/planner-texts';
import { GRAPH_SCOPES } from '../auth/graph-scopes';
import type { PlanRepository } from '../domain/ports';
import type { Services, Session } from '../lib/services';
import type { AppConfig } from './config';

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
  const planner = (teamId: string, context: Parameters<Services['planner']>[1]): PlannerPort => {
    // The board recognises the user's own tasks by their Entra id (a create whose answer was lost).
    const sync = async () => {
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
    };
    return {
      preview: async (snapshot, goalIds, owners) => (await sync()).preview(snapshot, goalIds, owners),
      createTasks: async (snapshot, goalIds, owners, options) => (await sync()).createTasks(snapshot, goalIds, owners, options),
      sync: async (snapshot) => (await sync()).sync(snapshot),
      resolve: async (goal, taskId, field, keep) => (await sync()).resolve(goal, taskId, field, keep),
      tasksOf: async (goal, binding) => (await sync()).tasksOf(goal, binding),
      deleteTasksOf: async (goal, binding) => (await sync()).deleteTasksOf(goal, binding),
      addActivity: async (goal, binding, activity) => (await sync()).addActivity(goal, binding, activity),
    };
  };
  return {
    session,
    directory,
    planRepository,
    planImporter: (teamId) => new SharePointPlanImporter(graph, teamId),
    planner,
    reminders: (teamId) =>
      new ReminderService({
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
      }),
    // A URL is written only once its list is the board's alone, set through SharePoint REST.
    channelWebhooks: (teamId) => new SharePointChannelWebhooks(graph, teamId, undefined, { sharePoint: (webUrl) => new SharePointRest({ webUrl, getToken }) }),
    roster: (teamId) => new SharePointRosterRepository(graph, teamId, directory),
    // Loaded with the Reports view's first use, so the first screens do not carry it.
    teamFiles: (teamId) => {
      const files = import('../adapters/files/graph-team-files').then((m) => new m.GraphTeamFiles(graph, teamId));
      return {
        channelFolder: async (channelId) => (await files).channelFolder(channelId),
        list: async (folder) => (await files).list(folder),
        upload: async (folder, name, content, contentType) => (await files).upload(folder, name, content, contentType),
      };
    },
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
