import type { Persistence } from '../options/types';
import { createRecord, type StoredRecord } from './records';
import { isObject } from './storage';

/** The reply a page cut by going away (a link followed mid-reply), for the next page to ask again. */
export interface CutReply {
  id: string;
}

/** Where a page leaves the reply it cut: beside the conversation, so that any next page of the site finds it. */
export function createCutReplyRecord(persist: Persistence, key: string): StoredRecord<CutReply> {
  return createRecord(persist, 'shared', `${key}:resume`, (value) =>
    isObject(value) && typeof value.id === 'string' ? { id: value.id } : undefined,
  );
}

/** How long a tab without Web Locks waits before it reads back its claim. */
const claimSettleMs = 50;

/**
 * How long the tab that took a cut reply keeps its lock: longer than the other tabs' copies
 * of localStorage take to hear that the record is gone (each renderer process reads its own
 * copy, updated after the write, in milliseconds), and short, as a page holding a lock may
 * be left out of the back-forward cache.
 */
const takenHoldMs = 3000;

/**
 * Takes the cut reply off the record, so that of several tabs loading at once only one
 * asks again. With Web Locks the first tab to lock that reply's id takes it and holds the
 * lock for a while: a tab that finds it held, or finds the record gone once it is free,
 * asks nothing. A lock alone is not enough, as a tab that locks just after the taker may
 * still read the record from its own, not yet updated, copy of storage.
 * Without Web Locks (insecure origins, older browsers) each tab writes a claim, waits,
 * and reads it back: only the last writer finds its own, and it removes the record before
 * any later tab looks.
 */
export async function takeCutReply(persist: Persistence, key: string): Promise<CutReply | undefined> {
  const record = createCutReplyRecord(persist, key);
  const take = () => {
    const cut = record.load();
    if (cut) record.save(undefined);
    return cut;
  };
  const cut = record.load();
  if (!cut) return undefined;
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return new Promise((resolve, reject) => {
      navigator.locks
        .request(`${key}:resume:${cut.id}`, { ifAvailable: true }, (lock) => {
          resolve(lock ? take() : undefined);
          return lock && new Promise((release) => setTimeout(release, takenHoldMs));
        })
        .catch(reject);
    });
  }
  const claims = createRecord(persist, 'shared', `${key}:resume-claim`, (value) =>
    typeof value === 'string' ? value : undefined,
  );
  const claim = Math.random().toString(36).slice(2);
  claims.save(claim);
  await new Promise((resolve) => setTimeout(resolve, claimSettleMs));
  if (claims.load() !== claim) return undefined;
  claims.save(undefined);
  return take();
}
