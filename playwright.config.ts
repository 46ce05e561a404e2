import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests of the built views against the built server. No webServer: each test starts
 * its own server (tests/helpers/server-process.ts) on a free port with a fresh data dir.
 * Needs `npm run build` first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  // One retry on CI only: a loaded CI machine may miss a timing bound once; the report names
  // any test that needed it as flaky, and a test that fails twice fails the run.
  retries: process.env['CI'] ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--autoplay-policy=no-user-gesture-required',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
