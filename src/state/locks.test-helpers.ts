/** Test helpers, for the `state/` unit tests only. */

/**
 * Web Locks as the tabs of one site share them: a request for a held name waits until
 * every earlier holder's callback has settled, or, with `ifAvailable`, gets no lock at once.
 */
export function createLockManager() {
  const tails = new Map<string, Promise<unknown>>();
  // Names granted or waiting: a request with `ifAvailable` gets no lock when its name is here.
  const held = new Set<string>();
  const requested: string[] = [];
  return {
    requested,
    held,
    request<T>(
      name: string,
      options: { ifAvailable?: boolean },
      callback: (lock: { name: string } | null) => T | Promise<T>,
    ): Promise<T> {
      requested.push(name);
      if (options.ifAvailable && held.has(name)) return Promise.resolve(callback(null));
      held.add(name);
      const holding = (tails.get(name) ?? Promise.resolve()).then(() => callback({ name }));
      const settled = holding.catch(() => undefined);
      tails.set(name, settled);
      void settled.then(() => {
        if (tails.get(name) === settled) held.delete(name);
      });
      return holding;
    },
  };
}

/** Puts `locks` where the code under test looks for Web Locks; `Reflect.deleteProperty(navigator, 'locks')` takes them away. */
export function useLocks(locks: ReturnType<typeof createLockManager>): void {
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
}
