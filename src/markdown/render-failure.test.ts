// @vitest-environment jsdom
import { Marked } from 'marked';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { renderMarkdown } from './render';
import { sanitizeHtml } from './sanitize';

vi.mock('./sanitize', async (importOriginal) => {
  const original = await importOriginal<typeof import('./sanitize')>();
  return { sanitizeHtml: vi.fn(original.sanitizeHtml) };
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Makes `method` throw a stack overflow for any input that holds `BOOM`, as marked did. */
function failOnBoom<T>(method: (input: T) => unknown, holdsBoom: (input: T) => boolean): (input: T) => never {
  return (input) => {
    if (holdsBoom(input)) throw new RangeError('Maximum call stack size exceeded');
    return method(input) as never;
  };
}

const reply = 'Intro **line**.\n\nA BOOM <b>block</b>.\n\nOutro *line*.';

describe('a block that fails to render (issue 10: one error emptied the whole bubble)', () => {
  test('shows as plain text when marked fails on it, the blocks around it rendered', () => {
    const parser = Marked.prototype.parser;
    vi.spyOn(Marked.prototype, 'parser').mockImplementation(function (this: Marked, tokens) {
      return failOnBoom(
        (input: typeof tokens) => parser.call(this, input),
        (input) => input.some((token) => token.raw.includes('BOOM')),
      )(tokens);
    });
    expect(renderMarkdown(reply)).toBe(
      '<p>Intro <strong>line</strong>.</p>\n<p>A BOOM &lt;b&gt;block&lt;/b&gt;.</p><p>Outro <em>line</em>.</p>\n',
    );
  });

  test('shows as plain text when marked cannot even split the reply into blocks', () => {
    const lexer = Marked.prototype.lexer;
    vi.spyOn(Marked.prototype, 'lexer').mockImplementation(function (this: Marked, source) {
      return failOnBoom(
        (input: string) => lexer.call(this, input),
        (input) => input.includes('BOOM'),
      )(source);
    });
    expect(renderMarkdown(reply)).toBe(
      '<p>Intro <strong>line</strong>.</p>\n<p>A BOOM &lt;b&gt;block&lt;/b&gt;.</p><p>Outro <em>line</em>.</p>\n',
    );
  });

  test('shows as plain text when the sanitizer fails on it', async () => {
    const { sanitizeHtml: original } = await vi.importActual<typeof import('./sanitize')>('./sanitize');
    vi.mocked(sanitizeHtml).mockImplementation(failOnBoom(original, (html) => html.includes('BOOM')));
    expect(renderMarkdown(reply)).toBe(
      '<p>Intro <strong>line</strong>.</p>\n<p>A BOOM &lt;b&gt;block&lt;/b&gt;.</p><p>Outro <em>line</em>.</p>\n',
    );
  });
});
