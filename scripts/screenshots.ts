/**
 * Takes the README's screenshots from a running `npm start` (local Teams host with demo data),
 * in Debian's Chromium: `npx tsx scripts/screenshots.ts [hostUrl]`. The last two create Planner
 * tasks for Alver's first area: take them from a fresh demo tenant (rm -rf .data/emulator).
 */
import { mkdirSync } from 'node:fs';
import { chromium, type FrameLocator, type Page } from 'playwright-core';

const host = process.argv[2] ?? 'https://localhost:5174/';
const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });

interface Shot {
  readonly file: string;
  readonly query: string;
  readonly width?: number;
  readonly waitFor?: string;
  /** Steps before the picture (e.g. opening a dialog); `frame` is the tab. */
  readonly act?: (page: Page, frame: FrameLocator) => Promise<void>;
  /** The host page itself is the subject (its Planner view), not a framed tab. */
  readonly hostView?: boolean;
}

const ALVER = 'team=Fagforbundet%20Alver';
const BOARD = 'user=ingrid.haugland@org365.example';
const STEWARD = 'user=ola.nesse@org365.example';

const SHOTS: readonly Shot[] = [
  { file: 'overview-board-nb.png', query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=overview` },
  { file: 'plan-board-nb.png', query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=plan` },
  { file: 'goal-steward-nn.png', query: `${STEWARD}&${ALVER}&locale=nn-NO&view=tab&subEntityId=goal:4` },
  { file: 'my-goals-steward-dark-nn.png', query: `${STEWARD}&${ALVER}&locale=nn-NO&theme=dark&view=tab&subEntityId=mine` },
  { file: 'situation-board-en.png', query: `${BOARD}&${ALVER}&locale=en-US&view=tab&subEntityId=situation` },
  {
    file: 'plan-table-board-nb.png',
    query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=plan`,
    act: async (_page, frame) => {
      await frame.getByRole('tab', { name: 'Tabell' }).click();
      await frame.getByRole('grid').first().waitFor();
    },
  },
  {
    file: 'reports-board-nb.png',
    query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=reports`,
    act: async (_page, frame) => {
      await frame.getByRole('heading', { level: 1 }).first().waitFor();
    },
  },
  { file: 'rollout-board-nb.png', query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=rollout` },
  { file: 'settings-board-nb.png', query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=settings` },
  { file: 'import-board-en.png', query: `${BOARD}&${ALVER}&locale=en-US&view=tab&subEntityId=import` },
  { file: 'config-board-nb.png', query: `${BOARD}&${ALVER}&locale=nb-NO&view=config`, waitFor: 'h1' },
  { file: 'personal-my-goals-nb.png', query: `${BOARD}&locale=nb-NO&view=personal` },
  { file: 'plan-contrast-mobile-en.png', query: `user=tor-arne.pedersen@org365.example&team=Fagforbundet%20S%C3%B8r-Varanger&locale=en-US&theme=contrast&view=tab&subEntityId=plan`, width: 360 },
  // Planner (issue 11): the board turns the goals without an owner into tasks, then the team's board
  // in the local host's Planner view. Run last: it writes Planner tasks into the demo tenant.
  {
    file: 'planner-assign-board-nb.png',
    query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=plan`,
    act: async (_page, frame) => {
      await frame.getByRole('button', { name: 'Velg', exact: true }).click();
      await frame.getByRole('button', { name: 'Alle mål uten ansvarlig' }).click();
      // The demo's goals all have owners: take the first area's goals instead.
      await frame.getByRole('checkbox', { name: 'Velg alle i dette området' }).first().check();
      await frame.getByRole('button', { name: /Tildel og opprett oppgaver i Planner/ }).click();
      await frame.getByRole('dialog').getByRole('table').waitFor({ timeout: 60_000 });
    },
  },
  {
    file: 'planner-host-board-nb.png',
    query: `${BOARD}&${ALVER}&locale=nb-NO&view=planner`,
    hostView: true,
    act: async (page) => {
      // Create the tasks previewed above, then show the team's Planner board.
      await page.goto(`${host}?${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=plan`);
      const frame = page.frameLocator('#tab-frame');
      await frame.getByRole('button', { name: 'Velg', exact: true }).click();
      await frame.getByRole('checkbox', { name: 'Velg alle i dette området' }).first().check();
      await frame.getByRole('button', { name: /Tildel og opprett oppgaver i Planner/ }).click();
      const create = frame.getByRole('dialog').getByRole('button', { name: /^Opprett/ });
      await create.waitFor({ timeout: 60_000 });
      await page.waitForTimeout(3000);
      // Taken again on the same tenant, the goals have their tasks already and nothing is created.
      if (await create.isEnabled()) {
        await create.click();
        // The summary (not the preview's "blir opprettet først"): its Close button.
        await frame.getByRole('dialog').getByRole('button', { name: 'Lukk' }).waitFor({ timeout: 60_000 });
      }
      await page.goto(`${host}?${BOARD}&${ALVER}&locale=nb-NO&view=planner`);
      await page.getByRole('heading', { level: 3 }).first().waitFor({ timeout: 60_000 });
    },
  },
  // Reminders (issue 12): the board's preview of 'Send reminders now', then the posted cards in the
  // team's 'Påminnelser' channel, in the local host's Channel view. Writes posts into the demo tenant.
  {
    file: 'reminders-send-board-nb.png',
    query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=settings`,
    act: async (_page, frame) => {
      await frame.getByRole('button', { name: 'Send påminnelser nå' }).click();
      await frame.getByRole('dialog').getByTestId('adaptive-card').first().waitFor({ timeout: 60_000 });
    },
  },
  {
    file: 'reminders-channel-nb.png',
    query: `${BOARD}&${ALVER}&locale=nb-NO&view=channel&channel=P%C3%A5minnelser`,
    hostView: true,
    act: async (page) => {
      await page.goto(`${host}?${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=settings`);
      const frame = page.frameLocator('#tab-frame');
      await frame.getByRole('button', { name: 'Send påminnelser nå' }).click();
      const post = frame.getByRole('dialog').getByRole('button', { name: 'Post' });
      await post.waitFor({ timeout: 60_000 });
      if (await post.isEnabled()) {
        await post.click();
        await frame.getByRole('dialog').getByText(/ble postet/).waitFor({ timeout: 60_000 });
      }
      await page.goto(`${host}?${BOARD}&${ALVER}&locale=nb-NO&view=channel&channel=P%C3%A5minnelser`);
      await page.getByRole('article').first().waitFor({ timeout: 60_000 });
    },
  },
  ...(process.env.SHOTS_EXTRA ? (JSON.parse(process.env.SHOTS_EXTRA) as Shot[]) : []),
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
// SHOTS_ONLY=a.png,b.png takes only those.
const only = process.env.SHOTS_ONLY?.split(',');
try {
  for (const shot of SHOTS.filter((s) => !only || only.includes(s.file))) {
    const page = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: shot.width ?? 1280, height: 860 } });
    await page.goto(`${host}?${shot.query}`);
    const frame = page.frameLocator('#tab-frame');
    if (!shot.hostView) await frame.locator(shot.waitFor ?? 'h1').first().waitFor({ timeout: 60_000 });
    await shot.act?.(page, frame);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: new URL(shot.file, out).pathname });
    console.log(`docs/screenshots/${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
