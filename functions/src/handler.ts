/**
 * The reminder timer's handler (issue 12): `npm run remind` (src/runner/remind.ts) on a schedule,
 * in Azure Functions. It is a composition layer like scripts/remind.ts: the runner's own argument
 * parsing (`parseRemindArgs`), its one composition root (`createRunner`, `createRunnerTokenSource`)
 * and `remind()`; nothing here decides what is due or posts anything itself.
 *
 * - Settings come from the app settings (process.env in Azure), read at every invocation: a missing
 *   one fails the run with its name before any request is made.
 * - Logs are one line per team with the team's id, its status and counts. Never goal texts, owners'
 *   names or team names: a union's plan and its members are GDPR article 9 data, and a failure's own
 *   text may quote them, so only the runner's fixed explanations are logged (the others are withheld
 *   and named as such).
 * - A late invocation (`isPastDue`, e.g. after the app was down) is logged and runs as usual: the
 *   runner's catch-up rules post each goal's latest reminder once (src/domain/reminders.ts).
 * - Anything failed: the handler throws, so the platform records a failed execution. The timer
 *   trigger does not retry (learn: /azure/azure-functions/functions-bindings-timer, "Retry
 *   behavior"); the next scheduled run picks up what failed, and posts nothing twice.
 *
 * The types below are the part of @azure/functions' `Timer` and `InvocationContext` the handler
 * uses, so this file (and its tests) need no Azure package; functions/src/index.ts hands the
 * handler to `app.timer`, where TypeScript checks it against the real types.
 */
import { UsageError } from '../../src/runner/args';
import { createRunner, GRAPH_V1, type Runner, type RunnerOptions } from '../../src/runner/composition-root';
import { parseRemindArgs, remind, type RemindArgs, type RemindDeps, type RemindSummary, type TeamSummary } from '../../src/runner/remind';
import { createRunnerTokenSource } from '../../src/runner/token-sources';

/** What the handler reads of @azure/functions' `Timer`. */
export interface TimerInfo {
  readonly isPastDue: boolean;
  readonly scheduleStatus?: { readonly last?: string; readonly next?: string } | null;
}

/** What the handler uses of @azure/functions' `InvocationContext`: its log levels. */
export interface InvocationLog {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export type AppSettings = Readonly<Record<string, string | undefined>>;

export interface ReminderTimerDeps {
  /** The app settings (process.env in Azure). Read at each invocation. */
  readonly env: AppSettings;
  /** The clock (default: now). */
  readonly now?: () => Date;
  /** The runners' composition root (default: src/runner/composition-root.ts). */
  readonly createRunner?: (options: RunnerOptions) => Runner;
  /** The runners' token sources (default: src/runner/token-sources.ts). */
  readonly createTokenSource?: typeof createRunnerTokenSource;
  /** fetch for tokens, the Bot Connector and webhooks, and options for Graph's (tests: trust the emulator's CA). */
  readonly fetch?: typeof fetch;
  readonly fetchOptions?: RunnerOptions['fetchOptions'];
  /** The channel's Workflows webhook URLs, for REMIND_VIA=webhook. */
  readonly webhooks?: RemindDeps['webhooks'];
  /** Retries' delay (tests shorten it). */
  readonly retryDelaySeconds?: number;
}

/**
 * The app settings, in the order the README lists them. Each is the runner's option of the same
 * meaning; parseRemindArgs reads most of them itself (GRAPH_URL, TENANT_ID, CLIENT_ID,
 * CERTIFICATE_*, TEAMS_APP_ID, REMIND_VIA, BOT_SERVICE_URL).
 */
export const SETTING_FOR_OPTION: Readonly<Record<string, string>> = {
  '--tenant': 'TENANT_ID',
  '--client-id': 'CLIENT_ID',
  '--certificate': 'CERTIFICATE_PEM or CERTIFICATE_PATH',
  '--thumbprint': 'CERTIFICATE_THUMBPRINT',
  '--app-id': 'TEAMS_APP_ID',
  '--via': 'REMIND_VIA',
  '--graph': 'GRAPH_URL',
  '--service-url': 'BOT_SERVICE_URL',
  '--concurrency': 'REMIND_CONCURRENCY',
  '--teams-per-minute': 'REMIND_TEAMS_PER_MINUTE',
  '--now': 'the clock',
};

/** Thrown for settings that are missing or wrong: the message names them. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/** Settings as given, without empty ones (an app setting that exists but is blank counts as missing). */
function present(env: AppSettings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const trimmed = value?.trim();
    if (trimmed) out[name] = trimmed;
  }
  // A PEM pasted into a setting by hand sometimes arrives with literal "\n" for its line breaks
  // (a Key Vault reference keeps the real ones).
  const pem = out.CERTIFICATE_PEM;
  if (pem && !pem.includes('\n') && pem.includes('\\n')) out.CERTIFICATE_PEM = pem.replaceAll('\\n', '\n');
  return out;
}

/** The settings the run cannot do without, by name; none of them are secrets' values. */
export function missingSettings(env: AppSettings): string[] {
  const settings = present(env);
  const missing = ['TENANT_ID', 'CLIENT_ID', 'TEAMS_APP_ID'].filter((name) => !settings[name]);
  // Microsoft Graph (the default) needs the app's certificate; the local emulator signs the app in without one.
  const graphUrl = settings.GRAPH_URL ?? GRAPH_V1;
  if (graphUrl === GRAPH_V1) {
    if (!settings.CERTIFICATE_PEM && !settings.CERTIFICATE_PATH) missing.push('CERTIFICATE_PEM (or CERTIFICATE_PATH)');
    if (!settings.CERTIFICATE_THUMBPRINT) missing.push('CERTIFICATE_THUMBPRINT');
  }
  return missing;
}

const YES = /^(1|true|yes)$/i;

/**
 * The runner's arguments from the app settings, through the runner's own parser: settings it
 * reads itself go as its `env`; the rest become the options they stand for.
 */
export function remindArgsFromSettings(env: AppSettings, now: Date): RemindArgs {
  const missing = missingSettings(env);
  if (missing.length > 0) throw new SettingsError(`Missing app setting${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (functions/README.md, "App settings").`);
  const settings = present(env);
  const argv = ['--json', '--now', now.toISOString()];
  if (settings.REMIND_CONCURRENCY) argv.push('--concurrency', settings.REMIND_CONCURRENCY);
  if (settings.REMIND_TEAMS_PER_MINUTE) argv.push('--teams-per-minute', settings.REMIND_TEAMS_PER_MINUTE);
  if (settings.REMIND_DRY_RUN && YES.test(settings.REMIND_DRY_RUN)) argv.push('--dry-run');
  try {
    return parseRemindArgs(argv, settings);
  } catch (error) {
    if (error instanceof UsageError) {
      // The runner words its problems as command-line options; here they are app settings.
      const message = error.message.replace(/--[a-z-]+/g, (option) => SETTING_FOR_OPTION[option] ?? option);
      throw new SettingsError(`App settings: ${message}`);
    }
    throw error;
  }
}

/**
 * The runner's explanations for a team, which are fixed texts (with at most Graph's status and
 * error code): safe to log. Any other text (an error's message from Graph, the Bot Connector or a
 * webhook) may quote plan content and is withheld.
 */
const FIXED_PROBLEMS: readonly RegExp[] = [
  /^The team has no plan yet\.$/,
  /^The plan has no reminder channel \(the board picks one in Settings\)\.$/,
  /^The reminder channel has no Workflows webhook URL \(the board adds one in Settings\)\.$/,
  /^Microsoft Graph refused the app \(\d{3} [A-Za-z0-9_.]*\): grant it Sites\.Selected on the team's site and install the app in the team \(docs\/deployment\.md, "Reminders without a user"\)\.$/,
  /^Planner refused the app: this tenant has not granted the application permission Tasks\.ReadWrite\.All\./,
  /^Team [0-9a-f-]{36} has no plan yet\.$/i,
];

export function loggableProblem(problem: string): string {
  return FIXED_PROBLEMS.some((p) => p.test(problem))
    ? problem
    : 'details withheld from the log (they may quote plan content): run `npm run remind -- --team <team id> --json` with these settings to see them; it posts nothing twice';
}

/** One line for a team: its id, status and counts (never its name, goals or people). */
export function teamLine(t: TeamSummary, dryRun: boolean): string {
  const counts = `${dryRun ? 'would post' : 'posted'} ${t.posted} message(s) with ${t.reminders} reminder(s), ${t.skipped} claimed by another run, ${t.recovered} settled from an interrupted run, ${t.failed.length} failed post(s)`;
  const planner = t.planner ? `; Planner ${t.planner.state}, ${t.planner.checkIns} check-in(s)${t.planner.problem ? ` (${loggableProblem(t.planner.problem)})` : ''}` : '';
  const problem = t.problem ? `; ${loggableProblem(t.problem)}` : '';
  return `Team ${t.teamId}: ${t.status} via ${t.via}: ${counts}${planner}${problem}`;
}

export function totalLine(s: RemindSummary): string {
  return `Reminders for ${s.now}${s.dryRun ? ' (dry run: nothing posted)' : ''}: ${s.teams.length} team(s), ${s.posted} message(s) ${s.dryRun ? 'to post' : 'posted'} with ${s.reminders} reminder(s), ${s.skipped} claimed by another run, ${s.failed} failure(s).`;
}

const problemOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The timer's handler: `app.timer('reminders', { schedule: '%REMINDER_SCHEDULE%', handler })`. */
export function createReminderTimerHandler(deps: ReminderTimerDeps): (timer: TimerInfo, context: InvocationLog) => Promise<void> {
  const makeRunner = deps.createRunner ?? createRunner;
  const makeTokenSource = deps.createTokenSource ?? createRunnerTokenSource;
  const retry = deps.retryDelaySeconds !== undefined ? { retryDelaySeconds: deps.retryDelaySeconds } : {};
  const fetchOption = deps.fetch ? { fetch: deps.fetch } : {};

  return async (timer, context) => {
    const now = (deps.now ?? (() => new Date()))();
    if (timer.isPastDue) {
      const last = timer.scheduleStatus?.last ? ` (last run scheduled ${timer.scheduleStatus.last})` : '';
      context.warn(`The reminder timer is past due${last}: running now; the catch-up rules post each goal's latest reminder, once.`);
    }
    let args: RemindArgs;
    try {
      args = remindArgsFromSettings(deps.env, now);
    } catch (error) {
      context.error(problemOf(error));
      throw error;
    }

    let summary: RemindSummary;
    try {
      const getToken = await makeTokenSource(args.auth, (message) => context.warn(message), deps.fetch ?? globalThis.fetch.bind(globalThis));
      const runner = makeRunner({ graphUrl: args.graphUrl, getToken, ...fetchOption, ...(deps.fetchOptions ? { fetchOptions: deps.fetchOptions } : {}), ...retry });
      summary = await remind(args, { runner, getToken, ...fetchOption, ...(deps.webhooks ? { webhooks: deps.webhooks } : {}), ...retry });
    } catch (error) {
      // Signing in, listing the teams or their installations failed: no team was visited. These
      // errors come before any plan is read, so their text holds no plan content.
      context.error(`The reminder run failed before visiting the teams: ${problemOf(error)}`);
      throw error;
    }

    for (const team of summary.teams) {
      const line = teamLine(team, summary.dryRun);
      if (team.status === 'failed') context.error(line);
      else if (team.status === 'skipped') context.warn(line);
      else context.log(line);
    }
    context.log(totalLine(summary));
    const failed = summary.teams.filter((t) => t.status === 'failed');
    if (failed.length > 0) {
      throw new Error(`Reminders failed for ${failed.length} of ${summary.teams.length} team(s): ${failed.map((t) => t.teamId).join(', ')}. The next run retries them and posts nothing twice.`);
    }
  };
}
