import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { parseCitedResources } from './cited-resources';
import { ChatError, toChatError } from './errors';
import { errorMessageOf, isRecord } from './json';
import type { ChatEvent } from './types';

/** What one server-sent event means for the reply. */
type StreamStep = ChatEvent | { type: 'done' } | undefined;

/**
 * Reads a streamed chat completion: server-sent events whose `data:` lines carry
 * OpenAI-style `chat.completion.chunk` JSON, ended by `data: [DONE]`, followed by a
 * `message_payload` event with the cited resources.
 *
 * Yields text as it arrives. Throws a {@link ChatError}: `stream` when the agent reports
 * an error, `cut` when the body ends or breaks before `[DONE]`, `protocol` for data that
 * is not JSON, `aborted` when `signal` fires.
 */
export async function* readChatStream(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<ChatEvent> {
  const reader = body.getReader();
  // Stream mode keeps a multi-byte character split across two reads intact.
  const decoder = new TextDecoder();
  const ready: ChatEvent[] = [];
  let isDone = false;
  let isFinished = false;
  const parser = createParser({
    onEvent(message) {
      const step = interpret(message);
      if (step?.type === 'done') isDone = true;
      else if (step) ready.push(step);
    },
  });

  // Events parsed before a failure in the same chunk are still delivered, so a reply
  // that breaks mid-stream keeps every word that arrived.
  function feed(text: string): ChatError | undefined {
    try {
      parser.feed(text);
      return undefined;
    } catch (error) {
      return toChatError(error, signal);
    }
  }

  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        const reason = toChatError(error, signal);
        throw reason.type === 'aborted'
          ? reason
          : new ChatError({ type: 'cut', detail: String(error) }, { cause: error });
      }
      if (chunk.done) break;
      const failure = feed(decoder.decode(chunk.value, { stream: true }));
      yield* ready.splice(0);
      if (failure) throw failure;
    }
    isFinished = true;
    // A body that ends without a blank line still carries a last event worth reading.
    const failure = feed(`${decoder.decode()}\n\n`);
    yield* ready.splice(0);
    if (failure) throw failure;
    if (!isDone) throw new ChatError({ type: 'cut', detail: 'The stream ended before [DONE].' });
  } finally {
    // Stopping early (Stop, an error, a consumer that breaks) must release the connection.
    if (!isFinished) reader.cancel().catch(() => {});
  }
}

function interpret(message: EventSourceMessage): StreamStep {
  const data = message.data.trim();
  if (data === '[DONE]') return { type: 'done' };
  if (data === '') return undefined;
  const json = parseJson(data);
  if (message.event === 'message_payload') return sourcesFrom(json);
  if (json.error !== undefined && json.error !== null) {
    throw new ChatError({ type: 'stream', detail: errorMessageOf(json) ?? data });
  }
  if (json.type === 'message_payload') return sourcesFrom(json);
  const choice: unknown = Array.isArray(json.choices) ? json.choices[0] : undefined;
  const delta = isRecord(choice) && isRecord(choice.delta) ? choice.delta.content : undefined;
  return typeof delta === 'string' && delta !== '' ? { type: 'text', delta } : undefined;
}

/** Accepts both framings seen for the payload: `{citedResources}` and `{payload: {citedResources}}`. */
function sourcesFrom(json: Record<string, unknown>): ChatEvent {
  const payload = isRecord(json.payload) ? json.payload : json;
  return { type: 'sources', citedResources: parseCitedResources(payload.citedResources) };
}

function parseJson(data: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw new ChatError({ type: 'protocol', detail: `Unreadable event data: ${data.slice(0, 200)}` });
  }
  if (!isRecord(value))
    throw new ChatError({ type: 'protocol', detail: `Unexpected event data: ${data.slice(0, 200)}` });
  return value;
}
