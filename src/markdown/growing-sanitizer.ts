import { type Cut, endTagsOf, lastCut, START, startTagsOf } from './html-cuts';
import { sanitizeHtml } from './sanitize';

/**
 * How far from the end of the HTML the cut stays. The end of a growing block's HTML still
 * changes as its source grows (a table's last row, a settled `**bold`, a link's text), and a
 * cut in what changed costs one whole sanitization.
 */
const SETTLED_MARGIN = 256;

/**
 * Sanitizes the HTML of a block that grows while a reply streams, in time proportional to
 * what was added, not to the whole: a 200-row table or a long paragraph, sanitized whole at
 * every update, made each update cost more the longer it grew (DOMPurify's walk is most of
 * it). The HTML already seen is kept sanitized up to a cut between nodes; only what follows
 * is sanitized again, inside the start tags of the elements open at the cut.
 *
 * The result equals {@link sanitizeHtml} of the whole. HTML parses the same way after those
 * start tags as inside them, and DOMPurify judges each node by itself and its ancestors, so
 * the pieces' serializations add up to the whole's; a piece whose result does not start and
 * end with its wrapper's tags is sanitized whole instead. Only for HTML that marked wrote
 * from markdown without raw HTML: well-formed, its text and attribute values escaped.
 *
 * @param sanitize - {@link sanitizeHtml}; a test counts what it is given.
 */
export function createGrowingSanitizer(sanitize: (html: string) => string = sanitizeHtml): (html: string) => string {
  /** The HTML before the cut, as it was given. */
  let before = '';
  let cut = START;
  /** The sanitized HTML before the cut: its complete nodes, and the start tags of those open there. */
  let sanitizedBefore = '';
  /** The start tags of the elements open at the cut, as the sanitizer writes them. */
  let sanitizedOpen: string | undefined = '';
  const startOver = () => {
    before = '';
    cut = START;
    sanitizedBefore = '';
    sanitizedOpen = '';
  };

  return (html) => {
    if (!html.startsWith(before)) startOver();
    // Moved on once the rest has grown twice the margin: one call for the rest most times.
    const next =
      html.length - cut.at > 2 * SETTLED_MARGIN ? lastCut(html, cut, html.length - SETTLED_MARGIN, true) : cut;
    let settled: string | undefined = '';
    let nextOpen = sanitizedOpen;
    if (next !== cut) {
      settled = sanitizePiece(sanitize, cut, sanitizedOpen, html.slice(cut.at, next.at), next);
      if (startTagsOf(next) !== startTagsOf(cut)) nextOpen = sanitizedStartTags(sanitize, next);
    }
    const rest = sanitizePiece(sanitize, next, nextOpen, html.slice(next.at), START);
    if (settled === undefined || rest === undefined) {
      startOver();
      return sanitize(html);
    }
    before = html.slice(0, next.at);
    cut = next;
    sanitizedBefore += settled;
    sanitizedOpen = nextOpen;
    return sanitizedBefore + rest;
  };
}

/**
 * The sanitized HTML of `body`, which starts inside the elements open at `from` (whose
 * start tags sanitize to `startTags`) and ends inside those open at `to`: without the start
 * tags of the first and the end tags of the second. `undefined` when the sanitizer changed
 * those tags.
 */
function sanitizePiece(
  sanitize: (html: string) => string,
  from: Cut,
  startTags: string | undefined,
  body: string,
  to: Cut,
): string | undefined {
  const endTags = endTagsOf(to.open);
  if (startTags === undefined) return undefined;
  const sanitized = sanitize(startTagsOf(from) + body + endTags);
  if (!sanitized.startsWith(startTags) || !sanitized.endsWith(endTags)) return undefined;
  return sanitized.slice(startTags.length, sanitized.length - endTags.length);
}

/**
 * The start tags as the sanitizer writes them (links get a target, say), or `undefined` if
 * it drops one. None at the start: the sanitizer parses a document even for nothing.
 */
function sanitizedStartTags(sanitize: (html: string) => string, cut: Cut): string | undefined {
  if (cut.open.length === 0) return '';
  const endTags = endTagsOf(cut.open);
  const sanitized = sanitize(startTagsOf(cut) + endTags);
  return sanitized.endsWith(endTags) ? sanitized.slice(0, sanitized.length - endTags.length) : undefined;
}
