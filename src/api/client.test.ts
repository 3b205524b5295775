import { describe, expect, test, vi } from 'vitest';
import { createChatClient, parseRetryAfter, type ChatClientConfig } from './client';
import { ChatError } from './errors';
import { chunk, drain, responseOf, textOf } from './streams.test-helpers';
import type { WireMessage } from './types';

const messages: WireMessage[] = [
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello! How can I help?' },
  { role: 'user', content: 'Opening hours?' },
];
const citations = [{ id: 'kb-1', url: 'https://docs.example/hours', title: 'Hours' }];
const streamed = [
  chunk('Nine '),
  chunk('to five.'),
  'data: [DONE]\n\n',
  `event: message_payload\ndata: ${JSON.stringify({ citedResources: citations })}\n\n`,
].join('');
const completion = JSON.stringify({
  object: 'chat.completion',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Nine to five.' }, finish_reason: 'stop' }],
  payload: { citedResources: citations },
});

type Respond = (init: RequestInit) => Response | Promise<Response>;

const sse = (): Response => responseOf(streamed, 'text/event-stream');
const json = (): Response => responseOf(completion, 'application/json');

/** Sends `messages` through a client whose fetch answers with `respond`; returns what went out and what came back. */
async function exchange(
  respond: Respond,
  config: Partial<ChatClientConfig> = {},
  signal = new AbortController().signal,
) {
  const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init = {}) => respond(init));
  const send = createChatClient({ apiBase: 'https://api.example', botId: 'bot-1', stream: true, fetch, ...config });
  const result = await drain(send({ messages, signal }));
  expect(fetch).toHaveBeenCalledOnce();
  const [url, init = {}] = fetch.mock.calls[0] ?? [];
  return {
    ...result,
    url: String(url),
    init,
    headers: Object.fromEntries(new Headers(init.headers)),
    body: JSON.parse(String(init.body)) as unknown,
  };
}

/** What fetch does with an aborted signal: reject with its reason. */
function rejectOnAbort(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

describe('the request', () => {
  test.each([
    ['https://api.example', 'https://api.example/v1/chat/completions'],
    ['https://api.example/', 'https://api.example/v1/chat/completions'],
    ['https://proxy.example/tinytalk//', 'https://proxy.example/tinytalk/v1/chat/completions'],
  ])('goes to /v1/chat/completions under %s', async (apiBase, expected) => {
    const { url } = await exchange(sse, { apiBase });
    expect(url).toBe(expected);
  });

  test('is a POST with only Content-Type and Accept: text/event-stream when streaming', async () => {
    const { init, headers } = await exchange(sse);
    expect(init.method).toBe('POST');
    expect(headers).toEqual({ 'content-type': 'application/json', accept: 'text/event-stream' });
  });

  test('accepts application/json when not streaming', async () => {
    const { headers } = await exchange(json, { stream: false });
    expect(headers).toEqual({ 'content-type': 'application/json', accept: 'application/json' });
  });

  test('carries the api-key header when a key is configured', async () => {
    const { headers } = await exchange(sse, { apiKey: 'secret-key' });
    expect(headers).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'api-key': 'secret-key',
    });
  });

  test('sends botId, the whole conversation and stream, and no model unless one is set', async () => {
    const { body } = await exchange(sse);
    expect(body).toEqual({ botId: 'bot-1', messages, stream: true });
  });

  test('sends stream: false rather than leaving it out', async () => {
    const { body } = await exchange(json, { stream: false });
    expect(body).toEqual({ botId: 'bot-1', messages, stream: false });
  });

  test('sends the model when one is set', async () => {
    const { body } = await exchange(sse, { model: 'gpt-4o-mini' });
    expect(body).toEqual({ botId: 'bot-1', messages, stream: true, model: 'gpt-4o-mini' });
  });

  test("hands the caller's signal to fetch", async () => {
    const signal = new AbortController().signal;
    const { init } = await exchange(sse, {}, signal);
    expect(init.signal).toBe(signal);
  });
});

describe("what requests carry (issue 10: same-origin requests carried the site's cookies and full address)", () => {
  test("no cookies and only the page's origin as Referer elsewhere, by default", async () => {
    const { init } = await exchange(sse);
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'strict-origin-when-cross-origin' });
  });

  test("the page's cookies for a same-origin proxy, with sendCookies", async () => {
    const { init } = await exchange(sse, { sendCookies: true });
    expect(init.credentials).toBe('same-origin');
  });
});

describe('a redirect (issue 10: a 307 to another origin got the api-key and the conversation)', () => {
  test('is never followed', async () => {
    const { init } = await exchange(sse);
    expect(init.redirect).toBe('manual');
  });

  test('fails with an error of its own when the runtime hands over the 307', async () => {
    const { error } = await exchange(
      () => new Response(null, { status: 307, headers: { Location: 'https://elsewhere.example/v1/chat/completions' } }),
    );
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ type: 'redirect', status: 307 });
  });

  test('fails with an error of its own when a browser hands over an opaque redirect', async () => {
    const opaque = () =>
      Object.defineProperties(new Response(null, { status: 200 }), {
        type: { value: 'opaqueredirect' },
        status: { value: 0 },
        ok: { value: false },
      });
    const { error } = await exchange(opaque);
    expect(error).toMatchObject({ type: 'redirect' });
    expect((error as ChatError).status).toBeUndefined();
  });
});

describe('the reply', () => {
  test('is read as server-sent events when the agent streams it', async () => {
    const { events, error } = await exchange(sse);
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('Nine to five.');
    expect(events.at(-1)).toEqual({ type: 'sources', citedResources: citations });
  });

  test('is read from a chat.completion when the agent answers with JSON', async () => {
    const { events, error } = await exchange(json, { stream: false });
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'text', delta: 'Nine to five.' },
      { type: 'sources', citedResources: citations },
    ]);
  });

  test('is read as JSON when the agent ignores a request to stream', async () => {
    const { events, error } = await exchange(json, { stream: true });
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('Nine to five.');
  });

  test('fails with protocol when a 200 answer is an HTML page', async () => {
    const { events, error } = await exchange(() =>
      responseOf('<!doctype html><title>Welcome</title>', 'text/html; charset=utf-8'),
    );
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ type: 'protocol' });
  });
});

describe('a failed request', () => {
  test.each([400, 401, 403, 404, 429, 500, 503])(
    "throws an http error with status %i and the agent's message",
    async (status) => {
      const { error } = await exchange(() =>
        responseOf(JSON.stringify({ message: 'Nope' }), 'application/json', { status }),
      );
      expect(error).toBeInstanceOf(ChatError);
      expect((error as ChatError).toInfo()).toEqual({ type: 'http', status, detail: 'Nope' });
    },
  );

  test('takes the detail from an {error: {message}} body', async () => {
    const body = JSON.stringify({ error: { message: 'Bot not found', code: 'not_found' } });
    const { error } = await exchange(() => responseOf(body, 'application/json', { status: 404 }));
    expect(error).toMatchObject({ type: 'http', status: 404, detail: 'Bot not found' });
  });

  test('keeps a body that is not JSON as the detail', async () => {
    const { error } = await exchange(() => responseOf('<h1>502 Bad Gateway</h1>', 'text/html', { status: 502 }));
    expect(error).toMatchObject({ type: 'http', status: 502, detail: '<h1>502 Bad Gateway</h1>' });
  });

  test('carries the wait of a Retry-After header given in seconds', async () => {
    const { error } = await exchange(() =>
      responseOf('{}', 'application/json', { status: 429, headers: { 'retry-after': '30' } }),
    );
    expect((error as ChatError).toInfo()).toEqual({ type: 'http', status: 429, retryAfter: 30 });
  });

  test('throws network when fetch rejects with a TypeError', async () => {
    const { error } = await exchange(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ type: 'network', detail: 'TypeError: Failed to fetch' });
  });

  test('throws aborted when fetch rejects because the signal fired', async () => {
    const controller = new AbortController();
    const pending = exchange((init) => rejectOnAbort(init.signal), {}, controller.signal);
    controller.abort();
    const { error } = await pending;
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ type: 'aborted' });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');

  test('reads delay-seconds', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(' 5 ')).toBe(5);
  });

  test('turns an HTTP date into the seconds left, rounded up', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:29:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:01 GMT', now - 500)).toBe(2);
  });

  test('never asks to wait a negative time for a date already past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
  });

  test('returns undefined for a missing or unreadable value', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
