// @ts-check
// The lines that sum up a run of `npm test` from the JSON reports it leaves in reports/.
// The last line is always "N passed, N failed" (then ", N flaky" and ", N skipped" when
// there are any); the lines before it say what did not run, or was flaky or skipped.

/**
 * @typedef {{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }} UnitReport
 * @typedef {{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] }} E2eReport
 */

/**
 * @param {number} exitStatus - `npm test`'s exit status.
 * @param {{ unit?: UnitReport; e2e?: E2eReport; engines?: UnitReport }} reports - Those that were
 *   written: Vitest's of the unit tests and of the Firefox and WebKit suite, Playwright's.
 * @returns {string[]}
 */
export function summarize(exitStatus, { unit, e2e, engines }) {
  const lines = [];
  let passed = 0;
  let failed = 0;
  let flaky = 0;
  let skipped = 0;

  for (const report of [unit, engines]) {
    if (!report) continue;
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  }
  if (e2e) {
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected;
    // A test that passed only when retried is not counted as passed: it is named apart.
    flaky += e2e.stats.flaky;
    skipped += e2e.stats.skipped;
    const errors = e2e.errors?.length ?? 0;
    if (errors > 0) lines.push(`end-to-end suite: ${errors} error(s) outside any test, each counted as a failure`);
    failed += errors;
  }

  // npm test stops at the first failing step: a suite after it never ran, which is no pass.
  const suites = [
    ['unit suite', unit],
    ['end-to-end suite', e2e],
    ['engine suite (Firefox, WebKit)', engines],
  ];
  for (const [name, report] of suites) {
    if (report) continue;
    lines.push(`${name}: did not run (an earlier step failed), counted as a failure`);
    failed += 1;
  }
  // A step that failed without reporting any test (the type check, the build, the size).
  if (exitStatus !== 0 && failed === 0) {
    lines.push(`npm test failed (exit status ${exitStatus}) in a step that reports no tests, counted as a failure`);
    failed = 1;
  }
  if (flaky > 0) lines.push(`${flaky} end-to-end test(s) flaky: failed, then passed when retried`);
  if (skipped > 0) lines.push(`${skipped} test(s) skipped`);

  lines.push(
    `${passed} passed, ${failed} failed${flaky > 0 ? `, ${flaky} flaky` : ''}${skipped > 0 ? `, ${skipped} skipped` : ''}`,
  );
  return lines;
}
