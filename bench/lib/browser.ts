/**
 * The browser side of `npm run bench`: Debian's Chromium (never a downloaded one) opening a tab
 * (the app or the floor) in the local Teams host, with Chromium's own network emulation adding the
 * round-trip time to every request and throttling the bandwidth, as DevTools does.
 *
 * Every time is taken inside the tab's document, in ms from its navigation start (the
 * `performance.now()` clock): the first goal counts as painted in the first task after the frame
 * that showed it; requests come from the Resource Timing API, so they are what the browser fetched.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import type { TimedRequest } from './metrics';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Chromium's pin of a certificate: base64 of the SHA-256 of its SubjectPublicKeyInfo. */
export function spkiPin(certificatePem: string): string {
  const der = new X509Certificate(certificatePem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/**
 * Chromium, trusting the local servers' certificate (`trust`, PEM) as if a CA had issued it.
 * Not merely ignoring its errors: Chromium keeps nothing in its HTTP cache from a connection with a
 * certificate error, so a warm open would download every file again.
 */
export async function launch(options: { trust?: string } = {}): Promise<Browser> {
  const pin = options.trust ? [`--ignore-certificate-errors-spki-list=${spkiPin(options.trust)}`] : [];
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...pin] });
}

export interface Network {
  /** Added to every request, as a round trip (ms). */
  readonly rttMs: number;
  /** Download bandwidth (bit/s), applied by the bench server per connection (serve.ts); 0 = not limited. */
  readonly bitsPerSecond: number;
}

/** A request of the tab's document (bytes are counted from the built files, bench.ts: sizesOf). */
export type Resource = TimedRequest;

export interface OpenResult {
  /** ms from the tab document's navigation start to the first goal painted. */
  readonly firstGoal: number;
  /** The document itself and everything it fetched until the results were read. */
  readonly resources: readonly Resource[];
}

/**
 * Runs in every frame before its scripts: in the tab's frame, keeps every resource timing and
 * notes when the first `[data-goal-id]` element was painted. Source text, not a function: tsx would
 * wrap a named function in a helper the page lacks.
 */
function probe(tabOrigin: string): string {
  return `(() => {
    if (location.origin !== ${JSON.stringify(tabOrigin)} || window === window.top) return;
    performance.setResourceTimingBufferSize(1000000);
    const bench = { firstGoal: null };
    Object.defineProperty(window, '__bench', { value: bench });
    const painted = (note) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => note(performance.now());
      channel.port2.postMessage(0);
    });
    const observer = new MutationObserver(() => {
      if (bench.firstGoal !== null || !document.querySelector('[data-goal-id]')) return;
      observer.disconnect();
      bench.firstGoal = -1;
      painted((t) => { bench.firstGoal = t; });
    });
    observer.observe(document, { childList: true, subtree: true });
    bench.afterPaint = () => new Promise((resolve) => painted(resolve));
  })();`;
}

/** A browser context (own cache and storage) whose tab frames carry the probe. */
export async function newContext(browser: Browser, tabOrigin: string, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport });
  await context.addInitScript({ content: probe(tabOrigin) });
  return context;
}

/**
 * The round-trip time, added by Chromium to every request. The bandwidth is the bench server's
 * (serve.ts `bitsPerSecond`): Chromium's own throughput throttling stalled module loading.
 */
export async function throttle(page: Page, network: Network): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: network.rttMs, downloadThroughput: -1, uploadThroughput: -1 });
}

/** The tab's frame in a host page, once it exists. */
export async function tabFrame(page: Page, tabOrigin: string, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith(tabOrigin));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no tab frame from ${tabOrigin}`);
    await page.waitForTimeout(20);
  }
}

/** Resource timings of the frame's document (the navigation first). */
export async function resourcesOf(frame: Frame): Promise<Resource[]> {
  // Source text: tsx would wrap a function's inner arrow functions in a helper the page lacks.
  return (await frame.evaluate(`(() => {
    const toResource = (e) => ({
      url: e.name,
      start: e.startTime,
      end: e.responseEnd,
      // A body from the cache without asking the server: nothing transferred, yet a body.
      fromCache: e.transferSize === 0 && e.decodedBodySize > 0,
    });
    const nav = performance.getEntriesByType('navigation')[0];
    const list = performance.getEntriesByType('resource').map(toResource);
    return nav ? [toResource(nav), ...list] : list;
  })()`)) as Resource[];
}

/**
 * Opens the host page at `url` in a new page of `context` and waits for the tab's first goal.
 * The network emulation applies from the first request of the host page.
 */
export async function openTab(
  context: BrowserContext,
  url: string,
  tabOrigin: string,
  network: Network,
  timeoutMs = 120_000,
): Promise<{ page: Page; frame: Frame; result: OpenResult }> {
  const page = await context.newPage();
  await throttle(page, network);
  await page.goto(url);
  const frame = await tabFrame(page, tabOrigin);
  // A function, not source text: a string would be evaluated with eval, which the app's CSP refuses.
  await frame.waitForFunction(() => ((window as unknown as { __bench?: { firstGoal: number | null } }).__bench?.firstGoal ?? 0) > 0, undefined, { timeout: timeoutMs, polling: 50 });
  const firstGoal = (await frame.evaluate('window.__bench.firstGoal')) as number;
  return { page, frame, result: { firstGoal, resources: await resourcesOf(frame) } };
}

/** The JS heap of the tab's renderer after a full garbage collection (bytes; the host page's small share included). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/**
 * Types `query` into the tab's search box the way a keystroke arrives (one input event with the
 * new value) and returns the ms until the frame after the list's status text changed was painted.
 */
export async function timeSearch(frame: Frame, query: string): Promise<number> {
  return (await frame.evaluate(`(async () => {
    const box = document.querySelector('[role="search"] input, input[type="search"]');
    const status = document.querySelector('[role="search"] [role="status"]');
    if (!box || !status) throw new Error('no search box or status');
    const before = status.textContent;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (status.textContent === before) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(status, { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    setter.call(box, ${JSON.stringify(query)});
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await changed;
    await window.__bench.afterPaint();
    return performance.now() - t0;
  })()`)) as number;
}

/** Scrolls the tab from top to bottom a screen at a time and counts main-thread tasks of 50 ms or more. */
export async function longTasksWhileScrolling(frame: Frame): Promise<{ count: number; longestMs: number }> {
  return (await frame.evaluate(`(async () => {
    let count = 0;
    let longest = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        count++;
        longest = Math.max(longest, entry.duration);
      }
    });
    observer.observe({ type: 'longtask', buffered: false });
    const step = Math.max(200, Math.floor(window.innerHeight * 0.8));
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    window.scrollTo(0, 0);
    return { count, longestMs: Math.round(longest) };
  })()`)) as { count: number; longestMs: number };
}
