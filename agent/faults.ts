/**
 * Every way the demo agent can be told to misbehave through `POST /__agent/faults`.
 * For `stream: false` requests the stream-only faults keep their spirit: `cut`
 * ends the JSON body halfway, `stall` sends half of it and then nothing, `hang`
 * sends only the headers, `stream-error` becomes a 500 with the same error body,
 * and `payload-data-line` and `silent-payloads` have no effect.
 */
export const FAULT_NAMES = [
  /** 300 ms between streamed chunks; a non-streaming answer waits 3 s. */
  'slow',
  /** About half the chunks, then a clean end without final chunk, `[DONE]` or payload. */
  'cut',
  /** About half the chunks, then an `{"error": …}` data line, then the end. */
  'stream-error',
  /** The citations framed as a plain `data:` line instead of `event: message_payload`. */
  'payload-data-line',
  /** A few chunks, then a `message_payload` event without text every 200 ms until the client goes away. */
  'silent-payloads',
  '400',
  '401',
  '403',
  '404',
  /** 429 with `Retry-After: 3`. */
  '429',
  /** 307 to the same path on another origin (localhost and 127.0.0.1 swapped), where the agent would answer. */
  'redirect',
  '500',
  '503',
  /** The normal answer without any `Access-Control-*` header. */
  'no-cors',
  /** Status and headers, then nothing until the client goes away. */
  'hang',
  /** A few chunks, then nothing until the client goes away. */
  'stall',
  /** A 200 HTML error page, as a misconfigured proxy would send. */
  'html',
  /**
   * A normal reply whose text is every XSS payload of the suite and whose citations
   * have hostile addresses and titles (see `xss-answer.ts`); streamed in slices cut
   * anywhere, even inside a tag.
   */
  'xss',
  /**
   * The normal reply with hostile citations (see `hostile-citations.ts`): a title
   * with a right-to-left override, one page spelt five ways, and 1,245 long addresses.
   */
  'hostile-citations',
] as const;

/** The name of a fault the demo agent can be armed with. */
export type FaultName = (typeof FAULT_NAMES)[number];

/** Whether `value` names a fault the agent knows. */
export function isFaultName(value: unknown): value is FaultName {
  return (FAULT_NAMES as readonly unknown[]).includes(value);
}

/** Faults waiting for the next chat requests, one FIFO queue per agent id. */
export interface FaultQueue {
  /** Queues `fault` for the next `times` chat requests of `botId`. */
  arm(botId: string, fault: FaultName, times: number): void;
  /** Forgets every fault queued for `botId`. */
  clear(botId: string): void;
  /** Removes and returns the fault for the current chat request of `botId`, if one is queued. */
  take(botId: string): FaultName | undefined;
}

/**
 * Creates an empty fault queue. Queues are per agent id so that tests running in
 * parallel, each with its own `botId`, cannot consume one another's faults.
 */
export function createFaultQueue(): FaultQueue {
  const queues = new Map<string, FaultName[]>();
  return {
    arm(botId, fault, times) {
      const queue = queues.get(botId) ?? [];
      for (let i = 0; i < times; i++) queue.push(fault);
      queues.set(botId, queue);
    },
    clear(botId) {
      queues.delete(botId);
    },
    take(botId) {
      const queue = queues.get(botId);
      const fault = queue?.shift();
      if (queue?.length === 0) queues.delete(botId);
      return fault;
    },
  };
}
