import { writeFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { Marked } from 'marked';
import { agentOrigin, botId, openPage, pageOrigin, preloadMarkdown, widgetPage } from './bench-page.ts';
import { entriesSince, longTasksSince, mainThread, settle } from './measure.ts';
import { createBusyMeter, startTaskTrace } from './trace.ts';

/**
 * What the paced scenarios compare, each inline in the same 420 x 640 box: the two chat
 * widgets, and two floors, with no markdown, no framework and no widget. `reading alone`:
 * the page reads the same stream and keeps its text, showing nothing; what receiving a
 * chunk every 20 ms costs before anything is drawn. `plain text`: it also appends each
 * chunk's text to one element kept scrolled to its end; the same DOM growth, done the
 * simplest way.
 */
export type Contender = 'tinytalk' | 'deep-chat' | 'plain text' | 'reading alone';

/** What one paced, throttled stream cost. */
export interface PacedMeasurement {
  /** From sending the question until the reply is shown and the page settled. */
  wallMs: number;
  /** Main-thread busy time (tasks' wall time) as a share of `wallMs`, in %. */
  busyPct: number;
  longTasks: number;
  longestTaskMs: number;
  /**
   * Long animation frames: each one a moment the page could not show a frame for over
   * 50 ms (or a task that long). Counted without a frame recorder, whose rAF loop would make
   * the page render every 16.7 ms and cost a throttled thread 12 to 14 % of its time by itself.
   */
  longFrames: number;
  /**
   * Main-thread time per network read of the reply (what one chunk, one update, costs),
   * median over the first, middle and last tenth of the reads (see {@link updateCosts}).
   */
  updateMs: { start: number; middle: number; end: number; all: number };
  networkReads: number;
}

export type PacedResult = { finished: true; measured: PacedMeasurement } | { finished: false; limitS: number };

/** The box the contenders show in, inline on the host page: a narrow phone's panel. */
const boxStyle = '#chat-target, deep-chat { display: block; width: 420px; height: 640px; }';
/** The floor's box scrolls its text itself. */
const plainTextStyle = '#chat-target { overflow: auto; white-space: pre-wrap; }';

/**
 * Opens the host page with the contender inline in it, and waits until it takes a question.
 * (The page comes from the test server: a page fulfilled by the bench itself may not call a
 * loopback address, the agent.)
 */
async function ready(page: Page, contender: Contender): Promise<void> {
  if (contender === 'tinytalk') {
    await page.goto(widgetPage({ target: '#chat-target' }));
    await page.addStyleTag({ content: boxStyle });
    await page.locator('tinytalk-chat').getByRole('textbox', { name: 'Message' }).waitFor();
    await preloadMarkdown(page);
  } else {
    await page.goto(`${pageOrigin}/script-tag`);
    await page.addStyleTag({ content: boxStyle });
    await page.evaluate(installStreamReader, { url: `${agentOrigin}/v1/chat/completions`, botId });
    if (contender === 'plain text') {
      await page.addStyleTag({ content: plainTextStyle });
      await page.evaluate(setUpPlainText);
    } else if (contender === 'reading alone') {
      await page.evaluate(setUpReadingAlone);
    } else {
      await page.evaluate(setUpDeepChat);
      await page.waitForFunction(() => document.querySelector('deep-chat')?.shadowRoot?.querySelector('#input'));
    }
  }
  await settle(page);
}

interface DeepChatElement extends HTMLElement {
  connect: unknown;
  submitUserMessage(message: { text: string }): void;
  getMessages(): { text?: string }[];
}

/** What the page setups below add to the page. */
interface BenchWindow {
  /** Asks the agent for `messages`, streamed, and hands on each event's text; resolves at the end. */
  benchReadStream(messages: { role: string; content: string }[], onText: (text: string) => unknown): Promise<void>;
  /** Asks a floor (`reading alone`, `plain text`) `question`; resolves with the text it read. */
  benchAskFloor(question: string): Promise<string>;
  benchReplyDone?: () => void;
}

/**
 * Runs in the page: the SSE reading the widget does (fetch, decode, split events), for the
 * contenders without their own: deep-chat's handler and the plain-text floor.
 */
function installStreamReader({ url, botId }: { url: string; botId: string }): void {
  (window as unknown as BenchWindow).benchReadStream = async (messages, onText) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ botId, messages, stream: true }),
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const events = (buffer + value).split('\n\n');
      buffer = events.pop() ?? '';
      for (const event of events) {
        const data = event
          .split('\n')
          .find((line) => line.startsWith('data: '))
          ?.slice(6);
        if (!data || data === '[DONE]') continue;
        const text = (JSON.parse(data) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta
          ?.content;
        if (text) await onText(text);
      }
    }
  };
}

/**
 * Runs in the page: the floor. Each chunk's text is appended to one text node, and the box
 * follows its end once a frame: no layout is forced, and nothing but the text changes.
 */
function setUpPlainText(): void {
  const box = document.querySelector<HTMLElement>('#chat-target')!;
  const text = box.appendChild(document.createTextNode(''));
  const page = window as unknown as BenchWindow;
  let frame = 0;
  page.benchAskFloor = async (question) => {
    await page.benchReadStream([{ role: 'user', content: question }], (chunk) => {
      text.appendData(chunk);
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        box.scrollTop = box.scrollHeight;
      });
    });
    return text.data;
  };
}

/** Runs in the page: the first floor. The text is kept, and nothing is shown. */
function setUpReadingAlone(): void {
  const page = window as unknown as BenchWindow;
  page.benchAskFloor = async (question) => {
    let text = '';
    await page.benchReadStream([{ role: 'user', content: question }], (chunk) => {
      text += chunk;
    });
    return text;
  };
}

/** Runs in the page: deep-chat, with its own markdown rendering, fed by the stream reader. */
async function setUpDeepChat(): Promise<void> {
  await import('/node_modules/deep-chat/dist/deepChat.bundle.js' as string);
  const chat = document.createElement('deep-chat') as DeepChatElement;
  const page = window as unknown as BenchWindow;
  interface Signals {
    onOpen(): void;
    onResponse(response: { text: string }): Promise<void>;
    onClose(): void;
  }
  chat.connect = {
    stream: true,
    handler: async (body: { messages: { role: string; text: string }[] }, signals: Signals) => {
      const messages = body.messages.map(({ role, text }) => ({
        role: role === 'ai' ? 'assistant' : 'user',
        content: text,
      }));
      signals.onOpen();
      await page.benchReadStream(messages, (text) => signals.onResponse({ text }));
      signals.onClose();
      page.benchReplyDone?.();
    },
  };
  document.querySelector('#chat-target')!.replaceWith(chat);
}

/**
 * Sends `question` and resolves with the reply's text as the contender holds it, or null
 * after `limitMs`. The limit is kept here, not by a timer in the page: a page whose main
 * thread never rests (deep-chat's 80 KB stream at 6x) ran its timer only after 12 minutes.
 */
async function askInPage(page: Page, contender: Contender, question: string, limitMs: number): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((done) => (timer = setTimeout(() => done(null), limitMs)));
  const reply = askedInPage(page, contender, question);
  // Past the limit, the page closes under the pending question: that failure is no news.
  reply.catch(() => {});
  try {
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function askedInPage(page: Page, contender: Contender, question: string): Promise<string> {
  return page.evaluate(
    ({ contender, question }) => {
      let reply: Promise<string>;
      if (contender === 'tinytalk') {
        const widget = window.TinyTalk?.instance;
        if (!widget) throw new Error('The widget is not mounted');
        reply = new Promise((done, fail) => {
          widget.on('message', (message) => done(message.content));
          widget.on('error', (error) => fail(new Error(`The widget failed: ${error.message}`)));
        });
        void widget.send(question);
      } else if (contender === 'plain text' || contender === 'reading alone') {
        reply = (window as unknown as BenchWindow).benchAskFloor(question);
      } else {
        const chat = document.querySelector('deep-chat') as DeepChatElement;
        reply = new Promise((done) => {
          (window as unknown as BenchWindow).benchReplyDone = () => done(chat.getMessages().at(-1)?.text ?? '');
        });
        chat.submitUserMessage({ text: question });
      }
      return reply;
    },
    { contender, question },
  );
}

/**
 * Streams `question`'s reply into `contender` with the CPU throttled `throttle` times, and
 * measures it; a contender still streaming after `limitS` seconds did not finish.
 * Throws when the reply shown is not the whole of `expected`.
 */
export async function measurePaced(
  browser: Browser,
  {
    contender,
    question,
    expected,
    throttle,
    limitS,
  }: { contender: Contender; question: string; expected: string; throttle: number; limitS: number },
): Promise<PacedResult> {
  const { page, cdp, close } = await openPage(browser);
  try {
    await ready(page, contender);
    const reads = await watchReads(cdp);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    // `BENCH_TRACE_DIR=<folder>`: where the time goes, as a trace and a CPU profile.
    const saveTo =
      process.env.BENCH_TRACE_DIR && `${process.env.BENCH_TRACE_DIR}/${contender}-${question.replace(/\W+/g, '-')}`;
    const trace = await startTaskTrace(cdp, saveTo ? { saveTo: `${saveTo}.json` } : {});
    const profile = saveTo ? await startProfile(cdp, `${saveTo}.cpuprofile`) : undefined;
    const since = await page.evaluate(() => performance.now());
    const before = await mainThread(cdp);
    const start = Date.now();
    const reply = await askInPage(page, contender, question, limitS * 1000);
    if (reply === null) return { finished: false, limitS };
    await settle(page);
    const wallMs = Date.now() - start;
    const after = await mainThread(cdp);
    await profile?.stop();
    const busy = await trace.stop();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    if (reply !== expected)
      throw new Error(`${contender}: the reply has ${reply.length} characters, not ${expected.length}`);
    // The first floor shows nothing: its reply, checked above, is all there is.
    if (contender !== 'reading alone') await checkShown(page, contender, expected);
    const { longTasks, longestTaskMs } = await longTasksSince(page, since);
    const longFrames = await entriesSince(page, 'longFrames', since);
    return {
      finished: true,
      measured: {
        wallMs,
        busyPct: (100 * (after.busyMs - before.busyMs)) / wallMs,
        longTasks,
        longestTaskMs,
        longFrames: longFrames.length,
        updateMs: updateCosts(reads, Math.ceil(expected.length / 5), createBusyMeter(busy)),
        networkReads: reads.length,
      },
    };
  } finally {
    await close();
  }
}

/** A sampling CPU profile of the page, written to `path` when stopped: which functions the script time went to. */
export async function startProfile(cdp: CDPSession, path: string): Promise<{ stop(): Promise<void> }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(path, JSON.stringify(profile));
    },
  };
}

/** One network read of the reply's body: when (ms, the trace's clock) and how many bytes. */
interface Read {
  time: number;
  bytes: number;
}

/** The reads of the reply's body, as they reach the page; the array fills as they come. */
async function watchReads(cdp: CDPSession): Promise<Read[]> {
  const reads: Read[] = [];
  const replyRequests = new Set<string>();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (request.method === 'POST' && request.url.endsWith('/v1/chat/completions')) replyRequests.add(requestId);
  });
  cdp.on('Network.dataReceived', ({ requestId, timestamp, dataLength }) => {
    if (replyRequests.has(requestId)) reads.push({ time: timestamp * 1000, bytes: dataLength });
  });
  return reads;
}

/**
 * Chunks are counted by bytes: a busy page reads the body late and gets several chunks in
 * one read, and a widget may gather chunks into one render. So the reads are grouped until
 * they hold five chunks (100 ms at the default pace) and each group's main-thread time is
 * split among the chunks it holds.
 */
const chunksPerUpdate = 5;

function updateCosts(
  reads: readonly Read[],
  chunkCount: number,
  busyBetween: (from: number, to: number) => number,
): PacedMeasurement['updateMs'] {
  const bytesPerChunk = reads.reduce((sum, { bytes }) => sum + bytes, 0) / chunkCount;
  const costs: number[] = [];
  let from = reads[0]?.time ?? 0;
  let chunks = 0;
  for (const { time, bytes } of reads.slice(1)) {
    chunks += bytes / bytesPerChunk;
    if (chunks < chunksPerUpdate) continue;
    costs.push(busyBetween(from, time) / chunks);
    from = time;
    chunks = 0;
  }
  const tenth = Math.max(1, Math.floor(costs.length / 10));
  const middle = Math.floor(costs.length / 2 - tenth / 2);
  return {
    start: median(costs.slice(0, tenth)),
    middle: median(costs.slice(middle, middle + tenth)),
    end: median(costs.slice(-tenth)),
    all: median(costs),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const bench = new Marked({ gfm: true });
const words = (text: string) => text.match(/[A-Za-z0-9]+/g) ?? [];
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * The words a visitor should see, in order, are all on the page: a contender that skipped
 * the last updates, or lost a chunk, fails here. (Extra words, such as a code block's
 * label or a button, are allowed in between.)
 */
async function checkShown(page: Page, contender: Exclude<Contender, 'reading alone'>, markdown: string): Promise<void> {
  const html = bench.parse(markdown, { async: false });
  const visible = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] ?? '');
  const expected = words(visible);
  // Table cells have no space between them in textContent: look for each word in order.
  const shown = words(
    await page.evaluate((tag) => {
      const element = document.querySelector(tag);
      return (element?.shadowRoot ?? element)?.textContent ?? '';
    }, { tinytalk: 'tinytalk-chat', 'deep-chat': 'deep-chat', 'plain text': '#chat-target' }[contender]),
  ).join(' ');
  let cursor = 0;
  let found = 0;
  for (const word of expected) {
    const at = shown.indexOf(word, cursor);
    if (at < 0) break;
    cursor = at + word.length;
    found++;
  }
  if (found < expected.length)
    throw new Error(
      `${contender}: the reply shows ${found} of its ${expected.length} words; next missing: "${expected[found]}"`,
    );
}
