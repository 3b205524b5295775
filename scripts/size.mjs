// @ts-check
// Prints raw, gzip and brotli sizes of every built file, and fails when a budget in
// size-budget.json is exceeded. Sizes are deterministic, so unlike timings they may fail the build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));

/** @param {string} dir @returns {string[]} */
function builtFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith('types') ? [] : builtFiles(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** @param {Buffer} bytes */
function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = [];
const rows = builtFiles('dist').map((file) => {
  const size = sizes(readFileSync(file));
  const limit = budget.files[file];
  if (limit !== undefined && size.gzip > limit)
    failures.push(`${file}: ${kb(size.gzip)} gzip, over its budget of ${kb(limit)}`);
  return { file, ...size, limit };
});

const scriptTag = rows.filter((row) => row.file in budget.files).reduce((total, row) => total + row.gzip, 0);
if (scriptTag > budget.scriptTagTotal)
  failures.push(`the script tag's files together: ${kb(scriptTag)} gzip, over ${kb(budget.scriptTagTotal)}`);

console.log(
  ['file'.padEnd(44), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10), 'budget'.padStart(10)].join(''),
);
for (const row of rows) {
  console.log(
    [
      row.file.padEnd(44),
      kb(row.raw).padStart(10),
      kb(row.gzip).padStart(10),
      kb(row.brotli).padStart(10),
      (row.limit ? kb(row.limit) : '').padStart(10),
    ].join(''),
  );
}
console.log(
  `${'script tag, all its files (gzip)'.padEnd(54)}${kb(scriptTag).padStart(10)}${''.padStart(20)}${kb(budget.scriptTagTotal).padStart(10)}`,
);

if (failures.length > 0) {
  console.error(`\nOver budget:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
