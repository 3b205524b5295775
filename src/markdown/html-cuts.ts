/**
 * Elements that may be open where a growing block's HTML is cut, to be opened again before
 * the rest: block containers, whose parsing and sanitizing do not depend on what else they
 * hold. Not inline elements (the parser reopens those on its own), not `<pre>` (the parser
 * drops a line feed right after its start tag), not table rows or cells.
 */
const REOPENABLE = new Set(['p', 'table', 'tbody', 'ul', 'ol', 'li', 'blockquote']);

/** HTML's void elements: they have no end tag. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** An element open at a cut: its start tag as written, and its place among its parent's child nodes. */
export interface OpenElement {
  tag: string;
  name: string;
  index: number;
}

/** A place in well-formed HTML, and the elements open there. */
export interface Cut {
  at: number;
  /** The elements open at the cut, outermost first. */
  open: readonly OpenElement[];
  /** The child nodes the innermost of them holds before the cut (the top level's, when none is open). */
  before: number;
}

/** The start of the HTML. */
export const START: Cut = { at: 0, open: [], before: 0 };

/**
 * The last place at or before `limit` where well-formed HTML (marked's, or the sanitizer's)
 * can be cut and its rest parsed again after the start tags of the elements open there:
 * before a tag, or after a space in a text when `isTextCut`, with only block containers
 * open, and at least one. Read from `from` on (a cut inside a text is resumed from as if
 * its text had ended there); `from` itself when there is none. A comment, or an end tag
 * that closes anything but the innermost element, ends the reading.
 */
export function lastCut(html: string, from: Cut, limit: number, isTextCut: boolean): Cut {
  let best = from;
  const open = [...from.open];
  let before = from.before;
  const isReopenable = () => open.length > 0 && open.every(({ name }) => REOPENABLE.has(name));
  let at = from.at;
  while (at <= limit && at < html.length) {
    if (html[at] !== '<') {
      const next = html.indexOf('<', at);
      const end = next === -1 ? html.length : next;
      const space = html.lastIndexOf(' ', Math.min(end, limit) - 1);
      if (isTextCut && space >= at && isReopenable()) best = { at: space + 1, open: [...open], before: before + 1 };
      before++;
      at = end;
      continue;
    }
    if (isReopenable()) best = { at, open: [...open], before };
    const end = tagEnd(html, at);
    if (end === undefined || html.startsWith('<!', at)) return best;
    const tag = html.slice(at, end);
    const name = nameOf(tag);
    if (tag.startsWith('</')) {
      const closed = open.pop();
      if (closed?.name !== name) return best;
      before = closed.index + 1;
    } else if (VOID.has(name)) {
      before++;
    } else {
      open.push({ tag, name, index: before });
      before = 0;
    }
    at = end;
  }
  return best;
}

/** The start tags of the elements open at `cut`, outermost first, as written. */
export function startTagsOf(cut: Cut): string {
  return cut.open.map(({ tag }) => tag).join('');
}

/** The end tags that close `open`, innermost first. */
export function endTagsOf(open: readonly OpenElement[]): string {
  return open
    .map(({ name }) => `</${name}>`)
    .reverse()
    .join('');
}

function nameOf(tag: string): string {
  return /^<\/?([a-z][a-z0-9]*)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
}

/** Where the tag that starts at `start` ends, past its `>`; a quoted attribute value may hold a `>`. */
function tagEnd(html: string, start: number): number | undefined {
  let quote: string | undefined;
  for (let at = start + 1; at < html.length; at++) {
    const character = html[at];
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '>') {
      return at + 1;
    }
  }
  return undefined;
}
