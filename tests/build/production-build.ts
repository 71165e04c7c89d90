/** Builds the tab with the production settings through Vite's API, into a temporary folder (build tests). */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'vite';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * A production build (a real client id, MSAL sign-in, the default Graph; `env` adds to that) into a
 * new temporary folder, which the caller removes. process.env is restored afterwards.
 */
export async function buildProduction(options: { env?: Record<string, string>; sourcemap?: boolean; plugins?: Plugin[] } = {}): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'handlingsplan-dist-'));
  const saved = { ...process.env };
  Object.assign(process.env, { VITE_AAD_CLIENT_ID: '11111111-2222-3333-4444-555555555555', VITE_AUTH_MODE: '', VITE_GRAPH_BASE_URL: '', ...options.env });
  try {
    await build({
      root: ROOT,
      configFile: path.join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, sourcemap: options.sourcemap ?? false },
      plugins: options.plugins ?? [],
    });
  } finally {
    process.env = saved;
  }
  return outDir;
}
