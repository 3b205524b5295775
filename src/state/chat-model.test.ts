import { describe, expect, test, vi } from 'vitest';
import type { ChatRequest } from '../api/client';
import { ChatError } from '../api/errors';
import type { ChatEvent } from '../api/types';
import { createChatModel, type ChatModelConfig, type ChatStatus } from './chat-model';
import { maxReplyLength } from './length-cap';
import type { ChatMessage, MessageStatus } from './types';

const citations = [{ id: 'kb-1', url: 'https://docs.example/hours', title: 'Hours' }];

/** How the fake agent answers one request. */
type Reply = (request: ChatRequest) => AsyncGenerator<ChatEvent>;

/** Answers in two pieces, then names its sources. */
async function* answers(): AsyncGenerator<ChatEvent> {
  yield { type: 'text', delta: 'Nine ' };
  yield { type: 'text', delta: 'to five.' };
  yield { type: 'sources', citedResources: citations };
}

/** Writes a few words, then waits until the request is aborted, as fetch does. */
async function* hangsAfterWords({ signal }: ChatRequest): AsyncGenerator<ChatEvent> {
  yield { type: 'text', delta: 'Nine to' };
  await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** Writes a few words, then loses its connection, as a stream does when the browser cancels its fetch. */
async function* breaksAfterWords(): AsyncGenerator<ChatEvent> {
  yield { type: 'text', delta: 'Nine to' };
  throw new ChatError({ type: 'cut', detail: 'TypeError: Load failed' });
}

/** Fails before a word, as fetch does when the browser cancels it. */
async function* breaksBeforeWords(): AsyncGenerator<ChatEvent> {
  throw new TypeError('NetworkError when attempting to fetch resource.');
}

/** Writes a few words, then fails with HTTP `status`. */
function failsAfterWords(status: number): Reply {
  return async function* () {
    yield { type: 'text', delta: 'Nine to' };
    throw new ChatError({ type: 'http', status });
  };
}

/** A store in memory: what was last saved is what loads. */
function memoryStore(
  initial: ChatMessage[] = [],
): ChatModelConfig['store'] & { saved: readonly ChatMessage[]; clears: number } {
  const store = {
    saved: initial as readonly ChatMessage[],
    clears: 0,
    load: () => [...store.saved],
    save(messages: readonly ChatMessage[]) {
      store.saved = messages;
    },
    clear() {
      store.saved = [];
      store.clears += 1;
    },
  };
  return store;
}

interface Setup extends Pick<ChatModelConfig, 'onReplyStart' | 'onReplyText' | 'onReply' | 'onFeedback' | 'onError'> {
  /** How the agent answers each request in turn; the last one repeats. */
  replies?: Reply[];
  /** The conversation in the store at creation. */
  stored?: ChatMessage[];
}

/** A model over a fake transport that records every request it gets. */
function setup({ replies = [answers], stored = [], ...callbacks }: Setup = {}) {
  const requests: ChatRequest[] = [];
  const store = memoryStore(stored);
  const model = createChatModel({
    transport(request) {
      requests.push(request);
      const reply = replies[Math.min(requests.length, replies.length) - 1] ?? answers;
      return reply(request);
    },
    store,
    ...callbacks,
  });
  return { model, requests, store };
}

function message(id: string, role: ChatMessage['role'], content: string, status: MessageStatus = 'done'): ChatMessage {
  return { id, role, content, status, citedResources: [] };
}

describe('send', () => {
  test("adds the visitor's turn and a reply that fills in as the words arrive", async () => {
    const { model } = setup();
    const replies: [string, MessageStatus][] = [];
    const unsubscribe = model.messages.subscribe((messages) => {
      const last = messages.at(-1);
      if (last?.role === 'assistant') replies.push([last.content, last.status]);
    });
    await model.send('  Opening hours?  ');
    unsubscribe();
    // The first words show at once; words arriving within 50 ms of them wait for the next step.
    expect(replies).toEqual([
      ['', 'streaming'],
      ['Nine ', 'streaming'],
      ['Nine ', 'streaming'],
      ['Nine to five.', 'streaming'],
      ['Nine to five.', 'done'],
    ]);
    expect(model.messages.value).toMatchObject([
      { role: 'user', content: 'Opening hours?', status: 'done', citedResources: [] },
      { role: 'assistant', content: 'Nine to five.', status: 'done', citedResources: citations },
    ]);
  });

  test('goes from ready to submitted to streaming and back to ready', async () => {
    const { model } = setup();
    const seen: ChatStatus[] = [];
    const unsubscribe = model.status.subscribe((status) => seen.push(status));
    await model.send('Opening hours?');
    unsubscribe();
    expect(seen).toEqual(['ready', 'submitted', 'streaming', 'ready']);
  });

  test('sends the whole conversation oldest first, ending with the new turn, without failed or empty replies', async () => {
    const stored = [
      message('u1', 'user', 'Hi'),
      message('a1', 'assistant', 'Hello!'),
      message('u2', 'user', 'Opening hours?'),
      message('a2', 'assistant', '', 'stopped'),
      message('u3', 'user', 'Opening hours, please?'),
      message('a3', 'assistant', 'Nine t', 'stopped'),
      message('u4', 'user', 'And Sundays?'),
      { ...message('a4', 'assistant', 'Clo', 'error'), error: { type: 'http', status: 500 } },
    ] satisfies ChatMessage[];
    const { model, requests } = setup({ stored });
    await model.send('Sundays?');
    expect(requests.map((request) => request.messages)).toEqual([
      [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Opening hours?' },
        { role: 'user', content: 'Opening hours, please?' },
        { role: 'assistant', content: 'Nine t' },
        { role: 'user', content: 'And Sundays?' },
        { role: 'user', content: 'Sundays?' },
      ],
    ]);
  });

  test('sends nothing for whitespace-only text', async () => {
    const { model, requests } = setup();
    await model.send(' \n\t ');
    expect(requests).toEqual([]);
    expect(model.messages.value).toEqual([]);
  });

  test('ignores sends while a reply is on its way: ten rapid sends make one request', async () => {
    const { model, requests } = setup();
    await Promise.all(Array.from({ length: 10 }, (_, i) => model.send(`Hello ${i}`)));
    expect(requests).toHaveLength(1);
    expect(model.messages.value.map(({ role, content }) => [role, content])).toEqual([
      ['user', 'Hello 0'],
      ['assistant', 'Nine to five.'],
    ]);
  });

  test('saves the finished turn to the store', async () => {
    const { model, store } = setup();
    await model.send('Opening hours?');
    expect(store.saved).toEqual(model.messages.value);
    expect(store.saved.at(-1)).toMatchObject({ status: 'done', content: 'Nine to five.' });
  });

  test('hands the finished reply to onReply', async () => {
    const onReply = vi.fn();
    const { model } = setup({ onReply });
    await model.send('Opening hours?');
    expect(onReply).toHaveBeenCalledOnce();
    expect(onReply).toHaveBeenCalledWith(model.messages.value.at(-1));
    expect(onReply.mock.lastCall?.[0]).toMatchObject({ role: 'assistant', content: 'Nine to five.', status: 'done' });
  });

  test('reports the reply as it starts, then its text, which adds up to the whole reply', async () => {
    const onReplyStart = vi.fn();
    const deltas: string[] = [];
    const { model } = setup({ onReplyStart, onReplyText: (reply, delta) => deltas.push(delta) });
    await model.send('Opening hours?');
    const reply = model.messages.value.at(-1);
    expect(onReplyStart).toHaveBeenCalledOnce();
    expect(onReplyStart.mock.lastCall?.[0]).toMatchObject({
      id: reply?.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    expect(deltas.join('')).toBe('Nine to five.');
  });
});

describe('feedback', () => {
  test('keeps a rating with the reply, stores it, reports it, and takes it back', async () => {
    const onFeedback = vi.fn();
    const { model, store } = setup({ onFeedback });
    await model.send('Opening hours?');
    const replyId = model.messages.value.at(-1)?.id ?? '';

    model.rate(replyId, 'up');
    expect(model.messages.value.at(-1)?.feedback).toBe('up');
    expect(store.saved.at(-1)?.feedback).toBe('up');
    expect(onFeedback).toHaveBeenLastCalledWith(model.messages.value.at(-1));

    model.rate(replyId, 'down');
    expect(store.saved.at(-1)?.feedback).toBe('down');
    model.rate(replyId, undefined);
    expect(model.messages.value.at(-1)).not.toHaveProperty('feedback');
    expect(store.saved.at(-1)).not.toHaveProperty('feedback');
    expect(onFeedback).toHaveBeenCalledTimes(3);
  });

  test("ignores ratings of the visitor's turns, of failed replies, and ratings that change nothing", async () => {
    const onFeedback = vi.fn();
    const { model } = setup({ onFeedback, replies: [answers, failsAfterWords(500)] });
    await model.send('Opening hours?');
    await model.send('And on Sunday?');
    const [question, answer, , failed] = model.messages.value;
    model.rate(question?.id ?? '', 'up');
    model.rate(failed?.id ?? '', 'down');
    model.rate(answer?.id ?? '', 'up');
    model.rate(answer?.id ?? '', 'up');
    expect(onFeedback).toHaveBeenCalledOnce();
    expect(model.messages.value.map((message) => message.feedback)).toEqual([undefined, 'up', undefined, undefined]);
  });
});

describe('the conversation', () => {
  test('starts with the messages in the store', () => {
    const earlier = [message('u1', 'user', 'Hi'), message('a1', 'assistant', 'Hello!')];
    const { model } = setup({ stored: earlier });
    expect(model.messages.value).toEqual(earlier);
    expect(model.status.value).toBe('ready');
  });
});

describe('stop', () => {
  test('aborts the request and keeps the partial reply as stopped', async () => {
    const onReply = vi.fn();
    const { model, requests, store } = setup({ replies: [hangsAfterWords], onReply });
    const sending = model.send('Opening hours?');
    await vi.waitFor(() => expect(model.messages.value.at(-1)?.content).toBe('Nine to'));
    model.stop();
    await sending;
    expect(requests[0]?.signal.aborted).toBe(true);
    expect(model.messages.value.at(-1)).toMatchObject({ role: 'assistant', content: 'Nine to', status: 'stopped' });
    expect(model.messages.value.at(-1)?.error).toBeUndefined();
    expect(model.status.value).toBe('ready');
    expect(store.saved.at(-1)).toMatchObject({ status: 'stopped' });
    expect(onReply).toHaveBeenCalledWith(expect.objectContaining({ status: 'stopped' }));
  });
});

describe('a failed reply', () => {
  test('keeps its partial text, records the error, reports it and can be retried', async () => {
    const onError = vi.fn();
    const { model } = setup({ replies: [failsAfterWords(500)], onError });
    await model.send('Opening hours?');
    const reply = model.messages.value.at(-1);
    expect(reply).toMatchObject({
      role: 'assistant',
      content: 'Nine to',
      status: 'error',
      error: { type: 'http', status: 500 },
    });
    expect(model.status.value).toBe('ready');
    expect(onError).toHaveBeenCalledExactlyOnceWith({ type: 'http', status: 500 }, reply);
    expect(model.retryableId.value).toBe(reply?.id);
  });

  test("is sent again by retry, without repeating the visitor's turn", async () => {
    const { model, requests } = setup({ replies: [failsAfterWords(500), answers] });
    await model.send('Opening hours?');
    const failed = model.messages.value.at(-1);
    await model.retry();
    expect(requests.map((request) => request.messages)).toEqual([
      [{ role: 'user', content: 'Opening hours?' }],
      [{ role: 'user', content: 'Opening hours?' }],
    ]);
    expect(model.messages.value).toMatchObject([
      { role: 'user', content: 'Opening hours?' },
      { role: 'assistant', content: 'Nine to five.', status: 'done' },
    ]);
    expect(model.messages.value.map((message) => message.id)).not.toContain(failed?.id);
    expect(model.retryableId.value).toBeUndefined();
  });

  test('is not retryable after a 401', async () => {
    const { model, requests } = setup({ replies: [failsAfterWords(401)] });
    await model.send('Opening hours?');
    const before = model.messages.value;
    expect(model.retryableId.value).toBeUndefined();
    await model.retry();
    expect(requests).toHaveLength(1);
    expect(model.messages.value).toBe(before);
  });
});

describe('reset', () => {
  test('aborts the reply in flight, empties the conversation and clears the store', async () => {
    const onReply = vi.fn();
    const { model, requests, store } = setup({ replies: [hangsAfterWords], onReply });
    const sending = model.send('Opening hours?');
    await vi.waitFor(() => expect(model.status.value).toBe('streaming'));
    model.reset();
    expect(requests[0]?.signal.aborted).toBe(true);
    expect(model.messages.value).toEqual([]);
    expect(model.status.value).toBe('ready');
    expect(store.clears).toBe(1);
    await sending;
    expect(model.messages.value).toEqual([]);
    expect(store.saved).toEqual([]);
    expect(onReply).not.toHaveBeenCalled();
  });
});

describe('limits and timing', () => {
  test('cuts a runaway reply at the length it keeps, and marks it', async () => {
    const { model } = setup({
      replies: [
        async function* () {
          for (let i = 0; i < 30; i++) yield { type: 'text', delta: 'x'.repeat(maxReplyLength / 10) };
        },
      ],
    });
    await model.send('Go on forever');
    const reply = model.messages.value.at(-1)!;
    expect(reply.content).toHaveLength(maxReplyLength);
    expect(reply).toMatchObject({ status: 'done', isTruncated: true });
  });

  test('after a 429 with Retry-After, retry waits until the agent said it may', async () => {
    vi.useFakeTimers();
    try {
      const rateLimited: Reply = async function* () {
        throw new ChatError({ type: 'http', status: 429, retryAfter: 3 });
      };
      const { model, requests } = setup({ replies: [rateLimited, answers] });
      await model.send('Hello');
      expect(model.messages.value.at(-1)?.retryAt).toBe(Date.now() + 3000);
      await model.retry();
      expect(requests).toHaveLength(1);
      vi.advanceTimersByTime(3000);
      await model.retry();
      expect(requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('other tabs and leaving the page', () => {
  test('takes in what another tab stored, keeping its own reply still in flight', async () => {
    const { model } = setup({ replies: [hangsAfterWords] });
    const sending = model.send('Hours?');
    await vi.waitFor(() => expect(model.messages.value.at(-1)?.content).toBe('Nine to'));
    const [turn, reply] = model.messages.value;
    model.sync([turn!, { ...reply!, content: 'Ni' }, message('other-1', 'user', 'From the other tab')]);
    expect(model.messages.value.map((each) => each.content)).toEqual(['Hours?', 'Nine to', 'From the other tab']);
    model.stop();
    await sending;
  });

  test('empties the conversation when another tab started a new one', () => {
    const { model } = setup({ stored: [message('u1', 'user', 'Hi')] });
    model.sync(null);
    expect(model.messages.value).toEqual([]);
  });

  test('stores a reply in flight when the page goes away, and nothing after', async () => {
    const { model, store } = setup({ replies: [hangsAfterWords] });
    const sending = model.send('Hours?');
    await vi.waitFor(() => expect(model.messages.value.at(-1)?.content).toBe('Nine to'));
    model.leave();
    expect(store.saved.at(-1)).toMatchObject({ content: 'Nine to', status: 'streaming' });
    model.stop();
    await sending;
    expect(store.saved.at(-1)).toMatchObject({ status: 'streaming' });
  });
});

describe('regenerate and edit', () => {
  test('regenerate replaces the last reply, and the agent gets the conversation without it', async () => {
    const { model, requests } = setup({
      stored: [message('u1', 'user', 'Hours?'), message('a1', 'assistant', 'Nine to')],
    });
    await model.regenerate('a1');
    expect(requests.map(({ messages }) => messages)).toEqual([[{ role: 'user', content: 'Hours?' }]]);
    expect(model.messages.value.map(({ content }) => content)).toEqual(['Hours?', 'Nine to five.']);
  });

  test('regenerate asks nothing for a reply that is not the last one, or while a reply streams', async () => {
    const stored = [
      message('u1', 'user', 'Hours?'),
      message('a1', 'assistant', 'Nine'),
      message('u2', 'user', 'Days?'),
      message('a2', 'assistant', 'Every day'),
    ];
    const { model, requests } = setup({ stored, replies: [hangsAfterWords] });
    await model.regenerate('a1');
    expect(requests).toHaveLength(0);
    void model.regenerate('a2');
    await model.regenerate('a2');
    expect(requests).toHaveLength(1);
    model.stop();
  });

  test('edit replaces the last visitor message and its reply, and the agent gets the conversation as edited', async () => {
    const stored = [
      message('u1', 'user', 'Hours?'),
      message('a1', 'assistant', 'Nine to five.'),
      message('u2', 'user', 'Dyas?'),
      message('a2', 'assistant', 'Pardon?'),
    ];
    const { model, requests } = setup({ stored });
    await model.edit('u1', 'Not the last one');
    expect(requests).toHaveLength(0);
    await model.edit('u2', 'Days?');
    expect(requests[0]?.messages).toEqual([
      { role: 'user', content: 'Hours?' },
      { role: 'assistant', content: 'Nine to five.' },
      { role: 'user', content: 'Days?' },
    ]);
    expect(model.messages.value.map(({ content }) => content)).toEqual([
      'Hours?',
      'Nine to five.',
      'Days?',
      'Nine to five.',
    ]);
  });

  test('leave names the reply it cut, and none when nothing was in flight', async () => {
    const { model } = setup({ replies: [hangsAfterWords] });
    void model.send('Hours?');
    await vi.waitFor(() => expect(model.messages.value.at(-1)?.content).toBe('Nine to'));
    expect(model.leave()).toBe(model.messages.value.at(-1)?.id);
    model.stop();
    await vi.waitFor(() => expect(model.status.value).toBe('ready'));
    expect(model.leave()).toBeUndefined();
  });

  test('leave names a reply whose connection broke just before, as Firefox and Safari break it when a navigation starts', async () => {
    vi.useFakeTimers();
    try {
      const { model } = setup({ replies: [breaksBeforeWords, breaksAfterWords, failsAfterWords(500)] });
      await model.send('Hours?');
      const broken = model.messages.value.at(-1);
      expect(broken).toMatchObject({ status: 'error', error: { type: 'network' } });
      expect(model.leave()).toBe(broken?.id);
      model.resume();
      vi.advanceTimersByTime(5000);
      expect(model.leave(), 'broken long before the page left').toBeUndefined();

      model.resume();
      await model.retry();
      const cut = model.messages.value.at(-1);
      expect(cut).toMatchObject({ status: 'error', error: { type: 'cut' } });
      expect(model.leave()).toBe(cut?.id);
      model.resume();
      await model.retry();
      expect(model.messages.value.at(-1)?.error?.type).toBe('http');
      expect(model.leave(), 'an answer that failed is no cut').toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  test('leave names no reply the visitor stopped', async () => {
    const { model } = setup({ replies: [hangsAfterWords] });
    const sending = model.send('Hours?');
    await vi.waitFor(() => expect(model.messages.value.at(-1)?.content).toBe('Nine to'));
    model.stop();
    await sending;
    expect(model.leave()).toBeUndefined();
  });
});
