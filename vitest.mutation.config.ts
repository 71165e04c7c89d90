// Vitest configuration for mutation testing (StrykerJS, `npm run mutate`): the unit, integration
// and emulator tests that run in this process. Left out: tests that spawn other processes or build
// the whole app (the CLI, the production bundle, the app package), whose code Stryker cannot
// attribute to a mutant, and the browser tests (Playwright).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['tests/e2e/**', 'tests/build/**', 'tests/package/**', 'tests/import/cli.test.ts', 'tests/emulator/crash.test.ts', 'node_modules/**'],
      // One worker, modules kept between test files: Stryker activates a mutant by a global switch,
      // so re-importing every module for each mutant would only cost time.
      isolate: false,
    },
  }),
);
