import { defineConfig } from '@playwright/test';
import e2e from '../playwright.config.ts';
import { benchPort } from './global-setup.ts';

/** `npm run bench`: one long test that prints figures and never fails on a timing. */
export default defineConfig({
  testDir: '.',
  // Not `*.spec.ts`, so the e2e suite never runs it.
  testMatch: 'bench.ts',
  workers: 1,
  retries: 0,
  // The paced scenarios stream as long as a model would: about 12 minutes per contender.
  timeout: 120 * 60_000,
  reporter: 'list',
  // One long test by design.
  reportSlowTests: null,
  outputDir: '../test-results/bench',
  globalSetup: './global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${benchPort}`,
    // The same Chromium, flags and viewport as the e2e suite.
    viewport: e2e.use?.viewport,
    launchOptions: e2e.use?.launchOptions,
  },
});
