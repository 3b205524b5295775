import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { demoServerPort, testServerPort } from './e2e/ports.ts';

/**
 * No test tool may download a browser here: use CHROMIUM_PATH, else Debian's Chromium,
 * else a browser Playwright already has, and otherwise stop with one line that says what to do.
 */
function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (found) return found;
  if (existsSync(chromium.executablePath())) return undefined;
  console.error('No Chromium found: install one (apt-get install -y chromium) or set CHROMIUM_PATH to its executable.');
  process.exit(1);
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  // One retry on CI: a timing hiccup on a loaded 2-core machine must not block a landing; a flaky test still shows in the report.
  retries: process.env.CI ? 1 : 0,
  timeout: 20_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${testServerPort}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      // As root on a closed network, Chromium needs these to start and to stay quiet.
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
  webServer: {
    command: `npx vite --port ${demoServerPort} --strictPort`,
    url: `http://localhost:${demoServerPort}/`,
    reuseExistingServer: !process.env.CI,
    stdout: 'ignore',
  },
});
