// @ts-check
// Prints the sum of the JSON reports that `npm test` leaves in reports/, ending with one
// line "N passed, N failed" (see summarize.mjs): a red run never reads as all passed.
import { existsSync, readFileSync } from 'node:fs';
import { summarize } from './summarize.mjs';

/** @param {string} path */
function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const reports = {
  unit: read('reports/unit.json'),
  e2e: read('reports/e2e.json'),
  engines: read('reports/engines.json'),
};
console.log(summarize(Number(process.argv[2] ?? 0), reports).join('\n'));
