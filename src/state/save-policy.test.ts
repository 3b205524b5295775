import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createSavePolicy, streamingSaveIntervalMs } from './save-policy';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A policy over a write that counts its calls. */
function setup() {
  const write = vi.fn();
  return { saving: createSavePolicy(write), write };
}

test('save writes every time', () => {
  const { saving, write } = setup();
  saving.save();
  saving.save();
  expect(write).toHaveBeenCalledTimes(2);
});

test('while a reply streams, writes at most once per interval', () => {
  const { saving, write } = setup();
  saving.saveWhileStreaming();
  expect(write).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(streamingSaveIntervalMs - 1);
  saving.saveWhileStreaming();
  expect(write).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(1);
  saving.saveWhileStreaming();
  expect(write).toHaveBeenCalledTimes(2);
});

test('while a reply streams, a slow save waits fifty times its own time, not the interval', () => {
  // Each write takes 40 ms of the clock, as a long conversation's does on a slow phone.
  const write = vi.fn(() => vi.advanceTimersByTime(40));
  const saving = createSavePolicy(write);
  saving.saveWhileStreaming();
  vi.advanceTimersByTime(1999);
  saving.saveWhileStreaming();
  expect(write).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(1);
  saving.saveWhileStreaming();
  expect(write).toHaveBeenCalledTimes(2);
  // Saving outright, a turn ending, does not wait.
  saving.save();
  expect(write).toHaveBeenCalledTimes(3);
});

test('a save in between starts the interval again', () => {
  const { saving, write } = setup();
  vi.advanceTimersByTime(streamingSaveIntervalMs);
  saving.save();
  saving.saveWhileStreaming();
  expect(write).toHaveBeenCalledTimes(1);
});

test('leaving writes once more, then nothing until the page is resumed', () => {
  const { saving, write } = setup();
  saving.leave();
  expect(write).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(streamingSaveIntervalMs);
  saving.save();
  saving.saveWhileStreaming();
  expect(write).toHaveBeenCalledTimes(1);
  saving.resume();
  saving.save();
  expect(write).toHaveBeenCalledTimes(2);
});
