/** While a reply streams it is stored this often, so a reload mid-reply keeps most of it. */
export const streamingSaveIntervalMs = 1000;

/** When the conversation is written to storage. */
export interface SavePolicy {
  /** Stores the conversation now: a turn began or ended, a rating changed. */
  save(): void;
  /**
   * Stores it if the last save is older than {@link streamingSaveIntervalMs}, and than fifty
   * times what it took: text streamed in.
   */
  saveWhileStreaming(): void;
  /**
   * The page is going away: store the conversation now, reply in flight included, and
   * nothing after (the browser is about to cut that reply, which is no failure).
   */
  leave(): void;
  /** The page came back from the back-forward cache: saving goes on. */
  resume(): void;
}

/**
 * While a reply streams, a save also waits this many times as long as the last one took.
 * A save costs what the conversation weighs: an 80 KB reply took a CPU throttled 6x 20 to
 * 35 ms (serialized, then `localStorage.setItem`), every second, the more the longer the
 * reply. Spaced so, saves keep to some 2 % of the main thread. Nothing is lost to a visitor
 * moving on: leaving the page saves at once (see {@link SavePolicy.leave}).
 */
const saveSpacing = 50;

/** A policy over `write`, which stores the conversation as it is. */
export function createSavePolicy(write: () => void): SavePolicy {
  let lastSave = 0;
  /** How long the last save took, in ms. */
  let lastSaveMs = 0;
  let hasLeft = false;

  function save(): void {
    if (hasLeft) return;
    const start = Date.now();
    write();
    lastSave = Date.now();
    lastSaveMs = lastSave - start;
  }

  return {
    save,
    saveWhileStreaming() {
      if (Date.now() - lastSave >= Math.max(streamingSaveIntervalMs, saveSpacing * lastSaveMs)) save();
    },
    leave() {
      save();
      hasLeft = true;
    },
    resume() {
      hasLeft = false;
    },
  };
}
