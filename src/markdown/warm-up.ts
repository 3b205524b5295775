import { renderMarkdown } from './render';

/**
 * A little of everything replies are made of: rendering it once makes the browser compile
 * marked's and DOMPurify's code and regular expressions, which a first reply would
 * otherwise wait for (tens of milliseconds on a slow phone).
 */
const sample = `## Heading

A paragraph with **bold**, *emphasis*, \`code\` and a [link](https://example.com).

- one
- two

1. first

> quoted

| a | b |
|---|:-:|
| 1 | 2 |

\`\`\`js
const x = 1;
\`\`\`
`;

/** Renders a sample and throws the result away; for a moment when the page is idle. */
export function warmUp(): void {
  renderMarkdown(sample);
}
