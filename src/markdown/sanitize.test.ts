// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { expect, test, vi } from 'vitest';
import { sanitizeHtml } from './sanitize';

test('removes an href that passes the URI pattern but is no URL', () => {
  expect(sanitizeHtml('<a href="https:">x</a>')).toBe('<a>x</a>');
});

test('leaves the default DOMPurify instance, which the host page may share, as it was', () => {
  const image = '<img src="https://img.example/a.png">';
  expect(sanitizeHtml(image)).not.toContain('<img');
  expect(DOMPurify.sanitize(image)).toBe(image);
});

test('refuses to run without a DOM rather than return its input unsanitised', async () => {
  vi.resetModules();
  vi.stubGlobal('window', undefined);
  try {
    const { sanitizeHtml: sanitizeWithoutDom } = await import('./sanitize');
    expect(() => sanitizeWithoutDom('<img src=x onerror=alert(1)>')).toThrow(/DOM/);
  } finally {
    vi.unstubAllGlobals();
  }
});
