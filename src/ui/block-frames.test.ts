// @vitest-environment jsdom
import { afterEach, expect, test, vi } from 'vitest';
import { englishStrings } from '../i18n/strings';
import { renderMarkdown } from '../markdown/render';
import { frameBlocks } from './block-frames';

/** A reply rendered and sanitized, then framed, as the block patcher does. */
function framed(markdown: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = renderMarkdown(markdown);
  frameBlocks(template.content, englishStrings);
  return template.content;
}

test('frames a fenced block with its language and a Copy code button, the code untouched', () => {
  const reply = framed('```ts\nconst a = "<b>";\n```');
  const frame = reply.querySelector('.code-block');
  expect(frame?.querySelector('.code-language')?.textContent).toBe('ts');
  expect(frame?.querySelector('button')?.textContent).toBe('Copy code');
  expect(frame?.querySelector('pre > code')?.textContent).toBe('const a = "<b>";\n');
});

test('a long code block holds its lines in groups of 40, its text the same; a short one stays one text', () => {
  const lines = Array.from({ length: 85 }, (_, index) => `line ${index}\n`);
  const code = framed(`\`\`\`\n${lines.join('')}\`\`\``).querySelector('pre > code');
  const groups = [...(code?.children ?? [])];
  expect(groups.map((group) => group.className)).toEqual(['code-lines', 'code-lines', 'code-lines']);
  expect(groups.map((group) => group.textContent)).toEqual([
    lines.slice(0, 40).join(''),
    lines.slice(40, 80).join(''),
    lines.slice(80).join(''),
  ]);
  expect(code?.textContent).toBe(lines.join(''));
  const short = framed(`\`\`\`\n${lines.slice(0, 40).join('')}\`\`\``).querySelector('pre > code');
  expect(short?.childNodes).toHaveLength(1);
});

test('code holding more than text (raw HTML in a reply) is left as it is', () => {
  const code = framed(`<pre><code>${'a\n'.repeat(50)}<b>b</b></code></pre>`).querySelector('pre > code');
  expect(code?.querySelector('.code-lines')).toBeNull();
  expect(code?.querySelector('b')?.textContent).toBe('b');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

test('Copy code copies the code of the frame the button is in when clicked, wherever it was framed', async () => {
  const writeText = vi.fn(() => Promise.resolve());
  vi.stubGlobal('navigator', { clipboard: { writeText } });
  const reply = framed('```\nfirst\n```\n\n```\nsecond\n```');
  const [first, second] = reply.querySelectorAll('.code-block');
  const button = first?.querySelector('button');
  // As the block patcher may leave it: a kept frame whose bar came from a fresher render.
  second?.querySelector('button')?.replaceWith(button as HTMLButtonElement);
  button?.click();
  await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith('second'));
});

test('shows no language for a fence that names none', () => {
  const reply = framed('```\nplain\n```');
  expect(reply.querySelector('.code-language')).toBeNull();
  expect(reply.querySelector('.code-block button')).not.toBeNull();
});

test('frames code blocks and tables nested in lists and quotes', () => {
  const reply = framed('- item\n\n  ```\n  code\n  ```\n\n> | a |\n> | - |\n> | 1 |');
  expect(reply.querySelector('li .code-block pre')).not.toBeNull();
  expect(reply.querySelector('blockquote [role="group"][aria-label="Table"] > table')).not.toBeNull();
});

test('a reply cannot dress up as a frame: its classes are gone before framing', () => {
  const reply = framed(
    '<div class="code-block"><button>Copy code</button></div><div class="table-scroll" role="group">x</div>',
  );
  expect(reply.querySelectorAll('.code-block, .table-scroll, button')).toHaveLength(0);
});
