// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { WireMessage } from '../src/api/types.ts';
import { createDemoAgent } from './agent.ts';
import type { FaultName } from './faults.ts';
import { answerFor } from './knowledge-base.ts';

let server: Server;
let base: string;
// Requests the agent is still answering, to see it let go of aborted ones.
let pending = 0;

beforeAll(async () => {
  const agent = createDemoAgent({ tokenDelayMs: 1 });
  server = createServer((req, res) => {
    pending++;
    void agent.handle(req, res).then((handled) => {
      pending--;
      if (!handled) res.writeHead(418).end('not the agent');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const ask = (content: string): WireMessage[] => [{ role: 'user', content }];

function chat(body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: text,
    signal: signal ?? null,
  });
}

async function armFault(botId: string, fault: FaultName, times?: number): Promise<void> {
  const res = await fetch(`${base}/__agent/faults`, { method: 'POST', body: JSON.stringify({ botId, fault, times }) });
  expect(res.status).toBe(204);
}

interface Chunk {
  choices?: { delta?: { content?: string } }[];
}

/** Splits a raw event stream into its events, and joins the text deltas of its JSON data lines. */
function readEvents(raw: string) {
  const events = raw
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const field = (name: string) =>
        block
          .split('\n')
          .find((line) => line.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      return { block, event: field('event'), data: field('data') };
    });
  const chunks = events.flatMap(({ data }) => (data?.startsWith('{') ? [JSON.parse(data) as Chunk] : []));
  const text = chunks.map((chunk) => chunk.choices?.[0]?.delta?.content ?? '').join('');
  return { events, chunks, text };
}

test('answers the chat preflight with exactly the allowed headers', async () => {
  const res = await fetch(`${base}/v1/chat/completions`, { method: 'OPTIONS' });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(res.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
  expect(res.headers.get('access-control-allow-headers')).toBe('content-type, accept, api-key');
  expect(res.headers.get('access-control-max-age')).toBe('600');
});

test.each([
  ['a body that is not JSON', '{"botId":'],
  ['a body that is not an object', '[]'],
  ['a missing botId', { messages: ask('hi'), stream: true }],
  ['an empty conversation', { botId: 'demo', messages: [], stream: true }],
  [
    'a conversation ending with the assistant',
    { botId: 'demo', messages: [{ role: 'assistant', content: 'hi' }], stream: true },
  ],
  ['a missing stream flag', { botId: 'demo', messages: ask('hi') }],
])('refuses %s with 400 in the error form', async (_name, body) => {
  const res = await chat(body);
  expect(res.status).toBe(400);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(await res.json()).toEqual({ error: { message: expect.any(String) } });
});

test('answers a missing api key on a private agent with 401', async () => {
  const res = await chat({ botId: 'private-401', messages: ask('hi'), stream: false });
  expect(res.status).toBe(401);
  expect(await res.json()).toEqual({ error: { message: 'Invalid or missing API key' } });
});

test('answers a private agent given the demo api key', async () => {
  const res = await chat(
    { botId: 'private-ok', messages: ask('echo: ok'), stream: false },
    { 'api-key': 'demo-secret-key' },
  );
  expect(res.status).toBe(200);
});

test('answers an unknown agent with 404 in the flat form', async () => {
  const res = await chat({ botId: 'nobody', messages: ask('hi'), stream: true });
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ message: 'Agent not found' });
});

test('refuses a model outside the plan with 403', async () => {
  const res = await chat({ botId: 'demo-403', messages: ask('hi'), stream: true, model: 'gpt-9' });
  expect(res.status).toBe(403);
  expect(await res.json()).toEqual({ error: { message: 'The model "gpt-9" is not available on your plan' } });
});

test('streams a role chunk, the answer, [DONE] and then the citations', async () => {
  const messages = ask('Which languages do you speak?');
  const res = await chat({ botId: 'demo-stream', messages, stream: true });
  expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const { events, chunks, text } = readEvents(await res.text());
  expect(chunks[0]).toMatchObject({ object: 'chat.completion.chunk', model: 'demo-fast' });
  expect(chunks[0]?.choices).toEqual([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
  expect(events[1]?.block).toBe(': keep-alive');
  expect(text).toBe(answerFor(messages).text);
  expect(events.at(-3)?.data).toContain('"finish_reason":"stop"');
  expect(events.at(-2)?.data).toBe('[DONE]');
  expect(events.at(-1)?.event).toBe('message_payload');
  expect(JSON.parse(events.at(-1)?.data ?? '')).toEqual({ citedResources: answerFor(messages).citedResources });
});

test('answers stream: false with one chat.completion', async () => {
  const messages = ask('What does pricing look like?');
  const res = await chat({ botId: 'demo-json', messages, stream: false, model: 'demo-smart' });
  const { text, citedResources } = answerFor(messages);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(await res.json()).toMatchObject({
    id: expect.stringMatching(/^chatcmpl-/),
    object: 'chat.completion',
    model: 'demo-smart',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
    },
    payload: { citedResources },
  });
});

test('replies to echo: with exactly the rest of the message', async () => {
  const res = await chat({ botId: 'demo-echo', messages: ask('echo:   **bold**\n\nnext line '), stream: true });
  const { events, text } = readEvents(await res.text());
  expect(text).toBe('**bold**\n\nnext line ');
  expect(events.at(-1)?.data).toBe('{"citedResources":[]}');
});

test('replies to bench:<bytes> with a long markdown document, the same every time', () => {
  const { text, citedResources } = answerFor(ask('bench:20000'));
  expect(text.length).toBeGreaterThanOrEqual(20_000);
  expect(text.length).toBeLessThan(20_500);
  for (const block of [/^## Section/m, /\*\*option \d+\*\*/, /^- /m, /^```ts$/m, /^\| --- \|/m])
    expect(text).toMatch(block);
  expect(answerFor(ask('bench:20000')).text).toBe(text);
  expect(citedResources).toEqual([]);
});

test('replies to bench:<shape>:<size> with one block of that shape', () => {
  expect(answerFor(ask('bench:code:2000')).text).toMatch(/^```ts\n(const option\d+ = .*\n)+```$/);
  expect(answerFor(ask('bench:table:200')).text.split('\n')).toHaveLength(202);
  const paragraph = answerFor(ask('bench:paragraph:2000')).text;
  expect(paragraph.length).toBeGreaterThanOrEqual(2000);
  expect(paragraph).not.toContain('\n');
});

test('streams a bench reply five characters at a time, at the pace asked for', async () => {
  const started = Date.now();
  const res = await chat({ botId: 'demo-paced', messages: ask('bench:paragraph:100 every:5ms'), stream: true });
  const { events, text } = readEvents(await res.text());
  expect(text).toBe(answerFor(ask('bench:paragraph:100')).text);
  const pieces = events.flatMap(({ data }) =>
    data?.includes('"content":"') && !data.includes('"content":""') ? [data] : [],
  );
  expect(pieces).toHaveLength(Math.ceil(text.length / 5));
  expect(Date.now() - started).toBeGreaterThanOrEqual(pieces.length * 5);
});

test('says which turn of the conversation the fallback answers', async () => {
  const messages: WireMessage[] = [
    ...ask('one'),
    { role: 'assistant', content: 'ok' },
    ...ask('what about the weather?'),
  ];
  const res = await chat({ botId: 'demo-turn', messages, stream: false });
  const body = (await res.json()) as { choices: [{ message: { content: string } }] };
  expect(body.choices[0].message.content).toContain('> what about the weather?');
  expect(body.choices[0].message.content).toContain('This is turn 2 of our conversation.');
});

test('applies an armed fault once and then answers normally again', async () => {
  await armFault('demo-once', '500');
  const request = { botId: 'demo-once', messages: ask('hi'), stream: false };
  expect((await chat(request)).status).toBe(500);
  expect((await chat(request)).status).toBe(200);
});

test('cuts the stream before [DONE] under the cut fault', async () => {
  await armFault('demo-cut', 'cut');
  const messages = ask('Tell me about features');
  const { events, text } = readEvents(await (await chat({ botId: 'demo-cut', messages, stream: true })).text());
  expect(answerFor(messages).text.startsWith(text)).toBe(true);
  expect(text.length).toBeLessThan(answerFor(messages).text.length);
  expect(events.some(({ data }) => data === '[DONE]')).toBe(false);
});

test('sends no CORS headers under the no-cors fault', async () => {
  await armFault('demo-no-cors', 'no-cors');
  const res = await chat({ botId: 'demo-no-cors', messages: ask('hi'), stream: false });
  expect(res.status).toBe(200);
  expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
});

test('answers the 429 fault with an exposed Retry-After', async () => {
  await armFault('demo-429', '429');
  const res = await chat({ botId: 'demo-429', messages: ask('hi'), stream: true });
  expect(res.status).toBe(429);
  expect(res.headers.get('retry-after')).toBe('3');
  expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
  expect(await res.json()).toEqual({ error: { message: 'Rate limit exceeded' } });
});

test('lets go of a stalled stream when the client aborts', async () => {
  await armFault('demo-stall', 'stall');
  const controller = new AbortController();
  const res = await chat({ botId: 'demo-stall', messages: ask('hi'), stream: true }, {}, controller.signal);
  await res.body?.getReader().read();
  controller.abort();
  await expect.poll(() => pending).toBe(0);
});

test('records the requests of each agent with lower-cased headers', async () => {
  const body = { botId: 'demo-log', messages: ask('echo: logged'), stream: false };
  await chat(body, { 'X-Widget-Version': '1.0' });
  const res = await fetch(`${base}/__agent/requests?botId=demo-log`);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  const [recorded] = (await res.json()) as [{ headers: Record<string, string>; body: unknown; time: string }];
  expect(recorded.headers['x-widget-version']).toBe('1.0');
  expect(recorded.body).toEqual(body);
  expect(new Date(recorded.time).toISOString()).toBe(recorded.time);
});

test('records whether each response was read to its end or its client went away first', async () => {
  await (await chat({ botId: 'demo-outcome', messages: ask('hi'), stream: true })).text();
  await armFault('demo-outcome', 'stall');
  const controller = new AbortController();
  const res = await chat({ botId: 'demo-outcome', messages: ask('hi'), stream: true }, {}, controller.signal);
  await res.body?.getReader().read();
  controller.abort();
  const outcomes = async () =>
    ((await (await fetch(`${base}/__agent/requests?botId=demo-outcome`)).json()) as { outcome?: string }[]).map(
      (request) => request.outcome,
    );
  await expect.poll(outcomes).toEqual(['answered', 'disconnected']);
});

test('refuses a body over 1 MB with 413', async () => {
  const res = await chat({ botId: 'demo-big', messages: ask('x'.repeat(1024 * 1024)), stream: false });
  expect(res.status).toBe(413);
});

test('leaves requests outside its routes untouched', async () => {
  const res = await fetch(`${base}/index.html?/v1/chat/completions`);
  expect(res.status).toBe(418);
});
