import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const firstPresent = (...paths: string[]) => paths.find((p) => existsSync(p));

/**
 * Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium) where present; otherwise Playwright's own browser. The
 * benchmarks and screenshots use it: what an analyst's browser does.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? firstPresent('/usr/bin/chromium');

/**
 * The tests' browser: Debian's headless shell (package chromium-headless-shell), the same engine without the
 * browser's own windows, where present. It runs the e2e suites about a third faster on two cores, as Playwright's
 * own headless mode does. Otherwise the browser above.
 */
export const testChromiumPath =
  process.env.CHROMIUM_PATH ??
  firstPresent('/usr/bin/chromium-headless-shell', '/usr/bin/chromium');
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Overridable so that two checkouts can run their e2e suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const FIXTURE_PORT = Number(process.env.E2E_FIXTURE_PORT ?? 4174);
export const FIXTURES = `http://127.0.0.1:${FIXTURE_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1600, height: 900 },
    launchOptions: {
      ...(testChromiumPath ? { executablePath: testChromiumPath } : {}),
      args: chromiumArgs,
    },
    // Off: recording a trace of every test made the suite 40% slower. Rerun a failure with --trace on to get one.
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /scale\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1600, height: 900 } },
    },
    {
      // 100k events take a core for seconds: run after the rest, so they cannot starve other tests.
      name: 'scale',
      testMatch: /scale\.spec\.ts/,
      dependencies: ['chromium'],
      // One at a time: two of these side by side on two cores starve each other past the tests' waits.
      fullyParallel: false,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1600, height: 900 } },
    },
  ],
  webServer: [
    {
      // test:e2e builds first, so this always serves a fresh production build (with its CSP).
      // E2E_DIST serves another build directory (a build made beside a benchmark that is using dist/).
      command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1${process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : ''}`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx tsx e2e/fixtureServer.ts`,
      url: `http://127.0.0.1:${FIXTURE_PORT}/partial.json`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { FIXTURE_PORT: String(FIXTURE_PORT) },
    },
  ],
});
