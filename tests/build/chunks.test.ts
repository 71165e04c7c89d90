/**
 * What the production build's chunks carry.
 *
 * The chart library is loaded only where charts are shown: in a production build every module of
 * @fluentui/react-charts (and the d3 packages it draws with) sits in chunks that only a dynamic
 * import() reaches, from features/charts (React.lazy in chart-figure.tsx); nothing the entry
 * (index.html) or a screen's own chunk loads statically carries any of it.
 *
 * The first screen (the entry and the Plan view) carries only the plan's own adapters: Planner,
 * reminders and their Adaptive Cards, channel webhooks, the roster and the import writer are
 * loaded by import() on first use (src/app/services.ts, issue 16); so are the dark and
 * high-contrast themes, the notice shown outside Teams, and the board's editor and dialogs.
 * Sign-in's code is preloaded by the page (vite.config.ts, preloadWithPage) but stays its own chunk.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildProduction } from './production-build';

interface ChunkInfo {
  readonly name: string;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly dynamicImports: readonly string[];
  readonly modules: readonly string[];
}

const chunks = new Map<string, ChunkInfo>();
const relative = (id: string) => {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  return path.isAbsolute(clean) ? path.relative(ROOT, clean).split(path.sep).join('/') : clean;
};

const recordChunks: Plugin = {
  name: 'record-chunks',
  apply: 'build',
  generateBundle(_options, bundle) {
    for (const output of Object.values(bundle)) {
      if (output.type !== 'chunk') continue;
      chunks.set(output.fileName, {
        name: output.fileName,
        isEntry: output.isEntry,
        imports: output.imports,
        dynamicImports: output.dynamicImports,
        modules: output.moduleIds.map(relative),
      });
    }
  },
};

const CHART_LIBRARY = /node_modules\/(@fluentui\/react-charts|@fluentui\/chart-utilities|d3-[a-z-]+)\//;

/** A chunk and every chunk it imports statically (what loads with it, before any import()). */
function staticClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...(chunks.get(name)?.imports ?? []));
  }
  return seen;
}

const chunkOf = (module: string) => [...chunks.values()].find((c) => c.modules.includes(module));
const libraryModules = (names: Iterable<string>) => [...names].flatMap((name) => (chunks.get(name)?.modules ?? []).filter((m) => CHART_LIBRARY.test(m)));

let outDir = '';
beforeAll(async () => {
  outDir = await buildProduction({ plugins: [recordChunks] });
}, 240_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the chart library’s chunk', () => {
  it('should be in the build, with the drawings that use it', () => {
    const graphics = chunkOf('src/features/charts/graphics.tsx');
    expect(graphics).toBeDefined();
    expect(libraryModules([graphics!.name]).some((m) => m.includes('@fluentui/react-charts/'))).toBe(true);
  });

  it('should not load with the entry, the first screen or any screen', () => {
    const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.name);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(libraryModules(staticClosure(entry)), entry).toEqual([]);
    for (const screen of ['src/features/overview/overview-view.tsx', 'src/features/goal-detail/goal-detail-view.tsx', 'src/features/rollout/rollout-view.tsx']) {
      const chunk = chunkOf(screen);
      expect(chunk, screen).toBeDefined();
      expect(libraryModules(staticClosure(chunk!.name)), screen).toEqual([]);
    }
  });

  it('should be reached only by the charts’ import()', () => {
    const holders = [...chunks.values()].filter((c) => libraryModules([c.name]).length > 0).map((c) => c.name);
    const importers = [...chunks.values()].filter((c) => c.dynamicImports.some((d) => holders.includes(d)) || c.imports.some((i) => holders.includes(i)));
    // Statically only from one another; dynamically only from the chunk of chart-figure.tsx.
    for (const importer of importers) {
      if (holders.includes(importer.name)) continue;
      expect(importer.modules, importer.name).toContain('src/features/charts/chart-figure.tsx');
      expect(importer.imports.filter((i) => holders.includes(i)), importer.name).toEqual([]);
    }
  });
});

/** Modules a first screen never needs: the adapters the composition root loads on demand, and their libraries. */
const ON_DEMAND = [
  /^node_modules\/adaptivecards\//,
  /^src\/cards\//,
  /^src\/adapters\/(planner|reminders|files)\//,
  /^src\/adapters\/sharepoint\/(plan-import|roster-repository|reminder-ledger|channel-webhooks)\.ts$/,
  /^src\/adapters\/teams\/channel-poster\.ts$/,
  // Dark and high-contrast themes load when a host asks for them; the notice outside Teams has its own.
  /^src\/teams\/themes\//,
  /^src\/app\/standalone-notice\.tsx$/,
  // The user's language is its own chunk, fetched with sign-in; the whole catalogue is for reports and cards.
  /^src\/i18n\/(catalogue\.ts|parts\/|messages\/|languages\/)/,
  // The board's editor and dialogs, and the table view, load when first shown.
  /^src\/features\/plan\/components\/(goal-editor|assign-tasks-dialog|delete-goal-dialog|date-field)\.tsx$/,
  /^src\/features\/plan\/table\/plan-table\.tsx$/,
  // The national template sets up an empty plan (the board's button) and feeds the importer.
  /^src\/import\/national-template\.ts$/,
];

describe('the first screen’s chunks', () => {
  it('should not carry the adapters loaded on demand', () => {
    const entry = [...chunks.values()].find((c) => c.isEntry);
    const plan = chunkOf('src/features/plan/plan-view.tsx');
    expect(entry).toBeDefined();
    expect(plan).toBeDefined();
    const first = new Set([...staticClosure(entry!.name), ...staticClosure(plan!.name)]);
    const modules = [...first].flatMap((name) => chunks.get(name)?.modules ?? []);
    expect(modules).toContain('src/adapters/sharepoint/plan-repository.ts');
    expect(modules.filter((m) => ON_DEMAND.some((pattern) => pattern.test(m)))).toEqual([]);
  });

  it('should still build every adapter, each reached by an import()', () => {
    for (const module of ['src/adapters/planner/planner-sync.ts', 'src/adapters/reminders/reminder-service.ts', 'src/adapters/sharepoint/plan-import.ts', 'src/adapters/sharepoint/roster-repository.ts']) {
      const chunk = chunkOf(module);
      expect(chunk, module).toBeDefined();
      expect([...chunks.values()].some((c) => c.dynamicImports.includes(chunk!.name)), module).toBe(true);
    }
  });
});

describe('one language’s chunk', () => {
  it('should carry that language’s messages and no other’s', () => {
    for (const language of ['nb', 'nn', 'en']) {
      const chunk = chunkOf(`src/i18n/languages/${language}.ts`);
      expect(chunk, language).toBeDefined();
      const modules = [...staticClosure(chunk!.name)].flatMap((name) => chunks.get(name)?.modules ?? []);
      const messages = modules.filter((m) => /^src\/i18n\/(parts\/[^/]+|messages)\/(en|nb|nn)\.ts$|^src\/i18n\/messages\//.test(m));
      expect(messages.length, language).toBeGreaterThan(20);
      // English defines the keys: its modules are type-only imports of the translations, never loaded with them.
      expect(messages.filter((m) => !m.endsWith(`/${language}.ts`)), language).toEqual([]);
    }
  });
});

describe('what the page preloads', () => {
  it('should preload sign-in’s code (MSAL) with the page, and nothing a view or a language would load', () => {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((m) => m[1] as string);
    const msal = chunkOf('src/auth/msal-token-source.ts');
    expect(msal).toBeDefined();
    expect(preloaded).toContain(msal!.name);
    // Still loaded by import() (the page only starts the download early), never part of the entry.
    const entry = [...chunks.values()].find((c) => c.isEntry);
    expect(staticClosure(entry!.name).has(msal!.name)).toBe(false);
    const modules = preloaded.flatMap((name) => chunks.get(name)?.modules ?? []);
    expect(modules.filter((m) => /^src\/(features|i18n\/languages)\//.test(m))).toEqual([]);
  });
});
