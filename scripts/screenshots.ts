/**
 * Takes the README's screenshots from a running `npm start` (local Teams host with demo data),
 * in Debian's Chromium: `npx tsx scripts/screenshots.ts [hostUrl]`.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const host = process.argv[2] ?? 'https://localhost:5174/';
const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });

interface Shot {
  readonly file: string;
  readonly query: string;
  readonly width?: number;
  readonly waitFor?: string;
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
  { file: 'settings-board-nb.png', query: `${BOARD}&${ALVER}&locale=nb-NO&view=tab&subEntityId=settings` },
  { file: 'import-board-en.png', query: `${BOARD}&${ALVER}&locale=en-US&view=tab&subEntityId=import` },
  { file: 'config-board-nb.png', query: `${BOARD}&${ALVER}&locale=nb-NO&view=config`, waitFor: 'h1' },
  { file: 'personal-my-goals-nb.png', query: `${BOARD}&locale=nb-NO&view=personal` },
  { file: 'plan-contrast-mobile-en.png', query: `user=tor-arne.pedersen@org365.example&team=Fagforbundet%20S%C3%B8r-Varanger&locale=en-US&theme=contrast&view=tab&subEntityId=plan`, width: 360 },
  ...(process.env.SHOTS_EXTRA ? (JSON.parse(process.env.SHOTS_EXTRA) as Shot[]) : []),
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ ignoreHTTPSErrors: true, viewport: { width: shot.width ?? 1280, height: 860 } });
    await page.goto(`${host}?${shot.query}`);
    const frame = page.frameLocator('#tab-frame');
    await frame.locator(shot.waitFor ?? 'h1').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: new URL(shot.file, out).pathname });
    console.log(`docs/screenshots/${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
