import type { ChatEvent } from './types';

/** Test helpers, for the `api/` unit tests only: real ReadableStream bodies built from text, split where a test says. */

const encoder = new TextEncoder();

/** A body that delivers `bytes` in pieces cut at `cuts` (byte offsets). */
export function bodyOf(bytes: Uint8Array, cuts: readonly number[] = []): ReadableStream<Uint8Array> {
  const bounds = [0, ...cuts, bytes.length];
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i + 1 < bounds.length; i++) controller.enqueue(bytes.slice(bounds[i], bounds[i + 1]));
      controller.close();
    },
  });
}

/** UTF-8 bytes of a stream transcript. */
export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** One OpenAI-style chunk event carrying `content`. */
export function chunk(content: string): string {
  return `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
}

/** Everything an iterable yields, and what it threw, if anything. */
export async function drain(events: AsyncIterable<ChatEvent>): Promise<{ events: ChatEvent[]; error?: unknown }> {
  const seen: ChatEvent[] = [];
  try {
    for await (const event of events) seen.push(event);
    return { events: seen };
  } catch (error) {
    return { events: seen, error };
  }
}

/** A real `Response` whose body streams `text`, sent with `contentType` and any other headers. */
export function responseOf(
  text: string,
  contentType: string,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(bodyOf(bytesOf(text)), {
    status: init.status ?? 200,
    headers: { 'content-type': contentType, ...init.headers },
  });
}

/** The text of the `text` events, joined. */
export function textOf(events: readonly ChatEvent[]): string {
  return events.map((event) => (event.type === 'text' ? event.delta : '')).join('');
}
