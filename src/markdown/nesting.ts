/**
 * marked reads nested markdown by recursion: a `>` inside a `>`, a list inside a list,
 * emphasis inside emphasis. Two kilobytes of `>` or `*` are enough to overflow the
 * stack, and the quadratic time of deep emphasis freezes the page long before that.
 * No reply needs more than a few levels, so deeper nesting is flattened before lexing:
 * what is past the limit shows as text, or goes when it is only syntax.
 */

/** Levels of quotes and list items opened on one line, and of emphasis open at once. */
export const maxNestingDepth = 32;

/** One quote or list marker at the start of a line, with the space after it. */
const CONTAINER_MARKER = /[ \t]{0,3}(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/y;
const FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;
const DELIMITER_RUN = /\*+|_+/g;

/**
 * Caps the nesting of `source`: at most {@link maxNestingDepth} quote and list markers
 * at the start of a line, emphasis delimiter runs of at most twice that, and at most
 * that many emphasis characters open at once in a paragraph. Lines of fenced code are
 * left as they are. Flattening flat text changes nothing, and a text that grows keeps
 * its flattened start in all but rare cases, so a streaming reply renders as before.
 */
export function flattenNesting(source: string): string {
  // The common case costs one test: nothing nests deep without long runs of markers.
  if (!/[>*_\-+.)]/.test(source)) return source;
  let state = startOfText;
  return source
    .split('\n')
    .map((line) => {
      const [flat, next] = flattenLine(line, state);
      state = next;
      return flat;
    })
    .join('\n');
}

/**
 * {@link flattenNesting} for a text that grows, as a streamed reply does: each call
 * flattens the lines from the last one the call before did not finish, so a call costs
 * what was added, not the whole text. It returns exactly what `flattenNesting` would: a
 * line's flattening depends only on the lines before it. A text that does not start as
 * the last one did is flattened from its start.
 */
export function createGrowingFlattener(): (source: string) => string {
  /** The source through its last line break when last called, and that part flattened. */
  let finished = '';
  let finishedFlat = '';
  let state = startOfText;
  return (source) => {
    if (!source.startsWith(finished)) {
      finished = '';
      finishedFlat = '';
      state = startOfText;
    }
    const lines = source.slice(finished.length).split('\n');
    const last = lines.pop() ?? '';
    for (const line of lines) {
      const [flat, next] = flattenLine(line, state);
      finishedFlat += `${flat}\n`;
      state = next;
    }
    finished = source.slice(0, source.length - last.length);
    return finishedFlat + flattenLine(last, state)[0];
  };
}

/** What flattening a line depends on: the fence it is inside, and the emphasis open before it. */
interface LineState {
  fence: string | undefined;
  openDepth: number;
}

const startOfText: LineState = { fence: undefined, openDepth: 0 };

/** One line flattened, and the state the next line starts in. */
function flattenLine(line: string, { fence, openDepth }: LineState): [string, LineState] {
  const fenceMarker = FENCE.exec(line)?.[0].trim();
  if (fence !== undefined) {
    const isClosing = fenceMarker !== undefined && fenceMarker[0] === fence[0] && fenceMarker.length >= fence.length;
    return [line, { fence: isClosing ? undefined : fence, openDepth }];
  }
  if (fenceMarker !== undefined) return [line, { fence: fenceMarker, openDepth }];
  // Emphasis never spans a blank line.
  const [flat, depth] = flattenEmphasis(flattenContainers(line), BLANK.test(line) ? 0 : openDepth);
  return [flat, { fence: undefined, openDepth: depth }];
}

/** Drops the quote and list markers past the limit at the start of a line. */
function flattenContainers(line: string): string {
  let kept = 0;
  let end = 0;
  CONTAINER_MARKER.lastIndex = 0;
  // A failed sticky match resets lastIndex, so the end is kept apart.
  for (let count = 0; end < line.length && CONTAINER_MARKER.test(line); count++) {
    end = CONTAINER_MARKER.lastIndex;
    if (count < maxNestingDepth) kept = end;
  }
  return end > kept ? line.slice(0, kept) + line.slice(end) : line;
}

/**
 * Shortens runs of `*` and `_`, and drops the ones that would open emphasis past the
 * limit. An approximation of CommonMark's flanking rules, enough to bound the depth: a
 * run followed by a non-space opens, one preceded by a non-space closes what is open.
 */
function flattenEmphasis(line: string, openDepth: number): [string, number] {
  let depth = openDepth;
  const flat = line.replace(DELIMITER_RUN, (run: string, offset: number) => {
    const capped = run.slice(0, maxNestingDepth * 2);
    const before = line[offset - 1] ?? ' ';
    const after = line[offset + run.length] ?? ' ';
    if (/\S/.test(before) && depth > 0) {
      depth = Math.max(0, depth - capped.length);
      return capped;
    }
    if (!/\S/.test(after)) return capped;
    const room = Math.max(0, maxNestingDepth - depth);
    depth += Math.min(room, capped.length);
    return capped.slice(0, room);
  });
  return [flat, depth];
}
