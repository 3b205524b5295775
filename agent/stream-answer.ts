import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { createClientWatch } from './client-watch.ts';
import { citations, completionChunk, PROVIDER_ERROR, type CompletionMeta } from './completion.ts';
import type { FaultName } from './faults.ts';
import type { Answer } from './knowledge-base.ts';
import { createSseWriter } from './sse-writer.ts';
import { sliceXssReply } from './xss-answer.ts';

/** How to stream one reply. */
export interface StreamAnswerOptions {
  /** Milliseconds between chunks. */
  tokenDelayMs: number;
  /** The fault armed for this request, if any. */
  fault: FaultName | undefined;
  /** Headers to add, such as CORS. */
  headers: OutgoingHttpHeaders;
}

const SLOW_DELAY_MS = 300;
const SILENT_PAYLOAD_INTERVAL_MS = 200;

/**
 * Streams `answer` as OpenAI-style server-sent events followed by the
 * `message_payload` event, bent by the stream faults. Resolves when the
 * response has ended or the client has gone away.
 */
export async function streamAnswer(
  res: ServerResponse,
  meta: CompletionMeta,
  answer: Answer,
  { tokenDelayMs, fault, headers }: StreamAnswerOptions,
): Promise<void> {
  const watch = createClientWatch(res);
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  if (fault === 'hang') {
    res.flushHeaders();
    return watch.closed;
  }

  const sse = createSseWriter(res);
  sse.data(completionChunk(meta, { role: 'assistant', content: '' }));
  sse.comment('keep-alive');
  const chunks =
    fault === 'xss'
      ? sliceXssReply(answer.text)
      : answer.pace
        ? splitEvery(answer.text, answer.pace.characters)
        : splitIntoChunks(answer.text);
  const delay = fault === 'slow' ? SLOW_DELAY_MS : (answer.pace?.everyMs ?? tokenDelayMs);
  for (const content of chunks.slice(0, chunksToSend(chunks.length, fault))) {
    if (!(await watch.wait(delay))) return;
    sse.data(completionChunk(meta, { content }));
  }

  switch (fault) {
    case 'stall':
      return watch.closed;
    case 'silent-payloads':
      while (await watch.wait(SILENT_PAYLOAD_INTERVAL_MS))
        sse.event('message_payload', citations(answer.citedResources));
      return;
    case 'stream-error':
      sse.data(PROVIDER_ERROR);
      break;
    case 'cut':
      break;
    default:
      sse.data(completionChunk(meta, {}, 'stop'));
      sse.data('[DONE]');
      if (fault === 'payload-data-line')
        sse.data({ type: 'message_payload', payload: citations(answer.citedResources) });
      else sse.event('message_payload', citations(answer.citedResources));
  }
  if (!res.destroyed) res.end();
}

function chunksToSend(total: number, fault: FaultName | undefined): number {
  if (fault === 'cut' || fault === 'stream-error') return Math.ceil(total / 2);
  if (fault === 'stall' || fault === 'silent-payloads') return Math.min(3, Math.ceil(total / 2));
  return total;
}

/**
 * Splits a reply into the pieces it is streamed in: one to three words each,
 * every whitespace character kept, so joining the pieces gives the reply back.
 * The group sizes cycle instead of being random so that runs are repeatable.
 */
function splitIntoChunks(text: string): string[] {
  // A leading run of whitespace, then each word with the whitespace after it.
  const words = text.match(/^\s+|\S+\s*/g) ?? [];
  const sizes = [2, 1, 3];
  const chunks: string[] = [];
  for (let i = 0, n = 0; i < words.length; n++) {
    const size = sizes[n % sizes.length] ?? 1;
    chunks.push(words.slice(i, i + size).join(''));
    i += size;
  }
  return chunks;
}

/** Splits a reply into pieces of `characters` characters (code points, so no character is cut). */
function splitEvery(text: string, characters: number): string[] {
  const codePoints = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < codePoints.length; i += characters) chunks.push(codePoints.slice(i, i + characters).join(''));
  return chunks;
}
