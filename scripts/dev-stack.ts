/**
 * The local dev/test stack: the Graph emulator (in-process), the app's Vite dev server and the local
 * Teams host page's Vite dev server, all HTTPS with one local CA (`.certs/`). The host page and the
 * tab are different origins (ports), as Teams and a tab are.
 *
 *   emulator   https://localhost:<emulatorPort>   Graph at /v1.0, control at /_emulator
 *   app        https://localhost:<appPort>        the tab; proxies /v1.0, /_emulator and /sites/<name>/_api to the emulator
 *   host page  https://localhost:<hostPort>       host-sim/; proxies /_emulator and /v1.0 (its Planner view) to the emulator
 *
 * The app gets its configuration through Vite env (VITE_GRAPH_BASE_URL, VITE_AUTH_MODE,
 * VITE_TEAMS_HOST_ORIGINS, VITE_TEAMS_APP_ID); the host page through a `define`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview, type InlineConfig } from 'vite';
import { ensureDevCertificates } from '../emulator/certs';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/server';
import { DEMO_TEAMS_APP_EXTERNAL_ID, DEMO_TENANT_ID } from '../emulator/seed/demo-tenant';

export type { EmulatorOptions, RunningEmulator };

/** The Teams app id used by the dev stack (deep links, manifest for local packages). */
export const DEV_TEAMS_APP_ID = DEMO_TEAMS_APP_EXTERNAL_ID;

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface DevStackOptions {
  emulatorPort: number;
  appPort: number;
  hostPort: number;
  /** Where the emulator keeps its tenant between runs; null keeps it in memory only. */
  dataDir: string | null;
  seed?: 'demo' | 'empty';
  /** Passed through to the emulator: runs once when the data dir was freshly seeded. */
  onFreshSeed?: EmulatorOptions['onFreshSeed'];
  faults?: EmulatorOptions['faults'];
  /** Watch files and hot-reload (default true). Off for e2e runs so edits elsewhere cannot reload a page mid-test. */
  watch?: boolean;
  /** Vite's dependency cache for the app (default node_modules/.vite); separate per concurrently running stack. */
  cacheDir?: string;
  /** Vite log level (default 'info'). */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /**
   * How the tab is served: 'dev' (Vite dev server, hot reload; default) or 'preview' (a production
   * build with the same dev configuration, served by Vite's preview server). E2E runs use 'preview':
   * pages load in about a second instead of several, since nothing is transformed on request.
   */
  app?: 'dev' | 'preview';
  /** Output folder of the 'preview' build (default node_modules/.cache/handlingsplan-e2e-dist). */
  previewOutDir?: string;
}

export interface DevStack {
  /** The local Teams host page, e.g. https://localhost:5174/ */
  hostUrl: string;
  /** The tab's origin, e.g. https://localhost:5173/ */
  appUrl: string;
  emulator: RunningEmulator;
  close(): Promise<void>;
}

/** Bare imports found in the app's sources, pre-bundled up front so that no dependency is discovered
 * (and the page reloaded by Vite's re-optimisation) in the middle of a session or test. */
const ALWAYS_PREBUNDLE = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'];
const BUILTIN = /^(node:|virtual:|vite\/|@vite\/|\/)/;

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function dependenciesToPrebundle(root: string = REPO_ROOT): string[] {
  const found = new Set<string>(ALWAYS_PREBUNDLE);
  const importPattern = /(?:^|[\s;])(?:import|export)\s+(?!type\s)[^'";]*?\bfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const file of walk(path.join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2];
      if (!specifier || specifier.startsWith('.') || BUILTIN.test(specifier)) continue;
      found.add(specifier);
    }
  }
  return [...found].filter((specifier) =>
    existsSync(path.join(root, 'node_modules', packageName(specifier), 'package.json')),
  );
}

function proxyTo(target: string) {
  // changeOrigin false keeps the browser's Host header, so the emulator's absolute
  // @odata.nextLink URLs point back at the app's own origin (facts §14.2: https nextLinks).
  return { target, secure: false, changeOrigin: false, ws: false };
}

const IGNORED = ['**/.data/**', '**/.certs/**', '**/test-results/**', '**/playwright-report/**', '**/dist/**'];

export async function startDevStack(options: DevStackOptions): Promise<DevStack> {
  const root = REPO_ROOT;
  const certs = await ensureDevCertificates(path.join(root, '.certs'));
  const https = { key: certs.key, cert: certs.cert };
  const watch = options.watch ?? true;
  const logLevel = options.logLevel ?? 'info';

  const emulatorOptions: EmulatorOptions = {
    port: options.emulatorPort,
    dataDir: options.dataDir,
    certDir: path.join(root, '.certs'),
    seed: options.seed ?? 'demo',
  };
  if (options.onFreshSeed) emulatorOptions.onFreshSeed = options.onFreshSeed;
  if (options.faults) emulatorOptions.faults = options.faults;
  const emulator = await startEmulator(emulatorOptions);
  // The emulator binds 127.0.0.1; proxying to that address avoids an IPv6 'localhost' miss.
  const emulatorTarget = `https://127.0.0.1:${emulator.port}`;

  const appUrl = `https://localhost:${options.appPort}/`;
  const hostUrl = `https://localhost:${options.hostPort}/`;
  const servers: Array<{ close(): Promise<void> }> = [];
  const close = async () => {
    for (const server of servers.splice(0).reverse()) await server.close().catch(() => undefined);
    await emulator.close();
  };

  try {
    // The app reads these through import.meta.env (Vite loads VITE_* from process.env).
    process.env.VITE_GRAPH_BASE_URL = '/v1.0';
    process.env.VITE_AUTH_MODE = 'dev';
    process.env.VITE_TEAMS_HOST_ORIGINS = hostUrl.replace(/\/$/, '');
    process.env.VITE_TEAMS_APP_ID = DEV_TEAMS_APP_ID;

    // The sites' SharePoint REST API (`{webUrl}/_api`, list permissions) is proxied too: with the
    // Host kept, the emulator gives the sites' webUrl on the app's origin, as Graph does the nextLinks.
    const proxy = { '/v1.0': proxyTo(emulatorTarget), '/_emulator': proxyTo(emulatorTarget), '^/sites/[^/]+/_api/': proxyTo(emulatorTarget) };
    if (options.app === 'preview') {
      const outDir = options.previewOutDir ?? path.join(root, 'node_modules', '.cache', 'handlingsplan-e2e-dist');
      const pages = existsSync(path.join(root, 'tests/e2e/pages'))
        ? readdirSync(path.join(root, 'tests/e2e/pages')).filter((f) => f.endsWith('.html')).map((f) => `tests/e2e/pages/${f}`)
        : [];
      await build({
        configFile: path.join(root, 'vite.config.ts'),
        root,
        mode: 'production',
        logLevel: logLevel === 'info' ? 'warn' : logLevel,
        build: {
          outDir,
          emptyOutDir: true,
          sourcemap: false,
          rollupOptions: { input: Object.fromEntries([['main', 'index.html'], ...pages.map((p) => [path.basename(p, '.html'), p])]) },
        },
      });
      const server = await preview({
        configFile: path.join(root, 'vite.config.ts'),
        root,
        logLevel,
        build: { outDir },
        preview: { host: 'localhost', port: options.appPort, strictPort: true, https, proxy },
      });
      servers.push({ close: () => server.close() });
    } else {
      const warmup = ['src/main.tsx'].filter((file) => existsSync(path.join(root, file))).map((file) => `./${file}`);
      const appConfig: InlineConfig = {
        configFile: path.join(root, 'vite.config.ts'),
        root,
        mode: 'development',
        clearScreen: false,
        logLevel,
        server: {
          host: 'localhost',
          port: options.appPort,
          strictPort: true,
          https,
          proxy,
          warmup: { clientFiles: warmup },
          watch: watch ? { ignored: IGNORED } : null,
          hmr: watch,
        },
        optimizeDeps: {
          include: dependenciesToPrebundle(root),
          entries: ['index.html', 'tests/e2e/pages/**/*.html'].filter(
            (entry) => entry.includes('*') || existsSync(path.join(root, entry)),
          ),
        },
      };
      if (options.cacheDir) appConfig.cacheDir = options.cacheDir;
      const app = await createServer(appConfig);
      servers.push(app);
      await app.listen();
    }

    const host = await createServer({
      configFile: false,
      envDir: false,
      root: path.join(root, 'host-sim'),
      cacheDir: path.join(options.cacheDir ?? path.join(root, 'node_modules', '.vite'), 'host-sim'),
      publicDir: false,
      mode: 'development',
      clearScreen: false,
      logLevel,
      define: {
        __HOST_SIM_CONFIG__: JSON.stringify({
          tabUrl: `${appUrl}index.html`,
          appId: DEV_TEAMS_APP_ID,
          tenantId: DEMO_TENANT_ID,
        }),
      },
      server: {
        host: 'localhost',
        port: options.hostPort,
        strictPort: true,
        https,
        proxy: { '/_emulator': proxyTo(emulatorTarget), '/v1.0': proxyTo(emulatorTarget) },
        fs: { allow: [root] },
        watch: watch ? { ignored: IGNORED } : null,
        hmr: watch,
      },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    servers.push(host);
    await host.listen();
  } catch (error) {
    await close();
    throw error;
  }

  return { hostUrl, appUrl, emulator, close };
}
