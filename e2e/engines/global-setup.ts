import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startTestServer } from '../server.ts';
import { enginesDemoPort, enginesServerPort } from './ports.ts';

/**
 * Starts what the engines visit, once for both: the test server (pages, builds and the
 * demo agent, as for Playwright) and the playground as `npm start` serves it.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startTestServer(enginesServerPort);
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const demo = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    logLevel: 'warn',
    server: { port: enginesDemoPort, strictPort: true },
  });
  await demo.listen();
  return async () => {
    await Promise.all([server.close(), demo.close()]);
  };
}
