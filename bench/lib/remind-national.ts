/**
 * `remindNational` (issue 16): the unattended reminder runner (`npm run remind`, src/runner/remind.ts)
 * over every union of a national rollout, against the in-process emulator: 400 unions × 60 goals
 * (10 with `--quick`). Measured: the run's wall time without the runner's own pacing
 * (`--teams-per-minute 0`), the runner's peak memory (it runs in a process of its own,
 * bench/lib/remind-child.ts, so the emulator's memory is not counted), the requests per union from
 * the emulator's log, errors, and the reminders posted against those the seed made due.
 *
 * The tenant: the demo directory with N synthetic unions (`startEmulator({ syntheticUnions })`,
 * emulator/seed/synthetic-unions.ts), each with the app installed and its site granted to the app,
 * as a demo team has. The demo teams (no plans in an 'empty' tenant) have the app removed, so the
 * run visits the unions alone. Each union's plan is written through the app's own importer
 * (seedPlan), one union after another: the importer and the emulator share this process's one
 * thread, and four imports at a time took as long as one after another (about 145 ms a union
 * here), so concurrency would only hide the order of the writes. Its reminder channel is the
 * union's 'Påminnelser' channel and its reminder settings are the defaults.
 *
 * The run's day is Tuesday 9 February 2027, 09:00 in Oslo (a working day, inside the delivery
 * window), five weeks into a plan period 2027–2028: before the first nudge (six weeks without a
 * check-in) and before the first quarterly occurrence is announced, so what is due is the
 * deadlines. Every fourth goal has one; the i-th union (0-based) has the first i mod 6 of five near
 * the day (in 3 days, today, 4 days ago, in 14 days, yesterday: one reminder each), the rest from
 * April on. Unions have 0–5 reminders due, 2.5 on average (remind.ts's pacing counts on about three);
 * more than three go out as one digest (maxSeparatePosts). Posted through the app's bot (the
 * default): each union is its own channel, so the Bot Connector's limit per channel is not met.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sharePointRestFetch } from '../../emulator/app-client';
import { DEMO_REMINDER_CHANNEL_NAME, DEMO_TEAMS, DEMO_TEAMS_APP } from '../../emulator/seed/demo-tenant';
import { seedPlan } from '../../emulator/seed/synthetic-plans';
import { syntheticUnions } from '../../emulator/seed/synthetic-unions';
import { REPO_ROOT, startEmulator, type RequestLogEntry, type RunningEmulator } from '../../emulator/server';
import { addDays } from '../../src/domain/holidays';
import type { RemindSummary } from '../../src/runner/remind';
import { figure, type Figure } from './metrics';

/** Tuesday 9 February 2027, 09:00 in Oslo. */
export const NATIONAL_NOW = '2027-02-09T08:00:00Z';
const DAY = NATIONAL_NOW.slice(0, 10);
export const NATIONAL_GOALS = 60;
/** Deadlines near the run's day, in days from it; each makes one reminder due. */
const NEAR_DEADLINES = [3, 0, -4, 14, -1] as const;
/** The most reminders one union posts one by one; more go out as a digest (DEFAULT_REMINDER_SETTINGS.maxSeparatePosts). */
const MAX_SEPARATE_POSTS = 3;
/** The runner's teams at once (its default). */
const CONCURRENCY = 4;
/** remind.ts's default pace: 20 teams a minute, 400 unions in 20 minutes. */
const SECONDS_PER_TEAM = 3;
const MEMORY_LIMIT_MB = 512;

/** How many of the near deadlines the i-th union (0-based) has: 0, 1, …, 5, 0, 1, … */
export function nearDeadlines(index: number): number {
  return index % (NEAR_DEADLINES.length + 1);
}

/** The i-th union's deadline of goal n: every fourth goal has one, the first of them near the run's day. */
export function nationalDue(index: number): (n: number) => string | null {
  const near = NEAR_DEADLINES.slice(0, nearDeadlines(index));
  return (n) => {
    if (n % 4 !== 0) return null;
    const k = n / 4;
    const offset = near[k];
    return offset !== undefined ? addDays(DAY, offset) : `2027-${String(4 + (k % 9)).padStart(2, '0')}`;
  };
}

export interface NationalRun {
  readonly unions: number;
  readonly seedSeconds: number;
  /** Reminders and posts the seed made due. */
  readonly expected: { readonly reminders: number; readonly posts: number };
  readonly code: number | null;
  readonly summary: RemindSummary | null;
  /** The runner's wall time (loading its code included) and peak resident memory, and where the peak was read (remind-child.ts). */
  readonly wallMs: number | null;
  readonly peakRss: { readonly mb: number; readonly source: string } | null;
  /** Requests the emulator logged during the run: outer (a `$batch` once) by service, and the steps inside `$batch`es. */
  readonly requests: { readonly outer: number; readonly inner: number; readonly byService: Readonly<Record<string, number>>; readonly throttled: number; readonly failed: number };
  readonly stderr: string;
}

function serviceOf(entry: RequestLogEntry): string {
  if (entry.path.startsWith('/v1.0')) return 'graph';
  if (entry.path.startsWith('/botframework')) return 'bot';
  if (entry.path.includes('/oauth2/')) return 'token';
  if (entry.path.includes('/_api/')) return 'sharePointRest';
  return 'other';
}

/** Seeds `count` unions' plans on a fresh emulator and runs the reminder runner over them in a child process. */
export async function runRemindNational(count: number, log: (message: string) => void): Promise<NationalRun> {
  const emulator = await startEmulator({ port: 0, dataDir: null, seed: 'empty', syntheticUnions: count, certDir: path.join(REPO_ROOT, '.certs') });
  try {
    const unions = syntheticUnions(count);
    const fetchWithCa = sharePointRestFetch(emulator);
    for (const demo of DEMO_TEAMS) {
      const res = await fetchWithCa(`${emulator.origin}/_emulator/teams/${demo.id}/installedApps/${DEMO_TEAMS_APP.id}`, { method: 'DELETE' });
      if (!res.ok) throw new Error(`removing the app from ${demo.displayName}: ${res.status}`);
    }
    const t0 = performance.now();
    for (const [i, union] of unions.entries()) {
      await seedPlan(emulator, union, NATIONAL_GOALS, {
        periodFrom: 2027,
        adoptedDate: '2027-01-28',
        due: nationalDue(i),
        reminderChannel: { id: union.reminderChannelId, name: DEMO_REMINDER_CHANNEL_NAME },
      });
      if ((i + 1) % 100 === 0) log(`remindNational: ${i + 1} of ${count} plans seeded`);
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    log(`remindNational: ${count} plans of ${NATIONAL_GOALS} goals seeded in ${seedSeconds.toFixed(1)} s`);
    const near = unions.map((_, i) => nearDeadlines(i));
    const expected = { reminders: near.reduce((a, b) => a + b, 0), posts: near.reduce((a, b) => a + (b > MAX_SEPARATE_POSTS ? 1 : b), 0) };
    return { unions: count, seedSeconds, expected, ...(await runChild(emulator)) };
  } finally {
    await emulator.close();
  }
}

/** Runs the runner in its own process, draining the emulator's log meanwhile (it keeps 50,000 entries). */
async function runChild(emulator: RunningEmulator): Promise<Omit<NationalRun, 'unions' | 'seedSeconds' | 'expected'>> {
  emulator.clearLog();
  const entries: RequestLogEntry[] = [];
  // list and clear in one turn of the event loop, which also serves the emulator: nothing is lost between them.
  const drain = () => {
    entries.push(...emulator.requestLog());
    emulator.clearLog();
  };
  const timer = setInterval(drain, 1000);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./remind-child.ts', import.meta.url)), '--graph', emulator.graphUrl, '--now', NATIONAL_NOW, '--json', '--teams-per-minute', '0', '--concurrency', String(CONCURRENCY)],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c));
  }).finally(() => clearInterval(timer));
  drain();
  const reportLine = stderr.split('\n').find((l) => l.startsWith('remind-child: '));
  const report = reportLine ? (JSON.parse(reportLine.slice('remind-child: '.length)) as { wallMs: number; peakRssKb: number; source: string }) : null;
  let summary: RemindSummary | null;
  try {
    summary = JSON.parse(stdout) as RemindSummary;
  } catch {
    summary = null;
  }
  const outer = entries.filter((e) => e.batchId === undefined);
  const byService: Record<string, number> = {};
  for (const e of outer) byService[serviceOf(e)] = (byService[serviceOf(e)] ?? 0) + 1;
  return {
    code,
    summary,
    wallMs: report?.wallMs ?? null,
    peakRss: report ? { mb: Math.round(report.peakRssKb / 102.4) / 10, source: report.source } : null,
    requests: {
      outer: outer.length,
      inner: entries.length - outer.length,
      byService,
      throttled: entries.filter((e) => e.status === 429).length,
      failed: entries.filter((e) => e.status >= 500 || e.status === 0).length,
    },
    stderr: stderr
      .split('\n')
      .filter((l) => l && !l.startsWith('remind-child: '))
      .join('\n'),
  };
}

/** The figures of a run. */
export function remindNationalFigures(run: NationalRun): Figure[] {
  const label = `${run.unions} unions × ${NATIONAL_GOALS} goals`;
  const summary = run.summary;
  const teams = summary?.teams ?? [];
  // A union not visited, a team that failed or was skipped (no plan, no channel, no access) is an error.
  const problems = teams.filter((t) => t.status === 'failed' || t.status === 'skipped');
  const errors = summary ? summary.failed + teams.filter((t) => t.status === 'skipped').length + Math.max(0, run.unions - teams.length) : run.unions;
  const perUnion = (n: number) => Math.round((n / run.unions) * 10) / 10;
  const services = Object.entries(run.requests.byService)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, n]) => `${service} ${perUnion(n)}`)
    .join(', ');
  const figures: Figure[] = [
    figure({
      group: 'remindNational',
      name: `${label}: errors`,
      unit: 'errors',
      value: errors,
      target: 0,
      ...(errors > 0 || run.code !== 0
        ? { note: `exit ${run.code}; ${problems.slice(0, 3).map((t) => `${t.teamName}: ${t.problem ?? t.failed.map((f) => f.error).join('; ')}`).join(' | ') || run.stderr.slice(0, 300)}` }
        : {}),
    }),
    figure({
      group: 'remindNational',
      name: `${label}: reminders posted`,
      unit: 'reminders',
      value: summary?.reminders ?? 0,
      reference: { name: 'due by the seed', value: run.expected.reminders },
      target: run.expected.reminders,
      targetRule: 'every reminder due',
      comparison: 'atLeast',
      note: `${summary?.posted ?? 0} messages (${run.expected.posts} expected)`,
    }),
  ];
  if (run.wallMs !== null) {
    figures.push(
      figure({
        group: 'remindNational',
        name: `${label}: wall time of the run, no pacing (--teams-per-minute 0, ${CONCURRENCY} teams at once)`,
        unit: 's',
        value: run.wallMs / 1000,
        reference: { name: 'at the default 20 teams a minute', value: run.unions * SECONDS_PER_TEAM },
        target: run.unions * SECONDS_PER_TEAM,
        targetRule: `${SECONDS_PER_TEAM} s a union: 400 in the 20-minute national budget`,
      }),
    );
  }
  if (run.peakRss !== null) {
    figures.push(figure({ group: 'remindNational', name: `${label}: peak memory of the runner (its own process, ${run.peakRss.source})`, unit: 'MB', value: run.peakRss.mb, target: MEMORY_LIMIT_MB }));
  }
  figures.push(
    figure({
      group: 'remindNational',
      name: `${label}: requests per union (a $batch counts once)`,
      unit: 'requests',
      value: run.requests.outer / run.unions,
      note: `${run.requests.outer} in all: ${services}${run.requests.throttled ? `; ${run.requests.throttled} throttled (429)` : ''}${run.requests.failed ? `; ${run.requests.failed} failed (5xx)` : ''}`,
    }),
    figure({ group: 'remindNational', name: `${label}: requests inside $batch per union`, unit: 'requests', value: run.requests.inner / run.unions, note: `${run.requests.inner} in all` }),
    figure({ group: 'remindNational', name: `${label}: seeding the plans through the importer, one union at a time`, unit: 's', value: run.seedSeconds }),
  );
  return figures;
}

export async function benchRemindNational(count: number, log: (message: string) => void): Promise<Figure[]> {
  const run = await runRemindNational(count, log);
  if (run.code !== 0) log(`remindNational: the runner exited with ${run.code}: ${run.stderr.slice(0, 2000)}`);
  return remindNationalFigures(run);
}
