import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chooseE2EPorts, DEFAULT_E2E_PORTS, hostUrlFor } from './tests/e2e/support/stack-env';

// Chosen once in the main process (E2E_PORTS), inherited by global setup and the workers.
const ports = await chooseE2EPorts();
// A run on fallback ports (another run is going on) keeps its artifacts apart: Playwright empties
// its outputDir when it starts, which would delete the other run's traces mid-test.
const outputDir =
  ports.app === DEFAULT_E2E_PORTS.app ? 'test-results' : path.join(os.tmpdir(), `handlingsplan-test-results-${ports.app}`);

// Chromium comes from the system (/usr/bin/chromium); Playwright never downloads a browser here.
export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir,
  use: {
    baseURL: hostUrlFor(ports),
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
});
