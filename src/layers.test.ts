// The layers of STYLE.md, checked: each folder of src/ imports only the folders below it,
// type imports included, no module imports itself through others, and product code never
// imports tests, their helpers or test folders.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));
const root = dirname(src);

/** The folders of src/ each folder may import, besides itself. The entries and demo/ sit on top. */
const mayImport: Record<string, readonly string[]> = {
  embed: ['ui', 'state', 'options', 'api', 'markdown', 'i18n'],
  ui: ['state', 'options', 'markdown', 'i18n'],
  state: ['options', 'api', 'markdown', 'i18n'],
  options: ['i18n'],
  i18n: ['api'],
  markdown: [],
  api: [],
};

const isTest = (path: string) => /\.test(-d)?\.tsx?$|\.test-helpers\.ts$/.test(path);

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? files(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative import of the file, as a path from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const paths = text.matchAll(/^(?:import|export)\b[^;]*?'(\.{1,2}\/[^']+)'/gm);
  return [...paths].map(([, path = '']) => relative(root, join(dirname(file), path)));
}

const productFiles = files(src).filter((file) => !isTest(file));

test.each(productFiles.map((file) => relative(root, file)))('%s imports only from the layers below it', (file) => {
  const [, layer = ''] = file.split('/');
  const allowed = mayImport[layer];
  for (const target of importsOf(join(root, file))) {
    const [top, targetLayer = ''] = target.split('/');
    expect(isTest(target), `${target}: a test or its helper`).toBe(false);
    if (layer === 'demo') expect(['src', 'agent'], target).toContain(top);
    else expect(top, target).toBe('src');
    if (allowed && targetLayer !== layer) expect(allowed, target).toContain(targetLayer);
  }
});

/** The file an import names, extension or not. */
function fileOf(path: string): string | undefined {
  return [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts')].find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(join(root, candidate)),
  );
}

test('no product module imports itself through others, type imports included', () => {
  const graph = new Map(
    productFiles.map((file) => [relative(root, file), importsOf(file).flatMap((path) => fileOf(path) ?? [])]),
  );
  const cycles: string[] = [];
  const done = new Set<string>();
  function visit(file: string, path: readonly string[]): void {
    if (path.includes(file)) cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
    if (path.includes(file) || done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    done.add(file);
  }
  for (const file of graph.keys()) visit(file, []);
  expect(cycles).toEqual([]);
});
