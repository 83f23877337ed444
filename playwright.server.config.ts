import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, testChromiumPath } from './playwright.config';

/**
 * The app against the real server and a throwaway PostgreSQL (e2e/server/serverSetup.ts), part of
 * `npm run test:server`. It serves the build in dist/ (or E2E_DIST): build first.
 */
export default defineConfig({
  testDir: 'e2e/server',
  testMatch: /\.pg\.ts$/,
  // Its own output folder: the main e2e run's results stay where they are.
  outputDir: 'test-results/server',
  globalSetup: './e2e/server/serverSetup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1600, height: 900 },
    launchOptions: {
      ...(testChromiumPath ? { executablePath: testChromiumPath } : {}),
      args: chromiumArgs,
    },
    trace: 'off', // as in playwright.config.ts: rerun a failure with --trace on
  },
});
