import { defineConfig } from 'vitest/config';

/**
 * The cross-engine suite: one file per engine, run side by side, each with one browser
 * for all its scenarios. Every step is bounded, so a missing or stuck engine fails its
 * tests instead of hanging the run.
 */
export default defineConfig({
  test: {
    root: 'e2e/engines',
    include: ['*.engine.ts'],
    environment: 'node',
    globalSetup: './global-setup.ts',
    fileParallelism: true,
    maxWorkers: 2,
    // Starting an engine takes up to a minute on a loaded 2-core machine; a scenario, a few seconds.
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // Playwright's policy: one retry on CI, where a timing hiccup must not block a landing; the report still shows it.
    retry: process.env.CI ? 1 : 0,
    reporters: ['default', 'json'],
    outputFile: { json: '../../reports/engines.json' },
  },
});
