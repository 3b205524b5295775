import { signal, type ReadonlySignal } from '@preact/signals-core';
import type { StoredRecord } from './records';

/** Replies that finished while the visitor was not looking: the launcher's badge. */
export interface UnreadModel {
  count: ReadonlySignal<number>;
  /** A reply finished while the panel was closed. */
  add(): void;
  /** The visitor opened the panel. */
  clear(): void;
}

/** The count starts where the last page left it; `onChange` hears every change. */
export function createUnreadModel(record: StoredRecord<number>, onChange: (count: number) => void): UnreadModel {
  const count = signal(record.load() ?? 0);
  function set(value: number): void {
    if (count.value === value) return;
    count.value = value;
    record.save(value === 0 ? undefined : value);
    onChange(value);
  }
  return {
    count,
    add: () => set(count.value + 1),
    clear: () => set(0),
  };
}
