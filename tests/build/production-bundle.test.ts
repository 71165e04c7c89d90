/**
 * The production build contains no emulator, host-page or dev sign-in code: builds with the
 * production settings and searches the output for what only those would bring.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'handlingsplan-dist-'));
let files: Array<{ name: string; text: string }> = [];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

beforeAll(() => {
  const env = { ...process.env, VITE_AAD_CLIENT_ID: '11111111-2222-3333-4444-555555555555', VITE_AUTH_MODE: '', VITE_GRAPH_BASE_URL: '' };
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    env,
    stdio: 'pipe',
  });
  files = walk(outDir)
    .filter((f) => /\.(js|html|css)$/.test(f))
    .map((f) => ({ name: path.relative(outDir, f), text: readFileSync(f, 'utf8') }));
}, 240_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('production bundle', () => {
  it('should contain the app', () => {
    expect(files.some((f) => f.name === 'index.html')).toBe(true);
    expect(files.some((f) => f.text.includes('graph.microsoft.com'))).toBe(true);
  });

  it.each([
    ['the emulator', /_emulator|HonorNonIndexedQueriesWarningMayFailRandomly is required|tenant\.json/],
    ['the local host page', /host-sim|tab-frame/],
    ['the dev sign-in', /dev:\$\{|Bearer dev:|createDevTokenSource/],
    ['demo tenant data', /org365\.example/],
  ])('should not contain %s', (_what, pattern) => {
    const hits = files.filter((f) => pattern.test(f.text)).map((f) => f.name);
    expect(hits).toEqual([]);
  });
});
