import { readFileSync } from 'node:fs';
import type { CitedResource } from '../src/api/types.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';
import type { Answer } from './knowledge-base.ts';

interface Corpus {
  source: string;
  payloads: { title?: string; payload: string }[];
}

/** One payload in the reply, between the markers that must still show around it. */
export interface XssCase {
  /** `BEFORE-007`: zero-padded, so that no marker is the start of another. */
  before: string;
  after: string;
  payload: string;
}

// Read from disk on first use: only this fault needs the corpus, and importing JSON
// under Node's ESM asks for an import attribute that not every loader passes on.
let corpus: Corpus | undefined;
function dompurifyCorpus(): Corpus {
  corpus ??= JSON.parse(readFileSync(new URL('./dompurify-payloads.json', import.meta.url), 'utf8')) as Corpus;
  return corpus;
}

/**
 * Every payload of the reply, in order: DOMPurify's corpus inline, then each
 * hand-written payload inline and as a block of its own. Inline, a
 * payload meets marked's inline HTML and link rules; at the start of a line, its HTML
 * blocks and reference definitions, which may run past the payload (an unclosed
 * `<script>` block takes the rest of the reply).
 */
export function xssCases(): XssCase[] {
  const layouts = [
    ...dompurifyCorpus().payloads.map(({ payload }) => ({ payload, isBlock: false })),
    // A payload of several lines is a block by nature: inline, its last line would
    // run into the marker (a closing fence would take AFTER-n as its info string).
    ...XSS_PAYLOADS.flatMap(({ payload }) => [
      ...(payload.includes('\n') ? [] : [{ payload, isBlock: false }]),
      { payload, isBlock: true },
    ]),
  ];
  return layouts.map(({ payload, isBlock }, index) => {
    const n = String(index + 1).padStart(3, '0');
    return { before: `BEFORE-${n}`, after: `AFTER-${n}`, payload: isBlock ? `\n\n${payload}\n\n` : ` ${payload} ` };
  });
}

/** Cited pages that must never become a chip: none is an absolute http(s) URL. */
const HOSTILE_URLS = [
  'javascript:__xss()',
  'JaVaScRiPt:__xss()',
  ' javascript:__xss()',
  'java\tscript:__xss()',
  'java\nscript:__xss()',
  '&#106;avascript:__xss()',
  'javascript&colon;__xss()',
  'data:text/html,<script>__xss()</script>',
  'vbscript:msgbox(1)',
  'blob:https://evil.invalid/0',
  'file:///etc/passwd',
  '/admin/delete-account',
  '//evil.invalid/page',
  'https:',
];

/** Cited pages with web addresses: each becomes a chip whose text is the title, as text. */
export const XSS_SHOWN_CITATIONS: readonly CitedResource[] = [
  {
    id: 'xss-title-img',
    url: 'https://docs.tinytalk.example/xss/img',
    title: '<img src=x onerror=__xss()>',
    type: 'website',
  },
  {
    id: 'xss-title-script',
    url: 'https://docs.tinytalk.example/xss/script',
    title: '"><script>__xss()</script>',
    type: 'website',
  },
  {
    id: 'xss-url-quote',
    url: 'https://docs.tinytalk.example/xss/"onmouseover="__xss()',
    title: 'Quotes in the address',
    type: 'website',
  },
  { id: 'xss-safe', url: 'https://docs.tinytalk.example/security', title: 'Safe source', type: 'website' },
];

/**
 * The reply of the `xss` fault: every case between its markers, one paragraph
 * each, and citations with hostile addresses and titles.
 */
export function xssAnswer(): Answer {
  const text = [
    'XSS-START Every payload below must stay inert, and the words around it must show.',
    ...xssCases().map(({ before, payload, after }) => `${before}${payload}${after}`),
    'XSS-END',
  ].join('\n\n');
  const hostile = HOSTILE_URLS.map((url, index) => ({
    id: `xss-url-${index}`,
    url,
    title: `HOSTILE-${index}`,
    type: 'website',
  }));
  return { text, citedResources: [...hostile, ...XSS_SHOWN_CITATIONS] };
}

/**
 * Cuts the reply into slices of cycling lengths, anywhere: inside a tag, an entity or a
 * marker. A renderer that shows half-written markup while the reply streams meets it
 * here. A few hundred slices, where word-sized chunks would be thousands.
 */
export function sliceXssReply(text: string): string[] {
  const sizes = [37, 211, 89, 401, 5, 173];
  const slices: string[] = [];
  for (let start = 0, n = 0; start < text.length; n++) {
    const size = sizes[n % sizes.length] ?? 100;
    slices.push(text.slice(start, start + size));
    start += size;
  }
  return slices;
}
