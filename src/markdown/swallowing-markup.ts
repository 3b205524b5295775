/**
 * marked passes a reply's raw HTML on as written and closes nothing, so one
 * `<style>`, `<svg>` or `<!--` left open would make the HTML parser read the
 * rest of the reply as CSS, SVG or a comment, and the sanitizer would then
 * remove it all. This pass removes such markup before the HTML is parsed.
 * It also drops event-handler and `style` attributes: the sanitizer removes them
 * anyway, but parsing them first raises a CSP violation (`script-src-attr`,
 * `style-src-attr`) in the host page, one report each, for a hostile reply.
 *
 * It keeps text, it does not keep anyone safe: its output still goes through
 * the sanitizer, so whatever it gets wrong costs text, never safety.
 */

/**
 * Elements whose content the parser reads as text up to their end tag
 * (raw text and RCDATA; `<noscript>` too, in a browser running scripts). The
 * sanitizer would remove them, content and all.
 */
const RAW_TEXT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'textarea',
  'title',
]);

/**
 * Elements after whose start tag markup is no longer read as HTML: raw text,
 * `<plaintext>` (never ends), SVG and MathML (foreign content) and
 * `<template>` (its content lives apart, in a fragment).
 */
const SWALLOWING: ReadonlySet<string> = new Set([...RAW_TEXT, 'plaintext', 'svg', 'math', 'template']);

// The regular expressions follow the WHATWG tokenizer, so that a tag ends
// where the parser will end it. Whitespace is HTML's, not `\s`: a no-break
// space belongs to a tag name. Every name and unquoted value is matched whole
// (a lookahead forbids stopping early), which keeps backtracking linear. What
// stays quadratic is input made of tags that never close (each one is read to
// the end): about 0.3 s for 30 KB of `<a b="`, self-inflicted by the reply.
const WS = String.raw`[\t\n\f\r ]`;
const VALUE = String.raw`"[^"]*"|'[^']*'|[^\t\n\f\r >"'][^\t\n\f\r >]*(?=[\t\n\f\r >]|$)|(?=>)`;
// After a name, `=` always starts a value, and a quote left open runs to the
// end; only right after whitespace or a value may `=` begin a name.
const ATTRIBUTE = String.raw`[^\t\n\f\r />][^\t\n\f\r />=]*(?=[\t\n\f\r />=]|$)(?:${WS}*=${WS}*(?:${VALUE})|(?!${WS}*=))`;
const TAG = String.raw`<(\/?)([a-zA-Z][^\t\n\f\r />]*)(?=[\t\n\f\r />]|$)(?:[\t\n\f\r /]+(?![\t\n\f\r /])|${ATTRIBUTE})*>`;
// Comments, and what HTML parses as comments: `<!…>` (CDATA included
// outside SVG), `<?…>`, `</…>` not followed by a letter.
const COMMENT = String.raw`<!--(?:-?>|[\s\S]*?--!?>)|<(?:!|\?|\/(?![a-zA-Z]))[^>]*>`;
/** One complete comment or tag, matched exactly where `lastIndex` points. */
const MARKUP = new RegExp(`${COMMENT}|${TAG}`, 'y');
/** The space before an attribute, and the attribute, inside a tag that MARKUP matched. */
const SPACED_ATTRIBUTE = new RegExp(`([\\t\\n\\f\\r /]*)(${ATTRIBUTE})`, 'y');
/** Attributes the sanitizer always removes, and that a CSP reports as they are parsed. */
const INLINE_ATTRIBUTE = /^(?:on|style(?=[\t\n\f\r />=]|$))/i;

/** `tag` without its event-handler and style attributes; `from` is where its name ends. */
function withoutInlineAttributes(tag: string, from: number): string {
  let output = tag.slice(0, from);
  let hasDropped = false;
  SPACED_ATTRIBUTE.lastIndex = from;
  for (let match = SPACED_ATTRIBUTE.exec(tag); match !== null; match = SPACED_ATTRIBUTE.exec(tag)) {
    const [whole, space = '', attribute = ''] = match;
    from = SPACED_ATTRIBUTE.lastIndex;
    if (INLINE_ATTRIBUTE.test(attribute)) {
      hasDropped = true;
      continue;
    }
    // After a quoted value an attribute needs no space: once that value is gone, it does.
    output += hasDropped && space === '' ? ` ${whole}` : whole;
    hasDropped = false;
  }
  return output + tag.slice(from);
}

/** Where the element opened just before `from` ends, or -1 when nothing closes it. */
function endOfRawText(html: string, name: string, from: number): number {
  const endTag = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi');
  endTag.lastIndex = from;
  const found = endTag.exec(html);
  if (found === null) return -1;
  MARKUP.lastIndex = found.index;
  return MARKUP.exec(html) === null ? -1 : MARKUP.lastIndex;
}

/** A change {@link removeSwallowingMarkup} makes: `html.slice(start, end)` becomes `replacement`. */
export interface MarkupEdit {
  start: number;
  end: number;
  /**
   * `''` for markup that goes, `&lt;` for a `<` that starts no complete tag, the tag
   * without them for one with event-handler or style attributes.
   */
  replacement: string;
}

/**
 * The changes {@link removeSwallowingMarkup} makes to `html`, in order: what the
 * widget will not show of it. `visible-markdown.ts` applies the removals to a reply's
 * markdown, so Copy leaves out what the eye never sees.
 */
export function* swallowingMarkup(html: string): Generator<MarkupEdit> {
  for (let open = html.indexOf('<'); open !== -1;) {
    MARKUP.lastIndex = open;
    const match = MARKUP.exec(html);
    if (match === null) {
      yield { start: open, end: open + 1, replacement: '&lt;' };
      open = html.indexOf('<', open + 1);
      continue;
    }
    let end = MARKUP.lastIndex;
    const [markup, slash = '', tagName] = match;
    const name = tagName?.toLowerCase();
    if (name === undefined || SWALLOWING.has(name)) {
      if (name !== undefined && slash === '' && RAW_TEXT.has(name)) {
        const endOfElement = endOfRawText(html, name, end);
        if (endOfElement !== -1) end = endOfElement;
      }
      yield { start: open, end, replacement: '' };
    } else if (tagName !== undefined) {
      const tag = withoutInlineAttributes(markup, 1 + slash.length + tagName.length);
      if (tag !== markup) yield { start: open, end, replacement: tag };
    }
    open = html.indexOf('<', end);
  }
}

/**
 * Removes from `html` the markup that would hide the text after it:
 * comments, which never show anyway; raw-text elements (`<script>`,
 * `<style>`, `<textarea>`…) with their content when they are closed, and
 * their start tag alone when they are not; the tags of `<svg>`, `<math>`,
 * `<template>` and `<plaintext>`, whose content is then read as HTML. A `<`
 * that starts no complete tag (`a < b`, or a tag whose quote never closes) is
 * written `&lt;`, so it cannot take what follows into a tag either. Event-handler
 * and `style` attributes are dropped from the tags that stay.
 *
 * @param html - marked's output for an untrusted reply.
 * @returns The same HTML without that markup; still to be sanitised.
 */
export function removeSwallowingMarkup(html: string): string {
  return applyEdits(html, swallowingMarkup(html));
}

/** `text` with `edits` (in order, not overlapping) made. */
export function applyEdits(text: string, edits: Iterable<MarkupEdit>): string {
  let output = '';
  let from = 0;
  for (const { start, end, replacement } of edits) {
    output += text.slice(from, start) + replacement;
    from = end;
  }
  return output + text.slice(from);
}
