/**
 * The production build contains no emulator, host-page, script, test or dev sign-in code.
 *
 * Checked on the built module graph, not on strings: the build runs through Vite's API with a
 * plugin that records every module Rollup put into every chunk, and every emitted source map's
 * `sources` are read too. A module from a dev-only folder in either list fails the test, however
 * it got there (static or dynamic import, with or without a file extension, through any chain).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildProduction } from './production-build';

const root = ROOT;

/** Modules Rollup placed in the bundle, as paths relative to the project (or `\0virtual` ids). */
const bundledModules = new Set<string>();
/** Every `sources` entry of every emitted source map, relative to the project. */
const mappedSources = new Set<string>();
let files: Array<{ name: string; text: string }> = [];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

function relative(id: string): string {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  return path.isAbsolute(clean) ? path.relative(root, clean).split(path.sep).join('/') : clean;
}

const recordModuleGraph: Plugin = {
  name: 'record-module-graph',
  apply: 'build',
  generateBundle(_options, bundle) {
    for (const output of Object.values(bundle)) {
      if (output.type === 'chunk') for (const id of output.moduleIds) bundledModules.add(relative(id));
    }
  },
};

let outDir = '';
beforeAll(async () => {
  outDir = await buildProduction({ sourcemap: true, plugins: [recordModuleGraph] });
  const all = walk(outDir);
  files = all.filter((f) => /\.(js|html|css)$/.test(f)).map((f) => ({ name: path.relative(outDir, f), text: readFileSync(f, 'utf8') }));
  for (const map of all.filter((f) => f.endsWith('.map'))) {
    const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
    for (const source of sources) mappedSources.add(relative(path.resolve(path.dirname(map), source)).replace(/^.*?\.\.\/(?=(src|emulator|host-sim|scripts|tests|node_modules)\/)/, ''));
  }
}, 240_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const DEV_ONLY = [
  ['the emulator', /^emulator\//],
  ['the local Teams host page', /^host-sim\//],
  ['scripts', /^scripts\//],
  ['tests', /^tests\//],
  ['the dev sign-in', /^src\/auth\/dev-token-source\.ts$/],
] as const;

describe('production bundle', () => {
  it('should be built from the app', () => {
    expect(files.some((f) => f.name === 'index.html')).toBe(true);
    // The graph is really recorded: the entry, the Graph client and a lazily loaded view are in it,
    // and the source maps name the same modules.
    for (const list of [bundledModules, mappedSources]) {
      expect([...list]).toEqual(expect.arrayContaining(['src/main.tsx', 'src/graph/client.ts', 'src/features/import/import-view.tsx']));
    }
    expect(bundledModules.size).toBeGreaterThan(200);
  });

  it.each(DEV_ONLY)('should contain no module of %s, in the module graph or the source maps', (_what, pattern) => {
    expect([...bundledModules].filter((id) => pattern.test(id))).toEqual([]);
    expect([...mappedSources].filter((id) => pattern.test(id))).toEqual([]);
  });

  it('should carry no demo tenant data or dev token format in the emitted code', () => {
    const hits = files.filter((f) => /org365\.example|Bearer dev:|_emulator\//.test(f.text)).map((f) => f.name);
    expect(hits).toEqual([]);
  });
});
