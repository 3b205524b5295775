/** The test server: pages on 127.0.0.1, the demo agent on localhost (another origin). */
export const testServerPort = 4310;
/** The Vite dev server that `npm start` runs, for the demo page's tests. */
export const demoServerPort = 4311;
