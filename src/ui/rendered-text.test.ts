// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { renderedText } from './rendered-text';

function fragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

test('reads a rendered reply as its words, a line per block, cells side by side', () => {
  const reply = fragment(
    '<h2>Pricing</h2>\n<p>Every plan has <strong>streaming</strong> and <a href="https://x.example">sources</a>.</p>' +
      '<table>\n<thead>\n<tr>\n<th>Plan</th>\n<th>Price</th>\n</tr>\n</thead>\n<tbody><tr>\n<td>Team</td>\n<td>$29</td>\n</tr>\n</tbody></table>\n' +
      '<ul>\n<li>one\nand more</li>\n<li><code>two</code></li>\n</ul>\n<pre><code>line 1\nline 2\n</code></pre>',
  );
  expect(renderedText(reply).text).toBe(
    'Pricing\nEvery plan has streaming and sources.\nPlan Price\nTeam $29\none and more\ntwo\nline 1\nline 2',
  );
});

test('a text within the length is whole, and not cut', () => {
  const reply = fragment('<p>One two.</p>\n<p>Three.</p>');
  expect(renderedText(reply, 16)).toEqual({ text: 'One two.\nThree.', isCut: false });
});

test('a longer text is cut at its last line end, else sentence end, else word end, in its second half', () => {
  const paragraphs = fragment('<p>First line here.</p><p>Second one, longer.</p>');
  expect(renderedText(paragraphs, 30)).toEqual({ text: 'First line here.', isCut: true });
  const sentences = fragment('<p>Short one. And another sentence goes on</p>');
  expect(renderedText(sentences, 30)).toEqual({ text: 'Short one. And another', isCut: true });
  expect(renderedText(fragment('<p>Short one. And another sentence. Then more</p>'), 36)).toEqual({
    text: 'Short one. And another sentence.',
    isCut: true,
  });
  expect(renderedText(fragment('<p>Words that go on and on</p>'), 14)).toEqual({
    text: 'Words that go',
    isCut: true,
  });
  // A word that ends just past the length is still whole.
  expect(renderedText(fragment('<p>Words that go on</p>'), 13)).toEqual({ text: 'Words that go', isCut: true });
});

test('a text without such an end is cut at the length; a CJK sentence ends without a space', () => {
  expect(renderedText(fragment('<p>abcdefghijklmnop</p>'), 10)).toEqual({ text: 'abcdefghij', isCut: true });
  expect(renderedText(fragment('<p>これは文です。これも文です。まだ続きます</p>'), 16)).toEqual({
    text: 'これは文です。これも文です。',
    isCut: true,
  });
});

test('reads no further into the reply than it needs', () => {
  const reply = fragment(`<p>${'word '.repeat(10)}</p>` + '<p>more</p>'.repeat(1000));
  Object.defineProperty(reply.lastChild, 'childNodes', {
    get: () => {
      throw new Error('read to the end');
    },
  });
  expect(renderedText(reply, 20)).toEqual({ text: 'word word word word', isCut: true });
});

test('a text read only in part is cut, even when its whitespace tidied it down to less', () => {
  // Empty paragraphs are whitespace that tidying removes: the part read is short, the rest unread.
  const reply = fragment(`<p>First words</p>\n${'<p></p>\n'.repeat(100)}<p>Last words</p>`);
  expect(renderedText(reply, 20)).toEqual({ text: 'First words', isCut: true });
});
