import type { ServerResponse } from 'node:http';

/** Writes server-sent events to a response that is already streaming. */
export interface SseWriter {
  /** Writes a `data:` event carrying `value` as JSON, or as is when it is a string such as `[DONE]`. */
  data(value: unknown): void;
  /** Writes a named event, such as `message_payload`, carrying `value` as JSON. */
  event(name: string, value: unknown): void;
  /** Writes a comment line, which clients must ignore. */
  comment(text: string): void;
}

/**
 * Creates a writer for `res`. Each event goes out in two writes split in the
 * middle of its bytes, which for multi-byte text often falls inside a UTF-8
 * character: clients must cope with events and characters split across network
 * reads, as they are behind real proxies. Nothing is written once the response
 * has ended or its client has gone away.
 */
export function createSseWriter(res: ServerResponse): SseWriter {
  const write = (frame: string) => {
    if (res.destroyed || res.writableEnded) return;
    const bytes = Buffer.from(frame, 'utf8');
    const middle = Math.floor(bytes.length / 2);
    res.write(bytes.subarray(0, middle));
    res.write(bytes.subarray(middle));
  };
  const json = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return {
    data: (value) => write(`data: ${json(value)}\n\n`),
    event: (name, value) => write(`event: ${name}\ndata: ${JSON.stringify(value)}\n\n`),
    comment: (text) => write(`: ${text}\n\n`),
  };
}
