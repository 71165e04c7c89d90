import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PackageError, checkPackageVariables, loadEnvironment, parseEnvFile } from '../../scripts/lib/app-package';
import { ROOT, tempDir } from './helpers';

function projectWith(files: Record<string, string>): string {
  const root = tempDir('env');
  mkdirSync(join(root, 'env'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'env', name), text);
  return root;
}

const DEV = [
  '# written by the Toolkit',
  'TEAMSFX_ENV=dev',
  'TEAMS_APP_ID=3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  'AAD_APP_CLIENT_ID="9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"',
  "TAB_DOMAIN='plan.fagforening-lokal.no'",
  '',
].join('\n');

describe('parseEnvFile', () => {
  it('should read KEY=value lines with comments, quotes and export prefixes', () => {
    expect(parseEnvFile('# c\nA=1\nexport B="two words"\nC=\'3\'\n\nD=\n')).toEqual({ A: '1', B: 'two words', C: '3', D: '' });
  });
});

describe('loadEnvironment', () => {
  it('should read env/.env.<name> selected with --env', () => {
    const root = projectWith({ '.env.dev': DEV });
    const loaded = loadEnvironment({ rootDir: root, envName: 'dev', processEnv: {} });
    expect(loaded.envName).toBe('dev');
    expect(loaded.filesRead).toEqual(['env/.env.dev']);
    expect(loaded.filesMissing).toEqual(['env/.env.dev.user']);
    expect(loaded.values).toMatchObject({
      TEAMS_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      AAD_APP_CLIENT_ID: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
      TAB_DOMAIN: 'plan.fagforening-lokal.no',
    });
    expect(loaded.sources).toEqual({ TEAMS_APP_ID: 'env/.env.dev', AAD_APP_CLIENT_ID: 'env/.env.dev', TAB_DOMAIN: 'env/.env.dev' });
  });

  it('should select the file with TEAMSFX_ENV, and --env should win over it', () => {
    const root = projectWith({ '.env.dev': DEV, '.env.prod': 'TAB_DOMAIN=plan.fagforbundet-lokal.no\n' });
    expect(loadEnvironment({ rootDir: root, processEnv: { TEAMSFX_ENV: 'prod' } }).filesRead).toEqual(['env/.env.prod']);
    expect(loadEnvironment({ rootDir: root, envName: 'dev', processEnv: { TEAMSFX_ENV: 'prod' } }).filesRead).toEqual(['env/.env.dev']);
  });

  it('should let env/.env.<name>.user override the shared file and the process environment win over both', () => {
    const root = projectWith({ '.env.dev': DEV, '.env.dev.user': 'TAB_DOMAIN=user.fagforening-lokal.no\n' });
    const fromFiles = loadEnvironment({ rootDir: root, envName: 'dev', processEnv: {} });
    expect(fromFiles.values.TAB_DOMAIN).toBe('user.fagforening-lokal.no');
    expect(fromFiles.sources.TAB_DOMAIN).toBe('env/.env.dev.user');

    const withProcess = loadEnvironment({
      rootDir: root,
      envName: 'dev',
      processEnv: { TAB_DOMAIN: 'ci.fagforening-lokal.no', TEAMS_APP_ID: '' },
    });
    expect(withProcess.values.TAB_DOMAIN).toBe('ci.fagforening-lokal.no');
    expect(withProcess.sources.TAB_DOMAIN).toBe('process environment');
    // An empty process variable still wins, so the packager refuses it rather than silently using the file.
    expect(withProcess.values.TEAMS_APP_ID).toBe('');
  });

  it('should use only the process environment when no environment is selected', () => {
    const root = projectWith({ '.env.dev': DEV });
    const loaded = loadEnvironment({ rootDir: root, processEnv: { TAB_DOMAIN: 'a.fagforening-lokal.no', OTHER: 'x' } });
    expect(loaded.envName).toBeUndefined();
    expect(loaded.filesRead).toEqual([]);
    expect(loaded.values).toEqual({ TAB_DOMAIN: 'a.fagforening-lokal.no' });
  });

  it('should report a selected environment without files instead of failing', () => {
    const root = projectWith({});
    const loaded = loadEnvironment({ rootDir: root, envName: 'staging', processEnv: {} });
    expect(loaded.filesMissing).toEqual(['env/.env.staging', 'env/.env.staging.user']);
  });

  it('should refuse to package straight from the committed example file', () => {
    const root = projectWith({ '.env.dev': readFileSync(join(ROOT, 'env', '.env.dev.example'), 'utf8') });
    const loaded = loadEnvironment({ rootDir: root, envName: 'dev', processEnv: {} });
    const result = checkPackageVariables(loaded.values, { sources: loaded.sources });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'TEAMS_APP_ID is still a placeholder ("<your-teams-app-id>"). (from env/.env.dev)',
      'AAD_APP_CLIENT_ID is still a placeholder ("<your-entra-app-client-id>"). (from env/.env.dev)',
      'TAB_DOMAIN is still a placeholder ("<your-tab-host-name>"). (from env/.env.dev)',
    ]);
  });

  it('should refuse an environment name that could escape env/', () => {
    expect(() => loadEnvironment({ rootDir: tempDir('env'), envName: '../secrets', processEnv: {} })).toThrow(PackageError);
  });
});
