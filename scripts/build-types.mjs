// @ts-check
// Writes dist/types: tsc's declarations of the package's entries, with the `.js`
// extensions that Node's ESM resolution (moduleResolution node16 and nodenext) needs in
// relative imports, and only the files a user's TypeScript can reach from the entries.
// Our sources import without extensions, for the bundler, and tsc copies specifiers as
// written: without this step, those users' editors would find no types.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

const outDir = 'dist/types';

// tsc never deletes: the declaration of a removed source file would stay, and ship.
rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
if (spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).status !== 0) process.exit(1);

// From the declarations that package.json's exports name, through every relative import.
const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
const entries = Object.values(exports).flatMap((target) =>
  typeof target === 'object' && target.types ? [normalize(target.types)] : [],
);
const reached = new Set(entries);
for (const path of reached) {
  const { text, imported } = withExtensions(path, readFileSync(path, 'utf8'));
  writeFileSync(path, text);
  for (const file of imported) reached.add(file);
}
// tsc declared every module the entries import at run time; most are no part of their types.
for (const file of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
  const path = join(outDir, file);
  if (path.endsWith('.d.ts') && !reached.has(path)) rmSync(path);
}
removeEmptyFolders(outDir);

/**
 * `text` with every relative module specifier naming its file, `./options` as `./options.js`
 * and `../i18n/locales` as `../i18n/locales/index.js`; and the declaration files they name.
 * @param {string} path @param {string} text
 */
function withExtensions(path, text) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  /** @type {ts.StringLiteral[]} */
  const specifiers = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    const literal =
      ts.isImportDeclaration(node) || ts.isExportDeclaration(node)
        ? node.moduleSpecifier
        : ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)
          ? node.argument.literal
          : undefined;
    if (literal && ts.isStringLiteral(literal) && literal.text.startsWith('.')) specifiers.push(literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const targets = specifiers.map((literal) => declarationOf(path, literal.text));
  // From the end, so that each replacement leaves the positions of the earlier ones alone.
  const rewritten = specifiers.reduceRight((result, literal, index) => {
    const start = literal.getStart(source);
    const quote = text[start];
    return `${result.slice(0, start)}${quote}${targets[index]?.specifier}${quote}${result.slice(literal.getEnd())}`;
  }, text);
  return { text: rewritten, imported: targets.map((target) => target.file) };
}

/** @param {string} path @param {string} specifier */
function declarationOf(path, specifier) {
  const target = join(dirname(path), specifier);
  if (existsSync(`${target}.d.ts`)) return { specifier: `${specifier}.js`, file: `${target}.d.ts` };
  if (existsSync(join(target, 'index.d.ts')))
    return { specifier: `${specifier}/index.js`, file: join(target, 'index.d.ts') };
  throw new Error(`${path}: no declaration file for ${JSON.stringify(specifier)}`);
}

/** @param {string} dir */
function removeEmptyFolders(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name));
  }
  if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
}
