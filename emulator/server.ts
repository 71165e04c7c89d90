import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDevCertificates } from './certs.ts';
import { GraphDispatcher } from './core/dispatcher.ts';
import { FaultInjector, type FaultOptions } from './core/faults.ts';
import { assertTimeZone } from './sharepoint/time-zone.ts';
import { createRequestListener } from './core/http-adapter.ts';
import { RequestLog, type RequestLogEntry } from './core/request-log.ts';
import { runBatch } from './graph/batch.ts';
import { createGraphRouter } from './graph/index.ts';
import { SharePointRest } from './sharepoint-rest/rest-service.ts';
import { BOT_CONNECTOR_BASE } from './messaging/bot-connector.ts';
import type { BotRateLimitOptions } from './messaging/rate-limit.ts';
import { MessagingService } from './messaging/service.ts';
import { WORKFLOWS_WEBHOOK_BASE } from './messaging/workflows-webhook.ts';
import { buildTenant, ensureDemoAppAccess, ensureDemoMessaging, ensureDemoUsers } from './seed/build-tenant.ts';
import { syntheticUnions } from './seed/synthetic-unions.ts';
import { StatePersistence } from './state/persistence.ts';
import { TenantStore } from './state/tenant-store.ts';

export type { FaultOptions } from './core/faults.ts';
export type { RequestLogEntry } from './core/request-log.ts';
export type { BotRateLimitOptions, RateWindow } from './messaging/rate-limit.ts';

export interface EmulatorOptions {
  /** 0 = ephemeral; default 4010. */
  port?: number;
  /** Bind address; default 127.0.0.1. */
  host?: string;
  /** Directory for tenant.json; null or absent = in memory only. */
  dataDir?: string | null;
  /** Default <repo>/.certs. */
  certDir?: string;
  /**
   * Applied only when dataDir has no state yet; default 'demo'. Both give the demo directory
   * (users, teams, channels, sites); only 'demo' runs `onFreshSeed` (which seeds the plans).
   */
  seed?: 'demo' | 'empty';
  /**
   * Synthetic local unions added to a freshly built tenant besides the demo teams (default 0):
   * 'Fagforbundet Lokallag 001' … with stable ids, each set up as a demo team is (channels, the
   * app installed, its Sites.Selected grant) but without a plan (seed/synthetic-unions.ts). For
   * benchmarks of national scale; a tenant loaded from dataDir is left as it was saved.
   */
  syntheticUnions?: number;
  faults?: FaultOptions;
  /** Called once after startup when the tenant was freshly seeded with 'demo' (not when loaded from dataDir). */
  onFreshSeed?: (emu: RunningEmulator) => Promise<void>;
  /** The sites' time zone (IANA) that date-only columns follow, as a site's regional settings do; default Europe/Oslo. */
  siteTimeZone?: string;
  /** SharePoint's list view threshold for non-indexed filters on lists over 5,000 items; default true. */
  enforceListViewThreshold?: boolean;
  /**
   * Whether the SharePoint REST endpoints (`<site webUrl>/_api/…`) answer CORS (preflight and
   * Access-Control-Allow-Origin); default true. false sends no CORS headers at all, so a browser's
   * fetch fails with a TypeError, as SharePoint Online may (facts §15.6: not confirmed either way).
   */
  sharePointRestCors?: boolean;
  /**
   * The Bot Connector's rate limit per bot per channel (429 + Retry-After; facts §16.5): on by
   * default with Teams' windows (7/s, 8/2 s, 60/30 s, 1800/h). `{ enabled: false }` turns it off,
   * `windows` and a fake `now` clock make it deterministic in tests. Switchable at run time with
   * `PUT /_emulator/bot-rate-limit {"enabled": …}`.
   */
  botRateLimit?: BotRateLimitOptions;
}

export interface RunningEmulator {
  /** 'https://localhost:PORT' */
  origin: string;
  /** origin + '/v1.0' */
  graphUrl: string;
  /** The bot's serviceUrl: origin + '/botframework/' (messaging/bot-connector.ts). */
  botServiceUrl: string;
  /** The token endpoint for client credentials (the bot's and app-only Graph): origin + '/<tenant id>/oauth2/v2.0/token'. */
  tokenUrl: string;
  /** The URL of a Workflows webhook by its id: origin + '/webhooks/workflows/<id>'. */
  webhookUrl(webhookId: string): string;
  port: number;
  /** PEM of the CA that signed the server certificate. */
  ca: string;
  requestLog(): RequestLogEntry[];
  clearLog(): void;
  setFaults(f: FaultOptions): void;
  /** The fault settings in force (failCount: how many failures are left). */
  faults(): FaultOptions;
  close(): Promise<void>;
}

export const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const DEFAULT_PORT = 4010;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const certs = await ensureDevCertificates(options.certDir ?? join(REPO_ROOT, '.certs'));
  const persistence = options.dataDir ? new StatePersistence(options.dataDir) : undefined;
  const loaded = persistence?.load();
  const seedKind = options.seed ?? 'demo';
  const state = loaded ?? buildTenant(seedKind, syntheticUnions(options.syntheticUnions ?? 0));
  // A tenant saved before channel messaging gets the demo teams' reminder channel, app and webhook;
  // one saved before app-only access the demo app's registration, RSC and site grants.
  const messagingAdded = loaded !== undefined && ensureDemoMessaging(loaded);
  const appAccessAdded = loaded !== undefined && ensureDemoAppAccess(loaded);
  // One saved before the demo directory grew gets the demo people it lacks.
  const usersAdded = loaded !== undefined && ensureDemoUsers(loaded);
  const upgraded = messagingAdded || appAccessAdded || usersAdded;
  const store = new TenantStore(state);
  if (options.siteTimeZone !== undefined) {
    assertTimeZone(options.siteTimeZone);
    store.siteTimeZone = options.siteTimeZone;
  }
  const runSeedHook = !loaded && seedKind === 'demo' && options.onFreshSeed !== undefined;
  // A fresh tenant is saved only once its seed hook has finished, so that an interrupted or
  // failed seed is not mistaken for a seeded tenant on the next start.
  let persisting = false;
  const startPersisting = (): void => {
    if (!persistence || persisting) return;
    persisting = true;
    store.onChange(() => persistence.schedule(state));
    if (!loaded || upgraded) persistence.schedule(state);
  };

  const faults = new FaultInjector(options.faults);
  const log = new RequestLog();
  const handlerOptions = { enforceListViewThreshold: options.enforceListViewThreshold ?? true };
  const dispatcher = new GraphDispatcher(createGraphRouter(), store, faults, log, handlerOptions, runBatch);

  const host = options.host ?? '127.0.0.1';
  const server = createServer({ key: certs.key, cert: certs.cert });
  // An idle connection stays open longer than clients keep theirs (Node's 5 s default closed them
  // while a client was reusing one: 'socket hang up' on a request that never reached the server).
  // Microsoft's front doors keep idle connections for minutes; headersTimeout must exceed this.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  const sharePoint = new SharePointRest(store, log, faults, { cors: options.sharePointRestCors ?? true });
  const messaging = new MessagingService(store, log, faults, options.botRateLimit);
  // Acknowledged writes are durable once the tenant is being saved (a fresh seed is saved as a whole when it ends).
  const durable = (): Promise<void> => (persistence && persisting ? persistence.commit() : Promise.resolve());
  server.on('request', createRequestListener(dispatcher, { store, log, faults, messaging }, `localhost:${port}`, sharePoint, durable, messaging));

  let closed: Promise<void> | undefined;
  const origin = `https://localhost:${port}`;
  const emulator: RunningEmulator = {
    origin,
    graphUrl: `${origin}/v1.0`,
    botServiceUrl: `${origin}${BOT_CONNECTOR_BASE}/`,
    tokenUrl: `${origin}/${state.tenantId}/oauth2/v2.0/token`,
    webhookUrl: (webhookId) => `${origin}${WORKFLOWS_WEBHOOK_BASE}/${webhookId}`,
    port,
    ca: certs.ca,
    requestLog: () => log.list(),
    clearLog: () => log.clear(),
    setFaults: (f) => faults.set(f),
    faults: () => faults.get(),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => persistence?.flush());
      return closed;
    },
  };

  if (runSeedHook && options.onFreshSeed) {
    try {
      await options.onFreshSeed(emulator);
    } catch (err) {
      await emulator.close();
      throw err;
    }
  }
  startPersisting();
  return emulator;
}
