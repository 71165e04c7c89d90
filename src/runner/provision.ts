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
import { createRunner, GRAPH_V1, type Runner } from './composition-root';
import { createRunnerTokenSource, type RunnerAuth } from './token-sources';

export interface ProvisionArgs {
  readonly site: string;
  readonly graphUrl: string;
  readonly auth: RunnerAuth;
  readonly check: boolean;
}

export const USAGE = `Usage: npm run provision -- --site <site URL | team id> [--check]
  (--tenant <tenant id> --client-id <app id> [--certificate <private key .pem> --thumbprint <SHA-256>]
   | --as <user principal name> --graph <emulator Graph URL>)`;

export class UsageError extends Error {}

export function parseProvisionArgs(argv: readonly string[]): ProvisionArgs {
  const values = new Map<string, string>();
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--check') {
      check = true;
      continue;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!['--site', '--graph', '--as', '--tenant', '--client-id', '--certificate', '--thumbprint'].includes(name)) throw new UsageError(`Unknown option ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  const site = values.get('--site');
  if (!site) throw new UsageError('--site is required');
  const graphUrl = values.get('--graph') ?? GRAPH_V1;
  const as = values.get('--as');
  const tenantId = values.get('--tenant');
  const clientId = values.get('--client-id');
  const certificatePath = values.get('--certificate');
  const thumbprintSha256 = values.get('--thumbprint');
  let auth: RunnerAuth;
  if (as) {
    if (graphUrl === GRAPH_V1) throw new UsageError('--as signs in to the local emulator only: give its --graph URL');
    auth = { kind: 'dev', userPrincipalName: as };
  } else if (tenantId && clientId && certificatePath && thumbprintSha256) {
    auth = { kind: 'certificate', tenantId, clientId, certificatePath, thumbprintSha256 };
  } else if (tenantId && clientId && !certificatePath && !thumbprintSha256) {
    auth = { kind: 'deviceCode', tenantId, clientId };
  } else {
    throw new UsageError('Sign in with --tenant and --client-id (and --certificate with --thumbprint for app-only), or --as against the emulator');
  }
  return { site, graphUrl, auth, check };
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
