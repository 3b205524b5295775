import { testServerPort } from '../ports.ts';

/**
 * The cross-engine suite's test server; the playground's Vite dev server is one port up
 * and WebKitWebDriver two. Ten above Playwright's by default, so both suites can run at
 * once; ENGINES_PORT moves them.
 */
export const enginesServerPort = Number(process.env.ENGINES_PORT ?? testServerPort + 10);
export const enginesDemoPort = enginesServerPort + 1;
