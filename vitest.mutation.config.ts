// Vitest configuration for mutation testing (StrykerJS, `npm run mutate`): the unit, integration
// and emulator tests that run in this process. Left out: tests that spawn other processes or build
// the whole app (the CLI, the production bundle, the app package), whose code Stryker cannot
// attribute to a mutant, and the browser tests (Playwright). Also left out: the importer's scored
// fixture tests (accuracy, which runs the official Python scorer in a child process; conservation;
// metamorphic), which import every fixture in three formats (about 20 s) for each of the
// importer's ~4,500 mutants — days on two cores. The importer's mutants are judged by its unit
// tests (tests/import/*), and those fixture tests keep running in `npm run test:unit`.
import { statSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config';

/**
 * Small test files first: they are the focused unit tests, which kill most mutants at once, and
 * Stryker stops a mutant's run at its first failing test (bail). Vitest's default order (longest
 * first) would run the slow whole-plan tests before them for every mutant.
 */
class SmallFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const size = (file: TestSpecification) => {
      try {
        return statSync(file.moduleId).size;
      } catch {
        return Number.MAX_SAFE_INTEGER;
      }
    };
    return [...files].sort((a, b) => size(a) - size(b));
  }
}

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'tests/e2e/**',
        'tests/build/**',
        'tests/package/**',
        'tests/import/cli.test.ts',
        'tests/import/accuracy.test.ts',
        'tests/import/conservation.test.ts',
        'tests/import/metamorphic.test.ts',
        'tests/emulator/crash.test.ts',
        'node_modules/**',
      ],
      // One worker, modules kept between test files: Stryker activates a mutant by a global switch,
      // so re-importing every module for each mutant would only cost time.
      isolate: false,
      sequence: { sequencer: SmallFilesFirst },
      // Instrumented for mutation, the importer's text similarity (inner loops with a switch per
      // mutant) runs many times slower: a whole-plan import may take longer than the usual 30 s.
      testTimeout: 120_000,
    },
  }),
);
