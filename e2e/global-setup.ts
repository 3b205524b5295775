import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { testServerPort } from './ports.ts';
import { startTestServer } from './server.ts';

/**
 * Bundles the React page's app into `outDir`: React ships CommonJS only, so a browser cannot
 * import it as it is. The package stays out of the bundle, for the page's import map to give.
 */
async function buildReactApp(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'development',
    define: { 'process.env.NODE_ENV': '"development"' },
    build: {
      outDir,
      // A new folder every run.
      emptyOutDir: false,
      minify: false,
      copyPublicDir: false,
      rollupOptions: {
        input: fileURLToPath(new URL('pages/react-app.tsx', import.meta.url)),
        external: [/^tinytalk-widget(\/|$)/],
        output: { entryFileNames: 'main.js' },
      },
    },
  });
}

/** Starts the test server (pages, builds and demo agent) for the whole run; returns its teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const reactApp = await mkdtemp(join(tmpdir(), 'tinytalk-react-app-'));
  await buildReactApp(reactApp);
  const server = await startTestServer(testServerPort, { reactApp });
  return async () => {
    await server.close();
    await rm(reactApp, { recursive: true, force: true });
  };
}
