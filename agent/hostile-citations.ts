import type { CitedResource } from '../src/api/types.ts';

/** What a poisoned knowledge base can make an agent cite, from the attack of issue 10. */
export const HOSTILE_CITATIONS: readonly CitedResource[] = [
  // Shows as "Official docs: www.google.com" where bidi controls are obeyed.
  { id: 'rtl', url: 'https://attacker.example/login', title: 'Official docs: \u202Emoc.elgoog.www', type: 'website' },
  // One page, spelt five ways.
  ...[
    'https://example.com/dup',
    'https://EXAMPLE.com/dup',
    'HTTPS://example.com/dup',
    'https://example.com:443/dup',
    'https://example.com/dup#frag',
  ].map((url, index) => ({ id: `dup-${index}`, url, title: 'Duplicate page', type: 'website' })),
  // 1,245 long addresses, half of them past any sane length: about 3.7 M characters.
  ...Array.from({ length: 1245 }, (_, index) => ({
    id: `long-${index}`,
    url: `https://docs.tinytalk.example/long/${index}/${'x'.repeat(index % 2 ? 1900 : 4000)}`,
    title: `Long ${index}`,
    type: 'website',
  })),
];
