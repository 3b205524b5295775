import type { ServerResponse } from 'node:http';

/** Tells a slow response when its client has gone away. */
export interface ClientWatch {
  /** Aborted once the connection closes. */
  readonly signal: AbortSignal;
  /** Resolves once the connection closes. */
  readonly closed: Promise<void>;
  /** Waits `ms`, resolving `true`, or `false` as soon as the client goes away (the timer is cleared). */
  wait(ms: number): Promise<boolean>;
}

/**
 * Watches the connection of `res`. It listens on the response, not the request:
 * since Node 16 a request emits 'close' as soon as its body has been read, while
 * the response emits it when the socket goes away (or after it has finished, when
 * aborting is harmless). The widget's Stop button aborts the fetch, and the agent
 * must then stop writing and clear its timers.
 */
export function createClientWatch(res: ServerResponse): ClientWatch {
  const controller = new AbortController();
  const { signal } = controller;
  if (res.destroyed) controller.abort();
  else res.once('close', () => controller.abort());
  const closed = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
  return {
    signal,
    closed,
    wait(ms) {
      if (signal.aborted) return Promise.resolve(false);
      return new Promise((resolve) => {
        const onAbort = () => {
          clearTimeout(timer);
          resolve(false);
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          resolve(true);
        }, ms);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
