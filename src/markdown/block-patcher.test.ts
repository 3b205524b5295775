// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createBlockPatcher, nodesPerGroup } from './block-patcher';
import { createBlockRenderer } from './blocks';

/** A patcher over a fresh container. */
function setup() {
  const container = document.createElement('div');
  return { container, patch: createBlockPatcher(container, () => {}) };
}

/** The nodes of the container's blocks, in its groups, to compare by identity. */
const nodesOf = (container: HTMLElement) => [...container.children].flatMap((group) => [...group.childNodes]);
/** The HTML of the container's blocks, without the groups they are in. */
const htmlOf = (container: HTMLElement) => [...container.children].map((group) => group.innerHTML).join('');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createBlockPatcher', () => {
  test('renders the blocks in order', () => {
    const { container, patch } = setup();
    patch(['<h2>Plans</h2>', '<p>Two <b>plans</b>.</p>']);
    expect(htmlOf(container)).toBe('<h2>Plans</h2><p>Two <b>plans</b>.</p>');
  });

  test('keeps the nodes of the blocks that did not change, and changes the one that did in its place', () => {
    const { container, patch } = setup();
    patch(['<h2>Plans</h2>', '<p>Two</p>', '<p>Bye</p>']);
    const [heading, , last] = nodesOf(container);
    patch(['<h2>Plans</h2>', '<p>Two plans.</p>', '<p>Bye</p>']);
    expect(htmlOf(container)).toBe('<h2>Plans</h2><p>Two plans.</p><p>Bye</p>');
    const after = nodesOf(container);
    expect(after[0]).toBe(heading);
    expect(after[2]).toBe(last);
  });

  test('adds blocks after the last one as a reply grows', () => {
    const { container, patch } = setup();
    patch(['<p>One</p>']);
    const [first] = nodesOf(container);
    patch(['<p>One</p>', '<ul><li>two</li></ul>', '<p>Three</p>']);
    expect(htmlOf(container)).toBe('<p>One</p><ul><li>two</li></ul><p>Three</p>');
    expect(nodesOf(container)[0]).toBe(first);
  });

  test('removes the blocks past the end of a shorter list', () => {
    const { container, patch } = setup();
    patch(['<p>One</p>', '<p>Two</p>', '<p>Three</p>']);
    patch(['<p>One</p>']);
    expect(htmlOf(container)).toBe('<p>One</p>');
    patch([]);
    expect(container.childNodes).toHaveLength(0);
  });

  test('places a block of several nodes, and replaces all of them when it changes', () => {
    const { container, patch } = setup();
    patch(['<p>One</p>', 'text <b>and</b> more', '<p>End</p>']);
    expect(nodesOf(container)).toHaveLength(5);
    patch(['<p>One</p>', '<p>Now one node</p>', '<p>End</p>']);
    expect(htmlOf(container)).toBe('<p>One</p><p>Now one node</p><p>End</p>');
  });

  test('a block that grew keeps its nodes, and the text written so far gets the rest appended', () => {
    const { container, patch } = setup();
    patch(['<h2>Plans</h2>', '<p>Two <b>plans</b> and</p>']);
    const paragraph = nodesOf(container).at(-1) as HTMLElement;
    const [, bold, text] = [...paragraph.childNodes];
    patch(['<h2>Plans</h2>', '<p>Two <b>plans</b> and a <i>trial</i>.</p>']);
    expect(htmlOf(container)).toBe('<h2>Plans</h2><p>Two <b>plans</b> and a <i>trial</i>.</p>');
    expect(nodesOf(container).at(-1)).toBe(paragraph);
    expect(paragraph.childNodes[1]).toBe(bold);
    expect(paragraph.childNodes[2]).toBe(text);
  });

  test('an element whose name changed is replaced, and nodes past the fresh ones are removed', () => {
    const { container, patch } = setup();
    patch(['<ul><li>one</li><li>two</li></ul>', '<p>End</p>']);
    patch(['<ol><li>one</li></ol>', '<p>End</p>']);
    expect(htmlOf(container)).toBe('<ol><li>one</li></ol><p>End</p>');
    patch(['<ol><li>one</li></ol>text', '<p>End</p>']);
    patch(['<ol><li>one</li></ol>', '<p>End</p>']);
    expect(htmlOf(container)).toBe('<ol><li>one</li></ol><p>End</p>');
  });

  test('a kept element takes the fresh attributes, but keeps the tabindex of a box that scrolls', () => {
    const { container, patch } = setup();
    patch(['<p><a href="https://a.example" title="A">docs</a></p>', '<pre><code>one</code></pre>']);
    const link = container.querySelector('a');
    const pre = container.querySelector('pre') as HTMLPreElement;
    pre.tabIndex = 0;
    patch(['<p><a href="https://b.example">docs</a></p>', '<pre><code>one\ntwo</code></pre>']);
    expect(container.querySelector('a')).toBe(link);
    expect(link?.outerHTML).toBe('<a href="https://b.example">docs</a>');
    expect(container.querySelector('pre')).toBe(pre);
    expect(pre.outerHTML).toBe('<pre tabindex="0"><code>one\ntwo</code></pre>');
  });

  test('a reply patched chunk by chunk ends equal to its blocks, and so does every step', () => {
    const reply = [
      '## Plans\n\nTwo *plans*, [docs](https://example.com/docs) and `code`.\n\n',
      '- one\n- two **bold**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n',
      '```js\nconst a = 1;\nconst b = 2;\n```\n\n> quoted\n> more\n\nThe end.',
    ].join('');
    const { container, patch } = setup();
    const renderer = createBlockRenderer();
    for (let end = 1; end <= reply.length; end += 3) {
      const blocks = renderer.update(reply.slice(0, end));
      patch(blocks);
      expect(htmlOf(container), reply.slice(0, end)).toBe(blocks.join(''));
    }
    const blocks = renderer.finish(reply);
    patch(blocks);
    expect(htmlOf(container)).toBe(blocks.join(''));
  });

  describe('a block that grows long in one piece', () => {
    const rows = Array.from({ length: 60 }, (_, row) => `| ${row} | **plan** ${row} | [docs](https://ex.com/${row}) |`);
    const shapes: Record<string, string> = {
      'a table': ['| # | Plan | Link |', '| - | :-: | --: |', ...rows].join('\n'),
      'a paragraph': Array.from(
        { length: 60 },
        (_, n) => `Sentence ${n} has *some* \`code\` and a [link](https://ex.com/${n}).`,
      ).join(' '),
      'a list holding paragraphs and lists': Array.from(
        { length: 20 },
        (_, n) => `- item ${n}\n\n  more *${n}*\n\n  - a\n  - b`,
      ).join('\n\n'),
      'a blockquote holding a table': ['> | a | b |', '> | - | - |', ...rows.map((row) => `> ${row}`)].join('\n'),
    };
    /** Tables framed as the widget frames them, so that the cut must find a table inside its frame. */
    const frameTables = (fragment: DocumentFragment) => {
      for (const table of fragment.querySelectorAll('table')) {
        const frame = document.createElement('div');
        table.replaceWith(frame);
        frame.append(table);
      }
    };

    for (const [name, markdown] of Object.entries(shapes)) {
      test(`${name}: patched where it changed, equals a fresh render at every step, and parses only its end`, () => {
        const container = document.createElement('div');
        const parsed: number[] = [];
        const patch = createBlockPatcher(container, (fragment) => {
          parsed.push(fragment.textContent?.length ?? 0);
          frameTables(fragment);
        });
        const renderer = createBlockRenderer();
        let first: Node | null = null;
        for (let end = 1; end <= markdown.length; end += 7) {
          const blocks = renderer.update(markdown.slice(0, end));
          patch(blocks);
          const fresh = document.createElement('div');
          createBlockPatcher(fresh, frameTables)(blocks);
          expect(htmlOf(container), markdown.slice(0, end)).toBe(htmlOf(fresh));
          if (end > markdown.length / 2) first ??= container.querySelector('td, li, p');
        }
        const blocks = renderer.finish(markdown);
        patch(blocks);
        const fresh = document.createElement('div');
        createBlockPatcher(fresh, frameTables)(blocks);
        expect(htmlOf(container)).toBe(htmlOf(fresh));
        // The first cell, item or paragraph has been there since the middle of the stream,
        // and the last updates parsed their end, not the whole.
        expect(container.querySelector('td, li, p')).toBe(first);
        expect(Math.max(...parsed.slice(-20))).toBeLessThan(container.textContent!.length / 4);
      });
    }
  });

  test('each changed block is decorated before it is compared, so kept nodes stay decorated', () => {
    const container = document.createElement('div');
    const patch = createBlockPatcher(container, (fragment) => {
      for (const pre of fragment.querySelectorAll('pre')) pre.className = 'framed';
    });
    patch(['<pre><code>one</code></pre>']);
    const pre = container.querySelector('pre');
    patch(['<pre><code>one two</code></pre>']);
    expect(htmlOf(container)).toBe('<pre class="framed"><code>one two</code></pre>');
    expect(container.querySelector('pre')).toBe(pre);
  });

  test('leaves the container alone when nothing changed', () => {
    const { container, patch } = setup();
    patch(['<p>One</p>', '<p>Two</p>']);
    const before = nodesOf(container);
    patch(['<p>One</p>', '<p>Two</p>']);
    expect(nodesOf(container).every((node, index) => node === before[index])).toBe(true);
  });

  test('holds the nodes in groups, adding and removing groups as the list grows and shrinks', () => {
    const { container, patch } = setup();
    const paragraphs = (count: number) => Array.from({ length: count }, (_, index) => `<p>${index}</p>`);
    patch(paragraphs(nodesPerGroup));
    expect(container.children).toHaveLength(1);
    const [first] = nodesOf(container);
    patch(paragraphs(nodesPerGroup * 2 + 1));
    expect([...container.children].map((group) => group.childNodes.length)).toEqual([nodesPerGroup, nodesPerGroup, 1]);
    expect(htmlOf(container)).toBe(paragraphs(nodesPerGroup * 2 + 1).join(''));
    expect(nodesOf(container)[0]).toBe(first);
    patch(paragraphs(nodesPerGroup + 1));
    expect(container.children).toHaveLength(2);
    expect(htmlOf(container)).toBe(paragraphs(nodesPerGroup + 1).join(''));
  });

  test('a block that changed stays in its place in its group, before the blocks after it', () => {
    const { container, patch } = setup();
    const blocks = Array.from({ length: nodesPerGroup + 2 }, (_, index) => `<p>${index}</p>`);
    /** `blocks`, but for the last block of the first group. */
    const withLastOfFirstGroup = (html: string) =>
      blocks.map((block, index) => (index === nodesPerGroup - 1 ? html : block));
    patch(blocks);
    // Empty, it has no node to hold its place: the next one is in the next group.
    patch(withLastOfFirstGroup(''));
    patch(withLastOfFirstGroup('<p>back</p>'));
    expect(htmlOf(container)).toBe(withLastOfFirstGroup('<p>back</p>').join(''));
    expect(container.children[0]?.lastChild?.textContent).toBe('back');
  });

  test('groups the same nodes the same way, however the HTML was split into blocks', () => {
    const html = Array.from({ length: 100 }, (_, index) => `<p>${index}</p>\n`);
    const inBlocks = setup();
    inBlocks.patch(html);
    const inSlices = setup();
    inSlices.patch([html.slice(0, 30).join(''), html.slice(30).join('')]);
    expect(inSlices.container.innerHTML).toBe(inBlocks.container.innerHTML);
    expect(inBlocks.container.children).toHaveLength(Math.ceil(200 / nodesPerGroup));
  });

  test('a block that gains a node moves the nodes after it along the groups, and keeps them', () => {
    const { container, patch } = setup();
    const blocks = Array.from({ length: nodesPerGroup + 2 }, (_, index) => `<p>${index}</p>`);
    patch(blocks);
    const before = nodesOf(container);
    const grown = ['<p>0</p><p>more</p>', ...blocks.slice(1)];
    patch(grown);
    expect(htmlOf(container)).toBe(grown.join(''));
    expect([...container.children].map((group) => group.childNodes.length)).toEqual([nodesPerGroup, 3]);
    expect(nodesOf(container).every((node, index) => index < 2 || node === before[index - 1])).toBe(true);
  });

  test('shows the words as plain text when the page refuses the HTML (Trusted Types enforced, no policy)', () => {
    // As an enforcing browser does when a string reaches an HTML sink.
    vi.spyOn(HTMLTemplateElement.prototype, 'innerHTML', 'set').mockImplementation(() => {
      throw new TypeError("This document requires 'TrustedHTML' assignment.");
    });
    const { container, patch } = setup();
    patch(['<p>Nine &amp; five &lt;3</p>', '<ul><li>one</li><li>two</li></ul>']);
    expect(container.querySelector(':not(.blocks)')).toBeNull();
    expect(container.textContent).toBe('Nine & five <3\none\ntwo\n\n');
  });
});
