import { randomUUID } from 'node:crypto';
import type { CitedResource, WireMessage } from '../src/api/types.ts';
import type { Answer } from './knowledge-base.ts';

/** What every chunk of one completion repeats, as OpenAI-style APIs do. */
export interface CompletionMeta {
  /** `chatcmpl-` and a random suffix. */
  id: string;
  /** Unix time in seconds. */
  created: number;
  /** The model that answers. */
  model: string;
}

/** Starts a completion: a fresh `chatcmpl-…` id and the current unix time. */
export function createCompletionMeta(model: string): CompletionMeta {
  return {
    id: `chatcmpl-${randomUUID().replaceAll('-', '')}`,
    created: Math.floor(Date.now() / 1000),
    model,
  };
}

/** One `chat.completion.chunk` of a streamed reply. */
export function completionChunk(
  meta: CompletionMeta,
  delta: { role?: 'assistant'; content?: string },
  finishReason: 'stop' | null = null,
) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

/** The whole `chat.completion` of a non-streamed reply, with usage and cited pages. */
export function completion(meta: CompletionMeta, answer: Answer, messages: readonly WireMessage[]) {
  const promptTokens = messages.reduce((sum, { content }) => sum + estimateTokens(content), 0);
  const completionTokens = estimateTokens(answer.text);
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: answer.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
    payload: citations(answer.citedResources),
  };
}

/** The body of the `message_payload` event, and the `payload` of a non-streamed reply. */
export function citations(citedResources: CitedResource[]): { citedResources: CitedResource[] } {
  return { citedResources };
}

// About four characters per token, as a rough stand-in for a real tokenizer.
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The error a model provider failure produces, mid-stream or as a whole response. */
export const PROVIDER_ERROR = { error: { message: 'The model provider failed', type: 'server_error' } };
