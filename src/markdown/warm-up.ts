import type { Token } from 'marked';
import { lexBlocks, renderBlocks } from './render';

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

/**
 * The warm-up, in steps for as many idle moments: rendered at once, the sample took a
 * phone-speed CPU (4x) 170 to 230 ms, most of it the first call into each library, in
 * one task that would hold back the visitor's first keystroke in the panel just opened.
 */
export function warmUpSteps(): (() => void)[] {
  let tokens: Token[] = [];
  return [
    // marked tries every block rule on the first line it reads.
    () => lexBlocks('a'),
    // Then the inline rules, and the block kinds of the sample.
    () => (tokens = lexBlocks(sample)),
    // DOMPurify's first run sets up its instance and parser.
    () => renderBlocks(lexBlocks('a')),
    () => renderBlocks(tokens),
  ];
}
