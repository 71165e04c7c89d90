/**
 * `npm run emulator -- --port 4010 --data <dir> [--latency <ms>] [--failure-rate <0..1>] [--seed empty|demo]
 *   [--host <addr>] [--plans-module <path>]`
 * Runs the local Graph emulator until SIGINT/SIGTERM, then closes it and flushes its state.
 *
 * Plan seeding: when the tenant is freshly seeded with 'demo', the function exported as
 * `seedDemoPlans` (or default) from --plans-module, else from emulator/seed/demo-plans.ts when that
 * file exists, is run against the started emulator.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PORT, REPO_ROOT, startEmulator, type RunningEmulator } from '../emulator/server.ts';

type PlanSeeder = (emu: RunningEmulator) => Promise<void>;

const DEFAULT_PLANS_MODULE = path.join(REPO_ROOT, 'emulator', 'seed', 'demo-plans.ts');

async function loadPlanSeeder(modulePath: string | undefined): Promise<PlanSeeder | undefined> {
  const file = modulePath ? path.resolve(modulePath) : DEFAULT_PLANS_MODULE;
  if (!existsSync(file)) {
    if (modulePath) throw new Error(`--plans-module ${modulePath} does not exist`);
    return undefined;
  }
  const mod = (await import(pathToFileURL(file).href)) as { seedDemoPlans?: unknown; default?: unknown };
  const seeder = mod.seedDemoPlans ?? mod.default;
  if (typeof seeder !== 'function') throw new Error(`${file} exports no seedDemoPlans(emu) function`);
  return seeder as PlanSeeder;
}

function number(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number between ${min} and ${max}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      latency: { type: 'string' },
      'failure-rate': { type: 'string' },
      seed: { type: 'string' },
      'plans-module': { type: 'string' },
    },
    strict: true,
  });
  if (values.seed !== undefined && values.seed !== 'demo' && values.seed !== 'empty') throw new Error('--seed must be demo or empty');
  const seed = values.seed as 'demo' | 'empty' | undefined;
  const dataDir = path.resolve(values.data ?? path.join(REPO_ROOT, '.data', 'emulator'));

  const emulator = await startEmulator({
    port: number(values.port, 'port', 0, 65535) ?? DEFAULT_PORT,
    host: values.host,
    dataDir,
    seed,
    faults: { latencyMs: number(values.latency, 'latency', 0, 600_000), failureRate: number(values['failure-rate'], 'failure-rate', 0, 1) },
    onFreshSeed: await loadPlanSeeder(values['plans-module']),
  });
  console.log(`Graph emulator: ${emulator.graphUrl}`);
  console.log(`Data: ${dataDir}; CA certificate: ${path.join(REPO_ROOT, '.certs', 'ca.pem')}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the emulator…`);
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
