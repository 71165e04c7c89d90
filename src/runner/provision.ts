/**
 * `npm run provision -- --site <site URL | team id> [options]`: an administrator's one-off set-up of
 * a team's plan lists when the tab cannot do it from the browser (SharePoint REST answering no
 * cross-origin call, or no consent for SharePoint in the tab): creates or upgrades the lists,
 * moves owners stored by user name to Entra ids, and gives the lists their permissions (board
 * edits, stewards read; stewards add check-ins and comments and change only their own).
 *
 * Sign-in: `--tenant <id> --client-id <id>` (device code, delegated: the person must be an owner of
 * the team's site), with `--certificate <key.pem> --thumbprint <sha256>` for app-only; `--as <upn>`
 * against the local emulator (`--graph https://localhost:4010/v1.0`). `--check` changes nothing.
 * Exit status: 0 when every list is as it should be, 1 when not, 2 on usage errors.
 */
import type { PermissionsHealth, StorageHealth, TeamMember } from '../domain/ports';
import { parseOptions, signInOf, SIGN_IN_OPTIONS, SIGN_IN_USAGE, UsageError } from './args';
import { createRunner, type Runner } from './composition-root';
import { createRunnerTokenSource, type RunnerAuth } from './token-sources';

export interface ProvisionArgs {
  readonly site: string;
  readonly graphUrl: string;
  readonly auth: RunnerAuth;
  readonly check: boolean;
}

export const USAGE = `Usage: npm run provision -- --site <site URL | team id> [--check]
  ${SIGN_IN_USAGE}`;

export { UsageError };

export function parseProvisionArgs(argv: readonly string[]): ProvisionArgs {
  const { values, flags } = parseOptions(argv, ['--site', ...SIGN_IN_OPTIONS], ['--check']);
  const site = values.get('--site');
  if (!site) throw new UsageError('--site is required');
  return { site, ...signInOf(values), check: flags.has('--check') };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The team whose site this is: a team id as it is, or a site URL matched among the user's teams. */
export async function resolveTeam(runner: Runner, site: string): Promise<string> {
  if (GUID.test(site)) return site;
  const wanted = site.replace(/\/+$/, '').toLowerCase();
  for (const team of await runner.directory.joinedTeams()) {
    const root = await runner.graph.get<{ webUrl: string }>(`/groups/${encodeURIComponent(team.id)}/sites/root?$select=webUrl`);
    if (root.webUrl.replace(/\/+$/, '').toLowerCase() === wanted) return team.id;
  }
  throw new UsageError(`No team of yours has the site ${site} (give the team id instead)`);
}

export interface ProvisionReport {
  readonly teamId: string;
  readonly lists: StorageHealth | null;
  readonly owners: { readonly upgraded: number; readonly unmatched: number } | null;
  readonly permissions: PermissionsHealth;
  readonly ok: boolean;
}

export async function provision(runner: Runner, args: Pick<ProvisionArgs, 'site' | 'check'>): Promise<ProvisionReport> {
  const teamId = await resolveTeam(runner, args.site);
  const repo = runner.repository(teamId);
  if (args.check) {
    const [lists, permissions] = [await repo.health(), await repo.permissions()];
    const ok = lists.lists.every((l) => l.state === 'ok') && permissions.state === 'ok';
    return { teamId, lists, owners: null, permissions, ok };
  }
  const lists = await repo.provision();
  const members: TeamMember[] = await runner.directory.teamMembers(teamId);
  const upgrade = await repo.upgradeOwners(members);
  const permissions = await repo.applyPermissions();
  return { teamId, lists, owners: { upgraded: upgrade.upgraded, unmatched: upgrade.unmatched.length }, permissions, ok: permissions.state === 'ok' };
}

/** A plain-text report for the terminal (English: an administrator's tool, like its options). */
export function formatReport(report: ProvisionReport): string {
  const lines = [`Team ${report.teamId}${report.permissions.siteUrl ? ` (${report.permissions.siteUrl})` : ''}`];
  for (const l of report.lists?.lists ?? []) lines.push(`  list ${l.displayName.padEnd(30)} ${l.state}${l.missingColumns.length ? ` (missing ${l.missingColumns.join(', ')})` : ''}`);
  if (report.owners) lines.push(`  owners moved to Entra ids: ${report.owners.upgraded}; matched no team member: ${report.owners.unmatched}`);
  lines.push(`  permissions: ${report.permissions.state}`);
  for (const l of report.permissions.lists) lines.push(`    ${l.displayName.padEnd(30)} ${l.rule.padEnd(15)} ${l.state}`);
  if (report.permissions.state === 'denied') lines.push('  SharePoint refused: sign in as an owner of the team site, with consent to AllSites.FullControl (docs/deployment.md).');
  if (report.permissions.state === 'unreachable') lines.push('  SharePoint did not answer: check the network and the site URL.');
  return lines.join('\n');
}

export async function runProvision(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void; fetch?: typeof fetch; fetchOptions?: Parameters<typeof createRunner>[0]['fetchOptions'] },
): Promise<number> {
  let args: ProvisionArgs;
  try {
    args = parseProvisionArgs(argv);
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const getToken = await createRunnerTokenSource(args.auth, io.err);
  const runner = createRunner({ graphUrl: args.graphUrl, getToken, ...(io.fetch ? { fetch: io.fetch } : {}), ...(io.fetchOptions ? { fetchOptions: io.fetchOptions } : {}) });
  try {
    const report = await provision(runner, args);
    io.out(formatReport(report));
    return report.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    io.err(`provision failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
