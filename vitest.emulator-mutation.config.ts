// Vitest configuration for mutation testing of the emulator (stryker.emulator.config.json): the
// emulator's own tests, which specify its Graph and SharePoint semantics.
import { mergeConfig } from 'vitest/config';
import base from './vitest.mutation.config';

const config = mergeConfig(base, {});
// mergeConfig concatenates arrays: the base's include list would stay. Only the emulator's tests.
config.test = { ...config.test, include: ['tests/emulator/**/*.test.ts'] };
export default config;
