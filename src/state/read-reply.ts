import type { ChatTransport } from '../api/client';
import { toChatError, type ChatError } from '../api/errors';
import type { CitedResource, WireMessage } from '../api/types';
import { createTextPacer } from './text-pacer';

/** How a reply ended: in full, stopped, cut at its length cap (its text kept and marked), or failed. */
export type ReplyEnding = 'done' | 'stopped' | 'cut' | ChatError;

/** Where a reply's content goes as it arrives. */
export interface ReplySink {
  /** Text, paced (see text-pacer.ts); returns true once the reply is cut at its length cap. */
  onText(text: string): boolean;
  /** The pages the reply cited. */
  onSources(citedResources: CitedResource[]): void;
}

/**
 * Asks `transport` for the reply to `messages` and reads it until it ends, fails, is
 * aborted through `controller`, or is cut. Never throws: resolves to how it ended.
 */
export async function readReply(
  transport: ChatTransport,
  messages: WireMessage[],
  controller: AbortController,
  sink: ReplySink,
): Promise<ReplyEnding> {
  const { signal } = controller;
  let isCut = false;
  const pacer = createTextPacer((text) => {
    isCut = sink.onText(text) || isCut;
    // Nothing past the cap is kept, so nothing more is worth receiving.
    if (isCut) controller.abort();
  });
  try {
    for await (const event of transport({ messages, signal })) {
      if (event.type === 'sources') sink.onSources(event.citedResources);
      else pacer.push(event.delta);
    }
    pacer.flush();
    return isCut ? 'cut' : 'done';
  } catch (caught) {
    // Whatever arrived before the failure is part of the reply.
    pacer.flush();
    const error = toChatError(caught, signal);
    return isCut ? 'cut' : error.type === 'aborted' ? 'stopped' : error;
  }
}
