import type { CitedResource, WireMessage } from '../../src/api/types.ts';

/** What the demo agent replies to a conversation. */
export interface Answer {
  /** The reply, in markdown. */
  text: string;
  /** The knowledge-base pages the reply cites. */
  citedResources: CitedResource[];
}

interface Topic extends Answer {
  /** Tested against the last user message only, as the real agent answers the latest question. */
  pattern: RegExp;
}

const DOCS = 'https://docs.tinytalk.example';

// The answers exercise the widget's markdown rendering: tables, code, links and
// multi-byte text that a byte-split stream cuts in the middle of a character.
const TOPICS: readonly Topic[] = [
  {
    pattern: /\b(pricing|prices?|plans?)\b/i,
    text: [
      '## Pricing',
      '',
      'Every plan includes the chat widget and unlimited visitors.',
      '',
      '| Plan | Price | Messages per month |',
      '| --- | ---: | ---: |',
      '| Starter | $0 | 500 |',
      '| Team | $29 | 10,000 |',
      '| Business | $99 | 100,000 |',
      '',
      'Yearly billing saves **two months**.',
    ].join('\n'),
    citedResources: [
      { id: 'kb-pricing', url: `${DOCS}/pricing`, title: 'Pricing and plans', type: 'website' },
      { id: 'kb-billing', url: `${DOCS}/billing/faq`, title: 'Billing FAQ', type: 'website' },
    ],
  },
  {
    pattern: /\b(install|installation|embed|setup)\b/i,
    text: [
      'To add the widget to your site:',
      '',
      '1. Copy your agent id from **Settings → General**.',
      '2. Paste this tag before `</body>`:',
      '',
      '```html',
      '<script src="https://cdn.tinytalk.example/widget.js"',
      '        data-bot-id="demo-support" defer></script>',
      '```',
      '',
      '3. Reload the page: the chat button appears in the corner.',
    ].join('\n'),
    // Two knowledge-base entries for the same page: the widget must show it once.
    citedResources: [
      { id: 'kb-install', url: `${DOCS}/install`, title: 'Installing the widget', type: 'website' },
      { id: 'kb-install-copy', url: `${DOCS}/install`, title: 'Installing the widget', type: 'website' },
    ],
  },
  {
    pattern: /\bfeatures?\b/i,
    text: [
      '# Features',
      '',
      '## For visitors',
      '',
      '- **Streaming** replies that appear as they are written',
      '- *Sources* under each answer',
      '- Full keyboard support',
      '',
      '## For you',
      '',
      'A theme that follows your brand colours. Read the [feature tour](https://www.tinytalk.example/tour) for more.',
    ].join('\n'),
    citedResources: [
      { id: 'kb-features', url: `${DOCS}/features`, title: 'Feature overview', type: 'website' },
      // The knowledge base has pages without a title; the widget falls back to the URL.
      { id: 'kb-theming', url: `${DOCS}/theming`, type: 'website' },
    ],
  },
  {
    pattern: /\b(languages?|unicode)\b/i,
    text: [
      'Tiny Talk speaks your visitors’ language: café in French, 日本語 in Japanese,',
      'Ελληνικά, العربية and emoji too 👋🏽🎉.',
    ].join('\n'),
    citedResources: [{ id: 'kb-languages', url: `${DOCS}/languages`, title: 'Supported languages', type: 'website' }],
  },
  {
    pattern: /\b(hello|hi)\b/i,
    text: 'Hello! 👋 I am the Tiny Talk demo agent. How can I help?',
    citedResources: [{ id: 'kb-welcome', url: `${DOCS}/welcome`, title: 'Welcome to Tiny Talk', type: 'website' }],
  },
];

const ECHO_PREFIX = 'echo:';

/**
 * Chooses the reply to a conversation whose last message is the visitor's.
 * A message starting with `echo:` is answered with the rest of it, so tests can
 * decide a reply's exact text.
 */
export function answerFor(messages: readonly WireMessage[]): Answer {
  const question = messages.at(-1)?.content ?? '';
  if (question.startsWith(ECHO_PREFIX)) {
    return { text: question.slice(ECHO_PREFIX.length).trimStart(), citedResources: [] };
  }
  const topic = TOPICS.find(({ pattern }) => pattern.test(question));
  if (topic) return { text: topic.text, citedResources: topic.citedResources };
  return { text: fallback(question, messages), citedResources: [] };
}

function fallback(question: string, messages: readonly WireMessage[]): string {
  const turn = messages.filter(({ role }) => role === 'user').length;
  return [
    question.split('\n').map((line) => `> ${line}`).join('\n'),
    '',
    `I don't know about that yet. This is turn ${turn} of our conversation.`,
    '',
    'You can ask me about **pricing**, **installing** the widget, its **features**, or the **languages** it speaks.',
  ].join('\n');
}
