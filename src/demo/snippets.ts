// The code a site owner copies from the playground: the script tag, the npm import and
// the custom element, for the options chosen. Every value is escaped for where it lands
// (an HTML attribute, a JS string), so any text the form takes makes a working snippet.
import { inlineBoxId, type OptionName } from './option-fields';
import { attributeText, type ChosenOption, type OptionValue } from './option-values';

/** The ways to put the widget on a page. */
export type SnippetFormat = 'script' | 'npm' | 'element';

/** Tags longer than this get one attribute per line. */
const maxLineLength = 100;

/** An inline widget fills the box around it, and the page decides its size. */
const inlineBox = `<div id="${inlineBoxId}" style="height: 600px"></div>`;

type Attribute = readonly [name: string, value?: string];

/** The snippet of one format. */
export function snippetFor(format: SnippetFormat, chosen: readonly ChosenOption[], scriptUrl: string): string {
  if (format === 'script') return scriptTagSnippet(chosen, scriptUrl);
  if (format === 'npm') return npmSnippet(chosen);
  return elementSnippet(chosen, scriptUrl);
}

function isInline(chosen: readonly ChosenOption[]): boolean {
  return chosen.some(({ field }) => field.name === 'target');
}

/** `<script src data-* defer>`: the script mounts the widget from its own attributes. */
function scriptTagSnippet(chosen: readonly ChosenOption[], scriptUrl: string): string {
  const attributes: Attribute[] = [
    ['src', scriptUrl],
    ...chosen.map(({ field, value }): Attribute => [`data-${field.attribute}`, attributeText(value)]),
    ['defer'],
  ];
  const script = `${openTag('script', attributes)}</script>`;
  return isInline(chosen) ? `${inlineBox}\n${script}` : script;
}

/** `mount({...})` from the package, as a bundled app calls it. */
function npmSnippet(chosen: readonly ChosenOption[]): string {
  const properties = chosen.map(({ field, value }) => `${field.name}: ${jsLiteral(value)}`);
  const oneLine = `mount({ ${properties.join(', ')} });`;
  const call =
    oneLine.length <= maxLineLength
      ? oneLine
      : `mount({\n${properties.map((property) => `  ${property},\n`).join('')}});`;
  const box = isInline(chosen) ? `// The page holds the box to render into: ${inlineBox}\n` : '';
  return `import { mount } from 'tinytalk-widget';\n\n${box}${call}`;
}

/**
 * `<tinytalk-chat>` in a sized box, and the script that defines it. The element always
 * renders inline, so the floating widget's options are left out (see {@link elementOmissions}).
 */
function elementSnippet(chosen: readonly ChosenOption[], scriptUrl: string): string {
  const element = `${openTag('tinytalk-chat', elementAttributes(chosen), '  ')}</tinytalk-chat>`;
  const script = `${openTag('script', [['src', scriptUrl], ['defer']])}</script>`;
  return `<div style="height: 600px">\n  ${element}\n</div>\n${script}`;
}

/** The attributes of `<tinytalk-chat>` for the chosen options: where it is, it renders inline. */
export function elementAttributes(chosen: readonly ChosenOption[]): [name: string, value: string][] {
  return chosen
    .filter(({ field }) => field.name !== 'target' && !field.isFloatingOnly)
    .map(({ field, value }) => [field.elementAttribute, attributeText(value)]);
}

/** The chosen options the element snippet leaves out: they only apply to a floating widget. */
export function elementOmissions(chosen: readonly ChosenOption[]): OptionName[] {
  return chosen.filter(({ field }) => field.isFloatingOnly).map(({ field }) => field.name);
}

/** An opening tag on one line, or one attribute per line when that would be too long. */
function openTag(name: string, attributes: readonly Attribute[], indent = ''): string {
  const parts = attributes.map(([attribute, value]) =>
    value === undefined ? attribute : htmlAttribute(attribute, value),
  );
  const oneLine = `<${[name, ...parts].join(' ')}>`;
  if (indent.length + oneLine.length <= maxLineLength) return oneLine;
  return `<${name}\n${parts.map((part) => `${indent}  ${part}\n`).join('')}${indent}>`;
}

/** `name="value"`, escaped so that the browser reads back exactly `value`. */
function htmlAttribute(name: string, value: string): string {
  // JSON reads better in single quotes; whichever quote is used is escaped inside.
  const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
  const escaped = value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll(quote, quote === '"' ? '&quot;' : '&#39;');
  return `${name}=${quote}${escaped}${quote}`;
}

/** A value as JS source. */
function jsLiteral(value: OptionValue): string {
  if (typeof value === 'string') return jsString(value);
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(jsString).join(', ')}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : jsString(key)}: ${jsString(item)}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

const jsEscapes: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * A single-quoted JS string. `<` is written `\x3C` so that the code also works pasted
 * into a `<script>` element, where `</script>` or `<!--` in a string would end or bend it.
 */
function jsString(text: string): string {
  const escaped = text.replace(
    /[\\'\u2028\u2029<\x00-\x1f\x7f]/g,
    (char) => jsEscapes[char] ?? `\\x${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `'${escaped}'`;
}
