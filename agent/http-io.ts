import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Bodies above this many bytes are refused with 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads the whole request body as UTF-8, or resolves `undefined` when it is
 * larger than `limit` bytes. Chunks are joined as bytes and decoded once, so a
 * character split between two network reads is not garbled. An oversized body
 * is still drained, because a client that is still sending may not read our
 * answer.
 */
export async function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Parses JSON, answering `undefined` for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Whether `value` is a plain JSON object (not `null`, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Ends the response with `body` as JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The `{error: {message}}` body form; the real API also answers some errors as a flat `{message}`. */
export function errorBody(message: string): { error: { message: string } } {
  return { error: { message } };
}
