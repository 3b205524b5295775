// The defaults are written once, in options/defaults.ts; everything that tells a person
// what they are is checked against it here, so a change there cannot leave a stale word.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { optionFields } from '../demo/option-fields';
import { englishStrings } from '../i18n/strings';
import { defaults } from '../options/defaults';
import type { WidgetOptions } from '../options/types';
import { attributeNames } from './attributes';

type OptionName = keyof WidgetOptions;

const source = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** A default as the docs spell it: JSON for lists and maps. */
const spelled = (value: unknown) => (typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Every documented default: the fixed ones, and the English words of the language-bound ones. */
const documented: Partial<Record<OptionName, string>> = {
  ...Object.fromEntries(Object.entries(defaults).map(([name, value]) => [name, spelled(value)])),
  title: englishStrings.title,
  placeholder: englishStrings.placeholder,
};

/** The TSDoc of each member of the interface `name` in the file at `path`, by member name. */
function memberDocs(path: string, name: string): Map<string, string> {
  const text = source(path);
  const body = text.slice(text.indexOf(`export interface ${name} {`));
  const docs = new Map<string, string>();
  const members = body.slice(0, body.indexOf('\n}')).matchAll(/\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*'?([\w-]+)'?\??:/g);
  for (const [, doc = '', member = ''] of members) docs.set(member, doc.replace(/\s*\n\s*\*\s*/g, ' '));
  return docs;
}

/** The default a TSDoc states, as in "Default `auto`", or undefined. */
const statedDefault = (doc: string | undefined) => doc?.match(/Default `([^`]*)`/)?.[1];

const options = Object.keys(attributeNames) as OptionName[];

describe('the TSDoc of WidgetOptions', () => {
  const docs = memberDocs('../options/types.ts', 'WidgetOptions');
  test.each(options)('states the default of %s, when it has one, as the widget has it', (name) => {
    expect(statedDefault(docs.get(name))).toBe(documented[name]);
  });
});

describe('the TSDoc of the element attributes', () => {
  const docs = memberDocs('./element-types.ts', 'TinyTalkChatAttributes');
  const elementOptions = options.filter((name) => name === 'title' || docs.has(attributeNames[name]));
  test.each(elementOptions)('states the default of %s, when it has one, as the widget has it', (name) => {
    expect(statedDefault(docs.get(name === 'title' ? 'chat-title' : attributeNames[name]))).toBe(documented[name]);
  });
});

describe("the README's table of options", () => {
  const rows = new Map(
    source('../../README.md')
      .split('\n')
      // Prettier pads the cells to line the columns up.
      .map((line) => line.match(/^\| `(\w+)` +\| `data-([\w-]+)`[^|]*\| ([^|]*?) *\|/))
      .filter((match) => match !== null)
      .map(([, name = '', attribute, stated = '']) => [name, { attribute, stated }]),
  );
  test.each(options)('lists %s with its attribute and its default', (name) => {
    expect(rows.get(name)?.attribute).toBe(attributeNames[name]);
    const stated = rows.get(name)?.stated.match(/^`([^`]*)`$/)?.[1];
    expect(stated).toBe(documented[name]);
  });
});

describe("the playground's fields", () => {
  test.each(Object.keys(defaults) as (keyof typeof defaults)[])('start %s at the widget default', (name) => {
    const field = optionFields.find((field) => field.name === name);
    // The corner follows the language unless chosen: the playground leaves it unchosen.
    expect(field?.default).toBe(name === 'position' ? '' : documented[name]);
  });
});
