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

test('keeps the text of a form whose controls clobber its properties', () => {
  const html = sanitizeHtml(
    '<p>before</p><form><input name="attributes"><input id="nodeName"><p>inside</p></form><p>after</p>',
  );
  expect(html).toBe('<p>before</p><p>inside</p><p>after</p>');
});

test('removes hidden, popover and inert, with which an element left open would hide the rest of a reply', () => {
  expect(sanitizeHtml('<div hidden>a</div><div popover>b</div><div inert>c</div>')).toBe(
    '<div>a</div><div>b</div><div>c</div>',
  );
});

/** A stand-in for `window.trustedTypes` that records the policies asked for. */
function fakeTrustedTypes(refused: readonly string[] = []) {
  const names: string[] = [];
  const parsed: string[] = [];
  return {
    names,
    parsed,
    factory: {
      createPolicy(name: string, rules: { createHTML(html: string): string }) {
        names.push(name);
        if (refused.includes(name)) throw new TypeError(`Policy ${name} disallowed.`);
        return {
          name,
          createHTML: (html: string) => (parsed.push(html), rules.createHTML(html)),
          createScriptURL: (url: string) => url,
        };
      },
    },
  };
}

async function sanitizeWithTrustedTypes(fake: ReturnType<typeof fakeTrustedTypes>, html: string): Promise<string> {
  vi.resetModules();
  vi.stubGlobal('trustedTypes', fake.factory);
  try {
    const { sanitizeHtml: sanitize } = await import('./sanitize');
    return sanitize(html);
  } finally {
    vi.unstubAllGlobals();
  }
}

test('parses through its own Trusted Types policy, and never takes the host page\'s "dompurify"', async () => {
  const fake = fakeTrustedTypes();
  expect(await sanitizeWithTrustedTypes(fake, '<b onclick="x()">bold</b>')).toBe('<b>bold</b>');
  expect(fake.names).toEqual(['tinytalk-widget#dompurify']);
  expect(fake.parsed).toContain('<b onclick="x()">bold</b>');
});

test('still sanitizes, and says why, when the page refuses its policy name', async () => {
  const fake = fakeTrustedTypes(['tinytalk-widget#dompurify']);
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    expect(await sanitizeWithTrustedTypes(fake, '<b onclick="x()">bold</b>')).toBe('<b>bold</b>');
    expect(fake.names).toEqual(['tinytalk-widget#dompurify']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('trusted-types'), expect.any(TypeError));
  } finally {
    error.mockRestore();
  }
});
