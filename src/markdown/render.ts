import { Marked, type Token } from 'marked';
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

/**
 * Renders an agent's markdown reply as HTML that is safe to parse inside the widget's
 * shadow root, which only `ui/block-patcher.ts` does.
 *
 * GitHub-flavoured markdown, single newlines kept as spaces. Raw HTML in the
 * reply is not escaped but cut down to formatting by {@link sanitizeHtml}:
 * agents do answer with `<b>`, `<br>` or `<details>`. Markup that would
 * hide the text after it when left open (`<style>`, `<svg>`, `<!--`…) is
 * removed first, see {@link removeSwallowingMarkup}.
 *
 * @param source - The reply's markdown, untrusted.
 * @returns Sanitised HTML.
 */
export function renderMarkdown(source: string): string {
  return renderBlocks(lexBlocks(source));
}

/** Splits markdown into its top-level block tokens, as {@link renderMarkdown} would. */
export function lexBlocks(source: string): Token[] {
  return markdown.lexer(source);
}

/** Renders block tokens from {@link lexBlocks}, sanitized like {@link renderMarkdown}. */
export function renderBlocks(tokens: Token[]): string {
  // Block by block: a tag left open in one paragraph must not hide the paragraphs after it.
  return sanitizeHtml(tokens.map((token) => removeSwallowingMarkup(markdown.parser([token]))).join(''));
}
