/**
 * `npm run chaos [-- --quick] [-- --json]`: tries the real data layer (the app's Graph client,
 * adapters and exactly-once creates, built by the Node runners' composition root, src/runner)
 * against the local emulator under what networks and servers do, and counts what was lost or
 * written twice. Bounded in time and operations (`--quick` for CI: about a minute).
 *
 * Scenarios:
 * - edits: simulated users read-modify-write the same goals with If-Match (a conflict re-reads and
 *   tries again), and add check-ins and comments: every acknowledged change must be stored, none lost;
 * - throttled: the same under 30 % throttling (429/503 with Retry-After): every operation completes,
 *   Retry-After is honoured, and the requests per operation are reported (no request storm);
 * - lost-answers: a share of creates (plain and inside `$batch`, and a whole import) are committed and
 *   then answered 504 or not at all: one item per key;
 * - same-key: creates with one key sent concurrently: one item per key;
 * - kill-9: the emulator, its own process with a data directory, is killed with SIGKILL during writes
 *   and restarted: every acknowledged write is there and the client carries on.
 * - browser-offline (full run only; `npm test` runs it before `--quick`): the tab's offline queue in
 *   Chromium, tests/e2e/offline.spec.ts: queued check-ins stored exactly once.
 *
 * Prints a table, or with `--json` one JSON object on stdout: per scenario its operations,
 * acknowledged writes, lost, duplicates, failures, requests per operation and seconds, and `ok`.
 * Exit status 1 if anything was lost or duplicated or an operation failed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatcherFor, sharePointRestFetch } from '../emulator/app-client';
import { seedTeamPlan } from '../emulator/seed/demo-plans';
import { DEMO_TEAMS } from '../emulator/seed/demo-tenant';
import { REPO_ROOT, startEmulator, type RunningEmulator } from '../emulator/server';
import { SharePointPlanImporter } from '../src/adapters/sharepoint/plan-import';
import { ConflictError } from '../src/domain/ports';
import type { LocalGoal, PlanSnapshot } from '../src/domain/plan';
import { fieldEquals, withQuery } from '../src/graph/odata';
import { draftToPlan } from '../src/import/to-plan';
import type { PlanDraft } from '../src/import/draft';
import { createRunner, type Runner } from '../src/runner/composition-root';
import { createRunnerTokenSource } from '../src/runner/token-sources';

interface ScenarioResult {
  name: string;
  operations: number;
  acknowledged: number;
  lost: number;
  duplicates: number;
  failures: number;
  requestsPerOperation: number | null;
  seconds: number;
  note: string;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const asJson = args.includes('--json');
const SCALE = quick ? 0.25 : 1;
const team = DEMO_TEAMS[0] as (typeof DEMO_TEAMS)[number];
const board = team.owners as readonly string[];

async function runnerFor(endpoint: { graphUrl: string; ca: string }, upn: string): Promise<Runner> {
  return createRunner({
    graphUrl: endpoint.graphUrl,
    getToken: await createRunnerTokenSource({ kind: 'dev', userPrincipalName: upn }),
    fetch: sharePointRestFetch(endpoint),
    fetchOptions: { dispatcher: dispatcherFor(endpoint.ca) },
    retryDelaySeconds: 0.2,
    maxRetries: 6,
  });
}

/** Items of a list with this ClientId. */
async function itemsWithKey(runner: Runner, listKey: string, clientId: string): Promise<number> {
  const repo = runner.repository(team.id);
  const listId = (await repo.health()).lists.find((l) => l.key === listKey)?.listId;
  const site = await runner.graph.get<{ id: string }>(`/groups/${team.id}/sites/root?$select=id`);
  return (await runner.graph.getAll(withQuery(`/sites/${site.id}/lists/${listId}/items`, { filter: fieldEquals('ClientId', clientId) }))).length;
}

/** Simulated users editing the same goals (If-Match, re-read on conflict) and adding check-ins and comments. */
async function edits(emu: RunningEmulator, name: string, edits: number, note: string): Promise<ScenarioResult> {
  const started = Date.now();
  const users = await Promise.all(Array.from({ length: 8 }, (_, i) => runnerFor(emu, board[i % board.length] as string)));
  const first = (await users[0]?.repository(team.id).load()) as PlanSnapshot;
  const goals = first.goals.slice(0, 5);
  const baseline = new Map(goals.map((g) => [g.id, g.sortOrder]));
  const acknowledged = new Map<string, number>();
  const keys: string[] = [];
  let failures = 0;
  emu.clearLog();
  let done = 0;
  await Promise.all(
    users.map(async (runner, u) => {
      const repo = runner.repository(team.id);
      for (let i = u; i < edits; i += users.length) {
        const goal = goals[i % goals.length] as LocalGoal;
        try {
          // Read-modify-write: sortOrder + 1, sent with If-Match; a conflict means read again.
          for (;;) {
            const current = await repo.getGoal(goal.id);
            try {
              await repo.updateGoal(goal.id, { sortOrder: current.sortOrder + 1 }, { ifMatch: current.etag ?? null });
              acknowledged.set(goal.id, (acknowledged.get(goal.id) ?? 0) + 1);
              break;
            } catch (err) {
              if (!(err instanceof ConflictError)) throw err;
            }
          }
          if (i % 10 === 0) {
            const key = `chaos-${name}-${u}-${i}`;
            await repo.addCheckIn({ planId: first.plan.id, goalId: goal.id, date: '2026-11-30', value: null, comment: key, clientId: key });
            keys.push(key);
          }
          done++;
        } catch {
          failures++;
        }
      }
    }),
  );
  const requests = emu.requestLog().filter((e) => e.batchId === undefined).length;
  const after = (await users[0]?.repository(team.id).load()) as PlanSnapshot;
  let lost = 0;
  for (const goal of goals) {
    const expected = (baseline.get(goal.id) ?? 0) + (acknowledged.get(goal.id) ?? 0);
    const actual = after.goals.find((g) => g.id === goal.id)?.sortOrder ?? 0;
    lost += Math.max(0, expected - actual);
  }
  const stored = new Map<string, number>();
  for (const c of after.checkIns) if (c.clientId?.startsWith(`chaos-${name}-`)) stored.set(c.clientId, (stored.get(c.clientId) ?? 0) + 1);
  lost += keys.filter((k) => !stored.has(k)).length;
  const duplicates = [...stored.values()].reduce((n, count) => n + count - 1, 0);
  const ackCount = [...acknowledged.values()].reduce((a, b) => a + b, 0) + keys.length;
  return { name, operations: done + failures, acknowledged: ackCount, lost, duplicates, failures, requestsPerOperation: Math.round((requests / Math.max(1, done)) * 100) / 100, seconds: (Date.now() - started) / 1000, note };
}

/** Creates on every path while a share of answers is lost after commit. */
async function lostAnswers(emu: RunningEmulator, count: number): Promise<ScenarioResult> {
  const started = Date.now();
  const runner = await runnerFor(emu, board[0] as string);
  const repo = runner.repository(team.id);
  const snapshot = (await repo.load()) as PlanSnapshot;
  const area = snapshot.areas[0];
  const goal = snapshot.goals[0];
  if (!area || !goal) throw new Error('no plan');
  const made: Array<{ list: string; key: string }> = [];
  let failures = 0;
  emu.clearLog();
  emu.setFaults({ failureRate: 0.3, randomSeed: 7, commit: 'after', failureStatuses: [504, 0], scope: ['request', 'batchStep'], methods: ['POST'], pathPattern: '/items$' });
  for (let i = 0; i < count; i++) {
    const key = (kind: string) => `lost-${kind}-${i}`;
    const paths: Array<[string, string, () => Promise<unknown>]> = [
      ['goals', key('goal'), () => repo.createGoal({ planId: snapshot.plan.id, areaId: area.id, nationalGoal: null, text: `Tapt svar ${i}`, kind: 'milestone', owners: [], due: null, status: null, measure: null, recurrence: null, tariffArea: null, sortOrder: 10_000 + i, clientId: key('goal') })],
      ['areas', key('area'), () => repo.createArea({ planId: snapshot.plan.id, number: 100 + i, title: `Område ${i}`, nationalGoals: [], strategies: [], clientId: key('area') })],
      ['situation', key('situation'), () => repo.createSituationRow({ planId: snapshot.plan.id, area: `Rad ${i}`, now: '', shortTerm: '', longTerm: '', sortOrder: 100 + i, clientId: key('situation') })],
      ['checkIns', key('checkin'), () => repo.addCheckIn({ planId: snapshot.plan.id, goalId: goal.id, date: '2026-11-30', value: null, comment: key('checkin'), clientId: key('checkin') })],
      ['comments', key('comment'), () => repo.addComment({ planId: snapshot.plan.id, goalId: goal.id, text: key('comment'), clientId: key('comment') })],
    ];
    for (const [list, clientId, run] of paths) {
      try {
        await run();
        made.push({ list, key: clientId });
      } catch {
        failures++;
      }
    }
  }
  // A whole import into another team, its $batch creates under the same faults.
  const asker = DEMO_TEAMS[2] as (typeof DEMO_TEAMS)[number];
  const importer = await runnerFor(emu, asker.owners[0] as string);
  const draft = JSON.parse(readFileSync(path.join(REPO_ROOT, 'fixtures/plans/asker.truth.json'), 'utf8')) as PlanDraft;
  const entities = draftToPlan(draft, { fallbackUnion: 'Test', fallbackPeriod: { from: 2026, to: 2027 } });
  const importId = crypto.randomUUID();
  let importFailures = 0;
  try {
    await new SharePointPlanImporter(importer.graph, asker.id).importPlan({ importId, mode: 'replace', plan: entities.plan, areas: entities.areas, situation: entities.situation });
  } catch {
    importFailures++;
  }
  emu.setFaults({});
  const injected = emu.requestLog().filter((e) => e.status === 504 || e.status === 0).length;
  let lost = 0;
  let duplicates = 0;
  for (const { list, key } of made) {
    const n = await itemsWithKey(runner, list, key);
    if (n === 0) lost++;
    if (n > 1) duplicates += n - 1;
  }
  const imported = (await importer.repository(asker.id).load()) as PlanSnapshot;
  const goalKeys = imported.goals.map((g) => g.clientId ?? '');
  duplicates += goalKeys.length - new Set(goalKeys).size;
  const expectedGoals = entities.areas.reduce((n, a) => n + a.goals.length, 0);
  if (importFailures === 0) lost += Math.max(0, expectedGoals - imported.goals.length);
  return { name: 'lost-answers', operations: count * 5 + 1, acknowledged: made.length + (importFailures ? 0 : 1), lost, duplicates, failures: failures + importFailures, requestsPerOperation: null, seconds: (Date.now() - started) / 1000, note: `30 % of creates committed, then 504 or no answer (${injected} answers lost); plus one import` };
}

/** Concurrent creates with one key. */
async function sameKey(emu: RunningEmulator, keys: number): Promise<ScenarioResult> {
  const started = Date.now();
  const runners = await Promise.all(board.map((upn) => runnerFor(emu, upn)));
  const snapshot = (await runners[0]?.repository(team.id).load()) as PlanSnapshot;
  const goal = snapshot.goals[1] as LocalGoal;
  let failures = 0;
  let acknowledged = 0;
  for (let k = 0; k < keys; k++) {
    const clientId = `same-key-${k}`;
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) => (runners[i % runners.length] as Runner).repository(team.id).addCheckIn({ planId: snapshot.plan.id, goalId: goal.id, date: '2026-11-30', value: k, comment: clientId, clientId })),
    );
    failures += results.filter((r) => r.status === 'rejected').length;
    const ids = new Set(results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : [])));
    if (ids.size > 0) acknowledged++;
    if (ids.size > 1) failures++;
  }
  const stored = ((await runners[0]?.repository(team.id).load()) as PlanSnapshot).checkIns.filter((c) => c.clientId?.startsWith('same-key-'));
  const perKey = new Map<string, number>();
  for (const c of stored) perKey.set(c.clientId as string, (perKey.get(c.clientId as string) ?? 0) + 1);
  const duplicates = [...perKey.values()].reduce((n, c) => n + c - 1, 0);
  return { name: 'same-key', operations: keys * 4, acknowledged, lost: keys - perKey.size, duplicates, failures, requestsPerOperation: null, seconds: (Date.now() - started) / 1000, note: '4 concurrent creates per key' };
}

/** The emulator killed with SIGKILL during writes, and restarted. */
async function killNine(rounds: number): Promise<ScenarioResult> {
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'chaos-kill-'));
  const ca = readFileSync(path.join(REPO_ROOT, '.certs', 'ca.pem'), 'utf8');
  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<string>((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts/emulator.ts'), '--port', '0', '--data', dataDir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        const url = /Graph emulator: (\S+)/.exec(out)?.[1];
        if (url) resolve(url);
      });
      child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
    });
  const kill = () => new Promise<void>((resolve) => (child && child.exitCode === null ? (child.once('exit', () => resolve()), child.kill('SIGKILL')) : resolve()));
  const acknowledged = new Set<string>();
  let operations = 0;
  let failures = 0;
  let lost = 0;
  let duplicates = 0;
  try {
    let graphUrl = await start();
    for (let round = 1; round <= rounds; round++) {
      const runner = await runnerFor({ graphUrl, ca }, board[0] as string);
      const repo = runner.repository(team.id);
      const snapshot = (await repo.load()) as PlanSnapshot;
      const goal = snapshot.goals[0] as LocalGoal;
      let stop = false;
      const writers = Array.from({ length: 6 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const key = `kill-${round}-${w}-${i}`;
          operations++;
          try {
            await repo.addCheckIn({ planId: snapshot.plan.id, goalId: goal.id, date: '2026-11-30', value: null, comment: key, clientId: key });
            acknowledged.add(key);
          } catch {
            return; // the server went away mid-request: not acknowledged
          }
        }
      });
      await new Promise((r) => setTimeout(r, 300 + round * 100));
      await kill();
      stop = true;
      await Promise.all(writers);
      graphUrl = await start();
      // The client carries on against the restarted emulator.
      const again = await runnerFor({ graphUrl, ca }, board[0] as string);
      const stored = ((await again.repository(team.id).load()) as PlanSnapshot).checkIns.filter((c) => c.clientId?.startsWith('kill-'));
      const keys = stored.map((c) => c.clientId as string);
      lost = [...acknowledged].filter((k) => !keys.includes(k)).length;
      duplicates = keys.length - new Set(keys).size;
      if (lost > 0 || duplicates > 0) break;
    }
  } catch {
    failures++;
  } finally {
    await kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { name: 'kill-9', operations, acknowledged: acknowledged.size, lost, duplicates, failures, requestsPerOperation: null, seconds: (Date.now() - started) / 1000, note: `${rounds} SIGKILLs during 6 writers` };
}

/**
 * The browser's offline queue under an offline and a refusing network, exactly once: the
 * Playwright specs of tests/e2e/offline.spec.ts (real tab, real Chromium), run here and counted.
 */
function browserOffline(): ScenarioResult {
  const started = Date.now();
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/@playwright/test/cli.js'), 'test', 'tests/e2e/offline.spec.ts', '--reporter=json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let stats: { expected: number; unexpected: number } = { expected: 0, unexpected: 1 };
  try {
    const report = JSON.parse(run.stdout) as { stats: { expected: number; unexpected: number; flaky: number } };
    stats = { expected: report.stats.expected, unexpected: report.stats.unexpected + report.stats.flaky };
  } catch {
    // No report: the run itself failed, counted as one failure.
  }
  const { expected, unexpected } = stats;
  return { name: 'browser-offline', operations: expected + unexpected, acknowledged: expected, lost: 0, duplicates: 0, failures: unexpected, requestsPerOperation: null, seconds: (Date.now() - started) / 1000, note: 'tests/e2e/offline.spec.ts in Chromium: queued check-ins stored exactly once' };
}

async function main(): Promise<number> {
  const results: ScenarioResult[] = [];
  const emu = await startEmulator({ port: 0, dataDir: null, seed: 'demo' });
  try {
    await seedTeamPlan(emu, team);
    results.push(await edits(emu, 'edits', Math.round(1000 * SCALE), '8 users, If-Match read-modify-write, check-ins'));
    emu.setFaults({ failureRate: 0.3, failureStatuses: [429, 503], retryAfterSeconds: 1, randomSeed: 3, scope: ['request', 'batchStep'] });
    results.push(await edits(emu, 'throttled', Math.round(400 * SCALE), '30 % of requests 429/503 with Retry-After 1 s'));
    emu.setFaults({});
    results.push(await lostAnswers(emu, Math.round(40 * SCALE)));
    results.push(await sameKey(emu, Math.round(40 * SCALE)));
  } finally {
    await emu.close();
  }
  results.push(await killNine(quick ? 2 : 5));
  // --quick (CI) leaves the browser scenario to the Playwright run of `npm test` just before it.
  if (!quick) results.push(browserOffline());
  const ok = results.every((r) => r.lost === 0 && r.duplicates === 0 && r.failures === 0);
  if (asJson) {
    process.stdout.write(`${JSON.stringify({ ok, quick, scenarios: results })}\n`);
  } else {
    const cols = ['scenario', 'ops', 'acked', 'lost', 'dupes', 'failed', 'req/op', 'seconds'];
    const rows = results.map((r) => [r.name, r.operations, r.acknowledged, r.lost, r.duplicates, r.failures, r.requestsPerOperation ?? '-', r.seconds.toFixed(1)].map(String));
    const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] as string).length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
    console.log(line(cols));
    for (const r of rows) console.log(line(r));
    for (const r of results) console.log(`  ${r.name}: ${r.note}`);
    console.log(ok ? 'chaos: ok, nothing lost or duplicated' : 'chaos: FAILED');
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
