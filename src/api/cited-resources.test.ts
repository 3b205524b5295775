import { describe, expect, test } from 'vitest';
import { maxCitedResources, maxCitedUrlLength, parseCitedResources } from './cited-resources';

describe('parseCitedResources', () => {
  test('keeps well-formed web pages with their id, title and type', () => {
    expect(
      parseCitedResources([
        { id: 7, url: 'https://docs.example/a', title: 'A', type: 'website' },
        { url: 'https://docs.example/b' },
      ]),
    ).toEqual([
      { id: '7', url: 'https://docs.example/a', title: 'A', type: 'website' },
      { id: 'https://docs.example/b', url: 'https://docs.example/b' },
    ]);
  });

  test('drops what is not an http(s) address of a host', () => {
    const urls = [
      'javascript:alert(1)',
      'data:text/html,x',
      '/relative',
      '//evil.example/x',
      'https:',
      'mailto:a@b.example',
    ];
    expect(parseCitedResources(urls.map((url) => ({ url, title: 'x' })))).toEqual([]);
  });
});

describe("hostile citations (issue 10: one reply with 1,245 long citations filled the origin's storage)", () => {
  test(`keeps at most ${maxCitedResources} citations`, () => {
    const citations = Array.from({ length: 1245 }, (_, index) => ({
      id: `c${index}`,
      url: `https://docs.example/${index}/${'x'.repeat(4000)}`.slice(0, 2000),
    }));
    const kept = parseCitedResources(citations);
    expect(kept).toHaveLength(maxCitedResources);
    expect(kept.map(({ id }) => id)).toEqual(citations.slice(0, maxCitedResources).map(({ id }) => id));
  });

  test(`drops an address longer than ${maxCitedUrlLength} characters instead of cutting it`, () => {
    const long = `https://docs.example/${'x'.repeat(maxCitedUrlLength)}`;
    expect(parseCitedResources([{ url: long }, { url: 'https://docs.example/short' }])).toEqual([
      { id: 'https://docs.example/short', url: 'https://docs.example/short' },
    ]);
  });
});

describe('source chips that lie (issue 10)', () => {
  test('strips the right-to-left override and other invisible characters from titles', () => {
    const [resource] = parseCitedResources([
      { url: 'https://attacker.example/x', title: 'Official docs: \u202Emoc.elgoog.www' },
    ]);
    expect(resource?.title).toBe('Official docs: moc.elgoog.www');
    const [hidden] = parseCitedResources([
      { url: 'https://a.example/', title: '\u2066Pay\u200Bpal\u2069\u00AD \u200E\u3164\nlogin\uFEFF' },
    ]);
    expect(hidden?.title).toBe('Paypal login');
  });

  test('keeps one chip for the five spellings of one page: case, scheme case, default port, fragment', () => {
    const urls = [
      'https://example.com/dup',
      'https://EXAMPLE.com/dup',
      'HTTPS://example.com/dup',
      'https://example.com:443/dup',
      'https://example.com/dup#frag',
    ];
    expect(parseCitedResources(urls.map((url, index) => ({ id: `d${index}`, url })))).toEqual([
      { id: 'd0', url: 'https://example.com/dup' },
    ]);
  });

  test('keeps pages that differ in path case, query or port as separate chips', () => {
    const urls = [
      'https://example.com/Dup',
      'https://example.com/dup?a=1',
      'https://example.com:8443/dup',
      'http://example.com/dup',
    ];
    expect(parseCitedResources(urls.map((url) => ({ url }))).map(({ url }) => url)).toEqual(urls);
  });

  test('drops a title that is only invisible characters', () => {
    expect(parseCitedResources([{ url: 'https://a.example/', title: '\u202E\u200B ' }])).toEqual([
      { id: 'https://a.example/', url: 'https://a.example/' },
    ]);
  });
});
