// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { isHttpUrl, isSafeLinkUrl } from './safe-url';

describe('isSafeLinkUrl', () => {
  test.each(['http://example.com', 'https://example.com/a?b=c#d', 'HTTPS://EXAMPLE.COM', 'mailto:someone@example.com'])(
    'accepts %s',
    (url) => {
      expect(isSafeLinkUrl(url)).toBe(true);
    },
  );

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'tel:+123',
    'https:',
  ])('rejects %j', (url) => {
    expect(isSafeLinkUrl(url)).toBe(false);
  });

  test.each([' javascript:alert(1)', '\tjavascript:alert(1)', '\u0001javascript:alert(1)', '\n\fjavascript:alert(1)'])(
    'rejects a scheme behind leading whitespace or controls: %j',
    (url) => {
      expect(isSafeLinkUrl(url)).toBe(false);
    },
  );

  test.each(['/path', 'page.html', '#top', '?q=1', '//evil.example/x', ''])('rejects the relative URL %j', (url) => {
    expect(isSafeLinkUrl(url)).toBe(false);
  });

  test('takes character references as written: undecoded they are just a relative URL', () => {
    expect(isSafeLinkUrl('&#106;avascript:alert(1)')).toBe(false);
  });
});

describe('isHttpUrl', () => {
  test('accepts http and https only', () => {
    expect(isHttpUrl('http://example.com')).toBe(true);
    expect(isHttpUrl('https://example.com/page')).toBe(true);
    expect(isHttpUrl('mailto:someone@example.com')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isHttpUrl('//evil.example')).toBe(false);
  });
});
