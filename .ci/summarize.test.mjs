import { expect, test } from 'vitest';
import { summarize } from './summarize.mjs';

/** @param {Partial<{ passed: number; failed: number; skipped: number; todo: number }>} counts */
const unit = ({ passed = 0, failed = 0, skipped = 0, todo = 0 } = {}) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numPendingTests: skipped,
  numTodoTests: todo,
});
/** @param {Partial<{ expected: number; unexpected: number; flaky: number; skipped: number }>} stats */
const e2e = ({ expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = {}, errors = []) => ({
  stats: { expected, unexpected, flaky, skipped },
  errors,
});

const engines = unit;
const noEngineRun = 'engine suite (Firefox, WebKit): did not run (an earlier step failed), counted as a failure';

test('sums every suite into one line when everything passed', () => {
  const reports = { unit: unit({ passed: 800 }), e2e: e2e({ expected: 300 }), engines: engines({ passed: 20 }) };
  expect(summarize(0, reports)).toEqual(['1120 passed, 0 failed']);
});

test('counts the failures of every suite', () => {
  const reports = {
    unit: unit({ passed: 798, failed: 2 }),
    e2e: e2e({ expected: 299, unexpected: 1 }),
    engines: engines({ passed: 19, failed: 1 }),
  };
  expect(summarize(1, reports).at(-1)).toBe('1116 passed, 4 failed');
});

test('says the later suites did not run after a unit failure, and counts each as a failure', () => {
  const lines = summarize(1, { unit: unit({ passed: 799, failed: 1 }) });
  expect(lines).toEqual([
    'end-to-end suite: did not run (an earlier step failed), counted as a failure',
    noEngineRun,
    '799 passed, 3 failed',
  ]);
});

test('says no suite ran when the type check failed', () => {
  const lines = summarize(2, {});
  expect(lines.at(-1)).toBe('0 passed, 3 failed');
  expect(lines).toContain('unit suite: did not run (an earlier step failed), counted as a failure');
  expect(lines).toContain('end-to-end suite: did not run (an earlier step failed), counted as a failure');
  expect(lines).toContain(noEngineRun);
});

test('counts a flaky test apart from the passed ones, and names it', () => {
  const lines = summarize(0, { unit: unit({ passed: 10 }), e2e: e2e({ expected: 5, flaky: 1 }), engines: engines() });
  expect(lines).toEqual([
    '1 end-to-end test(s) flaky: failed, then passed when retried',
    '15 passed, 0 failed, 1 flaky',
  ]);
});

test('reports skipped tests of every suite, todo included', () => {
  const reports = {
    unit: unit({ passed: 10, skipped: 1, todo: 1 }),
    e2e: e2e({ expected: 5, skipped: 2 }),
    engines: engines({ skipped: 1 }),
  };
  expect(summarize(0, reports)).toEqual(['5 test(s) skipped', '15 passed, 0 failed, 5 skipped']);
});

test('counts errors outside any test, such as a dev server that did not start', () => {
  const lines = summarize(1, { unit: unit({ passed: 10 }), e2e: e2e({}, [{ message: 'webServer timed out' }]) });
  expect(lines.at(-1)).toBe('10 passed, 2 failed');
});

test('a failed step that reports no tests, after every suite passed, still counts as a failure', () => {
  expect(summarize(1, { unit: unit({ passed: 10 }), e2e: e2e({ expected: 5 }), engines: engines() }).at(-1)).toBe(
    '15 passed, 1 failed',
  );
});
