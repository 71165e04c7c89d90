import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { resolvePlaceholders, type TeamsManifest } from '../../scripts/lib/app-package';
import { GRAPH_SCOPES } from '../../src/auth/graph-scopes';
import { SHAREPOINT_PERMISSIONS_SCOPE } from '../../src/adapters/sharepoint/sharepoint-rest';
import { MANIFEST_DIR, ROOT, VALID_VALUES, tempDir } from './helpers';

interface AadManifest {
  readonly identifierUris: readonly string[];
  readonly replyUrlsWithType: ReadonlyArray<{ readonly url: string; readonly type: string }>;
  readonly requiredResourceAccess: ReadonlyArray<{
    readonly resourceAppId: string;
    readonly resourceAccess: ReadonlyArray<{ readonly id: string; readonly type: string }>;
  }>;
}

function resolved<T>(file: string): T {
  return JSON.parse(resolvePlaceholders(readFileSync(file, 'utf8'), { ...VALID_VALUES, AAD_APP_OBJECT_ID: 'x' }, file)) as T;
}

describe('Entra app manifest and Toolkit project', () => {
  const manifest = resolved<TeamsManifest>(join(MANIFEST_DIR, 'manifest.json'));
  const aad = resolved<AadManifest>(join(ROOT, 'aad.manifest.json'));

  it('should register the tab origin and the NAA broker as single-page application redirect URIs', () => {
    expect(aad.replyUrlsWithType).toEqual([
      { url: `https://${VALID_VALUES.TAB_DOMAIN}`, type: 'Spa' },
      { url: `brk-multihub://${VALID_VALUES.TAB_DOMAIN}`, type: 'Spa' },
    ]);
    expect(manifest.webApplicationInfo?.nestedAppAuthInfo?.[0]?.redirectUri).toBe(aad.replyUrlsWithType[1]?.url);
  });

  it('should use the manifest resource as Application ID URI', () => {
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo?.resource]);
  });

  it('should request every scope the manifest prefetches as a delegated Graph permission', () => {
    const graph = aad.requiredResourceAccess.find((resource) => resource.resourceAppId === 'Microsoft Graph');
    const delegated = (graph?.resourceAccess ?? []).filter((access) => access.type === 'Scope').map((access) => access.id);
    expect(delegated.length).toBeGreaterThan(0);
    expect(graph?.resourceAccess.every((access) => access.type === 'Scope')).toBe(true);
    for (const scope of manifest.webApplicationInfo?.nestedAppAuthInfo?.[0]?.scopes ?? []) {
      expect(delegated).toContain(scope.replace('https://graph.microsoft.com/', ''));
    }
  });

  it('should register exactly the delegated permissions the app requests, and none for later capabilities (least privilege)', () => {
    const graph = aad.requiredResourceAccess.find((resource) => resource.resourceAppId === 'Microsoft Graph');
    const registered = (graph?.resourceAccess ?? []).map((access) => access.id).sort();
    expect(registered).toEqual(GRAPH_SCOPES.map((scope) => scope.replace('https://graph.microsoft.com/', '')).sort());
    // Sites.Manage.All covers item reads and writes: asking for Sites.ReadWrite.All beside it adds nothing.
    expect(registered).not.toContain('Sites.ReadWrite.All');
  });

  it('should register the one SharePoint permission the board uses to give the lists their permissions', () => {
    const sharePoint = aad.requiredResourceAccess.find((resource) => resource.resourceAppId === 'Office 365 SharePoint Online');
    expect(sharePoint?.resourceAccess).toEqual([{ id: SHAREPOINT_PERMISSIONS_SCOPE, type: 'Scope' }]);
    // Asked for only when the board applies list permissions, never prefetched for every user.
    expect(manifest.webApplicationInfo?.nestedAppAuthInfo?.[0]?.scopes?.some((s: string) => s.includes('sharepoint'))).toBe(false);
    expect(aad.requiredResourceAccess.map((r) => r.resourceAppId).sort()).toEqual(['Microsoft Graph', 'Office 365 SharePoint Online']);
  });

  it('should prefetch exactly the scopes the app requests, in the same order (NAA requirement)', () => {
    expect(manifest.webApplicationInfo?.nestedAppAuthInfo?.[0]?.scopes).toEqual(GRAPH_SCOPES);
  });

  it('should point m365agents.yml at files that exist', () => {
    const yml = readFileSync(join(ROOT, 'm365agents.yml'), 'utf8');
    const paths = [...yml.matchAll(/(?:manifestPath|appPackagePath|outputZipPath): (\S+)/g)].map((match) => match[1] ?? '');
    expect(paths).toContain('./manifest/manifest.json');
    expect(paths).toContain('./aad.manifest.json');
    for (const path of paths.filter((p) => !p.includes('${{'))) expect(existsSync(join(ROOT, path))).toBe(true);
    const packages = paths.filter((p) => p.includes('appPackage.'));
    expect(packages.length).toBeGreaterThan(0);
    expect(packages.every((p) => p.startsWith('./manifest/build/'))).toBe(true);
  });

  it('should keep real env files out of git but commit the documented example', () => {
    const ignored = (path: string): boolean => spawnSync('git', ['check-ignore', '-q', path], { cwd: ROOT }).status === 0;
    expect(ignored('env/.env.dev')).toBe(true);
    expect(ignored('env/.env.prod')).toBe(true);
    expect(ignored('env/.env.dev.user')).toBe(true);
    expect(ignored('env/.env.dev.example')).toBe(false);
    expect(ignored('manifest/build/appPackage.zip')).toBe(true);
  });
});

describe('npm run package (scripts/package.ts)', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const cleanEnv = (): NodeJS.ProcessEnv => {
    const env = { ...process.env };
    for (const name of ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'TAB_DOMAIN', 'TEAMSFX_ENV']) delete env[name];
    return env;
  };

  it('should refuse to package with placeholder values, naming each variable, and exit 1', () => {
    const result = spawnSync(tsx, ['scripts/package.ts', '--out', join(tempDir('cli'), 'never.zip')], {
      cwd: ROOT,
      env: { ...cleanEnv(), TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000', TAB_DOMAIN: 'https://plan.no' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('TEAMS_APP_ID is a placeholder GUID');
    expect(result.stderr).toContain('AAD_APP_CLIENT_ID is not set');
    expect(result.stderr).toContain('TAB_DOMAIN must be a host name without scheme');
  });

  it('should write the zip when the values are real', async () => {
    const out = join(tempDir('cli'), 'appPackage.zip');
    execFileSync(tsx, ['scripts/package.ts', '--out', out], { cwd: ROOT, env: { ...cleanEnv(), ...VALID_VALUES } });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'nb.json', 'nn.json', 'outline.png']);
    writeFileSync(out, ''); // leave nothing usable behind in tmp
  });
});
