/**
 * Why a chat request failed.
 *
 * - `http`: the agent answered with an error status (see {@link ChatError.status}).
 * - `network`: no answer at all. Browsers hide the reason (offline, DNS, CORS), so
 *   there is no status to report.
 * - `stream`: the agent reported an error in the middle of a streamed reply.
 * - `cut`: the reply ended, or the connection dropped, before the agent said it was done.
 * - `protocol`: the agent answered with something that is not a chat completion.
 * - `timeout`: the agent took too long to answer or stopped sending.
 * - `redirect`: the agent's address answered with a redirect. It is never followed: it
 *   would carry the conversation, and the `api-key`, to wherever it points.
 * - `aborted`: the request was cancelled (Stop, reset or unmount); not a failure to show.
 */
export type ChatErrorType = 'http' | 'network' | 'stream' | 'cut' | 'protocol' | 'timeout' | 'redirect' | 'aborted';

/** Fields that describe a {@link ChatError}, also used to store one with a message. */
export interface ChatErrorInfo {
  type: ChatErrorType;
  /** HTTP status, for `http` errors. */
  status?: number;
  /** Seconds the agent asked us to wait (`Retry-After`), for 429 and 503. */
  retryAfter?: number;
  /** What the agent said, verbatim. For developers and logs, never shown to visitors as is. */
  detail?: string;
}

/** The one error type the protocol client throws. */
export class ChatError extends Error implements ChatErrorInfo {
  readonly type: ChatErrorType;
  readonly status?: number;
  readonly retryAfter?: number;
  readonly detail?: string;

  constructor(info: ChatErrorInfo, options?: { cause?: unknown }) {
    super(describeForDevelopers(info), options);
    this.name = 'ChatError';
    this.type = info.type;
    if (info.status !== undefined) this.status = info.status;
    if (info.retryAfter !== undefined) this.retryAfter = info.retryAfter;
    if (info.detail !== undefined) this.detail = info.detail;
  }

  /** A plain object copy, safe to store and to hand to host pages. */
  toInfo(): ChatErrorInfo {
    const { type, status, retryAfter, detail } = this;
    return {
      type,
      ...(status !== undefined && { status }),
      ...(retryAfter !== undefined && { retryAfter }),
      ...(detail !== undefined && { detail }),
    };
  }
}

/** Turns anything a request may reject with into a {@link ChatError}. */
export function toChatError(error: unknown, signal?: AbortSignal): ChatError {
  if (error instanceof ChatError) return error;
  // fetch and reader.read() reject with the signal's reason, often a DOMException.
  if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) {
    return new ChatError({ type: 'aborted' }, { cause: error });
  }
  return new ChatError({ type: 'network', detail: String(error) }, { cause: error });
}

function describeForDevelopers({ type, status, detail }: ChatErrorInfo): string {
  const head =
    status === undefined
      ? `Tiny Talk chat request failed (${type})`
      : `Tiny Talk chat request failed with HTTP ${status}`;
  return detail ? `${head}: ${detail}` : head;
}

/**
 * Whether sending the same turn again may succeed: a busy or failing service, a lost
 * connection or an interrupted reply. A bad request, a missing key, a plan limit, an
 * unknown agent or a redirect fail the same way every time.
 */
export function isRetryable({ type, status }: ChatErrorInfo): boolean {
  if (type === 'aborted' || type === 'redirect') return false;
  if (type !== 'http' || status === undefined) return true;
  return status === 408 || status === 429 || status >= 500;
}
