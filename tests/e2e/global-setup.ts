/**
 * Starts the dev stack on the e2e ports with a fresh temporary data dir and the demo tenant
 * (plus the demo plans when emulator/seed/demo-plans.ts exists), and returns the teardown.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { REPO_ROOT, startDevStack, type DevStackOptions } from '../../scripts/dev-stack';
import { E2E_ENV, e2ePorts } from './support/stack-env';

type SeedHook = NonNullable<DevStackOptions['onFreshSeed']>;

async function planSeedHook(): Promise<SeedHook | undefined> {
  if (process.env.E2E_SEED_PLANS === '0') return undefined;
  if (!existsSync(path.join(REPO_ROOT, 'emulator', 'seed', 'demo-plans.ts'))) return undefined;
  const module = (await import('../../emulator/seed/demo-plans')) as { seedDemoPlans?: SeedHook };
  return module.seedDemoPlans;
}

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const started = Date.now();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'handlingsplan-e2e-'));
  const ports = e2ePorts();
  const options: DevStackOptions = {
    emulatorPort: ports.emulator,
    appPort: ports.app,
    hostPort: ports.host,
    dataDir,
    seed: 'demo',
    watch: false,
    // A production build of the tab with the dev configuration: pages load in about a second.
    // E2E_APP_MODE=dev serves it from the Vite dev server instead (slower, for debugging).
    app: process.env.E2E_APP_MODE === 'dev' ? 'dev' : 'preview',
    previewOutDir: path.join(REPO_ROOT, 'node_modules', '.cache', `handlingsplan-e2e-dist-${ports.app}`),
    // One dependency cache per port set, so concurrent runs do not overwrite each other's.
    cacheDir: path.join(REPO_ROOT, 'node_modules', `.vite-e2e-${ports.app}`),
    logLevel: 'warn',
  };
  const seedPlans = await planSeedHook();
  if (seedPlans) options.onFreshSeed = seedPlans;
  const stack = await startDevStack(options);
  process.env[E2E_ENV.hostUrl] = stack.hostUrl;
  process.env[E2E_ENV.appUrl] = stack.appUrl;
  process.env[E2E_ENV.emulatorUrl] = stack.emulator.origin;
  console.log(`[e2e] stack up in ${Date.now() - started} ms (demo plans ${seedPlans ? 'seeded' : 'not seeded'}): host ${stack.hostUrl}, app ${stack.appUrl}, emulator ${stack.emulator.origin}`);

  return async () => {
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
