import type { Token, Tokens } from 'marked';
import { lexBlocks } from './render';
import { applyEdits, swallowingMarkup } from './swallowing-markup';

/**
 * What Copy puts on the clipboard: the reply's markdown without what the widget never
 * shows of it. A reply can hide words from the eye in comments, `<script>`, `<style>`
 * and other elements shown without their content; pasted into a terminal, they would run.
 *
 * The markdown is kept as written, block by block; in a block that holds raw HTML, the
 * markup {@link swallowingMarkup} finds in the rendered HTML is cut from the source too.
 * Code spans and escaped characters are not HTML, as in the rendered reply.
 *
 * @param source - The reply's markdown, untrusted.
 * @returns The same markdown, nesting flattened as the widget renders it, minus what it hides.
 */
export function visibleMarkdown(source: string): string {
  return visibleBlocks(lexBlocks(source)).trim();
}

function visibleBlocks(tokens: readonly Token[]): string {
  let text = '';
  let isGone = false;
  for (const token of tokens) {
    // The blank lines after a block that is all hidden go with it.
    if (isGone && token.type === 'space') continue;
    const block = visibleBlock(token);
    isGone = block.trim() === '' && token.raw.trim() !== '';
    if (!isGone) text += block;
  }
  return text;
}

/** One block as written, or rebuilt around its contents when they hold something hidden. */
function visibleBlock(token: Token): string {
  if (token.type === 'code' || !hidesAnything(token.raw)) return token.raw;
  switch (token.type) {
    case 'html':
      return withoutHidden(token.raw, []);
    // marked's token union has a generic member, so the type alone narrows nothing.
    case 'blockquote':
      return indentLines(visibleBlocks((token as Tokens.Blockquote).tokens), '> ', '> ');
    case 'list':
      return (token as Tokens.List).items.map((item) => visibleItem(item.raw, item.tokens)).join('');
    default:
      return withoutHidden(token.raw, [...literalsOf(token)]);
  }
}

const LIST_MARKER = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;

/** A list item's marker, then its contents indented under it. */
function visibleItem(raw: string, tokens: readonly Token[]): string {
  if (!hidesAnything(raw)) return raw;
  const marker = LIST_MARKER.exec(raw)?.[0] ?? '- ';
  const body = indentLines(visibleBlocks(tokens), '', ' '.repeat(marker.length));
  return `${marker}${body}${body.endsWith('\n') ? '' : '\n'}`;
}

function indentLines(text: string, first: string, rest: string): string {
  return text.replace(/\n(?=[^\n])/g, `\n${rest}`).replace(/^/, first);
}

/** Whether any markup in `raw` goes (code aside, which can only make that less). */
function hidesAnything(raw: string): boolean {
  for (const { replacement } of swallowingMarkup(raw)) if (replacement === '') return true;
  return false;
}

/** Code spans and escapes inside a block, in order: text that only looks like HTML. */
function* literalsOf(token: Token): Generator<string> {
  if (token.type === 'codespan' || token.type === 'escape') {
    yield token.raw;
    return;
  }
  const children: unknown[] = [];
  if ('tokens' in token && Array.isArray(token.tokens)) children.push(...token.tokens);
  if (token.type === 'table') {
    const { header, rows } = token as Tokens.Table;
    for (const cell of [...header, ...rows.flat()]) children.push(...cell.tokens);
  }
  for (const child of children) yield* literalsOf(child as Token);
}

/**
 * `raw` without the markup the widget hides. Literals are masked first, keeping every
 * offset, so that a `<` in a code span starts nothing, and a `</script>` in one ends nothing.
 */
function withoutHidden(raw: string, literals: readonly string[]): string {
  let masked = raw;
  let from = 0;
  for (const literal of literals) {
    const at = masked.indexOf(literal, from);
    if (at === -1) continue;
    masked = masked.slice(0, at) + '_'.repeat(literal.length) + masked.slice(at + literal.length);
    from = at + literal.length;
  }
  const removals = [...swallowingMarkup(masked)].filter(({ replacement }) => replacement === '');
  return applyEdits(raw, removals);
}
