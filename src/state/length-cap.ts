import type { ChatMessage } from './types';

/**
 * Longest reply kept, in characters. A runaway reply (a model looping, a hostile agent)
 * would otherwise grow until the page freezes; past this it is cut and says so.
 */
export const maxReplyLength = 100_000;

/** A reply's text with `delta` added, kept to {@link maxReplyLength}, and marked once text was left out. */
export function capReply(content: string, delta: string): Pick<ChatMessage, 'content' | 'isTruncated'> {
  const whole = content + delta;
  return whole.length <= maxReplyLength
    ? { content: whole }
    : { content: whole.slice(0, maxReplyLength), isTruncated: true };
}
