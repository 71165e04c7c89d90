/**
 * `npm run bench [-- --json] [-- --quick]`: how fast the tab opens and works, against the floor (a
 * minimal Teams tab on the same stack, bench/floor/) measured in the same run, on this machine.
 *
 * Builds what it needs (the app for the emulator and for a tenant, the floor, the host page), serves
 * the app and the floor the same way (bench/lib/serve.ts: HTTP/2, gzip), and opens them in Debian's
 * Chromium inside the local Teams host with the round-trip time added to every request and the
 * bandwidth throttled (bench/lib/browser.ts). Timings are medians of interleaved runs (app, floor,
 * app, …) with min and max, from the tab document's navigation to the first goal painted.
 *
 * Figures (issue 16): bundle, coldOpen, warmOpen, scale, writes, import, planLoad, plannerBulk,
 * remindNational (the reminder runner over 400 unions × 60 goals, bench/lib/remind-national.ts;
 * 10 unions with `--quick`). Each has its value and unit, the floor or reference it is compared
 * with, the ratio, its target and whether it is met. `--json` prints one JSON object on stdout
 * (progress goes to stderr); `--quick` runs one of each (CI runs it so that it cannot rot; its
 * timings are not judged).
 *
 * Exit code: 0 all targets met (or --quick ran), 1 a target missed, 2 the bench could not run.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ensureDevCertificates } from '../emulator/certs';
import { DEMO_TEAMS, type DemoTeam } from '../emulator/seed/demo-tenant';
import { seedTeamPlan } from '../emulator/seed/demo-plans';
import { graphClientAs } from '../emulator/app-client';
import { startEmulator, type RunningEmulator } from '../emulator/server';
import { SharePointPlanRepository } from '../src/adapters/sharepoint/plan-repository';
import { buildEmulatorApp, buildFloor, buildHost, buildTenantApp } from '../bench/lib/build';
import {
  CHROMIUM,
  heapAfterGc,
  launch,
  longTasksWhileScrolling,
  newContext,
  openTab,
  timeSearch,
  type Network,
  type OpenResult,
} from '../bench/lib/browser';
import { figure, filesOf, loadedRoots, sequentialRoundTrips, summarize, table, type Figure, type Manifest } from '../bench/lib/metrics';
import { benchImport, benchPlanLoad, benchPlannerBulk } from '../bench/lib/node-benchmarks';
import { benchRemindNational } from '../bench/lib/remind-national';
import { seedPlan } from '../emulator/seed/synthetic-plans';
import { startBenchServer, type BenchServer } from '../bench/lib/serve';
import { REPO_ROOT } from './dev-stack';

const argv = process.argv.slice(2);
const args = new Set(argv);
/** The value of `--name value` or `--name=value`. */
function option(name: string): string | undefined {
  const inline = argv.find((a) => a.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}
const JSON_OUT = args.has('--json');
const QUICK = args.has('--quick');
const RUNS = QUICK ? 1 : 7;
const RTTS = [0, 150] as const;
const MBIT = 10_000_000;
/** The benchmark groups; `--only opens,scale` runs some of them (while working on one figure; the judged run runs all). */
const GROUPS = ['opens', 'scale', 'planLoad', 'plannerBulk', 'remindNational', 'import'] as const;
type Group = (typeof GROUPS)[number];
const ONLY = new Set((option('--only') ?? GROUPS.join(',')).split(',').map((g) => g.trim()));
for (const g of ONLY) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`bench: --only ${g}: not one of ${GROUPS.join(', ')}`);
const runs = (group: Group): boolean => ONLY.has(group);
/** Plan sizes of `scale`; `--scales 5000` picks some. */
const SCALES = option('--scales')?.split(',').map(Number) ?? (QUICK ? [60] : [60, 300, 5000]);
if (SCALES.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('bench: --scales takes whole numbers of goals, e.g. --scales 300,5000');
/** Unions of `remindNational`: Fagforbundet's about 400 (10 with --quick, so CI stays fast). */
const UNIONS = QUICK ? 10 : 400;
const CACHE = path.join(REPO_ROOT, 'node_modules', '.cache', 'handlingsplan-bench');
const PORTS = { tab: 5473, host: 5474 };
const TAB_ORIGIN = `https://localhost:${PORTS.tab}`;
const HOST_ORIGIN = `https://localhost:${PORTS.host}`;
const DEV_TOKEN_MODULE = 'src/auth/dev-token-source.ts';
const MSAL_TOKEN_MODULE = 'src/auth/msal-token-source.ts';

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const figures: Figure[] = [];

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`bench: ${what} is missing`);
  return value;
}

const [planTeam, scaleTeam, largeTeam] = [must(DEMO_TEAMS[0], 'demo team 1'), must(DEMO_TEAMS[1], 'demo team 2'), must(DEMO_TEAMS[2], 'demo team 3')];

/** The host page URL that opens `team`'s plan view as `user` (a steward: the most common first screen). */
function hostUrl(team: DemoTeam, floor: boolean): string {
  const user = must(team.members[0], `a member of ${team.displayName}`);
  const params = new URLSearchParams({ user, team: team.displayName, locale: 'nb-NO', view: 'tab', subEntityId: 'plan' });
  if (floor) params.set('tabPath', '/floor/index.html');
  return `${HOST_ORIGIN}/?${params.toString()}`;
}

// --- sizes of files as the browser downloaded them -------------------------------------------------

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
  files: number;
}

function sizesOf(dir: string, files: readonly string[]): Sizes {
  const sizes: Sizes = { raw: 0, gzip: 0, brotli: 0, files: files.length };
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    sizes.raw += bytes.length;
    sizes.gzip += gzipSync(bytes, { level: 9 }).length;
    sizes.brotli += brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return sizes;
}

/** The built files (paths below the served root) of a page's JS and CSS downloads. */
function downloadedAssets(result: OpenResult, prefix: string): { js: string[]; css: string[] } {
  const paths = result.resources
    .filter((r) => r.end <= result.firstGoal)
    .map((r) => new URL(r.url).pathname)
    .filter((p) => p.startsWith(prefix))
    .map((p) => p.slice(prefix.length));
  return { js: [...new Set(paths.filter((p) => p.endsWith('.js')))].sort(), css: [...new Set(paths.filter((p) => p.endsWith('.css')))].sort() };
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

function kb(bytes: number): number {
  return Math.round(bytes / 102.4) / 10;
}

// --- stages ------------------------------------------------------------------------------------------

interface Stack {
  readonly emulator: RunningEmulator;
  readonly servers: readonly BenchServer[];
  /** The servers' certificate (PEM), which the browser trusts. */
  readonly certificate: string;
  readonly dirs: { app: string; tenant: string; floor: string; host: string };
}

async function buildAll(): Promise<Stack['dirs']> {
  const dirs = { app: path.join(CACHE, 'app'), tenant: path.join(CACHE, 'tenant'), floor: path.join(CACHE, 'floor'), host: path.join(CACHE, 'host') };
  const t0 = performance.now();
  await buildEmulatorApp(dirs.app, HOST_ORIGIN);
  await buildTenantApp(dirs.tenant);
  await buildFloor(dirs.floor, HOST_ORIGIN);
  await buildHost(dirs.host, `${TAB_ORIGIN}/index.html`);
  log(`built the app (emulator and tenant), the floor and the host page in ${Math.round((performance.now() - t0) / 1000)} s`);
  return dirs;
}

async function startStack(dirs: Stack['dirs']): Promise<Stack> {
  const certs = await ensureDevCertificates(path.join(REPO_ROOT, '.certs'));
  const emulator = await startEmulator({ port: 0, dataDir: null, seed: 'demo', certDir: path.join(REPO_ROOT, '.certs') });
  await seedTeamPlan(emulator, planTeam, new Date().toISOString().slice(0, 10));
  // The floor shows the same goals as the app: their texts, fetched as one JSON file.
  const plan = await new SharePointPlanRepository(graphClientAs(emulator, must(planTeam.members[0], 'member')), planTeam.id).load();
  const goals = plan?.goals ?? [];
  const areas = new Map((plan?.areas ?? []).map((a) => [a.id, a.title]));
  writeFileSync(path.join(dirs.floor, 'goals.json'), JSON.stringify(goals.map((g) => ({ id: g.id, text: g.text, area: areas.get(g.areaId) ?? '' }))));
  log(`the demo plan (${planTeam.displayName}) has ${goals.length} goals; the floor shows the same`);
  const proxyTarget = `https://127.0.0.1:${emulator.port}`;
  const servers = [
    await startBenchServer({ port: PORTS.tab, key: certs.key, cert: certs.cert, proxyTarget, bitsPerSecond: MBIT, roots: [{ prefix: '/floor/', dir: dirs.floor }, { prefix: '/', dir: dirs.app }] }),
    await startBenchServer({ port: PORTS.host, key: certs.key, cert: certs.cert, proxyTarget, bitsPerSecond: MBIT, roots: [{ prefix: '/', dir: dirs.host }] }),
  ];
  return { emulator, servers, dirs, certificate: certs.cert };
}

/** A first goal not painted within this long counts as a failed open (reported, left out of the medians). */
const OPEN_LIMIT_MS = 30_000;
const failedOpens: string[] = [];

/**
 * Runs one open, up to three times: a failure (nothing painted within the limit) is noted, counted
 * in the report, and tried again in a new browser context. Null when every try failed. (About one
 * open in five to seven stalls on this machine with nothing requested after the document: not yet
 * explained; see the README's Performance section.)
 */
async function attempt(what: string, open: () => Promise<OpenResult>): Promise<OpenResult | null> {
  for (let tries = 0; tries < 3; tries++) {
    try {
      return await open();
    } catch (error) {
      failedOpens.push(what);
      log(`${what} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return null;
}

/** One cold open (new browser context: empty cache and storage). */
async function coldOpen(browser: Browser, url: string, network: Network): Promise<OpenResult> {
  const context = await newContext(browser, TAB_ORIGIN);
  try {
    return (await openTab(context, url, TAB_ORIGIN, network, OPEN_LIMIT_MS)).result;
  } finally {
    await context.close();
  }
}

/** One warm open: the same context opens the tab a second time (HTTP cache and the app's stored cache kept). */
async function warmOpen(browser: Browser, url: string, network: Network): Promise<OpenResult> {
  const context = await newContext(browser, TAB_ORIGIN);
  try {
    const first = await openTab(context, url, TAB_ORIGIN, network, OPEN_LIMIT_MS);
    // Let the app store what it caches (persisters write shortly after a change), then leave.
    await first.page.waitForTimeout(1500);
    await first.page.close();
    return (await openTab(context, url, TAB_ORIGIN, network, OPEN_LIMIT_MS)).result;
  } finally {
    await context.close();
  }
}

/** The successful opens (none when every try stalled: their figures are then left out, and the failed opens counted). */
function succeeded(runs: ReadonlyArray<OpenResult | null>, what: string): OpenResult[] {
  const ok = runs.filter((r): r is OpenResult => r !== null);
  if (ok.length === 0) log(`every ${what} failed: its figures are left out`);
  return ok;
}

async function benchOpens(browser: Browser, dirs: Stack['dirs']): Promise<void> {
  const app = hostUrl(planTeam, false);
  const floor = hostUrl(planTeam, true);
  let appAt0: OpenResult | null = null;
  let floorAt0: OpenResult | null = null;
  for (const rtt of RTTS) {
    const network = { rttMs: rtt, bitsPerSecond: MBIT };
    const tries: { app: Array<OpenResult | null>; floor: Array<OpenResult | null> } = { app: [], floor: [] };
    for (let i = 0; i < RUNS; i++) {
      tries.app.push(await attempt(`cold open of the app at ${rtt} ms`, () => coldOpen(browser, app, network)));
      tries.floor.push(await attempt(`cold open of the floor at ${rtt} ms`, () => coldOpen(browser, floor, network)));
    }
    const runs = { app: succeeded(tries.app, 'cold open of the app'), floor: succeeded(tries.floor, 'cold open of the floor') };
    if (runs.app.length === 0 || runs.floor.length === 0) continue;
    log(`cold opens at ${rtt} ms: app ${runs.app.map((r) => Math.round(r.firstGoal)).join(', ')}; floor ${runs.floor.map((r) => Math.round(r.firstGoal)).join(', ')}`);
    if (rtt === 0) {
      appAt0 = must(runs.app[0], 'a cold open');
      floorAt0 = must(runs.floor[0], 'a cold open');
    }
    const appTime = summarize(runs.app.map((r) => r.firstGoal));
    const floorTime = summarize(runs.floor.map((r) => r.firstGoal));
    figures.push(
      figure({
        group: 'coldOpen',
        name: `first goal, ${rtt} ms RTT, 10 Mbit/s`,
        unit: 'ms',
        value: appTime,
        reference: { name: 'floor', value: floorTime.median },
        target: 1.3 * floorTime.median + 2 * rtt,
        targetRule: `1.3 × floor + 2 × ${rtt} ms`,
      }),
    );
    const trips = (r: OpenResult) => sequentialRoundTrips(r.resources, r.firstGoal);
    figures.push(
      figure({
        group: 'coldOpen',
        name: `sequential round trips before the first goal, ${rtt} ms RTT`,
        unit: 'round trips',
        value: summarize(runs.app.map(trips)),
        reference: { name: 'floor', value: summarize(runs.floor.map(trips)).median },
        target: 4,
        targetRule: 'page, preloaded code, ≤ 2 for Graph',
      }),
    );
  }

  if (appAt0 && floorAt0) {
    // Bytes of the first screen: what the cold open at 0 ms downloaded before its first goal.
    const appFiles = downloadedAssets(must(appAt0 ?? undefined, 'a cold open of the app'), '/');
    const floorFiles = downloadedAssets(must(floorAt0 ?? undefined, 'a cold open of the floor'), '/floor/');
    const emulatorManifest = readManifest(dirs.app);
    const tenantManifest = readManifest(dirs.tenant);
    const roots = loadedRoots(emulatorManifest, new Set([...appFiles.js, ...appFiles.css])).map((k) => (k === DEV_TOKEN_MODULE ? MSAL_TOKEN_MODULE : k));
    const tenantFiles = filesOf(tenantManifest, roots);
    const tenantJs = sizesOf(dirs.tenant, tenantFiles.filter((f) => f.endsWith('.js')));
    const tenantCss = sizesOf(dirs.tenant, tenantFiles.filter((f) => f.endsWith('.css')));
    const emulatorJs = sizesOf(dirs.app, appFiles.js);
    const floorJs = sizesOf(dirs.floor, floorFiles.js);
    const floorCss = sizesOf(dirs.floor, floorFiles.css);
    log(`first screen (tenant build): ${roots.join(', ')}`);
    figures.push(
      figure({
        group: 'bundle',
        name: `first-screen JS, gzip (tenant build with MSAL, ${tenantJs.files} files)`,
        unit: 'KB',
        value: kb(tenantJs.gzip),
        reference: { name: `floor, ${floorJs.files} files`, value: kb(floorJs.gzip) },
        target: 1.2 * kb(floorJs.gzip),
        targetRule: '1.2 × floor',
      }),
      figure({ group: 'bundle', name: 'first-screen JS, raw (tenant build)', unit: 'KB', value: kb(tenantJs.raw), reference: { name: 'floor', value: kb(floorJs.raw) } }),
      figure({ group: 'bundle', name: 'first-screen JS, brotli (tenant build)', unit: 'KB', value: kb(tenantJs.brotli), reference: { name: 'floor', value: kb(floorJs.brotli) } }),
      figure({ group: 'bundle', name: 'first-screen CSS, gzip (tenant build)', unit: 'KB', value: kb(tenantCss.gzip), reference: { name: 'floor', value: kb(floorCss.gzip) } }),
      figure({
        group: 'bundle',
        name: `first-screen JS, gzip (emulator build as opened, ${emulatorJs.files} files)`,
        unit: 'KB',
        value: kb(emulatorJs.gzip),
        reference: { name: 'floor', value: kb(floorJs.gzip) },
      }),
    );
  }

  // Warm opens at 0 ms: the second open in the same browser context.
  const network = { rttMs: 0, bitsPerSecond: MBIT };
  const warmTries: { app: Array<OpenResult | null>; floor: Array<OpenResult | null> } = { app: [], floor: [] };
  for (let i = 0; i < RUNS; i++) {
    warmTries.app.push(await attempt('warm open of the app', () => warmOpen(browser, app, network)));
    warmTries.floor.push(await attempt('warm open of the floor', () => warmOpen(browser, floor, network)));
  }
  const warm = { app: succeeded(warmTries.app, 'warm open of the app'), floor: succeeded(warmTries.floor, 'warm open of the floor') };
  if (warm.app.length === 0 || warm.floor.length === 0) return;
  const floorWarm = summarize(warm.floor.map((r) => r.firstGoal)).median;
  figures.push(
    figure({
      group: 'warmOpen',
      name: 'first goal, second open, 0 ms RTT',
      unit: 'ms',
      value: summarize(warm.app.map((r) => r.firstGoal)),
      reference: { name: 'floor', value: floorWarm },
      target: 1.2 * floorWarm,
      targetRule: '1.2 × floor',
    }),
  );
  // 'Before any Graph response': the margin from the first goal to the first Graph answer (≥ 0),
  // on warm opens at 150 ms, where Graph's answers take round trips as they do in a meeting room
  // (at 0 ms the local emulator answers within milliseconds, and the race says nothing about waiting).
  const margin = (r: OpenResult) => {
    const graph = r.resources.filter((x) => new URL(x.url).pathname.startsWith('/v1.0/')).map((x) => x.end);
    return (graph.length ? Math.min(...graph) : Number.POSITIVE_INFINITY) - r.firstGoal;
  };
  const slow = { rttMs: 150, bitsPerSecond: MBIT };
  const warmSlow: Array<OpenResult | null> = [];
  for (let i = 0; i < RUNS; i++) warmSlow.push(await attempt('warm open of the app at 150 ms', () => warmOpen(browser, app, slow)));
  const slowOpens = succeeded(warmSlow, 'warm open of the app at 150 ms');
  if (slowOpens.length === 0) return;
  figures.push(
    figure({
      group: 'warmOpen',
      name: 'first goal before the first Graph answer (margin), 150 ms RTT',
      unit: 'ms',
      value: summarize(slowOpens.map((r) => Math.min(margin(r), 60_000))),
      target: 0,
      targetRule: 'the cached plan shows before any Graph response',
      comparison: 'atLeast',
    }),
  );
}

async function benchScale(browser: Browser, emulator: RunningEmulator): Promise<void> {
  for (const goals of SCALES) {
    const team = goals === 300 ? largeTeam : scaleTeam;
    const t0 = performance.now();
    let seeded = true;
    try {
      await seedPlan(emulator, team, goals);
    } catch (error) {
      seeded = false;
      log(`importing ${goals} goals failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    figures.push(figure({ group: 'writes', name: `import of ${goals} goals: errors`, unit: 'errors', value: seeded ? 0 : 1, target: 0, targetRule: 'imports without error' }));
    if (seeded) figures.push(figure({ group: 'writes', name: `import of ${goals} goals through $batch (emulator, no added latency)`, unit: 's', value: seconds }));
    if (!seeded) continue;
    // An open that stalls is counted and tried again in a new context, as the cold and warm opens are.
    let context = await newContext(browser, TAB_ORIGIN);
    let opened: Awaited<ReturnType<typeof openTab>> | null = null;
    for (let tries = 0; tries < 3 && !opened; tries++) {
      try {
        opened = await openTab(context, hostUrl(team, false), TAB_ORIGIN, { rttMs: 150, bitsPerSecond: MBIT }, goals >= 5000 ? 120_000 : OPEN_LIMIT_MS);
      } catch (error) {
        failedOpens.push(`open of ${goals} goals`);
        log(`open of ${goals} goals failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        await context.close();
        context = await newContext(browser, TAB_ORIGIN);
      }
    }
    if (!opened) {
      log(`every open of ${goals} goals failed: its figures are left out`);
      await context.close();
      continue;
    }
    try {
      const { page, frame, result } = opened;
      figures.push(figure({ group: 'scale', name: `${goals} goals: first goal painted, 150 ms RTT`, unit: 'ms', value: result.firstGoal, target: 2000, targetRule: '≤ 2 s' }));
      // Let the whole plan render before heap and interaction are measured.
      await frame.waitForFunction(() => document.querySelector('[role="search"] [role="status"]') !== null, undefined, { timeout: 120_000 });
      await page.waitForTimeout(500);
      figures.push(figure({ group: 'scale', name: `${goals} goals: JS heap after GC`, unit: 'MB', value: Math.round((await heapAfterGc(page)) / 1e5) / 10, target: 60 }));
      const narrowing: number[] = [];
      const clearing: number[] = [];
      for (const query of QUICK ? ['medlemsmøter'] : ['medlemsmøter', 'KL*AR', 'Asker', 'verne', 'Org365']) {
        narrowing.push(await timeSearch(frame, query));
        clearing.push(await timeSearch(frame, ''));
      }
      figures.push(
        figure({ group: 'scale', name: `${goals} goals: search keystroke, narrowing`, unit: 'ms', value: summarize(narrowing), target: 100 }),
        figure({ group: 'scale', name: `${goals} goals: search keystroke, clearing`, unit: 'ms', value: summarize(clearing), target: 100 }),
      );
      const scroll = await longTasksWhileScrolling(frame);
      figures.push(
        figure({ group: 'scale', name: `${goals} goals: long tasks (> 50 ms) while scrolling`, unit: 'tasks', value: scroll.count, target: 0, note: `longest ${scroll.longestMs} ms` }),
      );
    } finally {
      await context.close();
    }
  }
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    log(`${CHROMIUM} is missing (apt-get install -y chromium): the browser benchmarks cannot run`);
    return 2;
  }
  mkdirSync(CACHE, { recursive: true });
  const started = performance.now();
  const dirs = await buildAll();
  const stack = await startStack(dirs);
  const browser = await launch({ trust: stack.certificate });
  try {
    if (runs('opens')) await benchOpens(browser, dirs);
    if (runs('scale')) await benchScale(browser, stack.emulator);
    if (runs('opens') || runs('scale')) {
      figures.push(
        figure({
          group: 'coldOpen',
          name: `opens with no goal painted within ${OPEN_LIMIT_MS / 1000} s (left out of the medians)`,
          unit: 'opens',
          value: failedOpens.length,
          target: 0,
          ...(failedOpens.length ? { note: failedOpens.join('; ') } : {}),
        }),
      );
    }
    if (runs('planLoad')) figures.push(...(await benchPlanLoad(stack.emulator, planTeam.id, must(planTeam.members[0], 'member'), QUICK ? 1 : 7)));
    if (runs('plannerBulk')) figures.push(...(await benchPlannerBulk(stack.emulator, planTeam, QUICK ? 1 : 5)));
  } finally {
    await browser.close();
    for (const server of stack.servers) await server.close();
    await stack.emulator.close();
  }
  if (runs('remindNational')) figures.push(...(await benchRemindNational(UNIONS, log)));
  if (runs('import')) figures.push(...(await benchImport(QUICK ? 1 : 5, QUICK ? 'samples' : 'all')));

  const missed = figures.filter((f) => f.met === false);
  const report = {
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGB: Math.round(os.totalmem() / 1e9), node: process.version, platform: `${os.type()} ${os.release()}` },
    network: { rttMs: [...RTTS], bitsPerSecond: MBIT, served: 'HTTP/2, gzip' },
    quick: QUICK,
    runs: RUNS,
    seconds: Math.round((performance.now() - started) / 1000),
    figures,
    met: figures.filter((f) => f.met === true).length,
    missed: missed.length,
  };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    process.stdout.write(`${table(figures)}\n`);
    process.stdout.write(`bench: ${report.met} met, ${report.missed} missed, ${report.seconds} s (${report.machine.cpus} cores, ${report.machine.cpu})\n`);
  }
  return QUICK || missed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
