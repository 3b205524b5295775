// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { createGrowingSanitizer } from './growing-sanitizer';
import { lexBlocks, renderBlocks } from './render';
import { sanitizeHtml } from './sanitize';
import { settleMarkdown } from './settle';

/** marked's HTML for markdown, before sanitizing: what the growing sanitizer is given. */
const unsanitized = (markdown: string) => renderBlocks(lexBlocks(markdown), (html) => html);

const rows = (count: number) =>
  Array.from(
    { length: count },
    (_, row) => `| ${row} | **Plan ${row}** | [docs](https://ex.com/${row}) | \`x<${row}\` |`,
  );

/** Blocks that grow long in one piece, each with the inline markup and the nesting that a cut must respect. */
const blocks: Record<string, string> = {
  'a table': ['| # | Plan | Link | Code |', '| - | :-- | :-: | --: |', ...rows(30)].join('\n'),
  'a paragraph': Array.from(
    { length: 40 },
    (_, index) =>
      `Sentence ${index} has *emphasis*, **strong ${index}**, \`code\`, a [link](https://ex.com/${index} "T") and & <.`,
  ).join(' '),
  'a loose list with paragraphs and a nested list': Array.from(
    { length: 12 },
    (_, index) => `${index + 3}. Item ${index} with **bold** text\n\n   More of item ${index}.\n\n   - a\n   - b`,
  ).join('\n\n'),
  'a blockquote holding a list': Array.from({ length: 60 }, (_, index) => `> - quoted *item* ${index}`).join('\n'),
  'a task list': Array.from({ length: 80 }, (_, index) => `- [${index % 2 ? 'x' : ' '}] task ${index}`).join('\n'),
  'an image inside a link, and a line break': Array.from(
    { length: 20 },
    (_, index) => `[![badge ${index}](https://img.example/${index}.png)](https://ex.com) line  \nbreak ${index}`,
  ).join(' '),
};

describe('createGrowingSanitizer', () => {
  for (const [name, markdown] of Object.entries(blocks)) {
    test(`${name}, settled at every length, comes out as sanitized whole`, { timeout: 60_000 }, () => {
      let given = 0;
      let whole = 0;
      const sanitizeGrowing = createGrowingSanitizer((html) => {
        given += html.length;
        return sanitizeHtml(html);
      });
      for (let end = 1; end <= markdown.length; end += 3) {
        const html = unsanitized(settleMarkdown(markdown.slice(0, end)));
        whole += html.length;
        expect(sanitizeGrowing(html), `at ${end}`).toBe(sanitizeHtml(html));
      }
      const html = unsanitized(markdown);
      expect(sanitizeGrowing(html)).toBe(sanitizeHtml(html));
      // Cut inside this block's containers, it sanitized a fraction of what it was given.
      expect(given).toBeLessThan(0.6 * whole);
    });
  }

  test('sanitizes what was added and a margin before it, not the whole', () => {
    const given: string[] = [];
    const sanitizeGrowing = createGrowingSanitizer((html) => {
      given.push(html);
      return sanitizeHtml(html);
    });
    const lines = ['| a | b |', '| - | - |', ...Array.from({ length: 400 }, (_, row) => `| ${row} | text |`)];
    const shorter = unsanitized(lines.slice(0, 300).join('\n'));
    const longer = unsanitized(lines.join('\n'));
    sanitizeGrowing(shorter);
    given.length = 0;
    expect(sanitizeGrowing(longer)).toBe(sanitizeHtml(longer));
    const added = longer.length - shorter.length;
    const total = given.reduce((sum, html) => sum + html.length, 0);
    expect(total).toBeGreaterThan(added);
    expect(total).toBeLessThan(added + 1_000);
  });

  test('sanitizes a short block in one call, and a long one streamed in little more than one an update', () => {
    let calls = 0;
    const sanitizeGrowing = createGrowingSanitizer((html) => {
      calls++;
      return sanitizeHtml(html);
    });
    sanitizeGrowing(unsanitized('A *short* paragraph.'));
    expect(calls).toBe(1);
    calls = 0;
    const long = blocks['a paragraph']!;
    let updates = 0;
    for (let end = 3; end <= long.length; end += 3, updates++)
      sanitizeGrowing(unsanitized(settleMarkdown(long.slice(0, end))));
    expect(calls).toBeLessThan(1.2 * updates);
  });

  test('starts over on HTML that does not continue the last', () => {
    const sanitizeGrowing = createGrowingSanitizer();
    const first = unsanitized(blocks['a paragraph']!);
    const second = unsanitized(`A different start. ${blocks['a paragraph']!}`);
    sanitizeGrowing(first);
    expect(sanitizeGrowing(second)).toBe(sanitizeHtml(second));
  });
});
