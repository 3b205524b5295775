// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createLockManager, useLocks } from './locks.test-helpers';
import { createCutReplyRecord, takeCutReply } from './resume';

const key = 'tinytalk-widget:conversation:demo';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'locks');
  vi.useRealTimers();
});

describe('createCutReplyRecord', () => {
  test('keeps the cut reply beside the conversation, where any page of the site finds it', () => {
    createCutReplyRecord('local', key).save({ id: 'a1' });
    expect(JSON.parse(localStorage.getItem(`${key}:resume`)!)).toEqual({ id: 'a1' });
    createCutReplyRecord('session', key).save({ id: 'a2' });
    expect(JSON.parse(sessionStorage.getItem(`${key}:resume`)!)).toEqual({ id: 'a2' });
  });

  test('reads back only a reply id, without anything else stored with it', () => {
    const record = createCutReplyRecord('local', key);
    localStorage.setItem(`${key}:resume`, JSON.stringify({ id: 'a1', content: '<img src=x>' }));
    expect(record.load()).toEqual({ id: 'a1' });
    for (const stored of ['{"id":1}', '"a1"', '[]', 'null']) {
      localStorage.setItem(`${key}:resume`, stored);
      expect(record.load(), stored).toBeUndefined();
    }
  });
});

describe('takeCutReply with Web Locks', () => {
  test('takes the cut reply off the record, so that the next page asks nothing', async () => {
    useLocks(createLockManager());
    createCutReplyRecord('local', key).save({ id: 'a1' });
    expect(await takeCutReply('local', key)).toEqual({ id: 'a1' });
    expect(localStorage.getItem(`${key}:resume`)).toBeNull();
    expect(await takeCutReply('local', key)).toBeUndefined();
  });

  test('asks for no lock when nothing was cut', async () => {
    const locks = createLockManager();
    useLocks(locks);
    expect(await takeCutReply('local', key)).toBeUndefined();
    expect(locks.requested).toEqual([]);
  });

  test('of two tabs taking at once, only one gets the cut reply', async () => {
    vi.useFakeTimers();
    useLocks(createLockManager());
    createCutReplyRecord('local', key).save({ id: 'a1' });
    const taken = await Promise.all([takeCutReply('local', key), takeCutReply('local', key)]);
    expect(taken.filter(Boolean)).toEqual([{ id: 'a1' }]);
  });

  test("takes nothing while the taker holds that reply's lock, though this tab's storage still shows it", async () => {
    vi.useFakeTimers();
    const locks = createLockManager();
    useLocks(locks);
    createCutReplyRecord('local', key).save({ id: 'a1' });
    expect(await takeCutReply('local', key)).toEqual({ id: 'a1' });
    // The second tab's copy of localStorage has not yet heard of the removal.
    createCutReplyRecord('local', key).save({ id: 'a1' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(await takeCutReply('local', key)).toBeUndefined();
    expect(locks.requested).toEqual([`${key}:resume:a1`, `${key}:resume:a1`]);
    // The hold ends on its own, so the page can still enter the back-forward cache later.
    await vi.advanceTimersByTimeAsync(1000);
    expect(locks.held.size).toBe(0);
  });

  test('a reply cut later, on another page, is taken under a lock of its own', async () => {
    vi.useFakeTimers();
    useLocks(createLockManager());
    createCutReplyRecord('local', key).save({ id: 'a1' });
    expect(await takeCutReply('local', key)).toEqual({ id: 'a1' });
    createCutReplyRecord('local', key).save({ id: 'a2' });
    expect(await takeCutReply('local', key)).toEqual({ id: 'a2' });
  });
});

describe('takeCutReply without Web Locks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  test('takes the cut reply once its claim is still its own after the wait, and cleans up', async () => {
    createCutReplyRecord('local', key).save({ id: 'a1' });
    const taking = takeCutReply('local', key);
    await vi.runAllTimersAsync();
    expect(await taking).toEqual({ id: 'a1' });
    expect(localStorage.length).toBe(0);
  });

  test('takes nothing, and leaves the reply, when another tab claimed it during the wait', async () => {
    createCutReplyRecord('local', key).save({ id: 'a1' });
    const taking = takeCutReply('local', key);
    localStorage.setItem(`${key}:resume-claim`, JSON.stringify('the-other-tab'));
    await vi.runAllTimersAsync();
    expect(await taking).toBeUndefined();
    // Left for the tab whose claim stands.
    expect(createCutReplyRecord('local', key).load()).toEqual({ id: 'a1' });
  });

  test('of two tabs taking at once, only one gets the cut reply', async () => {
    createCutReplyRecord('local', key).save({ id: 'a1' });
    const taking = Promise.all([takeCutReply('local', key), takeCutReply('local', key)]);
    await vi.runAllTimersAsync();
    expect((await taking).filter(Boolean)).toEqual([{ id: 'a1' }]);
  });
});

test('with persist none, there is never a cut reply to take', async () => {
  createCutReplyRecord('none', key).save({ id: 'a1' });
  expect(await takeCutReply('none', key)).toBeUndefined();
});
