// @ts-check
// Fails when the package would ship a file nobody asked for (a test, a source map, the
// e2e suite), or lacks one that its exports name. Run after the build, as `npm publish`
// would pack it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What users get: the builds, their types, and what npm always adds. */
const allowed = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE(\.md)?$/,
  /^CHANGELOG\.md$/,
  /^dist\/esm\/(index|element)\.js$/,
  /^dist\/esm\/chunks\/[\w-]+\.js$/,
  /^dist\/types\/[\w/-]+\.d\.ts$/,
  /^dist\/tinytalk-widget(-panel|-markdown)?\.js$/,
];

const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
/** @type {string[]} */
const files = pack.files.map((/** @type {{ path: string }} */ file) => file.path).sort();

const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
/** @type {string[]} */
const targets = Object.values(exports).flatMap((target) =>
  typeof target === 'string' ? [target] : Object.values(target),
);
const required = ['README.md', 'LICENSE', 'CHANGELOG.md', ...targets.map((target) => target.replace(/^\.\//, ''))];

const unexpected = files.filter((file) => !allowed.some((pattern) => pattern.test(file)));
const missing = required.filter((file) => !files.includes(file));

console.log(
  `npm pack: ${files.length} files, ${(pack.size / 1024).toFixed(1)} KB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KB unpacked`,
);
if (unexpected.length > 0 || missing.length > 0) {
  if (unexpected.length > 0) console.error(`Not meant to ship:\n- ${unexpected.join('\n- ')}`);
  if (missing.length > 0) console.error(`Named by exports but not packed:\n- ${missing.join('\n- ')}`);
  process.exit(1);
}
