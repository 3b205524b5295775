import type { Persistence } from '../options/types';

/**
 * One small value kept beside an agent's conversation (the unread count, the panel's state,
 * the greeting's fate, a reply to resume). Stored values come from an earlier version, a
 * hand edit or another script on the site: each is checked as it is read, and anything
 * else counts as nothing. Never throws: storage may be full or forbidden.
 */
export interface StoredRecord<Value> {
  load(): Value | undefined;
  /** undefined forgets it. */
  save(value: Value | undefined): void;
}

/** Where a record lives: `tab` is sessionStorage (this tab's visit), `shared` is where the conversation lives. */
export type RecordScope = 'tab' | 'shared';

/**
 * A record stored under `key`: with `persist` `none`, nowhere (it lives as long as the
 * page); else in sessionStorage for `tab`, in the conversation's storage for `shared`.
 */
export function createRecord<Value>(
  persist: Persistence,
  scope: RecordScope,
  key: string,
  parse: (value: unknown) => Value | undefined,
): StoredRecord<Value> {
  let inMemory: Value | undefined;
  function storage(): Storage | undefined {
    if (persist === 'none') return undefined;
    // Merely reading `localStorage` throws in sandboxed frames and some privacy modes.
    return scope === 'shared' && persist === 'local' ? window.localStorage : window.sessionStorage;
  }
  return {
    load() {
      if (persist === 'none') return inMemory;
      try {
        const raw = storage()?.getItem(key);
        return raw ? parse(JSON.parse(raw)) : undefined;
      } catch {
        return undefined;
      }
    },
    save(value) {
      inMemory = value;
      try {
        if (value === undefined) storage()?.removeItem(key);
        else storage()?.setItem(key, JSON.stringify(value));
      } catch {
        // The conversation's own store warns about storage once; this is no worse.
      }
    },
  };
}

/** A count: a whole number from 0 up. */
export function parseCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
