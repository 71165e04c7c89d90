/**
 * The production build (served as the e2e setup serves it, against the emulator) talks to nobody
 * outside the tenant: through the local Teams host, a board member goes through the tab's screens
 * (Overview, a goal, Plan, My goals, Situation, Settings, Import with a PDF, the personal tab and
 * the configuration page) while every request of the page and its frames is recorded: documents,
 * scripts, styles, fonts, images, fetches. Each must go to the tab's own origin (Graph is the
 * emulator behind the app's /v1.0 proxy in these builds), the emulator itself (standing in for
 * Graph and sign-in), or teams-js's list of valid Teams origins on Microsoft's CDN, the one
 * documented request outside the tenant (it may fail here: it must still be the only one). No
 * request may get a 404 and the Content-Security-Policy must report no violation. The built
 * index.html carries the CSP <meta> with exactly the documented directives, and its favicon.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type FrameLocator, type Page, type Request } from '@playwright/test';
import { DEMO_TEAMS } from '../../emulator/seed/demo-tenant';
import { pdfFromText } from '../import/helpers/from-text';
import { openTab, type OpenTabOptions } from './support/host';
import { emulatorOrigin } from './support/graph';
import { E2E_APP_URL, E2E_HOST_URL } from './support/stack-env';

/** teams-js fetches this when it is imported (internal/constants.js `validOriginsCdnEndpoint`). */
const TEAMS_JS_VALID_ORIGINS = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

const APP = new URL(process.env.E2E_APP_URL ?? E2E_APP_URL).origin;
const HOST = new URL(process.env.E2E_HOST_URL ?? E2E_HOST_URL).origin;
const EMULATOR = new URL(emulatorOrigin()).origin;

/**
 * The policy of the e2e build: VITE_GRAPH_BASE_URL is '/v1.0' there (the app's own origin, so Graph
 * needs no source of its own) and the sign-in authority is the default. A tenant build adds
 * https://graph.microsoft.com to connect-src (tests/build/csp.test.ts).
 */
const EXPECTED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'https://*.sharepoint.com', 'https://login.microsoftonline.com', TEAMS_JS_VALID_ORIGINS],
  'frame-src': ["'self'", 'https://login.microsoftonline.com'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

const alver = DEMO_TEAMS.find((t) => t.planKey === 'alver');
if (!alver) throw new Error('demo team missing');
const board = alver.owners[0] as string;

interface Seen {
  url: string;
  type: string;
  /** Made by the host page itself (the stand-in for Teams), not by the tab or anything it opened. */
  byHost: boolean;
}

/** Records every request of the page, its frames and any popup, files not found, failures and CSP violations. */
function record(page: Page) {
  const requests: Seen[] = [];
  const notFound: string[] = [];
  const failures: string[] = [];
  const violations: string[] = [];
  const byHost = (request: Request) => {
    try {
      return request.frame() === page.mainFrame();
    } catch {
      return false; // a worker's request: not the host page's
    }
  };
  const context = page.context();
  context.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType(), byHost: byHost(request) }));
  context.on('response', (response) => {
    const { pathname } = new URL(response.url());
    // Vite's preview server answers a missing file with index.html (its SPA fallback) where a
    // static host says 404: a file (not a page) that comes back as HTML was not found either.
    const fallback =
      response.request().resourceType() !== 'document' &&
      /\.[a-z0-9]+$/i.test(pathname) &&
      !pathname.endsWith('.html') &&
      (response.headers()['content-type'] ?? '').includes('text/html');
    if (response.status() === 404 || fallback) notFound.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  context.on('requestfailed', (request) => failures.push(`${request.failure()?.errorText ?? '?'} ${request.url()}`));
  page.on('console', (message) => {
    if (/Content.Security.Policy|csp-violation/i.test(message.text())) violations.push(message.text());
  });
  return { requests, notFound, failures, violations };
}

async function open(page: Page, options: Omit<OpenTabOptions, 'user' | 'locale'>, heading: string | RegExp): Promise<FrameLocator> {
  const tab = await openTab(page, { user: board, locale: 'en-US', ...options });
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(heading, { timeout: 30_000 });
  return tab;
}

async function go(tab: FrameLocator, name: string, heading: string | RegExp) {
  await tab.getByRole('tab', { name, exact: true }).click();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(heading);
}

test('the built index.html carries exactly the Content-Security-Policy and a favicon that is served', async ({ request }) => {
  const html = await (await request.get(`${APP}/index.html`)).text();
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)];
  expect(metas).toHaveLength(1);
  const policy = metas[0]?.[1] ?? '';
  expect(directives(policy)).toEqual(EXPECTED_CSP);
  // It comes before anything it governs: right after <meta charset>.
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.search(/<script|<link|<style/));

  expect(html).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg" />');
  const icon = await request.get(`${APP}/favicon.svg`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
});

test('going through the tab makes no request outside the app, the emulator and the teams-js origin list', async ({ page }) => {
  test.setTimeout(120_000);
  // The browser's own CSP reports, from every frame (console messages alone may miss some).
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`csp-violation: ${e.effectiveDirective} blocked ${e.blockedURI} in ${e.documentURI}`);
    });
  });
  const seen = record(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  // Overview, a goal from the latest check-ins, then each screen from the tab bar.
  const tab = await open(page, { team: alver.displayName, view: 'tab' }, 'Overview');
  const link = tab.getByRole('region', { name: 'Latest check-ins' }).getByRole('link').first();
  const goal = (await link.textContent()) ?? '';
  await link.click();
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText(goal);
  await go(tab, 'Plan', /^Action plan \d{4}–\d{4}$/);
  await go(tab, 'My goals', 'My goals');
  await go(tab, 'Situation', 'Current situation and challenges');
  await go(tab, 'Settings', 'Settings');
  await go(tab, 'Import', 'Import the action plan');
  // pdf.js runs under the policy too (nothing is saved: the preview is all).
  const pdf = await pdfFromText(new Uint8Array(readFileSync(new URL('../../fixtures/plans/alver.txt', import.meta.url))));
  await tab.locator('input[type="file"]').setInputFiles({ name: 'handlingsplan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
  await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Check the import', { timeout: 30_000 });
  // The file was read in the import's Web Worker (the page never parses it), from the app's origin.
  expect(workers.some((url) => url.startsWith(`${APP}/assets/parse-worker-`)), workers.join(', ')).toBe(true);

  await open(page, { view: 'personal' }, 'My goals');
  await open(page, { team: alver.displayName, view: 'config' }, 'Add the action plan to this channel');
  // teams-js gives up on its origin list after 1.5 s; let that and any late request happen.
  await page.waitForTimeout(2_000);

  const allowed = (url: string, byHost: boolean) => {
    if (url === TEAMS_JS_VALID_ORIGINS) return true;
    if (url.startsWith('data:') || url.startsWith('blob:')) return true; // in-page, not a network request
    const origin = new URL(url).origin;
    return origin === APP || origin === EMULATOR || (byHost && origin === HOST);
  };
  const outside = seen.requests.filter((r) => !allowed(r.url, r.byHost)).map((r) => `${r.type} ${r.url}${r.byHost ? ' (host page)' : ''}`);
  expect.soft(outside, 'requests outside the app, the emulator and the teams-js origin list').toEqual([]);

  // The recording is real: the tab loaded its code and its data from its own origin.
  const tabRequests = seen.requests.filter((r) => !r.byHost);
  expect(tabRequests.some((r) => r.type === 'document' && r.url.startsWith(`${APP}/index.html`))).toBe(true);
  expect(tabRequests.some((r) => r.type === 'script' && r.url.startsWith(`${APP}/assets/`))).toBe(true);
  expect(tabRequests.some((r) => r.url.startsWith(`${APP}/v1.0/`))).toBe(true);

  expect.soft(seen.notFound, 'files not found (404, or index.html in their place)').toEqual([]);
  expect.soft(seen.violations, 'Content-Security-Policy violations').toEqual([]);
  // Nothing failed to load (blocked, refused, not found), apart from the origin list (there may be
  // no network to Microsoft's CDN in a test run) and requests cancelled by opening the next view.
  const failed = seen.failures.filter((f) => !f.endsWith(` ${TEAMS_JS_VALID_ORIGINS}`) && !f.startsWith('net::ERR_ABORTED '));
  expect.soft(failed, 'failed requests').toEqual([]);
});
