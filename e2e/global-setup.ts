import { startTestServer } from './server.ts';
import { testServerPort } from './ports.ts';

/** Starts the test server (pages, builds and demo agent) for the whole run; returns its teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startTestServer(testServerPort);
  return () => server.close();
}
