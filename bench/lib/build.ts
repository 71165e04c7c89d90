/**
 * The builds `npm run bench` measures, each a production Vite build with a manifest:
 * - the app as the emulator runs it (dev sign-in, Graph at the relative '/v1.0'): what the browser
 *   benchmarks open;
 * - the app as a tenant runs it (MSAL, Graph at graph.microsoft.com): whose first-screen bytes are
 *   counted, since MSAL is part of the first screen in production and not in the emulator build;
 * - the floor tab (bench/floor/) and the local Teams host page (host-sim/), both static.
 */
import path from 'node:path';
import { build, type InlineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { DEMO_TENANT_ID } from '../../emulator/seed/demo-tenant';
import { DEV_TEAMS_APP_ID, REPO_ROOT } from '../../scripts/dev-stack';

const APP_ENV_KEYS = ['VITE_GRAPH_BASE_URL', 'VITE_AUTH_MODE', 'VITE_TEAMS_HOST_ORIGINS', 'VITE_TEAMS_APP_ID', 'VITE_AAD_CLIENT_ID', 'VITE_AAD_AUTHORITY'] as const;

/** Runs a build with exactly these VITE_* variables set (Vite reads them from process.env). */
async function withEnv<T>(env: Partial<Record<(typeof APP_ENV_KEYS)[number], string>>, run: () => Promise<T>): Promise<T> {
  const saved = new Map(APP_ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const key of APP_ENV_KEYS) {
    const value = env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return await run();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function appConfig(outDir: string): InlineConfig {
  return {
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    root: REPO_ROOT,
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true },
  };
}

/** The app for the emulator, its host page at `hostOrigin`. */
export async function buildEmulatorApp(outDir: string, hostOrigin: string): Promise<void> {
  await withEnv(
    { VITE_GRAPH_BASE_URL: '/v1.0', VITE_AUTH_MODE: 'dev', VITE_TEAMS_HOST_ORIGINS: hostOrigin, VITE_TEAMS_APP_ID: DEV_TEAMS_APP_ID },
    () => build(appConfig(outDir)),
  );
}

/** The app as built for a tenant (docs/deployment.md): MSAL sign-in, Microsoft Graph. Never served. */
export async function buildTenantApp(outDir: string): Promise<void> {
  await withEnv(
    {
      VITE_AAD_CLIENT_ID: '00000000-0000-4000-8000-000000000000',
      VITE_AAD_AUTHORITY: `https://login.microsoftonline.com/${DEMO_TENANT_ID}`,
      VITE_TEAMS_APP_ID: DEV_TEAMS_APP_ID,
    },
    () => build(appConfig(outDir)),
  );
}

/** The floor tab, served under /floor/ on the app's origin. */
export async function buildFloor(outDir: string, hostOrigin: string): Promise<void> {
  await build({
    configFile: false,
    envDir: false,
    root: path.join(REPO_ROOT, 'bench', 'floor'),
    base: '/floor/',
    mode: 'production',
    logLevel: 'error',
    plugins: [react()],
    define: { __FLOOR_HOST_ORIGIN__: JSON.stringify(hostOrigin) },
    build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true },
  });
}

/** The local Teams host page, framing the tab at `tabUrl`. */
export async function buildHost(outDir: string, tabUrl: string): Promise<void> {
  await build({
    configFile: false,
    envDir: false,
    root: path.join(REPO_ROOT, 'host-sim'),
    mode: 'production',
    logLevel: 'error',
    publicDir: false,
    define: { __HOST_SIM_CONFIG__: JSON.stringify({ tabUrl, appId: DEV_TEAMS_APP_ID, tenantId: DEMO_TENANT_ID }) },
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}
