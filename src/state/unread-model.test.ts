import { describe, expect, test } from 'vitest';
import type { StoredRecord } from './records';
import { createUnreadModel } from './unread-model';

/** A record in memory that remembers every save, as the next page would read it. */
function memoryRecord(initial?: number): StoredRecord<number> & { saves: (number | undefined)[] } {
  let value = initial;
  const saves: (number | undefined)[] = [];
  return {
    saves,
    load: () => value,
    save(next) {
      value = next;
      saves.push(next);
    },
  };
}

describe('createUnreadModel', () => {
  test('starts at 0 when nothing is stored', () => {
    expect(createUnreadModel(memoryRecord(), () => {}).count.value).toBe(0);
  });

  test('starts where the last page left the count', () => {
    expect(createUnreadModel(memoryRecord(3), () => {}).count.value).toBe(3);
  });

  test('counts each reply that finished unseen, stores the count and reports every change', () => {
    const record = memoryRecord();
    const heard: number[] = [];
    const unread = createUnreadModel(record, (count) => heard.push(count));
    unread.add();
    unread.add();
    expect(unread.count.value).toBe(2);
    expect(heard).toEqual([1, 2]);
    expect(record.load()).toBe(2);
    // The next page of the visit starts from it.
    expect(createUnreadModel(record, () => {}).count.value).toBe(2);
  });

  test('opening clears the count and forgets the stored one', () => {
    const record = memoryRecord(2);
    const heard: number[] = [];
    const unread = createUnreadModel(record, (count) => heard.push(count));
    unread.clear();
    expect(unread.count.value).toBe(0);
    expect(heard).toEqual([0]);
    expect(record.load()).toBeUndefined();
  });

  test('clearing a count that is already 0 reports and stores nothing', () => {
    const record = memoryRecord();
    const heard: number[] = [];
    createUnreadModel(record, (count) => heard.push(count)).clear();
    expect(heard).toEqual([]);
    expect(record.saves).toEqual([]);
  });
});
