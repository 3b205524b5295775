import type { Token } from 'marked';
import { createGrowingSanitizer } from './growing-sanitizer';
import { createGrowingFlattener, flattenNesting } from './nesting';
import { hasRawHtml, lexBlocks, renderBlocks, renderMarkdown } from './render';
import { settleMarkdown } from './settle';

/**
 * Renders a reply while it streams, in time linear in its length.
 *
 * Re-rendering the whole text on every chunk costs O(n²) and freezes long replies. Here
 * a block that another block has followed is finished: it is rendered once and kept.
 * Only the text after the last finished block is lexed again, and only the block still
 * growing is rendered again, settled (see {@link settleMarkdown}) so that half-written
 * syntax never flashes.
 */
export interface BlockRenderer {
  /** The HTML of each block of `source` so far; finished blocks keep their string. */
  update(source: string): readonly string[];
  /**
   * The HTML of the finished reply, equal to a one-shot {@link renderMarkdown}: the
   * blocks when they already add up to it, else one block with the one-shot HTML (a
   * reference definition at the end can change a link near the start, for instance).
   */
  finish(source: string): readonly string[];
}

export function createBlockRenderer(): BlockRenderer {
  let finished: string[] = [];
  /** How much of the source the finished blocks cover. */
  let finishedLength = 0;
  /** Whether raw HTML is among them: rendered apart, they may differ from the whole. */
  let isFinishedWithHtml = false;
  let previous = '';
  // Flattened a line at a time as the text grows: whole, at every update, it cost a long
  // reply's updates more the longer it grew.
  const flatten = createGrowingFlattener();
  const normalizeGrowing = (source: string) => flatten(withLineFeeds(source));
  // The block still growing is sanitized as it grows, not whole at every update. Raw HTML
  // is sanitized whole: the growing sanitizer reads only the HTML marked writes.
  const sanitizeGrowing = createGrowingSanitizer();
  const renderGrowing = (tokens: Token[]) =>
    hasRawHtml(tokens) ? renderBlocks(tokens) : renderBlocks(tokens, sanitizeGrowing);

  function reset(): void {
    finished = [];
    finishedLength = 0;
    isFinishedWithHtml = false;
  }

  function update(source: string): readonly string[] {
    const text = normalizeGrowing(source);
    // Streams only grow; anything else (a retry, an edit) starts over.
    if (!text.startsWith(previous)) reset();
    previous = text;
    const tokens = lexBlocks(text.slice(finishedLength));
    const growing = lastContentIndex(tokens);
    if (growing > 0) {
      const done = tokens.slice(0, growing);
      if (hasRawHtml(done)) isFinishedWithHtml = true;
      finished.push(renderGrowing(done));
      finishedLength += rawLength(done);
    }
    const tail = text.slice(finishedLength);
    return tail === '' ? finished : [...finished, renderGrowing(lexBlocks(settleMarkdown(tail)))];
  }

  return {
    update,
    finish(source) {
      const text = normalizeGrowing(source);
      if (!text.startsWith(previous)) reset();
      previous = text;
      // One block (a stored reply, a one-chunk reply, a reply that is one table): one render
      // is enough, and a block that streamed is sanitized from where its updates left it.
      if (finished.length === 0) return [renderGrowing(lexBlocks(text))];
      const tail = text.slice(finishedLength);
      const blocks = tail === '' ? finished : [...finished, renderGrowing(lexBlocks(tail))];
      // Blocks rendered apart differ from the whole only through what reaches across
      // blocks: reference definitions, and raw HTML before the last of them. Without
      // those, skip the second render of the whole reply, a long task for a long reply.
      if (!referenceDefinition.test(text) && !isFinishedWithHtml) return blocks;
      const oneShot = renderMarkdown(text);
      return blocks.join('') === oneShot ? blocks : [oneShot];
    },
  };
}

/**
 * A finished reply's HTML in slices of about `sliceLength` characters of source, which add
 * up to a one-shot {@link renderMarkdown}: a long stored reply can then be shown a slice a
 * frame, instead of in one task long enough to freeze the page. The source is lexed a
 * window at a time too, as a stream is (lexing 80 KB at once is itself a long task). What
 * reaches across blocks comes in one slice with them: the whole reply when it has a
 * reference definition, the rest from the first block with raw HTML.
 */
export function* renderSlices(source: string, sliceLength: number): Generator<string, void, undefined> {
  const text = normalize(source);
  if (referenceDefinition.test(text)) {
    yield renderMarkdown(text);
    return;
  }
  /** Finished blocks lexed and not yet rendered, and how much of the text they and those rendered cover. */
  const lexed: Token[] = [];
  let lexedLength = 0;
  while (lexedLength < text.length || lexed.length > 0) {
    while (rawLength(lexed) < sliceLength && lexedLength < text.length) {
      const { blocks, end } = finishedBlocksFrom(text, lexedLength, 2 * sliceLength);
      if (hasRawHtml(blocks)) {
        // It may hold the blocks after it: from the first block not shown, one slice.
        yield renderMarkdown(text.slice(lexedLength - rawLength(lexed)));
        return;
      }
      lexed.push(...blocks);
      lexedLength = end;
    }
    const slice: Token[] = [];
    let length = 0;
    while (length < sliceLength && lexed.length > 0) {
      const block = lexed.shift()!;
      slice.push(block);
      length += block.raw.length;
    }
    yield renderBlocks(slice);
  }
}

/**
 * The blocks that start at `offset` in `text`, lexed from a window of about
 * `windowLength` characters: those another block follows in the window, as in a stream
 * (see {@link createBlockRenderer}), or all of them at the text's end. A block longer than
 * the window widens it until one follows it.
 */
function finishedBlocksFrom(
  text: string,
  offset: number,
  windowLength: number,
): { blocks: Token[]; /** Where they end in `text`. */ end: number } {
  for (let length = windowLength; ; length *= 2) {
    const tokens = lexBlocks(text.slice(offset, offset + length));
    if (offset + length >= text.length) return { blocks: tokens, end: text.length };
    const growing = lastContentIndex(tokens);
    if (growing > 0) {
      const blocks = tokens.slice(0, growing);
      return { blocks, end: offset + rawLength(blocks) };
    }
  }
}

/** A reference definition (`[id]: url`): any link of the reply may use it, before it or after. */
const referenceDefinition = /^ {0,3}\[[^\]\n]+\]:/m;

/**
 * marked reads CR and CRLF as LF, and {@link lexBlocks} flattens deep nesting: offsets
 * into the source must count the same way.
 */
function normalize(source: string): string {
  return flattenNesting(withLineFeeds(source));
}

/** CR and CRLF as LF. Searched first: agents rarely send them, and a search costs less than a replace. */
function withLineFeeds(source: string): string {
  return source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
}

/** The last token that is not blank space: it, and anything after it, may still grow. */
function lastContentIndex(tokens: readonly Token[]): number {
  for (let index = tokens.length - 1; index >= 0; index--) {
    if (tokens[index]?.type !== 'space') return index;
  }
  return 0;
}

function rawLength(tokens: readonly Token[]): number {
  return tokens.reduce((length, token) => length + token.raw.length, 0);
}
