// @vitest-environment jsdom
import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from './render';

/** The reply as the browser will hold it once set as `innerHTML`. */
function render(markdown: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(markdown);
  return template.content;
}

describe('formatting', () => {
  test('renders headings, lists, emphasis and inline code', () => {
    const reply = render('## Title\n\n- one\n- two\n\n1. first\n\nSome *em*, **strong**, ~~gone~~ and `code`.');
    expect(reply.querySelector('h2')?.textContent).toBe('Title');
    expect([...reply.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(reply.querySelector('ol > li')?.textContent).toBe('first');
    expect(reply.querySelector('em')?.textContent).toBe('em');
    expect(reply.querySelector('strong')?.textContent).toBe('strong');
    expect(reply.querySelector('del')?.textContent).toBe('gone');
    expect(reply.querySelector('p > code')?.textContent).toBe('code');
  });

  test('keeps single newlines as spaces', () => {
    expect(render('one\ntwo').querySelector('br')).toBeNull();
  });

  test('keeps the language class of a fenced code block and escapes its content', () => {
    const code = render('```ts\nconst a = "<b>";\n```').querySelector('pre > code');
    expect(code?.className).toBe('language-ts');
    expect(code?.textContent).toBe('const a = "<b>";\n');
    expect(code?.children).toHaveLength(0);
  });

  test('renders GFM tables with their alignment', () => {
    const reply = render('| a | b |\n|:--|:-:|\n| 1 | 2 |');
    expect([...reply.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['a', 'b']);
    expect(reply.querySelector('td:nth-child(2)')?.getAttribute('align')).toBe('center');
  });

  test('keeps the start of an ordered list', () => {
    expect(render('3. three\n4. four').querySelector('ol')?.getAttribute('start')).toBe('3');
  });

  test('shows the state of task list items as text, since checkboxes are removed', () => {
    const items = render('- [x] done\n- [ ] to do').querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(['☑ done', '☐ to do']);
  });

  test('keeps the raw HTML formatting agents use, markdown inside <details> included', () => {
    const reply = render(
      '<details>\n<summary>More</summary>\n\nSome **text**\n\n</details>\n\nLine<br>break <b>bold</b> <kbd>Ctrl</kbd>',
    );
    expect(reply.querySelector('details > summary')?.textContent).toBe('More');
    expect(reply.querySelector('details strong')?.textContent).toBe('text');
    expect(reply.querySelector('br')).not.toBeNull();
    expect(reply.querySelector('b')?.textContent).toBe('bold');
    expect(reply.querySelector('kbd')?.textContent).toBe('Ctrl');
  });

  test('ignores options set on the global marked by the host page', () => {
    marked.setOptions({ breaks: true });
    try {
      expect(render('one\ntwo').querySelector('br')).toBeNull();
    } finally {
      marked.setOptions(marked.getDefaults());
    }
  });
});

describe('links', () => {
  test('open safe links in a new tab without opener or referrer', () => {
    const links = render(
      '[a](https://example.com) [b](http://example.com) [c](mailto:a@example.com) <https://auto.example> www.example.com',
    ).querySelectorAll('a');
    expect([...links].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com',
      'http://example.com',
      'mailto:a@example.com',
      'https://auto.example',
      'http://www.example.com',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  test('replaces the rel and target a reply sets', () => {
    const link = render('<a href="https://example.com" target="_self" rel="opener">x</a>').querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  test.each([
    ['a markdown link', '[click](javascript:alert(1))'],
    ['a markdown link with an encoded scheme', '[click](&#106;avascript:alert(1))'],
    ['a markdown link with a tab in the scheme', '[click](java&#9;script:alert(1))'],
    ['a markdown link to a data URL', '[click](data:text/html,<script>alert(1)</script>)'],
    ['a relative markdown link', '[click](/account/delete)'],
    ['an HTML link', '<a href="javascript:alert(1)">click</a>'],
    ['an HTML link with an encoded scheme', '<a href="&#106;avascript:alert(1)">click</a>'],
    ['an HTML link with a mixed-case scheme', '<a href="JaVaScRiPt:alert(1)">click</a>'],
    ['an HTML link to vbscript', '<a href="vbscript:msgbox(1)">click</a>'],
    ['a protocol-relative HTML link', '<a href="//evil.example">click</a>'],
    ['an autolink', '<javascript:alert(1)//click>'],
    ['a reference link', '[click][x]\n\n[x]: javascript:alert(1)'],
  ])('%s with an unsafe URL loses its href and keeps its text', (_, markdown) => {
    const reply = render(markdown);
    const link = reply.querySelector('a');
    expect(link?.hasAttribute('href')).toBe(false);
    expect(link?.hasAttribute('target')).toBe(false);
    expect(reply.textContent).toContain('click');
  });
});

describe('images', () => {
  test('become a link to their source, labelled with their alt text', () => {
    const reply = render('See ![the chart](https://img.example/chart.png) here');
    expect(reply.querySelector('img')).toBeNull();
    const link = reply.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://img.example/chart.png');
    expect(link?.textContent).toBe('the chart');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(reply.textContent?.trim()).toBe('See the chart here');
  });

  test('without alt text are labelled with their source', () => {
    expect(render('<img src="https://img.example/a.png">').querySelector('a')?.textContent).toBe(
      'https://img.example/a.png',
    );
  });

  test.each([
    ['a data URL', '![a pixel](data:image/png;base64,iVBORw0KGgo=)'],
    ['a javascript URL', '<img alt="a pixel" src="javascript:alert(1)">'],
    ['a relative URL', '![a pixel](/tracker.gif)'],
  ])('from %s become their alt text', (_, markdown) => {
    const reply = render(markdown);
    expect(reply.querySelector('img, a')).toBeNull();
    expect(reply.textContent?.trim()).toBe('a pixel');
  });

  test('inside a link become the link text', () => {
    const reply = render('[![build](https://ci.example/badge.svg)](https://ci.example)');
    const links = reply.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://ci.example');
    expect(links[0]?.textContent).toBe('build');
  });

  test('are not loaded in any other form', () => {
    const reply = render(
      '<video src="https://v.example/a.mp4" poster="https://v.example/a.png">no video</video>' +
        '<audio src="https://a.example/a.mp3"></audio>' +
        '<picture><source srcset="https://i.example/a.webp"><img src="https://i.example/a.png" alt="pic"></picture>' +
        '<table background="https://i.example/bg.png"><tr><td>cell</td></tr></table>',
    );
    expect(reply.querySelector('img, video, audio, source, [srcset], [background], [poster]')).toBeNull();
    expect(reply.textContent).toContain('no video');
    expect(reply.textContent).toContain('cell');
  });
});

describe('active content', () => {
  test.each([
    ['<script>', '<script>alert(1)</script>', 'script'],
    ['<iframe>', '<iframe src="https://evil.example"></iframe>', 'iframe'],
    ['<style>', '<style>body { display: none }</style>', 'style'],
    ['<form>', '<form action="https://evil.example"><input name="q"><button>Go</button></form>', 'form, input, button'],
    ['<svg onload>', '<svg onload="alert(1)"><circle r="1"/></svg>', 'svg, circle'],
    ['<math>', '<math><mi>x</mi></math>', 'math, mi'],
    [
      '<object> and <embed>',
      '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
      'object, embed',
    ],
    [
      '<meta>, <link> and <base>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="https://evil.example/x.css"><base href="https://evil.example/">',
      'meta, link, base',
    ],
  ])('%s is removed and the text around it survives', (_, payload, selector) => {
    const reply = render(`Before ${payload} After`);
    expect(reply.querySelector(selector)).toBeNull();
    expect(reply.textContent?.trim()).toMatch(/^Before .*After$/s);
  });

  test('event handler and style attributes are removed', () => {
    const reply = render(
      '<b onclick="alert(1)" onmouseover="alert(2)" style="position:fixed">x</b><div ONFOCUS="alert(3)" tabindex="0">y</div>',
    );
    for (const element of reply.querySelectorAll('*')) {
      expect(element.getAttributeNames().filter((name) => name.startsWith('on') || name === 'style')).toEqual([]);
    }
    expect(reply.textContent?.trim()).toBe('xy');
  });

  test('a raw-text element left open does not hide the rest of the reply', () => {
    const reply = render('Use a <style> tag, or <textarea> and <svg>.\n\nNext paragraph');
    expect(reply.querySelector('style, textarea, svg')).toBeNull();
    expect(reply.textContent).toContain('Next paragraph');
  });

  test('ids, names, data and ARIA attributes cannot reach into the widget', () => {
    const reply = render(
      '<p id="composer" name="send" data-action="send" aria-owns="composer" part="launcher" slot="x">x</p><slot></slot>',
    );
    expect(reply.querySelector('p')?.getAttributeNames()).toEqual([]);
    expect(reply.querySelector('slot')).toBeNull();
  });

  test('classes are kept only as the language of a code element', () => {
    const reply = render(
      '<p class="tt-launcher">a</p><code class="language-js">b</code><code class="tt-button">c</code>',
    );
    expect(reply.querySelector('p')?.hasAttribute('class')).toBe(false);
    expect([...reply.querySelectorAll('code')].map((code) => code.getAttribute('class'))).toEqual([
      'language-js',
      null,
    ]);
  });
});

describe('deep nesting (issue 10: 2 KB of nested markdown crashed the renderer)', () => {
  test('2,000 nested quotes render, flattened, with the intro and outro', () => {
    const reply = render(`Intro line.\n\n${'>'.repeat(2000)} deep\n\nOutro line.`);
    expect(reply.textContent?.replace(/\s+/g, ' ').trim()).toBe('Intro line. deep Outro line.');
    expect(reply.querySelectorAll('blockquote').length).toBeLessThanOrEqual(32);
  });

  test('2,000 * on each side of a word render, flattened, the word included', () => {
    const reply = render(`Intro line.\n\n${'*'.repeat(2000)}word${'*'.repeat(2000)}\n\nOutro line.`);
    expect(reply.textContent).toContain('Intro line.');
    expect(reply.textContent).toContain('word');
    expect(reply.textContent).toContain('Outro line.');
    expect(reply.querySelectorAll('em, strong').length).toBeLessThanOrEqual(32);
  });
});
