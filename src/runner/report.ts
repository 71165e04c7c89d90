/**
 * `npm run report -- --team <name or id> --kind board|annual [options] --out <file.docx>`: the
 * board's meeting report or the annual report as a Word document, written from Node with the same
 * rules (domain/report.ts), words (reports/content.ts) and builder (reports/docx.ts) as the tab's
 * Reports view, for boards that file it on a schedule. It writes only the local file: nothing is
 * saved in Microsoft 365.
 *
 * - `--kind board` (default): status and why, changes since `--since` (default: the day of the last
 *   board report in the team's General channel files, when they can be read, else 30 days back),
 *   what is at risk, deadlines and recurring activities due in the next 60 days.
 * - `--kind annual --year <YYYY|period>`: achieved / partly / not achieved per goal, with the rule
 *   stated (default year: the current one, within the plan period).
 * - `--lang nb|nn|en`: the document's language (default: the plan's); `--today <YYYY-MM-DD>` the day
 *   the report is made (default: today); `--out` the file (default: the report's own file name).
 *
 * Sign-in (the composition root shared by every runner): `--tenant --client-id` (device code: a
 * board member), with `--certificate --thumbprint` app-only (Sites.Selected on the site and
 * Team.ReadBasic.All to find the team by name); `--as <upn>` against the local emulator, or, against
 * the emulator (`--graph` other than Microsoft Graph) with none of these, the demo tenant's app, so
 * it works on the demo tenant with no set-up. Exit status: 0 written, 1 failed, 2 usage errors.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GraphTeamFiles } from '../adapters/files/graph-team-files';
import { localDayOf } from '../domain/calendar';
import { AccessDeniedError, NotFoundError } from '../domain/ports';
import { annualReport, boardReport, defaultSince, lastBoardReportDay, planYears, type AnnualScope } from '../domain/report';
import { GraphRequestError } from '../graph/errors';
import type { Language } from '../i18n/catalogue';
import { annualReportContent, boardReportContent, boardReportPrefixes } from '../reports/content';
import { buildReportDocx } from '../reports/docx';
import { parseOptions, SIGN_IN_OPTIONS, signInOf, UsageError } from './args';
import { createRunner, GRAPH_V1, type Runner, type RunnerOptions } from './composition-root';
import { createRunnerTokenSource, type RunnerAuth } from './token-sources';

export type ReportKind = 'board' | 'annual';

export interface ReportArgs {
  readonly graphUrl: string;
  readonly auth: RunnerAuth;
  /** The team's id or display name. */
  readonly team: string;
  readonly kind: ReportKind;
  /** The annual report's year, or the whole period; null: the current year. */
  readonly scope: AnnualScope | null;
  /** The board report's 'since' day; null: the last board report's, else 30 days back. */
  readonly since: string | null;
  /** null: the plan's language. */
  readonly language: Language | null;
  /** null: today (local). */
  readonly today: string | null;
  /** null: the report's file name in the current directory. */
  readonly out: string | null;
}

export const USAGE = `Usage: npm run report -- --team <name or id> [--kind board|annual] [--year <YYYY>|period] [--since <YYYY-MM-DD>]
  [--lang nb|nn|en] [--today <YYYY-MM-DD>] [--out <file.docx>] [--graph <Graph URL>]
  (--tenant <tenant id> --client-id <app id> [--certificate <private key .pem> --thumbprint <SHA-256>]
   | --as <user principal name>; against the local emulator, --graph alone signs in as the demo app)`;

const OPTIONS = ['--team', '--kind', '--year', '--since', '--lang', '--today', '--out', '--login', ...SIGN_IN_OPTIONS];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Defaults a script supplies for the local emulator (its demo app and tenant), never used for Microsoft Graph. */
export interface ReportEmulatorDefaults {
  readonly clientId: string;
  readonly tenantId: string;
}

function validDay(value: string, option: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new UsageError(`${option} takes a day such as 2026-11-01, not ${value}`);
  return value;
}

export function parseReportArgs(argv: readonly string[], emulator?: ReportEmulatorDefaults): ReportArgs {
  const { values } = parseOptions(argv, OPTIONS);
  const team = values.get('--team');
  if (!team) throw new UsageError('--team is required (the team’s name or id)');
  const kind = values.get('--kind') ?? 'board';
  if (kind !== 'board' && kind !== 'annual') throw new UsageError(`--kind is board or annual, not ${kind}`);
  const year = values.get('--year');
  let scope: AnnualScope | null = null;
  if (year !== undefined) {
    if (kind !== 'annual') throw new UsageError('--year is for --kind annual');
    if (year === 'period') scope = 'period';
    else if (/^\d{4}$/.test(year)) scope = Number(year);
    else throw new UsageError(`--year takes a year such as 2026, or period, not ${year}`);
  }
  const sinceText = values.get('--since');
  if (sinceText !== undefined && kind !== 'board') throw new UsageError('--since is for --kind board');
  const language = values.get('--lang') ?? null;
  if (language !== null && language !== 'nb' && language !== 'nn' && language !== 'en') throw new UsageError(`--lang is nb, nn or en, not ${language}`);
  const today = values.has('--today') ? validDay(values.get('--today') as string, '--today') : null;
  const since = sinceText !== undefined ? validDay(sinceText, '--since') : null;
  if (since !== null && today !== null && since > today) throw new UsageError('--since is after --today');
  const out = values.get('--out') ?? null;
  if (out !== null && !out.toLowerCase().endsWith('.docx')) throw new UsageError('--out names a .docx file');

  let graphUrl: string;
  let auth: RunnerAuth;
  const signsIn = ['--as', '--tenant', '--client-id', '--certificate', '--thumbprint'].some((o) => values.has(o));
  const local = (values.get('--graph') ?? GRAPH_V1) !== GRAPH_V1;
  if (!signsIn && local && emulator) {
    graphUrl = values.get('--graph') as string;
    auth = { kind: 'emulatorApp', loginUrl: values.get('--login') ?? new URL(graphUrl).origin, tenantId: emulator.tenantId, clientId: emulator.clientId };
  } else {
    ({ graphUrl, auth } = signInOf(values));
  }
  return { graphUrl, auth, team, kind, scope, since, language, today, out };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TeamRef {
  readonly id: string;
  readonly displayName: string;
}

/** The team by id, or by its display name among the organisation's teams (`GET /teams`, learn: /graph/api/teams-list). */
async function resolveTeam(runner: Runner, team: string): Promise<TeamRef> {
  if (GUID.test(team)) {
    const found = await runner.graph.get<TeamRef>(`/teams/${encodeURIComponent(team)}?$select=id,displayName`);
    return { id: found.id, displayName: found.displayName };
  }
  const teams = await runner.graph.getAll<TeamRef>('/teams?$select=id,displayName');
  const matches = teams.filter((t) => t.displayName.localeCompare(team, 'nb', { sensitivity: 'base' }) === 0);
  if (matches.length === 1) return matches[0] as TeamRef;
  throw new UsageError(matches.length === 0 ? `No team is called ${team}` : `${matches.length} teams are called ${team}: give the team's id`);
}

export interface SinceChoice {
  readonly since: string;
  /** Where it came from, in words for an administrator. */
  readonly source: string;
}

/** 'Since' for a board report: the option, else the last board report in the General channel's files, else 30 days back. */
export async function sinceFor(runner: Runner, teamId: string, today: string, given: string | null): Promise<SinceChoice> {
  if (given !== null) return { since: given, source: 'as given' };
  try {
    const files = new GraphTeamFiles(runner.graph, teamId);
    const last = lastBoardReportDay(await files.list(await files.channelFolder(null)), boardReportPrefixes());
    if (last !== null && last <= today) return { since: last, source: 'the last board report in the team’s files' };
    return { since: defaultSince(today, null), source: 'no earlier board report in the team’s files: 30 days back' };
  } catch (error) {
    const why = error instanceof AccessDeniedError ? 'access denied' : error instanceof NotFoundError ? 'no such folder' : error instanceof Error ? error.message : String(error);
    return { since: defaultSince(today, null), source: `the team’s files could not be read (${why}): 30 days back` };
  }
}

export interface ReportOutcome {
  readonly file: string;
  readonly bytes: number;
  readonly summary: string;
}

/** Reads the plan, builds the document and writes it; the line to print. */
export async function writeReport(runner: Runner, args: ReportArgs, cwd = process.cwd()): Promise<ReportOutcome> {
  const today = args.today ?? localDayOf(new Date());
  const team = await resolveTeam(runner, args.team);
  const snapshot = await runner.repository(team.id).load();
  if (!snapshot) throw new Error(`Team ${team.displayName} (${team.id}) has no plan yet.`);
  const language: Language = args.language ?? snapshot.plan.language;
  let content;
  let what: string;
  if (args.kind === 'board') {
    const { since, source } = await sinceFor(runner, team.id, today, args.since);
    const report = boardReport(snapshot, { today, since });
    content = boardReportContent(report, language);
    what = `board report for ${team.displayName}: ${report.areas.length} area(s), ${snapshot.goals.length} goal(s), changes since ${since} (${source})`;
  } else {
    const years = planYears(snapshot.plan);
    const current = Number(today.slice(0, 4));
    const scope = args.scope ?? (years.includes(current) ? current : 'period');
    if (typeof scope === 'number' && !years.includes(scope)) throw new UsageError(`--year ${scope} is not a year of the plan period ${snapshot.plan.periodFrom}–${snapshot.plan.periodTo}`);
    const report = annualReport(snapshot, { scope, today });
    content = annualReportContent(report, language);
    const c = report.counts;
    what = `annual report ${scope === 'period' ? `${snapshot.plan.periodFrom}–${snapshot.plan.periodTo}` : scope} for ${team.displayName}, judged as of ${report.window.judged}: ${c.achieved} achieved, ${c.partly} partly, ${c.notAchieved} not achieved, ${c.notDue} not due yet, ${c.noTarget} without a target`;
  }
  const bytes = await buildReportDocx(content);
  const file = resolve(cwd, args.out ?? content.fileName);
  await writeFile(file, bytes);
  return { file, bytes: bytes.byteLength, summary: `Wrote ${file} (${bytes.byteLength} bytes, ${language}): ${what}.` };
}

export interface ReportIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly fetch?: typeof fetch;
  readonly fetchOptions?: RunnerOptions['fetchOptions'];
  readonly emulator?: ReportEmulatorDefaults;
  /** The directory a relative --out is written to (default: the process's). */
  readonly cwd?: string;
}

function problemOf(error: unknown): string {
  if (error instanceof GraphRequestError && (error.status === 401 || error.status === 403)) {
    return `Microsoft Graph refused (${error.status} ${error.code}): sign in as a member of the team, or give the app Sites.Selected on the team's site and Team.ReadBasic.All (docs/deployment.md).`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The command: parse, sign in, write, print; the exit status. */
export async function runReport(argv: readonly string[], io: ReportIo): Promise<number> {
  let args: ReportArgs;
  try {
    args = parseReportArgs(argv, io.emulator);
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  try {
    const getToken = await createRunnerTokenSource(args.auth, io.err, io.fetch);
    const runner = createRunner({ graphUrl: args.graphUrl, getToken, ...(io.fetch ? { fetch: io.fetch } : {}), ...(io.fetchOptions ? { fetchOptions: io.fetchOptions } : {}) });
    const outcome = await writeReport(runner, args, io.cwd);
    io.out(outcome.summary);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${USAGE}`);
      return 2;
    }
    io.err(`report failed: ${problemOf(err)}`);
    return 1;
  }
}
