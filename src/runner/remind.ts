/**
 * `npm run remind`: the unattended reminder runner (issue 12), for any scheduler (cron, a Windows
 * task, the Azure Functions timer app in functions/). For each team that installed the app (or the
 * one `--team` names): the Planner sync first (so what happened in Planner counts), then the plan's
 * due reminders posted to its reminder channel, each exactly once (the reminder ledger: a second
 * runner at the same time, a rerun the same day or the tab's 'Send now' post nothing twice; a run
 * after days of downtime catches up in one digest, domain/reminders.ts).
 *
 * It runs on the app's own identity, never a person's, so reminders keep coming after the board
 * member who set them up has left:
 * - Graph app-only: `Sites.Selected` with a grant on each union's site (lists and the ledger),
 *   `Team.ReadBasic.All` (which teams exist), and the resource-specific permissions the app package
 *   asks for when a team installs it (`TeamsAppInstallation.Read.Group`: is the app here;
 *   `TeamMember.Read.Group`; `ChannelMessage.Read.Group`: find a post whose answer was lost);
 *   `Tasks.ReadWrite.All` only for the Planner sync (optional: refused, the sync is skipped and said so);
 * - posting `--via bot` (default): the app's bot through the Bot Connector (client credentials,
 *   adapters/teams/bot-connector-poster.ts); `--via webhook`: the channel's Workflows webhook URL
 *   the board stored in Settings (adapters/teams/workflow-poster.ts).
 *
 * Sign-in: `--tenant --client-id --certificate --thumbprint` (app-only needs a certificate for
 * SharePoint; the same app registration is the bot's), or, against the local emulator (`--graph`
 * other than Microsoft Graph), the emulator's stand-in for client credentials with no options.
 *
 * Output: a line per team, or with `--json` one summary object on stdout. Exit status: 0 when
 * nothing failed, 1 when anything failed, 2 on usage errors.
 */
import { GraphPlannerBoard } from '../adapters/planner/planner-board';
import { tabEntityLink } from '../adapters/planner/planner-resources';
import { refreshRollout, type RolloutRefresh } from './rollout';
import { plannerTaskStates } from '../adapters/planner/planner-task-states';
import { ReminderService } from '../adapters/reminders/reminder-service';
import { SharePointChannelWebhooks } from '../adapters/sharepoint/channel-webhooks';
import { SharePointReminderLedger } from '../adapters/sharepoint/reminder-ledger';
import { BotConnectorPoster, PUBLIC_SERVICE_URL } from '../adapters/teams/bot-connector-poster';
import { WorkflowPoster, type ChannelWebhookUrls } from '../adapters/teams/workflow-poster';
import type { PlanSnapshot } from '../domain/plan';
import { osloClock } from '../domain/reminders';
import { ensureOk, mapBounded, type GraphApi } from '../graph/client';
import { GraphRequestError } from '../graph/errors';
import { withQuery } from '../graph/odata';
import { parseOptions, UsageError } from './args';
import { createRunner, GRAPH_V1, type Runner, type RunnerOptions } from './composition-root';
import { syncTeam, type SyncOutcome } from './sync';
import { createRunnerTokenSource, type RunnerAuth } from './token-sources';

export type Via = 'bot' | 'webhook';

export interface RemindArgs {
  readonly graphUrl: string;
  readonly auth: RunnerAuth;
  readonly now: Date;
  /** A team's id or display name; null: every team that installed the app. */
  readonly team: string | null;
  readonly via: Via;
  readonly dryRun: boolean;
  readonly json: boolean;
  /** The Teams app id (manifest id): installations are found by it, deep links built with it. */
  readonly appId: string;
  /** The bot's Microsoft App ID (the client id: one app registration is the runner and the bot). */
  readonly botId: string;
  readonly serviceUrl: string;
  readonly concurrency: number;
  /** Teams started per minute at most (0: no pacing), so that a national run stays inside SharePoint's per-minute budget. */
  readonly teamsPerMinute: number;
  readonly skipPlanner: boolean;
}

export const USAGE = `Usage: npm run remind -- [--team <name or id>] [--now <ISO-8601>] [--via bot|webhook] [--dry-run] [--json]
  [--graph <Graph URL>] [--app-id <Teams app id>] [--service-url <Bot Connector URL>] [--concurrency <n>] [--teams-per-minute <n>] [--skip-planner]
  --tenant <tenant id> --client-id <app id> --certificate <private key .pem> --thumbprint <SHA-256>
  (against the local emulator, --graph https://localhost:4010/v1.0 alone signs in as the demo app)`;

const OPTIONS = ['--graph', '--now', '--team', '--via', '--tenant', '--client-id', '--certificate', '--thumbprint', '--app-id', '--service-url', '--login', '--concurrency', '--teams-per-minute'];

/**
 * Default pace of a run over many teams. A team costs about 30 SharePoint resource units to read and
 * 4 more per reminder (claim and mark sent: 2 RU per write); an app in a tenant of up to 1,000
 * licences may spend 1,200 RU a minute (learn: /sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 * 20 teams a minute with three reminders each is ≈ 840 RU a minute: 400 unions in 20 minutes.
 */
export const DEFAULT_TEAMS_PER_MINUTE = 20;
const FLAGS = ['--dry-run', '--json', '--skip-planner'];

/** Defaults a script supplies for the local emulator (its demo app and tenant), never used for Microsoft Graph. */
export interface EmulatorDefaults {
  readonly clientId: string;
  readonly tenantId: string;
  readonly appId: string;
}

export function parseRemindArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, emulator?: EmulatorDefaults): RemindArgs {
  const { values, flags } = parseOptions(argv, OPTIONS, FLAGS);
  const graphUrl = values.get('--graph') ?? env.GRAPH_URL ?? GRAPH_V1;
  const local = graphUrl !== GRAPH_V1;
  const nowText = values.get('--now');
  const now = nowText ? new Date(nowText) : new Date();
  if (nowText && (!/^\d{4}-\d{2}-\d{2}T/.test(nowText) || Number.isNaN(now.getTime()))) throw new UsageError(`--now takes an ISO-8601 instant such as 2026-03-02T08:00:00Z, not ${nowText}`);
  const via = values.get('--via') ?? env.REMIND_VIA ?? 'bot';
  if (via !== 'bot' && via !== 'webhook') throw new UsageError(`--via is bot or webhook, not ${via}`);
  const concurrency = Number(values.get('--concurrency') ?? '4');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new UsageError('--concurrency is a whole number from 1 to 16');
  const teamsPerMinute = Number(values.get('--teams-per-minute') ?? env.REMIND_TEAMS_PER_MINUTE ?? DEFAULT_TEAMS_PER_MINUTE);
  if (!Number.isInteger(teamsPerMinute) || teamsPerMinute < 0) throw new UsageError('--teams-per-minute is a whole number (0: no pacing)');
  const tenantId = values.get('--tenant') ?? env.TENANT_ID ?? (local ? emulator?.tenantId : undefined);
  const clientId = values.get('--client-id') ?? env.CLIENT_ID ?? (local ? emulator?.clientId : undefined);
  const certificatePath = values.get('--certificate') ?? env.CERTIFICATE_PATH;
  const thumbprintSha256 = values.get('--thumbprint') ?? env.CERTIFICATE_THUMBPRINT;
  if (!tenantId || !clientId) throw new UsageError('Sign in as the app: --tenant and --client-id (with --certificate and --thumbprint)');
  let auth: RunnerAuth;
  const privateKeyPem = env.CERTIFICATE_PEM;
  if ((certificatePath || privateKeyPem) && thumbprintSha256) {
    auth = { kind: 'certificate', tenantId, clientId, thumbprintSha256, ...(certificatePath ? { certificatePath } : { privateKeyPem: privateKeyPem as string }) };
  }
  else if (local) auth = { kind: 'emulatorApp', loginUrl: values.get('--login') ?? new URL(graphUrl).origin, tenantId, clientId };
  else throw new UsageError('The runner signs in as the app: give --certificate and --thumbprint (app-only access to SharePoint needs a certificate)');
  const appId = values.get('--app-id') ?? env.TEAMS_APP_ID ?? (local ? emulator?.appId : undefined) ?? '';
  if (!appId) throw new UsageError('--app-id (the Teams app id of the app package) is required: installations are found by it');
  return {
    graphUrl,
    auth,
    now,
    team: values.get('--team') ?? null,
    via,
    dryRun: flags.has('--dry-run'),
    json: flags.has('--json'),
    appId,
    botId: clientId,
    serviceUrl: values.get('--service-url') ?? env.BOT_SERVICE_URL ?? (local ? `${new URL(graphUrl).origin}/botframework/` : PUBLIC_SERVICE_URL),
    concurrency,
    teamsPerMinute,
    skipPlanner: flags.has('--skip-planner'),
  };
}

export interface TeamRef {
  readonly id: string;
  readonly displayName: string;
}

export type TeamStatus = 'sent' | 'nothingDue' | 'skipped' | 'failed' | 'dryRun';

export interface TeamSummary {
  readonly teamId: string;
  readonly teamName: string;
  readonly channelId: string | null;
  readonly via: Via;
  readonly status: TeamStatus;
  /** Messages posted (or, on a dry run, that would be). */
  readonly posted: number;
  /** Reminders those messages carry. */
  readonly reminders: number;
  /** Reminders another run claimed first. */
  readonly skipped: number;
  /** Claims of interrupted runs settled. */
  readonly recovered: number;
  readonly failed: ReadonlyArray<{ readonly goalIds: readonly string[]; readonly error: string }>;
  /** Why nothing was posted (no plan, no channel, no webhook, no access), in words for an administrator. */
  readonly problem: string | null;
  readonly planner: { readonly state: string; readonly checkIns: number; readonly problem: string | null } | null;
  /** The Org365 rollout's refresh (rollout.ts): null when the team keeps no roster. */
  readonly rollout?: RolloutRefresh | null;
  /** Dry run: the cards that would be posted (their summaries). */
  readonly preview?: readonly string[];
}

export interface RemindSummary {
  readonly now: string;
  readonly via: Via;
  readonly dryRun: boolean;
  readonly posted: number;
  readonly reminders: number;
  readonly skipped: number;
  readonly failed: number;
  readonly teams: readonly TeamSummary[];
}

export interface RemindDeps {
  readonly runner: Runner;
  /** The Bot Connector's token (client credentials) and fetch for the Connector and webhooks. */
  readonly getToken: RunnerOptions['getToken'];
  readonly fetch?: typeof fetch;
  /** The channel's Workflows webhook URL (default: the board's setting in the team site's 'Kanalvarsler' list). */
  readonly webhooks?: (graph: GraphApi, teamId: string) => ChannelWebhookUrls;
  /** Bot Connector and webhook retries (tests shorten them). */
  readonly retryDelaySeconds?: number;
}

const webhooksOf = (deps: RemindDeps) => deps.webhooks ?? ((graph: GraphApi, teamId: string) => new SharePointChannelWebhooks(graph, teamId));

const problemOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Teams that installed the app: every team the app may list (Team.ReadBasic.All), then each team's
 * installed apps (resource-specific TeamsAppInstallation.Read.Group), 20 teams to a `$batch`
 * request (learn: /graph/api/team-list-installedapps, `$expand=teamsApp` and a `$filter` on
 * `teamsApp/externalId`). A team where the app is not installed grants it nothing: 403 (or 404).
 */
export async function installedTeams(graph: GraphApi, appId: string): Promise<TeamRef[]> {
  const teams = await graph.getAll<TeamRef>('/teams?$select=id,displayName');
  const results = await graph.batch(
    teams.map((team, i) => ({
      id: String(i),
      method: 'GET' as const,
      url: withQuery(`/teams/${encodeURIComponent(team.id)}/installedApps`, { expand: 'teamsApp', filter: `teamsApp/externalId eq '${appId.replaceAll("'", "''")}'` }),
    })),
  );
  return teams.filter((_, i) => {
    const result = results.get(String(i));
    if (result && (result.status === 403 || result.status === 404)) return false;
    return ensureOk<{ value: unknown[] }>(result).value.length > 0;
  });
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolveTeam(graph: GraphApi, team: string): Promise<TeamRef> {
  if (GUID.test(team)) {
    const found = await graph.get<TeamRef>(`/teams/${encodeURIComponent(team)}?$select=id,displayName`);
    return { id: found.id, displayName: found.displayName };
  }
  const teams = await graph.getAll<TeamRef>('/teams?$select=id,displayName');
  const matches = teams.filter((t) => t.displayName.localeCompare(team, 'nb', { sensitivity: 'base' }) === 0);
  if (matches.length === 1) return matches[0] as TeamRef;
  throw new UsageError(matches.length === 0 ? `No team is called ${team}` : `${matches.length} teams are called ${team}: give the team's id`);
}

function posterFor(args: RemindArgs, deps: RemindDeps, tenantId: string, teamId: string): BotConnectorPoster | WorkflowPoster {
  const graph = deps.runner.graph;
  const retry = deps.retryDelaySeconds !== undefined ? { retry: { retryDelaySeconds: deps.retryDelaySeconds } } : {};
  const fetchOption = deps.fetch ? { fetch: deps.fetch } : {};
  if (args.via === 'bot') return new BotConnectorPoster({ botId: args.botId, tenantId, graph, getToken: deps.getToken, serviceUrl: args.serviceUrl, ...fetchOption, ...retry });
  return new WorkflowPoster({ webhooks: webhooksOf(deps)(graph, teamId), graph, ...fetchOption, ...retry });
}

function accessProblem(error: unknown): string {
  if (error instanceof GraphRequestError && (error.status === 401 || error.status === 403)) {
    return `Microsoft Graph refused the app (${error.status} ${error.code}): grant it Sites.Selected on the team's site and install the app in the team (docs/deployment.md, "Reminders without a user").`;
  }
  return problemOf(error);
}

export async function remindTeam(args: RemindArgs, deps: RemindDeps, team: TeamRef): Promise<TeamSummary> {
  const { runner } = deps;
  const tenantId = 'tenantId' in args.auth ? args.auth.tenantId : '';
  const base = { teamId: team.id, teamName: team.displayName, via: args.via, posted: 0, reminders: 0, skipped: 0, recovered: 0, failed: [] as TeamSummary['failed'], planner: null };
  const day = osloClock(args.now).day;
  let snapshot: PlanSnapshot | null;
  try {
    snapshot = await runner.repository(team.id).load();
  } catch (error) {
    return { ...base, channelId: null, status: 'failed', problem: accessProblem(error) };
  }
  if (!snapshot) return { ...base, channelId: null, status: 'skipped', problem: 'The team has no plan yet.' };
  const channelId = snapshot.plan.reminderChannelId ?? null;
  if (!channelId) return { ...base, channelId, status: 'skipped', problem: 'The plan has no reminder channel (the board picks one in Settings).' };

  // The Planner sync first: check-ins made in Planner count before anyone is nudged.
  let planner: TeamSummary['planner'] = null;
  if (snapshot.plan.planner && !args.skipPlanner && !args.dryRun) {
    let outcome: SyncOutcome;
    try {
      outcome = await syncTeam(runner, { teamId: team.id, appId: args.appId, appOnly: true, snapshot, ...(tenantId ? { tenantId } : {}) }, day);
    } catch (error) {
      outcome = { report: null, problem: problemOf(error) };
    }
    planner = { state: outcome.report?.state ?? 'notSynced', checkIns: outcome.report?.checkIns ?? 0, problem: outcome.problem };
    if ((outcome.report?.checkIns ?? 0) > 0 || (outcome.report?.goalsUpdated ?? 0) > 0) snapshot = (await runner.repository(team.id).load()) ?? snapshot;
  }

  // The roster next: goals measured by it are current before reminders speak of them.
  const refreshed = await refreshRollout(runner, team.id, snapshot, day, !args.dryRun);
  snapshot = refreshed.snapshot;
  const rollout = refreshed.report;

  let poster: BotConnectorPoster | WorkflowPoster;
  try {
    poster = posterFor(args, deps, tenantId, team.id);
    // The poster reads the channel's URL once and keeps it for the posts below.
    if (poster instanceof WorkflowPoster && !(await poster.hasWebhook(channelId))) {
      return { ...base, channelId, planner, rollout, status: 'skipped', problem: 'The reminder channel has no Workflows webhook URL (the board adds one in Settings).' };
    }
  } catch (error) {
    return { ...base, channelId, planner, rollout, status: 'failed', problem: accessProblem(error) };
  }
  const link = (view: string) => (goalId: string) => tabEntityLink(args.appId, `${view}:${goalId}`);
  const service = new ReminderService({
    teamId: team.id,
    ledger: new SharePointReminderLedger(runner.graph, team.id),
    poster,
    goalLink: link('goal'),
    reportLink: link('checkin'),
    tasks: async (s) => (s.plan.planner ? plannerTaskStates(s.goals, await new GraphPlannerBoard(runner.graph, '').tasks(s.plan.planner.planId)) : []),
  });
  try {
    if (args.dryRun) {
      const preview = await service.preview(snapshot, args.now, { manual: false });
      const reminders = preview.cards.reduce((n, c) => n + c.keys.length, 0);
      const summaries = preview.cards.map((c) => c.summary);
      return { ...base, channelId, planner, rollout, status: 'dryRun', posted: preview.cards.length, reminders, problem: null, preview: summaries };
    }
    const report = await service.send(snapshot, args.now);
    const failed = report.failed.map((f) => ({ goalIds: f.goalIds, error: problemOf(f.error) }));
    const status: TeamStatus = failed.length > 0 ? 'failed' : report.posted > 0 ? 'sent' : 'nothingDue';
    return { ...base, channelId, planner, rollout, status, posted: report.posted, reminders: report.reminders, skipped: report.skipped, recovered: report.recovered, failed, problem: null };
  } catch (error) {
    return { ...base, channelId, planner, rollout, status: 'failed', problem: accessProblem(error) };
  }
}

/** When the i-th team may start, in milliseconds after the run's start: `teamsPerMinute` a minute at most (0: at once). */
export function teamStartOffset(index: number, teamsPerMinute: number): number {
  return teamsPerMinute > 0 ? Math.round((index * 60_000) / teamsPerMinute) : 0;
}

export async function remind(args: RemindArgs, deps: RemindDeps): Promise<RemindSummary> {
  const teams = args.team ? [await resolveTeam(deps.runner.graph, args.team)] : await installedTeams(deps.runner.graph, args.appId);
  const started = Date.now();
  // At most `concurrency` teams at once, and no more than `teamsPerMinute` started a minute.
  const results = await mapBounded(teams, args.concurrency, async (team, i) => {
    const wait = started + teamStartOffset(i, args.teamsPerMinute) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return remindTeam(args, deps, team);
  });
  const sum = (f: (t: TeamSummary) => number) => results.reduce((n, t) => n + f(t), 0);
  return {
    now: args.now.toISOString(),
    via: args.via,
    dryRun: args.dryRun,
    posted: sum((t) => t.posted),
    reminders: sum((t) => t.reminders),
    skipped: sum((t) => t.skipped),
    failed: sum((t) => (t.status === 'failed' ? Math.max(1, t.failed.length) : 0)),
    teams: results,
  };
}

export function formatRemindSummary(summary: RemindSummary): string {
  const lines = [`Reminders for ${summary.now} via ${summary.via}${summary.dryRun ? ' (dry run: nothing posted)' : ''}: ${summary.teams.length} team(s).`];
  for (const t of summary.teams) {
    const what = summary.dryRun ? `would post ${t.posted} message(s) with ${t.reminders} reminder(s)` : `posted ${t.posted} message(s) with ${t.reminders} reminder(s)`;
    lines.push(`  ${t.teamName} (${t.teamId}): ${t.status}${t.problem ? ` — ${t.problem}` : `: ${what}`}${t.skipped ? `; ${t.skipped} claimed by another run` : ''}${t.recovered ? `; ${t.recovered} left by an interrupted run settled` : ''}`);
    if (t.rollout) lines.push(`    Org365 rollout: ${t.rollout.representatives} representative(s) updated, ${t.rollout.goals} measured goal(s) updated${t.rollout.problem ? ` — ${t.rollout.problem}` : ''}`);
    if (t.planner) lines.push(`    Planner: ${t.planner.state}${t.planner.checkIns ? `, ${t.planner.checkIns} check-in(s) from Planner` : ''}${t.planner.problem ? ` — ${t.planner.problem}` : ''}`);
    for (const p of t.preview ?? []) lines.push(`    · ${p}`);
    for (const f of t.failed) lines.push(`    failed (goals ${f.goalIds.join(', ')}): ${f.error}`);
  }
  lines.push(
    summary.dryRun
      ? `Total: would post ${summary.posted} message(s) with ${summary.reminders} reminder(s).`
      : `Total: ${summary.posted} posted, ${summary.reminders} reminder(s), ${summary.skipped} skipped, ${summary.failed} failed.`,
  );
  return lines.join('\n');
}

export interface RemindIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
  readonly fetchOptions?: RunnerOptions['fetchOptions'];
  readonly emulator?: EmulatorDefaults;
  readonly webhooks?: RemindDeps['webhooks'];
  readonly retryDelaySeconds?: number;
}

/** The command: parse, sign in, run, print; the exit status. */
export async function runRemind(argv: readonly string[], io: RemindIo): Promise<number> {
  let args: RemindArgs;
  try {
    args = parseRemindArgs(argv, io.env ?? {}, io.emulator);
  } catch (err) {
    io.err(`${problemOf(err)}\n${USAGE}`);
    return 2;
  }
  try {
    const getToken = await createRunnerTokenSource(args.auth, io.err, io.fetch);
    const runner = createRunner({
      graphUrl: args.graphUrl,
      getToken,
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(io.fetchOptions ? { fetchOptions: io.fetchOptions } : {}),
      ...(io.retryDelaySeconds !== undefined ? { retryDelaySeconds: io.retryDelaySeconds } : {}),
    });
    const summary = await remind(args, {
      runner,
      getToken,
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(io.webhooks ? { webhooks: io.webhooks } : {}),
      ...(io.retryDelaySeconds !== undefined ? { retryDelaySeconds: io.retryDelaySeconds } : {}),
    });
    io.out(args.json ? JSON.stringify(summary) : formatRemindSummary(summary));
    return summary.failed > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${USAGE}`);
      return 2;
    }
    io.err(`remind failed: ${problemOf(err)}`);
    return 1;
  }
}
