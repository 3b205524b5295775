import { defineConfig } from '@playwright/test';
import e2e from '../../playwright.config.ts';

/** `npm run screenshots`: renders the widget's states into docs/ with the e2e suite's browser. */
export default defineConfig({
  testDir: '.',
  // Not `*.spec.ts`, so the e2e suite never runs it.
  testMatch: 'screenshots.ts',
  workers: 1,
  reporter: 'list',
  outputDir: '../../test-results/screenshots',
  // The e2e test server, on the port E2E_PORT gives (the npm script picks its own).
  globalSetup: '../../e2e/global-setup.ts',
  use: { baseURL: e2e.use?.baseURL, launchOptions: e2e.use?.launchOptions },
});
