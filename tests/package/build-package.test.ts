import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  PackageError,
  buildAppPackage,
  bundledSchemaVersions,
  schemaUrl,
  validateAgainstBundledSchema,
  type TeamsManifest,
} from '../../scripts/lib/app-package';
import { MANIFEST_DIR, VALID_VALUES, copyOfManifestDir, editJson } from './helpers';
import { hintedContentUrl } from '../../src/teams/context-hints';

async function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buffer);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

function json(buffer: Buffer | undefined): Record<string, unknown> {
  if (buffer === undefined) throw new Error('missing zip entry');
  return JSON.parse(buffer.toString('utf8')) as Record<string, unknown>;
}

describe('buildAppPackage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('should build a package that validates offline against the bundled official schemas', async () => {
    // Any attempt to fetch a schema from its $schema URL would fail the test.
    const fetchSpy = vi.fn(() => Promise.reject(new Error('network used')));
    vi.stubGlobal('fetch', fetchSpy);

    const built = await buildAppPackage({ manifestDir: MANIFEST_DIR, values: VALID_VALUES });
    const files = await unzip(built.zip);
    const manifest = json(files.get('manifest.json'));

    expect(validateAgainstBundledSchema(manifest, String(manifest.manifestVersion), 'manifest')).toEqual([]);
    for (const file of ['nb.json', 'nn.json', 'en.json']) {
      expect(validateAgainstBundledSchema(json(files.get(file)), String(manifest.manifestVersion), 'localization')).toEqual([]);
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('should put manifest, icons and language files at the zip root with every placeholder resolved', async () => {
    const built = await buildAppPackage({ manifestDir: MANIFEST_DIR, values: VALID_VALUES });
    const files = await unzip(built.zip);

    expect([...files.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'nb.json', 'nn.json', 'outline.png']);
    expect(files.get('color.png')).toEqual(readFileSync(join(MANIFEST_DIR, 'color.png')));
    for (const [name, data] of files) {
      if (name.endsWith('.json')) expect(data.toString('utf8')).not.toContain('${{');
    }
    const manifest = json(files.get('manifest.json')) as unknown as TeamsManifest & Record<string, unknown>;
    const domain = VALID_VALUES.TAB_DOMAIN;
    expect(manifest.id).toBe(VALID_VALUES.TEAMS_APP_ID);
    expect(manifest.validDomains).toEqual([domain]);
    expect(manifest.configurableTabs?.[0]?.configurationUrl).toBe(hintedContentUrl(`https://${domain}/index.html`, '#/config'));
    expect(manifest.staticTabs?.[0]).toMatchObject({
      entityId: 'my-goals',
      name: 'Mine mål',
      contentUrl: hintedContentUrl(`https://${domain}/index.html`, '#/personal'),
      scopes: ['personal'],
    });
    expect(manifest.webApplicationInfo).toMatchObject({
      id: VALID_VALUES.AAD_APP_CLIENT_ID,
      resource: `api://${domain}/${VALID_VALUES.AAD_APP_CLIENT_ID}`,
      nestedAppAuthInfo: [{ redirectUri: `brk-multihub://${domain}` }],
    });
    // The reminder bot (issue 12): the app's own registration, notification only, in teams; and the
    // resource-specific permissions the unattended runner reads the team with once the team installs the app.
    expect(manifest.bots).toEqual([{ botId: VALID_VALUES.AAD_APP_CLIENT_ID, scopes: ['team'], isNotificationOnly: true, supportsFiles: false }]);
    expect(manifest.authorization).toEqual({
      permissions: {
        resourceSpecific: ['TeamsAppInstallation.Read.Group', 'TeamMember.Read.Group', 'ChannelSettings.Read.Group', 'ChannelMessage.Read.Group'].map((name) => ({ name, type: 'Application' })),
      },
    });
    expect(manifest.developer).toMatchObject({
      name: 'Fagforbundet',
      websiteUrl: 'https://www.fagforbundet.no',
      privacyUrl: `https://${domain}/index.html#/privacy`,
      termsOfUseUrl: `https://${domain}/index.html#/terms`,
    });
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nb',
      defaultLanguageFile: 'nb.json',
      additionalLanguages: [
        { languageTag: 'nn', file: 'nn.json' },
        { languageTag: 'en', file: 'en.json' },
      ],
    });
    expect(json(files.get('en.json'))['staticTabs[0].name']).toBe('My goals');
  });

  it('should produce the same bytes for the same input', async () => {
    const first = await buildAppPackage({ manifestDir: MANIFEST_DIR, values: VALID_VALUES });
    const second = await buildAppPackage({ manifestDir: MANIFEST_DIR, values: VALID_VALUES });
    expect(first.zip.equals(second.zip)).toBe(true);
  });

  it('should use a GA schema that is bundled, and stay valid against the newest bundled one', async () => {
    const built = await buildAppPackage({ manifestDir: MANIFEST_DIR, values: VALID_VALUES });
    expect(bundledSchemaVersions()).toContain(built.manifest.manifestVersion);
    expect(built.manifest.$schema).toBe(schemaUrl(built.manifest.manifestVersion, 'manifest'));

    // Upgrading is a two-line change: nothing in the manifest depends on the version chosen.
    const newest = bundledSchemaVersions().filter((version) => version !== 'devPreview').at(-1) ?? '';
    const upgraded = { ...built.manifest, manifestVersion: newest, $schema: schemaUrl(newest, 'manifest') };
    expect(validateAgainstBundledSchema(upgraded, newest, 'manifest')).toEqual([]);
  });

  it('should reject a manifest the schema does not allow, naming the field', async () => {
    const dir = copyOfManifestDir();
    editJson(join(dir, 'manifest.json'), (manifest) => {
      manifest.accentColor = 'dark red';
    });
    const error = await buildAppPackage({ manifestDir: dir, values: VALID_VALUES }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    expect((error as PackageError).problems.join('\n')).toMatch(/manifest\.json: \/accentColor must match pattern/);
  });

  it('should reject a language file the localization schema does not allow', async () => {
    const dir = copyOfManifestDir();
    editJson(join(dir, 'nn.json'), (strings) => {
      strings['name.short'] = 'Handlingsplan for fagforeininga i kommunen'; // > 30 characters
    });
    const error = await buildAppPackage({ manifestDir: dir, values: VALID_VALUES }).catch((e: unknown) => e);
    expect((error as PackageError).problems.join('\n')).toMatch(/nn\.json: \/name\.short must NOT have more than 30 characters/);
  });

  it('should reject a default language file that contradicts the manifest', async () => {
    const dir = copyOfManifestDir();
    editJson(join(dir, 'nb.json'), (strings) => {
      strings['staticTabs[0].name'] = 'Mine oppgaver';
    });
    const error = await buildAppPackage({ manifestDir: dir, values: VALID_VALUES }).catch((e: unknown) => e);
    expect((error as PackageError).problems.join('\n')).toMatch(/nb\.json: "staticTabs\[0\]\.name" differs from manifest\.json/);
  });

  it('should reject a placeholder that has no value', async () => {
    const dir = copyOfManifestDir();
    editJson(join(dir, 'manifest.json'), (manifest) => {
      manifest.version = '${{APP_VERSION}}';
    });
    const error = await buildAppPackage({ manifestDir: dir, values: VALID_VALUES }).catch((e: unknown) => e);
    expect((error as PackageError).problems).toEqual(['manifest.json: placeholder ${{APP_VERSION}} has no value.']);
  });

  it('should report a referenced file that is missing', async () => {
    const dir = copyOfManifestDir();
    editJson(join(dir, 'manifest.json'), (manifest) => {
      (manifest.icons as Record<string, string>).color = 'logo.png';
    });
    const error = await buildAppPackage({ manifestDir: dir, values: VALID_VALUES }).catch((e: unknown) => e);
    expect((error as PackageError).problems.join('\n')).toContain('refers to logo.png, which is missing');
  });
});
