import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ChatTransport } from './client';
import { ChatError, toChatError } from './errors';
import { drain, textOf } from './streams.test-helpers';
import { withTimeouts } from './timeouts';
import type { ChatEvent } from './types';

/** A transport that yields `parts` with the given pauses (ms) before each, honouring its signal; `null` is an event without text. */
function pausingTransport(parts: readonly [pauseMs: number, text: string | null][]): ChatTransport {
  return async function* ({ signal }) {
    for (const [pauseMs, text] of parts) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, pauseMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(toChatError(signal.reason, signal));
        });
      });
      yield (
        text === null ? { type: 'sources', citedResources: [] } : { type: 'text', delta: text }
      ) satisfies ChatEvent;
    }
  };
}

async function run(transport: ChatTransport, signal = new AbortController().signal) {
  const result = drain(withTimeouts(transport, { replyMs: 1000, stallMs: 500 })({ messages: [], signal }));
  await vi.runAllTimersAsync();
  return result;
}

describe('withTimeouts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('passes a reply through that keeps within both limits', async () => {
    const { events, error } = await run(
      pausingTransport([
        [900, 'Hello '],
        [400, 'there'],
      ]),
    );
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('Hello there');
  });

  test('lets a reply that keeps arriving run on past the reply timeout', async () => {
    const { events, error } = await run(
      pausingTransport([
        [100, 'a'],
        [450, 'b'],
        [450, 'c'],
        [450, 'd'],
        [450, 'e'],
      ]),
    );
    expect(error).toBeUndefined();
    expect(textOf(events)).toBe('abcde');
  });

  test('fails with timeout when the reply does not start in time', async () => {
    const { events, error } = await run(pausingTransport([[1500, 'Too late']]));
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(ChatError);
    expect(error).toMatchObject({ type: 'timeout' });
  });

  test('fails with timeout when a started reply stalls, keeping the text before it', async () => {
    const { events, error } = await run(
      pausingTransport([
        [100, 'Partial '],
        [800, 'never'],
      ]),
    );
    expect(textOf(events)).toBe('Partial ');
    expect(error).toMatchObject({ type: 'timeout' });
  });

  test('fails with timeout when a started reply sends only events without text (issue 10: a payload every 200 ms held it off)', async () => {
    const silent = Array.from({ length: 100 }, (): [number, null] => [200, null]);
    const { events, error } = await run(pausingTransport([[100, 'Partial '], ...silent]));
    expect(textOf(events)).toBe('Partial ');
    expect(error).toMatchObject({ type: 'timeout' });
  });

  test('fails with timeout when a reply that never starts sends events without text', async () => {
    const silent = Array.from({ length: 100 }, (): [number, null] => [200, null]);
    const { events, error } = await run(pausingTransport(silent));
    expect(textOf(events)).toBe('');
    expect(error).toMatchObject({ type: 'timeout' });
  });

  test('reports a stop by the visitor as aborted, not as a timeout', async () => {
    const controller = new AbortController();
    const pending = run(pausingTransport([[300, 'x']]), controller.signal);
    controller.abort();
    const { error } = await pending;
    expect(error).toMatchObject({ type: 'aborted' });
  });
});
