import type { CitedResource, WireMessage } from '../src/api/types.ts';

/** What the demo agent replies to a conversation. */
export interface Answer {
  /** The reply, in markdown. */
  text: string;
  /** The knowledge-base pages the reply cites. */
  citedResources: CitedResource[];
  /**
   * Streamed as pieces of `characters` characters, one every `everyMs`, instead of words at
   * the agent's pace: a model's steady output, which benchmarks ask for.
   */
  pace?: { characters: number; everyMs: number };
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
/** `bench:[shape:]<size>[ every:<ms>ms]`, see {@link answerFor}. */
const BENCH_COMMAND = /^bench:(?:(mixed|code|table|paragraph):)?(\d+)(?: every:(\d+)ms)?$/;
/** Characters per chunk of a paced reply: about one token of a model. */
const PACED_CHUNK_CHARACTERS = 5;
/** Far above what a benchmark asks for, far below what would hold the agent up. */
const BENCH_MAX_BYTES = 1_000_000;

/**
 * Chooses the reply to a conversation whose last message is the visitor's.
 * A message starting with `echo:` is answered with the rest of it, so tests can
 * decide a reply's exact text. `bench:<bytes>` with {@link benchDocument}; `bench:code:<bytes>`,
 * `bench:table:<rows>` and `bench:paragraph:<bytes>` with one block of that kind, the shapes
 * where a streaming renderer cannot keep finished blocks; ` every:<ms>ms` after either streams
 * it five characters at a time, one piece every `<ms>` milliseconds.
 */
export function answerFor(messages: readonly WireMessage[]): Answer {
  const question = messages.at(-1)?.content ?? '';
  if (question.startsWith(ECHO_PREFIX)) {
    return { text: question.slice(ECHO_PREFIX.length).trimStart(), citedResources: [] };
  }
  const bench = BENCH_COMMAND.exec(question.trim());
  if (bench) {
    const [, shape = 'mixed', size, everyMs] = bench;
    const text = benchShapes[shape as BenchShape](Math.min(Number(size), BENCH_MAX_BYTES));
    return {
      text,
      citedResources: [],
      ...(everyMs && { pace: { characters: PACED_CHUNK_CHARACTERS, everyMs: Number(everyMs) } }),
    };
  }
  const topic = TOPICS.find(({ pattern }) => pattern.test(question));
  if (topic) return { text: topic.text, citedResources: topic.citedResources };
  return { text: fallback(question, messages), citedResources: [] };
}

function fallback(question: string, messages: readonly WireMessage[]): string {
  const turn = messages.filter(({ role }) => role === 'user').length;
  return [
    question
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
    '',
    `I don't know about that yet. This is turn ${turn} of our conversation.`,
    '',
    'You can ask me about **pricing**, **installing** the widget, its **features**, or the **languages** it speaks.',
  ].join('\n');
}

/**
 * A long markdown reply of about `bytes` bytes, for benchmarks: numbered sections that
 * cycle through headings, paragraphs with inline markup, lists, code and tables, so a
 * streaming renderer meets every kind of block many times. It stops at the first section
 * boundary past `bytes`, and has no randomness: a size always gives the same text.
 * `firstSection` shifts the cycle, so documents of a stored conversation differ.
 */
export function benchDocument(bytes: number, firstSection = 1): string {
  const sections: string[] = [];
  for (let n = firstSection, length = 0; length < bytes; n++) {
    const section = benchSection(n);
    sections.push(section);
    length += section.length + 2;
  }
  return sections.join('\n\n');
}

function benchSection(n: number): string {
  switch (n % 5) {
    case 0:
      return `## Section ${n}\n\nThis part explains step ${n} of the setup, in plain words and short sentences.`;
    case 1:
      return `Set **option ${n}** with \`data-option-${n}="on"\`, then read the [guide to option ${n}](https://example.com/docs/${n}) for the details that matter.`;
    case 2:
      return `- The launcher opens the panel (${n})\n- Replies stream in as they are written\n- The conversation survives a reload`;
    case 3:
      return `\`\`\`ts\nconst widget = mount({ botId: 'demo-${n}' });\nwidget.on('message', (reply) => console.log(reply.content));\nawait widget.send('Hello');\n\`\`\``;
    default:
      return `| Step | Value | Note |\n| --- | ---: | --- |\n| ${n} | ${n * 7} | first |\n| ${n + 1} | ${(n + 1) * 7} | second |`;
  }
}

/** The shapes of reply a benchmark can ask for. */
export type BenchShape = 'mixed' | 'code' | 'table' | 'paragraph';

/** Each shape's document, from its size: bytes, or rows for a table. */
export const benchShapes: Record<BenchShape, (size: number) => string> = {
  mixed: (bytes) => benchDocument(bytes),
  code: benchCodeBlock,
  table: benchTable,
  paragraph: benchParagraph,
};

/** One fenced code block of about `bytes` bytes: numbered lines of TypeScript. */
export function benchCodeBlock(bytes: number): string {
  const lines: string[] = [];
  for (let n = 1, length = 0; length < bytes; n++) {
    const line = `const option${n} = widget.configure({ step: ${n}, label: 'step ${n}' });`;
    lines.push(line);
    length += line.length + 1;
  }
  return ['```ts', ...lines, '```'].join('\n');
}

/** One table of `rows` rows under a header. */
export function benchTable(rows: number): string {
  const lines = ['| Step | Value | Note |', '| --- | ---: | --- |'];
  for (let n = 1; n <= rows; n++) lines.push(`| ${n} | ${n * 7} | row **${n}** of the table |`);
  return lines.join('\n');
}

/** One paragraph of about `bytes` bytes, inline markup all along it. */
export function benchParagraph(bytes: number): string {
  const sentences: string[] = [];
  for (let n = 1, length = 0; length < bytes; n++) {
    const sentence = `Sentence ${n} has *some* **inline** \`markup\` and a [link](https://example.com/${n}).`;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(' ');
}
