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

const SHOTS: readonly Shot[] = [
  { file: 'plan-board-nb.png', query: 'user=ingrid.haugland@org365.example&team=Fagforbundet%20Alver&locale=nb-NO&view=tab&subEntityId=plan' },
  { file: 'plan-steward-dark-nn.png', query: 'user=ola.nesse@org365.example&team=Fagforbundet%20Alver&locale=nn-NO&theme=dark&view=tab&subEntityId=plan' },
  { file: 'plan-mobile-en.png', query: 'user=tor-arne.pedersen@org365.example&team=Fagforbundet%20S%C3%B8r-Varanger&locale=en-US&view=tab&subEntityId=plan', width: 400 },
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
    await page.waitForTimeout(800);
    await page.screenshot({ path: new URL(shot.file, out).pathname });
    console.log(`docs/screenshots/${shot.file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
