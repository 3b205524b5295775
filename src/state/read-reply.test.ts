import { expect, test } from 'vitest';
import type { ChatRequest, ChatTransport } from '../api/client';
import { ChatError } from '../api/errors';
import type { ChatEvent } from '../api/types';
import { readReply } from './read-reply';

const citations = [{ id: 'kb-1', url: 'https://docs.example/hours', title: 'Hours' }];

/** A transport answering with `events`, which keeps every request it gets. */
function transportOf(
  events: (request: ChatRequest) => AsyncGenerator<ChatEvent>,
): ChatTransport & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return Object.assign((request: ChatRequest) => (requests.push(request), events(request)), { requests });
}

/** Rejects with the signal's reason once it is aborted (or at once if it is), as fetch does. */
function untilAborted(signal: AbortSignal): Promise<never> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

/** A sink that keeps the text and the sources, and says the reply is cut past `cap` characters. */
function sink(cap = Infinity) {
  const seen = { text: '', sources: [] as unknown[] };
  return {
    seen,
    onText(text: string) {
      seen.text += text;
      return seen.text.length > cap;
    },
    onSources(citedResources: unknown[]) {
      seen.sources.push(...citedResources);
    },
  };
}

test('asks for the reply to the messages, with the signal of the controller', async () => {
  const transport = transportOf(async function* () {});
  const controller = new AbortController();
  await readReply(transport, [{ role: 'user', content: 'Hours?' }], controller, sink());
  expect(transport.requests).toEqual([{ messages: [{ role: 'user', content: 'Hours?' }], signal: controller.signal }]);
});

test('hands on the whole text and the sources, and ends done', async () => {
  const transport = transportOf(async function* () {
    yield { type: 'text', delta: 'Nine ' };
    yield { type: 'text', delta: 'to five.' };
    yield { type: 'sources', citedResources: citations };
  });
  const to = sink();
  expect(await readReply(transport, [], new AbortController(), to)).toBe('done');
  expect(to.seen).toEqual({ text: 'Nine to five.', sources: citations });
});

test('ends stopped when the controller aborts, with the text that arrived before', async () => {
  const controller = new AbortController();
  const transport = transportOf(async function* ({ signal }) {
    yield { type: 'text', delta: 'Nine to' };
    controller.abort();
    await untilAborted(signal);
  });
  const to = sink();
  expect(await readReply(transport, [], controller, to)).toBe('stopped');
  expect(to.seen.text).toBe('Nine to');
});

test('ends with the error of a failed reply, keeping the text that arrived before', async () => {
  const transport = transportOf(async function* () {
    yield { type: 'text', delta: 'Nine to' };
    throw new ChatError({ type: 'http', status: 503 });
  });
  const to = sink();
  const ending = await readReply(transport, [], new AbortController(), to);
  expect(ending).toBeInstanceOf(ChatError);
  expect(ending).toMatchObject({ type: 'http', status: 503 });
  expect(to.seen.text).toBe('Nine to');
});

test('a reply cut at its cap ends cut, not stopped or failed, and its request is aborted', async () => {
  const controller = new AbortController();
  const transport = transportOf(async function* ({ signal }) {
    yield { type: 'text', delta: 'Far too long' };
    await untilAborted(signal);
  });
  expect(await readReply(transport, [], controller, sink(5))).toBe('cut');
  expect(controller.signal.aborted).toBe(true);
});

test('a reply cut by its very last words ends cut too', async () => {
  const controller = new AbortController();
  const transport = transportOf(async function* () {
    yield { type: 'text', delta: 'Fine' };
    yield { type: 'text', delta: ', and then far too long' };
  });
  expect(await readReply(transport, [], controller, sink(5))).toBe('cut');
});
