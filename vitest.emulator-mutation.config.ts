// Vitest configuration for mutation testing of the emulator (stryker.emulator.config.json): the
// emulator's own tests, which specify its Graph and SharePoint semantics.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.mutation.config';

export default mergeConfig(base, defineConfig({ test: { include: ['tests/emulator/**/*.test.ts'] } }));
