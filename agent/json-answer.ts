import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { WireMessage } from '../src/api/types.ts';
import { createClientWatch } from './client-watch.ts';
import { completion, PROVIDER_ERROR, type CompletionMeta } from './completion.ts';
import type { FaultName } from './faults.ts';
import { sendJson } from './http-io.ts';
import type { Answer } from './knowledge-base.ts';

/** How to send one non-streamed reply. */
export interface JsonAnswerOptions {
  /** The conversation, for the token usage. */
  messages: readonly WireMessage[];
  /** The fault armed for this request, if any. */
  fault: FaultName | undefined;
  /** Headers to add, such as CORS. */
  headers: OutgoingHttpHeaders;
}

const SLOW_WAIT_MS = 3000;

/**
 * Sends `answer` as one `chat.completion` JSON body, bent by the stream faults
 * in their non-streaming form (see `FAULT_NAMES`). Resolves when the response
 * has ended or the client has gone away.
 */
export async function sendJsonAnswer(
  res: ServerResponse,
  meta: CompletionMeta,
  answer: Answer,
  { messages, fault, headers }: JsonAnswerOptions,
): Promise<void> {
  const watch = createClientWatch(res);
  if (fault === 'slow' && !(await watch.wait(SLOW_WAIT_MS))) return;
  if (fault === 'stream-error') return sendJson(res, 500, PROVIDER_ERROR, headers);
  const body = completion(meta, answer, messages);
  if (fault !== 'hang' && fault !== 'cut' && fault !== 'stall') return sendJson(res, 200, body, headers);

  // No Content-Length: the body is cut short on purpose.
  res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
  if (fault === 'hang') {
    res.flushHeaders();
    return watch.closed;
  }
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
  if (fault === 'stall') return watch.closed;
  res.end();
}
