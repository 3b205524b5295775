import { describe, expect, test } from 'vitest';
import { ChatError } from './errors';
import { readChatStream } from './sse';
import { bodyOf, bytesOf, chunk, drain, textOf } from './streams.test-helpers';

const citations = [{ id: 'kb-1', url: 'https://docs.example/a', title: 'Page A', type: 'website' }];
const roleOnly = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] })}\n\n`;

/** A complete reply as Tiny Talk streams it, with multi-byte text to split. */
const transcript = [
  roleOnly,
  ': keep-alive\n\n',
  chunk('Hé, '),
  chunk('日本語 '),
  chunk('👋🏽 done'),
  `data: ${JSON.stringify({ choices: [] })}\n\n`,
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
  'data: [DONE]\n\n',
  `event: message_payload\ndata: ${JSON.stringify({ citedResources: citations })}\n\n`,
].join('');
const expectedText = 'Hé, 日本語 👋🏽 done';

async function read(text: string, cuts: readonly number[] = []) {
  return drain(readChatStream(bodyOf(bytesOf(text), cuts)));
}

describe('readChatStream', () => {
  test('yields the text deltas and then the cited resources', async () => {
    const { events, error } = await read(transcript);
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe(expectedText);
    expect(events.at(-1)).toEqual({ type: 'sources', citedResources: citations });
  });

  test('reads the same reply however the bytes are split into two reads, even inside a character', async () => {
    const bytes = bytesOf(transcript);
    for (let cut = 1; cut < bytes.length; cut++) {
      const { events, error } = await drain(readChatStream(bodyOf(bytes, [cut])));
      expect(error, `cut at byte ${cut}`).toBeUndefined();
      expect(textOf(events), `cut at byte ${cut}`).toBe(expectedText);
      expect(events.at(-1), `cut at byte ${cut}`).toEqual({ type: 'sources', citedResources: citations });
    }
  });

  test('reads the same reply delivered one byte at a time', async () => {
    const bytes = bytesOf(transcript);
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    const { events, error } = await drain(readChatStream(bodyOf(bytes, everyByte)));
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe(expectedText);
  });

  test('tolerates CRLF line endings', async () => {
    const { events, error } = await read(transcript.replace(/\n/g, '\r\n'));
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe(expectedText);
    expect(events.at(-1)).toEqual({ type: 'sources', citedResources: citations });
  });

  test('tolerates data lines without a space after the colon', async () => {
    const { events, error } = await read(transcript.replace(/^data: /gm, 'data:'));
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe(expectedText);
  });

  test('accepts the payload framed as a data line of type message_payload', async () => {
    const framed = `data: ${JSON.stringify({ type: 'message_payload', payload: { citedResources: citations } })}\n\n`;
    const { events, error } = await read(chunk('Hi') + 'data: [DONE]\n\n' + framed);
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'text', delta: 'Hi' },
      { type: 'sources', citedResources: citations },
    ]);
  });

  test('reads a last event that is not followed by a blank line', async () => {
    const { events, error } = await read(chunk('Hi') + 'data: [DONE]');
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('Hi');
  });

  test('keeps malformed cited resources out', async () => {
    const payload = {
      citedResources: [
        { url: 'https://ok.example' },
        { title: 'no url' },
        'junk',
        { id: 7, url: 'https://b.example', title: '' },
      ],
    };
    const { events } = await read(`data: [DONE]\n\nevent: message_payload\ndata: ${JSON.stringify(payload)}\n\n`);
    expect(events).toEqual([
      {
        type: 'sources',
        citedResources: [
          // In their normal form: see cited-resources.test.ts.
          { id: 'https://ok.example/', url: 'https://ok.example/' },
          { id: '7', url: 'https://b.example/' },
        ],
      },
    ]);
  });

  test("throws a stream error with the agent's message and keeps the text before it", async () => {
    const { events, error } = await read(
      chunk('Partial ') + `data: ${JSON.stringify({ error: { message: 'Provider failed' } })}\n\n`,
    );
    expect(textOf(events)).toBe('Partial ');
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ type: 'stream', detail: 'Provider failed' });
  });

  test('throws cut when the body ends before [DONE], after yielding the text', async () => {
    const { events, error } = await read(roleOnly + chunk('Half a rep'));
    expect(textOf(events)).toBe('Half a rep');
    expect(error).toMatchObject({ type: 'cut' });
  });

  test('throws cut when the connection breaks mid-stream', async () => {
    const reads = [bytesOf(chunk('Before the break'))];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = reads.shift();
        if (next) controller.enqueue(next);
        else controller.error(new TypeError('network error'));
      },
    });
    const { events, error } = await drain(readChatStream(body));
    expect(textOf(events)).toBe('Before the break');
    expect(error).toMatchObject({ type: 'cut' });
  });

  test('throws protocol for data that is not JSON', async () => {
    const { error } = await read('data: <html>oops</html>\n\n');
    expect(error).toMatchObject({ type: 'protocol' });
  });

  test('throws aborted when its signal fires mid-stream', async () => {
    const controller = new AbortController();
    // An aborted fetch errors its body with the signal's reason, as this one does.
    const body = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(bytesOf(chunk('So far')));
        controller.signal.addEventListener('abort', () => stream.error(controller.signal.reason));
      },
    });
    const iterator = readChatStream(body, controller.signal);
    expect(await iterator.next()).toEqual({ done: false, value: { type: 'text', delta: 'So far' } });
    const pending = iterator.next();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ type: 'aborted' });
  });
});
