/**
 * The test server (pages on 127.0.0.1, the demo agent on localhost, another origin) and,
 * one port up, the Vite dev server that `npm start` runs, for the demo page's tests.
 * E2E_PORT moves both, so that two runs on one machine do not collide.
 */
export const testServerPort = Number(process.env.E2E_PORT ?? 4310);
export const demoServerPort = testServerPort + 1;
