import type { IncomingHttpHeaders } from 'node:http';
import type { ChatCompletionRequest, WireMessage } from '../src/api/types.ts';
import { errorBody, isRecord } from './http-io.ts';

/** The only API key private demo agents accept. */
export const DEMO_API_KEY = 'demo-secret-key';

/** The models the demo plan offers. */
export const DEMO_MODELS: readonly string[] = ['demo-fast', 'demo-smart'];

/** The model that answers when a request names none. */
export const DEFAULT_MODEL = 'demo-fast';

/** A chat request the agent will answer, or the error response it gets instead. */
export type ChatRequestCheck =
  { ok: true; request: ChatCompletionRequest } | { ok: false; status: number; body: unknown };

/**
 * Checks a parsed chat request body the way the real API does, in its order:
 * shape, then the agent and its API key, then the model.
 */
export function checkChatRequest(body: unknown, headers: IncomingHttpHeaders): ChatRequestCheck {
  const invalid = (message: string): ChatRequestCheck => ({ ok: false, status: 400, body: errorBody(message) });
  if (!isRecord(body)) return invalid('The request body must be a JSON object');
  const { botId, messages, stream, model } = body;
  if (typeof botId !== 'string') return invalid('botId is required and must be a string');
  if (!isConversation(messages)) {
    return invalid('messages must be a non-empty array of {role, content} ending with a user message');
  }
  // The real API falls back to the agent's setting; insisting here makes a widget
  // that stops sending `stream` fail loudly instead of depending on that setting.
  if (typeof stream !== 'boolean') return invalid('stream is required and must be a boolean');

  if (botId.startsWith('private-')) {
    if (headers['api-key'] !== DEMO_API_KEY) {
      return { ok: false, status: 401, body: errorBody('Invalid or missing API key') };
    }
  } else if (!botId.startsWith('demo')) {
    // The real API answers this one in the flat form.
    return { ok: false, status: 404, body: { message: 'Agent not found' } };
  }

  if (model !== undefined && (typeof model !== 'string' || !DEMO_MODELS.includes(model))) {
    return { ok: false, status: 403, body: errorBody(`The model "${String(model)}" is not available on your plan`) };
  }
  return { ok: true, request: { botId, messages, stream, ...(model === undefined ? {} : { model }) } };
}

function isConversation(value: unknown): value is WireMessage[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(isWireMessage) &&
    (value.at(-1) as WireMessage).role === 'user'
  );
}

function isWireMessage(value: unknown): value is WireMessage {
  return isRecord(value) && (value.role === 'user' || value.role === 'assistant') && typeof value.content === 'string';
}
