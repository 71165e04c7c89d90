/**
 * Browser part of `npm run bench`: a plan of 300 goals in the real tab (production build with the
 * emulator configuration, Debian's Chromium through the local Teams host). Measures how long a
 * search keystroke takes to update the list, and how many long main-thread tasks (≥ 50 ms) occur
 * while the plan scrolls from top to bottom. Skipped (with a line saying so) when /usr/bin/chromium is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { graphClientAs } from '../emulator/app-client';
import { DEMO_TEAMS, demoPerson } from '../emulator/seed/demo-tenant';
import type { RunningEmulator } from '../emulator/server';
import { SharePointPlanImporter } from '../src/adapters/sharepoint/plan-import';
import type { ImportedArea } from '../src/domain/plan-import';
import { REPO_ROOT, startDevStack } from './dev-stack';

export interface BrowserResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: number;
}

const GOALS = 300;
const PORTS = { emulator: 4310, app: 5373, host: 5374 };

/** A plan of six areas with 50 goals each, stored through the app's own importer. */
async function seedLargePlan(emulator: RunningEmulator): Promise<void> {
  const team = DEMO_TEAMS[0];
  if (!team) throw new Error('no demo team');
  const people = [...team.owners, ...team.members];
  const areas: ImportedArea[] = Array.from({ length: 6 }, (_, a) => ({
    area: { number: a + 1, title: `Område ${a + 1}`, nationalGoals: [`Nasjonalt mål ${a + 1}.1`, `Nasjonalt mål ${a + 1}.2`], strategies: [] },
    goals: Array.from({ length: GOALS / 6 }, (_, g) => ({
      nationalGoal: `Nasjonalt mål ${a + 1}.${(g % 2) + 1}`,
      text: `Lokalt mål ${a + 1}.${g + 1}: ${g % 3 === 0 ? 'verve nye medlemmer på arbeidsplassen' : g % 3 === 1 ? 'holde medlemsmøter' : 'skolere tillitsvalgte i KL*AR'}`,
      kind: g % 3 === 0 ? ('measured' as const) : g % 3 === 1 ? ('recurring' as const) : ('milestone' as const),
      owners: [(({ id, displayName, mail }) => ({ id, displayName, email: mail }))(demoPerson(people[g % people.length] as string))],
      due: g % 4 === 0 ? '2027-06' : null,
      status: null,
      measure: g % 3 === 0 ? { unit: 'medlemmer', baseline: 0, target: 50, current: null } : null,
      recurrence: g % 3 === 1 ? { count: 4, per: 'year' as const } : null,
      tariffArea: null,
      sortOrder: g * 10,
    })),
  }));
  const importer = new SharePointPlanImporter(graphClientAs(emulator, team.owners[0] as string), team.id);
  await importer.importPlan({
    importId: 'bench-300-goals',
    mode: 'replace',
    plan: { union: team.displayName, periodFrom: 2026, periodTo: 2027, adoptedDate: '2026-02-19', language: 'nb' },
    areas,
    situation: [],
  });
}

export async function benchBrowser(): Promise<BrowserResult[]> {
  if (!existsSync('/usr/bin/chromium')) {
    console.log('skip browser benchmarks: /usr/bin/chromium is not installed');
    return [];
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'handlingsplan-bench-'));
  const stack = await startDevStack({
    emulatorPort: PORTS.emulator,
    appPort: PORTS.app,
    hostPort: PORTS.host,
    dataDir,
    seed: 'demo',
    onFreshSeed: seedLargePlan,
    app: 'preview',
    watch: false,
    logLevel: 'error',
    previewOutDir: path.join(REPO_ROOT, 'node_modules', '.cache', 'handlingsplan-bench-dist'),
    cacheDir: path.join(REPO_ROOT, 'node_modules', '.vite-bench'),
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const team = DEMO_TEAMS[0];
    const page = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } });
    const url = `${stack.hostUrl}?user=${encodeURIComponent(team?.owners[0] ?? '')}&team=${encodeURIComponent(team?.displayName ?? '')}&locale=nb-NO&view=tab&subEntityId=plan`;
    const started = performance.now();
    await page.goto(url);
    const tab = page.frameLocator('#tab-frame');
    await tab.locator('li[data-goal-id]').nth(GOALS - 1).waitFor({ timeout: 60_000 });
    const firstRender = performance.now() - started;
    const frame = page.frames().find((f) => f.url().startsWith(stack.appUrl));
    if (!frame) throw new Error('tab frame not found');

    // Search: time from a keystroke to the updated match count, median of 7 queries.
    const search = tab.getByRole('searchbox');
    const status = tab.getByRole('search').getByRole('status');
    const queries = ['verve', 'møter', 'KL*AR', 'arbeidsplassen', 'medlemsmøter', 'skolere', 'tillitsvalgte'];
    const times: number[] = [];
    for (const query of queries) {
      const before = await status.textContent();
      const t0 = performance.now();
      await search.fill(query);
      await frame.waitForFunction(
        (previous) => document.querySelector('[role="search"] [role="status"]')?.textContent !== previous,
        before,
        { polling: 'raf', timeout: 10_000 },
      );
      times.push(performance.now() - t0);
      await search.fill('');
      await frame.waitForFunction(() => document.querySelectorAll('li[data-goal-id]').length >= 300, undefined, { polling: 'raf' });
    }
    times.sort((a, b) => a - b);

    // Scroll the whole plan; the browser reports every main-thread task of 50 ms or more (a
    // 'long task', the threshold at which scrolling visibly stutters): count them.
    // Passed as source text: tsx would otherwise wrap named functions in a helper the page lacks.
    const longTasks = (await frame.evaluate(`(async () => {
      let count = 0;
      const observer = new PerformanceObserver((list) => {
        count += list.getEntries().length;
      });
      observer.observe({ type: 'longtask', buffered: false });
      const height = document.documentElement.scrollHeight;
      for (let y = 0; y < height; y += 300) {
        window.scrollTo(0, y);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      observer.disconnect();
      return count;
    })()`)) as number;

    return [
      { name: `${GOALS} goals: plan shown after opening the tab`, value: firstRender, unit: 'ms', target: 5000 },
      { name: `${GOALS} goals: search keystroke to updated list`, value: times[Math.floor(times.length / 2)] ?? 0, unit: 'ms', target: 150 },
      { name: `${GOALS} goals: long tasks (≥ 50 ms) while scrolling`, value: longTasks, unit: 'tasks', target: 0 },
    ];
  } finally {
    await browser.close();
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
