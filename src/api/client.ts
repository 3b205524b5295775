import { parseCitedResources } from './cited-resources';
import { ChatError, toChatError } from './errors';
import { errorMessageOf, isRecord } from './json';
import { readChatStream } from './sse';
import type { ChatCompletionRequest, ChatEvent, WireMessage } from './types';

/** Where and how to reach one Tiny Talk agent. */
export interface ChatClientConfig {
  /** Origin (and optional path prefix) of the API, without `/v1/...`. */
  apiBase: string;
  botId: string;
  /** Sent as the `api-key` header; only private agents need it. */
  apiKey?: string;
  /** Overrides the agent's model. */
  model?: string;
  /** Ask for server-sent events (true) or one JSON completion (false). */
  stream: boolean;
  /**
   * Send the page's cookies when `apiBase` is on the page's own origin (a proxy that
   * checks the visitor's session); never to another origin. Default: no cookies.
   */
  sendCookies?: boolean;
  /** For tests and unusual runtimes; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** One request: the whole conversation so far, ending with the visitor's new turn. */
export interface ChatRequest {
  messages: WireMessage[];
  signal: AbortSignal;
}

/**
 * Sends a conversation and yields the reply as it arrives. Iteration ends when the
 * reply is complete; failures are thrown as {@link ChatError}.
 */
export type ChatTransport = (request: ChatRequest) => AsyncIterable<ChatEvent>;

/** Creates the transport that talks to `POST {apiBase}/v1/chat/completions`. */
export function createChatClient(config: ChatClientConfig): ChatTransport {
  const url = `${config.apiBase.replace(/\/+$/, '')}/v1/chat/completions`;
  // Only these request headers: the API's CORS rules allow no others.
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: config.stream ? 'text/event-stream' : 'application/json',
  };
  if (config.apiKey) headers['api-key'] = config.apiKey;

  return async function* send({ messages, signal }) {
    const body: ChatCompletionRequest = { botId: config.botId, messages, stream: config.stream };
    if (config.model) body.model = config.model;
    let response: Response;
    try {
      response = await (config.fetch ?? fetch)(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal,
        // Not fetch's defaults: the site's cookies and full address go only where the site says.
        credentials: config.sendCookies ? 'same-origin' : 'omit',
        referrerPolicy: 'strict-origin-when-cross-origin',
        // A redirect would take the conversation and the api-key wherever it points, and
        // its answer would pass for the agent's. 'error' would make it a network error
        // like any other; 'manual' hands it over unfollowed, to be told apart.
        redirect: 'manual',
      });
    } catch (error) {
      throw toChatError(error, signal);
    }
    // Browsers give an opaque response with status 0; other runtimes the 3xx itself.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => {});
      throw new ChatError({ type: 'redirect', ...(response.status !== 0 && { status: response.status }) });
    }
    if (!response.ok) throw await httpError(response);

    // The response format follows what the server sent, not what we asked for: an agent
    // that ignores `stream` still gets read correctly.
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('text/event-stream') && response.body) {
      yield* readChatStream(response.body, signal);
    } else if (contentType.includes('json')) {
      yield* readCompletion(response, signal);
    } else {
      await response.body?.cancel().catch(() => {});
      throw new ChatError({ type: 'protocol', detail: `Unexpected Content-Type "${contentType}"` });
    }
  };
}

/** Reads a non-streaming `chat.completion`: text in `choices[0].message.content`. */
async function* readCompletion(response: Response, signal: AbortSignal): AsyncGenerator<ChatEvent> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    const reason = toChatError(error, signal);
    throw reason.type === 'aborted'
      ? reason
      : new ChatError({ type: 'protocol', detail: 'The completion is not valid JSON.' }, { cause: error });
  }
  const choice: unknown = isRecord(json) && Array.isArray(json.choices) ? json.choices[0] : undefined;
  const content = isRecord(choice) && isRecord(choice.message) ? choice.message.content : undefined;
  if (typeof content !== 'string') {
    throw new ChatError({
      type: isRecord(json) && json.error ? 'stream' : 'protocol',
      detail: errorMessageOf(json) ?? 'The completion has no message content.',
    });
  }
  if (content !== '') yield { type: 'text', delta: content };
  const payload = isRecord(json) && isRecord(json.payload) ? json.payload : {};
  yield { type: 'sources', citedResources: parseCitedResources(payload.citedResources) };
}

async function httpError(response: Response): Promise<ChatError> {
  const text = await response.text().catch(() => '');
  let detail: string | undefined;
  try {
    detail = errorMessageOf(JSON.parse(text));
  } catch {
    detail = text.slice(0, 200) || undefined;
  }
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  return new ChatError({
    type: 'http',
    status: response.status,
    ...(retryAfter !== undefined && { retryAfter }),
    ...(detail !== undefined && { detail }),
  });
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
