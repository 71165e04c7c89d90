import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageValues } from '../../scripts/lib/app-package';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MANIFEST_DIR = join(ROOT, 'manifest');

/** Plausible production values (random GUIDs, a real-looking host). */
export const VALID_VALUES: PackageValues = {
  TEAMS_APP_ID: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  AAD_APP_CLIENT_ID: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  TAB_DOMAIN: 'plan.fagforening-lokal.no',
};

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `handlingsplan-${prefix}-`));
}

/** A copy of manifest/ that a test may change. */
export function copyOfManifestDir(): string {
  const dir = join(tempDir('manifest'), 'manifest');
  cpSync(MANIFEST_DIR, dir, { recursive: true, filter: (source) => !source.includes(`${join('manifest', 'build')}`) });
  return dir;
}

export function editJson(file: string, edit: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}
