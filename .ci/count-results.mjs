// Sums the JSON reports that `npm test` leaves in reports/ into one line,
// "N passed, N failed". A step that failed without reporting any test (the type
// check, the build) counts as one failure, so a red run never reads as all passed.
import { existsSync, readFileSync } from 'node:fs';

const exitStatus = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

// Vitest's reports: the unit tests, and the Firefox and WebKit suite.
for (const path of ['reports/unit.json', 'reports/engines.json']) {
  const report = read(path);
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
}

const e2e = read('reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
}

if (exitStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
