// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { createBlockRenderer, renderSlices } from './blocks';
import { renderMarkdown } from './render';

/** Replies shaped like an agent's: every block type, nesting, and text that ends mid-block. */
const replies: Record<string, string> = {
  'headings, lists and emphasis':
    '# Plans\n\nWe have **three** plans:\n\n- Starter, *free*\n- Team\n  - billed monthly\n- Business\n\n1. Pick one\n2. Pay\n\nThat is all.',
  'a fenced code block between paragraphs':
    'Paste this:\n\n```html\n<script src="w.js"></script>\n\n<p>x</p>\n```\n\nThen reload.',
  'a table and a blockquote':
    '| Plan | Price |\n| --- | ---: |\n| Starter | $0 |\n| Team | $29 |\n\n> Prices exclude VAT.\n> Yearly saves 2 months.\n\nDone.',
  'links, autolinks and inline code':
    'See [the docs](https://docs.example/a "Docs") or https://example.com, run `npm i`, mail <help@example.com>.',
  'a loose list that continues after blank lines': '- one\n\n- two\n\n  more about two\n\n- three\n\nAfter the list.',
  'a setext heading and a rule': 'Title\n=====\n\nText under it.\n\n---\n\nMore text\nSubtitle\n--------',
  'raw html and CRLF line endings':
    'Hello <b>there</b>.\r\n\r\n<details><summary>More</summary>\r\n\r\nHidden *text*.\r\n\r\n</details>\r\n\r\nBye.',
  'multi-byte text': 'Café ☕ and 日本語.\n\n- 👋🏽 wave\n- ünïcödé',
};

/** Each of these renders a reply hundreds of times: seconds of work on a busy two-core machine. */
const exhaustive = { timeout: 30_000 };

describe('createBlockRenderer', () => {
  for (const [name, reply] of Object.entries(replies)) {
    test(`streamed a character at a time, ${name} finishes exactly as a one-shot render`, exhaustive, () => {
      const renderer = createBlockRenderer();
      for (let end = 1; end <= reply.length; end++) renderer.update(reply.slice(0, end));
      expect(renderer.finish(reply).join('')).toBe(renderMarkdown(reply));
    });

    test(`split in two at every offset, ${name} finishes exactly as a one-shot render`, exhaustive, () => {
      const oneShot = renderMarkdown(reply);
      for (let cut = 1; cut < reply.length; cut++) {
        const renderer = createBlockRenderer();
        renderer.update(reply.slice(0, cut));
        expect(renderer.finish(reply).join(''), `cut at ${cut}`).toBe(oneShot);
      }
    });
  }

  test('keeps finished blocks as they were, so their DOM need not change', () => {
    const renderer = createBlockRenderer();
    const first = renderer.update('# Title\n\nFirst paragraph.\n\nSecond');
    const second = renderer.update('# Title\n\nFirst paragraph.\n\nSecond paragraph grows');
    expect(second.slice(0, -1)).toEqual(first.slice(0, -1));
    expect(first.length).toBeGreaterThan(1);
  });

  test('reaches the one-shot result from its own blocks when nothing later changes earlier ones', () => {
    const reply = replies['headings, lists and emphasis']!;
    const renderer = createBlockRenderer();
    for (let end = 1; end <= reply.length; end += 7) renderer.update(reply.slice(0, end));
    const blocks = renderer.finish(reply);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.join('')).toBe(renderMarkdown(reply));
  });

  test('falls back to the one-shot render when a reference definition at the end changes an earlier link', () => {
    const reply = 'Read [the guide][g].\n\nMore text.\n\n[g]: https://docs.example/guide';
    const renderer = createBlockRenderer();
    for (let end = 1; end <= reply.length; end++) renderer.update(reply.slice(0, end));
    const html = renderer.finish(reply);
    expect(html).toEqual([renderMarkdown(reply)]);
    expect(html[0]).toContain('href="https://docs.example/guide"');
  });

  test('shows a reply cut right after a heading marker without an empty heading', () => {
    // A regression: a reply stopped at "## " was rendered exactly, as an empty <h2>.
    expect(createBlockRenderer().update('# Features\n\nFor visitors.\n\n## ').join('')).not.toContain('<h2');
  });

  test('finishes a reply whose code shows HTML from its own blocks, without rendering the whole again', () => {
    const reply = 'Add this:\n\n```html\n<script src="w.js"></script>\n```\n\nThen `<tinytalk-chat>` shows.\n\nDone.';
    const renderer = createBlockRenderer();
    for (let end = 1; end <= reply.length; end += 3) renderer.update(reply.slice(0, end));
    const blocks = renderer.finish(reply);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.join('')).toBe(renderMarkdown(reply));
  });

  test('renders the whole again when raw HTML left open in a finished block holds the blocks after it', () => {
    const reply = 'Intro.\n\n<details><summary>More</summary>\n\nHidden *text*.\n\nStill hidden.';
    const renderer = createBlockRenderer();
    for (let end = 1; end <= reply.length; end++) renderer.update(reply.slice(0, end));
    const html = renderer.finish(reply).join('');
    expect(html).toBe(renderMarkdown(reply));
    expect(html).toMatch(/<details>.*Still hidden.*<\/details>/s);
  });

  test('starts over when the text is replaced rather than extended', () => {
    const renderer = createBlockRenderer();
    renderer.update('First reply.\n\nWith two blocks');
    expect(renderer.finish('Another reply').join('')).toBe(renderMarkdown('Another reply'));
  });
});

describe('renderSlices', () => {
  for (const [name, reply] of Object.entries(replies)) {
    test(`in slices of any length, ${name} adds up to a one-shot render`, () => {
      for (const sliceLength of [1, 20, 1000])
        expect([...renderSlices(reply, sliceLength)].join(''), `slices of ${sliceLength}`).toBe(renderMarkdown(reply));
    });
  }

  test('cuts a long reply into slices of about the length asked for', () => {
    const reply = Array.from({ length: 100 }, () => replies['a table and a blockquote']).join('\n\n');
    const slices = [...renderSlices(reply, reply.length / 10)];
    expect(slices.length).toBeGreaterThanOrEqual(9);
    expect(slices.length).toBeLessThanOrEqual(11);
    expect(slices.join('')).toBe(renderMarkdown(reply));
  });

  test('slices a long reply whose code shows HTML like any other', () => {
    const section = 'Paste:\n\n```html\n<script src="w.js"></script>\n```\n\nThe `<b>` tag is fine in code.';
    const reply = Array.from({ length: 40 }, () => section).join('\n\n');
    const slices = [...renderSlices(reply, 200)];
    expect(slices.length).toBeGreaterThan(10);
    expect(slices.join('')).toBe(renderMarkdown(reply));
  });

  test('shows the rest of a reply in one slice from the first raw HTML, which may hold what follows', () => {
    const before = Array.from({ length: 30 }, (_, n) => `Paragraph ${n}.`).join('\n\n');
    const reply = `${before}\n\n<details><summary>More</summary>\n\nHidden *text*.\n\n${before}`;
    const slices = [...renderSlices(reply, 50)];
    expect(slices.length).toBeGreaterThan(5);
    expect(slices.filter((slice) => slice.includes('<details>'))).toEqual([slices.at(-1)]);
    expect(slices.at(-1)).toMatch(/<details>.*Paragraph 29\.<\/p>\n<\/details>$/s);
    expect(slices.join('')).toBe(renderMarkdown(reply));
  });

  test('keeps a block longer than the slices whole, blank lines and all', () => {
    const code = Array.from({ length: 300 }, (_, line) => (line % 7 === 0 ? '' : `const line${line} = ${line};`));
    const reply = `Before.\n\n\`\`\`js\n${code.join('\n')}\n\`\`\`\n\n- after\n\n- the code`;
    const slices = [...renderSlices(reply, 500)];
    expect(slices.filter((slice) => slice.includes('<pre>'))).toHaveLength(1);
    expect(slices.join('')).toBe(renderMarkdown(reply));
  });
});

describe('deep nesting (issue 10: 2 KB of nested markdown crashed the renderer)', () => {
  for (const [name, reply] of Object.entries({
    '2,000 nested quotes': `Intro line.\n\n${'>'.repeat(2000)} deep\n\nOutro line.`,
    '2,000 * on each side of a word': `Intro line.\n\n${'*'.repeat(2000)}word${'*'.repeat(2000)}\n\nOutro line.`,
  })) {
    test(`${name}, streamed in pieces, finish as a one-shot render with the text around them`, () => {
      const renderer = createBlockRenderer();
      for (let end = 50; end < reply.length; end += 50) renderer.update(reply.slice(0, end));
      const html = renderer.finish(reply).join('');
      expect(html).toBe(renderMarkdown(reply));
      expect(html).toContain('Intro line.');
      expect(html).toContain('Outro line.');
    });
  }
});
