// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './render';
import { settleMarkdown } from './settle';

/** The visible text of a streaming prefix, settled and rendered. */
function shown(prefix: string): string {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(settleMarkdown(prefix));
  return template.content.textContent ?? '';
}

/** Every prefix of `source`, as the stream delivers it a character at a time. */
function prefixes(source: string): string[] {
  return Array.from({ length: source.length }, (_, index) => source.slice(0, index + 1));
}

describe('settleMarkdown', () => {
  test('never shows the brackets of a link still being written', () => {
    for (const prefix of prefixes('Read [the docs](https://docs.example/a) first.')) {
      expect(shown(prefix), prefix).not.toMatch(/[[\]()]/);
    }
  });

  test('never shows the asterisks of bold text still being written', () => {
    for (const prefix of prefixes('This is **very important** to know.')) {
      expect(shown(prefix), prefix).not.toContain('*');
    }
  });

  test('never shows the backticks of inline code or a code fence still being written', () => {
    for (const prefix of prefixes('Run `npm test` or:\n\n```sh\nnpm start\n```\n\nDone.')) {
      expect(shown(prefix), prefix).not.toContain('`');
    }
  });

  test('never shows the pipes of a table still being written', () => {
    for (const prefix of prefixes('Prices:\n\n| Plan | Price |\n| --- | --- |\n| Team | $29 |\n')) {
      expect(shown(prefix), prefix).not.toContain('|');
    }
  });

  test('never shows half an HTML tag', () => {
    for (const prefix of prefixes('Press <kbd>Enter</kbd> to send.')) {
      expect(shown(prefix), prefix).not.toContain('<');
    }
  });

  test('shows the code of an open fence as code', () => {
    const template = document.createElement('template');
    template.innerHTML = renderMarkdown(settleMarkdown('Try:\n\n```js\nconst a = 1;'));
    expect(template.content.querySelector('pre code')?.textContent).toBe('const a = 1;\n');
  });

  test('leaves finished text as it is', () => {
    const text = 'A **bold** [link](https://example.com) and `code`.';
    expect(settleMarkdown(text)).toBe(text);
  });
});
