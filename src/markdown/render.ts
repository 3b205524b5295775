import { Marked, type Token } from 'marked';
import { flattenNesting } from './nesting';
import { sanitizeHtml } from './sanitize';
import { removeSwallowingMarkup } from './swallowing-markup';

/**
 * Our own instance: options and extensions set on the global `marked` belong
 * to the host page, which may use marked too, and must not leak either way.
 */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // The sanitizer removes <input>, so a task list shows its state as text.
    checkbox: ({ checked }) => (checked ? '☑ ' : '☐ '),
  },
});

/** A block that marked could not read: {@link renderBlocks} shows its source as text. */
const PLAIN = 'tinytalk-plain';

/**
 * Renders an agent's markdown reply as HTML that is safe to parse inside the widget's
 * shadow root, which only `block-patcher.ts` does.
 *
 * GitHub-flavoured markdown, single newlines kept as spaces. Raw HTML in the
 * reply is not escaped but cut down to formatting by {@link sanitizeHtml}:
 * agents do answer with `<b>`, `<br>` or `<details>`. Markup that would
 * hide the text after it when left open (`<style>`, `<svg>`, `<!--`…) is
 * removed first, see {@link removeSwallowingMarkup}. It never throws: nesting too deep
 * for marked is flattened first (see {@link flattenNesting}), and a block that marked
 * or the sanitizer still fails on shows as plain text, the blocks around it as usual.
 *
 * @param source - The reply's markdown, untrusted.
 * @returns Sanitised HTML.
 */
export function renderMarkdown(source: string): string {
  return renderBlocks(lexBlocks(source));
}

/**
 * Splits markdown into its top-level block tokens, as {@link renderMarkdown} would,
 * nesting flattened. Where marked fails on the whole, each paragraph is read alone, and
 * one it fails on too becomes a block of plain text.
 */
export function lexBlocks(source: string): Token[] {
  const text = flattenNesting(source);
  try {
    return markdown.lexer(text);
  } catch {
    return paragraphsOf(text).flatMap((paragraph) => {
      try {
        return markdown.lexer(paragraph);
      } catch {
        return [{ type: PLAIN, raw: paragraph }];
      }
    });
  }
}

/**
 * Whether any of `tokens`, at any depth, is raw HTML: the one thing in a block that can
 * reach into the blocks after it once parsed (a `<details>` or `<b>` left open holds them).
 * Blocks without it render apart exactly as together.
 */
export function hasRawHtml(tokens: Token[]): boolean {
  let isFound = false;
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'html') isFound = true;
  });
  return isFound;
}

/**
 * Renders block tokens from {@link lexBlocks}, sanitized like {@link renderMarkdown}.
 *
 * @param sanitize - {@link sanitizeHtml}, or a function that returns what it would (a
 *   growing block's, see `growing-sanitizer.ts`).
 */
export function renderBlocks(tokens: Token[], sanitize: (html: string) => string = sanitizeHtml): string {
  // Block by block: a tag left open in one paragraph must not hide the paragraphs after it.
  const blocks = tokens.map(renderBlock);
  try {
    return sanitize(blocks.join(''));
  } catch {
    // One sanitization costs less than one per block; only a failure pays for them.
    return blocks
      .map((html, index) => {
        try {
          return sanitizeHtml(html);
        } catch {
          return plainBlock(tokens[index]?.raw ?? '');
        }
      })
      .join('');
  }
}

/** One block's HTML, still to be sanitized. */
function renderBlock(token: Token): string {
  if (token.type === PLAIN) return plainBlock(token.raw);
  try {
    return removeSwallowingMarkup(markdown.parser([token]));
  } catch {
    return plainBlock(token.raw);
  }
}

/** Source shown as it was written: every character that HTML could read as markup escaped. */
function plainBlock(raw: string): string {
  const text = raw.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text === '' ? '' : `<p>${text}</p>`;
}

/** The source cut after each run of blank lines; the pieces add up to it. */
function paragraphsOf(text: string): string[] {
  return text.split(/(?<=\n[ \t]*\n)(?![ \t]*\n)/);
}
