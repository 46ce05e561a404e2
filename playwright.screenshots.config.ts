import { defineConfig } from '@playwright/test';
import tests from './playwright.config';

/**
 * `npm run screenshots` (after `npm run build`): regenerates docs/screenshots/ and writes more
 * pictures for a human to look at into test-results/screenshots/ (scripts/screenshots/shots-dir.ts).
 * Playwright drives the built views as the e2e tests do, but these are not tests: `npx playwright
 * test` (playwright.config.ts) never runs them.
 */
export default defineConfig({
  ...tests,
  testDir: 'scripts/screenshots',
  testMatch: '*.shots.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
});
