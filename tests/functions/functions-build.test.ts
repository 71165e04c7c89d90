/**
 * The Azure Functions app's build and files (functions/, issue 12): `npm run build:functions`
 * type-checks it against the real @azure/functions types and bundles it into dist/index.js, which
 * Node loads and which registers the `reminders` timer; host.json and the example settings are as
 * functions/README.md says; functions/ keeps to its lane (the runner only, no dev-only code).
 *
 * `npm run build:functions` installs functions/package-lock.json first (`npm ci --prefix
 * functions`: the registry or npm's cache), so CI needs nothing beyond the root's `npm ci`.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const functions = path.join(root, 'functions');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(functions, file), 'utf8'));

describe('the Functions app build', () => {
  it('builds dist/index.js, which loads in Node, registers the reminders timer and keeps @azure/functions external', async () => {
    // Installs functions/package-lock.json's dependencies (npm ci), type-checks and bundles.
    await run(npm, ['run', 'build:functions'], { cwd: root, timeout: 240_000 });
    expect(existsSync(path.join(functions, 'node_modules/@azure/functions/package.json'))).toBe(true);
    const bundle = path.join(functions, 'dist/index.js');
    expect(existsSync(bundle)).toBe(true);

    // Outside the Functions host the package runs in test mode and says which function it would register.
    const loaded = await run(process.execPath, ['-e', `require(${JSON.stringify(bundle)}); console.log('loaded');`], { cwd: functions, timeout: 60_000 });
    expect(loaded.stdout).toContain('loaded');
    expect(loaded.stderr).toContain('register function "reminders"');

    const code = readFileSync(bundle, 'utf8');
    expect(code).toContain('require("@azure/functions")');
    expect(code).toContain('%REMINDER_SCHEDULE%');
    // Only Node's own modules besides @azure/functions: the runner's dependencies are inside.
    const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] as string));
    const builtins = new Set(['crypto', 'util', 'buffer', 'stream', 'http', 'https', 'os', 'fs', 'path', 'url', 'zlib', 'events', 'net', 'tls', 'querystring']);
    expect([...required].filter((name) => name !== '@azure/functions' && !name.startsWith('node:') && !builtins.has(name))).toEqual([]);
  }, 300_000);

  it('declares the v4 entry point and the one runtime dependency', () => {
    const pkg = readJson('package.json') as { private?: boolean; main?: string; type?: string; dependencies?: Record<string, string> };
    expect(pkg).toMatchObject({ private: true, main: 'dist/index.js' });
    expect(pkg.type).toBeUndefined();
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['@azure/functions']);
    expect(pkg.dependencies?.['@azure/functions']).toMatch(/^\^4\./);
  });

  it('has a host.json for runtime 2.0 with the v4 extension bundle, a timeout every plan accepts, and no sampling', () => {
    const host = readJson('host.json') as {
      version: string;
      extensionBundle: { id: string; version: string };
      functionTimeout: string;
      logging: { applicationInsights: { samplingSettings: { isEnabled: boolean } } };
    };
    expect(host.version).toBe('2.0');
    expect(host.extensionBundle).toEqual({ id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' });
    // The Consumption plan's maximum is 10 minutes; Flex Consumption raises it through an app setting (README).
    const [h, m, s] = host.functionTimeout.split(':').map(Number);
    expect((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)).toBeLessThanOrEqual(600);
    expect(host.logging.applicationInsights.samplingSettings.isEnabled).toBe(false);
  });

  it('ships example settings without secrets, and ignores the real ones', () => {
    const example = readJson('local.settings.example.json') as { Values: Record<string, string> };
    expect(example.Values.FUNCTIONS_WORKER_RUNTIME).toBe('node');
    expect(example.Values.REMINDER_SCHEDULE).toBe('0 5 8,12 * * 1-5');
    expect(example.Values.CERTIFICATE_PEM).toBeUndefined();
    expect(JSON.stringify(example)).not.toMatch(/PRIVATE KEY|AccountKey=|InstrumentationKey=/);
    expect(readFileSync(path.join(functions, '.gitignore'), 'utf8')).toMatch(/^local\.settings\.json$/m);
  });

  it('keeps functions/ to the runner: no emulator, dev scripts or tab code', async () => {
    const eslint = new ESLint({ cwd: root });
    const errors = async (code: string): Promise<string[]> => {
      const [result] = await eslint.lintText(code, { filePath: path.join(functions, 'src/__probe.ts') });
      return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
    };
    expect(await errors("import { startEmulator } from '../../emulator/server';\nexport const x = startEmulator;\n")).toEqual([expect.stringMatching(/functions\/ is deployed: no dev-only code/)]);
    expect(await errors("import { useServices } from '../../src/lib/services';\nexport const x = useServices;\n")).toEqual([expect.stringMatching(/through src\/runner only/)]);
    expect(await errors("import { remind } from '../../src/runner/remind';\nexport const x = remind;\n")).toEqual([]);
  });
});
