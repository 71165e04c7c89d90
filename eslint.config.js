// ESLint: typescript-eslint plus the architecture's import boundaries as errors
// (docs/architecture.md explains each zone).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const features = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
/** Everything in src/ but the Node runners' composition root (src/runner), as lint targets. */
const srcOutsideRunner = readdirSync(new URL('./src/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.name !== 'runner')
  .map((d) => `./src/${d.name}`);

const I_O_AND_UI = ['react', 'react-dom', 'react-dom/*', '@fluentui/*', '@microsoft/*', '@azure/*', '@tanstack/*', 'node:*', 'fs', 'path', 'undici'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'functions/dist/**', 'node_modules/**', 'coverage/**', 'playwright-report/**', 'test-results/**', 'manifest/build/**', '.data/**', '.certs/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    // Imports are resolved as TypeScript resolves them (with or without an extension, index files),
    // so the boundaries below see every import, however it is written.
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // Imported TypeScript modules are parsed too, so that no-cycle follows them.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // No import cycles (a cycle hides which layer depends on which).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // Nothing in src/ reaches the emulator, the local host page, scripts or tests.
            { target: './src', from: ['./emulator', './host-sim', './scripts', './tests'], message: 'src/ must not import dev-only code.' },
            // The Node runners' composition root (src/runner) is imported by scripts only, never by the tab.
            { target: srcOutsideRunner, from: './src/runner', message: 'src/runner is the Node runners\' composition root: the tab does not import it.' },
            // The runners share the core and adapters, never React or the tab's shell.
            // (The catalogues and formatter in src/i18n are shared; only its React provider is not.)
            { target: './src/runner', from: ['./src/features', './src/app', './src/components', './src/hooks', './src/lib', './src/teams', './src/i18n/index.tsx'], message: 'src/runner has no React and no Teams host (it translates with src/i18n/catalogue.ts).' },
            // The importer turns bytes into a draft: no UI, no Graph, no host, no sign-in.
            { target: './src/import', from: ['./src/features', './src/app', './src/components', './src/hooks', './src/lib', './src/graph', './src/adapters', './src/teams', './src/auth', './src/i18n', './src/runner'], message: 'import/ is a pure importer: bytes in, draft out.' },
            // Sign-in knows tokens only.
            { target: './src/auth', from: ['./src/features', './src/app', './src/components', './src/hooks', './src/lib', './src/adapters', './src/teams', './src/import', './src/domain', './src/i18n'], message: 'auth/ gives tokens and knows nothing else of the app.' },
            // The Teams host seam knows the host only.
            { target: './src/teams', from: ['./src/features', './src/app', './src/components', './src/hooks', './src/lib', './src/graph', './src/adapters', './src/auth', './src/import', './src/domain'], message: 'teams/ is the host seam: no data, no sign-in, no UI.' },
            // The domain core is pure.
            {
              target: './src/domain',
              from: ['./src/graph', './src/adapters', './src/features', './src/app', './src/teams', './src/auth', './src/components', './src/hooks', './src/lib', './src/i18n', './src/import'],
              message: 'domain/ imports nothing outside itself.',
            },
            // The Graph client knows nothing of the app.
            { target: './src/cards', from: ['./src/features', './src/app', './src/components', './src/hooks', './src/lib', './src/graph', './src/adapters', './src/auth', './src/import', './src/runner', './src/i18n/index.tsx'], message: 'cards/ turns domain reminders into Adaptive Cards: no UI, no I/O.' },
            { target: './src/graph', from: ['./src/domain', './src/adapters', './src/features', './src/app', './src/components', './src/lib', './src/hooks'], message: 'graph/ is a generic Graph client.' },
            // Adapters implement ports; no UI.
            { target: './src/adapters', from: ['./src/features', './src/app', './src/components', './src/hooks', './src/lib', './src/i18n', './src/teams'], message: 'adapters/ implement domain ports without UI.' },
            // Features never touch Graph or adapters, nor the composition root.
            { target: './src/features', from: ['./src/graph', './src/adapters', './src/app', './src/auth'], message: 'features/ use domain ports through lib/services.' },
            // Shared UI does not depend on features or the app.
            { target: ['./src/components', './src/hooks', './src/lib', './src/i18n'], from: ['./src/features', './src/app', './src/graph', './src/adapters'], message: 'shared code must not depend on features, app or Graph.' },
            // No feature imports another; features/charts is the charts every screen may show (lazy).
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [...new Set([`./${f}`, './charts'])],
              message: 'features must not import each other.',
            })),
          ],
        },
      ],
    },
  },
  {
    // The Azure Functions app (functions/) composes the Node runners as scripts/ does, and is deployed:
    // it reaches src/ through src/runner only, never the emulator, dev scripts, tests or the tab.
    files: ['functions/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './functions', from: ['./emulator', './host-sim', './scripts', './tests'], message: 'functions/ is deployed: no dev-only code.' },
            { target: './functions', from: srcOutsideRunner, message: 'functions/ composes the runners through src/runner only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/teams/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@microsoft/teams-js', message: 'Only src/teams talks to the Teams host.' }] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/graph/**', 'src/domain/**', 'src/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@microsoft/microsoft-graph-client', message: 'Use the one Graph client in src/graph.' },
            { name: '@microsoft/teams-js', message: 'Only src/teams talks to the Teams host.' },
          ],
        },
      ],
    },
  },
  // Last, so that no later src/** block replaces its no-restricted-imports options.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: I_O_AND_UI, message: 'domain/ is pure: no React, no I/O, no SDKs.' }] }],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'localStorage', 'sessionStorage', 'XMLHttpRequest'],
    },
  },
);
