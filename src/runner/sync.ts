/**
 * `npm run sync -- --team <team id> [options]`: one sync of a team's plan with its Planner board,
 * unattended (issue 11; the reminders runner will run it on a schedule). The same sync the tab runs
 * when it opens: what happened in Planner becomes check-ins, once; the plan's edits go to the
 * tasks; conflicts are reported, never decided here. Planner has no change notifications for apps,
 * so this is how a plan keeps up when nobody opens the tab.
 *
 * Sign-in as for `npm run provision`: device code (delegated: a board member), a certificate
 * (app-only: needs the application permission Tasks.ReadWrite.All, which the tenant may not grant;
 * the runner says so when Planner refuses), or `--as <upn>` against the local emulator.
 * `--app-id` is the Teams app id the tab is configured with: the tasks' reference back to their goal
 * (their key) is built from it, so it must be the tab's. Exit status: 0 synced, 1 not synced or with
 * failures, 2 on usage errors.
 */
import { localDayOf } from '../domain/calendar';
import type { PlanSnapshot } from '../domain/plan';
import type { SyncReport } from '../domain/planner-port';
import type { TeamMember, TeamRole } from '../domain/ports';
import { GraphRequestError } from '../graph/errors';
import { parseOptions, signInOf, SIGN_IN_OPTIONS, SIGN_IN_USAGE, UsageError } from './args';
import { createRunner, type Runner } from './composition-root';
import { createRunnerTokenSource, isAppOnly, type RunnerAuth } from './token-sources';

export interface SyncArgs {
  readonly teamId: string;
  readonly appId: string;
  readonly graphUrl: string;
  readonly auth: RunnerAuth;
}

export const USAGE = `Usage: npm run sync -- --team <team id> [--app-id <Teams app id of the tab>]
  ${SIGN_IN_USAGE}`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseSyncArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): SyncArgs {
  const { values } = parseOptions(argv, ['--team', '--app-id', ...SIGN_IN_OPTIONS]);
  const teamId = values.get('--team');
  if (!teamId) throw new UsageError('--team is required');
  if (!GUID.test(teamId)) throw new UsageError(`--team takes the team's id (a GUID), not ${teamId}`);
  return { teamId, appId: values.get('--app-id') ?? env.TEAMS_APP_ID ?? '', ...signInOf(values) };
}

export interface SyncOutcome {
  readonly report: SyncReport | null;
  /** Why the sync could not run, in words for an administrator. */
  readonly problem: string | null;
}

/** The runner's role: app-only acts for the board; a signed-in person as the team says they are. */
async function roleOf(runner: Runner, members: readonly TeamMember[], appOnly: boolean): Promise<{ role: TeamRole; userId: string }> {
  if (appOnly) return { role: 'board', userId: '' };
  const me = await runner.directory.me();
  return { role: members.find((m) => m.id === me.id)?.role ?? 'steward', userId: me.id };
}

export async function syncTeam(
  runner: Runner,
  args: Pick<SyncArgs, 'teamId' | 'appId'> & { readonly appOnly: boolean; readonly tenantId?: string; /** The plan as the caller just read it (else read here). */ readonly snapshot?: PlanSnapshot },
  today = localDayOf(new Date()),
): Promise<SyncOutcome> {
  const snapshot = args.snapshot ?? (await runner.repository(args.teamId).load());
  if (!snapshot) return { report: null, problem: `Team ${args.teamId} has no plan yet.` };
  const members = await runner.directory.teamMembers(args.teamId);
  const { role, userId } = await roleOf(runner, members, args.appOnly);
  const sync = runner.planner(args.teamId, { role, members, userId, appId: args.appId, today, ...(args.tenantId ? { tenantId: args.tenantId } : {}) });
  try {
    return { report: await sync.sync(snapshot), problem: null };
  } catch (err) {
    if (err instanceof GraphRequestError && (err.status === 401 || err.status === 403) && args.appOnly) {
      return {
        report: null,
        problem: 'Planner refused the app: this tenant has not granted the application permission Tasks.ReadWrite.All. Grant it (docs/deployment.md, Planner sync without a user), or run the sync signed in as a board member (--tenant and --client-id without a certificate).',
      };
    }
    throw err;
  }
}

export function formatSyncReport(teamId: string, outcome: SyncOutcome): string {
  if (!outcome.report) return `Team ${teamId}: not synced. ${outcome.problem ?? ''}`.trim();
  const r = outcome.report;
  if (r.state === 'notConnected') return `Team ${teamId}: the plan has no Planner tasks yet (the board creates them in the plan tab).`;
  if (r.state === 'unreachable') return `Team ${teamId}: the team's Planner plan can no longer be reached (deleted, or converted to a premium plan, which Microsoft Graph cannot reach). The board can make a new basic plan in the plan tab.`;
  const lines = [
    `Team ${teamId}: synced with Planner.`,
    `  check-ins from Planner: ${r.checkIns}; tasks updated: ${r.tasksUpdated}; goals updated: ${r.goalsUpdated}; tasks unlinked (deleted in Planner): ${r.unlinked}; tasks adopted: ${r.adopted}`,
  ];
  if (r.deferred) lines.push(`  changed by someone during the sync, taken up next time: ${r.deferred}`);
  for (const c of r.conflicts) lines.push(`  conflict for the board: "${c.goalText}" ${c.field}: plan ${JSON.stringify(c.goalValue)}, Planner ${JSON.stringify(c.taskValue)}`);
  for (const f of r.failures) lines.push(`  failed for goal ${f.goalId}: ${f.error.message}`);
  return lines.join('\n');
}

export async function runSync(
  argv: readonly string[],
  io: {
    out: (s: string) => void;
    err: (s: string) => void;
    env?: Readonly<Record<string, string | undefined>>;
    fetch?: typeof fetch;
    fetchOptions?: Parameters<typeof createRunner>[0]['fetchOptions'];
    today?: string;
  },
): Promise<number> {
  let args: SyncArgs;
  try {
    args = parseSyncArgs(argv, io.env ?? {});
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const getToken = await createRunnerTokenSource(args.auth, io.err);
  const runner = createRunner({ graphUrl: args.graphUrl, getToken, ...(io.fetch ? { fetch: io.fetch } : {}), ...(io.fetchOptions ? { fetchOptions: io.fetchOptions } : {}) });
  try {
    const outcome = await syncTeam(
      runner,
      { teamId: args.teamId, appId: args.appId, appOnly: isAppOnly(args.auth), ...('tenantId' in args.auth ? { tenantId: args.auth.tenantId } : {}) },
      io.today,
    );
    io.out(formatSyncReport(args.teamId, outcome));
    return outcome.report?.state === 'synced' && outcome.report.failures.length === 0 ? 0 : 1;
  } catch (err) {
    io.err(`sync failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
