import { startTestServer } from '../e2e/server.ts';

/** The benchmark's own test server, apart from the e2e suite's 4310 and 4311 so both can run at once; `BENCH_PORT` to run two benches at once. */
export const benchPort = Number(process.env.BENCH_PORT) || 4320;

/** Starts the pages, builds and demo agent for the benchmark; returns its teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startTestServer(benchPort);
  return () => server.close();
}
