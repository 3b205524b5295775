/** Subscribes to one event; returns the unsubscribe function. */
export type Subscribe<Events> = <Name extends keyof Events>(
  name: Name,
  callback: (payload: Events[Name]) => void,
) => () => void;

export interface Emitter<Events> {
  on: Subscribe<Events>;
  emit<Name extends keyof Events>(name: Name, payload: Events[Name]): void;
  clear(): void;
}

/**
 * A tiny typed event emitter. A host page's callback that throws is reported in the
 * console and does not stop the others, nor the widget.
 */
export function createEmitter<Events>(): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on(name, callback) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(callback);
      return () => void set.delete(callback);
    },
    emit(name, payload) {
      for (const callback of [...(listeners.get(name) ?? [])]) {
        try {
          (callback as (value: typeof payload) => void)(payload);
        } catch (error) {
          console.error(`[tinytalk-widget] A "${String(name)}" listener threw.`, error);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
