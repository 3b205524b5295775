// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { runInFrames } from './frame-budget';

/** The page's clock, which a piece moves by the time it takes. */
let now = 0;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A job of `count` pieces of `ms` each; `log` gets `name` at each piece. */
function job(name: string, count: number, ms: number, log: string[]): () => boolean {
  let left = count;
  return () => {
    now += ms;
    log.push(name);
    return --left === 0;
  };
}

/** Runs the next animation frame and says which pieces it ran. */
function nextFrame(log: string[]): string[] {
  log.length = 0;
  vi.advanceTimersToNextFrame();
  return [...log];
}

test('runs nothing until the next frame, then pieces until the frame budget is spent', () => {
  const log: string[] = [];
  runInFrames(job('a', 10, 3, log));
  expect(log).toEqual([]);
  // 3 ms pieces in an 8 ms budget: three of them, the third starting at 6 ms.
  expect(nextFrame(log)).toEqual(['a', 'a', 'a']);
  expect(nextFrame(log)).toEqual(['a', 'a', 'a']);
  expect(nextFrame(log)).toEqual(['a', 'a', 'a']);
  expect(nextFrame(log)).toEqual(['a']);
  expect(nextFrame(log)).toEqual([]);
});

test('runs one piece a frame however long pieces take, so a slow device still moves on', () => {
  const log: string[] = [];
  runInFrames(job('slow', 3, 40, log));
  expect(nextFrame(log)).toEqual(['slow']);
  expect(nextFrame(log)).toEqual(['slow']);
  expect(nextFrame(log)).toEqual(['slow']);
  expect(nextFrame(log)).toEqual([]);
});

test('shares one budget between jobs: the first comes first, the next takes what is left', () => {
  const log: string[] = [];
  runInFrames(job('a', 2, 3, log));
  runInFrames(job('b', 4, 3, log));
  expect(nextFrame(log)).toEqual(['a', 'a', 'b']);
  expect(nextFrame(log)).toEqual(['b', 'b', 'b']);
  expect(nextFrame(log)).toEqual([]);
});

test('stops a job cancelled between frames', () => {
  const log: string[] = [];
  const cancel = runInFrames(job('a', 10, 3, log));
  runInFrames(job('b', 1, 1, log));
  expect(nextFrame(log)).toEqual(['a', 'a', 'a']);
  cancel();
  expect(nextFrame(log)).toEqual(['b']);
  expect(nextFrame(log)).toEqual([]);
});
