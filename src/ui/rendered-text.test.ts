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
      '<table><thead><tr><th>Plan</th><th>Price</th></tr></thead><tbody><tr><td>Team</td><td>$29</td></tr></tbody></table>' +
      '<ul>\n<li>one</li>\n<li><code>two</code></li>\n</ul>',
  );
  expect(renderedText(reply)).toBe('Pricing\nEvery plan has streaming and sources.\nPlan Price\nTeam $29\none\ntwo');
});
