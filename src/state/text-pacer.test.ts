import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createTextPacer, textIntervalMs } from './text-pacer';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

test('hands on the first words at once', () => {
  const steps: string[] = [];
  createTextPacer((text) => steps.push(text)).push('Nine');
  expect(steps).toEqual(['Nine']);
});

test('gathers what arrives within one interval into one step, handed on when it is over', () => {
  const steps: string[] = [];
  const pacer = createTextPacer((text) => steps.push(text));
  pacer.push('Nine');
  pacer.push(' to');
  pacer.push(' five');
  expect(steps).toEqual(['Nine']);
  vi.advanceTimersByTime(textIntervalMs - 1);
  expect(steps).toEqual(['Nine']);
  vi.advanceTimersByTime(1);
  expect(steps).toEqual(['Nine', ' to five']);
});

test('hands on text at once again after a pause as long as the interval', () => {
  const steps: string[] = [];
  const pacer = createTextPacer((text) => steps.push(text));
  pacer.push('Nine');
  vi.advanceTimersByTime(textIntervalMs);
  pacer.push(' to');
  expect(steps).toEqual(['Nine', ' to']);
});

test('flush hands on what waits, and nothing is handed on twice or after it', () => {
  const steps: string[] = [];
  const pacer = createTextPacer((text) => steps.push(text));
  pacer.push('Nine');
  pacer.push(' to five.');
  pacer.flush();
  pacer.flush();
  vi.advanceTimersByTime(textIntervalMs * 2);
  expect(steps).toEqual(['Nine', ' to five.']);
});

test('takes its interval as told', () => {
  const steps: string[] = [];
  const pacer = createTextPacer((text) => steps.push(text), 200);
  pacer.push('a');
  pacer.push('b');
  vi.advanceTimersByTime(textIntervalMs);
  expect(steps).toEqual(['a']);
  vi.advanceTimersByTime(200 - textIntervalMs);
  expect(steps).toEqual(['a', 'b']);
});
