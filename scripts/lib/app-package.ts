/**
 * Builds and checks the Teams app package (manifest/ → manifest/build/appPackage.zip).
 *
 * Everything here runs offline: the manifest and its language files are validated against the JSON
 * schemas bundled in `@microsoft/app-manifest` (the same ajv-draft-04 + ajv-formats set-up as its
 * `validateManifestAgainstSchema`), never against the `$schema` URL. The package's own entry point is
 * not imported: it fetches schemas over the network and needs `fs-extra`, which it does not declare.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { parseEnv } from 'node:util';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** The variables the Microsoft 365 Agents Toolkit writes and the manifest template uses. */
export const PACKAGE_VARIABLES = ['TEAMS_APP_ID', 'AAD_APP_CLIENT_ID', 'TAB_DOMAIN'] as const;
export type PackageVariable = (typeof PACKAGE_VARIABLES)[number];
export type PackageValues = Readonly<Record<PackageVariable, string>>;

export type ValueSource = 'process environment' | `env/${string}`;

export interface LoadedEnvironment {
  /** The environment name (`--env` or TEAMSFX_ENV), if one was selected. */
  readonly envName: string | undefined;
  /** Env files that existed and were read, relative to the project root, in load order. */
  readonly filesRead: readonly string[];
  /** Env files that were looked for but do not exist. */
  readonly filesMissing: readonly string[];
  /** Every variable from the env files, overridden by the process environment for the package variables. */
  readonly values: Readonly<Record<string, string>>;
  /** Where each package variable's value came from. */
  readonly sources: Readonly<Partial<Record<PackageVariable, ValueSource>>>;
}

export interface LoadEnvironmentOptions {
  readonly rootDir: string;
  readonly envName?: string | undefined;
  readonly processEnv: Readonly<Record<string, string | undefined>>;
}

const ENV_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Parses a dotenv file (KEY=value lines, `#` comments, optional quotes) as the Toolkit writes them. */
export function parseEnvFile(text: string): Record<string, string> {
  // Node's parser does not understand a leading `export `; strip it so shell-style files work too.
  const parsed = parseEnv(text.replace(/^\s*export\s+/gm, ''));
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * Reads `env/.env.<name>` and then `env/.env.<name>.user` (the Toolkit's file for secrets), later
 * files overriding earlier ones; the process environment wins over both for the package variables.
 * The environment name comes from `envName` (the `--env` option) or TEAMSFX_ENV.
 */
export function loadEnvironment(options: LoadEnvironmentOptions): LoadedEnvironment {
  const envName = nonEmpty(options.envName) ?? nonEmpty(options.processEnv.TEAMSFX_ENV);
  if (envName !== undefined && !ENV_NAME_PATTERN.test(envName)) {
    throw new PackageError([`Environment name "${envName}" is not valid: use letters, digits, "-" and "_" only.`]);
  }
  const values: Record<string, string> = {};
  const sources: Partial<Record<PackageVariable, ValueSource>> = {};
  const filesRead: string[] = [];
  const filesMissing: string[] = [];
  if (envName !== undefined) {
    for (const relative of [`env/.env.${envName}`, `env/.env.${envName}.user`]) {
      const file = join(options.rootDir, relative);
      if (!existsSync(file)) {
        filesMissing.push(relative);
        continue;
      }
      const parsed = parseEnvFile(readFileSync(file, 'utf8'));
      Object.assign(values, parsed);
      for (const name of PACKAGE_VARIABLES) {
        if (name in parsed) sources[name] = relative as ValueSource;
      }
      filesRead.push(relative);
    }
  }
  for (const name of PACKAGE_VARIABLES) {
    const fromProcess = options.processEnv[name];
    if (fromProcess !== undefined) {
      values[name] = fromProcess;
      sources[name] = 'process environment';
    }
  }
  return { envName, filesRead, filesMissing, values, sources };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export interface VariableProblem {
  readonly variable: PackageVariable;
  readonly message: string;
}

export type VariableCheck =
  | { readonly ok: true; readonly values: PackageValues }
  | { readonly ok: false; readonly problems: readonly VariableProblem[] };

export interface VariableCheckOptions {
  /** Accept `localhost` / loopback addresses as TAB_DOMAIN (local debugging only). */
  readonly allowLocalhost?: boolean;
  readonly sources?: Readonly<Partial<Record<PackageVariable, ValueSource>>>;
}

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^<.*>$/s, // <your-client-id>
  /[<>]/, // anything with angle brackets left in
  /\$\{\{.*\}\}/, // an unresolved Toolkit placeholder
  /\$\{.*\}/, // an unexpanded shell variable
  /^your[-_ ]/i,
  /^(changeme|change-me|todo|tbd|xxx+|placeholder|replace-?me)$/i,
];
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
// RFC 2606 / RFC 6761 names are documentation placeholders, never a real tab host.
const RESERVED_DOMAIN = /(^|\.)(example\.(com|net|org)|example|test|invalid)$/i;
const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

function describeSource(variable: PackageVariable, options: VariableCheckOptions): string {
  const source = options.sources?.[variable];
  return source === undefined ? '' : ` (from ${source})`;
}

function looksLikePlaceholder(value: string): boolean {
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(value));
}

function checkGuid(variable: PackageVariable, raw: string | undefined): string | undefined {
  const value = raw?.trim() ?? '';
  if (raw === undefined) return `${variable} is not set.`;
  if (value === '') return `${variable} is empty.`;
  if (looksLikePlaceholder(value)) return `${variable} is still a placeholder ("${value}").`;
  if (!GUID_PATTERN.test(value)) return `${variable} must be a GUID like 1b3c5d7e-…, got "${value}".`;
  // 00000000-…, 11111111-…, ffffffff-…: a GUID made of one repeated digit is a template value.
  if (/^([0-9a-f])\1{7}-\1{4}-\1{4}-\1{4}-\1{12}$/i.test(value)) {
    return `${variable} is a placeholder GUID ("${value}"); use the real id.`;
  }
  return undefined;
}

function checkDomain(raw: string | undefined, allowLocalhost: boolean): string | undefined {
  const variable: PackageVariable = 'TAB_DOMAIN';
  const value = raw?.trim() ?? '';
  if (raw === undefined) return `${variable} is not set.`;
  if (value === '') return `${variable} is empty.`;
  if (looksLikePlaceholder(value)) return `${variable} is still a placeholder ("${value}").`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return `${variable} must be a host name without scheme, e.g. "plan.example-union.no", got "${value}".`;
  }
  if (/[/?#\s@]/.test(value)) {
    return `${variable} must be a host name without path, query, credentials or spaces, got "${value}".`;
  }
  const match = /^(.+?)(?::(\d{1,5}))?$/.exec(value);
  const host = match?.[1] ?? value;
  const port = match?.[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return `${variable} has an invalid port in "${value}".`;
  }
  if (LOOPBACK.test(host)) {
    return allowLocalhost
      ? undefined
      : `${variable} is "${value}": a local address is only accepted with --allow-localhost (local debugging).`;
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':')) {
    return `${variable} must be a DNS host name with a TLS certificate, not an IP address ("${value}").`;
  }
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => HOST_LABEL.test(label))) {
    return `${variable} is not a valid fully qualified host name ("${value}").`;
  }
  if (RESERVED_DOMAIN.test(host)) {
    return `${variable} is a documentation placeholder domain ("${value}"); use the host that serves dist/.`;
  }
  return undefined;
}

/** Checks the package variables; every problem is reported, each naming its variable. */
export function checkPackageVariables(
  values: Readonly<Record<string, string | undefined>>,
  options: VariableCheckOptions = {},
): VariableCheck {
  const found: Array<[PackageVariable, string | undefined]> = [
    ['TEAMS_APP_ID', checkGuid('TEAMS_APP_ID', values.TEAMS_APP_ID)],
    ['AAD_APP_CLIENT_ID', checkGuid('AAD_APP_CLIENT_ID', values.AAD_APP_CLIENT_ID)],
    ['TAB_DOMAIN', checkDomain(values.TAB_DOMAIN, options.allowLocalhost === true)],
  ];
  const problems = found.flatMap(([variable, message]) =>
    message === undefined ? [] : [{ variable, message: message + describeSource(variable, options) }],
  );
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    values: {
      TEAMS_APP_ID: (values.TEAMS_APP_ID ?? '').trim().toLowerCase(),
      AAD_APP_CLIENT_ID: (values.AAD_APP_CLIENT_ID ?? '').trim().toLowerCase(),
      TAB_DOMAIN: (values.TAB_DOMAIN ?? '').trim().toLowerCase(),
    },
  };
}

/** Thrown with every problem found, so the caller can print them all at once. */
export class PackageError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'PackageError';
    this.problems = problems;
  }
}

// ---------------------------------------------------------------------------------------------
// Placeholders

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces `${{NAME}}` in a JSON text. Values are JSON-escaped so a value can never break the
 * document; a placeholder without a value is reported by name.
 */
export function resolvePlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
  fileLabel: string,
): string {
  const unknown = new Set<string>();
  const resolved = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) {
    throw new PackageError([...unknown].map((name) => `${fileLabel}: placeholder \${{${name}}} has no value.`));
  }
  return resolved;
}

// ---------------------------------------------------------------------------------------------
// Offline schema validation

/** The manifest fields this module reads; the schema check covers the rest. */
export interface TeamsManifest {
  readonly $schema?: string;
  readonly manifestVersion: string;
  readonly version: string;
  readonly id: string;
  readonly name: { readonly short: string; readonly full?: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly icons: { readonly color: string; readonly outline: string; readonly color32x32?: string };
  readonly localizationInfo?: {
    readonly defaultLanguageTag: string;
    readonly defaultLanguageFile?: string;
    readonly additionalLanguages?: ReadonlyArray<{ readonly languageTag: string; readonly file: string }>;
  };
  readonly staticTabs?: ReadonlyArray<{
    readonly entityId: string;
    readonly name?: string;
    readonly contentUrl?: string;
    readonly websiteUrl?: string;
  }>;
  readonly configurableTabs?: ReadonlyArray<{ readonly configurationUrl: string }>;
  readonly validDomains?: readonly string[];
  readonly webApplicationInfo?: {
    readonly id: string;
    readonly resource?: string;
    readonly nestedAppAuthInfo?: ReadonlyArray<{ readonly redirectUri: string; readonly scopes: readonly string[] }>;
  };
}

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** The folder holding `@microsoft/app-manifest`'s bundled Teams schemas (v1.0 … v1.30, vDevPreview). */
export function bundledSchemaRoot(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return join(dirname(packageJson), 'build', 'json-schemas', 'teams');
}

/** The versions for which the installed package bundles a manifest schema. */
export function bundledSchemaVersions(): string[] {
  const root = bundledSchemaRoot();
  return ['devPreview', ...Array.from({ length: 100 }, (_, minor) => `1.${minor}`)].filter((version) =>
    existsSync(schemaPath(version, 'manifest', root)),
  );
}

function schemaPath(manifestVersion: string, kind: SchemaKind, root = bundledSchemaRoot()): string {
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  return join(root, folder, SCHEMA_FILES[kind]);
}

/** The public URL of a schema, as a manifest's or language file's `$schema` should name it. */
export function schemaUrl(manifestVersion: string, kind: SchemaKind): string {
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  return `https://developer.microsoft.com/json-schemas/teams/${folder}/${SCHEMA_FILES[kind]}`;
}

const validators = new Map<string, ValidateFunction>();

function compiledValidator(manifestVersion: string, kind: SchemaKind): ValidateFunction {
  const file = schemaPath(manifestVersion, kind);
  const cached = validators.get(file);
  if (cached !== undefined) return cached;
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion) || !existsSync(file)) {
    throw new PackageError([
      `No bundled ${kind} schema for manifestVersion "${manifestVersion}" in @microsoft/app-manifest ` +
        `(bundled: ${bundledSchemaVersions().join(', ')}).`,
    ]);
  }
  // Same clean-up as @microsoft/app-manifest's fetchSchema: some published schemas use the regex
  // escapes \a and \v, which are not valid JSON string escapes.
  const raw = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw) as Record<string, unknown>;
  // The localization schema has patterns such as `\b]` that are only valid without the `u` flag
  // Ajv adds by default; draft-04 patterns are plain ECMA-262 regexes, so compile those without it.
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: kind === 'manifest' });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  validators.set(file, validate);
  return validate;
}

function formatSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  return `${where} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`;
}

/**
 * Validates a document against the bundled schema of the given manifest version and returns the
 * errors (empty when valid). A JSON round trip drops `undefined` members first, as the official
 * validator does.
 */
export function validateAgainstBundledSchema(
  document: unknown,
  manifestVersion: string,
  kind: SchemaKind,
): string[] {
  const validate = compiledValidator(manifestVersion, kind);
  const valid = validate(JSON.parse(JSON.stringify(document)) as unknown);
  return valid ? [] : (validate.errors ?? []).map(formatSchemaError);
}

// ---------------------------------------------------------------------------------------------
// Icons

export const ICON_SIZES = { color: 192, outline: 32 } as const;
export type IconKind = keyof typeof ICON_SIZES;
/** How far below 255 an outline pixel's colour channels may be (anti-aliasing from design tools). */
export const OUTLINE_WHITE_TOLERANCE = 8;

/** Checks a manifest icon: size, and for the outline icon white-on-transparent only. */
export function checkIcon(kind: IconKind, data: Buffer, label: string = `${kind} icon`): string[] {
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(data);
  } catch (error) {
    return [`${label} is not a readable PNG file (${error instanceof Error ? error.message : String(error)}).`];
  }
  const size = ICON_SIZES[kind];
  const problems: string[] = [];
  if (png.width !== size || png.height !== size) {
    problems.push(`${label} must be ${size}×${size} pixels, is ${png.width}×${png.height}.`);
  }
  if (kind === 'outline') {
    let transparent = 0;
    let visible = 0;
    let notWhite = 0;
    let firstNotWhite: string | undefined;
    const floor = 255 - OUTLINE_WHITE_TOLERANCE;
    for (let offset = 0; offset < png.data.length; offset += 4) {
      const alpha = png.data[offset + 3] ?? 0;
      if (alpha === 0) {
        transparent += 1;
        continue;
      }
      visible += 1;
      const [r, g, b] = [png.data[offset] ?? 0, png.data[offset + 1] ?? 0, png.data[offset + 2] ?? 0];
      if (r < floor || g < floor || b < floor) {
        notWhite += 1;
        if (firstNotWhite === undefined) {
          const pixel = offset / 4;
          firstNotWhite = `(${pixel % png.width}, ${Math.floor(pixel / png.width)}) is rgb(${r}, ${g}, ${b})`;
        }
      }
    }
    if (!png.alpha || transparent === 0) {
      problems.push(`${label} must have a transparent background; no pixel is transparent.`);
    }
    if (visible === 0) problems.push(`${label} is fully transparent; it needs a white symbol.`);
    if (notWhite > 0) {
      problems.push(`${label} must be white on transparent only; ${notWhite} pixel(s) are coloured, first ${firstNotWhite}.`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Building the package

export interface BuildOptions {
  /** The folder holding manifest.json, its icons and language files (the template). */
  readonly manifestDir: string;
  readonly values: PackageValues;
}

export interface AppPackage {
  /** The resolved, validated manifest. */
  readonly manifest: TeamsManifest;
  /** Zip entry names, manifest.json first. */
  readonly entries: readonly string[];
  readonly zip: Buffer;
}

/** The files a manifest refers to (icons, language files), which must sit beside it in the package. */
export function referencedFiles(manifest: TeamsManifest): string[] {
  const files = [manifest.icons.color, manifest.icons.outline];
  if (manifest.icons.color32x32 !== undefined) files.push(manifest.icons.color32x32);
  const localization = manifest.localizationInfo;
  if (localization?.defaultLanguageFile !== undefined) files.push(localization.defaultLanguageFile);
  for (const language of localization?.additionalLanguages ?? []) files.push(language.file);
  return [...new Set(files)];
}

function isLanguageFile(manifest: TeamsManifest, file: string): boolean {
  const localization = manifest.localizationInfo;
  return (
    localization?.defaultLanguageFile === file ||
    (localization?.additionalLanguages ?? []).some((language) => language.file === file)
  );
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Checks beyond the schema: things Teams rejects or that would silently break sign-in or loading. */
export function checkManifestConsistency(manifest: TeamsManifest, values: PackageValues): string[] {
  const problems: string[] = [];
  if (!/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(manifest.version)) {
    problems.push(`manifest.json: version "${manifest.version}" must be MAJOR.MINOR.PATCH.`);
  }
  const expectedSchema = schemaUrl(manifest.manifestVersion, 'manifest');
  if (manifest.$schema !== undefined && manifest.$schema.replace('/en-us/', '/') !== expectedSchema) {
    problems.push(`manifest.json: $schema should be ${expectedSchema} for manifestVersion ${manifest.manifestVersion}.`);
  }
  const validDomains = (manifest.validDomains ?? []).map((domain) => domain.toLowerCase());
  if (!validDomains.includes(values.TAB_DOMAIN)) {
    problems.push(`manifest.json: validDomains must contain the tab domain ${values.TAB_DOMAIN}.`);
  }
  const tabUrls = [
    ...(manifest.configurableTabs ?? []).map((tab) => tab.configurationUrl),
    ...(manifest.staticTabs ?? []).flatMap((tab) => [tab.contentUrl, tab.websiteUrl]),
  ].filter((url): url is string => url !== undefined);
  for (const url of tabUrls) {
    const host = hostOf(url);
    if (host !== values.TAB_DOMAIN && !validDomains.includes(host ?? '')) {
      problems.push(`manifest.json: tab URL ${url} is not on the tab domain or in validDomains.`);
    }
  }
  const web = manifest.webApplicationInfo;
  if (web !== undefined) {
    if (web.id.toLowerCase() !== values.AAD_APP_CLIENT_ID) {
      problems.push('manifest.json: webApplicationInfo.id must be AAD_APP_CLIENT_ID.');
    }
    for (const entry of web.nestedAppAuthInfo ?? []) {
      if (entry.redirectUri !== `brk-multihub://${values.TAB_DOMAIN}`) {
        problems.push(
          `manifest.json: nestedAppAuthInfo redirectUri must be brk-multihub://${values.TAB_DOMAIN} ` +
            `(origin only, registered as a single-page application redirect URI), is ${entry.redirectUri}.`,
        );
      }
    }
  }
  for (const file of referencedFiles(manifest)) {
    if (posix.basename(file) !== file) {
      problems.push(`manifest.json: ${file} must be a file name at the package root, without folders.`);
    }
  }
  return problems;
}

/** Language files may only localise what the manifest has, and the default file must match the manifest. */
function checkLanguageFile(
  manifest: TeamsManifest,
  file: string,
  strings: Readonly<Record<string, unknown>>,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(strings)) {
    const tab = /^staticTabs\[(\d+)\]\.name$/.exec(key);
    if (tab !== null && manifest.staticTabs?.[Number(tab[1])] === undefined) {
      problems.push(`${file}: ${key} refers to a static tab the manifest does not have.`);
    }
  }
  if (manifest.localizationInfo?.defaultLanguageFile === file) {
    const expected: Record<string, string | undefined> = {
      'name.short': manifest.name.short,
      'name.full': manifest.name.full,
      'description.short': manifest.description.short,
      'description.full': manifest.description.full,
    };
    (manifest.staticTabs ?? []).forEach((tab, index) => {
      expected[`staticTabs[${index}].name`] = tab.name;
    });
    for (const [key, value] of Object.entries(expected)) {
      if (key in strings && strings[key] !== value) {
        problems.push(`${file}: "${key}" differs from manifest.json; the default language file must repeat the manifest's strings.`);
      }
    }
  }
  return problems;
}

const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));

/**
 * Resolves the manifest template with the given values, validates manifest and language files
 * against the bundled schemas, checks the icons and writes the zip in memory. Throws a
 * PackageError listing every problem.
 */
export async function buildAppPackage(options: BuildOptions): Promise<AppPackage> {
  const values: Record<string, string> = { ...options.values };
  const manifestFile = join(options.manifestDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new PackageError([`${manifestFile} does not exist.`]);
  const manifestText = resolvePlaceholders(readFileSync(manifestFile, 'utf8'), values, 'manifest.json');
  const manifest = JSON.parse(manifestText) as TeamsManifest;

  const problems: string[] = [];
  problems.push(...validateAgainstBundledSchema(manifest, manifest.manifestVersion, 'manifest').map((e) => `manifest.json: ${e}`));
  if (problems.length > 0) throw new PackageError(problems);
  problems.push(...checkManifestConsistency(manifest, options.values));

  const files = new Map<string, Buffer>();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const file of referencedFiles(manifest)) {
    const path = join(options.manifestDir, file);
    if (!existsSync(path)) {
      problems.push(`manifest.json refers to ${file}, which is missing from ${options.manifestDir}.`);
      continue;
    }
    if (isLanguageFile(manifest, file)) {
      const text = resolvePlaceholders(readFileSync(path, 'utf8'), values, file);
      const strings = JSON.parse(text) as Record<string, unknown>;
      problems.push(
        ...validateAgainstBundledSchema(strings, manifest.manifestVersion, 'localization').map((e) => `${file}: ${e}`),
        ...checkLanguageFile(manifest, file, strings),
      );
      files.set(file, Buffer.from(text, 'utf8'));
    } else {
      const data = readFileSync(path);
      if (file === manifest.icons.color) problems.push(...checkIcon('color', data, file));
      if (file === manifest.icons.outline) problems.push(...checkIcon('outline', data, file));
      files.set(file, data);
    }
  }
  if (problems.length > 0) throw new PackageError(problems);

  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data, { date: ZIP_DATE });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'DOS' });
  return { manifest, entries: [...files.keys()], zip: buffer };
}
