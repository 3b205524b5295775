// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import corpus from '../../agent/dompurify-payloads.json';
import { createBlockRenderer } from './blocks';
import { renderMarkdown } from './render';

/** Elements that run code, submit, embed a document, restyle the widget or hide a namespace. */
const ACTIVE_ELEMENTS = [
  'script',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'style',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'noscript',
  'template',
].join(', ');

const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'action', 'xlink:href', 'formaction']);

// Deliberately not `isSafeLinkUrl`: the oracle must not be the code under test.
const ALLOWED_URL = /^(?:https?|mailto):/i;

/** How the browser will see the output: parsed again, as `innerHTML` does. */
function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

// Fewer than half the payloads have a title, so a case is named by its
// position and its title or the start of the payload.
const cases = corpus.payloads.map(({ title, payload }, index) => ({
  name: `#${index + 1} ${title ?? payload.replace(/\s+/g, ' ').slice(0, 80)}`,
  payload,
}));

/** The checks every rendering of a payload must pass: nothing active, no handler, no style, no unsafe URL. */
function expectInert(html: string): DocumentFragment {
  const fragment = parse(html);
  expect(fragment.querySelector(ACTIVE_ELEMENTS)?.outerHTML).toBeUndefined();
  for (const element of fragment.querySelectorAll('*')) {
    for (const { name: attribute, value } of element.attributes) {
      const where = `${attribute}="${value}" on <${element.localName}>`;
      expect(attribute.toLowerCase().startsWith('on'), where).toBe(false);
      expect(attribute.toLowerCase(), where).not.toBe('style');
      if (URL_ATTRIBUTES.has(attribute.toLowerCase())) {
        expect(value, where).toMatch(ALLOWED_URL);
      }
    }
  }
  return fragment;
}

describe('every DOMPurify test payload inside a reply', () => {
  for (const { name, payload } of cases) {
    test(`is inert and keeps the text around it: ${name}`, () => {
      const fragment = expectInert(renderMarkdown(`Before ${payload} After`));
      expect(fragment.textContent).toContain('Before');
      expect(fragment.textContent).toContain('After');
    });

    // Streamed, the growing block is sanitized in pieces (see growing-sanitizer.ts).
    test(`streamed in chunks, is inert at every update and ends as a one-shot render: ${name}`, () => {
      const reply = `Before ${payload} After`.repeat(3);
      const renderer = createBlockRenderer();
      for (let end = 5; end < reply.length; end += 5) expectInert(renderer.update(reply.slice(0, end)).join(''));
      expect(renderer.finish(reply).join('')).toBe(renderMarkdown(reply));
    });
  }
});
