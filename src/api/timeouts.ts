import type { ChatTransport } from './client';
import { ChatError } from './errors';

/** How long a visitor waits before the widget gives up on a silent agent. */
export interface Timeouts {
  /** From sending to the first words of the reply, in ms. */
  replyMs: number;
  /** Between two pieces of text once the reply has started, in ms. */
  stallMs: number;
}

/**
 * Wraps a transport so that an agent that never answers, or stops halfway, fails with a
 * `timeout` error instead of leaving the visitor waiting forever. Text that arrived
 * before the silence is kept by whoever consumes the events.
 */
export function withTimeouts(transport: ChatTransport, { replyMs, stallMs }: Timeouts): ChatTransport {
  return async function* send(request) {
    const controller = new AbortController();
    const forwardAbort = () => controller.abort(request.signal.reason);
    if (request.signal.aborted) forwardAbort();
    request.signal.addEventListener('abort', forwardAbort, { once: true });
    let isTimedOut = false;
    // One timer, moved on only when it fires (or must fire sooner): agents send hundreds
    // of events a second, and re-arming a timer for each costs more than the events.
    let deadline = Date.now() + replyMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timerAt = 0;
    const arm = (at: number) => {
      clearTimeout(timer);
      timerAt = at;
      timer = setTimeout(check, at - Date.now());
    };
    const check = () => {
      if (deadline > Date.now()) return arm(deadline);
      isTimedOut = true;
      controller.abort();
    };
    arm(deadline);
    try {
      for await (const event of transport({ ...request, signal: controller.signal })) {
        // Only text is progress: events without any (citations, sent every 200 ms by a
        // hostile agent) would otherwise keep a reply "streaming" for ever.
        if (event.type === 'text') {
          deadline = Date.now() + stallMs;
          if (deadline < timerAt) arm(deadline);
        }
        yield event;
      }
    } catch (error) {
      if (isTimedOut) throw new ChatError({ type: 'timeout', detail: 'The agent went silent.' }, { cause: error });
      throw error;
    } finally {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', forwardAbort);
    }
  };
}
