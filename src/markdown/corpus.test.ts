// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import corpus from '../../agent/dompurify-payloads.json';
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

describe('every DOMPurify test payload inside a reply', () => {
  for (const { name, payload } of cases) {
    test(`is inert and keeps the text around it: ${name}`, () => {
      const fragment = parse(renderMarkdown(`Before ${payload} After`));

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
      expect(fragment.textContent).toContain('Before');
      expect(fragment.textContent).toContain('After');
    });
  }
});
