/** While a reply streams it is stored this often, so a reload mid-reply keeps most of it. */
export const streamingSaveIntervalMs = 1000;

/** When the conversation is written to storage. */
export interface SavePolicy {
  /** Stores the conversation now: a turn began or ended, a rating changed. */
  save(): void;
  /** Stores it if the last save is older than {@link streamingSaveIntervalMs}: text streamed in. */
  saveWhileStreaming(): void;
  /**
   * The page is going away: store the conversation now, reply in flight included, and
   * nothing after (the browser is about to cut that reply, which is no failure).
   */
  leave(): void;
  /** The page came back from the back-forward cache: saving goes on. */
  resume(): void;
}

/** A policy over `write`, which stores the conversation as it is. */
export function createSavePolicy(write: () => void): SavePolicy {
  let lastSave = 0;
  let hasLeft = false;

  function save(): void {
    if (hasLeft) return;
    lastSave = Date.now();
    write();
  }

  return {
    save,
    saveWhileStreaming() {
      if (Date.now() - lastSave >= streamingSaveIntervalMs) save();
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
