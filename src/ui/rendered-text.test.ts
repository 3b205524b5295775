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
  expect(renderedText(reply)).toBe(
    'Pricing\nEvery plan has streaming and sources.\nPlan Price\nTeam $29\none and more\ntwo\nline 1\nline 2',
  );
});
